/**
 * Contract tests for @tiltak/stats against docs/design.md ("### @tiltak/stats") and issue 2, with fresh
 * R 4.2 reference values from test/reference/contract/generate.R (cases differ from the package's own).
 * Tolerances: 1e-9 relative for distributions and 2x2 tests, 1e-9 for intervals (closed forms / qbeta).
 */
import * as statsPkg from "@tiltak/stats";
import fc from "fast-check";
import { stats as umbrellaStats } from "tiltak";
import { describe, expect, it } from "vitest";
import { DIST, expectKeys, expectPlainJson, expectTiltakError, type Json, ref } from "./helpers.js";

const S = statsPkg as Json;
const dist = ref.distributions;

describe("@tiltak/stats exports (docs/design.md table)", () => {
  const names = [
    "normal",
    "studentT",
    "chiSquare",
    "fisherF",
    "noncentralT",
    "noncentralF",
    "noncentralChiSquare",
    "proportionCI",
    "fisherExact",
    "chiSquareTest",
  ];
  it.each(names)("%s is exported by the package and the umbrella namespace", (name) => {
    expect(S[name]).toBeDefined();
    expect((umbrellaStats as Json)[name]).toBe(S[name]);
  });
  it.each(["normal", "studentT", "chiSquare", "fisherF"])("%s has cdf, quantile and pdf", (name) => {
    for (const f of ["cdf", "quantile", "pdf"]) expect(typeof S[name][f], `${name}.${f}`).toBe("function");
  });
  it("noncentralT has cdf and quantile; noncentralF and noncentralChiSquare have cdf", () => {
    expect(typeof S.noncentralT.cdf).toBe("function");
    expect(typeof S.noncentralT.quantile).toBe("function");
    expect(typeof S.noncentralF.cdf).toBe("function");
    expect(typeof S.noncentralChiSquare.cdf).toBe("function");
  });
});

