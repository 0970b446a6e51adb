// Bad input throws TiltakError naming the parameter; unreachable targets throw NO_SOLUTION with the
// reason (never a bracket end, statsmodels #9378); results are plain JSON that echo every parameter.
import { isTiltakError } from "@tiltak/core";
import {
  anova,
  chiSquare,
  clusterProportions,
  clusterRandomised,
  cohenD,
  cohenH,
  conventionalEffectSize,
  correlation,
  designEffect,
  inflateForAttrition,
  linearModel,
  means,
  multisiteRandomised,
  normalMean,
  oneProportion,
  proportions,
  steppedWedge,
  tTest,
  tTest2n,
  twoProportions,
  twoProportions2n,
} from "@tiltak/power";
import { describe, expect, it } from "vitest";

function thrown(f: () => unknown): { code: string; message: string; issues: { path: unknown[] }[] } {
  try {
    f();
  } catch (error) {
    if (isTiltakError(error)) return error as never;
    throw error;
  }
  throw new Error("did not throw");
}

describe("the solving convention", () => {
  it("needs exactly one missing parameter", () => {
    const none = thrown(() => tTest({ n: 20, d: 0.5, power: 0.8 }));
    expect(none.code).toBe("INVALID_INPUT");
    expect(none.message).toContain("exactly one of n, d, power, sigLevel must be missing");
    const two = thrown(() => tTest({ d: 0.5 }));
    expect(two.code).toBe("INVALID_INPUT");
    expect(two.message).toContain("missing: n, power");
    expect(two.issues.map((issue) => issue.path[0])).toEqual(["n", "power"]);
  });
  it("solves sigLevel when it is null, and defaults it to 0.05 when absent", () => {
    expect(tTest({ n: 64, d: 0.5, power: 0.8, sigLevel: null }).sigLevel).toBeGreaterThan(0.04);
    expect(tTest({ n: 64, d: 0.5 }).sigLevel).toBe(0.05);
    expect(means({ n: 20, delta: 1, power: null }).power).toBeCloseToRel(0.868953, { rel: 1e-6 });
  });
  it("rejects out-of-range values with the parameter, the range and the value", () => {
    expect(thrown(() => tTest({ n: 20, d: 0.5, power: 1.2, sigLevel: null })).message).toBe(
      "power must be in (0, 1), got 1.2",
    );
    expect(thrown(() => tTest({ n: 1, d: 0.5 })).message).toBe("n must be in [2, Inf), got 1");
    expect(thrown(() => tTest({ n: 20, d: 0.5, sigLevel: 0 })).message).toBe(
      "sigLevel must be in (0, 1), got 0",
    );
    expect(thrown(() => tTest({ n: 20, d: 0.5, type: "welch" as never })).message).toContain(
      "type must be one of",
    );
    expect(thrown(() => tTest({ n: 20, d: 0.5, nn: 3 } as never)).message).toContain(
      "nn is not an accepted option",
    );
    expect(thrown(() => correlation({ n: 20, r: 1 })).message).toBe("r must be in (-1, 1), got 1");
    expect(thrown(() => chiSquare({ N: 20, w: 0.3, df: 1.5 })).message).toBe(
      "df must be an integer >= 1, got 1.5",
    );
    expect(thrown(() => proportions({ n: 20, p1: 0, p2: 0.5 })).message).toBe("p1 must be in (0, 1), got 0");
    expect(
      thrown(() => clusterRandomised({ icc: 1, clusterSize: 10, clusters: 20, power: 0.8 })).message,
    ).toBe("icc must be in [0, 1), got 1");
    expect(
      thrown(() => clusterRandomised({ icc: 0.1, clusterSize: 10, clusters: 2, power: 0.8 })).message,
    ).toContain("clusters must leave df = clusters − covariates − 2 > 0");
    expect(
      thrown(() => steppedWedge({ clusters: 8, steps: 4, clusterSize: 10, effect: 0.2 })).message,
    ).toContain("exactly one of icc and tau");
    expect(
      thrown(() =>
        steppedWedge({ clusters: 8, steps: 4, clusterSize: 10, icc: 0.1, outcome: "binary", effect: 0.2 }),
      ).message,
    ).toContain("p0 is required");
    expect(
      thrown(() =>
        steppedWedge({
          clusters: 8,
          steps: 3,
          clustersPerStep: [4, 4, 1],
          clusterSize: 10,
          icc: 0.1,
          effect: 0.2,
        }),
      ).message,
    ).toBe("clustersPerStep must sum to clusters (8), got [4,4,1]");
    expect(
      thrown(() =>
        steppedWedge({
          clusters: 8,
          steps: 3,
          clustersPerStep: [8, 0, 0],
          clusterSize: 10,
          icc: 0.1,
          effect: 0.2,
        }),
      ).message,
    ).toContain("two or more steps");
    expect(thrown(() => designEffect({ clusterSize: 0.5, icc: 0.1 })).code).toBe("INVALID_INPUT");
    expect(thrown(() => inflateForAttrition({ n: 100, attrition: -0.1 })).message).toBe(
      "attrition must be in [0, 1), got -0.1",
    );
    expect(thrown(() => conventionalEffectSize("t", "huge" as never)).message).toContain(
      'size must be one of "small"',
    );
    expect(thrown(() => cohenD(1, 0, 0)).message).toBe("sd1 must be a finite number > 0, got 0");
  });
});

