import { invalidInput, parseOptions } from "@tiltak/core";
import { chiSquareTest, fisherExact, normal, proportionDifferenceCI } from "@tiltak/stats";
import * as z from "zod/mini";
import { denominatorValue, outcomeCount } from "./counts.js";
import { checkFlows } from "./flows.js";
import {
  type AnyOutcomeKey,
  anyOutcomeKeys,
  type DenominatorKind,
  denominatorKinds,
  type ProgrammeYear,
  type ProgrammeYearInput,
  programmeYearSchema,
} from "./programme-year.js";
import { outcomeRates, type ProportionMethod } from "./rates.js";

/** Options of {@link compareProportions}: x₁ of n₁ against x₂ of n₂. */
export interface CompareProportionsOptions {
  /** Events in group 1. */
  x1: number;
  /** Size of group 1. */
  n1: number;
  /** Events in group 2. */
  x2: number;
  /** Size of group 2. */
  n2: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number | undefined;
}

/** An estimate with its interval. */
export interface Interval {
  /** Point estimate. */
  estimate: number;
  /** Lower bound. */
  lower: number;
  /** Upper bound. */
  upper: number;
  /** The interval method. */
  method: string;
}

/** Result of {@link compareProportions}. */
export interface CompareProportionsResult {
  /** Echo. */
  x1: number;
  /** Echo. */
  n1: number;
  /** Echo. */
  x2: number;
  /** Echo. */
  n2: number;
  /** Confidence level. */
  level: number;
  /** x₁/n₁. */
  p1: number;
  /** x₂/n₂. */
  p2: number;
  /** p₁ − p₂ with Newcombe's hybrid score interval (method 10). */
  riskDifference: Interval;
  /** p₁/p₂ with the log (Katz) interval. */
  riskRatio: Interval;
  /** Odds ratio with the log (Woolf) interval. */
  oddsRatio: Interval;
  /**
   * Pearson's chi-square test without continuity correction, as `chisq.test(correct = FALSE)`; `null` when
   * a column of the table is empty (no events, or no non-events, in both groups: R gives NaN).
   */
  chiSquare: { statistic: number; df: number; p: number } | null;
  /** With Yates' correction, as `chisq.test()`; `null` as `chiSquare`. */
  chiSquareYates: { statistic: number; df: number; p: number } | null;
  /**
   * Fisher's exact test (two-sided) with the conditional MLE odds ratio and its interval, as `fisher.test`;
   * `ciUpper` is `null` when the interval is unbounded (R: Inf).
   */
  fisher: { p: number; oddsRatio: number | null; ciLower: number; ciUpper: number | null };
  /** Whether 1/2 was added to every cell for the ratio intervals (a zero cell). */
  zeroCellCorrection: boolean;
}

const compareProportionsSchema: z.ZodMiniType<{
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  level: number;
}> = z.strictObject({
  x1: z.int().check(z.minimum(0)),
  n1: z.int().check(z.minimum(1)),
  x2: z.int().check(z.minimum(0)),
  n2: z.int().check(z.minimum(1)),
  level: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
});

/**
 * Compares two proportions x₁/n₁ and x₂/n₂ (e.g. two programmes' exits to work): the risk difference
 * with Newcombe's (1998) hybrid score interval (from `@tiltak/stats` `proportionDifferenceCI`); the risk
 * ratio and odds ratio with log-scale Wald intervals — the conventions of `metafor::escalc` (`RR`, `OR`)
 * with a normal interval, equivalently `epitools::riskratio.wald`/`oddsratio.wald`: exp(ln θ ± z·se),
 * se² = 1/a − 1/n₁ + 1/c − 1/n₂ (RR) or 1/a + 1/b + 1/c + 1/d (OR), adding 1/2 to every cell only
 * when a cell is zero; Pearson's chi-square (with and without Yates) and Fisher's exact test from
 * `@tiltak/stats`.
 *
 * @param options - `{ x1, n1, x2, n2, level? }`
 * @returns `{ riskDifference, riskRatio, oddsRatio, chiSquare, chiSquareYates, fisher, … }`
 * @throws TiltakError `INVALID_INPUT` for x > n or non-integer counts
 * @see docs/methods/compare/rates.md
 *
 * @example
 * ```ts
 * import { compareProportions } from "@tiltak/compare";
 * const work = compareProportions({ x1: 44, n1: 102, x2: 27, n2: 84 });
 * work.riskDifference.estimate; // => 0.1099
 * work.riskRatio.estimate; // => 1.3420
 * compareProportions({ x1: 90, n1: 84, x2: 1, n2: 2 }); // => throws INVALID_INPUT "x1 must be <= n1 (84), got 90"
 * ```
 */
