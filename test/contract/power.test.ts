/**
 * Contract tests for @tiltak/power against docs/design.md ("### @tiltak/power", "### Solving convention") and
 * issue 3, with fresh reference values from R (`pwr` 1.3, `stats` with strict = TRUE; solved parameters by
 * uniroot(tol = 1e-12) on pwr's own power function) and PowerUp!'s published CRA2 formulas, all written by
 * test/reference/contract/generate.R. Tolerance 1e-6 relative.
 */
import * as powerPkg from "@tiltak/power";
import fc from "fast-check";
import { power as umbrellaPower } from "tiltak";
import { describe, expect, it } from "vitest";
import { caught, expectPlainJson, expectTiltakError, type Json, REL, ref } from "./helpers.js";

const P = powerPkg as Json;
const R = ref.power;

const tableExports = [
  "tTest",
  "tTest2n",
  "twoProportions",
  "twoProportions2n",
  "oneProportion",
  "correlation",
  "chiSquare",
  "anova",
  "linearModel",
  "normalMean",
  "proportions",
  "means",
  "cohenH",
  "cohenD",
  "conventionalEffectSize",
  "clusterRandomised",
  "designEffect",
  "inflateForAttrition",
  "steppedWedge",
  "simulatePower",
  "powerCurve",
];

describe("@tiltak/power exports (docs/design.md table)", () => {
  it.each(tableExports)("%s is a function exported by the package and the umbrella namespace", (name) => {
    expect(typeof P[name]).toBe("function");
    expect((umbrellaPower as Json)[name]).toBe(P[name]);
  });
});

describe("pwr family: computing power (1e-6 relative)", () => {
  const cases: [string, () => Json, number][] = [
    [
      "tTest({ n: 23, d: 0.41, alternative: 'greater' })",
      () => P.tTest({ n: 23, d: 0.41, alternative: "greater" }),
      R.tTestPower.power,
    ],
    [
      "tTest({ n: 17, d: 0.55, type: 'paired' })",
      () => P.tTest({ n: 17, d: 0.55, type: "paired" }),
      R.tTestPowerPaired.power,
    ],
    [
      "tTest2n({ n1: 30, n2: 45, d: 0.6 })",
      () => P.tTest2n({ n1: 30, n2: 45, d: 0.6 }),
      R.tTest2nPower.power,
    ],
    [
      "twoProportions({ h: 0.25, n: 100 })",
      () => P.twoProportions({ h: 0.25, n: 100 }),
      R.twoProportionsPower.power,
    ],
    [
      "twoProportions2n({ h: 0.3, n1: 80, n2: 120 })",
      () => P.twoProportions2n({ h: 0.3, n1: 80, n2: 120 }),
      R.twoProportions2nPower.power,
    ],
    [
      "oneProportion({ h: -0.3, n: 60, alternative: 'less' })",
      () => P.oneProportion({ h: -0.3, n: 60, alternative: "less" }),
      R.oneProportionPower.power,
    ],
    [
      "correlation({ r: 0.25, n: 50, alternative: 'greater' })",
      () => P.correlation({ r: 0.25, n: 50, alternative: "greater" }),
      R.correlationPower.power,
    ],
    [
      "chiSquare({ w: 0.25, N: 100, df: 2 })",
      () => P.chiSquare({ w: 0.25, N: 100, df: 2 }),
      R.chiSquarePower.power,
    ],
    ["anova({ k: 3, n: 20, f: 0.3 })", () => P.anova({ k: 3, n: 20, f: 0.3 }), R.anovaPower.power],
    [
      "linearModel({ u: 2, v: 60, f2: 0.1 })",
      () => P.linearModel({ u: 2, v: 60, f2: 0.1 }),
      R.linearModelPower.power,
    ],
    ["normalMean({ d: 0.3, n: 50 })", () => P.normalMean({ d: 0.3, n: 50 }), R.normalMeanPower.power],
    [
      "proportions({ n: 100, p1: 0.3, p2: 0.45 })",
      () => P.proportions({ n: 100, p1: 0.3, p2: 0.45 }),
      R.proportionsPower.power,
    ],
    ["means({ n: 20, delta: 1.5, sd: 2 })", () => P.means({ n: 20, delta: 1.5, sd: 2 }), R.meansPower.power],
  ];
  it.each(cases)("%s", (_label, call, expected) => {
    const r = call();
    expectPlainJson(r);
    expect(r.power).toBeCloseToRel(expected, { rel: REL });
    expect(r.sigLevel).toBe(0.05);
    expect(typeof r.method).toBe("string");
  });
});

