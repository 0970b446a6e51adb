// Tolerance: 1e-10 relative for escalc (closed forms), 1e-6 relative for rma (the bar; in
// practice the agreement is ~1e-12 because the iterations reproduce metafor's step by step).
import { describe, expect, it } from "vitest";
import { type EffectSizeOptions, effectSizes, type MetaAnalysisMethod, metaAnalysis } from "../src/index.js";
import { reference } from "./reference.js";

interface EscalcCase {
  name: string;
  measure: string;
  input: Record<string, number[] | number | string>;
  yi: number[];
  vi: number[];
}
interface Expected {
  estimate: number;
  se: number;
  z: number;
  p: number;
  ciLower: number;
  ciUpper: number;
  Q: number;
  QP: number;
  tau2: number;
  I2: number;
  H2: number;
  piLower: number;
  piUpper: number;
  weights: number[];
  k: number;
}
interface RmaCase {
  name: string;
  method: MetaAnalysisMethod;
  test: "z" | "knha";
  level: number;
  yi: number[];
  vi: number[];
  expected: Expected;
}

const escalc = reference<{ meta: { metafor: string }; cases: EscalcCase[] }>("escalc.json");
const rma = reference<{ meta: { metafor: string }; cases: RmaCase[] }>("rma.json");

describe("effectSizes matches metafor::escalc", () => {
  it("reference was generated with metafor 3.8", () => expect(escalc.meta.metafor).toMatch(/^3\.8/));
  for (const c of escalc.cases) {
    it(c.name, () => {
      const result = effectSizes({ measure: c.measure, ...c.input } as EffectSizeOptions);
      expect(result.k).toBe(c.yi.length);
      for (const [i, y] of c.yi.entries()) expect(result.yi[i]).toBeCloseToRel(y, { rel: 1e-10, abs: 1e-14 });
      for (const [i, v] of c.vi.entries()) expect(result.vi[i]).toBeCloseToRel(v, { rel: 1e-10 });
    });
  }
  it("adds 1/2 only to studies with a zero cell (to = only0)", () => {
    const zero = escalc.cases.find((c) => c.name === "zero-cells-OR") as EscalcCase;
    const result = effectSizes({ measure: "OR", ...zero.input } as EffectSizeOptions);
    expect(result.corrected).toEqual([0, 1, 2]);
    expect(result.add).toBe(0.5);
  });
  it("PAS and PFT add nothing by default, as escalc", () => {
    expect(effectSizes({ measure: "PFT", xi: [0], ni: [10] }).add).toBe(0);
    expect(effectSizes({ measure: "PFT", xi: [0], ni: [10] }).corrected).toEqual([]);
  });
  it("rejects bad input", () => {
    expect(() => effectSizes({ measure: "OR", ai: [1, 2], bi: [1], ci: [1], di: [1] })).toThrow(
      /bi must have the same length/,
    );
    expect(() => effectSizes({ measure: "OR", ai: [-1], bi: [1], ci: [1], di: [1] })).toThrow(/ai\[0\]/);
    expect(() => effectSizes({ measure: "RR", ai: [0], bi: [5], ci: [2], di: [3], to: "none" })).toThrow(
      /finite RR/,
    );
    expect(() =>
      effectSizes({ measure: "SMD", m1i: [1], sd1i: [0], n1i: [5], m2i: [0], sd2i: [0], n2i: [5] }),
    ).toThrow(/pooled SD/);
  });
});

describe("metaAnalysis matches metafor::rma", () => {
  it("has cases for every estimator, both tests and every measure", () => {
    expect(new Set(rma.cases.map((c) => c.method)).size).toBe(7);
    expect(new Set(rma.cases.map((c) => c.name)).size).toBe(13);
  });
  for (const c of rma.cases) {
    it(`${c.name} ${c.method} ${c.test} level ${c.level}`, () => {
      const fit = metaAnalysis({ yi: c.yi, vi: c.vi, method: c.method, test: c.test, level: c.level });
      const e = c.expected;
      const rel = { rel: 1e-6, abs: 1e-12 };
      expect(fit.k).toBe(e.k);
      for (const key of [
        "estimate",
        "se",
        "z",
        "ciLower",
        "ciUpper",
        "Q",
        "piLower",
        "piUpper",
        "H2",
      ] as const)
        expect(fit[key], key).toBeCloseToRel(e[key], rel);
      expect(fit.tau2, "tau2").toBeCloseToRel(e.tau2, rel);
      expect(fit.I2, "I2").toBeCloseToRel(e.I2, rel);
      expect(fit.p, "p").toBeCloseToRel(e.p, { rel: 1e-6, abs: 1e-300 });
      expect(fit.QP, "QP").toBeCloseToRel(e.QP, { rel: 1e-6, abs: 1e-300 });
      for (const [i, w] of e.weights.entries()) expect(fit.weights[i]).toBeCloseToRel(w, rel);
      expect(fit.level).toBeCloseToRel(c.level / 100, { rel: 1e-15 });
      expect(fit.df).toBe(c.test === "knha" ? e.k - 1 : null);
    });
  }
});

