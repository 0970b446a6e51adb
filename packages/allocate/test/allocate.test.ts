// allocate: exact properties (fast-check), distributional checks over many fixed seeds with principled
// bounds (chi-square at p = 1e-6; per-unit probabilities within 5 binomial standard errors, a two-sided
// per-check false-alarm rate below 1e-6), reference counts from randomizr, and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AllocationPlan,
  allocate,
  allocationCsv,
  canonicalCsv,
  type UnitRow,
  verifyAllocation,
} from "../src/index.js";

const ids = (n: number): { id: string }[] => Array.from({ length: n }, (_, i) => ({ id: `u${i + 1}` }));
const count = (rows: readonly UnitRow[], arm: string): number => rows.filter((row) => row.arm === arm).length;

describe("allocate: exact properties", () => {
  it("complete: every unit once, in input order, with exact counts ⌊N·r/R⌋ or one more", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        fc.string({ minLength: 1 }),
        async (ratios, n, seed) => {
          const arms = ratios.map((ratio, i) => ({ name: `a${i}`, ratio }));
          const total = ratios.reduce((a, b) => a + b, 0);
          const result = await allocate({ design: "complete", arms, seed }, ids(n));
          expect(result.rows.map((row) => row.unitId)).toEqual(ids(n).map((unit) => unit.id));
          let assigned = 0;
          arms.forEach((arm) => {
            const c = count(result.rows, arm.name);
            const exact = (n * arm.ratio) / total;
            expect(c).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(c).toBeLessThanOrEqual(Math.ceil(exact));
            assigned += c;
          });
          expect(assigned).toBe(n);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("blocked: counts are exact within every stratum; strata are the field combinations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ g: fc.constantFrom("F", "M"), o: fc.constantFrom(1, 2, 3) }), { maxLength: 80 }),
        fc.string({ minLength: 1 }),
        async (people, seed) => {
          const units = people.map((p, i) => ({ id: i, ...p }));
          const result = await allocate(
            { design: "blocked", arms: ["A", "B"], strata: ["g", "o"], seed },
            units,
          );
          const strata = new Map<string, UnitRow[]>();
          result.rows.forEach((row, i) => {
            expect(row.stratum).toBe(`g=${units[i]?.g};o=${units[i]?.o}`);
            strata.set(row.stratum as string, [...(strata.get(row.stratum as string) ?? []), row]);
          });
          for (const rows of strata.values())
            expect(Math.abs(count(rows, "A") - count(rows, "B"))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("blocked with blockSizes: each complete block within a stratum is balanced to the ratio", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 70 }), fc.string({ minLength: 1 }), async (n, seed) => {
        const units = Array.from({ length: n }, (_, i) => ({ id: i, site: i % 3 === 0 ? "x" : "y" }));
        const plan: AllocationPlan = {
          design: "blocked",
          arms: [{ name: "A", ratio: 2 }, "B"],
          strata: ["site"],
          blockSizes: [3, 6],
          seed,
        };
        const result = await allocate(plan, units);
        for (const site of ["x", "y"]) {
          const rows = result.rows.filter((row) => row.stratum === `site=${site}`);
          const blocks = new Map<number, UnitRow[]>();
          for (const row of rows)
            blocks.set(row.block as number, [...(blocks.get(row.block as number) ?? []), row]);
          for (const block of blocks.values())
            if (block.length === block[0]?.blockSize) expect(count(block, "A")).toBe((2 * block.length) / 3);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("cluster: whole clusters share an arm, cluster counts are complete, strata hold", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }),
        fc.string({ minLength: 1 }),
        async (clusters, seed) => {
          const units = clusters.map((c, i) => ({
            id: `u${i}`,
            class: `k${c}`,
            school: c < 5 ? "north" : "south",
          }));
          const result = await allocate(
            { design: "cluster", arms: ["A", "B"], cluster: "class", strata: ["school"], seed },
            units,
          );
          const armOf = new Map<string, string>();
          for (const row of result.rows) {
            const known = armOf.get(row.cluster as string);
            if (known !== undefined) expect(row.arm).toBe(known);
            armOf.set(row.cluster as string, row.arm);
          }
          for (const school of ["north", "south"]) {
            const inSchool = [...armOf].filter(
              ([c]) => (Number(c.slice(1)) < 5 ? "north" : "south") === school,
            );
            const a = inSchool.filter(([, arm]) => arm === "A").length;
            expect(Math.abs(a - (inSchool.length - a))).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps every unit's own stratum, cluster and block past 256 and 65 536 of them (wider code columns)", async () => {
    // Codes are stored in a byte each until a 257th level (or block) appears, then in two bytes, then four.
    const n = 140_000;
    const units = Array.from({ length: n }, (_, i) => ({
      id: i,
      office: `o${i % 70_000}`,
      a: i % 300,
      b: i % 7,
      class: `k${i % 300}`,
    }));
    const byOffice = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["office"], blockSizes: [2], seed: "wide" },
      units,
    );
    const armsOf = new Map<string, string[]>();
    byOffice.rows.forEach((row, i) => {
      expect(row.stratum).toBe(`office=o${i % 70_000}`);
      armsOf.set(row.stratum as string, [...(armsOf.get(row.stratum as string) ?? []), row.arm]);
    });
    expect(armsOf.size).toBe(70_000);
    for (const arms of armsOf.values()) expect(arms.sort()).toEqual(["A", "B"]);
    const twoFields = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["a", "b"], seed: "wide" },
      units,
    );
    twoFields.rows.forEach((row, i) => {
      expect(row.stratum).toBe(`a=${i % 300};b=${i % 7}`);
    });
    const oneStratum = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["site"], blockSizes: [2], seed: "wide" },
      units.map(({ id }) => ({ id, site: "all" })).concat([{ id: n, site: "all" }]),
    );
    oneStratum.rows.forEach((row, i) => {
      expect(row.block).toBe((i >> 1) + 1);
    });
    expect(oneStratum.rows.at(-1)?.block).toBe(70_001);
    const clusters = await allocate(
      { design: "cluster", arms: ["A", "B"], cluster: "class", seed: "wide" },
      units,
    );
    clusters.rows.forEach((row, i) => {
      expect(row.cluster).toBe(`k${i % 300}`);
    });
    for (const result of [byOffice, twoFields, oneStratum, clusters])
      expect((await verifyAllocation(result)).ok).toBe(true);
  }, 60_000);

  it('treats "stratified" as "blocked" and accepts one stratum field as a string', async () => {
    const units = Array.from({ length: 12 }, (_, i) => ({ id: i, g: i % 3 ? "F" : "M" }));
    const blocked = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["g"], seed: "alias" },
      units,
    );
    const stratified = await allocate(
      { design: "stratified", arms: ["A", "B"], strata: "g", seed: "alias" },
      units,
    );
    expect(stratified.rows).toEqual(blocked.rows);
    expect(stratified.meta.digest).toBe(blocked.meta.digest);
  });

  it("accepts columns and Arquero-like tables, and idField", async () => {
    const plan: AllocationPlan = { design: "complete", arms: ["A", "B"], idField: "person", seed: "cols" };
    const fromColumns = await allocate(plan, { person: ["a", "b", "c", "d"] });
    const fromTable = await allocate(plan, {
      objects: () => ["a", "b", "c", "d"].map((person) => ({ person })),
    });
    expect(fromTable.rows).toEqual(fromColumns.rows);
    expect(fromColumns.rows.map((row) => row.unitId)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("allocate: the fast CSV writer equals the generic canonical CSV", () => {
  it("for any ids (integers of every width, decimals, negatives, text with commas, quotes, non-ASCII)", async () => {
    const idArb = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 31 + 5 }),
      fc.constantFrom(
        0,
        9,
        10,
        99,
        100,
        999999999,
        1000000000,
        2147483647,
        2147483648,
        1e15 - 1,
        1e15,
        -5,
        1.5,
      ),
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.constantFrom("a,b", 'say "hi"', "line\nbreak", "Ærøy", "ø"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(idArb, { minLength: 1, maxLength: 30, selector: (id) => String(id) }),
        fc.boolean(),
        async (ids, withBlocks) => {
          const units = ids.map((id, i) => ({ id, g: i % 3 === 1 ? "x,1" : 'q"2', k: i % 3 }));
          const plan: AllocationPlan = withBlocks
            ? { design: "blocked", arms: ["A,1", "Bø"], strata: ["g"], blockSizes: [2, 4], seed: "csv" }
            : { design: "cluster", arms: ["A,1", "Bø"], strata: ["g"], cluster: "k", seed: "csv" };
          const result = await allocate(plan, units);
          expect(allocationCsv(result)).toBe(canonicalCsv(result.rows as never, result.meta.columns));
          const bytes = new TextEncoder().encode(canonicalCsv(result.rows as never, result.meta.columns));
          const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
          expect(result.meta.digest).toBe([...hash].map((b) => b.toString(16).padStart(2, "0")).join(""));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("writes the same bytes by the integer-id fast path (ids in [0, 2^31), no clusters) as canonicalCsv", async () => {
    // Ids of every digit count up to 2^31 − 1; arm and stratum cells of many lengths, quoted and non-ASCII,
    // so the pre-encoded tails cross 4-byte word boundaries; successive calls of different sizes share the
    // reused byte buffer.
    // The writer stores digits in groups of four, so every power of ten and its neighbours is drawn too.
    const powerEdges = Array.from({ length: 10 }, (_, e) => 10 ** e).flatMap((p) => [p - 1, p, p + 1]);
    const idArb = fc.oneof(
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 0, max: 2147483647 }),
      fc.constantFrom(...powerEdges, 2147483647),
    );
    const level = fc.constantFrom("a", "Bergen", "x,1", 'q"2', "Ærøy", "ø", "long level name here");
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(idArb, { minLength: 0, maxLength: 60 }),
        fc.array(level, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("simple", "complete", "blocked", "blocked-sizes"),
        fc.constantFrom<string[]>(["A", "B"], ["A,1", "Bø"], ["treatment", "usual care", "x"]),
        async (ids, levels, design, arms) => {
          const units = ids.map((id, i) => ({ id, g: levels[i % levels.length] }));
          const plan: AllocationPlan =
            design === "blocked-sizes"
              ? {
                  design: "blocked",
                  arms,
                  strata: ["g"],
                  blockSizes: [arms.length, 2 * arms.length],
                  seed: "f",
                }
              : design === "blocked"
                ? { design, arms, strata: ["g"], seed: "f" }
                : { design, arms, seed: "f" };
          const result = await allocate(plan, units);
          const bytes = new TextEncoder().encode(canonicalCsv(result.rows as never, result.meta.columns));
          const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
          expect(result.meta.digest).toBe([...hash].map((b) => b.toString(16).padStart(2, "0")).join(""));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("allocate: rows are built on first read and then behave as plain data", () => {
  const plan: AllocationPlan = { design: "blocked", arms: ["A", "B"], strata: ["g"], seed: "lazy" };
  const units = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, g: i % 3 === 0 ? "x" : "y" }));

  it("reads, spreads, serialises and compares like an eager result (key order rows, plan, meta)", async () => {
    const result = await allocate(plan, units);
    expect(Object.keys(result)).toEqual(["rows", "plan", "meta"]);
    const parsed = JSON.parse(JSON.stringify(result));
    expect(Object.keys(parsed)).toEqual(["rows", "plan", "meta"]);
    expect(parsed.rows).toHaveLength(12);
    expect(parsed.rows[0]).toEqual({ unitId: 1, arm: parsed.rows[0].arm, stratum: "g=x" });
    const again = await allocate(plan, units);
    // Everything but the time and the secret salt (with the commitment it keys) is reproduced.
    const unsalted = { createdAt: "", salt: "", commitment: "" };
    expect({ ...again, meta: { ...again.meta, ...unsalted } }).toEqual({
      ...result,
      meta: { ...result.meta, ...unsalted },
    });
    expect(again.meta.salt).not.toBe(result.meta.salt);
    expect(structuredClone(result).rows).toEqual(result.rows);
    expect(result.rows).toBe(result.rows);
    expect(Object.getOwnPropertyDescriptor(result, "rows")).toMatchObject({
      writable: true,
      enumerable: true,
    });
  });

  it("takes assignment, before or after the first read, and keeps edits (verification then sees them)", async () => {
    const before = await allocate(plan, units);
    before.rows = [];
    expect(before.rows).toEqual([]);
    const after = await allocate(plan, units);
    const row = after.rows[3] as UnitRow;
    row.arm = row.arm === "A" ? "B" : "A";
    expect(after.rows[3]?.arm).toBe(row.arm);
    const report = await verifyAllocation(after);
    expect(report.ok).toBe(false);
    expect(report.differences[0]).toMatchObject({ row: 3, column: "arm" });
  });

  it("works on a frozen result, and rows never reflect later changes to the units", async () => {
    const copy = units.map((unit) => ({ ...unit }));
    const frozen = Object.freeze(await allocate(plan, copy));
    (copy[0] as { id: number }).id = 99;
    expect(frozen.rows[0]?.unitId).toBe(1);
    expect(frozen.rows).toBe(frozen.rows);
    expect((await verifyAllocation(frozen)).ok).toBe(true);
  });
});

describe("allocate: distribution over fixed seeds", () => {
  it("complete, n = 6: each of the C(6,3) = 20 assignments is equally likely (chi-square, df 19, p > 1e-6)", async () => {
    const seeds = 20_000;
    const counts = new Map<string, number>();
    const units = ids(6);
    for (let s = 0; s < seeds; s++) {
      const result = await allocate({ design: "complete", arms: ["A", "B"], seed: `perm-${s}` }, units);
      const key = result.rows.map((row) => row.arm).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(20);
    for (const key of counts.keys()) expect(key.split("A").length - 1).toBe(3);
    const expected = seeds / 20;
    const chi = [...counts.values()].reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(63.67705); // qchisq(1 - 1e-6, 19) in R 4.2
  }, 60_000);

  const probabilityCheck = async (
    plan: Omit<AllocationPlan, "seed">,
    units: Record<string, unknown>[],
    arm: string,
    expected: (index: number) => number,
    seeds: number,
  ): Promise<void> => {
    const hits = new Array<number>(units.length).fill(0);
    for (let s = 0; s < seeds; s++) {
      const result = await allocate({ ...plan, seed: `prob-${s}` } as AllocationPlan, units);
      result.rows.forEach((row, i) => {
        if (row.arm === arm) hits[i] = (hits[i] as number) + 1;
      });
    }
    hits.forEach((h, i) => {
      const p = expected(i);
      const se = Math.sqrt((p * (1 - p)) / seeds);
      expect(Math.abs(h / seeds - p), `unit ${i}: ${h / seeds} vs ${p}`).toBeLessThanOrEqual(5 * se);
    });
  };

  it("complete, N = 5, 1:1: every unit is treated with probability exactly 1/2 (5 SE)", async () => {
    await probabilityCheck({ design: "complete", arms: ["A", "B"] }, ids(5), "A", () => 0.5, 6000);
  }, 60_000);

  it("complete, N = 7, 2:1: every unit is in A with probability 2/3 (leftover rule; 5 SE)", async () => {
    await probabilityCheck(
      { design: "complete", arms: [{ name: "A", ratio: 2 }, "B"] },
      ids(7),
      "A",
      () => 2 / 3,
      6000,
    );
  }, 60_000);

  it("complete, N = 5, 9:1 (randomizr's boundary quirk avoided): probability exactly 0.9 (5 SE)", async () => {
    await probabilityCheck(
      { design: "complete", arms: [{ name: "A", ratio: 9 }, "B"] },
      ids(5),
      "A",
      () => 0.9,
      6000,
    );
  }, 60_000);

  it("simple 1:2: every unit is in treat with probability 1/3 (5 SE)", async () => {
    await probabilityCheck(
      { design: "simple", arms: ["treat", { name: "control", ratio: 2 }] },
      ids(4),
      "treat",
      () => 1 / 3,
      6000,
    );
  }, 60_000);

  it("blocked and cluster designs give every unit the design probability 1/2 (5 SE)", async () => {
    const units = Array.from({ length: 9 }, (_, i) => ({
      id: i,
      site: i < 5 ? "a" : "b",
      class: `c${i % 4}`,
    }));
    await probabilityCheck(
      { design: "blocked", arms: ["A", "B"], strata: ["site"] },
      units,
      "A",
      () => 0.5,
      4000,
    );
    await probabilityCheck(
      { design: "cluster", arms: ["A", "B"], cluster: "class" },
      units,
      "A",
      () => 0.5,
      4000,
    );
  }, 60_000);
});

describe("allocate: randomizr reference counts", () => {
  it("blocks A, A, B, B, C, C, C admit 2 × 2 × (3 + 3) = 24 assignments (randomizr-02), all reached", async () => {
    const units = ["A", "A", "B", "B", "C", "C", "C"].map((block, i) => ({ id: i, block }));
    const seen = new Set<string>();
    for (let s = 0; s < 1500; s++) {
      const result = await allocate(
        { design: "blocked", arms: ["0", "1"], strata: ["block"], seed: `rz-${s}` },
        units,
      );
      seen.add(result.rows.map((row) => row.arm).join(""));
    }
    expect(seen.size).toBe(24);
  }, 60_000);

  it("clusters A, B, A, B, C, C, C admit 6 assignments (randomizr-07), all reached", async () => {
    const units = ["A", "B", "A", "B", "C", "C", "C"].map((cluster, i) => ({ id: i, cluster }));
    const seen = new Set<string>();
    for (let s = 0; s < 600; s++) {
      const result = await allocate(
        { design: "cluster", arms: ["0", "1"], cluster: "cluster", seed: `rz-${s}` },
        units,
      );
      seen.add(result.rows.map((row) => row.arm).join(""));
    }
    expect(seen.size).toBe(6);
  }, 60_000);

  it("block_ra with N_b·prob whole: exact counts per block (randomizr-09 with prob 0.2 as ratio 1:4)", async () => {
    const units = Array.from({ length: 350 }, (_, i) => ({ id: i, b: i < 50 ? "A" : i < 150 ? "B" : "C" }));
    const result = await allocate(
      { design: "blocked", arms: ["1", { name: "0", ratio: 4 }], strata: ["b"], seed: "rz9" },
      units,
    );
    const treated = ["A", "B", "C"].map(
      (b) => result.rows.filter((row) => row.stratum === `b=${b}` && row.arm === "1").length,
    );
    expect(treated).toEqual([10, 20, 40]);
  }, 60_000);
});

describe("allocate: bad input", () => {
  const fails = async (plan: unknown, units: unknown, message: RegExp): Promise<void> => {
    await expect(allocate(plan as AllocationPlan, units as Record<string, unknown>[])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(message),
    });
  };
  const plan: AllocationPlan = { design: "blocked", arms: ["A", "B"], strata: ["gender"], seed: "bad" };
  it("names the unit with a duplicate id, a missing id, or a missing stratum or cluster field", async () => {
    await fails(
      plan,
      [
        { id: "a", gender: "F" },
        { id: "a", gender: "M" },
      ],
      /^units\[1\]\.id must be unique: unit "a" appears at units\[0\] and units\[1\]/,
    );
    await fails(
      plan,
      [
        { id: 1, gender: "F" },
        { id: "1", gender: "M" },
      ],
      /must be unique/,
    );
    await fails(plan, [{ gender: "F" }], /^units\[0\]\.id must be the unit's id/);
    await fails(
      plan,
      [{ id: "a", gender: "F" }, { id: "b" }],
      /^units\[1\]\.gender must hold unit "b"'s level of the stratum field "gender"/,
    );
    // Ids are checked over all units before any stratum field (ids and the first field are read in one
    // pass): a bad id or a duplicate later in the list is reported before an earlier missing level, and the
    // first unit missing a level is the one named, in field order.
    const plan2: AllocationPlan = { ...plan, strata: ["gender", "office"] };
    await fails(plan2, [{ id: "a" }, { gender: "F", office: "O" }], /^units\[1\]\.id must be the unit's id/);
    await fails(
      plan2,
      [{ id: "a" }, { id: "a", gender: "F", office: "O" }],
      /^units\[1\]\.id must be unique/,
    );
    await fails(
      plan2,
      [{ id: "a", gender: "F" }, { id: "b", office: "O" }, { id: "c" }],
      /^units\[1\]\.gender must hold unit "b"'s level/,
    );
    await fails(
      plan2,
      [
        { id: "a", gender: "F" },
        { id: "b", gender: "M", office: "O" },
      ],
      /^units\[0\]\.office must hold unit "a"'s level/,
    );
    await fails(
      { design: "cluster", arms: ["A", "B"], cluster: "class", seed: "x" },
      [{ id: "a" }],
      /^units\[0\]\.class must hold unit "a"'s cluster/,
    );
    await fails(
      { design: "cluster", arms: ["A", "B"], cluster: "class", strata: ["school"], seed: "x" },
      [
        { id: "a", class: 1, school: "n" },
        { id: "b", class: 1, school: "s" },
      ],
      /^units\[1\] must be in the same stratum as the rest of its cluster/,
    );
  });
  it("refuses a missing seed or design, no arms, and options the design does not use", async () => {
    await fails({ design: "complete", arms: ["A", "B"] }, [], /^seed is required/);
    await fails({ arms: ["A", "B"], seed: "x" }, [], /^design is required/);
    await fails({ design: "complete", arms: [], seed: "x" }, [], /^arms must list at least two arms/);
    await fails(
      { design: "blocked", arms: ["A", "B"], seed: "x" },
      [],
      /^strata must name at least one unit field/,
    );
    await fails(
      { design: "blocked", arms: ["A", "B"], strata: { g: ["F"] }, seed: "x" },
      [],
      /^strata must list unit field names/,
    );
    await fails(
      { design: "complete", arms: ["A", "B"], strata: ["g"], seed: "x" },
      [],
      /^strata is not used by the complete design/,
    );
    await fails({ design: "cluster", arms: ["A", "B"], seed: "x" }, [], /^cluster is required/);
    await fails(
      { design: "blocked", arms: ["A", "B"], strata: ["g"], blockSizes: [3], seed: "x" },
      [],
      /^blockSizes\[0\] must be a multiple of the ratio sum 2/,
    );
    await fails({ design: "complete", arms: ["A", "B"], seed: "x" }, "not a table", /^units must be/);
  });
});
