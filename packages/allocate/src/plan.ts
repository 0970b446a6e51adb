import { integerAtLeast, invalidInput, parseOptions, type RngAlgorithm, rngAlgorithms } from "@tiltak/core";
import * as z from "zod/mini";

/** An arm: its name, and its integer share of the allocation ratio (default 1). */
export interface ArmSpec {
  /** The arm's name as it appears in every row, e.g. `"NorA"` or `"control"`. */
  name: string;
  /** A positive integer; arms `[{ name: "A", ratio: 2 }, { name: "B", ratio: 1 }]` allocate 2:1. Default 1. */
  ratio?: number;
}

/**
 * The designs {@link allocate} and {@link allocationList} know. `"stratified"` is another name for
 * `"blocked"` (randomisation within strata) and behaves identically.
 */
export type Design = "simple" | "complete" | "blocked" | "stratified" | "cluster";

/** A value that can label a stratum level or a cluster: text, a finite number or a boolean. */
export type LevelValue = string | number | boolean;

/**
 * An allocation plan: plain JSON, the whole recipe of a list or an assignment (with the seed).
 *
 * - For {@link allocationList}, `strata` maps each stratum field to its levels (`{ gender: ["F", "M"] }`)
 *   and `size` is the number of slots per stratum; `design` is `"blocked"` (default), `"complete"` or `"simple"`.
 * - For {@link allocate}, `strata` names unit fields (`["gender", "office"]`), `cluster` names the cluster
 *   field and `design` is required.
 */
export interface AllocationPlan {
  /** `"simple"`, `"complete"`, `"blocked"` (alias `"stratified"`) or `"cluster"`. */
  design?: Design;
  /** At least two arms: names, or `{ name, ratio }` objects for unequal allocation. */
  arms: (string | ArmSpec)[];
  /** Lists: field → levels; assignment: unit field names (one name may be given as a string). */
  strata?: string | string[] | Record<string, LevelValue[]>;
  /** Permuted-block sizes, each a multiple of the ratio sum; one is drawn uniformly for every block. */
  blockSizes?: number[];
  /** The unit field that holds the cluster (design `"cluster"`). */
  cluster?: string;
  /** The unit field that holds the id; default `"id"`. */
  idField?: string;
  /** Lists: slots per stratum (blocks are added until at least `size` slots exist). */
  size?: number;
  /** The seed (required: tiltak never draws without one). */
  seed: string;
  /** The pseudo-random algorithm of `@tiltak/core`; default `"xor4096"`. */
  rngAlgorithm?: RngAlgorithm;
  /** A title for people reading the certificate; not used in the computation. */
  title?: string;
  /** Free notes for people reading the certificate; not used in the computation. */
  notes?: string;
}

const levelValue = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a string, a finite number or a boolean",
});

const armSchema = z.union(
  [
    z.string().check(z.minLength(1, { error: "must be a non-empty arm name" })),
    z.strictObject({
      name: z.string().check(z.minLength(1, { error: "must be a non-empty arm name" })),
      ratio: z.optional(integerAtLeast(1)),
    }),
  ],
  { error: "must be an arm name or { name, ratio } with a positive integer ratio" },
);

/**
 * Schema of {@link AllocationPlan}: the shape only (designs add their own checks, with messages naming the
 * parameter).
 *
 * @example
 * ```ts
 * import { allocationPlanSchema } from "@tiltak/allocate";
 * allocationPlanSchema.safeParse({ arms: ["A", "B"], seed: "s" }).success; // => true
 * ```
 */
export const allocationPlanSchema: z.ZodMiniType<AllocationPlan> = z.strictObject({
  design: z.optional(z.enum(["simple", "complete", "blocked", "stratified", "cluster"])),
  arms: z.array(armSchema),
  strata: z.optional(
    z.union(
      [
        z.string().check(z.minLength(1)),
        z.array(z.string().check(z.minLength(1))),
        z.record(z.string(), z.array(levelValue)),
      ],
      {
        error: "must be a list of unit field names or an object mapping each field to its levels",
      },
    ),
  ),
  blockSizes: z.optional(z.array(integerAtLeast(1))),
  cluster: z.optional(z.string().check(z.minLength(1))),
  idField: z.optional(z.string().check(z.minLength(1))),
  size: z.optional(integerAtLeast(1)),
  seed: z.string({
    error: "must be a non-empty string (the seed is required: tiltak never draws without one)",
  }),
  rngAlgorithm: z.optional(z.enum(rngAlgorithms as [RngAlgorithm, ...RngAlgorithm[]])),
  title: z.optional(z.string()),
  notes: z.optional(z.string()),
}) as unknown as z.ZodMiniType<AllocationPlan>;