describe("pwr family: solving the missing parameter (1e-6 relative)", () => {
  const cases: [string, () => Json, string, number][] = [
    [
      "tTest n (one-sample)",
      () => P.tTest({ d: 0.35, power: 0.8, type: "one-sample" }),
      "n",
      R.tTestSolveN.n,
    ],
    ["tTest d (greater)", () => P.tTest({ n: 40, power: 0.9, alternative: "greater" }), "d", R.tTestSolveD.d],
    [
      "tTest sigLevel: null",
      () => P.tTest({ n: 30, d: 0.5, power: 0.8, sigLevel: null }),
      "sigLevel",
      R.tTestSolveSig.sigLevel,
    ],
    ["tTest2n n2", () => P.tTest2n({ n1: 30, d: 0.6, power: 0.75 }), "n2", R.tTest2nSolveN2.n2],
    [
      "twoProportions n (less, h < 0)",
      () => P.twoProportions({ h: -0.3, power: 0.9, alternative: "less" }),
      "n",
      R.twoProportionsSolveN.n,
    ],
    [
      "twoProportions2n n2",
      () => P.twoProportions2n({ h: 0.3, n1: 80, power: 0.7 }),
      "n2",
      R.twoProportions2nSolveN2.n2,
    ],
    ["oneProportion n", () => P.oneProportion({ h: 0.2, power: 0.8 }), "n", R.oneProportionSolveN.n],
    ["correlation n", () => P.correlation({ r: 0.3, power: 0.8 }), "n", R.correlationSolveN.n],
    ["chiSquare N", () => P.chiSquare({ w: 0.3, df: 3, power: 0.8 }), "N", R.chiSquareSolveN.N],
    ["anova n", () => P.anova({ k: 4, f: 0.25, power: 0.8 }), "n", R.anovaSolveN.n],
    ["linearModel v", () => P.linearModel({ u: 3, f2: 0.08, power: 0.9 }), "v", R.linearModelSolveV.v],
    [
      "normalMean n (greater)",
      () => P.normalMean({ d: 0.25, power: 0.85, alternative: "greater" }),
      "n",
      R.normalMeanSolveN.n,
    ],
    ["proportions n", () => P.proportions({ p1: 0.3, p2: 0.45, power: 0.85 }), "n", R.proportionsSolveN.n],
    ["proportions p2", () => P.proportions({ n: 150, p1: 0.3, power: 0.8 }), "p2", R.proportionsSolveP2.p2],
    [
      "means n (paired)",
      () => P.means({ delta: 1, sd: 1.8, power: 0.9, type: "paired" }),
      "n",
      R.meansSolveN.n,
    ],
  ];
  it.each(cases)("%s", (_label, call, key, expected) => {
    const r = call();
    expectPlainJson(r);
    expect(r[key]).toBeCloseToRel(expected, { rel: REL });
  });
  it("solving returns the full object: every parameter echoed", () => {
    const r = P.tTest({ d: 0.35, power: 0.8, type: "one-sample" });
    for (const k of ["n", "d", "sigLevel", "power", "type", "alternative"]) expect(r[k], k).toBeDefined();
    expect(r.type).toBe("one-sample");
    expect(r.alternative).toBe("two-sided");
  });
});

describe("solving convention: too many / too few missing, unreachable targets", () => {
  it("too many missing (n and power) → TiltakError INVALID_INPUT", () => {
    expectTiltakError(() => P.tTest({ d: 0.5 }), "INVALID_INPUT");
    expectTiltakError(() => P.twoProportions({ h: 0.2 }), "INVALID_INPUT");
    expectTiltakError(() => P.linearModel({ u: 2, f2: 0.1 }), "INVALID_INPUT");
  });
  it("none missing → TiltakError INVALID_INPUT", () => {
    expectTiltakError(() => P.tTest({ n: 20, d: 0.5, power: 0.8 }), "INVALID_INPUT");
    expectTiltakError(() => P.correlation({ n: 20, r: 0.3, power: 0.8, sigLevel: 0.05 }), "INVALID_INPUT");
  });
  it("sigLevel: null together with a missing n → too many missing", () => {
    expectTiltakError(() => P.tTest({ d: 0.5, power: 0.8, sigLevel: null }), "INVALID_INPUT");
  });
  it("a target no design can reach → TiltakError NO_SOLUTION (power.prop.test with n = 5 tops out at 0.70)", () => {
    expect(R.propNoSolution.powerAtP2Max).toBeLessThan(0.99);
    expectTiltakError(() => P.proportions({ n: 5, p1: 0.3, power: 0.99 }), "NO_SOLUTION");
  });
  it("power already reached at the smallest n (d = 10, power 0.5) → TiltakError NO_SOLUTION, never a bracket bound", () => {
    const error = caught(() => P.tTest({ d: 10, power: 0.5 }));
    if (error === undefined) {
      // If the package returns instead of throwing, it must not return the bracket bound as if it were the answer.
      const r = P.tTest({ d: 10, power: 0.5 });
      expect(P.tTest({ n: r.n, d: 10 }).power).toBeCloseToRel(0.5, { rel: 1e-6 });
    } else {
      expect(error.name).toBe("TiltakError");
      expect(error.code).toBe("NO_SOLUTION");
    }
  });
});

