/**
 * Distributions against R 4.2 (`test/reference/stats/generate.R`).
 *
 * Tolerances:
 * - every cdf, sf and pdf value: 1e-9 relative (the grid keeps only values R computes reliably; see
 *   the notes at the top of generate.R);
 * - central quantiles: 1e-9 relative, with an absolute floor of 1e-14 for the median of symmetric
 *   distributions (R returns 2.6e-16 for qt(0.5, 0.5), the exact answer is 0);
 * - noncentral quantiles: 1e-9 relative, widened where the quantile is ill-conditioned: the cdf is a
 *   series truncated at an absolute error bound (1e-12 for pt and pchisq, 1e-9 for pf), and an
 *   absolute cdf error e moves the quantile by e / f(x). The tolerance is
 *   max(1e-9, 10 · bound / (x · f(x))), with f from a central difference of the cdf.
 */
import { describe, expect, it } from "vitest";
import {
  chiSquare,
  fisherF,
  noncentralChiSquare,
  noncentralF,
  noncentralT,
  normal,
  studentT,
} from "../src/index.js";
import { reference } from "./reference.js";

type Fn = "cdf" | "sf" | "pdf" | "quantile";
interface CentralCase {
  dist: "normal" | "studentT" | "chiSquare" | "fisherF";
  fn: Fn;
  args: number[];
  value: number;
}
interface NoncentralCase {
  fn: Fn;
  x?: number;
  p?: number;
  df?: number;
  df1?: number;
  df2?: number;
  ncp: number;
  value: number;
}

const distributions = { normal, studentT, chiSquare, fisherF } as unknown as Record<
  string,
  Record<Fn, (...args: number[]) => number>
>;

