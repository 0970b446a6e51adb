import { createRng, invalidInput, type Rng } from "@tiltak/core";
import { assignArms, parseUnitPlan, unitColumns } from "./assign.js";
import { completeCounts, fillAndShuffle, shuffleRange, simpleDraw } from "./draws.js";
import { listStrata } from "./list.js";
import {
  type AllocationPlan,
  blockMultiset,
  checkBlockSizes,
  type LevelValue,
  normaliseArms,
  parsePlan,
} from "./plan.js";
import type { AllocationMethod } from "./result.js";
import { keysFromRows } from "./verify.js";

/** What {@link armSampler} needs: a result of {@link allocationList} or {@link allocate} (rows, plan, meta). */
export interface SampledResult {
  /** The published rows, in their canonical order. */
  rows: readonly object[];
  /** The plan the result was made from. */
  plan: AllocationPlan | Record<string, unknown>;
  /** `method` says which function made the result. */
  meta: { method?: AllocationMethod | string; seed: string };
}

/**
 * Draws the arms of an allocation again with another seed and the same design: the re-draws of
 * randomisation inference. `draw(seed)` returns, for every row of the original result (in its order), the
 * index in `arms` of the arm that row gets when the same plan is run with `seed`.
 */
export interface ArmSampler {
  /** The arm names, in plan order (`draw` returns indices into this list). */
  arms: string[];
  /** Rows drawn per call: the number of rows of the original result. */
  size: number;
  /** The design re-drawn: `"simple"`, `"complete"`, `"blocked"` or `"cluster"`. */
  design: "simple" | "complete" | "blocked" | "cluster";
  /** The function whose result is re-drawn. */
  method: "allocationList" | "allocate";
  /**
   * The arm index of every row under `seed`; writes into `out` when given (length `size`).
   * @param seed - a non-empty seed
   * @param out - optional buffer to reuse
   */
  draw(seed: string, out?: Int32Array): Int32Array;
}

/**
 * A sampler that re-draws an allocation with the same design and any seed, without rows, CSV or digest (the
 * inner loop of randomisation inference, where thousands of re-draws are made). Lists
 * ({@link allocationList}) are rebuilt stratum by stratum with the list's own draws, so `draw(seed)` gives
 * exactly the arms of `allocationList({ ...plan, seed })` row by row; a stratum whose original list is longer
 * than the re-drawn one (its last block was larger) gets further whole blocks, drawn after every stratum.
 * Assignments ({@link allocate}) are recomputed from the units' ids, strata and clusters as the rows record
 * them (as {@link verifyAllocation} does), so `draw(seed)` gives the arms of `allocate({ ...plan, seed }, units)`.
 *
 * @param result - a result of {@link allocationList} or {@link allocate} (minimisation is not a fixed design and is refused)
 * @returns `{ arms, size, design, method, draw(seed, out?) }`
 * @throws TiltakError `INVALID_INPUT` for a minimisation sequence or a result without rows and plan
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { allocationList, armSampler } from "@tiltak/allocate";
 * const plan = { arms: ["A", "B"], strata: { office: ["Bergen", "Oslo"] }, blockSizes: [2, 4], size: 6, seed: "s1" };
 * const sampler = armSampler(await allocationList(plan));
 * const again = await allocationList({ ...plan, seed: "s2" });
 * Array.from(sampler.draw("s2")).slice(0, 6).map((a) => sampler.arms[a]).join() === again.rows.slice(0, 6).map((row) => row.arm).join(); // => true
 * ```
 */
export function armSampler(result: SampledResult): ArmSampler {
  if (typeof result !== "object" || result === null || !Array.isArray(result.rows))
    invalidInput("result", "must be an allocation result with rows, plan and meta", result);
  if (typeof result.plan !== "object" || result.plan === null)
    invalidInput("result.plan", "must be the plan the allocation was made from", result.plan);
  const method =
    result.meta?.method ??
    ((result.plan as { size?: unknown }).size !== undefined ? "allocationList" : "allocate");
  if (method === "minimisation" || (result.plan as { factors?: unknown }).factors !== undefined)
    invalidInput(
      "result",
      "must be a list or an assignment: a minimisation sequence depends on the order of arrival and cannot be re-drawn as a design",
      method,
    );
  const rows = result.rows as readonly Record<string, unknown>[];
  return method === "allocationList"
    ? listSampler(result.plan as AllocationPlan, rows)
    : unitSampler(result.plan as AllocationPlan, rows);
}