describe("bad input → TiltakError INVALID_INPUT naming the parameter", () => {
  it("power outside (sigLevel, 1)", () =>
    expectTiltakError(() => P.tTest({ n: 20, power: 1.2 }), "INVALID_INPUT", "power"));
  it("negative n", () => expectTiltakError(() => P.tTest({ n: -5, d: 0.5 }), "INVALID_INPUT", "n"));
  it("sigLevel outside (0, 1)", () =>
    expectTiltakError(() => P.tTest({ n: 20, d: 0.5, sigLevel: 1.5 }), "INVALID_INPUT", "sigLevel"));
  it("unknown type", () =>
    expectTiltakError(() => P.tTest({ n: 20, d: 0.5, type: "welch" }), "INVALID_INPUT", "type"));
  it("R-style alternative 'two.sided' is rejected", () =>
    expectTiltakError(
      () => P.tTest({ n: 20, d: 0.5, alternative: "two.sided" }),
      "INVALID_INPUT",
      "alternative",
    ));
  it("non-numeric effect size", () =>
    expectTiltakError(() => P.tTest({ n: 20, d: "0.5" }), "INVALID_INPUT", "d"));
  it("correlation r outside (-1, 1)", () =>
    expectTiltakError(() => P.correlation({ n: 20, r: 1.5 }), "INVALID_INPUT", "r"));
  it("proportions p1 outside [0, 1]", () =>
    expectTiltakError(() => P.proportions({ n: 20, p1: 1.3, p2: 0.5 }), "INVALID_INPUT", "p1"));
  it("chiSquare df ≤ 0", () =>
    expectTiltakError(() => P.chiSquare({ w: 0.3, N: 100, df: 0 }), "INVALID_INPUT", "df"));
  it("anova k < 2", () => expectTiltakError(() => P.anova({ k: 1, n: 20, f: 0.3 }), "INVALID_INPUT", "k"));
  it("means sd ≤ 0", () =>
    expectTiltakError(() => P.means({ n: 20, delta: 1, sd: -1 }), "INVALID_INPUT", "sd"));
  it("an unknown option name is rejected (exact option names)", () =>
    expectTiltakError(() => P.tTest({ n: 20, d: 0.5, sig_level: 0.05 }), "INVALID_INPUT", "sig_level"));
  it("clusterRandomised icc outside [0, 1]", () =>
    expectTiltakError(
      () => P.clusterRandomised({ icc: 1.4, clusterSize: 10, clusters: 20, power: 0.8 }),
      "INVALID_INPUT",
      "icc",
    ));
  it("designEffect negative icc", () =>
    expectTiltakError(() => P.designEffect({ clusterSize: 10, icc: -0.1 }), "INVALID_INPUT", "icc"));
  it("inflateForAttrition attrition ≥ 1", () =>
    expectTiltakError(() => P.inflateForAttrition({ n: 100, attrition: 1 }), "INVALID_INPUT", "attrition"));
});

describe("effect sizes", () => {
  it("cohenH(0.65, 0.45) = ES.h", () =>
    expect(P.cohenH(0.65, 0.45)).toBeCloseToRel(R.cohenH.h, { rel: 1e-12 }));
  it.each(R.conventional as Json[])("conventionalEffectSize('$test', '$size') = cohen.ES", (c) => {
    expect(P.conventionalEffectSize(c.test, c.size)).toBeCloseToRel(c.value, { rel: 1e-12 });
  });
  it("cohenD returns a number: (mean1 − mean2) / sd", () => {
    const d = P.cohenD({ mean1: 12, mean2: 10, sd: 4 });
    expect(typeof d).toBe("number");
    expect(d).toBeCloseToRel(0.5, { rel: 1e-12 });
  });
  it("cohenH rejects a proportion outside [0, 1]", () =>
    expectTiltakError(() => P.cohenH(1.2, 0.4), "INVALID_INPUT", "p1"));
});

