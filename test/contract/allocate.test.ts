/**
 * Contract tests for @tiltak/allocate against docs/design.md ("### @tiltak/allocate") and issue 4: names, the
 * plan and result shapes, exact structural properties (every unit once, exact counts, balanced blocks,
 * strata and clusters respected), reproducibility (same plan + seed → same digest), verification and bad input.
 * Functions that compute a digest use Web Crypto and may be asynchronous; the tests `await` every call.
 */
import * as allocatePkg from "@tiltak/allocate";
import fc from "fast-check";
import { allocate as umbrellaAllocate } from "tiltak";
import { describe, expect, it } from "vitest";
import { expectKeys, expectPlainJson, expectTiltakErrorAsync, type Json } from "./helpers.js";

const A = allocatePkg as Json;
const designExports = [
  "allocationList",
  "allocate",
  "createMinimiser",
  "restoreMinimiser",
  "verifyAllocation",
  "publicCommitment",
  "newSeed",
  "balance",
];

function listPlan(seed = "contract-list"): Json {
  return {
    design: "blocked",
    arms: ["treatment", "control"],
    strata: { gender: ["F", "M"], office: ["Årstad", "Arna"] },
    blockSizes: [2, 4, 6],
    size: 24,
    seed,
  };
}

function units(n: number): Json[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${String(i + 1).padStart(3, "0")}`,
    gender: i % 3 === 0 ? "F" : "M",
    office: i % 2 === 0 ? "Årstad" : "Arna",
    school: `s${i % 6}`,
    age: 20 + ((i * 7) % 31),
  }));
}

function expectMeta(result: Json, seed: string): void {
  expectKeys(result, ["rows", "plan", "meta"]);
  expectKeys(result.meta, [
    "tiltakVersion",
    "algorithm",
    "seed",
    "createdAt",
    "digest",
    "salt",
    "commitment",
  ]);
  expect(result.meta.seed).toBe(seed);
  expect(typeof result.meta.tiltakVersion).toBe("string");
  expect(typeof result.meta.algorithm).toBe("string");
  expect(Number.isNaN(Date.parse(result.meta.createdAt))).toBe(false);
  expect(result.meta.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(result.meta.salt).toMatch(/^[0-9a-f]{64}$/);
  expect(result.meta.commitment).toMatch(/^[0-9a-f]{64}$/);
}

function blocksOf(rows: Json[]): Map<string, Json[]> {
  const blocks = new Map<string, Json[]>();
  for (const r of rows) {
    const key = `${r.stratum}|${r.block}`;
    if (!blocks.has(key)) blocks.set(key, []);
    blocks.get(key)!.push(r);
  }
  return blocks;
}

describe("@tiltak/allocate exports (docs/design.md table)", () => {
  it.each(designExports)("%s is a function exported by the package and the umbrella namespace", (name) => {
    expect(typeof A[name]).toBe("function");
    expect((umbrellaAllocate as Json)[name]).toBe(A[name]);
  });
});

describe("allocationList(plan)", () => {
  it("rows { sequence, stratum, block, blockSize, arm }, `size` slots for every stratum combination, meta, plain JSON", async () => {
    const result = await A.allocationList(listPlan());
    expectMeta(result, "contract-list");
    expectPlainJson(result);
    const rows = result.rows as Json[];
    for (const r of rows) expectKeys(r, ["sequence", "stratum", "block", "blockSize", "arm"]);
    const strata = new Map<string, number>();
    for (const r of rows) strata.set(r.stratum, (strata.get(r.stratum) ?? 0) + 1);
    expect(strata.size).toBe(4);
    // The design cites R blockrand: at least `size` slots per stratum, completed to a whole block (so < size + max block).
    for (const count of strata.values()) {
      expect(count).toBeGreaterThanOrEqual(24);
      expect(count).toBeLessThan(24 + 6);
    }
    expect(new Set(rows.map((r) => r.arm))).toEqual(new Set(["treatment", "control"]));
  });
  it("every complete block is balanced and its size is one of blockSizes", async () => {
    const rows = (await A.allocationList(listPlan())).rows as Json[];
    for (const block of blocksOf(rows).values()) {
      const size = block[0].blockSize;
      expect([2, 4, 6]).toContain(size);
      if (block.length === size) {
        expect(block.filter((r) => r.arm === "treatment").length).toBe(size / 2);
      }
    }
  });
  it("2:1 arms ({ name, ratio }) give 2:1 blocks", async () => {
    const plan = {
      arms: [
        { name: "T", ratio: 2 },
        { name: "C", ratio: 1 },
      ],
      blockSizes: [3, 6],
      size: 30,
      seed: "ratio",
    };
    const rows = (await A.allocationList(plan)).rows as Json[];
    expect(rows).toHaveLength(30);
    for (const block of blocksOf(rows).values()) {
      if (block.length === block[0].blockSize) {
        expect(block.filter((r) => r.arm === "T").length).toBe((2 * block.length) / 3);
      }
    }
  });
  it("same plan + seed → identical rows and digest; another seed → another digest", async () => {
    const a = await A.allocationList(listPlan("same"));
    const b = await A.allocationList(listPlan("same"));
    const c = await A.allocationList(listPlan("other"));
    expect(b.rows).toStrictEqual(a.rows);
    expect(b.meta.digest).toBe(a.meta.digest);
    expect(c.meta.digest).not.toBe(a.meta.digest);
  });
  it("property: for any seed, complete blocks are balanced and the digest is reproducible", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }), async (seed) => {
        const plan = { arms: ["A", "B"], blockSizes: [2, 4], size: 20, seed };
        const a = await A.allocationList(plan);
        const b = await A.allocationList(plan);
        expect(b.meta.digest).toBe(a.meta.digest);
        for (const block of blocksOf(a.rows).values()) {
          if (block.length === block[0].blockSize)
            expect(block.filter((r) => r.arm === "A").length * 2).toBe(block.length);
        }
      }),
      { numRuns: 15, seed: 42 },
    );
  });
  it("missing seed → TiltakError INVALID_INPUT naming seed", async () => {
    const plan = listPlan();
    delete plan.seed;
    await expectTiltakErrorAsync(() => A.allocationList(plan), "INVALID_INPUT", "seed");
  });
  it("no arms → TiltakError naming arms", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), arms: [] }),
      "INVALID_INPUT",
      "arms",
    );
  });
  it("block sizes not multiples of the ratio sum → TiltakError naming blockSizes", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), blockSizes: [3] }),
      "INVALID_INPUT",
      "blockSizes",
    );
  });
  it("unknown design → TiltakError naming design", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), design: "urn" }),
      "INVALID_INPUT",
      "design",
    );
  });
  it("negative size → TiltakError naming size", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), size: -4 }),
      "INVALID_INPUT",
      "size",
    );
  });
});

describe("verifyAllocation(result)", () => {
  it("an untouched result verifies: { ok: true, digest = meta.digest, differences: [] }", async () => {
    const result = await A.allocationList(listPlan());
    const report = await A.verifyAllocation(JSON.parse(JSON.stringify(result)));
    expectKeys(report, ["ok", "digest", "differences"]);
    expectPlainJson(report);
    expect(report.ok).toBe(true);
    expect(report.digest).toBe(result.meta.digest);
    expect(report.differences).toEqual([]);
  });
  it("one changed cell → ok false and the difference is reported", async () => {
    const result = JSON.parse(JSON.stringify(await A.allocationList(listPlan())));
    result.rows[5].arm = result.rows[5].arm === "treatment" ? "control" : "treatment";
    const report = await A.verifyAllocation(result);
    expect(report.ok).toBe(false);
    expect(report.differences.length).toBeGreaterThan(0);
    // The difference points at the changed row (by index 5 or by its sequence number) and the arm column.
    const diff = JSON.stringify(report.differences[0]);
    expect(diff).toMatch(new RegExp(`\\b(5|${result.rows[5].sequence})\\b`));
    expect(diff).toContain("arm");
  });
  it("a changed seed in the plan → ok false", async () => {
    const result = JSON.parse(JSON.stringify(await A.allocationList(listPlan())));
    result.plan.seed = "forged";
    result.meta.seed = "forged";
    expect((await A.verifyAllocation(result)).ok).toBe(false);
  });
});

describe("allocate(plan, units)", () => {
  it("complete: every unit exactly once, exact counts (11 → 5/6), rows { unitId, arm }, meta", async () => {
    const us = units(11);
    const result = await A.allocate({ design: "complete", arms: ["A", "B"], seed: "complete" }, us);
    expectMeta(result, "complete");
    expectPlainJson(result);
    const rows = result.rows as Json[];
    expect(rows.map((r) => r.unitId).sort()).toEqual(us.map((u) => u.id).sort());
    const a = rows.filter((r) => r.arm === "A").length;
    expect([5, 6]).toContain(a);
  });
  it("simple: every unit once, arms from the plan", async () => {
    const rows = (await A.allocate({ design: "simple", arms: ["A", "B"], seed: "simple" }, units(30)))
      .rows as Json[];
    expect(rows).toHaveLength(30);
    for (const r of rows) expect(["A", "B"]).toContain(r.arm);
  });
  it("blocked within strata (unit field names): rows carry stratum; each stratum within one of balance", async () => {
    const us = units(40);
    const result = await A.allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["gender", "office"], blockSizes: [2, 4], seed: "b" },
      us,
    );
    const rows = result.rows as Json[];
    expect(rows).toHaveLength(40);
    const byStratum = new Map<string, Json[]>();
    for (const r of rows) {
      expect(r.stratum).toBeDefined();
      if (!byStratum.has(r.stratum)) byStratum.set(r.stratum, []);
      byStratum.get(r.stratum)!.push(r);
    }
    expect(byStratum.size).toBe(4);
    for (const list of byStratum.values()) {
      const a = list.filter((r) => r.arm === "A").length;
      expect(Math.abs(a - (list.length - a))).toBeLessThanOrEqual(4); // at most one incomplete block of ≤ 4
    }
  });
  it("cluster: all units of a cluster share an arm; rows carry cluster", async () => {
    const us = units(36);
    const rows = (
      await A.allocate({ design: "cluster", arms: ["A", "B"], cluster: "school", seed: "cl" }, us)
    ).rows as Json[];
    const armOf = new Map<string, string>();
    for (const r of rows) {
      expect(r.cluster).toBeDefined();
      if (armOf.has(r.cluster)) expect(r.arm).toBe(armOf.get(r.cluster));
      armOf.set(r.cluster, r.arm);
    }
    expect(armOf.size).toBe(6);
    expect([...armOf.values()].filter((a) => a === "A").length).toBe(3);
  });
  it("tables in: an object of columns gives the same result as the records", async () => {
    const us = units(12);
    const columns = { id: us.map((u) => u.id), gender: us.map((u) => u.gender) };
    const plan = { design: "complete", arms: ["A", "B"], seed: "cols" };
    const a = await A.allocate(plan, us);
    const b = await A.allocate(plan, columns);
    expect(b.rows).toStrictEqual(a.rows);
  });
  it("idField names the id column", async () => {
    const us = units(6).map(({ id, ...rest }) => ({ pid: id, ...rest }));
    const rows = (await A.allocate({ design: "complete", arms: ["A", "B"], idField: "pid", seed: "idf" }, us))
      .rows as Json[];
    expect(rows.map((r) => r.unitId).sort()).toEqual(us.map((u) => u.pid).sort());
  });
  it("verifyAllocation works for allocate results too", async () => {
    const result = await A.allocate({ design: "complete", arms: ["A", "B"], seed: "v" }, units(10));
    expect((await A.verifyAllocation(JSON.parse(JSON.stringify(result)))).ok).toBe(true);
  });
  it("duplicate unit ids → TiltakError naming the id", async () => {
    const us = [...units(4), { id: "u001", gender: "F" }];
    await expectTiltakErrorAsync(
      () => A.allocate({ design: "complete", arms: ["A", "B"], seed: "d" }, us),
      "INVALID_INPUT",
      "u001",
    );
  });
  it("missing stratum field → TiltakError naming the field", async () => {
    await expectTiltakErrorAsync(
      () =>
        A.allocate(
          { design: "blocked", arms: ["A", "B"], strata: ["region"], blockSizes: [2], seed: "m" },
          units(6),
        ),
      "INVALID_INPUT",
      "region",
    );
  });
  it("missing seed → TiltakError naming seed", async () => {
    await expectTiltakErrorAsync(
      () => A.allocate({ design: "complete", arms: ["A", "B"] }, units(6)),
      "INVALID_INPUT",
      "seed",
    );
  });
  it("unknown design → TiltakError naming design", async () => {
    await expectTiltakErrorAsync(
      () => A.allocate({ design: "urn", arms: ["A", "B"], seed: "x" }, units(6)),
      "INVALID_INPUT",
      "design",
    );
  });
});

describe("createMinimiser / restoreMinimiser", () => {
  const plan = { arms: ["A", "B"], factors: ["gender", "office"], pBest: 0.8, seed: "mini" };
  it("assign(unit) → { unitId, arm }; state() is plain JSON", () => {
    const m = A.createMinimiser(plan);
    const a = m.assign(units(1)[0]);
    expectKeys(a, ["unitId", "arm"]);
    expect(a.unitId).toBe("u001");
    expect(["A", "B"]).toContain(a.arm);
    expectPlainJson(m.state());
  });
  it("a restored minimiser continues exactly where the saved one stopped", () => {
    const us = units(30);
    const m1 = A.createMinimiser(plan);
    for (const u of us.slice(0, 15)) m1.assign(u);
    const saved = JSON.parse(JSON.stringify(m1.state()));
    const m2 = A.restoreMinimiser(saved);
    const rest1 = us.slice(15).map((u) => m1.assign(u).arm);
    const rest2 = us.slice(15).map((u) => m2.assign(u).arm);
    expect(rest2).toEqual(rest1);
  });
  it("with pBest = 1 the minimiser keeps marginal totals within one", () => {
    const m = A.createMinimiser({ ...plan, pBest: 1, seed: "det" });
    const arms = units(40).map((u) => m.assign(u).arm);
    const a = arms.filter((x) => x === "A").length;
    expect(Math.abs(a - (40 - a))).toBeLessThanOrEqual(1);
  });
  it("missing seed / pBest outside [0,1] → TiltakError naming it", () => {
    const { seed: _s, ...noSeed } = plan;
    expect(() => A.createMinimiser(noSeed)).toThrow(
      expect.objectContaining({ name: "TiltakError", code: "INVALID_INPUT" }),
    );
    try {
      A.createMinimiser({ ...plan, pBest: 1.5 });
      expect.unreachable("pBest 1.5 accepted");
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      expect((e as Json).message).toContain("pBest");
    }
  });
});

describe("balance(result, units, covariates)", () => {
  it("per-covariate counts, means and standardised differences, as plain JSON", async () => {
    const us = units(40);
    const result = await A.allocate({ design: "complete", arms: ["A", "B"], seed: "bal" }, us);
    const b = A.balance(result, us, ["age", "gender"]);
    expectPlainJson(b);
    const text = JSON.stringify(b);
    expect(text).toContain("age");
    expect(text).toContain("gender");
    expect(text.toLowerCase()).toMatch(/standardi[sz]ed|smd/);
  });
});

describe("results: plan echo, canonical digest, minimiser results", () => {
  it("result.plan echoes the plan (arms, seed, blockSizes, size)", async () => {
    const plan = listPlan("echo");
    const result = await A.allocationList(plan);
    expect(result.plan).toMatchObject({
      arms: plan.arms,
      seed: "echo",
      blockSizes: plan.blockSizes,
      size: plan.size,
    });
  });
  it("the digest is of canonical rows: reordering each row's keys does not break verification", async () => {
    const result = JSON.parse(JSON.stringify(await A.allocationList(listPlan("canon"))));
    result.rows = result.rows.map((r: Json) => Object.fromEntries(Object.entries(r).reverse()));
    const report = await A.verifyAllocation(result);
    expect(report.ok).toBe(true);
  });
  it("a minimiser's result() carries the design meta and verifies", async () => {
    const m = A.createMinimiser({
      arms: ["A", "B"],
      factors: ["gender", "office"],
      pBest: 0.8,
      seed: "mres",
    });
    for (const u of units(12)) m.assign(u);
    const result = await m.result();
    expectMeta(result, "mres");
    expect(result.rows).toHaveLength(12);
    expect((await A.verifyAllocation(JSON.parse(JSON.stringify(result)))).ok).toBe(true);
  });
  it("a minimiser rejects a unit without a factor field, naming the factor", () => {
    const m = A.createMinimiser({ arms: ["A", "B"], factors: ["gender", "office"], pBest: 0.8, seed: "mf" });
    try {
      m.assign({ id: "x1", gender: "F" });
      expect.unreachable("unit without office accepted");
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      expect((e as Json).code).toBe("INVALID_INPUT");
      expect((e as Json).message).toContain("office");
    }
  });
});

describe("distributional properties over seeds (issue 4), bounds at ≥ 4 standard errors, fixed seeds", () => {
  it("complete randomisation of 4 units into 2 + 2: the 6 assignments are equally likely (chi-square, 600 seeds)", async () => {
    const counts = new Map<string, number>();
    const us = units(4);
    for (let s = 0; s < 600; s++) {
      const rows = (await A.allocate({ design: "complete", arms: ["A", "B"], seed: `u${s}` }, us))
        .rows as Json[];
      const key = rows
        .slice()
        .sort((a, b) => String(a.unitId).localeCompare(String(b.unitId)))
        .map((r) => r.arm)
        .join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi = [...counts.values()].reduce((acc, c) => acc + (c - 100) ** 2 / 100, 0);
    expect(chi).toBeLessThan(25.74); // qchisq(1 − 1e-4, 5)
  });
  it("simple randomisation with 2:1 ratio: P(T) = 2/3 for a unit (400 seeds, ±4.5 SE)", async () => {
    let t = 0;
    const us = units(3);
    for (let s = 0; s < 400; s++) {
      const rows = (
        await A.allocate(
          {
            design: "simple",
            arms: [
              { name: "T", ratio: 2 },
              { name: "C", ratio: 1 },
            ],
            seed: `p${s}`,
          },
          us,
        )
      ).rows as Json[];
      if (rows.find((r) => r.unitId === "u002").arm === "T") t++;
    }
    const se = Math.sqrt(((2 / 3) * (1 / 3)) / 400);
    expect(Math.abs(t / 400 - 2 / 3)).toBeLessThan(4.5 * se);
  });
});

describe("more plan shapes", () => {
  it("allocationList with strata as field names (not field → levels) → TiltakError naming strata", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), strata: ["gender"] }),
      "INVALID_INPUT",
      "strata",
    );
  });
  it("allocationList design 'complete': exactly `size` slots per stratum with exact arm counts", async () => {
    const rows = (
      await A.allocationList({
        design: "complete",
        arms: ["A", "B"],
        strata: { site: ["x", "y"] },
        size: 10,
        seed: "c",
      })
    ).rows as Json[];
    expect(rows).toHaveLength(20);
    for (const site of new Set(rows.map((r) => r.stratum))) {
      expect(rows.filter((r) => r.stratum === site && r.arm === "A")).toHaveLength(5);
    }
  });
  it("allocate 'blocked' rows that carry block and blockSize: every complete block is balanced", async () => {
    const result = await A.allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["gender"], blockSizes: [2, 4], seed: "bb" },
      units(50),
    );
    const rows = result.rows as Json[];
    if (rows[0].block === undefined) return; // rows { unitId, arm, stratum? } suffice by the design
    for (const block of blocksOf(rows).values()) {
      if (block.length === block[0].blockSize)
        expect(block.filter((r) => r.arm === "A").length * 2).toBe(block.length);
    }
  });
});

describe("more bad plans", () => {
  it("duplicate arm names → TiltakError naming arms", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), arms: ["A", "A"] }),
      "INVALID_INPUT",
      "arms",
    );
  });
  it("a single arm → TiltakError naming arms", async () => {
    await expectTiltakErrorAsync(
      () => A.allocate({ design: "complete", arms: ["A"], seed: "x" }, units(4)),
      "INVALID_INPUT",
      "arms",
    );
  });
  it("a non-positive ratio → TiltakError naming ratio", async () => {
    await expectTiltakErrorAsync(
      () =>
        A.allocationList({
          ...listPlan(),
          arms: [
            { name: "A", ratio: 0 },
            { name: "B", ratio: 1 },
          ],
        }),
      "INVALID_INPUT",
      "ratio",
    );
  });
  it("an empty seed string → TiltakError naming seed", async () => {
    await expectTiltakErrorAsync(
      () => A.allocationList({ ...listPlan(), seed: "" }),
      "INVALID_INPUT",
      "seed",
    );
  });
  it("cluster design without the cluster field in the units → TiltakError naming it", async () => {
    await expectTiltakErrorAsync(
      () => A.allocate({ design: "cluster", arms: ["A", "B"], cluster: "classroom", seed: "x" }, units(6)),
      "INVALID_INPUT",
      "classroom",
    );
  });
  it("verifyAllocation on something that is not a result → TiltakError", async () => {
    await expectTiltakErrorAsync(() => A.verifyAllocation({ rows: "nope" }), "INVALID_INPUT");
  });
});
