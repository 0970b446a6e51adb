import {
  createRng,
  invalidInput,
  numberIn,
  parseOptions,
  type Rng,
  type RngAlgorithm,
  type RngState,
  randomSalt,
  restoreRng,
  rngAlgorithms,
  type TableRecord,
  tiltakVersion,
} from "@tiltak/core";
import * as z from "zod/mini";
import { concealmentWarnings } from "./commitment.js";
import { type ArmSpec, levelText, type NormalArms, normaliseArms, requireSeed } from "./plan.js";
import { type AllocationResult, finishResult, type MinimisationRow } from "./result.js";

/**
 * How imbalance across arms is measured for one factor level (Pocock & Simon 1975): the range, the sample
 * variance or the sample standard deviation (divisor K − 1), as R `Minirand`'s "Range", "Var" and "SD".
 */
export type ImbalanceMeasure = "range" | "variance" | "sd";

/**
 * A minimisation plan: arms, prognostic factors, the probability of the best arm and the seed.
 */
export interface MinimiserPlan {
  /** Optional, for plan files: `"minimisation"`. */
  design?: "minimisation";
  /** At least two arms: names or `{ name, ratio }`; counts are divided by the ratio (as R `Minirand`). */
  arms: (string | ArmSpec)[];
  /** Factor field names, or field → accepted levels (levels outside the list are then refused). */
  factors: string[] | Record<string, (string | number | boolean)[]>;
  /** Probability of the arm with the least imbalance (split among tied arms), in (0, 1]. */
  pBest: number;
  /** The seed (required). */
  seed: string;
  /** Factor weights, by name or in factor order; default 1 each. */
  weights?: number[] | Record<string, number>;
  /** `"range"` (default), `"variance"` (sample variance across arms, as R's `var`) or `"sd"`. */
  imbalance?: ImbalanceMeasure;
  /** The unit field that holds the id; default `"id"`. */
  idField?: string;
  /** The pseudo-random algorithm; default `"xor4096"`. */
  rngAlgorithm?: RngAlgorithm;
  /** A title for the record; not used in the computation. */
  title?: string;
}

/** Schema of {@link MinimiserPlan} (shape only).
 *
 * @example
 * ```ts
 * import { minimiserPlanSchema } from "@tiltak/allocate";
 * minimiserPlanSchema.safeParse({ arms: ["A", "B"], factors: ["sex"], pBest: 0.8, seed: "s" }).success; // => true
 * ```
 */
export const minimiserPlanSchema: z.ZodMiniType<MinimiserPlan> = z.strictObject({
  design: z.optional(z.literal("minimisation")),
  arms: z.array(
    z.union([
      z.string().check(z.minLength(1)),
      z.strictObject({
        name: z.string().check(z.minLength(1)),
        ratio: z.optional(
          z.number().check(
            z.refine((value) => Number.isInteger(value) && value >= 1, {
              error: "must be an integer >= 1",
            }),
          ),
        ),
      }),
    ]),
  ),
  factors: z.union(
    [
      z.array(z.string().check(z.minLength(1))),
      z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))),
    ],
    { error: "must list factor field names, or map each factor to its levels" },
  ),
  pBest: numberIn(0, 1, "(]"),
  seed: z.string({ error: "must be a non-empty string (the seed is required)" }),
  weights: z.optional(
    z.union([
      z.array(numberIn(0, Number.POSITIVE_INFINITY, "[)")),
      z.record(z.string(), numberIn(0, Number.POSITIVE_INFINITY, "[)")),
    ]),
  ),
  imbalance: z.optional(z.enum(["range", "variance", "sd"])),
  idField: z.optional(z.string().check(z.minLength(1))),
  rngAlgorithm: z.optional(z.enum(rngAlgorithms as [RngAlgorithm, ...RngAlgorithm[]])),
  title: z.optional(z.string()),
}) as unknown as z.ZodMiniType<MinimiserPlan>;

