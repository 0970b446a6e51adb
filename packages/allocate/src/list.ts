import { createRng, invalidInput } from "@tiltak/core";
import { concealmentWarnings } from "./commitment.js";
import { completeCounts, fillAndShuffle, permutedBlocks, simpleDraw } from "./draws.js";
import {
  type AllocationPlan,
  checkBlockSizes,
  type LevelValue,
  labelPart,
  levelText,
  type NormalArms,
  normaliseArms,
  parsePlan,
} from "./plan.js";
import { type AllocationResult, finishResult, type ListRow } from "./result.js";

/**
 * The columns of an allocation list, in canonical order (the CSV header and the digest use this order).
 *
 * @example
 * ```ts
 * import { listColumns } from "@tiltak/allocate";
 * listColumns; // => ["sequence", "stratum", "block", "blockSize", "arm"]
 * ```
 */
export const listColumns: readonly string[] = ["sequence", "stratum", "block", "blockSize", "arm"];

/**
 * Every stratum of a list, in order: every combination of the levels, the first field varying slowest
 * (fields in the order the plan gives them, levels in the order listed). Labels read
 * `gender=F;office=Bergen` (`\`, `;` and `=` inside names and levels escaped by a backslash); without
 * strata there is one stratum, `"all"`.
 *
 * @example
 * ```ts
 * import { listStrata } from "@tiltak/allocate";
 * listStrata({ gender: ["F", "M"], office: ["Bergen", "Oslo"] }); // => ["gender=F;office=Bergen", "gender=F;office=Oslo", "gender=M;office=Bergen", "gender=M;office=Oslo"]
 * listStrata(undefined); // => ["all"]
 * ```
 */
export function listStrata(strata: Record<string, readonly LevelValue[]> | undefined): string[] {
  if (strata === undefined) return ["all"];
  if (typeof strata !== "object" || strata === null || Array.isArray(strata))
    invalidInput(
      "strata",
      "must map each stratum field to its levels for a list, e.g. { gender: ['F', 'M'] }",
      strata,
    );
  let labels: string[] = [""];
  const fields = Object.keys(strata);
  if (fields.length === 0) return ["all"];
  for (const field of fields) {
    const levels = strata[field] as readonly LevelValue[];
    if (!Array.isArray(levels) || levels.length === 0)
      invalidInput(["strata", field], "must list at least one level", levels);
    const texts = levels.map((level, index) => {
      const text = levelText(level);
      if (text === undefined)
        invalidInput(["strata", field, index], "must be a string, a finite number or a boolean", level);
      return text;
    });
    const seen = new Set<string>();
    texts.forEach((text, index) => {
      if (seen.has(text)) invalidInput(["strata", field, index], "must differ from the other levels", text);
      seen.add(text);
    });
    const next: string[] = [];
    for (const prefix of labels)
      for (const text of texts)
        next.push(prefix === "" ? labelPart(field, text) : `${prefix};${labelPart(field, text)}`);
    labels = next;
  }
  if (labels.length > 100_000) invalidInput("strata", "must have at most 100000 combinations", labels.length);
  return labels;
}

/**
 * Makes an allocation list before recruitment: for every stratum, at least `size` slots in permuted blocks
 * (R `blockrand`, Sealed Envelope's list generator). The exact algorithm, fixed for all versions:
 *
 * 1. One generator, `createRng(seed, { algorithm })`, serves the whole list.
 * 2. Strata are taken in the order of {@link listStrata} (every combination, first field slowest).
 * 3. `"blocked"` (default): within a stratum, blocks are made until at least `size` slots exist (as blockrand:
 *    the list may be longer than `size`, never shorter, and every block is complete). For each block its size
 *    is `blockSizes[integer(blockSizes.length)]` (uniform; no draw with one size), and its content, the arms
 *    in plan order each repeated ratio × size / (ratio sum) times, is shuffled by Fisher–Yates.
 *    Default `blockSizes`: 1, 2, 3 and 4 times the ratio sum (blockrand's default).
 * 4. `"complete"`: each stratum is one block of exactly `size` slots with counts ⌊size·r/R⌋ plus the
 *    leftover slots on randomly drawn arms (exact expected counts), shuffled.
 * 5. `"simple"`: each slot independently, arm k with probability r_k / R; each slot is its own block of size 1.
 *
 * Rows are `{ sequence, stratum, block, blockSize, arm }`, stratum by stratum; `sequence` and `block` count
 * from 1 within the stratum. Same plan and seed give byte-identical rows on every platform.
 *
 * The result also carries a secret `meta.salt` (256 bits from Web Crypto, drawn anew each call; it changes
 * no arm) and `meta.commitment`, the HMAC-SHA256 of the CSV keyed by the salt: publish
 * {@link publicCommitment} before recruitment and keep the rest sealed. A list is made to be concealed, so
 * a seed that looks guessable ({@link seedWeaknesses}) adds a `warnings` entry; use {@link newSeed}.
 *
 * The function is asynchronous because the digest is computed with Web Crypto (it runs in browsers too).
 *
 * @param plan - arms (with ratios), `strata` as field → levels, `blockSizes`, `size` per stratum and the `seed`
 * @returns `{ rows, plan, meta: { tiltakVersion, algorithm, seed, createdAt, digest, salt, commitment, method, columns }, warnings? }`
 * @throws TiltakError `INVALID_INPUT` for a missing seed, fewer than two arms, block sizes that are not
 *   multiples of the ratio sum, a missing `size`, or strata given as field names
 * @see docs/methods/allocate/blocked-list.md
 *
 * @example
 * ```ts
 * import { allocationList } from "@tiltak/allocate";
 * const plan = { arms: [{ name: "NorA", ratio: 2 }, { name: "usual", ratio: 1 }], strata: { gender: ["F", "M"] }, blockSizes: [3, 6], size: 10, seed: "2025-pilot" };
 * const list = await allocationList(plan);
 * list.rows.filter((row) => row.stratum === "gender=F").length >= 10; // => true
 * list.meta.commitment.length; // => 64
 * list.warnings?.length; // => 1
 * await allocationList({ ...plan, blockSizes: [4] }); // => throws INVALID_INPUT "blockSizes[0] must be a multiple of the ratio sum 3 (arms NorA:usual in ratio 2:1), got 4"
 * ```
 */