describe("clustered designs: PowerUp! CRA2 formulas", () => {
  const c = R.cra2;
  const base = {
    icc: c.icc,
    clusterSize: c.clusterSize,
    clusters: c.clusters,
    treatedShare: c.treatedShare,
    r2Individual: c.r2Individual,
    r2Cluster: c.r2Cluster,
    clusterCovariates: c.clusterCovariates,
  };
  it("solving mdes: M = t(1 − α/2, df) + t(power, df), df = J − g − 2", () => {
    const r = P.clusterRandomised({ ...base, power: 0.8 });
    expectPlainJson(r);
    expect(r.mdes).toBeCloseToRel(c.mdes, { rel: REL });
  });
  it("solving power: noncentral t with the same df", () => {
    const r = P.clusterRandomised({ ...base, mdes: c.esForPower });
    expect(r.power).toBeCloseToRel(c.powerAtEs, { rel: REL });
  });
  it("solving clusters: PowerUp! mrss.cra2 (multiplier) → 37 clusters to recruit", () => {
    const k = R.cra2Clusters;
    const r = P.clusterRandomised({
      icc: k.icc,
      clusterSize: k.clusterSize,
      treatedShare: 0.5,
      r2Individual: 0,
      r2Cluster: 0,
      clusterCovariates: 0,
      mdes: k.mdes,
      power: k.power,
    });
    expectPlainJson(r);
    const recruit = r.clustersRecruit ?? Math.ceil(r.clusters);
    expect(recruit).toBe(k.clustersInteger);
    // Either PowerUp!'s multiplier root or the noncentral-t power root; the test names both.
    const matches = [k.clustersMultiplierExact, k.clustersExact].some(
      (v) => Math.abs(r.clusters - v) <= REL * v,
    );
    expect(
      matches,
      `clusters ${r.clusters} vs multiplier ${k.clustersMultiplierExact} / power ${k.clustersExact}`,
    ).toBe(true);
  });
  it("designEffect({ clusterSize: 12, icc: 0.07, cv: 0.4 }) = 1 + ((cv² + 1)m − 1)ρ, a number", () => {
    const d = P.designEffect({ clusterSize: 12, icc: 0.07, cv: 0.4 });
    expect(typeof d).toBe("number");
    expect(d).toBeCloseToRel(R.designEffect.value, { rel: 1e-12 });
    expect(P.designEffect({ clusterSize: 12, icc: 0.07 })).toBeCloseToRel(1 + 11 * 0.07, { rel: 1e-12 });
  });
  it("inflateForAttrition({ n: 120, attrition: 0.15 }) = ⌈n / (1 − attrition)⌉ = 142, a number", () => {
    const v = P.inflateForAttrition({ n: 120, attrition: 0.15 });
    expect(typeof v).toBe("number");
    expect(v).toBe(R.inflate.value);
  });
  it("steppedWedge: Hussey & Hughes GLS variance and power (8 clusters, 4 steps, K = 20, σ = 1, τ = 0.25, θ = 0.3)", () => {
    const s = R.steppedWedge;
    const r = P.steppedWedge({
      clusters: s.clusters,
      steps: s.steps,
      clusterSize: s.clusterSize,
      sd: s.sd,
      tau: s.tau,
      effect: s.effect,
    });
    expectPlainJson(r);
    expect(r.variance).toBeCloseToRel(s.variance, { rel: REL });
    const ok = [s.power, s.powerBothTails].some((v) => Math.abs(r.power - v) <= REL * v);
    expect(ok, `power ${r.power} vs H&H ${s.power} / both tails ${s.powerBothTails}`).toBe(true);
  });
  it("steppedWedge solves the effect for a power, and recomputing gives that power", () => {
    const s = R.steppedWedge;
    const r = P.steppedWedge({ clusters: 8, steps: 4, clusterSize: 20, sd: 1, tau: 0.25, power: 0.8 });
    const back = P.steppedWedge({
      clusters: 8,
      steps: 4,
      clusterSize: 20,
      sd: 1,
      tau: 0.25,
      effect: r.effect,
    });
    expect(back.power).toBeCloseToRel(0.8, { rel: 1e-6 });
    expect(r.effect).toBeGreaterThan(s.effect); // 0.3 gives power 0.68 < 0.8
  });
});

