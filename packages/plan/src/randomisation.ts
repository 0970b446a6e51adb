import { armSampler } from "@tiltak/allocate";
import { integerAtLeast, invalidInput, parseOptions, type TableInput } from "@tiltak/core";
import * as z from "zod/mini";
import type { TrialPlan } from "./plan-trial.js";
import { type ResolvedData, resolveData } from "./units.js";

/**
 * A test statistic: from the arm index of every data row (0 = the plan's first arm) and the outcomes, a
 * number (larger |value| = further from no effect). `NaN` (e.g. an empty arm) never counts as extreme.
 */
export type ArmStatistic = (arm: Int32Array, outcome: Float64Array) => number;

/** Options of {@link randomisationInference}. */
export interface RandomisationOptions {
  /** The plan from {@link planTrial} (its allocation is re-drawn). */
  plan: TrialPlan;
  /** Rows `{ unitId, outcome, cluster? }`; arms are read from the plan's allocation. */
  data: TableInput;
  /** Re-draws (Monte Carlo), or the largest number of allocations to enumerate; default 10000. */
  reps?: number | undefined;
  /** Seed of the re-draws: replicate r uses the seed `${seed}:${r}`. */
  seed: string;
  /** The statistic; default the difference in means of `outcome` (of cluster means in cluster designs), first arm minus second. */
  statistic?: ArmStatistic | undefined;
  /** Whether to enumerate the allocations when they are at most `reps` and the design allows it; default true. */
  enumerate?: boolean | undefined;
}

/** Result of {@link randomisationInference}. */
export interface RandomisationResult {
  /** `"randomisationInference"`. */
  method: "randomisationInference";
  /** The statistic, in words. */
  statistic: string;
  /** The statistic under the allocation used. */
  observed: number;
  /** Two-sided p: the share of allocations with |statistic| ≥ |observed| (Monte Carlo: (1 + count) / (reps + 1)). */
  p: number;
  /** Re-draws made (Monte Carlo) or allocations enumerated (exact). */
  reps: number;
  /** True when every allocation the design can make was enumerated (with its probability). */
  exact: boolean;
  /** Monte Carlo standard error of p, √(p(1 − p)/reps); 0 when exact. */
  mcError: number;
  /** The seed of the re-draws (`null` when exact). */
  seed: string | null;
  /** How the allocation was re-drawn, in words. */
  redraw: string;
}

/**
 * Schema of {@link RandomisationOptions} (zod/mini).
 *
 * @example
 * ```ts
 * import { randomisationOptions } from "@tiltak/plan";
 * randomisationOptions.safeParse({ plan: {}, data: [], seed: "ri", reps: 0 }).success; // => false
 * ```
 */
export const randomisationOptions: z.ZodMiniType<RandomisationOptions> = z.strictObject({
  plan: z.custom<TrialPlan>((value) => typeof value === "object" && value !== null),
  data: z.custom<TableInput>((value) => typeof value === "object" && value !== null),
  reps: z.optional(integerAtLeast(1)),
  seed: z
    .string({ error: "must be a non-empty string (the seed of the re-draws)" })
    .check(z.minLength(1, { error: "must be a non-empty string (the seed of the re-draws)" })),
  statistic: z.optional(z.custom<ArmStatistic>((value) => typeof value === "function")),
  enumerate: z.optional(z.boolean()),
});

/** The default statistic: difference in means, or in means of cluster means (first arm − second). */
function defaultStatistic(resolved: ResolvedData): ArmStatistic {
  const { cluster, clusterLabels } = resolved;
  if (cluster === null)
    return (arm, outcome) => {
      let s0 = 0;
      let s1 = 0;
      let n0 = 0;
      let n1 = 0;
      for (let i = 0; i < arm.length; i++) {
        if (arm[i] === 0) {
          s0 += outcome[i] as number;
          n0++;
        } else if (arm[i] === 1) {
          s1 += outcome[i] as number;
          n1++;
        }
      }
      return s0 / n0 - s1 / n1;
    };
  const k = clusterLabels.length;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < cluster.length; i++) {
    const c = cluster[i] as number;
    sums[c] = (sums[c] as number) + (resolved.outcome[i] as number);
    counts[c] = (counts[c] as number) + 1;
    if (first[c] === -1) first[c] = i;
  }
  const means = new Float64Array(k);
  for (let c = 0; c < k; c++) means[c] = (sums[c] as number) / (counts[c] as number);
  return (arm) => {
    let s0 = 0;
    let s1 = 0;
    let n0 = 0;
    let n1 = 0;
    for (let c = 0; c < k; c++) {
      const a = arm[first[c] as number];
      if (a === 0) {
        s0 += means[c] as number;
        n0++;
      } else if (a === 1) {
        s1 += means[c] as number;
        n1++;
      }
    }
    return s0 / n0 - s1 / n1;
  };
}