/** What {@link Minimiser.assign} returns. */
export interface Assignment {
  /** The unit's id. */
  unitId: string | number;
  /** The arm it was assigned to. */
  arm: string;
  /** The weighted imbalance the trial would have with the unit in each arm, in arm order. */
  imbalance: number[];
  /** The probability each arm had, in arm order. */
  probabilities: number[];
}

/** The saved state of a minimiser: plain JSON (write it to a file between enrolments). */
export interface MinimiserState {
  /** Always `"tiltak-minimiser/1"`. */
  format: "tiltak-minimiser/1";
  /** The tiltak version that saved it. */
  tiltakVersion: string;
  /** The plan, as validated. */
  plan: MinimiserPlan;
  /** Units assigned so far, in order. */
  rows: MinimisationRow[];
  /** The generator's state. */
  rng: RngState;
  /**
   * The secret salt of the sequence's commitment (64 hex digits, drawn once by {@link createMinimiser});
   * every `result()` commits with it. Keep the state sealed. States saved before commitments existed have
   * none: {@link restoreMinimiser} then draws one.
   */
  salt?: string;
}

/** A Pocock–Simon minimiser for units that arrive one by one. */
export interface Minimiser {
  /** Assigns the next unit (a record with the id and every factor). */
  assign(unit: TableRecord): Assignment;
  /** The state as plain JSON; {@link restoreMinimiser} continues from it exactly. */
  state(): MinimiserState;
  /**
   * The assignments so far as an allocation result with a digest and a commitment under the minimiser's salt
   * (asynchronous: Web Crypto). A guessable seed adds a `warnings` entry: the next arm is predictable.
   */
  result(): Promise<AllocationResult<MinimisationRow>>;
}

interface Prepared {
  plan: MinimiserPlan;
  arms: NormalArms;
  factors: string[];
  levels: (Set<string> | null)[];
  weights: number[];
  measure: ImbalanceMeasure;
  idField: string;
}

function prepare(input: MinimiserPlan): Prepared {
  requireSeed(input);
  const plan = parseOptions(minimiserPlanSchema, input);
  const arms = normaliseArms(plan.arms);
  const factors = Array.isArray(plan.factors) ? [...plan.factors] : Object.keys(plan.factors);
  if (factors.length === 0) invalidInput("factors", "must name at least one factor", plan.factors);
  const idField = plan.idField ?? "id";
  factors.forEach((factor, index) => {
    if (factor === "unitId" || factor === "arm" || factors.indexOf(factor) !== index)
      invalidInput(["factors", index], 'must be a distinct field name other than "unitId" and "arm"', factor);
  });
  const levels = factors.map((factor) => {
    if (Array.isArray(plan.factors)) return null;
    const list = (plan.factors as Record<string, unknown[]>)[factor] as unknown[];
    if (list.length === 0) invalidInput(["factors", factor], "must list at least one level", list);
    return new Set(list.map((level) => levelText(level) as string));
  });
  let weights: number[];
  if (plan.weights === undefined) weights = factors.map(() => 1);
  else if (Array.isArray(plan.weights)) {
    if (plan.weights.length !== factors.length)
      invalidInput("weights", `must have one weight per factor (${factors.length})`, plan.weights);
    weights = [...plan.weights];
  } else {
    const record = plan.weights;
    for (const key of Object.keys(record))
      if (!factors.includes(key)) invalidInput(["weights", key], "must name a factor", key);
    weights = factors.map((factor) => record[factor] ?? 1);
  }
  const measure = plan.imbalance ?? "range";
  const echo: MinimiserPlan = { ...plan, design: "minimisation", imbalance: measure };
  return { plan: echo, arms, factors, levels, weights, measure, idField };
}

