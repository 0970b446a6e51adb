// tTest skips the zod parse for plainly valid options (isPlainTTestOptions). That shortcut must never
// accept what tTestOptions rejects, and a call that takes it must give exactly the result of the same
// call through zod (an object with a null prototype always goes through zod).
import { tTest, tTestOptions } from "@tiltak/power";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainTTestOptions } from "../src/t-test.js";

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double(),
  fc.constantFrom(0, 1, 2, -1, 0.05, 0.8, 1e-300, Number.POSITIVE_INFINITY, Number.NaN),
  fc.constantFrom("two-sample", "one-sample", "paired", "two-sided", "less", "greater", "welch", "0.5"),
  fc.boolean(),
  fc.array(fc.double(), { maxLength: 2 }),
);
const key = fc.constantFrom(
  "n",
  "d",
  "sigLevel",
  "power",
  "type",
  "alternative",
  "N",
  "sig.level",
  "__proto__",
);
const options = fc.dictionary(key, anyValue, { maxKeys: 6 });

describe("tTest's fast validation path", () => {
  it("accepts only options the zod schema accepts, unchanged", () => {
    fc.assert(
      fc.property(options, (input) => {
        if (isPlainTTestOptions(input)) {
          const parsed = tTestOptions.safeParse(input);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(input);
        }
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it("accepts the ordinary calls, and rejects non-plain objects and unknown keys", () => {
    expect(isPlainTTestOptions({ d: 0.5, power: 0.8 })).toBe(true);
    expect(isPlainTTestOptions({ n: 30, d: -0.5, sigLevel: null, power: 0.8, type: "paired" })).toBe(true);
    expect(isPlainTTestOptions({ d: 0.5, power: 0.8, alternative: "less", sigLevel: undefined })).toBe(true);
    expect(isPlainTTestOptions(Object.assign(Object.create(null), { d: 0.5, power: 0.8 }))).toBe(false);
    expect(isPlainTTestOptions({ d: 0.5, power: 0.8, extra: 1 })).toBe(false);
    expect(isPlainTTestOptions({ n: 1.5, d: 0.5 })).toBe(false);
    expect(isPlainTTestOptions({ d: Number.POSITIVE_INFINITY, power: 0.8 })).toBe(false);
    expect(isPlainTTestOptions({ d: 0.5, power: 1 })).toBe(false);
    expect(isPlainTTestOptions([0.5])).toBe(false);
    expect(isPlainTTestOptions(null)).toBe(false);
  });

  it("gives the same result as the zod path, for every solved parameter", () => {
    const calls = [
      { d: 0.5, power: 0.8 },
      { n: 30, d: 0.5 },
      { n: 30, power: 0.8, type: "paired" as const, alternative: "greater" as const },
      { n: 30, d: 0.5, power: 0.8, sigLevel: null },
      { d: -0.3, power: 0.9, type: "one-sample" as const, alternative: "less" as const },
    ];
    for (const call of calls) {
      expect(isPlainTTestOptions(call)).toBe(true);
      const throughZod = Object.assign(Object.create(null), call);
      expect(tTest(call)).toEqual(tTest(throughZod));
    }
  });

  it("still reports invalid options exactly as the schema does", () => {
    expect(() => tTest({ d: 0.5, power: 1.2 })).toThrow(/^power must be in \(0, 1\)/);
    expect(() => tTest({ d: 0.5, power: 0.8, extra: 1 } as never)).toThrow(/extra/);
  });
});