export async function allocationList(plan: AllocationPlan): Promise<AllocationResult<ListRow>> {
  const { rows, parsed } = buildList(plan);
  return finishResult(rows, parsed, [...listColumns], listRng(parsed), "allocationList", undefined, {
    warnings: concealmentWarnings(parsed.seed),
  });
}

function listRng(plan: AllocationPlan): {
  seed: string;
  algorithm: NonNullable<AllocationPlan["rngAlgorithm"]>;
} {
  return { seed: plan.seed, algorithm: plan.rngAlgorithm ?? "xor4096" };
}

/** Builds the rows of a list (synchronous; used by {@link allocationList} and verification). */
export function buildList(plan: AllocationPlan): { rows: ListRow[]; parsed: AllocationPlan } {
  const parsed = parsePlan(plan);
  const design = parsed.design === undefined || parsed.design === "stratified" ? "blocked" : parsed.design;
  if (design === "cluster")
    invalidInput(
      "design",
      'must be "blocked", "complete" or "simple" for a list (use allocate for clusters)',
      design,
    );
  if (Array.isArray(parsed.strata) || typeof parsed.strata === "string")
    invalidInput(
      "strata",
      "must map each stratum field to its levels for a list, e.g. { gender: ['F', 'M'] } (field names alone are for allocate)",
      parsed.strata,
    );
  if (parsed.cluster !== undefined)
    invalidInput("cluster", "is not used by a list (use allocate)", parsed.cluster);
  if (parsed.size === undefined)
    invalidInput("size", "is required for a list: slots per stratum, an integer >= 1", undefined);
  if (parsed.size > 10_000_000) invalidInput("size", "must be at most 10000000", parsed.size);
  const arms = normaliseArms(parsed.arms);
  let blockSizes: number[] | undefined;
  if (design === "blocked") {
    blockSizes = checkBlockSizes(parsed.blockSizes ?? [1, 2, 3, 4].map((m) => m * arms.total), arms);
  } else if (parsed.blockSizes !== undefined) {
    invalidInput("blockSizes", `is only used by the blocked design, not "${design}"`, parsed.blockSizes);
  }
  const strata = listStrata(parsed.strata as Record<string, LevelValue[]> | undefined);
  const rng = createRng(parsed.seed, { algorithm: parsed.rngAlgorithm ?? "xor4096" });
  const rows: ListRow[] = [];
  const size = parsed.size;
  const echo: AllocationPlan = { ...parsed, design: parsed.design ?? "blocked" };
  if (design === "blocked" && parsed.blockSizes === undefined) echo.blockSizes = blockSizes as number[];
  for (const stratum of strata) {
    if (design === "blocked") {
      const slots = permutedBlocks(size, blockSizes as number[], arms, rng);
      for (let i = 0; i < slots.arms.length; i++)
        rows.push({
          sequence: i + 1,
          stratum,
          block: slots.blocks[i] as number,
          blockSize: slots.sizes[i] as number,
          arm: arms.names[slots.arms[i] as number] as string,
        });
    } else if (design === "complete") {
      const out = new Int32Array(size);
      fillAndShuffle(completeCounts(size, arms, rng), out, 0, rng);
      for (let i = 0; i < size; i++)
        rows.push({
          sequence: i + 1,
          stratum,
          block: 1,
          blockSize: size,
          arm: arms.names[out[i] as number] as string,
        });
    } else {
      for (let i = 0; i < size; i++)
        rows.push({
          sequence: i + 1,
          stratum,
          block: i + 1,
          blockSize: 1,
          arm: armName(arms, simpleDraw(arms, rng)),
        });
    }
  }
  return { rows, parsed: echo };
}

function armName(arms: NormalArms, index: number): string {
  return arms.names[index] as string;
}