/** Arms after validation: names, integer ratios and their sum. */
export interface NormalArms {
  names: string[];
  ratios: number[];
  total: number;
}

/** Validates the seed before anything else, so a missing seed is reported as such. */
export function requireSeed(plan: unknown): void {
  if (typeof plan !== "object" || plan === null || Array.isArray(plan))
    invalidInput("plan", "must be an object (a plan with arms and a seed)", plan);
  const seed = (plan as { seed?: unknown }).seed;
  if (typeof seed !== "string" || seed.length === 0)
    invalidInput("seed", "is required: a non-empty string (tiltak never draws without a seed)", seed);
}

/** Parses a plan's shape, checking the seed first. */
export function parsePlan(plan: unknown): AllocationPlan {
  requireSeed(plan);
  if (!Array.isArray((plan as { arms?: unknown }).arms) || (plan as { arms: unknown[] }).arms.length === 0)
    invalidInput("arms", "must list at least two arms", (plan as { arms?: unknown }).arms);
  return parseOptions(allocationPlanSchema, plan);
}

/** Arms with ratios, checking names are distinct and there are at least two. */
export function normaliseArms(arms: readonly (string | ArmSpec)[]): NormalArms {
  if (arms.length < 2) invalidInput("arms", "must list at least two arms", arms);
  const names: string[] = [];
  const ratios: number[] = [];
  arms.forEach((arm, index) => {
    const name = typeof arm === "string" ? arm : arm.name;
    const ratio = typeof arm === "string" ? 1 : (arm.ratio ?? 1);
    if (names.includes(name)) invalidInput(["arms", index], "must have a name no other arm has", name);
    names.push(name);
    ratios.push(ratio);
  });
  const total = ratios.reduce((a, b) => a + b, 0);
  if (total > 1_000_000) invalidInput("arms", "must have ratios summing to at most 1000000", total);
  return { names, ratios, total };
}

/** Block sizes checked against the ratio sum. */
export function checkBlockSizes(blockSizes: readonly number[], arms: NormalArms): number[] {
  if (blockSizes.length === 0)
    invalidInput("blockSizes", "must list at least one block size", blockSizes as unknown);
  blockSizes.forEach((size, index) => {
    if (size % arms.total !== 0)
      invalidInput(
        ["blockSizes", index],
        `must be a multiple of the ratio sum ${arms.total} (arms ${arms.names.join(":")} in ratio ${arms.ratios.join(":")})`,
        size,
      );
    if (size > 100_000) invalidInput(["blockSizes", index], "must be at most 100000", size);
  });
  return [...blockSizes];
}

/** The arm multiset of one block: each arm repeated ratio × (size / ratio sum) times, in arm order. */
export function blockMultiset(size: number, arms: NormalArms): number[] {
  const copies = size / arms.total;
  const out: number[] = [];
  for (let arm = 0; arm < arms.names.length; arm++) {
    const count = (arms.ratios[arm] as number) * copies;
    for (let c = 0; c < count; c++) out.push(arm);
  }
  return out;
}

/** One part of a stratum label: `field=value`, with `\`, `;` and `=` escaped by a backslash. */
export function labelPart(field: string, value: string): string {
  return `${escapeLabel(field)}=${escapeLabel(value)}`;
}

function escapeLabel(text: string): string {
  return /[\\;=]/.test(text) ? text.replace(/[\\;=]/g, (c) => `\\${c}`) : text;
}

/** The text of a level value: strings as they are, numbers and booleans as JavaScript writes them. */
export function levelText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return String(value);
  return undefined;
}

/** Compares strings by UTF-16 code units (the order every JavaScript engine gives `<`). */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