describe("simulatePower: { power, mcse, ci, reps }", () => {
  const nullSim = (rng: Json) => rng.uniform();
  it("shape, plain JSON, echoes reps; null simulator rejects at ≈ sigLevel (within 4.5 SE)", () => {
    const r = P.simulatePower({ simulate: nullSim, reps: 2000, seed: "contract-null", sigLevel: 0.05 });
    for (const k of ["power", "mcse", "ci", "reps"]) expect(r[k], k).toBeDefined();
    expectPlainJson(r);
    expect(r.reps).toBe(2000);
    const se = Math.sqrt((0.05 * 0.95) / 2000);
    expect(Math.abs(r.power - 0.05)).toBeLessThan(4.5 * se);
    expect(r.mcse).toBeCloseToRel(Math.sqrt((r.power * (1 - r.power)) / 2000), { rel: 1e-9 });
    const [lo, hi] = Array.isArray(r.ci) ? r.ci : [r.ci.lower, r.ci.upper];
    expect(lo).toBeLessThanOrEqual(r.power);
    expect(hi).toBeGreaterThanOrEqual(r.power);
  });
  it("same seed → identical result; different seed → different draws", () => {
    const a = P.simulatePower({ simulate: nullSim, reps: 500, seed: "s1" });
    const b = P.simulatePower({ simulate: nullSim, reps: 500, seed: "s1" });
    const c = P.simulatePower({ simulate: nullSim, reps: 500, seed: "s2" });
    expect(a.power).toBe(b.power);
    expect(JSON.stringify({ ...a, createdAt: 0 })).toBe(JSON.stringify({ ...b, createdAt: 0 }));
    expect([a.power, c.power].length).toBe(2);
  });
  it("onProgress is called and the last call reports all replicates", () => {
    const calls: Json[] = [];
    P.simulatePower({ simulate: nullSim, reps: 100, seed: "p", onProgress: (x: Json) => calls.push(x) });
    expect(calls.length).toBeGreaterThan(0);
    expect(JSON.stringify(calls.at(-1))).toContain("100");
  });
  it("missing seed → TiltakError naming seed", () => {
    expectTiltakError(() => P.simulatePower({ simulate: nullSim, reps: 10 }), "INVALID_INPUT", "seed");
  });
  it("reps ≤ 0 → TiltakError naming reps", () => {
    expectTiltakError(
      () => P.simulatePower({ simulate: nullSim, reps: 0, seed: "x" }),
      "INVALID_INPUT",
      "reps",
    );
  });
});

describe("powerCurve(fn, base, { vary, from, to, points })", () => {
  it("gives `points` rows from `from` to `to` with rising power", () => {
    const rows = P.powerCurve(P.tTest, { d: 0.5 }, { vary: "n", from: 10, to: 100, points: 10 });
    const list = (Array.isArray(rows) ? rows : rows.rows) as Json[];
    expectPlainJson(list);
    expect(list).toHaveLength(10);
    expect(list[0].n).toBe(10);
    expect(list.at(-1).n).toBe(100);
    for (let i = 1; i < list.length; i++) expect(list[i].power).toBeGreaterThan(list[i - 1].power);
  });
});

