import { createRng, invalidInput, type RngAlgorithm, sha256Hex } from "@tiltak/core";
import {
  allSmallIntegers,
  assignArms,
  parseUnitPlan,
  type UnitKeys,
  unitColumns,
  unitRowsAndCsv,
} from "./assign.js";
import { buildList, listColumns } from "./list.js";
import { type MinimiserPlan, minimisationColumns, replayMinimisation } from "./minimise.js";
import type { AllocationPlan } from "./plan.js";
import { type AllocationMethod, canonicalCsv } from "./result.js";

/** One cell where the published rows differ from the recomputed ones. */
export interface AllocationDifference {
  /** Row index from 0 (`null` for the digest itself). */
  row: number | null;
  /**
   * The column; `"(row)"` when a whole row is missing or extra; `"digest"` when the recorded digest differs
   * from the recomputed one; `"seed"` when the plan's seed and `meta.seed` disagree.
   */
  column: string;
  /** What recomputation gives. */
  expected: string;
  /** What the result holds. */
  found: string;
}

/** What {@link verifyAllocation} reports. */
export interface VerifyReport {
  /** True when every row and the recorded digest match the recomputation. */
  ok: boolean;
  /** The digest of the recomputed rows. */
  digest: string;
  /** The digest recorded in `meta.digest`. */
  recordedDigest: string;
  /** The digest of the rows as given. */
  rowsDigest: string;
  /** Differences in row order, at most 1000 (see `differenceCount`). */
  differences: AllocationDifference[];
  /** How many cells differ in all. */
  differenceCount: number;
}

/** What verification needs: rows (records, values as in the result or as text from a CSV), plan and meta. */
export interface VerifiableResult {
  rows: readonly object[];
  plan: AllocationPlan | MinimiserPlan | Record<string, unknown>;
  meta: {
    seed: string;
    algorithm?: RngAlgorithm | string;
    digest: string;
    method?: AllocationMethod | string;
    columns?: string[];
  };
}

const maxDifferences = 1000;

