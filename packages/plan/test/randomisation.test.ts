// Randomisation inference: exact enumeration where the design allows it (checked against a brute-force
// enumeration written out here), Monte Carlo within 3 Monte-Carlo standard errors of the exact p on small
// designs, replicate r equal to the allocation the plan makes with the seed `${seed}:${r}`, and p always in
// [1/(reps + 1), 1] (fast-check).
import { allocate, allocationList } from "@tiltak/allocate";
import { isTiltakError } from "@tiltak/core";
import { allocatedUnits, planTrial, randomisationInference, type TrialPlan } from "@tiltak/plan";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

function outcomesFor(plan: TrialPlan, shift: number): { unitId: string; outcome: number }[] {
  return allocatedUnits(plan).map((unit, i) => ({
    unitId: unit.unitId,
    outcome: ((i * 7919) % 13) / 4 + (unit.arm === plan.design.arms[0] ? shift : 0),
  }));
}

async function completePlan(n: number, seed: string, strata?: boolean): Promise<TrialPlan> {
  const units = Array.from({ length: n }, (_, i) => ({ id: `u${i}`, site: i % 2 === 0 ? "A" : "B" }));
  return planTrial({
    outcome: { name: "y", kind: "continuous" },
    baseline: { sd: 1 },
    effect: { d: 0.5 },
    design: strata ? { kind: "individual", strata: ["site"] } : { kind: "individual" },
    units,
    seed,
  });
}

/** Brute force: every subset of size n/2 for arm 0, equally likely; two-sided p of the difference in means. */
function bruteForceP(outcome: number[], arm: number[]): number {
  const n = outcome.length;
  const stat = (a: number[]): number => {
    let s0 = 0;
    let s1 = 0;
    let n0 = 0;
    for (let i = 0; i < n; i++)
      if (a[i] === 0) {
        s0 += outcome[i] as number;
        n0++;
      } else s1 += outcome[i] as number;
    return s0 / n0 - s1 / (n - n0);
  };
  const observed = Math.abs(stat(arm));
  let extreme = 0;
  let total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let ones = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) ones++;
    if (ones !== n / 2) continue;
    const a = Array.from({ length: n }, (_, i) => (mask & (1 << i) ? 0 : 1));
    total++;
    if (Math.abs(stat(a)) >= observed * (1 - 1e-10) - 1e-12) extreme++;
  }
  return extreme / total;
}

describe("exact enumeration", () => {
  it("complete randomisation of 10 units: C(10, 5) = 252 allocations, p equal to brute force", async () => {
    const plan = await completePlan(10, "exact-10");
    const data = outcomesFor(plan, 1.5);
    const ri = randomisationInference({ plan, data, seed: "ri", reps: 1000 });
    expect(ri.exact).toBe(true);
    expect(ri.reps).toBe(252);
    expect(ri.mcError).toBe(0);
    const arm = allocatedUnits(plan).map((unit) => (unit.arm === plan.design.arms[0] ? 0 : 1));
    expect(ri.p).toBeCloseToRel(
      bruteForceP(
        data.map((row) => row.outcome),
        arm,
      ),
      { rel: 1e-12 },
    );
  });
  it("is Monte Carlo when the allocations outnumber reps", async () => {
    const plan = await completePlan(10, "exact-10");
    const ri = randomisationInference({ plan, data: outcomesFor(plan, 1.5), seed: "ri", reps: 200 });
    expect(ri.exact).toBe(false);
    expect(ri.reps).toBe(200);
  });
});

describe("Monte Carlo is within 3 Monte-Carlo SE of the exact p on small designs", () => {
  const cases: [string, () => Promise<TrialPlan>][] = [
    ["complete, 12 units", () => completePlan(12, "mc-complete")],
    ["stratified, 14 units in 2 strata", () => completePlan(14, "mc-strata", true)],
    [
      "cluster, 10 clusters",
      () =>
        planTrial({
          outcome: { name: "y", kind: "continuous" },
          baseline: { sd: 1 },
          effect: { d: 0.5 },
          design: { kind: "cluster", clusterSize: 5, icc: 0.1, cluster: "school" },
          units: Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, school: `s${i % 10}` })),
          seed: "mc-cluster",
        }),
    ],
    [
      "complete list of 8 cluster slots in 1 stratum",
      () =>
        planTrial({
          outcome: { name: "y", kind: "binary" },
          baseline: { rate: 0.3 },
          effect: { rate: 0.5 },
          design: { kind: "cluster", clusterSize: 10, icc: 0.05 },
          listSize: 8,
          seed: "mc-list",
        }),
    ],
  ];
  for (const [name, make] of cases)
    it(name, async () => {
      const plan = await make();
      const data =
        plan.outcome.kind === "binary"
          ? allocatedUnits(plan).flatMap((unit, c) =>
              Array.from({ length: 6 }, (_, j) => ({
                unitId: `${unit.unitId}-${j}`,
                cluster: unit.cluster as string,
                outcome: (c * 5 + j * 3) % 7 < (unit.arm === plan.design.arms[0] ? 4 : 2) ? 1 : 0,
              })),
            )
          : outcomesFor(plan, 0.8);
      const exact = randomisationInference({ plan, data, seed: "ri", reps: 100_000 });
      expect(exact.exact).toBe(true);
      const mc = randomisationInference({ plan, data, seed: "mc", reps: 4000, enumerate: false });
      expect(mc.exact).toBe(false);
      expect(Math.abs(mc.p - exact.p)).toBeLessThanOrEqual(
        3 * Math.sqrt((exact.p * (1 - exact.p)) / 4000) + 1 / 4001,
      );
      expect(mc.observed).toBe(exact.observed);
    });
});

