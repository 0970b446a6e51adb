import {
  createRng,
  hexToBytes,
  hmacSha256Hex,
  invalidInput,
  type RngAlgorithm,
  sha256Hex,
} from "@tiltak/core";
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
   * from the recomputed one; `"seed"` when the plan's seed and `meta.seed` disagree; `"salt"`,
   * `"commitment"` or `"publishedCommitment"` for a failed commitment check (see {@link VerifyCheck}).
   */
  column: string;
  /** What recomputation gives. */
  expected: string;
  /** What the result holds. */
  found: string;
}

/**
 * A check {@link verifyAllocation} makes, named in `failed` when it fails:
 *
 * - `"rows"`: a cell of the given rows differs from the list recomputed from plan and seed (or a row is
 *   missing or extra);
 * - `"seed"`: the plan's seed and `meta.seed` disagree;
 * - `"digest"`: `meta.digest` is not the SHA-256 of the recomputed list;
 * - `"salt"`: the salt is missing (while a commitment is recorded or published) or not hex, or it is the
 *   one thing that fails to reproduce the published commitment (the list and its digest match, and the
 *   certificate records the published commitment);
 * - `"commitment"`: `meta.commitment` is not HMAC-SHA256(salt, recomputed list);
 * - `"publishedCommitment"`: the published commitment is not HMAC-SHA256(salt, given list): the revealed
 *   list and salt are not the ones committed to.
 */
export type VerifyCheck = "rows" | "seed" | "digest" | "salt" | "commitment" | "publishedCommitment";

/** The commitment part of a {@link VerifyReport}. */
export interface CommitmentCheck {
  /** True when a commitment was checked: the result has a salt, or a published commitment was given. */
  checked: boolean;
  /** False when `salt`, `commitment` or `publishedCommitment` failed (true when nothing could be checked). */
  ok: boolean;
  /** HMAC-SHA256(salt, recomputed list), or `null` without a usable salt. */
  recomputed: string | null;
  /** `meta.commitment`, or `null` (results made before commitments). */
  recorded: string | null;
  /** The published commitment given in the options, or `null`. */
  published: string | null;
  /** One sentence: what matched, or which check failed and what that means. */
  reason: string;
}

/** Options of {@link verifyAllocation}. */
export interface VerifyOptions {
  /**
   * The commitment published before recruitment: its 64 hex digits, or the object {@link publicCommitment}
   * returned (read back from its file).
   */
  commitment?: string | { commitment: string };
}

/** What {@link verifyAllocation} reports. */
export interface VerifyReport {
  /** True when every check passes (`failed` is empty). */
  ok: boolean;
  /** The checks that failed, in the order of {@link VerifyCheck}. */
  failed: VerifyCheck[];
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
  /** The commitment check: whether the revealed list and salt are the ones committed to. */
  commitment: CommitmentCheck;
}

