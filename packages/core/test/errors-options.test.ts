import {
  alternativeSchema,
  canonicalJson,
  formatNumber,
  formatPercent,
  integerAtLeast,
  isTiltakError,
  numberIn,
  parseOptions,
  sha256Hex,
  sum,
  TiltakError,
  toRecords,
} from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";

const schema = z.strictObject({
  n: integerAtLeast(2),
  sigLevel: z._default(numberIn(0, 1, "()"), 0.05),
  alternative: z._default(alternativeSchema, "two-sided"),
  arms: z.optional(
    z.array(z.strictObject({ name: z.string(), ratio: numberIn(0, Number.POSITIVE_INFINITY, "()") })),
  ),
});

function errorOf(run: () => unknown): TiltakError {
  try {
    run();
  } catch (error) {
    if (error instanceof TiltakError) return error;
    throw error;
  }
  throw new Error("expected a TiltakError");
}

describe("parseOptions", () => {
  it("applies defaults", () => {
    expect(parseOptions(schema, { n: 10 })).toEqual({ n: 10, sigLevel: 0.05, alternative: "two-sided" });
  });

  it("names the parameter, what it accepts and what it got", () => {
    expect(errorOf(() => parseOptions(schema, { n: 1 })).message).toBe("n must be an integer >= 2, got 1");
    expect(errorOf(() => parseOptions(schema, { n: 10, sigLevel: 1.2 })).message).toBe(
      "sigLevel must be in (0, 1), got 1.2",
    );
    expect(errorOf(() => parseOptions(schema, { n: "10" })).message).toBe(
      'n must be an integer >= 2, got "10"',
    );
    expect(errorOf(() => parseOptions(schema, { n: Number.NaN })).message).toMatch(
      /^n must be an integer >= 2, got NaN/,
    );
    expect(errorOf(() => parseOptions(schema, { n: 10, alternative: "both" })).message).toBe(
      'alternative must be one of "two-sided" | "less" | "greater", got "both"',
    );
  });

  it("gives precise paths into nested options", () => {
    const error = errorOf(() =>
      parseOptions(schema, {
        n: 10,
        arms: [
          { name: "a", ratio: 1 },
          { name: "b", ratio: -1 },
        ],
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues[0]?.path).toEqual(["arms", 1, "ratio"]);
    expect(error.message).toBe("arms[1].ratio must be in (0, Inf), got -1");
  });

  it("reports misspelt options and missing ones", () => {
    expect(errorOf(() => parseOptions(schema, { n: 10, sig_level: 0.1 })).message).toBe(
      "sig_level is not an accepted option (check its spelling)",
    );
    expect(errorOf(() => parseOptions(schema, {})).message).toMatch(/^n /);
  });

  it("collects every issue", () => {
    const error = errorOf(() => parseOptions(schema, { n: 0, sigLevel: 2 }));
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain("; ");
  });

  it("errors are TiltakErrors with stable JSON", () => {
    const error = errorOf(() => parseOptions(schema, { n: 0 }));
    expect(isTiltakError(error, "INVALID_INPUT")).toBe(true);
    expect(error.name).toBe("TiltakError");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: "INVALID_INPUT", name: "TiltakError" });
  });
});

describe("toRecords", () => {
  it("accepts records, columns and objects() tables", () => {
    const records = [
      { id: "a", x: 1 },
      { id: "b", x: 2 },
    ];
    expect(toRecords(records)).toEqual(records);
    expect(toRecords({ id: ["a", "b"], x: [1, 2] })).toEqual(records);
    expect(toRecords({ objects: () => records })).toEqual(records);
  });
  it("rejects ragged columns and bad rows", () => {
    expect(() => toRecords({ id: ["a", "b"], x: [1] })).toThrow(
      "table.x must have the same length as the other columns (2)",
    );
    expect(() => toRecords([1, 2] as never, "units")).toThrow("units[0] must be a record");
    expect(() => toRecords(42 as never)).toThrow(TiltakError);
  });
});

describe("formatting", () => {
  it("writes bokmål and English", () => {
    expect(formatNumber(0.321, { lang: "nb" })).toBe("0,321");
    expect(formatPercent(0.321, { lang: "nb" })).toBe("32,1 %");
    expect(formatPercent(0.321, { lang: "nb", nonBreaking: true })).toBe("32,1\u00a0%");
    expect(formatPercent(0.321)).toBe("32.1%");
    expect(formatNumber(-1.5, { lang: "nb", digits: 1 })).toBe("-1,5");
    expect(formatNumber(1234567.891, { lang: "nb", digits: 2 })).toBe("1 234 567,89");
  });
  it("refuses non-finite numbers", () => {
    expect(() => formatNumber(Number.NaN)).toThrow("value must be a finite number, got NaN");
    expect(() => formatPercent(Number.POSITIVE_INFINITY)).toThrow(TiltakError);
    expect(() => formatNumber(1, { digits: -1 })).toThrow(/digits must be an integer in \[0, 20\]/);
  });
});

describe("canonicalJson and sha256Hex", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: { d: 1, c: [1, { z: 1, a: 2 }] }, a: undefined })).toBe(
      '{"b":{"c":[1,{"a":2,"z":1}],"d":1}}',
    );
  });
  it("refuses NaN", () => {
    expect(() => canonicalJson({ x: [1, Number.NaN] })).toThrow(
      "x[1] must be a finite number to be serialised, got NaN",
    );
  });
  it("matches the FIPS 180-2 test vector", async () => {
    // FIPS 180-2, appendix B.2
    expect(await sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
  it("property: equal values give equal text whatever the key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        return canonicalJson(object) === canonicalJson(reversed);
      }),
    );
  });
});

describe("sum", () => {
  it("keeps digits a naive loop loses", () => {
    const values = [1, 1e16, 1, -1e16];
    expect(values.reduce((a, b) => a + b, 0)).not.toBe(2);
    expect(sum(values)).toBe(2);
  });
  it("property: equals the exact sum of small integers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 })),
        (xs) => sum(xs) === xs.reduce((a, b) => a + b, 0),
      ),
    );
  });
});