describe("properties", () => {
  it("power rises with n (tTest, twoProportions, correlation, anova)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 400 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (n, es) => {
          const t0 = P.tTest({ n, d: es }).power;
          const t1 = P.tTest({ n: n + 1, d: es }).power;
          expect(t1).toBeGreaterThanOrEqual(t0);
          if (t0 < 0.999) expect(t1).toBeGreaterThan(t0);
          const h0 = P.twoProportions({ n, h: es }).power;
          const h1 = P.twoProportions({ n: n + 1, h: es }).power;
          expect(h1).toBeGreaterThanOrEqual(h0);
          if (h0 < 0.999) expect(h1).toBeGreaterThan(h0);
          // pwr.r.test's Fisher-z approximation is itself not monotone at tiny n and r (R: n = 4…8, r = 0.05),
          // so this check starts at n = 20, r = 0.2 (verified monotone in R over n = 20…401, r = 0.2…0.9).
          if (n >= 20 && es >= 0.2) {
            const r = Math.min(es, 0.9);
            expect(P.correlation({ n: n + 1, r }).power).toBeGreaterThanOrEqual(
              P.correlation({ n, r }).power,
            );
          }
          expect(P.anova({ k: 3, n: n + 1, f: es }).power).toBeGreaterThanOrEqual(
            P.anova({ k: 3, n, f: es }).power,
          );
        },
      ),
      { numRuns: 30, seed: 3 },
    );
  });
  it("two-sided power at zero effect equals sigLevel", () => {
    expect(P.tTest({ n: 30, d: 0 }).power).toBeCloseToRel(0.05, { rel: 1e-9 });
    expect(P.twoProportions({ n: 30, h: 0 }).power).toBeCloseToRel(0.05, { rel: 1e-9 });
    expect(P.normalMean({ n: 30, d: 0, sigLevel: 0.1 }).power).toBeCloseToRel(0.1, { rel: 1e-9 });
  });
  it("solving n then recomputing power returns the target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1.2, noNaN: true }),
        fc.double({ min: 0.3, max: 0.95, noNaN: true }),
        (d, pw) => {
          const solved = P.tTest({ d, power: pw });
          expect(P.tTest({ n: solved.n, d }).power).toBeCloseToRel(pw, { rel: 1e-7 });
        },
      ),
      { numRuns: 20, seed: 5 },
    );
  });
});

describe("solving convention for every row of the design's table: omit each solvable parameter in turn", () => {
  // [function, a complete parameter set (power is computed from it), the solvable parameters the design lists]
  const rows: [string, Json, string[]][] = [
    [
      "tTest",
      { n: 25, d: 0.6, type: "two-sample", alternative: "two-sided" },
      ["n", "d", "power", "sigLevel"],
    ],
    ["tTest2n", { n1: 20, n2: 34, d: 0.7, alternative: "greater" }, ["n2", "d", "power", "sigLevel"]],
    ["twoProportions", { h: 0.35, n: 70 }, ["n", "h", "power", "sigLevel"]],
    ["twoProportions2n", { h: 0.4, n1: 50, n2: 65 }, ["n2", "h", "power", "sigLevel"]],
    ["oneProportion", { h: 0.3, n: 60 }, ["n", "h", "power", "sigLevel"]],
    ["correlation", { r: 0.32, n: 55 }, ["n", "r", "power", "sigLevel"]],
    ["chiSquare", { w: 0.28, N: 120, df: 3 }, ["N", "w", "power", "sigLevel"]],
    ["anova", { k: 4, n: 22, f: 0.3 }, ["n", "f", "power", "sigLevel"]],
    ["linearModel", { u: 3, v: 70, f2: 0.12 }, ["v", "f2", "power", "sigLevel"]],
    ["normalMean", { d: 0.35, n: 45 }, ["n", "d", "power", "sigLevel"]],
    ["proportions", { p1: 0.25, p2: 0.42, n: 90 }, ["n", "p2", "power", "sigLevel"]],
    ["means", { delta: 0.9, sd: 1.6, n: 30, type: "two-sample" }, ["n", "delta", "power", "sigLevel"]],
  ];
  const cases = rows.flatMap(([fn, full, solvable]) =>
    solvable.map((key) => [fn, full, key] as [string, Json, string]),
  );
  it.each(cases)(
    "%s: solving %s from the others returns the full object and recovers it",
    (fn, full, key) => {
      const sigLevel = 0.05;
      const complete = { ...full, sigLevel };
      const computed = P[fn](complete);
      expect(computed.power).toBeGreaterThan(sigLevel);
      const target = { ...complete, power: computed.power };
      const input: Json = { ...target };
      if (key === "sigLevel") input.sigLevel = null;
      else delete input[key];
      const solved = P[fn](input);
      expectPlainJson(solved);
      for (const k of Object.keys(target)) expect(solved[k], `${fn}.${k}`).toBeDefined();
      expect(solved[key]).toBeCloseToRel(target[key], { rel: 1e-6 });
    },
  );
  it.each(rows)("%s: two missing parameters → TiltakError INVALID_INPUT", (fn, full, solvable) => {
    const input: Json = { ...full };
    delete input[solvable[0]!];
    delete input[solvable[1]!];
    expectTiltakError(() => P[fn](input), "INVALID_INPUT");
  });
  it.each(rows)("%s: nothing missing (power given too) → TiltakError INVALID_INPUT", (fn, full) => {
    expectTiltakError(() => P[fn]({ ...full, power: 0.8 }), "INVALID_INPUT");
  });
});

