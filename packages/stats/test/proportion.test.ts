/**
 * proportionCI and proportionDifferenceCI against statsmodels 0.13 (generate.py) and R 4.2
 * (binom.test, prop.test(correct = FALSE); generate.R). Tolerance: 1e-9 relative, with an absolute
 * floor of 1e-15 for limits at 0 (statsmodels' Wilson lower limit at x = 0 is a rounding residue of
 * order 1e-17 where R and tiltak give exactly 0).
 */
import { describe, expect, it } from "vitest";
import { type ProportionCIMethod, proportionCI, proportionDifferenceCI } from "../src/index.js";
import { reference } from "./reference.js";

const tolerance = { rel: 1e-9, abs: 1e-15 };

describe("proportionCI matches statsmodels proportion_confint", () => {
  const { meta, cases } = reference<{
    x: number;
    n: number;
    level: number;
    method: ProportionCIMethod;
    lower: number;
    upper: number;
  }>("proportions-statsmodels.json");
  it("reference data come from statsmodels", () => expect(String(meta.statsmodels)).toMatch(/^0\./));
  for (const method of ["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"] as const) {
    const group = cases.filter((c) => c.method === method);
    it(`${method} (${group.length} intervals)`, () => {
      expect(group.length).toBeGreaterThan(50);
      for (const c of group) {
        const r = proportionCI({ x: c.x, n: c.n, level: c.level, method });
        const label = `${method} x=${c.x} n=${c.n} level=${c.level}`;
        // statsmodels clips only wald and agresti-coull; tiltak clips every method to [0, 1]. For
        // jeffreys at x = 0 (x = n) tiltak uses Brown, Cai & DasGupta's limit 0 (1), statsmodels the
        // beta quantile; that limit is checked separately below.
        const jeffreysEnd = method === "jeffreys";
        const lower = jeffreysEnd && c.x === 0 ? 0 : Math.max(0, c.lower);
        const upper = jeffreysEnd && c.x === c.n ? 1 : Math.min(1, c.upper);
        expect.soft(r.lower, `${label} lower`).toBeCloseToRel(lower, tolerance);
        expect.soft(r.upper, `${label} upper`).toBeCloseToRel(upper, tolerance);
        expect.soft(r.estimate).toBe(c.x / c.n);
      }
    });
  }
});

describe("proportionCI matches R binom.test and prop.test(correct = FALSE)", () => {
  const { cases } = reference<{
    x: number;
    n: number;
    level: number;
    clopper_pearson: [number, number];
    wilson: [number, number];
  }>("proportions-r.json");
  it(`clopper-pearson = binom.test (${cases.length} intervals)`, () => {
    for (const c of cases) {
      const r = proportionCI({ x: c.x, n: c.n, level: c.level, method: "clopper-pearson" });
      expect.soft(r.lower, `x=${c.x} n=${c.n}`).toBeCloseToRel(c.clopper_pearson[0], tolerance);
      expect.soft(r.upper, `x=${c.x} n=${c.n}`).toBeCloseToRel(c.clopper_pearson[1], tolerance);
    }
  });
  it(`wilson = prop.test (${cases.length} intervals), exactly 0 and 1 at the ends as R`, () => {
    for (const c of cases) {
      const r = proportionCI({ x: c.x, n: c.n, level: c.level });
      expect.soft(r.lower, `x=${c.x} n=${c.n}`).toBeCloseToRel(c.wilson[0], tolerance);
      expect.soft(r.upper, `x=${c.x} n=${c.n}`).toBeCloseToRel(c.wilson[1], tolerance);
      if (c.x === 0) expect(r.lower).toBe(0);
      if (c.x === c.n) expect(r.upper).toBe(1);
    }
  });
});