describe("distributions against R (1e-9 relative)", () => {
  it.each(dist.ncT as Json[])("noncentralT.cdf($x, $df, $ncp) = pt()", (c) => {
    expect(S.noncentralT.cdf(c.x, c.df, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
  it.each(dist.ncTQuantile as Json[])("noncentralT.quantile($p, $df, $ncp) = qt()", (c) => {
    expect(S.noncentralT.quantile(c.p, c.df, c.ncp)).toBeCloseToRel(c.q, { rel: DIST });
  });
  it.each(dist.ncChiSq as Json[])("noncentralChiSquare.cdf($x, $df, $ncp) = pchisq()", (c) => {
    expect(S.noncentralChiSquare.cdf(c.x, c.df, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
  it.each(dist.ncF as Json[])("noncentralF.cdf($x, $df1, $df2, $ncp) = pf()", (c) => {
    expect(S.noncentralF.cdf(c.x, c.df1, c.df2, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
  it("central normal, studentT, chiSquare, fisherF: cdf, quantile, pdf = pnorm/qnorm/dnorm, pt/qt/dt, …", () => {
    const c = dist.central;
    expect(S.normal.cdf(c.normal.cdf.x)).toBeCloseToRel(c.normal.cdf.v, { rel: DIST });
    expect(S.normal.quantile(c.normal.quantile.p)).toBeCloseToRel(c.normal.quantile.v, { rel: DIST });
    expect(S.normal.pdf(c.normal.pdf.x)).toBeCloseToRel(c.normal.pdf.v, { rel: DIST });
    expect(S.studentT.cdf(c.studentT.cdf.x, c.studentT.cdf.df)).toBeCloseToRel(c.studentT.cdf.v, {
      rel: DIST,
    });
    expect(S.studentT.quantile(c.studentT.quantile.p, c.studentT.quantile.df)).toBeCloseToRel(
      c.studentT.quantile.v,
      { rel: DIST },
    );
    expect(S.studentT.pdf(c.studentT.pdf.x, c.studentT.pdf.df)).toBeCloseToRel(c.studentT.pdf.v, {
      rel: DIST,
    });
    expect(S.chiSquare.cdf(c.chiSquare.cdf.x, c.chiSquare.cdf.df)).toBeCloseToRel(c.chiSquare.cdf.v, {
      rel: DIST,
    });
    expect(S.chiSquare.quantile(c.chiSquare.quantile.p, c.chiSquare.quantile.df)).toBeCloseToRel(
      c.chiSquare.quantile.v,
      { rel: DIST },
    );
    expect(S.chiSquare.pdf(c.chiSquare.pdf.x, c.chiSquare.pdf.df)).toBeCloseToRel(c.chiSquare.pdf.v, {
      rel: DIST,
    });
    const f = c.fisherF;
    expect(S.fisherF.cdf(f.cdf.x, f.cdf.df1, f.cdf.df2)).toBeCloseToRel(f.cdf.v, { rel: DIST });
    expect(S.fisherF.quantile(f.quantile.p, f.quantile.df1, f.quantile.df2)).toBeCloseToRel(f.quantile.v, {
      rel: DIST,
    });
    expect(S.fisherF.pdf(f.pdf.x, f.pdf.df1, f.pdf.df2)).toBeCloseToRel(f.pdf.v, { rel: DIST });
  });
  it("noncentral with ncp = 0 equals the central distribution", () => {
    expect(S.noncentralT.cdf(1.3, 11, 0)).toBeCloseToRel(S.studentT.cdf(1.3, 11), { rel: 1e-12 });
    expect(S.noncentralChiSquare.cdf(4.2, 5, 0)).toBeCloseToRel(S.chiSquare.cdf(4.2, 5), { rel: 1e-12 });
    expect(S.noncentralF.cdf(1.7, 3, 25, 0)).toBeCloseToRel(S.fisherF.cdf(1.7, 3, 25), { rel: 1e-12 });
  });
  it("property: noncentralT.cdf is in [0, 1], decreasing in ncp, increasing in x; quantile inverts cdf", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (x, df, ncp) => {
          const p = S.noncentralT.cdf(x, df, ncp);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(S.noncentralT.cdf(x, df, ncp + 0.5)).toBeLessThanOrEqual(p + 1e-12);
          expect(S.noncentralT.cdf(x + 0.5, df, ncp)).toBeGreaterThanOrEqual(p - 1e-12);
          if (p > 1e-6 && p < 1 - 1e-6) {
            expect(S.noncentralT.quantile(p, df, ncp)).toBeCloseToRel(x, { rel: 1e-6, abs: 1e-6 });
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});

describe("distributions: bad input → TiltakError naming the parameter", () => {
  it("df ≤ 0", () => {
    expectTiltakError(() => S.studentT.cdf(1, 0), "INVALID_INPUT", "df");
    expectTiltakError(() => S.chiSquare.cdf(1, -2), "INVALID_INPUT", "df");
    expectTiltakError(() => S.noncentralT.cdf(1, -1, 0.5), "INVALID_INPUT", "df");
    expectTiltakError(() => S.noncentralChiSquare.cdf(1, 0, 2), "INVALID_INPUT", "df");
    expectTiltakError(() => S.noncentralF.cdf(1, 0, 10, 2), "INVALID_INPUT", "df1");
    expectTiltakError(() => S.noncentralF.cdf(1, 3, -1, 2), "INVALID_INPUT", "df2");
  });
  it("probability outside [0, 1] for quantile", () => {
    expectTiltakError(() => S.normal.quantile(1.2), "INVALID_INPUT", "p");
    expectTiltakError(() => S.noncentralT.quantile(-0.1, 5, 1), "INVALID_INPUT", "p");
  });
  it("negative ncp for chi-square and F", () => {
    expectTiltakError(() => S.noncentralChiSquare.cdf(1, 3, -1), "INVALID_INPUT", "ncp");
    expectTiltakError(() => S.noncentralF.cdf(1, 3, 10, -1), "INVALID_INPUT", "ncp");
  });
  it("non-numeric arguments", () => {
    expectTiltakError(() => S.studentT.cdf("1" as unknown as number, 5), "INVALID_INPUT", "x");
    expectTiltakError(() => S.noncentralT.cdf(1, Number.NaN, 1), "INVALID_INPUT", "df");
  });
});

describe("proportionCI against R binom.test / prop.test / qbeta and statsmodels formulas", () => {
  const methods = ["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"];
  for (const c of ref.proportionCI as Json[]) {
    for (const method of methods) {
      // Jeffreys at x = 0 or x = n: conventions differ (Brown, Cai & DasGupta set the bound to 0/1); skip that pair only.
      if (method === "jeffreys" && (c.x === 0 || c.x === c.n)) continue;
      it(`proportionCI({ x: ${c.x}, n: ${c.n}, level: ${c.level}, method: "${method}" })`, () => {
        const r = S.proportionCI({ x: c.x, n: c.n, level: c.level, method });
        expectKeys(r, ["estimate", "lower", "upper", "level", "method"]);
        expectPlainJson(r);
        expect(r.method).toBe(method);
        expect(r.level).toBe(c.level);
        expect(r.estimate).toBeCloseToRel(c.estimate, { rel: 1e-12 });
        expect(r.lower).toBeCloseToRel(c[method][0], { rel: DIST, abs: 1e-14 });
        expect(r.upper).toBeCloseToRel(c[method][1], { rel: DIST, abs: 1e-14 });
      });
    }
  }
  it("default method is wilson and default level 0.95", () => {
    const r = S.proportionCI({ x: 27, n: 84 });
    expect(r.method).toBe("wilson");
    expect(r.level).toBe(0.95);
  });
  it("property: every method's interval lies in [0, 1] and contains the estimate (0 < x < n)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 500 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom(...methods),
        (n, f, method) => {
          const x = Math.min(n - 1, Math.max(1, Math.round(f * n)));
          const r = S.proportionCI({ x, n, method });
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(r.upper).toBeLessThanOrEqual(1);
          expect(r.lower).toBeLessThanOrEqual(r.estimate);
          expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });
  it("bad input: x > n, negative n, non-integer x, level outside (0,1), unknown method, non-numeric", () => {
    expectTiltakError(() => S.proportionCI({ x: 85, n: 84 }), "INVALID_INPUT", "x");
    expectTiltakError(() => S.proportionCI({ x: 2, n: -5 }), "INVALID_INPUT", "n");
    expectTiltakError(() => S.proportionCI({ x: 2.5, n: 10 }), "INVALID_INPUT", "x");
    expectTiltakError(() => S.proportionCI({ x: 2, n: 10, level: 1.5 }), "INVALID_INPUT", "level");
    expectTiltakError(() => S.proportionCI({ x: 2, n: 10, method: "exact-ish" }), "INVALID_INPUT", "method");
    expectTiltakError(() => S.proportionCI({ x: "2", n: 10 }), "INVALID_INPUT", "x");
  });
});

describe("fisherExact against R fisher.test", () => {
  const altName: Record<string, string> = { "two.sided": "two-sided", greater: "greater", less: "less" };
  it.each(ref.fisher as Json[])("fisherExact({ table: $table, alternative: $alternative })", (c) => {
    const r = S.fisherExact({ table: c.table, alternative: altName[c.alternative] });
    expectKeys(r, ["p", "oddsRatio"]);
    expect(r.p).toBeCloseToRel(c.p, { rel: DIST });
    expect(r.oddsRatio).toBeCloseToRel(c.oddsRatio, { rel: 1e-7, abs: 1e-12 });
  });
  it("results are plain JSON (no Infinity) also for one-sided alternatives", () => {
    expectPlainJson(
      S.fisherExact({
        table: [
          [27, 15],
          [57, 69],
        ],
      }),
    );
    expectPlainJson(
      S.fisherExact({
        table: [
          [27, 15],
          [57, 69],
        ],
        alternative: "greater",
      }),
    );
    expectPlainJson(
      S.fisherExact({
        table: [
          [0, 8],
          [6, 5],
        ],
      }),
    );
  });
  it("bad input: not 2x2, negative or non-integer cells, unknown alternative", () => {
    expectTiltakError(
      () =>
        S.fisherExact({
          table: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        }),
      "INVALID_INPUT",
      "table",
    );
    expectTiltakError(
      () =>
        S.fisherExact({
          table: [
            [1, -2],
            [3, 4],
          ],
        }),
      "INVALID_INPUT",
      "table",
    );
    expectTiltakError(
      () =>
        S.fisherExact({
          table: [
            [1, 2.5],
            [3, 4],
          ],
        }),
      "INVALID_INPUT",
      "table",
    );
    expectTiltakError(
      () =>
        S.fisherExact({
          table: [
            [1, 2],
            [3, 4],
          ],
          alternative: "two.sided",
        }),
      "INVALID_INPUT",
      "alternative",
    );
  });
});

describe("chiSquareTest against R chisq.test", () => {
  it.each(ref.chisq as Json[])("chiSquareTest({ table: $table, correct: $correct })", (c) => {
    const r = S.chiSquareTest({ table: c.table, correct: c.correct });
    expectKeys(r, ["statistic", "df", "p"]);
    expectPlainJson(r);
    expect(r.statistic).toBeCloseToRel(c.statistic, { rel: DIST });
    expect(r.df).toBe(c.df);
    expect(r.p).toBeCloseToRel(c.p, { rel: DIST });
  });
  it("correct defaults to TRUE, as in R", () => {
    const c = (ref.chisq as Json[])[0];
    expect(S.chiSquareTest({ table: c.table }).statistic).toBeCloseToRel(c.statistic, { rel: DIST });
  });
  it("bad input: negative counts, ragged table", () => {
    expectTiltakError(
      () =>
        S.chiSquareTest({
          table: [
            [1, -2],
            [3, 4],
          ],
        }),
      "INVALID_INPUT",
      "table",
    );
    expectTiltakError(() => S.chiSquareTest({ table: [[1, 2], [3]] }), "INVALID_INPUT", "table");
  });
});

describe("issue 2 extras: noncentral quantiles, normal(mean, sd), Newcombe difference interval", () => {
  it("noncentralF.quantile and noncentralChiSquare.quantile = qf / qchisq with ncp", () => {
    const q = dist.ncQuantiles;
    expect(S.noncentralF.quantile(q.F.p, q.F.df1, q.F.df2, q.F.ncp)).toBeCloseToRel(q.F.q, { rel: DIST });
    expect(S.noncentralChiSquare.quantile(q.chiSquare.p, q.chiSquare.df, q.chiSquare.ncp)).toBeCloseToRel(
      q.chiSquare.q,
      {
        rel: DIST,
      },
    );
  });
  it("normal.cdf/pdf/quantile with mean and sd = pnorm/dnorm/qnorm(…, mean, sd)", () => {
    const c = dist.normalMeanSd;
    expect(S.normal.cdf(c.x, c.mean, c.sd)).toBeCloseToRel(c.cdf, { rel: DIST });
    expect(S.normal.pdf(c.x, c.mean, c.sd)).toBeCloseToRel(c.pdf, { rel: DIST });
    expect(S.normal.quantile(c.p, c.mean, c.sd)).toBeCloseToRel(c.q, { rel: DIST });
  });
  it.each(ref.newcombe as Json[])(
    "proportionDifferenceCI($x1/$n1 − $x2/$n2, level $level) = Newcombe hybrid score",
    (c) => {
      const r = S.proportionDifferenceCI({ x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level });
      expectPlainJson(r);
      expect(r.estimate).toBeCloseToRel(c.estimate, { rel: 1e-12 });
      expect(r.lower).toBeCloseToRel(c.lower, { rel: DIST });
      expect(r.upper).toBeCloseToRel(c.upper, { rel: DIST });
    },
  );
});

describe("no NaN escapes for inputs the schema accepts (issue 2 'Done means')", () => {
  it("proportionCI over every x in [0, n], every method and level: finite bounds, 0 ≤ lower ≤ upper ≤ 1", () => {
    const methods = ["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...methods),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, f, method, level) => {
          const x = Math.round(f * n);
          const r = S.proportionCI({ x, n, method, level });
          expectPlainJson(r);
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(r.upper).toBeLessThanOrEqual(1);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
        },
      ),
      { numRuns: 150, seed: 21 },
    );
  });
  it("noncentral chi-square and F cdfs over wide ranges are finite and in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0.2, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0.5, max: 300, noNaN: true }),
        (x, df, ncp, df2) => {
          for (const p of [S.noncentralChiSquare.cdf(x, df, ncp), S.noncentralF.cdf(x / 10, df, df2, ncp)]) {
            expect(Number.isFinite(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 80, seed: 22 },
    );
  });
});

describe("degenerate inputs: a TiltakError or plain JSON, never NaN", () => {
  it("proportionCI with n = 0 → TiltakError naming n", () => {
    expectTiltakError(() => S.proportionCI({ x: 0, n: 0 }), "INVALID_INPUT", "n");
  });
  it("chiSquareTest with an empty column (R gives X-squared = NaN) → TiltakError or plain JSON", () => {
    let r: Json;
    try {
      r = S.chiSquareTest({
        table: [
          [0, 3],
          [0, 4],
        ],
      });
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      return;
    }
    expectPlainJson(r);
  });
  it("fisherExact with an empty column (R: p = 1, OR = 0, CI [0, Inf]) → p = 1 and plain JSON", () => {
    let r: Json;
    try {
      r = S.fisherExact({
        table: [
          [0, 3],
          [0, 4],
        ],
      });
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      return;
    }
    expect(r.p).toBeCloseToRel(1, { rel: 1e-12 });
    expectPlainJson(r);
  });
});

describe("seeded grid of regimes against R (generate.R distributionGrid), 1e-9 relative", () => {
  const grid = ref.distributionGrid;
  it.each(grid.t as Json[])("noncentralT.cdf($x, $df, $ncp)", (c) => {
    expect(S.noncentralT.cdf(c.x, c.df, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
  it.each(grid.chisq as Json[])("noncentralChiSquare.cdf($x, $df, $ncp)", (c) => {
    expect(S.noncentralChiSquare.cdf(c.x, c.df, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
  it.each(grid.f as Json[])("noncentralF.cdf($x, $df1, $df2, $ncp)", (c) => {
    expect(S.noncentralF.cdf(c.x, c.df1, c.df2, c.ncp)).toBeCloseToRel(c.cdf, { rel: DIST });
  });
});
