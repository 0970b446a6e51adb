// planTrial end to end: the NorA acceptance case (baseline 27/84 exits to work from datasets' nora-2024,
// target 45 %, power 0.8, 20 % attrition), cluster and stepped-wedge designs, readiness reported rather than
// thrown, and errors. Sample sizes must equal the power function's own n exactly (same call, same options).
import { publicCommitment, verifyAllocation } from "@tiltak/allocate";
import { isTiltakError } from "@tiltak/core";
import { nora2024, theories } from "@tiltak/datasets";
import { allocatedUnits, planTrial } from "@tiltak/plan";
import {
  clusterProportions,
  clusterRandomised,
  cohenH,
  steppedWedge,
  tTest,
  twoProportions,
} from "@tiltak/power";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const noraTheory = theories.find((theory) => theory.id === "nora");
const kystbyen = theories.find((theory) => theory.id === "nibr-kystbyen");

const nora = {
  theory: noraTheory,
  outcome: { indicator: "indicator-exits-to-work", name: "exit to paid work", kind: "binary" as const },
  baseline: { record: nora2024, outcome: "work" as const, denominator: "exits" as const },
  effect: { rate: 0.45 },
  design: { kind: "individual" as const },
  power: 0.8,
  attrition: 0.2,
  seed: "nora-acceptance-7c2f91d4e5",
};

