/**
 * Properties that must hold for every input the schemas accept (fast-check, fixed seed so that runs
 * are reproducible): no NaN escapes, probabilities lie in [0, 1], cdf is monotone in x, cdf + sf = 1,
 * quantile inverts cdf, intervals are ordered, inside [0, 1] and contain their estimate.
 *
 * Tolerances: monotonicity allows 1e-13 (the noncentral series sum rounding in the last bits);
 * cdf + sf = 1 to 1e-12; quantile(cdf(x)) = x to 1e-6 relative (the cdf carries a series truncation
 * error of up to 1e-12, 1e-9 for the noncentral F, which the quantile divides by the density).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chiSquare,
  chiSquareTest,
  fisherExact,
  fisherF,
  noncentralChiSquare,
  noncentralF,
  noncentralT,
  normal,
  proportionCI,
  proportionCIMethods,
  proportionDifferenceCI,
  studentT,
} from "../src/index.js";

const params = { seed: 20241122, numRuns: 150 };
const x = fc.double({ min: -60, max: 60, noNaN: true });
const positiveX = fc.double({ min: 0, max: 300, noNaN: true });
const df = fc.double({ min: 0.2, max: 500, noNaN: true });
const ncp = fc.double({ min: -30, max: 30, noNaN: true });
const ncpNonNegative = fc.double({ min: 0, max: 150, noNaN: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true });

interface Family {
  name: string;
  /** Parameters after x. */
  parameters: fc.Arbitrary<number[]>;
  support: fc.Arbitrary<number>;
  cdf: (x: number, args: number[]) => number;
  sf: (x: number, args: number[]) => number;
  quantile: (p: number, args: number[]) => number;
  /** Absolute cdf error the quantile inherits (series truncation). */
  cdfError: number;
  /** Smallest tail probability the round trip cdf(quantile(p)) = p is checked at. */
  pMin?: number;
  /** Parameters for the round trip, when narrower than `parameters`. */
  roundTripParameters?: fc.Arbitrary<number[]>;
}

const families: Family[] = [
  {
    name: "normal",
    parameters: fc.tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: 0.01, max: 50, noNaN: true }),
    ),
    support: x,
    cdf: (v, [m, s]) => normal.cdf(v, m, s),
    sf: (v, [m, s]) => normal.sf(v, m, s),
    quantile: (p, [m, s]) => normal.quantile(p, m, s),
    cdfError: 1e-16,
  },
  {
    name: "studentT",
    parameters: fc.tuple(df),
    support: x,
    cdf: (v, [d]) => studentT.cdf(v, d as number),
    sf: (v, [d]) => studentT.sf(v, d as number),
    quantile: (p, [d]) => studentT.quantile(p, d as number),
    cdfError: 1e-16,
  },
  {
    name: "chiSquare",
    parameters: fc.tuple(df),
    support: positiveX,
    cdf: (v, [d]) => chiSquare.cdf(v, d as number),
    sf: (v, [d]) => chiSquare.sf(v, d as number),
    quantile: (p, [d]) => chiSquare.quantile(p, d as number),
    cdfError: 1e-16,
  },
  {
    name: "fisherF",
    parameters: fc.tuple(df, df),
    support: positiveX,
    cdf: (v, [a, b]) => fisherF.cdf(v, a as number, b as number),
    sf: (v, [a, b]) => fisherF.sf(v, a as number, b as number),
    quantile: (p, [a, b]) => fisherF.quantile(p, a as number, b as number),
    cdfError: 1e-16,
  },
  {
    name: "noncentralT",
    parameters: fc.tuple(df, ncp),
    support: x,
    cdf: (v, [d, n]) => noncentralT.cdf(v, d as number, n as number),
    sf: (v, [d, n]) => noncentralT.sf(v, d as number, n as number),
    quantile: (p, [d, n]) => noncentralT.quantile(p, d as number, n as number),
    cdfError: 1e-12,
    // As R, the lower tail for x < 0 is 1 − (series), with an absolute accuracy of ~1e-16, and for
    // small df the far tail needs |x| so large that t²/(t² + df) loses its digits next to 1
    // (R: pt(-1e10, 0.2, 0.1) = 0, where the central pt(-1e10, 0.2) is 0.0038). The round trip is
    // checked where that tail is representable: p >= 1e-6 and df >= 2 (see roundTripParameters).
    pMin: 1e-6,
    roundTripParameters: fc.tuple(fc.double({ min: 2, max: 500, noNaN: true }), ncp),
  },
  {
    name: "noncentralChiSquare",
    parameters: fc.tuple(df, ncpNonNegative),
    support: positiveX,
    cdf: (v, [d, n]) => noncentralChiSquare.cdf(v, d as number, n as number),
    sf: (v, [d, n]) => noncentralChiSquare.sf(v, d as number, n as number),
    quantile: (p, [d, n]) => noncentralChiSquare.quantile(p, d as number, n as number),
    cdfError: 1e-12,
  },
  {
    name: "noncentralF",
    parameters: fc.tuple(df, df, ncpNonNegative),
    support: positiveX,
    cdf: (v, [a, b, n]) => noncentralF.cdf(v, a as number, b as number, n as number),
    sf: (v, [a, b, n]) => noncentralF.sf(v, a as number, b as number, n as number),
    quantile: (p, [a, b, n]) => noncentralF.quantile(p, a as number, b as number, n as number),
    cdfError: 1e-9,
  },
];