export function compareProportions(options: CompareProportionsOptions): CompareProportionsResult {
  const { x1, n1, x2, n2, level } = parseOptions(compareProportionsSchema, options);
  if (x1 > n1) invalidInput("x1", `must be <= n1 (${n1})`, x1);
  if (x2 > n2) invalidInput("x2", `must be <= n2 (${n2})`, x2);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = proportionDifferenceCI({ x1, n1, x2, n2, level });
  const z = normal.quantile(1 - (1 - level) / 2);
  const zero = x1 === 0 || x2 === 0 || x1 === n1 || x2 === n2;
  const add = zero ? 0.5 : 0;
  const a = x1 + add;
  const b = n1 - x1 + add;
  const c = x2 + add;
  const d = n2 - x2 + add;
  const logRr = Math.log(a / (a + b)) - Math.log(c / (c + d));
  const seRr = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  const logOr = Math.log((a * d) / (b * c));
  const seOr = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const table: [[number, number], [number, number]] = [
    [x1, n1 - x1],
    [x2, n2 - x2],
  ];
  const emptyColumn = x1 + x2 === 0 || n1 - x1 + n2 - x2 === 0;
  const chi = emptyColumn ? null : chiSquareTest({ table, correct: false });
  const yates = emptyColumn ? null : chiSquareTest({ table, correct: true });
  const fisher = fisherExact({ table, level });
  const finiteOrNull = (x: number | null): number | null => (Number.isFinite(x) ? x : null);
  return {
    x1,
    n1,
    x2,
    n2,
    level,
    p1,
    p2,
    riskDifference: {
      estimate: p1 - p2,
      lower: difference.lower,
      upper: difference.upper,
      method: "newcombe",
    },
    riskRatio: {
      estimate: Math.exp(logRr),
      lower: Math.exp(logRr - z * seRr),
      upper: Math.exp(logRr + z * seRr),
      method: "log (Katz)",
    },
    oddsRatio: {
      estimate: Math.exp(logOr),
      lower: Math.exp(logOr - z * seOr),
      upper: Math.exp(logOr + z * seOr),
      method: "log (Woolf)",
    },
    chiSquare: chi === null ? null : { statistic: chi.statistic, df: chi.df, p: chi.p },
    chiSquareYates: yates === null ? null : { statistic: yates.statistic, df: yates.df, p: yates.p },
    fisher: {
      p: fisher.p,
      oddsRatio: finiteOrNull(fisher.oddsRatio),
      ciLower: fisher.ciLower,
      ciUpper: finiteOrNull(fisher.ciUpper),
    },
    zeroCellCorrection: zero,
  };
}

/** Options of {@link compareProgrammes}. */
export interface CompareProgrammesOptions {
  /** Outcomes in the table; default every canonical outcome some record reports, plus `workOrEducation`. */
  outcomes?: AnyOutcomeKey[] | undefined;
  /** The outcome the pairwise comparisons are of; default `work`. */
  outcome?: AnyOutcomeKey | undefined;
  /** Denominator of the rates; default `exits`. */
  denominator?: DenominatorKind | undefined;
  /** The record the others are compared with (its `id`); default the first. */
  reference?: string | undefined;
  /** Interval method for the rates; default `wilson`. */
  method?: ProportionMethod | undefined;
  /** Confidence level; default 0.95. */
  level?: number | undefined;
}

/** One cell of the harmonised table: one record, one outcome. */
export interface ComparisonRow {
  /** Record id. */
  id: string;
  /** Programme name. */
  programme: string;
  /** Period start and end. */
  period: { start: string; end: string };
  /** The outcome. */
  outcome: AnyOutcomeKey;
  /** Exits to it, or `null` when the record does not report it. */
  count: number | null;
  /** The denominator's value (null when not reported). */
  denominator: number | null;
  /** The denominator kind. */
  denominatorKind: DenominatorKind;
  /** count / denominator, or null. */
  rate: number | null;
  /** Lower confidence bound, or null. */
  lower: number | null;
  /** Upper confidence bound, or null. */
  upper: number | null;
  /** Target, when the record has one on this denominator. */
  target: number | null;
  /** rate ≥ target, or null. */
  meetsTarget: boolean | null;
}

/** A reason the figures are not directly comparable. */
export interface ComparisonCaution {
  /** `exit-definition`, `target-group`, `period`, `missing-outcome`, `residual-category`, `inconsistent-record`, `denominator`. */
  code: string;
  /** The records concerned. */
  ids: string[];
  /** What differs and why it matters. */
  message: string;
}