async function expectCode(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(isTiltakError(error) && error.code).toBe(code);
    if (message) expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe("NorA: exits to work, 27/84 → 45 %", () => {
  it("gives the same n as power.twoProportions and recruits ⌈⌈n⌉/0.8⌉ per arm", async () => {
    const plan = await planTrial(nora);
    const h = cohenH(0.45, 27 / 84);
    const reference = twoProportions({ h, power: 0.8, sigLevel: 0.05 });
    expect(plan.sampleSize.perArm).toBe(reference.n);
    expect(plan.sampleSize.call).toEqual({
      fn: "twoProportions",
      options: { h, power: 0.8, sigLevel: 0.05 },
    });
    expect(twoProportions(plan.sampleSize.call.options).n).toBe(plan.sampleSize.perArm);
    expect(plan.sampleSize.recruitPerArm).toBe(Math.ceil(Math.ceil(reference.n) / 0.8));
    expect(plan.sampleSize.recruitPerArm).toBe(280);
    expect(plan.sampleSize.recruitTotal).toBe(560);
    expect(plan.baseline).toMatchObject({
      rate: 27 / 84,
      count: 27,
      denominator: 84,
      denominatorKind: "exits",
    });
    expect(plan.baseline.lower).toBeLessThan(27 / 84);
    expect(plan.effect.rate).toBe(0.45);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
  it("makes a list sized to the recruitment that verifies", async () => {
    const plan = await planTrial(nora);
    expect(plan.allocation.meta.method).toBe("allocationList");
    expect(plan.allocation.rows.length).toBeGreaterThanOrEqual(560);
    expect((await verifyAllocation(plan.allocation, { commitment: plan.commitment.commitment })).ok).toBe(
      true,
    );
    expect(plan.commitment).toEqual(publicCommitment(plan.allocation));
    expect(JSON.stringify(plan.commitment)).not.toContain(plan.allocation.meta.seed);
    expect(allocatedUnits(plan)).toHaveLength(plan.allocation.rows.length);
  });
  it("warns about a single-year baseline and a target other than the theory's, and reports readiness", async () => {
    const plan = await planTrial(nora);
    expect(plan.warnings.join("\n")).toMatch(/single programme year/);
    expect(plan.warnings.join("\n")).toMatch(/not for the theory's target of 60\.0 %/);
    expect(plan.readiness?.assessment.answers.requiredSampleSize).toBe(560);
    expect(typeof plan.readiness?.ready).toBe("boolean");
    expect(plan.outcome.target).toBe(0.6);
  });
  it("warns when the target lies inside the baseline's interval", async () => {
    const plan = await planTrial({ ...nora, effect: { rate: 0.4 } });
    expect(plan.warnings.join("\n")).toMatch(/inside the baseline's 95 % interval/);
  });
  it("a theory whose check finds an error is reported, not thrown", async () => {
    const theory = {
      id: "loop",
      title: "A loop",
      nodes: [
        { id: "a", kind: "activity" as const, label: "A" },
        { id: "o", kind: "outcome" as const, label: "O" },
      ],
      links: [
        { from: "a", to: "o" },
        { from: "o", to: "a" },
      ],
    };
    const plan = await planTrial({
      ...nora,
      theory,
      outcome: { name: "work", kind: "binary" },
      baseline: { rate: 0.3 },
    });
    expect(plan.readiness?.check.ok).toBe(false);
    expect(plan.readiness?.ready).toBe(false);
    expect(plan.warnings.join("\n")).toMatch(/error/);
  });
});

describe("other designs call the power function that fits them", () => {
  it("continuous, individual: tTest", async () => {
    const plan = await planTrial({
      outcome: { name: "score", kind: "continuous" },
      baseline: { sd: 12 },
      effect: { difference: 6 },
      design: { kind: "individual", strata: { site: ["A", "B", "C"] }, blockSizes: [4] },
      attrition: 0.1,
      seed: "continuous-plan-seed",
    });
    expect(plan.sampleSize.perArm).toBe(tTest({ d: 0.5, power: 0.8, sigLevel: 0.05, type: "two-sample" }).n);
    expect(plan.sampleSize.recruitPerArm).toBe(Math.ceil(64 / 0.9));
    expect(plan.allocation.rows.every((row) => (row as { blockSize: number }).blockSize === 4)).toBe(true);
    expect(plan.analysis.test).toBe("welch-t");
  });
  it("cluster, continuous (Kystbyen classes): clusterRandomised, in clusters and units", async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({ id: `class-${i + 1}`, centre: `centre-${i % 3}` }));
    const plan = await planTrial({
      theory: kystbyen,
      outcome: { name: "oral Norwegian test score", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { d: 0.5 },
      design: {
        kind: "cluster",
        clusterSize: 12,
        icc: 0.15,
        arms: ["mother-tongue support", "usual teaching"],
        strata: ["centre"],
      },
      attrition: 0.2,
      units,
      seed: "kystbyen-cluster-seed-3f1",
    });
    const reference = clusterRandomised({
      icc: 0.15,
      clusterSize: 12,
      mdes: 0.5,
      power: 0.8,
      sigLevel: 0.05,
    });
    expect(plan.sampleSize.call.fn).toBe("clusterRandomised");
    expect(plan.sampleSize.total).toBe(reference.clusters);
    expect(plan.sampleSize.clustersPerArm).toBe(Math.ceil(reference.clusters / 2));
    expect(plan.sampleSize.recruitPerCluster).toBe(15);
    expect(plan.sampleSize.recruitPerArm).toBe((plan.sampleSize.clustersPerArm as number) * 15);
    expect(plan.allocation.meta.method).toBe("allocate");
    expect((await verifyAllocation(plan.allocation)).ok).toBe(true);
    expect(plan.analysis.test).toBe("cluster-t");
  });
  it("cluster, binary, without known clusters: clusterProportions and a list of cluster slots", async () => {
    const plan = await planTrial({
      outcome: { name: "work", kind: "binary" },
      baseline: { rate: 0.3 },
      effect: { rate: 0.5 },
      design: { kind: "cluster", clusterSize: 15, icc: 0.05 },
      seed: "cluster-list-seed",
    });
    const reference = clusterProportions({
      p1: 0.3,
      p2: 0.5,
      clusterSize: 15,
      icc: 0.05,
      power: 0.8,
      sigLevel: 0.05,
    });
    expect(plan.sampleSize.total).toBe(reference.clusters);
    expect(plan.allocation.rows).toHaveLength(plan.sampleSize.clusters as number);
    const arms = plan.allocation.rows.map((row) => row.arm);
    expect(arms.filter((arm) => arm === "intervention")).toHaveLength(
      plan.sampleSize.clustersPerArm as number,
    );
  });
  it("stepped wedge: the smallest number of clusters whose steppedWedge power reaches the target", async () => {
    const plan = await planTrial({
      outcome: { name: "score", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { difference: 0.3 },
      design: { kind: "stepped-wedge", steps: 4, clusterSize: 10, icc: 0.05 },
      seed: "stepped-wedge-seed",
    });
    const clusters = plan.sampleSize.clusters as number;
    const base = { steps: 4, clusterSize: 10, icc: 0.05, sd: 1, effect: 0.3, sigLevel: 0.05 };
    expect(steppedWedge({ ...base, clusters }).power).toBeGreaterThanOrEqual(0.8);
    expect(steppedWedge({ ...base, clusters: clusters - 1 }).power).toBeLessThan(0.8);
    expect(plan.sampleSize.call).toEqual({ fn: "steppedWedge", options: { ...base, clusters } });
    expect(new Set(plan.allocation.rows.map((row) => row.arm)).size).toBe(4);
  });
});

describe("errors", () => {
  it("names the parameter", async () => {
    await expectCode(planTrial({ ...nora, seed: "" }), "INVALID_INPUT", /seed/);
    await expectCode(planTrial({ ...nora, power: 1.2 }), "INVALID_INPUT", /power must be in \(0, 1\)/);
    await expectCode(
      planTrial({ ...nora, design: { kind: "individual", arms: ["a", "b", "c"] } }),
      "INVALID_INPUT",
      /exactly two arms/,
    );
    await expectCode(
      planTrial({ ...nora, design: { kind: "cluster" } }),
      "INVALID_INPUT",
      /design.clusterSize is required/,
    );
    await expectCode(
      planTrial({ ...nora, outcome: { ...nora.outcome, indicator: "nope" } }),
      "INVALID_INPUT",
      /outcome.indicator must be the id of an indicator/,
    );
    await expectCode(
      planTrial({ ...nora, effect: { d: 0.3 } }),
      "INVALID_INPUT",
      /effect must be \{ rate \} or \{ difference \}/,
    );
    await expectCode(planTrial({ ...nora, attrition: 1 }), "INVALID_INPUT", /attrition/);
  });
});

describe("properties", () => {
  it("recruitPerArm >= perArm, and equals ⌈⌈perArm⌉/(1 − attrition)⌉ (binary, individual)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        fc.constantFrom(0, 0.1, 0.2, 0.35),
        async (p0, lift, attrition) => {
          const plan = await planTrial({
            outcome: { name: "y", kind: "binary" },
            baseline: { rate: p0 },
            effect: { rate: p0 + lift },
            design: { kind: "individual" },
            attrition,
            listSize: 2,
            seed: "property-seed",
          });
          const { perArm, recruitPerArm } = plan.sampleSize;
          expect(recruitPerArm).toBeGreaterThanOrEqual(perArm);
          expect(recruitPerArm * (1 - attrition)).toBeGreaterThanOrEqual(Math.ceil(perArm) - 1e-9);
          expect((recruitPerArm - 1) * (1 - attrition)).toBeLessThan(Math.ceil(perArm));
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });
});