/** What verification needs: rows (records, values as in the result or as text from a CSV), plan and meta. */
export interface VerifiableResult {
  rows: readonly object[];
  plan: AllocationPlan | MinimiserPlan | Record<string, unknown>;
  meta: {
    seed: string;
    algorithm?: RngAlgorithm | string;
    digest: string;
    /** The secret salt (absent in results made before commitments). */
    salt?: string | undefined;
    /** HMAC-SHA256(salt, canonical CSV) as recorded (absent in results made before commitments). */
    commitment?: string | undefined;
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
 * Recomputes an allocation from its sealed certificate (plan, seed, algorithm and salt) and checks it
 * against the published rows, the recorded digest and the commitment. Lists are rebuilt from the plan alone;
 * assignments of known units are rebuilt from the units' ids, strata and clusters as the rows record them
 * (in row order); minimisation sequences are replayed unit by unit from the recorded factor levels. Cells
 * compare as text, so rows read back from a CSV verify as well as the original objects.
 *
 * With `options.commitment` (the value published before recruitment), it also says whether the revealed
 * list and salt are the ones committed to: HMAC-SHA256(salt, given list) must equal it. `failed` names
 * every check that failed ({@link VerifyCheck}): a changed cell, seed, digest, salt or commitment each fail.
 * Results made before tiltak drew salts have no commitment; they still verify by digest, and
 * `commitment.reason` says so.
 *
 * Asynchronous because the digest and HMAC are computed with Web Crypto.
 *
 * @param result - `{ rows, plan, meta: { seed, algorithm, digest, salt?, commitment?, method? } }`, e.g. from {@link allocationList}
 * @param options - `{ commitment }`: the published commitment (hex, or the {@link publicCommitment} object)
 * @returns `{ ok, failed, digest, recordedDigest, rowsDigest, differences: [{ row, column, expected, found }], differenceCount, commitment: { checked, ok, recomputed, recorded, published, reason } }`
 * @throws TiltakError `INVALID_INPUT` when the result has no rows, plan or meta, the plan is invalid, or
 *   the published commitment is not 64 hex digits
 * @see docs/methods/allocate/verification.md
 *
 * @example
 * ```ts
 * import { allocationList, newSeed, publicCommitment, verifyAllocation } from "@tiltak/allocate";
 * const list = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4], size: 8, seed: newSeed() });
 * const published = publicCommitment(list).commitment;
 * const report = await verifyAllocation(list, { commitment: published });
 * [report.ok, report.commitment.checked, report.commitment.ok]; // => [true, true, true]
 * const edited = { ...list, rows: list.rows.map((row, i) => (i === 2 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row)) };
 * const bad = await verifyAllocation(edited, { commitment: published });
 * [bad.ok, bad.failed, bad.differences[0].row, bad.differences[0].column]; // => [false, ["rows", "publishedCommitment"], 2, "arm"]
 * (await verifyAllocation({ ...list, meta: { ...list.meta, salt: "ab".repeat(32) } }, { commitment: published })).failed; // => ["salt", "publishedCommitment"]
 * ```
 */
export async function verifyAllocation(
  result: VerifiableResult,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  if (typeof result !== "object" || result === null)
    invalidInput("result", "must be an allocation result", result);
  if (!Array.isArray(result.rows)) invalidInput("result.rows", "must be the published rows", result.rows);
  if (typeof result.plan !== "object" || result.plan === null)
    invalidInput("result.plan", "must be the plan the allocation was made from", result.plan);
  if (typeof result.meta !== "object" || result.meta === null)
    invalidInput("result.meta", "must hold the seed, algorithm and digest", result.meta);
  if (typeof result.meta.digest !== "string")
    invalidInput("result.meta.digest", "must be the recorded SHA-256 digest", result.meta.digest);
  const published = publishedCommitment(options);
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
  const rowsOk = expectedCsv === givenCsv;
  const salt = result.meta.salt;
  const saltBytes =
    typeof salt === "string" && /^(?:[0-9a-fA-F]{2}){16,}$/.test(salt) ? hexToBytes(salt) : null;
  const [digest, rowsDigest, recomputed, givenCommitment] = await Promise.all([
    sha256Hex(expectedCsv),
    rowsOk ? null : sha256Hex(givenCsv),
    saltBytes === null ? null : hmacSha256Hex(saltBytes, expectedCsv),
    saltBytes === null || rowsOk || published === null ? null : hmacSha256Hex(saltBytes, givenCsv),
  ]);
  const differences: AllocationDifference[] = [];
  let differenceCount = 0;
  const add = (difference: AllocationDifference): void => {
    differenceCount++;
    if (differences.length < maxDifferences) differences.push(difference);
  };
  if (!rowsOk) {
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
  const failed = new Set<VerifyCheck>();
  if (!rowsOk) failed.add("rows");
  const planSeed = (result.plan as { seed?: unknown }).seed;
  if (planSeed !== undefined && planSeed !== result.meta.seed) {
    failed.add("seed");
    add({ row: null, column: "seed", expected: text(planSeed), found: text(result.meta.seed) });
  }
  const digestOk = result.meta.digest === digest;
  if (!digestOk) {
    failed.add("digest");
    add({ row: null, column: "digest", expected: digest, found: result.meta.digest });
  }
  const recorded = typeof result.meta.commitment === "string" ? result.meta.commitment.toLowerCase() : null;
  const committed = rowsOk ? recomputed : givenCommitment;
  const check = commitmentCheck({ salt, recomputed, recorded, published, committed, rowsOk, digestOk });
  for (const name of check.failed) {
    failed.add(name);
    if (name === "salt")
      add({ row: null, column: "salt", expected: "the salt committed to", found: text(salt) });
    else if (name === "commitment")
      add({ row: null, column: "commitment", expected: text(recomputed), found: text(recorded) });
    else add({ row: null, column: "publishedCommitment", expected: text(committed), found: text(published) });
  }
  const order: VerifyCheck[] = ["rows", "seed", "digest", "salt", "commitment", "publishedCommitment"];
  return {
    ok: failed.size === 0,
    failed: order.filter((name) => failed.has(name)),
    digest,
    recordedDigest: result.meta.digest,
    rowsDigest: rowsDigest ?? digest,
    differences,
    differenceCount,
    commitment: {
      checked: check.checked,
      ok: check.failed.length === 0,
      recomputed,
      recorded,
      published,
      reason: check.reason,
    },
  };
}

function publishedCommitment(options: VerifyOptions): string | null {
  if (typeof options !== "object" || options === null)
    invalidInput("options", "must be an object such as { commitment }", options);
  const given = options.commitment;
  if (given === undefined) return null;
  const value = typeof given === "object" && given !== null ? given.commitment : given;
  if (typeof value !== "string" || !/^[0-9a-fA-F]{64}$/.test(value))
    invalidInput(
      "options.commitment",
      "must be the published commitment: 64 hex digits, or the object publicCommitment returned",
      value,
    );
  return value.toLowerCase();
}

/** Which commitment checks fail, and one sentence saying why. */
function commitmentCheck(input: {
  salt: unknown;
  recomputed: string | null;
  recorded: string | null;
  published: string | null;
  committed: string | null;
  rowsOk: boolean;
  digestOk: boolean;
}): { checked: boolean; failed: VerifyCheck[]; reason: string } {
  const { salt, recomputed, recorded, published, committed, rowsOk, digestOk } = input;
  if (recomputed === null) {
    if (salt !== undefined)
      return {
        checked: true,
        failed: ["salt"],
        reason: "the salt is not 32 or more hex digits, so no commitment can be checked",
      };
    if (recorded === null && published === null)
      return {
        checked: false,
        failed: [],
        reason:
          "no commitment: the result has no salt (it was made before tiltak drew salts); it is verified by its digest only",
      };
    return {
      checked: true,
      failed: ["salt"],
      reason: `the result has no salt, so the ${published === null ? "recorded" : "published"} commitment cannot be checked: the salt was removed, or the certificate is not the one committed to`,
    };
  }
  const failed: VerifyCheck[] = [];
  const reasons: string[] = [];
  const saltToBlame = published !== null && recorded === published && rowsOk && digestOk;
  if (recorded !== null && recorded !== recomputed) {
    if (saltToBlame) {
      failed.push("salt");
      reasons.push(
        "the list and its digest match and the certificate records the published commitment, but HMAC-SHA256(salt, list) differs: the salt was changed",
      );
    } else {
      failed.push("commitment");
      reasons.push(
        "meta.commitment is not HMAC-SHA256(salt, recomputed list): the salt, the list or the recorded commitment was changed",
      );
    }
  }
  if (published !== null && committed !== published) {
    failed.push("publishedCommitment");
    if (!saltToBlame)
      reasons.push(
        rowsOk
          ? "HMAC-SHA256(salt, list) is not the published commitment: this list and salt are not the ones committed to (or another commitment was published)"
          : "the revealed list is not the one committed to: HMAC-SHA256(salt, given rows) is not the published commitment",
      );
  }
  if (failed.length > 0) return { checked: true, failed, reason: reasons.join("; ") };
  if (published === null)
    return {
      checked: true,
      failed,
      reason:
        "the recorded commitment is HMAC-SHA256(salt, recomputed list); pass the published commitment to check that it is the one committed to",
    };
  return {
    checked: true,
    failed,
    reason: rowsOk
      ? "the revealed list and salt are the ones committed to: HMAC-SHA256(salt, list) equals the published commitment"
      : "the revealed list and salt are the ones committed to, but the plan and seed do not reproduce that list",
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