describe("re-draws are the plan's own allocations with derived seeds", () => {
  it("replicate r is the list made with the seed «seed:r» (blocked, stratified list)", async () => {
    const plan = await planTrial({
      outcome: { name: "y", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { d: 0.5 },
      design: { kind: "individual", strata: { office: ["A", "B"] }, blockSizes: [2, 4] },
      listSize: 12,
      seed: "list-seed",
    });
    const units = allocatedUnits(plan).filter((unit) => Number(unit.unitId.split("#")[1]) <= 10);
    const data = units.map((unit, i) => ({ unitId: unit.unitId, outcome: i }));
    const seen: number[][] = [];
    const statistic = (arm: Int32Array): number => {
      seen.push(Array.from(arm));
      return 1;
    };
    randomisationInference({ plan, data, seed: "ri-seed", reps: 5, statistic });
    expect(seen).toHaveLength(6);
    expect(seen[0]).toEqual(units.map((unit) => (unit.arm === "intervention" ? 0 : 1)));
    for (let r = 0; r < 5; r++) {
      const again = await allocationList({
        ...(plan.allocation.plan as object),
        seed: `ri-seed:${r}`,
      } as never);
      const arms = units.map((unit) => {
        const [stratum, sequence] = unit.unitId.split("#");
        const row = again.rows.find(
          (candidate) => candidate.stratum === stratum && candidate.sequence === Number(sequence),
        );
        return row?.arm === "intervention" ? 0 : 1;
      });
      expect(seen[r + 1]).toEqual(arms);
    }
  });
  it("replicate r is the assignment made with the seed «seed:r» (cluster design)", async () => {
    const units = Array.from({ length: 24 }, (_, i) => ({ id: `p${i}`, school: `s${i % 8}` }));
    const plan = await planTrial({
      outcome: { name: "y", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { d: 0.5 },
      design: { kind: "cluster", clusterSize: 3, icc: 0.1, cluster: "school" },
      units,
      seed: "cluster-seed",
    });
    const data = units.map((unit, i) => ({ unitId: unit.id, outcome: i }));
    const seen: number[][] = [];
    randomisationInference({
      plan,
      data,
      seed: "c",
      reps: 3,
      enumerate: false,
      statistic: (arm) => {
        seen.push(Array.from(arm));
        return 1;
      },
    });
    for (let r = 0; r < 3; r++) {
      const again = await allocate({ ...(plan.allocation.plan as object), seed: `c:${r}` } as never, units);
      expect(seen[r + 1]).toEqual(again.rows.map((row) => (row.arm === "intervention" ? 0 : 1)));
    }
  });
});

describe("errors and properties", () => {
  it("a unit not in the allocation or listed twice is INCONSISTENT_DATA naming it", async () => {
    const plan = await completePlan(6, "errors");
    const data = outcomesFor(plan, 0);
    for (const bad of [
      [...data, { unitId: "ghost", outcome: 1 }],
      [...data, data[1] as (typeof data)[number]],
    ]) {
      try {
        randomisationInference({ plan, data: bad, seed: "s" });
        throw new Error("expected INCONSISTENT_DATA");
      } catch (error) {
        expect(isTiltakError(error) && error.code).toBe("INCONSISTENT_DATA");
        expect((error as Error).message).toMatch(/unit "(ghost|u\d)"/);
      }
    }
  });
  it("p lies in [1/(reps + 1), 1]", async () => {
    const plan = await planTrial({
      outcome: { name: "y", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { d: 0.5 },
      design: { kind: "individual", strata: { s: ["a", "b"] } },
      listSize: 30,
      seed: "property",
    });
    const units = allocatedUnits(plan).filter((unit) => Number(unit.unitId.split("#")[1]) <= 30);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), {
          minLength: units.length,
          maxLength: units.length,
        }),
        fc.integer({ min: 1, max: 60 }),
        async (values, reps) => {
          const data = units.map((unit, i) => ({ unitId: unit.unitId, outcome: values[i] as number }));
          const ri = randomisationInference({ plan, data, seed: "p", reps });
          expect(ri.p).toBeGreaterThanOrEqual(1 / (reps + 1) - 1e-15);
          expect(ri.p).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  });
});