describe.each(families)("$name", (family) => {
  it("cdf and sf are probabilities that add to 1, never NaN", () => {
    fc.assert(
      fc.property(family.support, family.parameters, (v, args) => {
        const lower = family.cdf(v, args);
        const upper = family.sf(v, args);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(lower).toBeLessThanOrEqual(1);
        expect(upper).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower + upper).toBeCloseToRel(1, { abs: 1e-12 });
      }),
      params,
    );
  });
  it("cdf is non-decreasing in x", () => {
    fc.assert(
      fc.property(family.support, family.support, family.parameters, (a, b, args) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(family.cdf(lo, args)).toBeLessThanOrEqual(family.cdf(hi, args) + 1e-13);
      }),
      params,
    );
  });
  it("quantile is never NaN and cdf(quantile(p)) = p", () => {
    fc.assert(
      fc.property(probability, family.roundTripParameters ?? family.parameters, (p, args) => {
        const q = family.quantile(p, args);
        expect(Number.isNaN(q)).toBe(false);
        const pMin = family.pMin ?? 1e-12;
        if (p > pMin && p < 1 - pMin && Number.isFinite(q)) {
          expect(family.cdf(q, args)).toBeCloseToRel(p, { rel: 1e-8, abs: 10 * family.cdfError + 1e-15 });
        }
      }),
      params,
    );
  });
  it("quantile(cdf(x)) = x where the cdf is informative", () => {
    fc.assert(
      fc.property(family.support, family.parameters, (v, args) => {
        const p = family.cdf(v, args);
        fc.pre(p > 1e-4 && p < 1 - 1e-4);
        // The quantile's error is the cdf error divided by the density: keep x where the density
        // (central difference) is large enough for 1e-6 relative.
        const h = 1e-5 * Math.max(1, Math.abs(v));
        const density = (family.cdf(v + h, args) - family.cdf(v - h, args)) / (2 * h);
        fc.pre(density * Math.max(1, Math.abs(v)) > 1e4 * family.cdfError);
        expect(family.quantile(p, args)).toBeCloseToRel(v, { rel: 1e-6, abs: 1e-9 });
      }),
      { ...params, numRuns: 100 },
    );
  });
});

describe("no NaN anywhere in the accepted domain", () => {
  // Wider than the ranges above: any x (infinities included), df from 1e-3 to 1e7, |ncp| up to 1e3.
  const anyX = fc.double({ noNaN: true });
  const wideDf = fc.double({ min: 1e-3, max: 1e7, noNaN: true });
  const wideNcp = fc.double({ min: -1e3, max: 1e3, noNaN: true });
  const wideNcpNonNegative = fc.double({ min: 0, max: 1e3, noNaN: true });
  it("cdf, sf and pdf of every distribution return numbers in range", () => {
    fc.assert(
      fc.property(anyX, wideDf, wideDf, wideNcp, wideNcpNonNegative, (v, d1, d2, n, c) => {
        const probabilities = [
          normal.cdf(v),
          normal.sf(v, 1, 2),
          studentT.cdf(v, d1),
          studentT.sf(v, d1),
          chiSquare.cdf(v, d1),
          chiSquare.sf(v, d1),
          fisherF.cdf(v, d1, d2),
          fisherF.sf(v, d1, d2),
          noncentralT.cdf(v, d1, n),
          noncentralT.sf(v, d1, n),
          noncentralChiSquare.cdf(v, d1, c),
          noncentralChiSquare.sf(v, d1, c),
          noncentralF.cdf(v, d1, d2, c),
          noncentralF.sf(v, d1, d2, c),
        ];
        for (const value of probabilities) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        for (const density of [
          normal.pdf(v),
          studentT.pdf(v, d1),
          chiSquare.pdf(v, d1),
          fisherF.pdf(v, d1, d2),
        ]) {
          expect(density).toBeGreaterThanOrEqual(0);
        }
      }),
      { ...params, numRuns: 300 },
    );
  });
  it("quantiles are numbers (possibly infinite at p = 0 or 1), never NaN", () => {
    fc.assert(
      fc.property(
        probability,
        fc.double({ min: 1e-2, max: 1e5, noNaN: true }),
        wideNcp,
        wideNcpNonNegative,
        (p, d, n, c) => {
          for (const q of [
            normal.quantile(p),
            studentT.quantile(p, d),
            chiSquare.quantile(p, d),
            fisherF.quantile(p, d, d + 1),
            noncentralT.quantile(p, d, n),
            noncentralChiSquare.quantile(p, d, c),
            noncentralF.quantile(p, d, d + 1, c),
          ]) {
            expect(Number.isNaN(q)).toBe(false);
          }
        },
      ),
      { ...params, numRuns: 60 },
    );
  });
});