describe("one-sided base-R and PowerUp! cases", () => {
  it("proportions alternative 'greater' = power.prop.test(alternative = 'one.sided', strict = TRUE)", () => {
    const c = R.proportionsOneSided;
    expect(P.proportions({ n: c.n, p1: c.p1, p2: c.p2, alternative: "greater" }).power).toBeCloseToRel(
      c.power,
      { rel: REL },
    );
  });
  it("means one-sample 'greater' = power.t.test(type = 'one.sample', alternative = 'one.sided', strict = TRUE)", () => {
    const c = R.meansOneSided;
    const r = P.means({ n: c.n, delta: c.delta, sd: c.sd, type: "one-sample", alternative: "greater" });
    expect(r.power).toBeCloseToRel(c.power, { rel: REL });
  });
  it("clusterRandomised one-sided, P = 0.3, g = 2: mdes and power by PowerUp!'s formulas", () => {
    const c = R.cra2OneSided;
    const base = {
      icc: c.icc,
      clusterSize: c.clusterSize,
      clusters: c.clusters,
      treatedShare: c.treatedShare,
      r2Individual: c.r2Individual,
      r2Cluster: c.r2Cluster,
      clusterCovariates: c.clusterCovariates,
      alternative: "greater",
    };
    expect(P.clusterRandomised({ ...base, power: c.power }).mdes).toBeCloseToRel(c.mdes, { rel: REL });
    expect(P.clusterRandomised({ ...base, mdes: c.esForPower }).power).toBeCloseToRel(c.powerAtEs, {
      rel: REL,
    });
  });
  it("clusterRandomised: two solvable parameters missing → TiltakError", () => {
    expectTiltakError(
      () => P.clusterRandomised({ icc: 0.05, clusterSize: 20, clusters: 30 }),
      "INVALID_INPUT",
    );
  });
});

describe("issue 3 practicalities", () => {
  it("solved n comes with the integer to recruit, ⌈n⌉", () => {
    const r = P.tTest({ d: 0.35, power: 0.8, type: "one-sample" });
    expect(r.nRecruit).toBe(Math.ceil(r.n));
  });
  it("simulatePower can be cancelled with an AbortSignal; the result covers the replicates done", () => {
    const controller = new AbortController();
    let calls = 0;
    const r = P.simulatePower({
      simulate: (rng: Json) => {
        calls++;
        if (calls === 25) controller.abort();
        return rng.uniform();
      },
      reps: 1000,
      seed: "cancel",
      signal: controller.signal,
    });
    expect(r.reps).toBeLessThan(1000);
    expect(r.reps).toBeGreaterThanOrEqual(25);
  });
});

describe("cohenD with two SDs and sizes: pooled SD", () => {
  it("cohenD({ mean1: 12, mean2: 10, sd1: 4, sd2: 2, n1: 20, n2: 30 }) uses √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2))", () => {
    const pooled = Math.sqrt((19 * 16 + 29 * 4) / 48);
    expect(P.cohenD({ mean1: 12, mean2: 10, sd1: 4, sd2: 2, n1: 20, n2: 30 })).toBeCloseToRel(2 / pooled, {
      rel: 1e-12,
    });
  });
});

describe("consistency properties across functions", () => {
  it("two-sided tTest power is symmetric in d; means(delta, sd) = tTest(d = delta / sd) (both count both tails)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 300 }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.3, max: 4, noNaN: true }),
        fc.constantFrom("two-sample", "one-sample", "paired"),
        (n, d, sd, type) => {
          const p = P.tTest({ n, d, type }).power;
          expect(P.tTest({ n, d: -d, type }).power).toBeCloseToRel(p, { rel: 1e-9 });
          expect(P.means({ n, delta: d * sd, sd, type }).power).toBeCloseToRel(p, { rel: 1e-9 });
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  });
  it("twoProportions2n with n1 = n2 = n equals twoProportions with n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 500 }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        (n, h) => {
          expect(P.twoProportions2n({ h, n1: n, n2: n }).power).toBeCloseToRel(
            P.twoProportions({ h, n }).power,
            { rel: 1e-9 },
          );
        },
      ),
      { numRuns: 40, seed: 18 },
    );
  });
});