interface Group {
  /** Allocation rows of each item (a unit, a slot or a cluster). */
  items: number[][];
}

/** The groups within which the design randomises completely, or null when it cannot be enumerated. */
function enumerableGroups(plan: TrialPlan, resolved: ResolvedData): Group[] | null {
  const allocation = plan.allocation;
  const design = (allocation.plan as { design?: string }).design;
  const blockSizes = (allocation.plan as { blockSizes?: unknown }).blockSizes;
  const units = resolved.units;
  const byKey = (key: (index: number) => string): Group[] => {
    const groups = new Map<string, number[][]>();
    units.forEach((_, i) => {
      const label = key(i);
      const list = groups.get(label) ?? [];
      list.push([i]);
      groups.set(label, list);
    });
    return [...groups.values()].map((items) => ({ items }));
  };
  if (design === "simple") return units.map((_, i) => ({ items: [[i]] }));
  if (allocation.meta.method === "allocationList") {
    if (design === "complete") return byKey((i) => (units[i] as { stratum: string }).stratum);
    return null;
  }
  if (design === "complete") return [{ items: units.map((_, i) => [i]) }];
  if ((design === "blocked" || design === "stratified") && blockSizes === undefined)
    return byKey((i) => (units[i] as { stratum: string }).stratum);
  if (design === "cluster") {
    const clusters = new Map<string, { stratum: string; rows: number[] }>();
    units.forEach((unit, i) => {
      const label = unit.cluster ?? unit.unitId;
      const entry = clusters.get(label) ?? { stratum: unit.stratum, rows: [] };
      entry.rows.push(i);
      clusters.set(label, entry);
    });
    const groups = new Map<string, number[][]>();
    for (const entry of clusters.values()) {
      const list = groups.get(entry.stratum) ?? [];
      list.push(entry.rows);
      groups.set(entry.stratum, list);
    }
    return [...groups.values()].map((items) => ({ items }));
  }
  return null;
}

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return Math.round(value);
}

/** The count vectors (arm 0's count) of complete randomisation of m items, with their probabilities. */
function countOptions(m: number, ratios: readonly number[]): { n0: number; probability: number }[] {
  const total = (ratios[0] as number) + (ratios[1] as number);
  const base0 = Math.floor((m * (ratios[0] as number)) / total);
  const base1 = Math.floor((m * (ratios[1] as number)) / total);
  if (base0 + base1 === m) return [{ n0: base0, probability: 1 }];
  // One leftover item (two arms): arm 0 takes it with probability e0/R (the design's systematic draw).
  const e0 = m * (ratios[0] as number) - base0 * total;
  return [
    { n0: base0 + 1, probability: e0 / total },
    { n0: base0, probability: 1 - e0 / total },
  ].filter((option) => option.probability > 0);
}

/** Every subset of size k of {0 … m − 1}, as 0/1 arm arrays (1 = arm 1, i.e. not chosen for arm 0). */
function arrangements(m: number, n0: number): Int8Array[] {
  const out: Int8Array[] = [];
  const current = new Int8Array(m).fill(1);
  const recurse = (start: number, left: number): void => {
    if (left === 0) {
      out.push(current.slice());
      return;
    }
    for (let i = start; i <= m - left; i++) {
      current[i] = 0;
      recurse(i + 1, left - 1);
      current[i] = 1;
    }
  };
  recurse(0, n0);
  return out;
}

function ratiosOf(plan: TrialPlan): number[] {
  return (plan.allocation.plan.arms as (string | { ratio?: number })[]).map((arm) =>
    typeof arm === "string" ? 1 : (arm.ratio ?? 1),
  );
}

/**
 * Randomisation inference (Fisher's exact test of the sharp null of no effect for anyone): the allocation
 * is re-drawn with the **same design** (the same strata, block sizes, clusters and ratio, through
 * `@tiltak/allocate` `armSampler`, so replicate r is exactly the allocation the plan makes with the seed
 * `${seed}:${r}`), the statistic is recomputed on the observed outcomes, and the two-sided p is the share of
 * allocations with |statistic| ≥ |observed|, the observed allocation counted: (1 + count)/(reps + 1).
 * When the design randomises completely within groups (simple, complete, stratified without blocks,
 * cluster) and has at most `reps` allocations, every allocation is enumerated with its probability and
 * `exact: true`. As R `ri2::conduct_ri` and Stata `ritest`, which take the design from the user; here it
 * comes from the allocation itself.
 *
 * @param options - {@link RandomisationOptions}
 * @returns {@link RandomisationResult}: `{ observed, p, reps, exact, mcError, seed, statistic, redraw }`
 * @throws TiltakError `INVALID_INPUT` for bad options or data; `INCONSISTENT_DATA` for a unit not in the allocation or listed twice (the message names it)
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { planTrial, allocatedUnits, randomisationInference } from "@tiltak/plan";
 * const units = Array.from({ length: 8 }, (_, i) => ({ id: `u${i}` }));
 * const plan = await planTrial({ outcome: { name: "score", kind: "continuous" }, baseline: { sd: 1 }, effect: { d: 0.5 }, design: { kind: "individual" }, units, seed: "ri-doc" });
 * const data = allocatedUnits(plan).map((unit, i) => ({ unitId: unit.unitId, outcome: i }));
 * const ri = randomisationInference({ plan, data, seed: "ri" });
 * [ri.exact, ri.reps]; // => [true, 70]
 * randomisationInference({ plan, data: [...data, data[0]], seed: "ri" }); // => throws INCONSISTENT_DATA "unit \"u0\" is listed twice in the data (rows 0 and 8)"
 * ```
 */