describe("Jeffreys at the ends (Brown, Cai & DasGupta 2001)", () => {
  it("x = 0 gives lower 0 and statsmodels' upper limit; x = n the mirror image", () => {
    const zero = proportionCI({ x: 0, n: 10, method: "jeffreys" });
    expect(zero.lower).toBe(0);
    // statsmodels: proportion_confint(0, 10, method="jeffreys")[1]
    const { cases } = reference<{ x: number; n: number; level: number; method: string; upper: number }>(
      "proportions-statsmodels.json",
    );
    const ref = cases.find((c) => c.method === "jeffreys" && c.x === 0 && c.n === 10 && c.level === 0.95);
    expect(zero.upper).toBeCloseToRel(ref?.upper ?? Number.NaN, { rel: 1e-9 });
    const all = proportionCI({ x: 10, n: 10, method: "jeffreys" });
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseToRel(1 - zero.upper, { rel: 1e-12 });
  });
});

describe("proportionCI shape and errors", () => {
  it("echoes its inputs and defaults", () => {
    const r = proportionCI({ x: 27, n: 84 });
    expect(Object.keys(r).sort()).toEqual(["estimate", "level", "lower", "method", "n", "upper", "x"]);
    expect(r.method).toBe("wilson");
    expect(r.level).toBe(0.95);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it("NorA 2024, 27 of 84 exits to work: Wilson 95% interval", () => {
    const r = proportionCI({ x: 27, n: 84 });
    expect(r.lower).toBeCloseToRel(0.23126123162984738, { rel: 1e-9 });
    expect(r.upper).toBeCloseToRel(0.42721438566110259, { rel: 1e-9 });
  });
  const bad: [string, unknown, RegExp][] = [
    ["x > n", { x: 90, n: 84 }, /^x must be <= n \(84\), got 90$/],
    ["x < 0", { x: -1, n: 84 }, /^x must be an integer >= 0, got -1$/],
    ["non-integer x", { x: 2.5, n: 84 }, /^x must be an integer >= 0, got 2.5$/],
    ["n = 0", { x: 0, n: 0 }, /^n must be an integer >= 1, got 0/],
    ["negative n", { x: 0, n: -5 }, /^n must be an integer >= 1, got -5/],
    ["level 1", { x: 1, n: 4, level: 1 }, /^level must be in \(0, 1\), got 1$/],
    ["unknown method", { x: 1, n: 4, method: "exact" }, /^method must be one of/],
    ["string n", { x: 1, n: "4" }, /^n must be an integer >= 1/],
    ["misspelt option", { x: 1, n: 4, levle: 0.9 }, /levle is not an accepted option/],
  ];
  for (const [label, input, message] of bad) {
    it(`rejects ${label}`, () => {
      expect(() => proportionCI(input as never)).toThrow(message);
    });
  }
});

describe("proportionDifferenceCI (Newcombe hybrid score) matches statsmodels", () => {
  const { cases } = reference<{
    x1: number;
    n1: number;
    x2: number;
    n2: number;
    level: number;
    lower: number;
    upper: number;
  }>("newcombe.json");
  it(`${cases.length} intervals at 1e-9 relative`, () => {
    for (const c of cases) {
      const r = proportionDifferenceCI({ x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level });
      const label = `${c.x1}/${c.n1} - ${c.x2}/${c.n2} at ${c.level}`;
      expect.soft(r.lower, label).toBeCloseToRel(c.lower, tolerance);
      expect.soft(r.upper, label).toBeCloseToRel(c.upper, tolerance);
      expect.soft(r.estimate).toBe(c.x1 / c.n1 - c.x2 / c.n2);
    }
  });
  it("reproduces Newcombe (1998) Table II, example (e): 9/10 - 3/10 gives (0.1705, 0.8090)", () => {
    const r = proportionDifferenceCI({ x1: 9, n1: 10, x2: 3, n2: 10 });
    expect(r.lower).toBeCloseToRel(0.1705, { abs: 5e-5 });
    expect(r.upper).toBeCloseToRel(0.809, { abs: 5e-5 });
    expect(r.method).toBe("newcombe");
  });
  it("rejects x2 > n2", () => {
    expect(() => proportionDifferenceCI({ x1: 1, n1: 4, x2: 5, n2: 4 })).toThrow(
      /^x2 must be <= n2 \(4\), got 5$/,
    );
  });
});