describe("effectSizes accepts escalc's alternative inputs", () => {
  it("n1i and n2i for bi and di, mi for ni", () => {
    const bcg = escalc.cases.find((c) => c.name === "bcg-RR") as EscalcCase;
    const ai = bcg.input.ai as number[];
    const bi = bcg.input.bi as number[];
    const ci = bcg.input.ci as number[];
    const di = bcg.input.di as number[];
    const bySize = effectSizes({
      measure: "RR",
      ai,
      n1i: ai.map((a, i) => a + (bi[i] as number)),
      ci,
      n2i: ci.map((c, i) => c + (di[i] as number)),
    });
    for (const [i, y] of bcg.yi.entries()) expect(bySize.yi[i]).toBeCloseToRel(y, { rel: 1e-10 });
    const plo = escalc.cases.find((c) => c.name === "bcg-PLO") as EscalcCase;
    const xi = plo.input.xi as number[];
    const ni = plo.input.ni as number[];
    const byM = effectSizes({ measure: "PLO", xi, mi: xi.map((x, i) => (ni[i] as number) - x) });
    for (const [i, v] of plo.vi.entries()) expect(byM.vi[i]).toBeCloseToRel(v, { rel: 1e-10 });
    expect(() => effectSizes({ measure: "RR", ai: [5], n1i: [4], ci: [1], n2i: [3] })).toThrow(
      /ai\[0\] must be <= n1i\[0\] \(4\)/,
    );
    expect(() => effectSizes({ measure: "RR", ai: [1], bi: [3], n1i: [4], ci: [1], di: [2] })).toThrow(
      /n1i must be left out/,
    );
  });
});

describe("metaAnalysis options", () => {
  const bcg = rma.cases.find(
    (c) => c.name === "RR" && c.method === "REML" && c.test === "z" && c.level === 95,
  ) as RmaCase;
  it("takes standard errors instead of variances, and the level as a fraction or in percent", () => {
    const byVi = metaAnalysis({ yi: bcg.yi, vi: bcg.vi, level: 0.9 });
    const bySei = metaAnalysis({ yi: bcg.yi, sei: bcg.vi.map(Math.sqrt), level: 90 });
    expect(bySei.tau2).toBeCloseToRel(byVi.tau2, { rel: 1e-12 });
    expect(bySei.ciLower).toBeCloseToRel(byVi.ciLower, { rel: 1e-12 });
    expect(bySei.level).toBe(0.9);
    expect(byVi.method).toBe("REML");
  });
  it("gives plain JSON: no NaN or Infinity, inputs echoed", () => {
    const fit = metaAnalysis({
      yi: bcg.yi,
      vi: bcg.vi,
      subgroups: bcg.yi.map((_, i) => (i < 6 ? "early" : "late")),
    });
    const text = JSON.stringify(fit);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(fit.df).toBeNull();
    expect(JSON.parse(text).yi).toEqual(bcg.yi);
    expect(fit.studyLower.every((l, i) => l < (bcg.yi[i] as number))).toBe(true);
  });
  it("rejects bad input with the parameter named", () => {
    expect(() => metaAnalysis({ yi: [0.1, 0.2], vi: [0.01] })).toThrow(
      /vi must have the same length as yi \(2\)/,
    );
    expect(() => metaAnalysis({ yi: [0.1, 0.2] })).toThrow(/vi is required/);
    expect(() => metaAnalysis({ yi: [0.1, 0.2], vi: [0.1, 0.1], sei: [0.3, 0.3] })).toThrow(
      /sei must be left out/,
    );
    expect(() => metaAnalysis({ yi: [0.1], vi: [0.1], test: "knha" })).toThrow(/test must be "z"/);
    expect(() => metaAnalysis({ yi: [0.1, 0.2], vi: [0.1, 0.1], level: 1 })).toThrow(/level/);
    expect(() => metaAnalysis({ yi: [], vi: [] })).toThrow(/yi must have at least 1 study/);
    expect(() => metaAnalysis({ yi: [0.1, Number.NaN], vi: [0.1, 0.1] })).toThrow(/yi\[1\]/);
  });
});