export function randomisationInference(options: RandomisationOptions): RandomisationResult {
  const o = parseOptions(randomisationOptions, options);
  const reps = o.reps ?? 10_000;
  const resolved = resolveData(o.plan, o.data);
  const statistic = o.statistic ?? defaultStatistic(resolved);
  const label =
    o.statistic !== undefined
      ? "custom statistic"
      : resolved.cluster === null
        ? "difference in means"
        : "difference in the mean of cluster means";
  const observed = statistic(resolved.arm, resolved.outcome);
  if (!Number.isFinite(observed))
    invalidInput("data", "must give a finite observed statistic (both arms need data)", observed);
  const limit = Math.abs(observed) * (1 - 1e-10) - 1e-12;
  const stratified = resolved.units.some((unit) => unit.stratum !== "all");
  const design = (o.plan.allocation.plan as { design?: string }).design ?? "blocked";
  const redraw = `${design} ${o.plan.allocation.meta.method === "allocationList" ? "list" : "assignment"}${stratified ? " within strata" : ""}, re-drawn by allocate.armSampler`;
  const n = resolved.row.length;
  const dataArm = new Int32Array(n);

  const groups = o.enumerate === false ? null : enumerableGroups(o.plan, resolved);
  if (groups !== null) {
    const ratios = ratiosOf(o.plan);
    let count = 1;
    for (const group of groups) {
      const m = group.items.length;
      count *= countOptions(m, ratios).reduce((acc, option) => acc + binomial(m, option.n0), 0);
      if (count > reps) break;
    }
    if (count <= reps && ratios.length === 2) {
      // Each group's arrangements with their probabilities; then every combination across groups.
      const options = groups.map((group) => {
        const m = group.items.length;
        return countOptions(m, ratios).flatMap((option) => {
          const weight = option.probability / binomial(m, option.n0);
          return arrangements(m, option.n0).map((arms) => ({ arms, weight }));
        });
      });
      const rowArm = new Int32Array(resolved.units.length);
      const digits = new Int32Array(groups.length);
      let extreme = 0;
      let total = 0;
      let enumerated = 0;
      for (;;) {
        let weight = 1;
        for (let g = 0; g < groups.length; g++) {
          const choice = (options[g] as { arms: Int8Array; weight: number }[])[digits[g] as number] as {
            arms: Int8Array;
            weight: number;
          };
          weight *= choice.weight;
          const items = (groups[g] as Group).items;
          for (let j = 0; j < items.length; j++)
            for (const r of items[j] as number[]) rowArm[r] = choice.arms[j] as number;
        }
        for (let i = 0; i < n; i++) dataArm[i] = rowArm[resolved.row[i] as number] as number;
        const value = statistic(dataArm, resolved.outcome);
        if (Math.abs(value) >= limit) extreme += weight;
        total += weight;
        enumerated++;
        let g = 0;
        while (g < groups.length) {
          digits[g] = (digits[g] as number) + 1;
          if ((digits[g] as number) < (options[g] as unknown[]).length) break;
          digits[g] = 0;
          g++;
        }
        if (g === groups.length) break;
      }
      const p = Math.min(1, extreme / total);
      return {
        method: "randomisationInference",
        statistic: label,
        observed,
        p,
        reps: enumerated,
        exact: true,
        mcError: 0,
        seed: null,
        redraw: `every allocation of the ${design} design enumerated with its probability${stratified ? " (within strata)" : ""}`,
      };
    }
  }

  const sampler = armSampler(o.plan.allocation);
  const buffer = new Int32Array(sampler.size);
  let count = 0;
  for (let r = 0; r < reps; r++) {
    sampler.draw(`${o.seed}:${r}`, buffer);
    for (let i = 0; i < n; i++) dataArm[i] = buffer[resolved.row[i] as number] as number;
    if (Math.abs(statistic(dataArm, resolved.outcome)) >= limit) count++;
  }
  const p = (1 + count) / (reps + 1);
  return {
    method: "randomisationInference",
    statistic: label,
    observed,
    p,
    reps,
    exact: false,
    mcError: Math.sqrt((p * (1 - p)) / reps),
    seed: o.seed,
    redraw,
  };
}