function methodOf(result: VerifiableResult): AllocationMethod {
  const method = result.meta.method;
  if (method === "allocationList" || method === "allocate" || method === "minimisation") return method;
  const plan = result.plan as Record<string, unknown>;
  if (plan.factors !== undefined) return "minimisation";
  if (plan.size !== undefined) return "allocationList";
  return "allocate";
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

/**
 * Recomputes an allocation from its plan, seed and algorithm and compares it with the published rows
 * and digest: the commitment check. Lists are rebuilt from the plan alone; assignments of known units are
 * rebuilt from the units' ids, strata and clusters as the rows record them (in row order); minimisation
 * sequences are replayed unit by unit from the recorded factor levels. Cells compare as text, so rows read
 * back from a CSV verify as well as the original objects.
 *
 * Asynchronous because the digest is computed with Web Crypto.
 *
 * @param result - `{ rows, plan, meta: { seed, algorithm, digest, method? } }`, e.g. from {@link allocationList}
 * @returns `{ ok, digest, recordedDigest, rowsDigest, differences: [{ row, column, expected, found }], differenceCount }`
 * @throws TiltakError `INVALID_INPUT` when the result has no rows, plan or meta, or the plan is invalid
 * @see docs/methods/allocate/verification.md
 *
 * @example
 * ```ts
 * import { allocationList, verifyAllocation } from "@tiltak/allocate";
 * const list = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4], size: 8, seed: "commit" });
 * (await verifyAllocation(list)).ok; // => true
 * const edited = { ...list, rows: list.rows.map((row, i) => (i === 2 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row)) };
 * const report = await verifyAllocation(edited);
 * [report.ok, report.differences[0].row, report.differences[0].column]; // => [false, 2, "arm"]
 * ```
 */
export async function verifyAllocation(result: VerifiableResult): Promise<VerifyReport> {
  if (typeof result !== "object" || result === null)
    invalidInput("result", "must be an allocation result", result);
  if (!Array.isArray(result.rows)) invalidInput("result.rows", "must be the published rows", result.rows);
  if (typeof result.plan !== "object" || result.plan === null)
    invalidInput("result.plan", "must be the plan the allocation was made from", result.plan);
  if (typeof result.meta !== "object" || result.meta === null)
    invalidInput("result.meta", "must hold the seed, algorithm and digest", result.meta);
  if (typeof result.meta.digest !== "string")
    invalidInput("result.meta.digest", "must be the recorded SHA-256 digest", result.meta.digest);
  const method = methodOf(result);
  const givenRows = result.rows as readonly Record<string, unknown>[];
  const plan: Record<string, unknown> = {
    ...(result.plan as Record<string, unknown>),
    seed: result.meta.seed,
  };
  if (result.meta.algorithm !== undefined) plan.rngAlgorithm = result.meta.algorithm;
  // Expected rows are only built when the CSVs differ (to name the cells); the CSVs decide equality.
  let expectedRows: () => Record<string, unknown>[];
  let columns: string[];
  let expectedCsv: string;
  if (method === "allocationList") {
    const rows = buildList(plan as unknown as AllocationPlan).rows as unknown as Record<string, unknown>[];
    expectedRows = () => rows;
    columns = [...listColumns];
    expectedCsv = canonicalCsv(rows, columns);
  } else if (method === "minimisation") {
    const rows = replayMinimisation(plan as unknown as MinimiserPlan, givenRows);
    expectedRows = () => rows;
    columns = minimisationColumns(plan as unknown as MinimiserPlan);
    expectedCsv = canonicalCsv(rows, columns);
  } else {
    const unitPlan = parseUnitPlan(plan as unknown as AllocationPlan);
    columns = unitColumns(unitPlan);
    const keys = keysFromRows(givenRows, columns);
    const rng = createRng(unitPlan.plan.seed, { algorithm: unitPlan.plan.rngAlgorithm ?? "xor4096" });
    const built = unitRowsAndCsv(keys, unitPlan, assignArms(keys, unitPlan, rng));
    expectedRows = built.rows as unknown as () => Record<string, unknown>[];
    expectedCsv = new TextDecoder().decode(built.csv);
  }
  const givenCsv = canonicalCsv(givenRows, columns);
  const [digest, rowsDigest] = await Promise.all([sha256Hex(expectedCsv), sha256Hex(givenCsv)]);
  const differences: AllocationDifference[] = [];
  let differenceCount = 0;
  const add = (difference: AllocationDifference): void => {
    differenceCount++;
    if (differences.length < maxDifferences) differences.push(difference);
  };
  if (expectedCsv !== givenCsv) {
    const expectedList = expectedRows();
    const length = Math.max(expectedList.length, givenRows.length);
    for (let i = 0; i < length; i++) {
      const expected = expectedList[i];
      const found = givenRows[i];
      if (expected === undefined || found === undefined) {
        add({
          row: i,
          column: "(row)",
          expected: expected ? "present" : "absent",
          found: found ? "present" : "absent",
        });
        continue;
      }
      for (const column of columns) {
        const e = text(expected[column]);
        const f = text(found[column]);
        if (e !== f) add({ row: i, column, expected: e, found: f });
      }
    }
  }
  const planSeed = (result.plan as { seed?: unknown }).seed;
  if (planSeed !== undefined && planSeed !== result.meta.seed)
    add({ row: null, column: "seed", expected: text(planSeed), found: text(result.meta.seed) });
  if (result.meta.digest !== digest)
    add({ row: null, column: "digest", expected: digest, found: result.meta.digest });
  return {
    ok: differenceCount === 0,
    digest,
    recordedDigest: result.meta.digest,
    rowsDigest,
    differences,
    differenceCount,
  };
}

/** Rebuilds the algorithm's view of the units from published rows (ids, stratum and cluster labels). */
export function keysFromRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): UnitKeys {
  const n = rows.length;
  const ids = new Array<string | number>(n);
  const hasStratum = columns.includes("stratum");
  const hasCluster = columns.includes("cluster");
  const stratum = hasStratum ? new Int32Array(n) : null;
  const cluster = hasCluster ? new Int32Array(n) : null;
  const stratumMap = new Map<string, number>();
  const clusterMap = new Map<string, number>();
  const stratumLabels: string[] = [];
  const clusterLabels: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown>;
    if (typeof row !== "object" || row === null) invalidInput(["rows", i], "must be a row record", row);
    const id = row.unitId;
    ids[i] = typeof id === "number" ? id : text(id);
    if (stratum !== null) {
      const label = text(row.stratum);
      let code = stratumMap.get(label);
      if (code === undefined) {
        code = stratumLabels.length;
        stratumMap.set(label, code);
        stratumLabels.push(label);
      }
      stratum[i] = code;
    }
    if (cluster !== null) {
      const label = text(row.cluster);
      let code = clusterMap.get(label);
      if (code === undefined) {
        code = clusterLabels.length;
        clusterMap.set(label, code);
        clusterLabels.push(label);
      }
      cluster[i] = code;
    }
  }
  return { ids, stratum, stratumLabels, cluster, clusterLabels, smallIntegerIds: allSmallIntegers(ids) };
}
