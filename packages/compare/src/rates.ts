import { invalidInput, parseOptions, TiltakError } from "@tiltak/core";
import { proportionCI } from "@tiltak/stats";
import * as z from "zod/mini";
import { denominatorValue, outcomeCount } from "./counts.js";
import {
  type AnyOutcomeKey,
  anyOutcomeKeys,
  type DenominatorKind,
  denominatorKinds,
  type ProgrammeYear,
  type ProgrammeYearInput,
  programmeYearSchema,
} from "./programme-year.js";

/** Interval methods of `proportionCI` in `@tiltak/stats`. */
export type ProportionMethod = "wilson" | "clopper-pearson" | "agresti-coull" | "jeffreys" | "wald";

/** Options of {@link outcomeRates}. */
export interface OutcomeRatesOptions {
  /** What the rates are shares of: `exits`, `participants`, `activeEnd` or `referrals`. */
  denominator: DenominatorKind;
  /** Interval method (`@tiltak/stats` `proportionCI`); default `wilson`. */
  method?: ProportionMethod | undefined;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number | undefined;
  /** Outcomes to report (canonical or composite); default every outcome with a count, plus targeted composites. */
  outcomes?: AnyOutcomeKey[] | undefined;
}

/** One outcome's rate. */
export interface OutcomeRate {
  /** The record's id. */
  id: string;
  /** The outcome. */
  outcome: AnyOutcomeKey;
  /** Exits to it. */
  count: number;
  /** The denominator's value. */
  denominator: number;
  /** What the denominator is. */
  denominatorKind: DenominatorKind;
  /** count / denominator. */
  rate: number;
  /** Lower confidence bound. */
  lower: number;
  /** Upper confidence bound. */
  upper: number;
  /** Confidence level. */
  level: number;
  /** Interval method. */
  method: ProportionMethod;
  /** The record's target for this outcome, when the targets share this denominator. */
  target?: number | undefined;
  /** Whether the rate reaches the target (rate ≥ target). */
  meetsTarget?: boolean | undefined;
  /** Whether the target lies above the upper confidence bound (missed beyond chance at this level) — only with a target. */
  belowTarget?: boolean | undefined;
}

/**
 * The rows of {@link outcomeRates}: an array of {@link OutcomeRate}, which also answers `.rows` (the
 * same array, not enumerable, so JSON and equality see a plain array) for code that reads the result as
 * `{ rows }`.
 */
export type OutcomeRateRows = OutcomeRate[] & { readonly rows: OutcomeRate[] };

const outcomeRatesOptions: z.ZodMiniType<{
  denominator: DenominatorKind;
  method: ProportionMethod;
  level: number;
  outcomes?: AnyOutcomeKey[] | undefined;
}> = z.strictObject({
  denominator: z.enum(denominatorKinds),
  method: z._default(z.enum(["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"]), "wilson"),
  level: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
  outcomes: z.optional(z.array(z.enum(anyOutcomeKeys as [AnyOutcomeKey, ...AnyOutcomeKey[]]))),
});

/**
 * Outcome rates of a programme-year over an explicit denominator, with confidence intervals from
 * `@tiltak/stats` `proportionCI` (Wilson by default) and the record's targets. The denominator matters:
 * NorA 2024's 42 exits to work or education are 50 % of its 84 exits but 19.0 % of its 221 participants.
 * Targets are compared only when they are shares of the same denominator (`record.targetsDenominator`,
 * default `exits`).
 *
 * R equivalent: `prop.test(count, denominator, correct = FALSE)$conf.int` (Wilson), `binom.test` (Clopper–Pearson).
 *
 * @param record - a programme-year
 * @param options - `{ denominator, method?, level?, outcomes? }`
 * @returns one row per outcome: `[{ outcome, count, denominator, denominatorKind, rate, lower, upper, level, method, target?, meetsTarget?, belowTarget? }]`
 * @throws TiltakError `INVALID_INPUT` when the denominator is not reported or 0, or a requested outcome has
 *   no count; `INCONSISTENT_DATA` when a count exceeds the denominator
 * @see docs/methods/compare/rates.md
 *
 * @example
 * ```ts
 * import { outcomeRates } from "@tiltak/compare";
 * const nora = { id: "nora-2024", programme: "NorA", period: { start: "2024-01-01", end: "2024-12-31" }, participants: { unique: 221, activeEnd: 133 }, exits: { total: 84, byOutcome: { work: 27, education: 15 } }, targets: { work: 0.6 }, source: { document: "NorA annual report 2024", lines: "Resultater 2024" } };
 * outcomeRates(nora, { denominator: "exits", outcomes: ["workOrEducation"] })[0]?.rate; // => 0.5
 * outcomeRates(nora, { denominator: "participants", outcomes: ["workOrEducation"] })[0]?.rate; // => 0.19
 * outcomeRates(nora, { denominator: "exits", outcomes: ["work"] })[0]?.meetsTarget; // => false
 * outcomeRates(nora, { denominator: "referrals" }); // => throws INVALID_INPUT "denominator \"referrals\" is not reported in record nora-2024 (participants.newReferrals is null), got \"referrals\""
 * ```
 */
export function outcomeRates(
  record: ProgrammeYear | ProgrammeYearInput,
  options: OutcomeRatesOptions,
): OutcomeRateRows {
  const r = parseOptions(programmeYearSchema, record);
  const { denominator: kind, method, level, outcomes } = parseOptions(outcomeRatesOptions, options);
  const { value, field } = denominatorValue(r, kind);
  if (value === null)
    invalidInput("denominator", `"${kind}" is not reported in record ${r.id} (${field} is null)`, kind);
  if (value === 0) invalidInput("denominator", `"${kind}" is 0 in record ${r.id} (${field})`, kind);
  let keys: AnyOutcomeKey[];
  if (outcomes !== undefined) keys = outcomes;
  else
    keys = anyOutcomeKeys.filter((key) => {
      if (outcomeCount(r, key) === null) return false;
      if (key === "workOrEducation" || key === "benefit" || key === "parentalLeaveOrMoved")
        return (
          r.targets[key] !== undefined ||
          r.exits.reported.some((line) => line.outcome === key) ||
          r.reportedRates.some((rate) => rate.outcome === key)
        );
      return true;
    });
  const rows = keys.map((outcome): OutcomeRate => {
    const count = outcomeCount(r, outcome);
    if (count === null) invalidInput(["outcomes", outcome], `has no count in record ${r.id}`, outcome);
    if (count > value)
      throw new TiltakError(
        "INCONSISTENT_DATA",
        `record ${r.id}: exits to ${outcome} (${count}) exceed the denominator ${field} (${value})`,
        [{ path: ["exits", "byOutcome", outcome], message: `${count} > ${field} ${value}` }],
      );
    const ci = proportionCI({ x: count, n: value, level, method });
    const row: OutcomeRate = {
      id: r.id,
      outcome,
      count,
      denominator: value,
      denominatorKind: kind,
      rate: count / value,
      lower: ci.lower,
      upper: ci.upper,
      level,
      method,
    };
    const target = r.targets[outcome];
    if (target !== undefined && r.targetsDenominator === kind) {
      row.target = target;
      row.meetsTarget = row.rate >= target;
      row.belowTarget = ci.upper < target;
    }
    return row;
  });
  Object.defineProperty(rows, "rows", { value: rows, enumerable: false });
  return rows as OutcomeRateRows;
}
