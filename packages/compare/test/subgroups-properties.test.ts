// Subgroups: 1e-6 relative against metafor (subgroups.json). Properties: fast-check with fixed seeds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backSolveCount,
  effectSizes,
  type MetaAnalysisMethod,
  metaAnalysis,
  metaAnalysisMethods,
} from "../src/index.js";
import { reference } from "./reference.js";

interface GroupFit {
  group: string;
  estimate: number;
  se: number;
  tau2: number;
  Q: number;
  I2: number;
  ciLower: number;
  ciUpper: number;
}
interface SubgroupCase {
  method: MetaAnalysisMethod;
  yi: number[];
  vi: number[];
  subgroups: string[];
  groups: GroupFit[];
  Qb: number;
  df: number;
  p: number;
}
interface CommonTau2Case {
  name: string;
  method: MetaAnalysisMethod;
  test: "z" | "knha";
  yi: number[];
  vi: number[];
  subgroups: string[];
  QM: number;
  QMdf: number[];
  QMp: number;
  tau2: number;
  QE: number;
  QEp: number;
  I2: number;
  H2: number;
}
const ref = reference<{ cases: SubgroupCase[]; commonTau2: CommonTau2Case[] }>("subgroups.json");

describe("subgroup difference under a common tau2 matches rma(mods = ~ factor(alloc))", () => {
  for (const c of ref.commonTau2) {
    it(`${c.name} ${c.method} ${c.test}`, () => {
      const fit = metaAnalysis({
        yi: c.yi,
        vi: c.vi,
        method: c.method,
        test: c.test,
        subgroups: c.subgroups,
      });
      const m = fit.subgroupTest?.commonTau2;
      if (m === undefined) throw new Error("no common-tau2 test");
      const rel = { rel: 1e-6, abs: 1e-12 };
      expect(m.QM, "QM").toBeCloseToRel(c.QM, rel);
      expect(m.QMp, "QMp").toBeCloseToRel(c.QMp, rel);
      expect(m.tau2, "tau2").toBeCloseToRel(c.tau2, rel);
      expect(m.QE, "QE").toBeCloseToRel(c.QE, rel);
      expect(m.QEp, "QEp").toBeCloseToRel(c.QEp, { rel: 1e-6, abs: 1e-300 });
      expect(m.I2, "I2").toBeCloseToRel(c.I2, rel);
      expect(m.H2, "H2").toBeCloseToRel(c.H2, rel);
      expect([m.QMdf, ...(m.QMdf2 === null ? [] : [m.QMdf2])]).toEqual(c.QMdf.filter((x) => x !== null));
    });
  }
});

describe("subgroup analysis matches metafor (dat.bcg by allocation)", () => {
  for (const c of ref.cases) {
    it(c.method, () => {
      const fit = metaAnalysis({ yi: c.yi, vi: c.vi, method: c.method, subgroups: c.subgroups });
      expect(fit.subgroups?.map((g) => g.group)).toEqual(c.groups.map((g) => g.group));
      c.groups.forEach((expected, i) => {
        const got = fit.subgroups?.[i];
        if (got === undefined) throw new Error(`group ${i} missing`);
        for (const key of ["estimate", "se", "Q", "ciLower", "ciUpper"] as const)
          expect(got[key], `${expected.group} ${key}`).toBeCloseToRel(expected[key], { rel: 1e-6 });
        expect(got.tau2).toBeCloseToRel(expected.tau2, { rel: 1e-6, abs: 1e-12 });
        expect(got.I2).toBeCloseToRel(expected.I2, { rel: 1e-6, abs: 1e-10 });
      });
      expect(fit.subgroupTest?.Qb).toBeCloseToRel(c.Qb, { rel: 1e-6 });
      expect(fit.subgroupTest?.df).toBe(c.df);
      expect(fit.subgroupTest?.p).toBeCloseToRel(c.p, { rel: 1e-6 });
    });
  }
  it("rejects one group and mismatched labels", () => {
    const c = ref.cases[0] as SubgroupCase;
    expect(() => metaAnalysis({ yi: c.yi, vi: c.vi, subgroups: c.yi.map(() => "all") })).toThrow(
      /at least 2 groups/,
    );
    expect(() => metaAnalysis({ yi: c.yi, vi: c.vi, subgroups: ["a"] })).toThrow(/one label per study/);
  });
});

const study = fc.record({
  y: fc.double({ min: -3, max: 3, noNaN: true }),
  v: fc.double({ min: 0.001, max: 2, noNaN: true }),
});
const studies = fc.array(study, { minLength: 2, maxLength: 25 });
const method = fc.constantFrom(...metaAnalysisMethods);

