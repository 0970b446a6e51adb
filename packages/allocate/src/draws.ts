import type { Rng } from "@tiltak/core";
import type { NormalArms } from "./plan.js";

/**
 * Arm counts for complete randomisation of `n` units. Each arm k first gets ⌊n·r_k/R⌋ units (r_k its ratio,
 * R the ratio sum). The L leftover units go to L distinct arms drawn with inclusion probabilities
 * e_k/R, where e_k = n·r_k mod R (so Σ e_k = L·R): one draw u = integer(R), then systematic sampling picks
 * the arms whose interval [E_{k−1}, E_k) of the cumulated e contains one of u, u + R, …, u + (L−1)·R.
 * Every arm's expected count is then exactly n·r_k/R (randomizr's `complete_ra` rule, without its
 * boundary exception). No draw is made when n·r_k/R is whole for every arm.
 */
export function completeCounts(n: number, arms: NormalArms, rng: Rng): number[] {
  const k = arms.names.length;
  const counts = new Array<number>(k);
  const excess = new Array<number>(k);
  let assigned = 0;
  for (let arm = 0; arm < k; arm++) {
    const product = n * (arms.ratios[arm] as number);
    const base = Math.floor(product / arms.total);
    counts[arm] = base;
    excess[arm] = product - base * arms.total;
    assigned += base;
  }
  const leftover = n - assigned;
  if (leftover === 0) return counts;
  const u = rng.integer(arms.total);
  let start = 0;
  let point = u;
  for (let arm = 0; arm < k; arm++) {
    const end = start + (excess[arm] as number);
    if (point >= start && point < end) {
      counts[arm] = (counts[arm] as number) + 1;
      point += arms.total;
    }
    start = end;
  }
  // Σ e_k = leftover · R, so exactly `leftover` points fall inside [0, Σ e_k).
  return counts;
}

/** Fills `out[offset…offset+Σcounts)` with arm indices in arm order, then shuffles that range (Fisher–Yates). */
export function fillAndShuffle(counts: readonly number[], out: Int32Array, offset: number, rng: Rng): number {
  let position = offset;
  for (let arm = 0; arm < counts.length; arm++) {
    const count = counts[arm] as number;
    for (let c = 0; c < count; c++) out[position++] = arm;
  }
  shuffleRange(out, offset, position - offset, rng);
  return position - offset;
}

/**
 * Fisher–Yates (Durstenfeld) shuffle of `length` items from `offset`, drawing exactly as core's
 * `rng.shuffle`: for i = length−1 down to 1, j = integer(i + 1), swap items i and j (core's bulk
 * `rng.shuffleInt32`, which gives the same draws without a call per step).
 */
export function shuffleRange(items: Int32Array, offset: number, length: number, rng: Rng): void {
  rng.shuffleInt32(items, offset, length);
}

/** One independent draw: arm k with probability r_k / R, as integer(R) mapped through the cumulated ratios. */
export function simpleDraw(arms: NormalArms, rng: Rng): number {
  let u = rng.integer(arms.total);
  for (let arm = 0; arm < arms.ratios.length; arm++) {
    u -= arms.ratios[arm] as number;
    if (u < 0) return arm;
  }
  return arms.ratios.length - 1;
}

/**
 * Permuted blocks for `n` slots: blocks are generated until at least `n` slots exist (blockrand's rule).
 * Each block's size is drawn uniformly from `blockSizes` (integer(length); no draw when there is one size),
 * then its ratio-expanded arm multiset (arms in order, each repeated ratio × size/R times) is shuffled.
 * Returns arms, block numbers (from 1) and block sizes per slot; the last block is complete, so the
 * arrays may be longer than `n`.
 */
export function permutedBlocks(
  n: number,
  blockSizes: readonly number[],
  arms: NormalArms,
  rng: Rng,
): { arms: number[]; blocks: number[]; sizes: number[] } {
  const out = { arms: [] as number[], blocks: [] as number[], sizes: [] as number[] };
  let block = 0;
  while (out.arms.length < n) {
    block += 1;
    const size = blockSizes[rng.integer(blockSizes.length)] as number;
    const content = new Int32Array(size);
    const copies = size / arms.total;
    let position = 0;
    for (let arm = 0; arm < arms.names.length; arm++) {
      const count = (arms.ratios[arm] as number) * copies;
      for (let c = 0; c < count; c++) content[position++] = arm;
    }
    shuffleRange(content, 0, size, rng);
    for (let i = 0; i < size; i++) {
      out.arms.push(content[i] as number);
      out.blocks.push(block);
      out.sizes.push(size);
    }
  }
  return out;
}

/**
 * {@link permutedBlocks} for one stratum of a large assignment, written straight into typed columns: slots
 * `from … from + n − 1` of `arms` get the first `n` slots of the same blocks (the same draws: one size draw
 * and one shuffle of the block's arm multiset per block, in the same order), and the blocks' sizes are
 * appended to `sizes` from `sizesFrom` on (the last block's drawn size even when it is cut short). Each
 * block is filled and shuffled in place; only the last one, when it is cut short, goes through a small
 * scratch array, so nothing past `from + n` is touched. Returns the number of blocks.
 */
export function permutedBlocksInto(
  n: number,
  blockSizes: readonly number[],
  arms: NormalArms,
  rng: Rng,
  out: { arms: Int32Array; sizes: Int32Array },
  from: number,
  sizesFrom: number,
): number {
  let longest = 0;
  for (const size of blockSizes) if (size > longest) longest = size;
  const last = new Int32Array(longest);
  const k = arms.names.length;
  let filled = 0;
  let block = 0;
  while (filled < n) {
    const size = blockSizes[rng.integer(blockSizes.length)] as number;
    out.sizes[sizesFrom + block] = size;
    block += 1;
    const fits = filled + size <= n;
    const target = fits ? out.arms : last;
    const base = fits ? from + filled : 0;
    const copies = size / arms.total;
    let position = base;
    for (let arm = 0; arm < k; arm++) {
      const count = (arms.ratios[arm] as number) * copies;
      for (let c = 0; c < count; c++) target[position++] = arm;
    }
    shuffleRange(target, base, size, rng);
    if (!fits) for (let j = 0; j < n - filled; j++) out.arms[from + filled + j] = last[j] as number;
    filled += fits ? size : n - filled;
  }
  return block;
}