/** Result of {@link compareProgrammes}. */
export interface CompareProgrammesResult {
  /** The method: `"harmonised programme comparison"`. */
  method: string;
  /** The denominator. */
  denominatorKind: DenominatorKind;
  /** The focal outcome of the pairwise comparisons. */
  outcome: AnyOutcomeKey;
  /** The reference record's id. */
  reference: string;
  /** The harmonised long table: one row per record and outcome. */
  rows: ComparisonRow[];
  /** Each other record against the reference on the focal outcome. */
  comparisons: ({ id: string; reference: string } & CompareProportionsResult)[];
  /** Why the figures may not be comparable. */
  cautions: ComparisonCaution[];
}

const compareProgrammesSchema: z.ZodMiniType<{
  outcomes?: AnyOutcomeKey[] | undefined;
  outcome: AnyOutcomeKey;
  denominator: DenominatorKind;
  reference?: string | undefined;
  method: ProportionMethod;
  level: number;
}> = z.strictObject({
  outcomes: z.optional(
    z.array(z.enum(anyOutcomeKeys as [AnyOutcomeKey, ...AnyOutcomeKey[]])).check(z.minLength(1)),
  ),
  outcome: z._default(z.enum(anyOutcomeKeys as [AnyOutcomeKey, ...AnyOutcomeKey[]]), "work"),
  denominator: z._default(z.enum(denominatorKinds), "exits"),
  reference: z.optional(z.string()),
  method: z._default(z.enum(["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"]), "wilson"),
  level: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
});

/**
 * Compares programme-years on harmonised outcomes: a long table of counts, rates (with intervals) and
 * targets per record and outcome over one denominator; each record against a reference on the focal
 * outcome ({@link compareProportions}: risk difference, ratio, odds ratio, chi-square, Fisher); and
 * cautions where the figures are not like for like — exit definitions that differ (planned vs all exits,
 * moves excluded or not), target groups that differ (KVP-only vs mixed), different or unequal periods,
 * outcomes some records do not report, coarse residual categories, records whose stock–flow identities
 * fail, and rates over exits (a selected subset of participants).
 *
 * @param records - two or more programme-years
 * @param options - `{ outcomes?, outcome?, denominator?, reference?, method?, level? }`
 * @returns `{ rows, comparisons, cautions, … }`
 * @throws TiltakError `INVALID_INPUT` for fewer than two records, duplicate ids, an unknown reference, or
 *   a focal outcome or denominator a record does not report
 * @see docs/methods/compare/rates.md
 *
 * @example
 * ```ts
 * import { compareProgrammes } from "@tiltak/compare";
 * const base = { period: { start: "2024-01-01", end: "2024-12-31" }, source: { document: "d", lines: "p. 1" } };
 * const a = { ...base, id: "a", programme: "A", exits: { total: 84, definition: "planned" as const, byOutcome: { work: 27 } }, targets: { work: 0.6 } };
 * const b = { ...base, id: "b", programme: "B", exits: { total: 27, definition: "all" as const, byOutcome: { work: 15 } } };
 * const result = compareProgrammes([a, b], { outcome: "work" });
 * result.comparisons[0]?.id; // => "b"
 * result.cautions.some((c) => c.code === "exit-definition"); // => true
 * ```
 */
export function compareProgrammes(
  records: (ProgrammeYear | ProgrammeYearInput)[],
  options: CompareProgrammesOptions = {},
): CompareProgrammesResult {
  const parsedOptions = parseOptions(compareProgrammesSchema, options);
  if (!Array.isArray(records) || records.length < 2)
    invalidInput("records", "must be an array of at least 2 programme-years", records);
  const list = records.map((record) => parseOptions(programmeYearSchema, record));
  const ids = new Set<string>();
  for (const record of list) {
    if (ids.has(record.id))
      invalidInput("records", `must have distinct ids (duplicate "${record.id}")`, record.id);
    ids.add(record.id);
  }
  const { denominator: kind, outcome, method, level } = parsedOptions;
  const reference = parsedOptions.reference ?? (list[0] as ProgrammeYear).id;
  const referenceRecord = list.find((record) => record.id === reference);
  if (referenceRecord === undefined)
    invalidInput("reference", `must be one of the record ids (${[...ids].join(", ")})`, reference);

  const outcomes =
    parsedOptions.outcomes ??
    anyOutcomeKeys.filter(
      (key) =>
        key !== "workFullTime" &&
        key !== "workPartTime" &&
        key !== "benefit" &&
        key !== "parentalLeaveOrMoved" &&
        list.some((record) => outcomeCount(record, key) !== null),
    );

  const rows: ComparisonRow[] = [];
  for (const record of list) {
    const { value } = denominatorValue(record, kind);
    for (const key of outcomes) {
      const count = outcomeCount(record, key);
      const row: ComparisonRow = {
        id: record.id,
        programme: record.programme,
        period: record.period,
        outcome: key,
        count,
        denominator: value,
        denominatorKind: kind,
        rate: null,
        lower: null,
        upper: null,
        target: null,
        meetsTarget: null,
      };
      if (count !== null && value !== null && value > 0) {
        const rate = outcomeRates(record, { denominator: kind, method, level, outcomes: [key] })[0];
        if (rate !== undefined) {
          row.rate = rate.rate;
          row.lower = rate.lower;
          row.upper = rate.upper;
          row.target = rate.target ?? null;
          row.meetsTarget = rate.meetsTarget ?? null;
        }
      }
      rows.push(row);
    }
  }

  const focal = (record: ProgrammeYear): { x: number; n: number } => {
    const x = outcomeCount(record, outcome);
    const { value, field } = denominatorValue(record, kind);
    if (x === null) invalidInput("outcome", `"${outcome}" is not reported in record ${record.id}`, outcome);
    if (value === null || value === 0)
      invalidInput("denominator", `"${kind}" is not reported in record ${record.id} (${field})`, kind);
    return { x, n: value };
  };
  const ref = focal(referenceRecord);
  const comparisons = list
    .filter((record) => record.id !== reference)
    .map((record) => {
      const other = focal(record);
      return {
        id: record.id,
        reference,
        ...compareProportions({ x1: other.x, n1: other.n, x2: ref.x, n2: ref.n, level }),
      };
    });

  return {
    method: "harmonised programme comparison",
    denominatorKind: kind,
    outcome,
    reference,
    rows,
    comparisons,
    cautions: cautionsFor(list, outcomes, kind),
  };
}