describe("meta-analysis properties", () => {
  it("FE estimate is the inverse-variance weighted mean; tau2 >= 0; CI and PI contain the estimate; I2 in [0, 100]", () => {
    fc.assert(
      fc.property(studies, method, fc.constantFrom("z" as const, "knha" as const), (data, m, test) => {
        const yi = data.map((d) => d.y);
        const vi = data.map((d) => d.v);
        let fit: ReturnType<typeof metaAnalysis>;
        try {
          fit = metaAnalysis({ yi, vi, method: m, test });
        } catch (error) {
          // only when the studies agree (to machine precision): the Knapp–Hartung scale is 0, and an
          // error is given rather than a zero-width interval
          expect(test).toBe("knha");
          expect(String(error)).toMatch(/Knapp–Hartung scale is 0/);
          expect(Math.max(...yi) - Math.min(...yi)).toBeLessThan(1e-7);
          return;
        }
        expect(fit.tau2).toBeGreaterThanOrEqual(0);
        expect(fit.I2).toBeGreaterThanOrEqual(0);
        expect(fit.I2).toBeLessThanOrEqual(100);
        if (m !== "FE") expect(fit.H2).toBeGreaterThanOrEqual(1 - 1e-12);
        else expect(fit.H2).toBeCloseToRel(fit.Q / (fit.k - 1), { rel: 1e-12 });
        expect(fit.ciLower).toBeLessThanOrEqual(fit.estimate);
        expect(fit.ciUpper).toBeGreaterThanOrEqual(fit.estimate);
        expect(fit.piLower).toBeLessThanOrEqual(fit.ciLower + 1e-12);
        expect(fit.piUpper).toBeGreaterThanOrEqual(fit.ciUpper - 1e-12);
        expect(fit.p).toBeGreaterThanOrEqual(0);
        expect(fit.p).toBeLessThanOrEqual(1);
        expect(fit.weights.reduce((a, b) => a + b, 0)).toBeCloseToRel(100, { rel: 1e-9 });
        const w = vi.map((v) => 1 / (v + fit.tau2));
        const mean = w.reduce((a, wi, i) => a + wi * (yi[i] as number), 0) / w.reduce((a, b) => a + b, 0);
        expect(fit.estimate).toBeCloseToRel(mean, { rel: 1e-9, abs: 1e-12 });
        if (m === "FE") expect(fit.tau2).toBe(0);
      }),
      { seed: 20241122, numRuns: 300 },
    );
  });
  it("is invariant to the order of studies and shifts with the data", () => {
    fc.assert(
      fc.property(studies, method, fc.double({ min: -2, max: 2, noNaN: true }), (data, m, shift) => {
        const yi = data.map((d) => d.y);
        const vi = data.map((d) => d.v);
        const a = metaAnalysis({ yi, vi, method: m });
        const b = metaAnalysis({ yi: [...yi].reverse(), vi: [...vi].reverse(), method: m });
        expect(b.estimate).toBeCloseToRel(a.estimate, { rel: 1e-8, abs: 1e-10 });
        if (m !== "PM") {
          const c = metaAnalysis({ yi: yi.map((y) => y + shift), vi, method: m });
          expect(c.estimate).toBeCloseToRel(a.estimate + shift, { rel: 1e-8, abs: 1e-9 });
          expect(c.tau2).toBeCloseToRel(a.tau2, { rel: 1e-6, abs: 1e-9 });
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });
  it("Paule–Mandel tau2 brackets the root of Q(tau2) = k − 1 within uniroot's tolerance", () => {
    const q = (yi: number[], vi: number[], t: number): number => {
      const w = vi.map((v) => 1 / (v + t));
      const sw = w.reduce((a, b) => a + b, 0);
      const mu = w.reduce((a, wi, i) => a + wi * (yi[i] as number), 0) / sw;
      return w.reduce((a, wi, i) => a + wi * ((yi[i] as number) - mu) ** 2, 0);
    };
    fc.assert(
      fc.property(studies, (data) => {
        const yi = data.map((d) => d.y);
        const vi = data.map((d) => d.v);
        const fit = metaAnalysis({ yi, vi, method: "PM" });
        const k = yi.length;
        if (fit.tau2 === 0) {
          expect(q(yi, vi, 0)).toBeLessThan(k - 1);
          return;
        }
        const tol = 1.3e-4; // metafor passes tol = .Machine$double.eps^0.25 to uniroot
        expect(q(yi, vi, Math.max(0, fit.tau2 - tol))).toBeGreaterThanOrEqual(k - 1 - 1e-9);
        expect(q(yi, vi, fit.tau2 + tol)).toBeLessThanOrEqual(k - 1 + 1e-9);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
  it("REML tau2 is a stationary point of the restricted likelihood (score ~ 0) when positive", () => {
    fc.assert(
      fc.property(studies, (data) => {
        const yi = data.map((d) => d.y);
        const vi = data.map((d) => d.v);
        const fit = metaAnalysis({ yi, vi, method: "REML" });
        if (fit.tau2 <= 1e-4) return;
        const w = vi.map((v) => 1 / (v + fit.tau2));
        const s1 = w.reduce((a, b) => a + b, 0);
        const s2 = w.reduce((a, b) => a + b * b, 0);
        const rss2 = w.reduce((a, wi, i) => a + wi * wi * ((yi[i] as number) - fit.estimate) ** 2, 0);
        const score = rss2 - (s1 - s2 / s1);
        // Fisher scoring stops when the step is below 1e-5: the score is at most ~1e-5 × tr(PP)
        const trPP = s2 - (2 * w.reduce((a, b) => a + b ** 3, 0)) / s1 + (s2 * s2) / (s1 * s1);
        expect(Math.abs(score)).toBeLessThanOrEqual(1e-5 * trPP * 1.01 + 1e-9);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("effect-size and back-solving properties", () => {
  it("proportion effects stay in range and PR intervals contain the estimate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const pr = effectSizes({ measure: "PR", xi: [x], ni: [n] });
          expect(pr.yi[0]).toBeGreaterThanOrEqual(0);
          expect(pr.yi[0]).toBeLessThanOrEqual(1);
          expect(pr.vi[0]).toBeGreaterThan(0);
          const pas = effectSizes({ measure: "PAS", xi: [x], ni: [n] });
          expect(pas.yi[0]).toBeGreaterThanOrEqual(0);
          expect(pas.yi[0]).toBeLessThanOrEqual(Math.PI / 2);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
  it("back-solving recovers every whole count from its rounded percentage", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (base, share) => {
          const count = Math.round(share * base);
          const percent = Math.round((100 * count) / base);
          const solved = backSolveCount({ percent, base });
          expect(solved.candidates).toContain(count);
          expect(Math.abs((100 * solved.count) / base - percent)).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