function listSampler(plan: AllocationPlan, rows: readonly Record<string, unknown>[]): ArmSampler {
  const parsed = parsePlan(plan);
  const design = parsed.design === undefined || parsed.design === "stratified" ? "blocked" : parsed.design;
  if (design === "cluster")
    invalidInput("plan.design", 'must be "blocked", "complete" or "simple" for a list', design);
  if (parsed.size === undefined) invalidInput("plan.size", "is required for a list", undefined);
  const size = parsed.size;
  const arms = normaliseArms(parsed.arms);
  const blockSizes =
    design === "blocked"
      ? checkBlockSizes(parsed.blockSizes ?? [1, 2, 3, 4].map((m) => m * arms.total), arms)
      : [];
  const strata = listStrata(parsed.strata as Record<string, LevelValue[]> | undefined);
  const index = new Map<string, number>(strata.map((label, i) => [label, i]));
  // Where each row sits: its stratum and its position (sequence − 1) within the stratum.
  const rowStratum = new Int32Array(rows.length);
  const rowPosition = new Int32Array(rows.length);
  const needed = new Int32Array(strata.length);
  rows.forEach((row, i) => {
    const s = index.get(String(row.stratum));
    const sequence = Number(row.sequence);
    if (s === undefined)
      invalidInput(
        ["rows", i, "stratum"],
        `must be a stratum of the plan (${strata.join(", ")})`,
        row.stratum,
      );
    if (!Number.isInteger(sequence) || sequence < 1)
      invalidInput(["rows", i, "sequence"], "must be an integer >= 1", row.sequence);
    rowStratum[i] = s;
    rowPosition[i] = sequence - 1;
    if (sequence > (needed[s] as number)) needed[s] = sequence;
  });
  const algorithm = parsed.rngAlgorithm ?? "xor4096";
  // One buffer for every stratum's slots (room for the longest list plus a block), reused by every draw.
  const largest = blockSizes.reduce((a, b) => Math.max(a, b), 1);
  const start = new Int32Array(strata.length + 1);
  for (let s = 0; s < strata.length; s++)
    start[s + 1] = (start[s] as number) + Math.max(size, needed[s] as number) + largest;
  const slots = new Int32Array(start[strata.length] as number);
  const filled = new Int32Array(strata.length);
  const multiset = blockSizes.map((blockSize) => Int32Array.from(blockMultiset(blockSize, arms)));
  // Permuted blocks exactly as the list draws them (permutedBlocks): a block size, then its arm multiset
  // shuffled by Fisher–Yates, until at least `target` slots exist; written in place, without row arrays.
  const blocks = (s: number, target: number, rng: Rng): void => {
    let count = filled[s] as number;
    const offset = start[s] as number;
    while (count < target) {
      const which = rng.integer(blockSizes.length);
      const content = multiset[which] as Int32Array;
      slots.set(content, offset + count);
      shuffleRange(slots, offset + count, content.length, rng);
      count += content.length;
    }
    filled[s] = count;
  };
  const draw = (seed: string, out?: Int32Array): Int32Array => {
    const rng = createRng(seed, { algorithm });
    for (let s = 0; s < strata.length; s++) {
      const offset = start[s] as number;
      filled[s] = 0;
      if (design === "blocked") blocks(s, size, rng);
      else if (design === "complete") {
        fillAndShuffle(completeCounts(size, arms, rng), slots, offset, rng);
        filled[s] = size;
      } else {
        for (let i = 0; i < size; i++) slots[offset + i] = simpleDraw(arms, rng);
        filled[s] = size;
      }
    }
    // Strata whose original list ran past this one get further whole blocks, after every stratum's list.
    if (design === "blocked")
      for (let s = 0; s < strata.length; s++)
        if ((filled[s] as number) < (needed[s] as number)) blocks(s, needed[s] as number, rng);
    const result = out ?? new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++)
      result[i] = slots[(start[rowStratum[i] as number] as number) + (rowPosition[i] as number)] as number;
    return result;
  };
  return { arms: arms.names, size: rows.length, design, method: "allocationList", draw };
}

function unitSampler(plan: AllocationPlan, rows: readonly Record<string, unknown>[]): ArmSampler {
  const unitPlan = parseUnitPlan({
    ...plan,
    seed: (plan as { seed?: string }).seed ?? "x",
  } as AllocationPlan);
  const keys = keysFromRows(rows, unitColumns(unitPlan));
  const algorithm = unitPlan.plan.rngAlgorithm ?? "xor4096";
  const draw = (seed: string, out?: Int32Array): Int32Array => {
    const arms = assignArms(keys, unitPlan, createRng(seed, { algorithm })).arms;
    if (out === undefined) return arms instanceof Int32Array ? arms : Int32Array.from(arms);
    out.set(arms);
    return out;
  };
  return { arms: unitPlan.arms.names, size: rows.length, design: unitPlan.design, method: "allocate", draw };
}