describe("NO_SOLUTION says why, and never returns a bracket end", () => {
  it("power already exceeded at the smallest n (pwr issue #33: d = 7)", () => {
    const error = thrown(() => tTest({ d: 7, power: 0.8 }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toContain("already exceeded");
    expect(error.message).toContain("n = 2");
  });
  it("a low target already exceeded at n = 2 (pwr issue #27: power 0.1)", () => {
    expect(
      thrown(() =>
        tTest({ d: 0.5, power: 0.05 + 1e-3, sigLevel: 0.05, alternative: "greater", type: "one-sample" }),
      ).code,
    ).toBe("NO_SOLUTION");
  });
  it("no n reaches the power when there is no effect", () => {
    const error = thrown(() => tTest({ d: 0, power: 0.8 }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toContain("cannot be reached");
    expect(thrown(() => twoProportions({ h: 0, power: 0.8 })).code).toBe("NO_SOLUTION");
    expect(thrown(() => normalMean({ d: -0.5, power: 0.8, alternative: "greater" })).code).toBe(
      "NO_SOLUTION",
    );
  });
  it("a one-sided test in the wrong direction", () => {
    expect(thrown(() => tTest({ d: -0.3, power: 0.8, alternative: "greater" })).code).toBe("NO_SOLUTION");
  });
  it("a detectable p2 beyond 1", () => {
    const error = thrown(() => proportions({ n: 5, p1: 0.9, power: 0.99 }));
    expect(error.code).toBe("NO_SOLUTION");
  });
  it("an MDES no number of clusters can reach (the ICC floor)", () => {
    // With ICC 0.2 and 5 per cluster, MDES falls as J grows but never below zero; a target of 0.001
    // needs more than 1e7 clusters.
    const error = thrown(() => clusterRandomised({ icc: 0.2, clusterSize: 5, mdes: 0.0001, power: 0.8 }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toContain("mdes");
  });
});

describe("results are plain JSON echoing every parameter", () => {
  const results: [string, object][] = [
    ["tTest", tTest({ d: 0.5, power: 0.8 })],
    ["tTest2n", tTest2n({ n1: 60, d: 0.5, power: 0.8 })],
    ["twoProportions", twoProportions({ h: cohenH(0.5, 0.3), power: 0.8 })],
    ["twoProportions2n", twoProportions2n({ h: 0.4, n1: 50, power: 0.8 })],
    ["oneProportion", oneProportion({ h: 0.3, power: 0.8 })],
    ["correlation", correlation({ r: 0.3, power: 0.8 })],
    ["chiSquare", chiSquare({ w: 0.3, df: 2, power: 0.8 })],
    ["anova", anova({ k: 3, f: 0.25, power: 0.8 })],
    ["linearModel", linearModel({ u: 2, f2: 0.15, power: 0.8 })],
    ["normalMean", normalMean({ d: 0.3, power: 0.8 })],
    ["proportions", proportions({ p1: 0.5, p2: 0.7, power: 0.8 })],
    ["means", means({ delta: 2, sd: 4, power: 0.8 })],
    ["clusterRandomised", clusterRandomised({ icc: 0.05, clusterSize: 15, clusters: 30, power: 0.8 })],
    [
      "multisiteRandomised",
      multisiteRandomised({ icc: 0.1, heterogeneity: 0.2, siteSize: 30, sites: 10, power: 0.8 }),
    ],
    ["clusterProportions", clusterProportions({ p1: 0.4, p2: 0.6, clusterSize: 15, icc: 0.08, power: 0.8 })],
    ["steppedWedge", steppedWedge({ clusters: 12, steps: 4, clusterSize: 15, icc: 0.1, power: 0.8 })],
  ];
  it.each(results)("%s", (_name, result) => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const values = Object.values(result);
    expect(values.every((v) => typeof v !== "number" || Number.isFinite(v))).toBe(true);
    expect(typeof (result as { method: string }).method).toBe("string");
  });
  it("names what n counts and gives the integer to recruit", () => {
    const t = tTest({ d: 0.5, power: 0.8 });
    expect(t.note).toBe("n is number in *each* group");
    expect(t.nRecruit).toBe(64);
    expect(tTest({ d: 0.5, power: 0.8, type: "paired" }).note).toBe("n is number of *pairs*");
    expect(tTest({ n: 64, d: 0.5 }).nRecruit).toBeUndefined();
    expect(chiSquare({ w: 0.3, df: 2, power: 0.8 }).NRecruit).toBe(108);
    const lm = linearModel({ u: 2, f2: 0.15, power: 0.8 });
    expect(lm.nRecruit).toBe(2 + (lm.vRecruit as number) + 1);
  });
});

describe("helpers", () => {
  it("designEffect (Eldridge et al. 2006) and inflateForAttrition", () => {
    expect(designEffect({ clusterSize: 15, icc: 0.05 })).toBeCloseToRel(1.7, { rel: 1e-15 });
    expect(designEffect({ clusterSize: 15, icc: 0.1 })).toBeCloseToRel(2.4, { rel: 1e-15 });
    expect(designEffect({ clusterSize: 20, icc: 0.05, cv: 0.5 })).toBeCloseToRel(1 + (1.25 * 20 - 1) * 0.05, {
      rel: 1e-15,
    });
    expect(designEffect({ clusterSize: 1, icc: 0.3 })).toBe(1);
    expect(inflateForAttrition({ n: 100, attrition: 0 })).toBe(100);
    expect(inflateForAttrition({ n: 101, attrition: 0.2 })).toBe(127);
    expect(inflateForAttrition({ n: 70, attrition: 0.3 })).toBe(100);
  });
  it("cohenH as pwr::ES.h, conventional sizes as pwr::cohen.ES", () => {
    expect(cohenH(0.65, 0.5)).toBeCloseToRel(0.3046927, { rel: 2e-7 });
    expect(cohenH(0.5, 0.5)).toBe(0);
    expect(conventionalEffectSize("r", "small")).toBe(0.1);
    expect(conventionalEffectSize("anov", "medium")).toBe(0.25);
    expect(conventionalEffectSize("anova", "large")).toBe(0.4);
    expect(conventionalEffectSize("chisq", "large")).toBe(0.5);
    expect(conventionalEffectSize("p", "small")).toBe(0.2);
  });
  it("clusterProportions with ICC 0 equals proportions with n = clusters/2 · clusterSize", () => {
    const cp = clusterProportions({ p1: 0.3, p2: 0.45, clusterSize: 10, icc: 0, clusters: 24 });
    expect(cp.power).toBeCloseToRel(proportions({ n: 120, p1: 0.3, p2: 0.45 }).power, { rel: 1e-12 });
    expect(cp.designEffect).toBe(1);
  });
  it("clusterRandomised with ICC 0 and one per cluster is an individually randomised trial (PowerUp! IRA, n = 250)", () => {
    // PowerUpR mdes.ira(n = 250) = 0.3557750394 with df = n - 2 = 248 (case powerup-06); CRA2 with
    // icc = 0 and clusterSize = 1 has the same SE and df.
    expect(clusterRandomised({ icc: 0, clusterSize: 1, clusters: 250, power: 0.8 }).mdes).toBeCloseToRel(
      0.3557750394,
      {
        rel: 1e-9,
      },
    );
  });
  it("an intake-limited design: 90 referrals a year for two years, half treated", () => {
    // R: pwr.t.test(n = 90, power = .8)$d = 0.4199064711 (pwr's uniroot tolerance ~1e-4);
    // power.prop.test(n = 90, p1 = .3, power = .8, strict = TRUE)$p2 = 0.5034062217.
    expect(tTest({ n: 90, power: 0.8 }).d).toBeCloseToRel(0.4199064711, { rel: 1e-3 });
    expect(proportions({ n: 90, p1: 0.3, power: 0.8 }).p2).toBeCloseToRel(0.5034062217, { rel: 1e-4 });
  });
});
