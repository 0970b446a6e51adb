// allocationList: exact structural properties (fast-check), the block-size draw (chi-square over fixed
// seeds, threshold p = 1e-6 so the test is deterministic and meaningful), and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationPlan, allocationList, listStrata } from "../src/index.js";

const armsArb = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 })
  .map((ratios) => ratios.map((ratio, i) => ({ name: `arm${i}`, ratio })));

describe("allocationList: exact properties", () => {
  it("every stratum has at least size slots in complete blocks balanced to the ratio", async () => {
    await fc.assert(
      fc.asyncProperty(
        armsArb,
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        async (arms, multiples, size, seed) => {
          const total = arms.reduce((a, arm) => a + arm.ratio, 0);
          const blockSizes = multiples.map((m) => m * total);
          const plan: AllocationPlan = {
            arms,
            blockSizes,
            size,
            seed,
            strata: { g: ["F", "M"], o: [1, 2, 3] },
          };
          const list = await allocationList(plan);
          const strata = listStrata(plan.strata as Record<string, string[]>);
          expect([...new Set(list.rows.map((row) => row.stratum))]).toEqual(strata);
          for (const stratum of strata) {
            const rows = list.rows.filter((row) => row.stratum === stratum);
            expect(rows.length).toBeGreaterThanOrEqual(size);
            expect(rows.length).toBeLessThan(size + Math.max(...blockSizes));
            expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, i) => i + 1));
            const blocks = new Map<number, typeof rows>();
            for (const row of rows) blocks.set(row.block, [...(blocks.get(row.block) ?? []), row]);
            expect([...blocks.keys()]).toEqual([...blocks.keys()].map((_, i) => i + 1));
            for (const block of blocks.values()) {
              const blockSize = block[0]?.blockSize as number;
              expect(blockSizes).toContain(blockSize);
              expect(block.length).toBe(blockSize);
              for (const arm of arms)
                expect(block.filter((row) => row.arm === arm.name).length).toBe(
                  (arm.ratio * blockSize) / total,
                );
            }
            // blocks are added only while fewer than size slots exist
            const lastBlock = blocks.get(blocks.size) ?? [];
            expect(rows.length - lastBlock.length).toBeLessThan(size);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("complete lists hit exact counts; simple lists are single-slot blocks", async () => {
    const complete = await allocationList({ design: "complete", arms: ["A", "B", "C"], size: 9, seed: "c" });
    expect(["A", "B", "C"].map((arm) => complete.rows.filter((row) => row.arm === arm).length)).toEqual([
      3, 3, 3,
    ]);
    expect(complete.rows.every((row) => row.block === 1 && row.blockSize === 9)).toBe(true);
    const simple = await allocationList({ design: "simple", arms: ["A", "B"], size: 5, seed: "s" });
    expect(simple.rows.map((row) => row.block)).toEqual([1, 2, 3, 4, 5]);
    expect(simple.rows.every((row) => row.blockSize === 1)).toBe(true);
  });

  it("is reproducible: same plan and seed give identical rows and digest; another seed differs", async () => {
    const plan: AllocationPlan = { arms: ["A", "B"], blockSizes: [2, 4, 6], size: 50, seed: "same" };
    const [a, b, c] = await Promise.all([
      allocationList(plan),
      allocationList(plan),
      allocationList({ ...plan, seed: "other" }),
    ]);
    expect(b.rows).toEqual(a.rows);
    expect(b.meta.digest).toBe(a.meta.digest);
    expect(c.meta.digest).not.toBe(a.meta.digest);
    expect(a.meta).toMatchObject({
      seed: "same",
      algorithm: "xor4096",
      tiltakVersion: "0.1.0",
      method: "allocationList",
    });
    expect(Number.isNaN(Date.parse(a.meta.createdAt))).toBe(false);
  });

  it("records the default block sizes (1 to 4 times the ratio sum, as blockrand)", async () => {
    const list = await allocationList({ arms: [{ name: "A", ratio: 2 }, "B"], size: 3, seed: "d" });
    expect(list.plan).toMatchObject({ design: "blocked", blockSizes: [3, 6, 9, 12] });
  });
});

describe("allocationList: distribution of the random parts", () => {
  it("draws block sizes uniformly from blockSizes (chi-square, 3 sizes, df 2, p > 1e-6)", async () => {
    const list = await allocationList({
      arms: ["A", "B"],
      blockSizes: [2, 4, 6],
      size: 24_000,
      seed: "sizes",
    });
    const counts = new Map<number, number>();
    let previous = 0;
    for (const row of list.rows)
      if (row.block !== previous) {
        previous = row.block;
        counts.set(row.blockSize, (counts.get(row.blockSize) ?? 0) + 1);
      }
    const observed = [2, 4, 6].map((size) => counts.get(size) ?? 0);
    const total = observed.reduce((a, b) => a + b, 0);
    const chi = observed.reduce((a, o) => a + (o - total / 3) ** 2 / (total / 3), 0);
    expect(total).toBeGreaterThan(5000);
    expect(chi).toBeLessThan(27.63102); // qchisq(1 - 1e-6, 2) in R 4.2
  });

  it("each of the C(4,2) = 6 orders of a block of 4 is equally likely (chi-square, df 5, p > 1e-6)", async () => {
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [4], size: 4 * 6000, seed: "orders" });
    const counts = new Map<string, number>();
    for (let i = 0; i < list.rows.length; i += 4) {
      const key = list.rows
        .slice(i, i + 4)
        .map((row) => row.arm)
        .join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi = [...counts.values()].reduce((a, o) => a + (o - 1000) ** 2 / 1000, 0);
    expect(chi).toBeLessThan(35.88819); // qchisq(1 - 1e-6, 5)
  });
});

describe("allocationList: per-slot probabilities over fixed seeds (5 SE)", () => {
  it("every slot of a simple or complete 2:1 list is NorA with probability 2/3", async () => {
    for (const design of ["simple", "complete"] as const) {
      const seeds = 3000;
      const hits = new Array<number>(7).fill(0);
      for (let s = 0; s < seeds; s++) {
        const list = await allocationList({
          design,
          arms: [{ name: "NorA", ratio: 2 }, "usual"],
          size: 7,
          seed: `slot-${s}`,
        });
        list.rows.forEach((row, i) => {
          if (row.arm === "NorA") hits[i] = (hits[i] as number) + 1;
        });
      }
      const se = Math.sqrt(((2 / 3) * (1 / 3)) / seeds);
      for (const h of hits) expect(Math.abs(h / seeds - 2 / 3), design).toBeLessThanOrEqual(5 * se);
    }
  }, 60_000);
});

describe("allocationList: bad input", () => {
  const base: AllocationPlan = { arms: ["A", "B"], blockSizes: [2, 4], size: 10, seed: "x" };
  const fails = async (plan: unknown, message: RegExp): Promise<void> => {
    await expect(allocationList(plan as AllocationPlan)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(message),
    });
  };
  it("refuses a missing or empty seed", async () => {
    const { seed: _seed, ...noSeed } = base;
    await fails(noSeed, /^seed is required/);
    await fails({ ...base, seed: "" }, /^seed is required/);
  });
  it("refuses no arms, one arm and duplicate arms", async () => {
    await fails({ ...base, arms: [] }, /^arms must list at least two arms/);
    await fails({ ...base, arms: ["A"] }, /^arms must list at least two arms/);
    await fails({ ...base, arms: ["A", "A"] }, /^arms\[1\] must have a name no other arm has/);
    await fails({ ...base, arms: [{ name: "A", ratio: 1.5 }, "B"] }, /arms\[0\]/);
  });
  it("refuses block sizes that are not multiples of the ratio sum", async () => {
    await fails({ ...base, blockSizes: [2, 3] }, /^blockSizes\[1\] must be a multiple of the ratio sum 2/);
    await fails(
      { ...base, arms: [{ name: "A", ratio: 2 }, "B"], blockSizes: [6, 4] },
      /blockSizes\[1\] must be a multiple of the ratio sum 3/,
    );
    await fails({ ...base, blockSizes: [] }, /^blockSizes must list at least one block size/);
  });
  it("refuses a missing size, field-name strata, bad levels and unknown options", async () => {
    const { size: _size, ...noSize } = base;
    await fails(noSize, /^size is required/);
    await fails({ ...base, strata: ["gender"] }, /^strata must map each stratum field to its levels/);
    await fails({ ...base, strata: { gender: [] } }, /^strata\.gender must list at least one level/);
    await fails({ ...base, strata: { gender: ["F", "F"] } }, /^strata\.gender\[1\] must differ/);
    await fails({ ...base, blocksizes: [2] }, /blocksizes is not an accepted option/);
    await fails(
      { ...base, design: "cluster" },
      /^design must be "blocked", "complete" or "simple" for a list/,
    );
  });
});
