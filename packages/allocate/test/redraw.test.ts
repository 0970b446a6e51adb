// armSampler re-draws an allocation with another seed and the same design: for every design, draw(seed)
// must give, row by row, exactly the arms that allocationList / allocate give with that seed (exact equality).
import { allocate, allocationList, armSampler } from "@tiltak/allocate";
import { describe, expect, it } from "vitest";

const seeds = ["r1", "r2", "r3", "another seed", "x"];

describe("armSampler gives the arms of the same plan run with another seed", () => {
  it("blocked, stratified list (unequal ratio, several block sizes)", async () => {
    const plan = {
      arms: [{ name: "A", ratio: 2 }, "B"],
      strata: { office: ["Bergen", "Oslo"], gender: ["F", "M"] },
      blockSizes: [3, 6],
      size: 11,
      seed: "orig",
    };
    const original = await allocationList(plan);
    const sampler = armSampler(original);
    expect(sampler.size).toBe(original.rows.length);
    for (const seed of seeds) {
      const again = await allocationList({ ...plan, seed });
      const drawn = sampler.draw(seed);
      original.rows.forEach((row, i) => {
        const match = again.rows.find((r) => r.stratum === row.stratum && r.sequence === row.sequence);
        if (match !== undefined) expect(sampler.arms[drawn[i] as number]).toBe(match.arm);
        else expect([0, 1]).toContain(drawn[i]);
      });
    }
  });
  it("complete and simple lists", async () => {
    for (const design of ["complete", "simple"] as const) {
      const plan = { design, arms: ["A", "B"], strata: { site: [1, 2, 3] }, size: 7, seed: "orig" };
      const sampler = armSampler(await allocationList(plan));
      for (const seed of seeds) {
        const again = await allocationList({ ...plan, seed });
        expect(Array.from(sampler.draw(seed)).map((a) => sampler.arms[a])).toEqual(
          again.rows.map((row) => row.arm),
        );
      }
    }
  });
  it("complete, blocked (with and without block sizes) and cluster assignments", async () => {
    const units = Array.from({ length: 37 }, (_, i) => ({
      id: `u${i}`,
      office: i % 3 === 0 ? "Oslo" : "Bergen",
      school: `s${i % 9}`,
      region: i % 9 < 4 ? "north" : "south",
    }));
    const plans = [
      { design: "complete" as const, arms: ["A", "B"], seed: "orig" },
      { design: "blocked" as const, arms: ["A", "B"], strata: ["office"], seed: "orig" },
      { design: "blocked" as const, arms: ["A", "B"], strata: ["office"], blockSizes: [2, 4], seed: "orig" },
      { design: "cluster" as const, arms: ["A", "B", "C"], cluster: "school", seed: "orig" },
      { design: "cluster" as const, arms: ["A", "B"], cluster: "school", strata: ["region"], seed: "orig" },
    ];
    for (const plan of plans) {
      const sampler = armSampler(await allocate(plan, units));
      for (const seed of seeds) {
        const again = await allocate({ ...plan, seed }, units);
        expect(Array.from(sampler.draw(seed)).map((a) => sampler.arms[a])).toEqual(
          again.rows.map((row) => row.arm),
        );
      }
    }
  });
  it("refuses a minimisation sequence", () => {
    expect(() =>
      armSampler({
        rows: [],
        plan: { arms: ["A", "B"], factors: ["x"], seed: "s" },
        meta: { method: "minimisation", seed: "s" },
      }),
    ).toThrow(/cannot be re-drawn/);
  });
});