describe("seeded grid: every pwr-family function × types × alternatives × sigLevels against R (1e-6)", () => {
  it.each((R.grid as Json[]).map((c) => [c.fn, JSON.stringify(c.args), c] as [string, string, Json]))(
    "%s(%s)",
    (fn, _a, c) => {
      const r = P[fn](c.args);
      expect(r.power).toBeCloseToRel(c.power, { rel: REL });
    },
  );
});

describe("issue 3: multisite blocked individual randomisation, PowerUp! BIRA2 formulas", () => {
  const b = R.bira2;
  const base = {
    icc: b.icc,
    heterogeneity: b.heterogeneity,
    siteSize: b.siteSize,
    sites: b.sites,
    treatedShare: b.treatedShare,
    r2Individual: b.r2Individual,
    r2Heterogeneity: b.r2Heterogeneity,
    siteCovariates: b.siteCovariates,
  };
  it("multisiteRandomised solves mdes = (t(1 − α/2, J − g − 1) + t(power, J − g − 1)) · se", () => {
    expect(P.multisiteRandomised({ ...base, power: b.power }).mdes).toBeCloseToRel(b.mdes, { rel: REL });
  });
  it("multisiteRandomised power by the noncentral t", () => {
    expect(P.multisiteRandomised({ ...base, mdes: b.esForPower }).power).toBeCloseToRel(b.powerAtEs, {
      rel: REL,
    });
  });
});

describe("bad input for every pwr-family row: negative sizes, sigLevel and power out of range, non-numeric", () => {
  const rows: [string, Json, string][] = [
    ["tTest", { n: 25, d: 0.6 }, "n"],
    ["tTest2n", { n1: 20, n2: 34, d: 0.7 }, "n1"],
    ["twoProportions", { h: 0.35, n: 70 }, "n"],
    ["twoProportions2n", { h: 0.4, n1: 50, n2: 65 }, "n2"],
    ["oneProportion", { h: 0.3, n: 60 }, "n"],
    ["correlation", { r: 0.32, n: 55 }, "n"],
    ["chiSquare", { w: 0.28, N: 120, df: 3 }, "N"],
    ["anova", { k: 4, n: 22, f: 0.3 }, "n"],
    ["linearModel", { u: 3, v: 70, f2: 0.12 }, "v"],
    ["normalMean", { d: 0.35, n: 45 }, "n"],
    ["proportions", { p1: 0.25, p2: 0.42, n: 90 }, "n"],
    ["means", { delta: 0.9, sd: 1.6, n: 30 }, "n"],
  ];
  it.each(rows)("%s: negative size", (fn, ok, size) => {
    expectTiltakError(() => P[fn]({ ...ok, [size]: -10 }), "INVALID_INPUT", size);
  });
  it.each(rows)("%s: sigLevel 0 and 1.5", (fn, ok) => {
    expectTiltakError(() => P[fn]({ ...ok, sigLevel: 0 }), "INVALID_INPUT", "sigLevel");
    expectTiltakError(() => P[fn]({ ...ok, sigLevel: 1.5 }), "INVALID_INPUT", "sigLevel");
  });
  it.each(rows)("%s: power 1.2 when solving the size", (fn, ok, size) => {
    const input = { ...ok, power: 1.2 };
    delete input[size];
    expectTiltakError(() => P[fn](input), "INVALID_INPUT", "power");
  });
  it.each(rows)("%s: a string for the size", (fn, ok, size) => {
    expectTiltakError(() => P[fn]({ ...ok, [size]: "many" }), "INVALID_INPUT", size);
  });
  it.each(rows)("%s: NaN for the size", (fn, ok, size) => {
    expectTiltakError(() => P[fn]({ ...ok, [size]: Number.NaN }), "INVALID_INPUT", size);
  });
  it.each(rows)("%s: not an object", (fn) => {
    expectTiltakError(() => P[fn](undefined), "INVALID_INPUT");
  });
});

describe("powerCurve over the effect size", () => {
  it("vary 'h' for twoProportions: rows from 0.1 to 0.6, power rising, each equal to a direct call", () => {
    const rows = P.powerCurve(P.twoProportions, { n: 80 }, { vary: "h", from: 0.1, to: 0.6, points: 6 });
    const list = (Array.isArray(rows) ? rows : rows.rows) as Json[];
    expect(list).toHaveLength(6);
    for (const row of list)
      expect(row.power).toBeCloseToRel(P.twoProportions({ n: 80, h: row.h }).power, { rel: 1e-12 });
    for (let i = 1; i < list.length; i++) expect(list[i].power).toBeGreaterThan(list[i - 1].power);
  });
});