const counts = fc
  .integer({ min: 1, max: 2000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const level = fc.double({ min: 0.5, max: 0.9999, noNaN: true });

describe("intervals", () => {
  it("proportionCI: 0 <= lower <= estimate <= upper <= 1 for every method at any level, never NaN", () => {
    // Jeffreys is the one exception below level 0.5: a short equal-tailed interval sits around the
    // posterior median of Beta(x + 1/2, n - x + 1/2), which need not contain x/n. It is checked from 0.5 up.
    const anyLevel = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
    fc.assert(
      fc.property(counts, anyLevel, fc.constantFrom(...proportionCIMethods), ([k, n], l, method) => {
        const r = proportionCI({ x: k, n, level: method === "jeffreys" ? Math.max(l, 0.5) : l, method });
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.lower).toBeLessThanOrEqual(r.estimate);
        expect(r.estimate).toBeLessThanOrEqual(r.upper);
        expect(r.upper).toBeLessThanOrEqual(1);
      }),
      { ...params, numRuns: 400 },
    );
  });
  it("proportionCI: a higher level gives a wider interval", () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...proportionCIMethods), ([k, n], method) => {
        const narrow = proportionCI({ x: k, n, level: 0.8, method });
        const wide = proportionCI({ x: k, n, level: 0.99, method });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
      }),
      params,
    );
  });
  it("proportionDifferenceCI: -1 <= lower <= estimate <= upper <= 1", () => {
    fc.assert(
      fc.property(counts, counts, level, ([x1, n1], [x2, n2], l) => {
        const r = proportionDifferenceCI({ x1, n1, x2, n2, level: l });
        expect(r.lower).toBeGreaterThanOrEqual(-1);
        expect(r.lower).toBeLessThanOrEqual(r.estimate + 1e-15);
        expect(r.estimate).toBeLessThanOrEqual(r.upper + 1e-15);
        expect(r.upper).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });
});

const cell = fc.integer({ min: 0, max: 60 });
const table2x2 = fc
  .tuple(cell, cell, cell, cell)
  .filter((t) => t.some((v) => v > 0))
  .map(([a, b, c, d]) => [
    [a, b],
    [c, d],
  ]);

describe("tables", () => {
  it("fisherExact: p in [0, 1], ciLower <= oddsRatio <= ciUpper, plain JSON", () => {
    fc.assert(
      fc.property(
        table2x2,
        fc.constantFrom("two-sided", "less", "greater") as fc.Arbitrary<"two-sided" | "less" | "greater">,
        (table, alternative) => {
          const r = fisherExact({ table, alternative });
          expect(r.p).toBeGreaterThanOrEqual(0);
          expect(r.p).toBeLessThanOrEqual(1);
          // Plain JSON: no NaN and no infinity (an infinite estimate or limit is null).
          expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
          const inf = (v: number | null): number => v ?? Number.POSITIVE_INFINITY;
          expect(r.precise.ciLower).toBeLessThanOrEqual(inf(r.precise.oddsRatio));
          expect(inf(r.precise.oddsRatio)).toBeLessThanOrEqual(inf(r.precise.ciUpper));
          expect(r.ciLower).toBeLessThanOrEqual(inf(r.ciUpper));
        },
      ),
      { ...params, numRuns: 100 },
    );
  });
  it("chiSquareTest: statistic >= 0, p in [0, 1], expected margins equal observed margins", () => {
    const table = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })).chain(([r, c]) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: c, maxLength: c }), {
        minLength: r,
        maxLength: r,
      }),
    );
    fc.assert(
      fc.property(table, fc.boolean(), (t, correct) => {
        const r = chiSquareTest({ table: t, correct });
        expect(r.statistic).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        t.forEach((row, i) => {
          const observed = row.reduce((s, v) => s + v, 0);
          const expected = (r.expected[i] as number[]).reduce((s, v) => s + v, 0);
          expect(expected).toBeCloseToRel(observed, { rel: 1e-12 });
        });
      }),
      params,
    );
  });
});
