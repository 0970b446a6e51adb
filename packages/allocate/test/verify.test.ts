// verifyAllocation: the commitment check. Recomputes from plan and seed and names differing cells.
import { describe, expect, it } from "vitest";
import { allocate, allocationCsv, allocationList, verifyAllocation } from "../src/index.js";

describe("verifyAllocation", () => {
  it("accepts an untouched list and names the first changed cell", async () => {
    const list = await allocationList({
      arms: [{ name: "A", ratio: 2 }, "B"],
      strata: { g: ["F", "M"] },
      blockSizes: [3, 6],
      size: 12,
      seed: "v",
    });
    const clean = await verifyAllocation(list);
    expect(clean).toMatchObject({ ok: true, differences: [], differenceCount: 0 });
    expect(clean.digest).toBe(list.meta.digest);
    const rows = list.rows.map((row, i) => (i === 7 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row));
    const report = await verifyAllocation({ ...list, rows });
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([
      { row: 7, column: "arm", expected: list.rows[7]?.arm, found: rows[7]?.arm },
    ]);
    expect(report.rowsDigest).not.toBe(list.meta.digest);
  });

  it("verifies rows read back from CSV text (all cells strings)", async () => {
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4], size: 9, seed: "csv" });
    const [header, ...lines] = allocationCsv(list).trimEnd().split("\n");
    const columns = (header as string).split(",");
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])),
    );
    expect((await verifyAllocation({ rows, plan: list.plan, meta: list.meta })).ok).toBe(true);
  });

  it("detects a changed digest, a changed seed, dropped rows and extra rows", async () => {
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [2], size: 6, seed: "d" });
    const badDigest = await verifyAllocation({ ...list, meta: { ...list.meta, digest: "0".repeat(64) } });
    expect(badDigest.differences).toEqual([
      { row: null, column: "digest", expected: list.meta.digest, found: "0".repeat(64) },
    ]);
    const otherSeed = await verifyAllocation({ ...list, meta: { ...list.meta, seed: "other" } });
    expect(otherSeed.ok).toBe(false);
    expect(otherSeed.differences.find((d) => d.column === "seed")).toEqual({
      row: null,
      column: "seed",
      expected: "d",
      found: "other",
    });
    const longer = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4], size: 60, seed: "d" });
    expect(
      (
        await verifyAllocation({
          ...longer,
          plan: { ...longer.plan, seed: "e" },
          meta: { ...longer.meta, seed: "e" },
        })
      ).differences.some((d) => d.column === "arm"),
    ).toBe(true);
    const dropped = await verifyAllocation({ ...list, rows: list.rows.slice(0, 5) });
    expect(dropped.differences[0]).toEqual({ row: 5, column: "(row)", expected: "present", found: "absent" });
    const extra = await verifyAllocation({ ...list, rows: [...list.rows, { ...list.rows[0] } as never] });
    expect(extra.ok).toBe(false);
  });

  it("verifies assignments of units from their rows, for every design", async () => {
    const units = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      g: i % 3 ? "F" : "M",
      k: `c${i % 5}`,
    }));
    for (const plan of [
      { design: "simple" as const, arms: ["A", "B"], seed: "1" },
      { design: "complete" as const, arms: ["A", "B", "C"], seed: "2" },
      { design: "blocked" as const, arms: ["A", "B"], strata: ["g"], seed: "3" },
      { design: "blocked" as const, arms: ["A", "B"], strata: ["g"], blockSizes: [2, 4], seed: "4" },
      { design: "cluster" as const, arms: ["A", "B"], cluster: "k", seed: "5" },
    ]) {
      const result = await allocate(plan, units);
      expect((await verifyAllocation(result)).ok, plan.design).toBe(true);
      const rows = result.rows.map((row, i) =>
        i === 3 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row,
      );
      const report = await verifyAllocation({ ...result, rows });
      expect(report.ok).toBe(false);
      expect(report.differences[0]).toMatchObject({ row: 3, column: "arm" });
    }
  });

  it("refuses things that are not results", async () => {
    await expect(verifyAllocation(null as never)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(verifyAllocation({ rows: [], plan: {}, meta: {} } as never)).rejects.toThrow(
      /^result\.meta\.digest/,
    );
  });
});
