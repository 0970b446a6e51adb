// analyseTrial against R (test/reference/plan/analyse.json, from generate.R): prop.test(correct = FALSE)
// and Welch's t.test for individually randomised trials, the pooled-variance t test on cluster means for
// cluster-randomised trials. The outcomes of R's intervention arm are given to the plan's intervention
// units, R's control outcomes to its control units. Tolerance: 1e-9 relative (1e-12 absolute near zero)
// for estimates, intervals and statistics; 1e-8 relative for p.
import { readFileSync } from "node:fs";
import { isTiltakError } from "@tiltak/core";
import { allocatedUnits, analyseTrial, planTrial, type TrialPlan } from "@tiltak/plan";
import { describe, expect, it } from "vitest";

interface Case {
  name: string;
  design: "individual" | "cluster";
  kind: "binary" | "continuous";
  y1?: number[];
  y2?: number[];
  clusters1?: number[][];
  clusters2?: number[][];
  estimate: number;
  lower: number;
  upper: number;
  statistic: number;
  df: number;
  p: number;
}

const reference = JSON.parse(
  readFileSync(new URL("../../../test/reference/plan/analyse.json", import.meta.url), "utf8"),
) as { cases: Case[] };

async function individual(
  c: Case,
): Promise<{ plan: TrialPlan; data: { unitId: string; outcome: number }[] }> {
  const y1 = c.y1 as number[];
  const y2 = c.y2 as number[];
  const units = Array.from({ length: 2 * Math.max(y1.length, y2.length) }, (_, i) => ({ id: `u${i}` }));
  const plan = await planTrial({
    outcome: { name: "y", kind: c.kind },
    ...(c.kind === "binary"
      ? { baseline: { rate: 0.3 }, effect: { rate: 0.5 } }
      : { baseline: { sd: 10 }, effect: { difference: 5 } }),
    design: { kind: "individual" },
    units,
    seed: `reference-${c.name}`,
  });
  const queues = [[...y1], [...y2]];
  const data = allocatedUnits(plan).flatMap((unit) => {
    const value = queues[unit.arm === "intervention" ? 0 : 1]?.shift();
    return value === undefined ? [] : [{ unitId: unit.unitId, outcome: value }];
  });
  return { plan, data };
}

async function cluster(
  c: Case,
): Promise<{ plan: TrialPlan; data: { unitId: string; cluster: string; outcome: number }[] }> {
  const c1 = c.clusters1 as number[][];
  const c2 = c.clusters2 as number[][];
  const units = Array.from({ length: c1.length + c2.length }, (_, i) => ({ id: `class-${i}` }));
  const plan = await planTrial({
    outcome: { name: "y", kind: c.kind },
    ...(c.kind === "binary"
      ? { baseline: { rate: 0.3 }, effect: { rate: 0.5 } }
      : { baseline: { sd: 2 }, effect: { difference: 1 } }),
    design: { kind: "cluster", clusterSize: 10, icc: 0.1 },
    units,
    seed: `reference-${c.name}`,
  });
  const queues = [[...c1], [...c2]];
  const data = allocatedUnits(plan).flatMap((unit) => {
    const values = queues[unit.arm === "intervention" ? 0 : 1]?.shift() ?? [];
    return values.map((outcome, j) => ({ unitId: `${unit.unitId}-${j}`, cluster: unit.unitId, outcome }));
  });
  return { plan, data };
}

describe("analyseTrial agrees with R", () => {
  it("has the reference cases", () => expect(reference.cases.length).toBe(6));
  for (const c of reference.cases)
    it(`${c.name}`, async () => {
      const { plan, data } = c.design === "individual" ? await individual(c) : await cluster(c);
      const result = analyseTrial(plan, data, { reps: 500, seed: "ri" });
      expect(result.test).toBe(
        c.design === "cluster" ? "cluster-t" : c.kind === "binary" ? "prop.test" : "welch-t",
      );
      const tolerance = { rel: 1e-9, abs: 1e-12 };
      expect(result.estimate.value).toBeCloseToRel(c.estimate, tolerance);
      expect(result.estimate.lower).toBeCloseToRel(c.lower, tolerance);
      expect(result.estimate.upper).toBeCloseToRel(c.upper, tolerance);
      expect(result.statistic).toBeCloseToRel(c.statistic, tolerance);
      expect(result.df).toBeCloseToRel(c.df, tolerance);
      expect(result.p).toBeCloseToRel(c.p, { rel: 1e-8 });
      expect(result.randomisation.p).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
});

describe("data errors name the unit", () => {
  it("a unit not in the allocation, or listed twice, is INCONSISTENT_DATA", async () => {
    const { plan, data } = await individual(reference.cases[0] as Case);
    const attempts: [unknown[], RegExp][] = [
      [[...data, { unitId: "nobody", outcome: 1 }], /unit "nobody" is not in the allocation/],
      [[...data, data[3]], /unit "u\d+" is listed twice/],
    ];
    for (const [rows, message] of attempts) {
      try {
        analyseTrial(plan, rows as never);
        throw new Error("expected INCONSISTENT_DATA");
      } catch (error) {
        expect(isTiltakError(error) && error.code).toBe("INCONSISTENT_DATA");
        expect((error as Error).message).toMatch(message);
      }
    }
  });
  it("a binary outcome that is not 0 or 1 is INVALID_INPUT", async () => {
    const { plan, data } = await individual(reference.cases[0] as Case);
    const rows = data.map((row, i) => (i === 2 ? { ...row, outcome: 2 } : row));
    expect(() => analyseTrial(plan, rows)).toThrow(/must be 0 or 1/);
  });
});

describe("designs analyseTrial does not run", () => {
  it("a stepped-wedge plan is INVALID_INPUT (its mixed model is not run here)", async () => {
    const plan = await planTrial({
      outcome: { name: "y", kind: "continuous" },
      baseline: { sd: 1 },
      effect: { difference: 0.3 },
      design: { kind: "stepped-wedge", steps: 3, clusterSize: 10, icc: 0.05 },
      seed: "stepped-wedge-analysis",
    });
    const data = allocatedUnits(plan).map((unit, i) => ({ unitId: unit.unitId, outcome: i }));
    expect(() => analyseTrial(plan, data)).toThrow(/stepped-wedge plan/);
  });
});