/**
 * The Pocock–Simon imbalance the trial would have if the next unit went to each arm (R `Minirand`'s
 * rule): for each factor, take the counts per arm of earlier units with the unit's level, add the unit to
 * the candidate arm, divide each count by its arm's ratio, and measure the spread across arms by the range
 * or by the sample variance or standard deviation (divisor K − 1); sum over factors with the weights.
 *
 * @param counts - per factor, the counts per arm of earlier units sharing the new unit's level
 * @param ratios - the arms' ratios
 * @param weights - the factors' weights
 * @param measure - `"range"`, `"variance"` or `"sd"`
 *
 * @example
 * ```ts
 * import { imbalanceScores } from "@tiltak/allocate";
 * imbalanceScores([[2, 0], [1, 1]], [1, 1], [0.5, 0.5], "range"); // => [2, 1]
 * imbalanceScores([[2, 0], [1, 1]], [1, 1], [0.5, 0.5], "variance"); // => [2.5, 0.5]
 * imbalanceScores([[2, 0], [1, 1]], [1, 1], [0.5, 0.5], "sd"); // => [1.4142135624, 0.7071067812]
 * ```
 */
export function imbalanceScores(
  counts: readonly (readonly number[])[],
  ratios: readonly number[],
  weights: readonly number[],
  measure: ImbalanceMeasure,
): number[] {
  const k = ratios.length;
  const scores = new Array<number>(k).fill(0);
  const scaled = new Array<number>(k);
  for (let candidate = 0; candidate < k; candidate++) {
    let total = 0;
    for (let f = 0; f < counts.length; f++) {
      const row = counts[f] as readonly number[];
      for (let arm = 0; arm < k; arm++)
        scaled[arm] = ((row[arm] as number) + (arm === candidate ? 1 : 0)) / (ratios[arm] as number);
      total += (weights[f] as number) * spread(scaled, measure);
    }
    scores[candidate] = total;
  }
  return scores;
}

function spread(values: readonly number[], measure: ImbalanceMeasure): number {
  if (measure === "range") {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const value of values) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
    return max - min;
  }
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  const variance = squares / (values.length - 1);
  return measure === "sd" ? Math.sqrt(variance) : variance;
}

/**
 * Assignment probabilities from imbalance scores: the arms with the least imbalance share `pBest`
 * equally, the others share 1 − pBest equally; when every arm ties, each has 1/K (R `Minirand`).
 * Scores within 1e-9 (relative) of the least count as tied.
 *
 * @example
 * ```ts
 * import { minimisationProbabilities } from "@tiltak/allocate";
 * minimisationProbabilities([2, 1], 0.8); // => [0.2, 0.8]
 * minimisationProbabilities([1, 1, 3], 0.9); // => [0.45, 0.45, 0.1]
 * ```
 */
export function minimisationProbabilities(scores: readonly number[], pBest: number): number[] {
  const least = Math.min(...scores);
  const tolerance = 1e-9 * Math.max(1, Math.abs(least));
  const best = scores.map((score) => score - least <= tolerance);
  const nBest = best.filter(Boolean).length;
  const k = scores.length;
  if (nBest === k) return scores.map(() => 1 / k);
  return best.map((isBest) => (isBest ? pBest / nBest : (1 - pBest) / (k - nBest)));
}