function cautionsFor(
  list: ProgrammeYear[],
  outcomes: AnyOutcomeKey[],
  kind: DenominatorKind,
): ComparisonCaution[] {
  const cautions: ComparisonCaution[] = [];
  const all = list.map((record) => record.id);
  const definitions = new Set(list.map((record) => record.exits.definition));
  if (definitions.size > 1 || definitions.has("unspecified"))
    cautions.push({
      code: "exit-definition",
      ids: all,
      message: `exits are defined differently (${list.map((r) => `${r.id}: ${r.exits.definition}${r.exits.definitionLabel ? ` "${r.exits.definitionLabel}"` : ""}`).join("; ")}): rates over planned exits leave out drop-outs and are higher than rates over all exits`,
    });
  const tagSets = list.map((record) => (record.targetGroup?.tags ?? []).slice().sort().join(","));
  if (new Set(tagSets).size > 1)
    cautions.push({
      code: "target-group",
      ids: all,
      message: `target groups differ (${list.map((r, i) => `${r.id}: ${tagSets[i] === "" ? "not described" : tagSets[i]}`).join("; ")}): e.g. a KVP-only programme and one that mixes KVP and social-assistance recipients serve different people, and self-selection between them is likely`,
    });
  const periods = new Set(list.map((record) => `${record.period.start}/${record.period.end}`));
  if (periods.size > 1) {
    const days = list.map(
      (record) => (Date.parse(record.period.end) - Date.parse(record.period.start)) / 86400000,
    );
    const unequal = Math.max(...days) - Math.min(...days) > 31;
    cautions.push({
      code: "period",
      ids: all,
      message: `periods differ (${list.map((r) => `${r.id}: ${r.period.start} to ${r.period.end}`).join("; ")})${unequal ? " and are of unequal length" : ""}: labour-market conditions and the intake change between periods`,
    });
  }
  for (const record of list) {
    const missing = outcomes.filter(
      (key) => outcomeCount(record, key) === null && list.some((other) => outcomeCount(other, key) !== null),
    );
    if (missing.length > 0)
      cautions.push({
        code: "missing-outcome",
        ids: [record.id],
        message: `${record.id} does not report ${missing.join(", ")}, which other records do (null, not 0): those exits may sit in a residual category`,
      });
  }
  const residual = list.filter((record) => (record.exits.byOutcome.otherFollowUp ?? 0) > 0).map((r) => r.id);
  if (residual.length > 0 && residual.length < list.length)
    cautions.push({
      code: "residual-category",
      ids: residual,
      message: `${residual.join(", ")} report a coarse residual ("other follow-up") that likely mixes social assistance, parental leave and moves, which others report separately`,
    });
  for (const record of list) {
    const check = checkFlows(record);
    if (!check.ok)
      cautions.push({
        code: "inconsistent-record",
        ids: [record.id],
        message: `${record.id} fails ${check.findings.map((f) => `${f.rule} (gap ${Number.isInteger(f.gap) ? f.gap : f.gap.toFixed(3)})`).join(", ")}`,
      });
  }
  if (kind === "exits")
    cautions.push({
      code: "denominator",
      ids: all,
      message:
        "rates are shares of exits, not of participants: programmes that keep participants longer, or exit fewer, can show higher exit rates with fewer people in work",
    });
  return cautions;
}