describe("central distributions match R (1e-9 relative)", () => {
  const { meta, cases } = reference<CentralCase>("central.json");
  it("reference data come from R", () => {
    expect(String(meta.R)).toMatch(/^R version 4/);
    expect(cases.length).toBeGreaterThan(800);
  });
  const groups = new Map<string, CentralCase[]>();
  for (const c of cases) {
    const key = `${c.dist}.${c.fn}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    it(`${key} (${group.length} points)`, () => {
      for (const c of group) {
        const got = (distributions[c.dist] as Record<Fn, (...args: number[]) => number>)[c.fn](...c.args);
        expect.soft(got, `${key}(${c.args.join(", ")})`).toBeCloseToRel(c.value, {
          rel: 1e-9,
          abs: c.fn === "quantile" ? 1e-14 : 0,
        });
      }
    });
  }
});

function noncentralSuite(
  file: string,
  name: string,
  call: (fn: Fn, first: number, c: NoncentralCase) => number,
  seriesBound: number,
) {
  describe(`${name} matches R`, () => {
    const { cases } = reference<NoncentralCase>(file);
    for (const fn of ["cdf", "sf", "quantile"] as const) {
      const group = cases.filter((c) => c.fn === fn);
      it(`${name}.${fn} (${group.length} points)`, () => {
        expect(group.length).toBeGreaterThan(100);
        for (const c of group) {
          const first = (fn === "quantile" ? c.p : c.x) as number;
          const got = call(fn, first, c);
          let rel = 1e-9;
          if (fn === "quantile") {
            const h = 1e-6 * Math.max(Math.abs(c.value), 1e-3);
            const density = (call("cdf", c.value + h, c) - call("cdf", c.value - h, c)) / (2 * h);
            rel = Math.max(rel, (10 * seriesBound) / Math.abs(c.value * density));
          }
          const label = `${name}.${fn}(${first}, ${c.df ?? `${c.df1}, ${c.df2}`}, ${c.ncp})`;
          expect.soft(got, label).toBeCloseToRel(c.value, { rel });
        }
      });
    }
  });
}

noncentralSuite(
  "noncentral-t.json",
  "noncentralT",
  (fn, first, c) => noncentralT[fn === "pdf" ? "cdf" : fn](first, c.df as number, c.ncp),
  1e-12,
);
noncentralSuite(
  "noncentral-chi-square.json",
  "noncentralChiSquare",
  (fn, first, c) => noncentralChiSquare[fn === "pdf" ? "cdf" : fn](first, c.df as number, c.ncp),
  1e-12,
);
noncentralSuite(
  "noncentral-f.json",
  "noncentralF",
  (fn, first, c) => noncentralF[fn === "pdf" ? "cdf" : fn](first, c.df1 as number, c.df2 as number, c.ncp),
  1e-9,
);

describe("closed forms, where R's own quantiles lose digits", () => {
  it("F(1, 1) quantile is tan(pi p / 2)^2 down to p = 1e-12", () => {
    for (const p of [1e-12, 1e-8, 1e-6, 1e-3, 0.3]) {
      expect(fisherF.quantile(p, 1, 1)).toBeCloseToRel(Math.tan((Math.PI * p) / 2) ** 2, { rel: 1e-9 });
    }
  });
  it("F(2, 20) quantile is 10 ((1 - p)^(-1/10) - 1)", () => {
    for (const p of [1e-10, 1e-6, 0.05, 0.9]) {
      const exact = 10 * Math.expm1(-Math.log1p(-p) / 10);
      expect(fisherF.quantile(p, 2, 20)).toBeCloseToRel(exact, { rel: 1e-9 });
    }
  });
  it("normal quantile keeps relative accuracy in both tails", () => {
    for (const z of [-37, -20, -9.5, -1e-3]) {
      const p = normal.cdf(z);
      expect(normal.quantile(p)).toBeCloseToRel(z, { rel: 1e-12 });
    }
    expect(normal.quantile(1e-300)).toBeCloseToRel(-37.04709629936122, { rel: 1e-13 });
  });
  it("the upper tail is computed in the tail, not as 1 - cdf", () => {
    expect(normal.sf(30)).toBeCloseToRel(4.906713927148187e-198, { rel: 1e-12 });
    expect(studentT.sf(1e3, 3)).toBeCloseToRel(studentT.cdf(-1e3, 3), { rel: 1e-15 });
    expect(chiSquare.sf(400, 2)).toBeCloseToRel(Math.exp(-200), { rel: 1e-12 });
    expect(fisherF.sf(1e6, 2, 2)).toBeCloseToRel(1 / (1 + 1e6), { rel: 1e-12 });
  });
  it("ncp = 0 gives the central distributions", () => {
    expect(noncentralT.cdf(1.3, 7, 0)).toBe(studentT.cdf(1.3, 7));
    expect(noncentralChiSquare.cdf(2.5, 3, 0)).toBeCloseToRel(chiSquare.cdf(2.5, 3), { rel: 1e-14 });
    expect(noncentralF.cdf(2.5, 3, 12, 0)).toBeCloseToRel(fisherF.cdf(2.5, 3, 12), { rel: 1e-14 });
  });
});

describe("quantiles at the ends of [0, 1]", () => {
  it("p = 0 and p = 1 give the ends of the support, as R", () => {
    expect(noncentralT.quantile(0, 5, 1)).toBe(Number.NEGATIVE_INFINITY);
    expect(noncentralT.quantile(1, 5, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(noncentralChiSquare.quantile(0, 5, 1)).toBe(0);
    expect(noncentralChiSquare.quantile(1, 5, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(noncentralF.quantile(0, 2, 5, 1)).toBe(0);
    expect(noncentralF.quantile(1, 2, 5, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(chiSquare.quantile(0, 3)).toBe(0);
    expect(fisherF.quantile(1, 3, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(normal.quantile(0)).toBe(Number.NEGATIVE_INFINITY);
  });
  it("tiny and near-one p give finite quantiles whose cdf is p", () => {
    for (const p of [1e-300, 1e-20]) {
      const q = noncentralChiSquare.quantile(p, 3, 2);
      expect(noncentralChiSquare.cdf(q, 3, 2)).toBeCloseToRel(p, { rel: 1e-8 });
      const f = noncentralF.quantile(p, 3, 8, 2);
      expect(noncentralF.cdf(f, 3, 8, 2)).toBeCloseToRel(p, { rel: 1e-8 });
    }
    const t = noncentralT.quantile(1e-10, 10, 2);
    expect(noncentralT.cdf(t, 10, 2)).toBeCloseToRel(1e-10, { rel: 1e-5 });
    const u = noncentralT.quantile(1 - 1e-10, 10, 2);
    expect(noncentralT.sf(u, 10, 2)).toBeCloseToRel(1e-10, { rel: 1e-5 });
  });
});

describe("bad parameters throw INVALID_INPUT naming the parameter", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["df <= 0", () => studentT.cdf(1, 0), /^df must be a finite number > 0, got 0$/],
    ["negative df", () => chiSquare.quantile(0.5, -2), /^df must be/],
    ["df1", () => fisherF.cdf(1, -1, 3), /^df1 must be/],
    ["df2 NaN", () => fisherF.sf(1, 1, Number.NaN), /^df2 must be/],
    ["sd 0", () => normal.cdf(1, 0, 0), /^sd must be a finite number > 0/],
    ["p > 1", () => normal.quantile(1.2), /^p must be a probability in \[0, 1\], got 1.2$/],
    ["p < 0", () => noncentralT.quantile(-0.1, 3, 1), /^p must be a probability/],
    ["x NaN", () => noncentralT.cdf(Number.NaN, 3, 1), /^x must be a number \(not NaN\), got NaN$/],
    ["x string", () => studentT.cdf("1" as unknown as number, 3), /^x must be a number/],
    ["ncp infinite", () => noncentralT.sf(1, 3, Number.POSITIVE_INFINITY), /^ncp must be a finite number/],
    ["ncp < 0 (chi-square)", () => noncentralChiSquare.cdf(1, 3, -1), /^ncp must be a finite number >= 0/],
    ["ncp < 0 (F)", () => noncentralF.quantile(0.5, 3, 5, -1), /^ncp must be/],
    ["df undefined", () => studentT.pdf(1, undefined as unknown as number), /^df must be/],
  ];
  for (const [label, call, message] of cases) {
    it(label, () => {
      expect(call).toThrow(message);
      try {
        call();
      } catch (error) {
        expect((error as { code: string }).code).toBe("INVALID_INPUT");
        expect((error as { name: string }).name).toBe("TiltakError");
      }
    });
  }
});

describe("noncentralT.power: the rejection probability of the t test", () => {
  // power() starts both series from the central coverage known at the critical value (1 − α, or
  // |1 − 2α|) instead of computing it, and sums the two-sided pair in one pass; the result must be
  // sf(q) + cdf(−q) (one tail when one-sided) up to the rounding of the complemented tails, whose
  // absolute accuracy is 1e-16 to 1e-15 each (see generate.R's notes): 2e-15 absolute for the pair.
  const direct = (alpha: number, df: number, ncp: number, alternative: string): number => {
    if (alternative === "two-sided") {
      const q = -studentT.quantile(alpha / 2, df);
      return noncentralT.sf(q, df, ncp) + noncentralT.cdf(-q, df, ncp);
    }
    if (alternative === "greater") return noncentralT.sf(-studentT.quantile(alpha, df), df, ncp);
    return noncentralT.cdf(studentT.quantile(alpha, df), df, ncp);
  };
  it("equals sf(q) + cdf(−q) at the central critical value, to 2e-15 absolute and 1e-12 relative", () => {
    let checked = 0;
    for (const df of [1, 1.5, 2, 3, 4.7, 10, 29, 58.3, 120, 800, 1e4, 1e6])
      for (const ncp of [-40, -5, -2.8, -0.3, 0, 1e-8, 0.5, 1, 2.8, 5, 10, 39])
        for (const alpha of [1e-10, 1e-4, 0.01, 0.05, 0.3, 0.5, 0.7, 0.99])
          for (const alternative of ["two-sided", "greater", "less"] as const) {
            const expected = direct(alpha, df, ncp, alternative);
            const value = noncentralT.power(alpha, df, ncp, alternative);
            expect(Math.abs(value - expected)).toBeLessThanOrEqual(2e-15 + 1e-12 * Math.abs(expected));
            checked++;
          }
    expect(checked).toBe(12 * 12 * 8 * 3);
  });
  it("is sigLevel at ncp = 0 and grows with ncp", () => {
    expect(noncentralT.power(0.05, 28, 0)).toBeCloseToRel(0.05, { rel: 1e-13 });
    expect(noncentralT.power(0.05, 28, 0, "greater")).toBeCloseToRel(0.05, { rel: 1e-13 });
    expect(noncentralT.power(0.05, 28, 2)).toBeLessThan(noncentralT.power(0.05, 28, 3));
  });
  it("rejects a sigLevel outside (0, 1) and an unknown alternative", () => {
    expect(() => noncentralT.power(0, 10, 1)).toThrow(/^sigLevel must be a probability in \(0, 1\), got 0$/);
    expect(() => noncentralT.power(0.05, 0, 1)).toThrow(/^df must be a finite number > 0/);
    expect(() => noncentralT.power(0.05, 10, 1, "both" as never)).toThrow(/^alternative must be/);
  });
});