function build(prepared: Prepared, rng: Rng, history: readonly MinimisationRow[], salt: string): Minimiser {
  const { arms, factors, levels, weights, measure, idField, plan } = prepared;
  const k = arms.names.length;
  // counts[f] maps a level to the number of earlier units with that level in each arm.
  const counts = factors.map(() => new Map<string, number[]>());
  const rows: MinimisationRow[] = [];
  const ids = new Set<string>();

  const levelOf = (unit: TableRecord, f: number, where: string): string => {
    const factor = factors[f] as string;
    const text = levelText(unit[factor]);
    if (text === undefined)
      invalidInput(
        [where, factor],
        `must hold the unit's level of the factor "${factor}" (a string, finite number or boolean)`,
        unit[factor],
      );
    const accepted = levels[f];
    if (accepted != null && !accepted.has(text))
      invalidInput([where, factor], `must be one of the levels ${[...accepted].join(", ")}`, unit[factor]);
    return text;
  };

  const record = (unitId: string | number, levelTexts: string[], arm: number): void => {
    const row: MinimisationRow = { unitId, arm: arms.names[arm] as string };
    levelTexts.forEach((text, f) => {
      const map = counts[f] as Map<string, number[]>;
      let perArm = map.get(text);
      if (perArm === undefined) {
        perArm = new Array<number>(k).fill(0);
        map.set(text, perArm);
      }
      perArm[arm] = (perArm[arm] as number) + 1;
      row[factors[f] as string] = text;
    });
    ids.add(String(unitId));
    rows.push(row);
  };

  const idOf = (unit: TableRecord, where: string): string | number => {
    if (typeof unit !== "object" || unit === null || Array.isArray(unit))
      invalidInput(where, "must be a unit record with an id and every factor", unit);
    const id = unit[idField];
    if (!((typeof id === "number" && Number.isFinite(id)) || (typeof id === "string" && id !== "")))
      invalidInput(
        [where, idField],
        `must be the unit's id (a non-empty string or a finite number; idField is "${idField}")`,
        id,
      );
    if (ids.has(String(id)))
      invalidInput([where, idField], "must be a unit not yet assigned (ids are unique)", id);
    return id as string | number;
  };

  history.forEach((row, index) => {
    const where = `state.rows[${index}]`;
    const unit: TableRecord = { ...row, [idField]: row.unitId };
    const id = idOf(unit, where);
    const arm = arms.names.indexOf(row.arm);
    if (arm < 0) invalidInput([where, "arm"], `must be one of ${arms.names.join(", ")}`, row.arm);
    record(
      id,
      factors.map((_, f) => levelOf(unit, f, where)),
      arm,
    );
  });

  return {
    assign(unit: TableRecord): Assignment {
      const id = idOf(unit, "unit");
      const levelTexts = factors.map((_, f) => levelOf(unit, f, "unit"));
      const current = levelTexts.map(
        (text, f) => (counts[f] as Map<string, number[]>).get(text) ?? new Array<number>(k).fill(0),
      );
      const scores = imbalanceScores(current, arms.ratios, weights, measure);
      const probabilities = minimisationProbabilities(scores, plan.pBest);
      const u = rng.uniform();
      let arm = k - 1;
      let cumulative = 0;
      for (let a = 0; a < k; a++) {
        cumulative += probabilities[a] as number;
        if (u < cumulative) {
          arm = a;
          break;
        }
      }
      record(id, levelTexts, arm);
      return { unitId: id, arm: arms.names[arm] as string, imbalance: scores, probabilities };
    },
    state(): MinimiserState {
      return {
        format: "tiltak-minimiser/1",
        tiltakVersion,
        plan: structuredClone(plan),
        rows: rows.map((row) => ({ ...row })),
        rng: rng.state(),
        salt,
      };
    },
    result(): Promise<AllocationResult<MinimisationRow>> {
      return finishResult(
        rows.map((row) => ({ ...row })),
        structuredClone(plan) as unknown as Record<string, unknown>,
        ["unitId", "arm", ...factors],
        { seed: plan.seed, algorithm: plan.rngAlgorithm ?? "xor4096" },
        "minimisation",
        undefined,
        { salt, warnings: concealmentWarnings(plan.seed) },
      );
    },
  };
}

/**
 * Creates a Pocock–Simon minimiser (Pocock & Simon 1975; R `Minirand`) for units that arrive one by one.
 * For each new unit: {@link imbalanceScores} per candidate arm, {@link minimisationProbabilities} with
 * `pBest`, then one `uniform()` draw u from `createRng(seed)` picks the first arm (in plan order) whose
 * cumulated probability exceeds u. `assign` is synchronous; `state()` is plain JSON.
 *
 * @param plan - arms, factors, pBest, seed, optional weights, imbalance measure and idField
 * @throws TiltakError `INVALID_INPUT` for a missing seed, fewer than two arms, no factors, pBest outside
 *   (0, 1]; `assign` throws for a unit without an id, a repeated id or a missing factor level
 * @see docs/methods/allocate/minimisation.md
 *
 * @example
 * ```ts
 * import { createMinimiser } from "@tiltak/allocate";
 * const minimiser = createMinimiser({ arms: ["NorA", "usual"], factors: ["gender", "office"], pBest: 0.8, seed: "rolling" });
 * minimiser.assign({ id: "p1", gender: "F", office: "Bergen" }).probabilities; // => [0.5, 0.5]
 * const second = minimiser.assign({ id: "p2", gender: "F", office: "Bergen" });
 * Math.max(...second.probabilities); // => 0.8
 * minimiser.assign({ id: "p3", office: "Bergen" }); // => throws INVALID_INPUT
 * ```
 */
export function createMinimiser(plan: MinimiserPlan): Minimiser {
  const prepared = prepare(plan);
  return build(
    prepared,
    createRng(prepared.plan.seed, { algorithm: prepared.plan.rngAlgorithm ?? "xor4096" }),
    [],
    randomSalt(),
  );
}

/**
 * Recreates a minimiser from {@link Minimiser.state}: the same plan, the units assigned so far and the
 * generator's state, so the next assignment is exactly what the saved minimiser would have made. The salt
 * is kept too, so results before and after a restore commit alike (a state saved before tiltak drew salts
 * gets a new one).
 *
 * @param state - the plain JSON from `state()` (e.g. read back from a file)
 * @throws TiltakError `INVALID_INPUT` for anything that is not a saved minimiser state
 *
 * @example
 * ```ts
 * import { createMinimiser, restoreMinimiser } from "@tiltak/allocate";
 * const plan = { arms: ["A", "B"], factors: ["sex"], pBest: 0.75, seed: "file" };
 * const a = createMinimiser(plan);
 * a.assign({ id: 1, sex: "F" });
 * const b = restoreMinimiser(JSON.parse(JSON.stringify(a.state())));
 * b.assign({ id: 2, sex: "M" }).arm === a.assign({ id: 2, sex: "M" }).arm; // => true
 * ```
 */
export function restoreMinimiser(state: MinimiserState): Minimiser {
  if (typeof state !== "object" || state === null || state.format !== "tiltak-minimiser/1")
    invalidInput("state", 'must be a saved minimiser state (format "tiltak-minimiser/1")', state);
  if (!Array.isArray(state.rows))
    invalidInput("state.rows", "must be the list of assigned units", state.rows);
  const prepared = prepare(state.plan);
  if (typeof state.rng !== "object" || state.rng === null || state.rng.seed !== prepared.plan.seed)
    invalidInput("state.rng", "must be the generator state saved with this plan's seed", state.rng);
  if (
    state.salt !== undefined &&
    (typeof state.salt !== "string" || !/^(?:[0-9a-f]{2}){16,}$/.test(state.salt))
  )
    invalidInput(
      "state.salt",
      "must be the saved salt: an even number (at least 32) of lowercase hex digits",
      state.salt,
    );
  return build(prepared, restoreRng(state.rng), state.rows, state.salt ?? randomSalt());
}

/** Replays a minimisation sequence from its plan (used by verification). */
export function replayMinimisation(
  plan: MinimiserPlan,
  rows: readonly Record<string, unknown>[],
): MinimisationRow[] {
  const prepared = prepare(plan);
  const minimiser = build(
    prepared,
    createRng(prepared.plan.seed, { algorithm: prepared.plan.rngAlgorithm ?? "xor4096" }),
    [],
    "00", // a replay never commits, so its salt is unused
  );
  const out: MinimisationRow[] = [];
  rows.forEach((row) => {
    const unit: TableRecord = { ...row, [prepared.idField]: row.unitId };
    const assignment = minimiser.assign(unit);
    const replayed: MinimisationRow = { unitId: assignment.unitId, arm: assignment.arm };
    for (const factor of prepared.factors) replayed[factor] = levelText(row[factor]) as string;
    out.push(replayed);
  });
  return out;
}

/** The canonical columns of a minimisation plan. */
export function minimisationColumns(plan: MinimiserPlan): string[] {
  return ["unitId", "arm", ...prepare(plan).factors];
}
