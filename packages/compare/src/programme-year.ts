import { parseOptions, TiltakError } from "@tiltak/core";
import * as z from "zod/mini";

/**
 * The canonical exit outcomes, based on the Bergen reporting-form codes (A, AD, UT, AS, AP, SU, SH, U,
 * FF, FP, AN, U-ukjent). `work` is the sum of `workFullTime` and `workPartTime` where the split is given;
 * `education` is upper-secondary or higher, `primarySchool` (grunnskole) is kept apart from it.
 *
 * @see docs/methods/compare/programme-year.md
 *
 * @example
 * ```ts
 * import { outcomeKeys } from "@tiltak/compare";
 * outcomeKeys.length; // => 14
 * outcomeKeys[0]; // => "work"
 * ```
 */
export const outcomeKeys: readonly [
  "work",
  "workFullTime",
  "workPartTime",
  "education",
  "primarySchool",
  "labourMarketMeasure",
  "healthBenefit",
  "socialAssistance",
  "parentalLeave",
  "supportedByFamily",
  "otherFollowUp",
  "moved",
  "other",
  "unknown",
] = [
  "work",
  "workFullTime",
  "workPartTime",
  "education",
  "primarySchool",
  "labourMarketMeasure",
  "healthBenefit",
  "socialAssistance",
  "parentalLeave",
  "supportedByFamily",
  "otherFollowUp",
  "moved",
  "other",
  "unknown",
] as const;

/** One of {@link outcomeKeys}. */
export type OutcomeKey = (typeof outcomeKeys)[number];

/**
 * Outcomes that some reports give only as a combination, with the canonical outcomes they add up:
 * `workOrEducation` (work + education), `benefit` (healthBenefit + socialAssistance, NorA 2021's
 * "other benefits" target) and `parentalLeaveOrMoved` (Jobbsjansen's "outside the project's control").
 *
 * @example
 * ```ts
 * import { compositeOutcomes } from "@tiltak/compare";
 * compositeOutcomes.workOrEducation; // => ["work", "education"]
 * ```
 */
export const compositeOutcomes: {
  readonly workOrEducation: readonly ["work", "education"];
  readonly benefit: readonly ["healthBenefit", "socialAssistance"];
  readonly parentalLeaveOrMoved: readonly ["parentalLeave", "moved"];
} = {
  workOrEducation: ["work", "education"],
  benefit: ["healthBenefit", "socialAssistance"],
  parentalLeaveOrMoved: ["parentalLeave", "moved"],
} as const;

/** One of the keys of {@link compositeOutcomes}. */
export type CompositeOutcomeKey = keyof typeof compositeOutcomes;

/** A canonical or a composite outcome. */
export type AnyOutcomeKey = OutcomeKey | CompositeOutcomeKey;

/**
 * Every outcome name a record, a target or a reported figure may use: the 14 canonical outcomes
 * followed by the composites.
 *
 * @example
 * ```ts
 * import { anyOutcomeKeys } from "@tiltak/compare";
 * anyOutcomeKeys.includes("workOrEducation"); // => true
 * ```
 */
export const anyOutcomeKeys: readonly AnyOutcomeKey[] = [
  ...outcomeKeys,
  ...(Object.keys(compositeOutcomes) as CompositeOutcomeKey[]),
];

/**
 * What a rate is a share of: the exits of the period (`exits.total`), the unique participants
 * (`participants.unique`), those active at the period's end (`participants.activeEnd`) or the new
 * referrals (`participants.newReferrals`).
 *
 * @example
 * ```ts
 * import { denominatorKinds } from "@tiltak/compare";
 * denominatorKinds; // => ["exits", "participants", "activeEnd", "referrals"]
 * ```
 */
export const denominatorKinds: readonly ["exits", "participants", "activeEnd", "referrals"] = [
  "exits",
  "participants",
  "activeEnd",
  "referrals",
] as const;

/** One of {@link denominatorKinds}. */
export type DenominatorKind = (typeof denominatorKinds)[number];

/**
 * How a report defines the exits it counts: `planned` (planmessig avsluttet), `plannedExcludingMoves`
 * (planned exits with moves taken out, "eksklusiv flytting"), `all` (every exit, planned or not) or
 * `unspecified`.
 *
 * @example
 * ```ts
 * import { exitDefinitions } from "@tiltak/compare";
 * exitDefinitions.includes("planned"); // => true
 * ```
 */
export const exitDefinitions: readonly ["planned", "plannedExcludingMoves", "all", "unspecified"] = [
  "planned",
  "plannedExcludingMoves",
  "all",
  "unspecified",
] as const;

/** One of {@link exitDefinitions}. */
export type ExitDefinition = (typeof exitDefinitions)[number];

/** A count as reported: a non-negative integer, or `null` when the document does not report it. */
export type Count = number | null;

/** Stock and flow of participants over the period. Every count is `null` when not reported. */
export interface Participants {
  /** Unique participants followed up during the period (the stock at the start plus everyone who entered). */
  unique: Count;
  /** Participants still active at the end of the period. */
  activeEnd: Count;
  /** New referrals received during the period. */
  newReferrals: Count;
  /** Participants carried in from the previous period (active at its start). */
  carriedIn: Count;
  /** Referred people who started during the period, when it differs from `newReferrals`. */
  started: Count;
  /** Referred people who never showed up. */
  noShows: Count;
  /** Participants who dropped out (unplanned exits other than moves). */
  dropOuts: Count;
  /** Participants who moved away, when counted apart from `dropOuts` (not a reason inside it). */
  moved: Count;
  /** All unplanned exits when reported as one figure; otherwise the sum of `noShows`, `dropOuts`, `moved`. */
  unplannedExits: Count;
  /** Applicants, where people apply (Jobbsjansen). */
  applicants: Count;
  /** Applicants offered a place. */
  offered: Count;
  /** The report's own definition of its participant count, in its words. */
  definition?: string | undefined;
}

/** One outcome line as the document reports it. */
export interface ReportedOutcome {
  /** The label as reported, in the document's language (e.g. "lønnet arbeid"). */
  label: string;
  /** An English gloss of the label. */
  gloss: string;
  /** The count, when reported (or back-solved from `percent`, which adds a flag). */
  count?: number | undefined;
  /** The percentage as reported, in [0, 100]. */
  percent?: number | undefined;
  /** The canonical (or composite) outcome the line maps to. */
  outcome: AnyOutcomeKey;
  /** Code on the reporting form (e.g. "AD"), if any. */
  code?: string | undefined;
  /** Where in the source document, as printed (section, table, page), e.g. "3.2 Resultater pr. 31.12.2024". */
  lines?: string | undefined;
}

/** Exits during the period. */
export interface Exits {
  /** The number of exits of the kind `definition` names. */
  total: Count;
  /** Which exits `total` counts. */
  definition: ExitDefinition;
  /** The document's own wording of the definition (e.g. "planmessig avsluttet"). */
  definitionLabel?: string | undefined;
  /** Exits by canonical outcome; `null` = not reported (never a guessed 0). */
  byOutcome: Record<OutcomeKey, Count>;
  /** The outcome lines as the document reports them, each mapped to a canonical outcome. */
  reported: ReportedOutcome[];
}

/** A rate the document states, kept beside the recomputed one. */
export interface ReportedRate {
  /** The outcome the rate is of. */
  outcome: AnyOutcomeKey;
  /** The stated rate, in [0, 1] (50 % is 0.5). */
  rate: number;
  /** What the document says the rate is a share of (`unspecified` when it does not say). */
  denominator: DenominatorKind | "unspecified";
  /** Decimals of the percentage as printed (0 for "50 %"); sets the rounding tolerance. Default 0. */
  decimals: number;
  /** The wording, e.g. "50 % av deltakerne". */
  label?: string | undefined;
  /** Where in the source document, as printed (section, table, page), e.g. "3.2 Resultater pr. 31.12.2024". */
  lines?: string | undefined;
}

/** A note on how a value was obtained (back-solved, derived, ambiguous). */
export interface RecordFlag {
  /** A short machine-readable code, e.g. `back-solved`, `derived`, `ambiguous`. */
  code: string;
  /** The field the flag is about, e.g. `exits.reported[0].count`. */
  path?: string | undefined;
  /** What was done or what is uncertain. */
  message: string;
}

/** The target group, for comparability cautions. */
export interface TargetGroup {
  /** A description in words. */
  description: string;
  /** Tags for comparison, e.g. `kvp`, `social-assistance`, `women-only`; groups with different tags draw a caution. */
  tags: string[];
}

/** One programme's figures for one period (a programme-year). See `docs/methods/compare/programme-year.md`. */
export interface ProgrammeYear {
  /** A stable identifier, e.g. `nora-bergen-2024`. */
  id: string;
  /** The programme's name. */
  programme: string;
  /** The organisation running it. */
  organisation: string | null;
  /** The municipality. */
  municipality: string | null;
  /** The reporting period, ISO dates (`YYYY-MM-DD`), inclusive. */
  period: { start: string; end: string };
  /** The target group, if described. */
  targetGroup?: TargetGroup | undefined;
  /** Stock and flow of participants. */
  participants: Participants;
  /** Exits and their outcomes. */
  exits: Exits;
  /** Target rates by outcome, in [0, 1], as shares of exits unless `targetsDenominator` says otherwise. */
  targets: Partial<Record<AnyOutcomeKey, number>>;
  /** What the targets are shares of. Default `exits`. */
  targetsDenominator: DenominatorKind;
  /** Rates the document states. */
  reportedRates: ReportedRate[];
  /** Where the figures come from. */
  source: { document: string; lines: string };
  /** Notes on derived, back-solved or ambiguous values. */
  flags?: RecordFlag[] | undefined;
}

/**
 * The input form of {@link ProgrammeYear}: every count, list and default may be left out (counts become
 * `null` = not reported, lists empty, `exits.definition` `unspecified`, `targetsDenominator` `exits`).
 */
export interface ProgrammeYearInput {
  /** A stable identifier, e.g. `nora-2024`. */
  id: string;
  /** The programme's name. */
  programme: string;
  /** The organisation running it; `null` or left out when not stated. */
  organisation?: string | null | undefined;
  /** The municipality; `null` or left out when not stated. */
  municipality?: string | null | undefined;
  /** The period: `{ start, end }` ISO dates, a year (`2024`), or `"YYYY-MM-DD/YYYY-MM-DD"`. */
  period: { start: string; end: string } | number | string;
  /** The target group, if described. */
  targetGroup?: { description: string; tags?: string[] | undefined } | undefined;
  /** Stock and flow of participants; counts left out are `null` (not reported). */
  participants?: { [K in keyof Participants]?: Participants[K] | undefined } | undefined;
  /** Exits: `total`, `definition` (or its wording), `byOutcome` counts and the outcome lines as reported. */
  exits: {
    total?: Count | undefined;
    definition?: ExitDefinition | (string & {}) | undefined;
    definitionLabel?: string | undefined;
    byOutcome?: Partial<Record<OutcomeKey, Count | undefined>> | undefined;
    reported?: ReportedOutcome[] | undefined;
  };
  /** Target rates by outcome, in [0, 1]. */
  targets?: Partial<Record<AnyOutcomeKey, number | undefined>> | undefined;
  /** What the targets are shares of. Default `exits`. */
  targetsDenominator?: DenominatorKind | undefined;
  /** Rates the document states (`decimals` defaults to 0). */
  reportedRates?: (Omit<ReportedRate, "decimals"> & { decimals?: number | undefined })[] | undefined;
  /** Where the figures come from: the document's citation and the sections, tables or pages as printed. */
  source: { document: string; lines: string };
  /** Notes on derived, back-solved or ambiguous values. */
  flags?: RecordFlag[] | undefined;
}

const count = z.union([
  z.int().check(z.minimum(0, { error: "must be a non-negative integer or null" })),
  z.null(),
]);
const countField = z._default(count, null);
const lineRef = z.string().check(z.minLength(1));
const isoDate = z.iso.date();

const participantsSchema = z.strictObject({
  unique: countField,
  activeEnd: countField,
  newReferrals: countField,
  carriedIn: countField,
  started: countField,
  noShows: countField,
  dropOuts: countField,
  moved: countField,
  unplannedExits: countField,
  applicants: countField,
  offered: countField,
  definition: z.optional(z.string()),
});

const outcomeEnum = z.enum(anyOutcomeKeys as [AnyOutcomeKey, ...AnyOutcomeKey[]]);
const rate01 = z
  .number()
  .check(z.minimum(0, { error: "must be in [0, 1]" }), z.maximum(1, { error: "must be in [0, 1]" }));

const byOutcomeSchema = z.strictObject(
  Object.fromEntries(outcomeKeys.map((key) => [key, countField])) as Record<OutcomeKey, typeof countField>,
);

const reportedOutcomeSchema = z.strictObject({
  label: z.string().check(z.minLength(1)),
  gloss: z.string().check(z.minLength(1)),
  count: z.optional(z.int().check(z.minimum(0, { error: "must be a non-negative integer" }))),
  percent: z.optional(
    z
      .number()
      .check(
        z.minimum(0, { error: "must be in [0, 100]" }),
        z.maximum(100, { error: "must be in [0, 100]" }),
      ),
  ),
  outcome: outcomeEnum,
  code: z.optional(z.string()),
  lines: z.optional(lineRef),
});

const reportedRateSchema = z.strictObject({
  outcome: outcomeEnum,
  rate: rate01,
  denominator: z.enum([...denominatorKinds, "unspecified"]),
  decimals: z._default(z.int().check(z.minimum(0), z.maximum(6)), 0),
  label: z.optional(z.string()),
  lines: z.optional(lineRef),
});

const flagSchema = z.strictObject({
  code: z.string().check(z.minLength(1)),
  path: z.optional(z.string()),
  message: z.string().check(z.minLength(1)),
});

const periodAccepts = 'must be { start, end } (ISO dates), a year (2024) or "YYYY-MM-DD/YYYY-MM-DD"';
const periodSchema = z.pipe(
  z.union(
    [
      z.strictObject({ start: isoDate, end: isoDate }),
      z.int().check(z.minimum(1000), z.maximum(9999)),
      z.string().check(z.regex(/^\d{4}$|^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/, { error: periodAccepts })),
    ],
    { error: periodAccepts },
  ),
  z.transform((period): { start: string; end: string } => {
    if (typeof period === "object") return period;
    const text = String(period);
    if (/^\d{4}$/.test(text)) return { start: `${text}-01-01`, end: `${text}-12-31` };
    const [start, end] = text.split("/") as [string, string];
    return { start, end };
  }),
);

/** Maps a definition given in words to {@link exitDefinitions}; unknown wording is `unspecified`. */
function exitDefinitionOf(text: string): ExitDefinition {
  if ((exitDefinitions as readonly string[]).includes(text)) return text as ExitDefinition;
  const lower = text.toLowerCase();
  if (/eksklusiv flytting|excluding mov|excl\.? mov|uten flytting/.test(lower))
    return "plannedExcludingMoves";
  if (/planmessig|planned|gjennomf/.test(lower)) return "planned";
  if (/^all\b|^alle\b|all exits|alle avslutt/.test(lower)) return "all";
  return "unspecified";
}

const exitsSchema = z.pipe(
  z.strictObject({
    total: countField,
    definition: z._default(z.string().check(z.minLength(1)), "unspecified"),
    definitionLabel: z.optional(z.string()),
    byOutcome: z.prefault(byOutcomeSchema, {}),
    reported: z._default(z.array(reportedOutcomeSchema), []),
  }),
  z.transform((exits) => {
    const definition = exitDefinitionOf(exits.definition);
    const out = { ...exits, definition };
    if (definition !== exits.definition && exits.definitionLabel === undefined)
      out.definitionLabel = exits.definition;
    return out;
  }),
);

const programmeYearBase = z.looseObject({
  id: z.string().check(z.minLength(1)),
  programme: z.string().check(z.minLength(1)),
  organisation: z._default(z.nullable(z.string()), null),
  municipality: z._default(z.nullable(z.string()), null),
  period: periodSchema,
  targetGroup: z.optional(
    z.strictObject({ description: z.string(), tags: z._default(z.array(z.string()), []) }),
  ),
  participants: z.prefault(participantsSchema, {}),
  exits: exitsSchema,
  targets: z._default(z.partialRecord(outcomeEnum, rate01), {}),
  targetsDenominator: z._default(z.enum(denominatorKinds), "exits"),
  reportedRates: z._default(z.array(reportedRateSchema), []),
  source: z.strictObject({ document: z.string().check(z.minLength(1)), lines: lineRef }),
  flags: z.optional(z.array(flagSchema)),
});

/**
 * The zod schema of a {@link ProgrammeYear}: validates a record, fills what is left out with `null`
 * (not reported) or empty lists, and back-solves percent-only reported lines to counts (flagged
 * `back-solved`; see {@link backSolveCount}). Negative or fractional counts, rates outside [0, 1] and
 * percentages outside [0, 100] are rejected; figures that contradict each other are left for
 * {@link checkFlows} to report.
 *
 * @see docs/methods/compare/programme-year.md
 *
 * @example
 * ```ts
 * import { programmeYearSchema } from "@tiltak/compare";
 * const record = programmeYearSchema.parse({ id: "x", programme: "X", period: { start: "2024-01-01", end: "2024-12-31" }, exits: { total: 10 }, source: { document: "report", lines: "p. 1" } });
 * record.exits.byOutcome.work; // => null
 * record.participants.unique; // => null
 * ```
 */
export const programmeYearSchema: z.ZodMiniType<ProgrammeYear, ProgrammeYearInput> = z.pipe(
  programmeYearBase.check(
    z.superRefine((record, context) => {
      if (record.period.end < record.period.start)
        context.addIssue({
          code: "custom",
          path: ["period", "end"],
          message: `must not be before period.start (${record.period.start}), got "${record.period.end}"`,
        });
      record.exits.reported.forEach((line, index) => {
        if (line.count === undefined && line.percent === undefined)
          context.addIssue({
            code: "custom",
            path: ["exits", "reported", index],
            message: "must give a count or a percent (or both)",
          });
        if (line.count === undefined && line.percent !== undefined && record.exits.total === null)
          context.addIssue({
            code: "custom",
            path: ["exits", "reported", index, "count"],
            message:
              "is required when exits.total is null (a percent cannot be back-solved without its base)",
          });
      });
    }),
  ),
  z.transform(
    (record): ProgrammeYear => backSolveRecord(withoutUnknownKeys(record as Record<string, unknown>)),
  ),
);

const knownKeys = new Set([
  "id",
  "programme",
  "organisation",
  "municipality",
  "period",
  "targetGroup",
  "participants",
  "exits",
  "targets",
  "targetsDenominator",
  "reportedRates",
  "source",
  "flags",
]);

/** Drops top-level fields that are not part of a ProgrammeYear, noting each in `flags` (code `ignored`). */
function withoutUnknownKeys(record: Record<string, unknown>): ProgrammeYear {
  const unknown = Object.keys(record).filter((key) => !knownKeys.has(key));
  if (unknown.length === 0) return record as unknown as ProgrammeYear;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (knownKeys.has(key)) out[key] = record[key];
  const flags = [...((record.flags as RecordFlag[] | undefined) ?? [])];
  for (const key of unknown)
    flags.push({
      code: "ignored",
      path: key,
      message: `${key} is not a ProgrammeYear field; it was left out`,
    });
  out.flags = flags;
  return out as unknown as ProgrammeYear;
}

/**
 * The schema of a {@link ProgrammeYear} under the name docs/design.md gives it. The value (a zod schema) and
 * the type share the name, so `ProgrammeYear.parse(x)` validates and `ProgrammeYear` types the result.
 * Identical to {@link programmeYearSchema}.
 *
 * @example
 * ```ts
 * import { ProgrammeYear, programmeYearSchema } from "@tiltak/compare";
 * ProgrammeYear === programmeYearSchema; // => true
 * ```
 */
export const ProgrammeYear: z.ZodMiniType<ProgrammeYear, ProgrammeYearInput> = programmeYearSchema;

/**
 * Validates a programme-year record and returns it with defaults filled in and percent-only lines
 * back-solved. Bad records throw `TiltakError` `INVALID_INPUT` naming the field.
 *
 * @param record - a programme-year in its input form
 * @returns the validated {@link ProgrammeYear}
 * @throws TiltakError `INVALID_INPUT` (negative counts, rates outside [0, 1], unknown fields),
 *   `INCONSISTENT_DATA` (a percent that no whole count of the exits reproduces)
 *
 * @example
 * ```ts
 * import { defineProgrammeYear } from "@tiltak/compare";
 * const jobbsjansen = defineProgrammeYear({ id: "jobbsjansen-bergen-2024", programme: "Jobbsjansen", period: { start: "2024-01-01", end: "2024-12-31" }, exits: { total: 27, definition: "all", reported: [{ label: "arbeid og utdanning", gloss: "work and education", percent: 74, outcome: "workOrEducation" }] }, source: { document: "Ny sjanse annual report 2024", lines: "6.1 Jobbsjansen – Bergen" } });
 * jobbsjansen.exits.reported[0]?.count; // => 20
 * jobbsjansen.flags?.[0]?.code; // => "back-solved"
 * defineProgrammeYear({ id: "x", programme: "X", period: { start: "2024-01-01", end: "2024-12-31" }, exits: { total: -1 }, source: { document: "d", lines: "p. 1" } }); // => throws INVALID_INPUT "exits.total must be a non-negative integer or null, got -1"
 * ```
 */
export function defineProgrammeYear(record: ProgrammeYearInput): ProgrammeYear {
  return parseOptions(programmeYearSchema, record);
}

/** Options of {@link backSolveCount}. */
export interface BackSolveOptions {
  /** The percentage as printed, in [0, 100]. */
  percent: number;
  /** The base (denominator) it is a percentage of: a non-negative integer. */
  base: number;
  /** Decimals the percentage was printed with (0 for "74 %"). Default 0. */
  decimals?: number | undefined;
}

/** Result of {@link backSolveCount}. */
export interface BackSolveResult {
  /** The count nearest to `percent` × `base` / 100 among those that reproduce the printed percentage. */
  count: number;
  /** Every whole count whose percentage rounds to the printed one. */
  candidates: number[];
  /** Whether more than one count reproduces it. */
  ambiguous: boolean;
  /** The half-width of the rounding interval, in percentage points (0.5 for whole percents). */
  tolerance: number;
  /** Echo of the inputs. */
  percent: number;
  /** Echo of the inputs. */
  base: number;
  /** Echo of the inputs. */
  decimals: number;
}

const backSolveOptions: z.ZodMiniType<{ percent: number; base: number; decimals: number }> = z.strictObject({
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  base: z.int().check(z.minimum(0)),
  decimals: z._default(z.int().check(z.minimum(0), z.maximum(6)), 0),
});

/**
 * Finds the whole counts x of `base` whose percentage 100·x/base rounds to the printed `percent`
 * (within half a unit of its last decimal, boundaries included). Used to turn percent-only figures
 * such as Jobbsjansen's "74 % of 27 exits" into counts (20 is the only whole number that fits).
 *
 * @param options - `{ percent, base, decimals? }`
 * @returns `{ count, candidates, ambiguous, tolerance, … }`
 * @throws TiltakError `INCONSISTENT_DATA` when no whole count reproduces the percentage
 *
 * @example
 * ```ts
 * import { backSolveCount } from "@tiltak/compare";
 * backSolveCount({ percent: 74, base: 27 }).count; // => 20
 * backSolveCount({ percent: 50, base: 300 }).candidates; // => [149, 150, 151]
 * backSolveCount({ percent: 50, base: 0 }); // => throws INCONSISTENT_DATA "percent 50 cannot be reproduced by any whole count of base 0 (tolerance 0.5 percentage points)"
 * ```
 */
export function backSolveCount(options: BackSolveOptions): BackSolveResult {
  const { percent, base, decimals } = parseOptions(backSolveOptions, options);
  const tolerance = 0.5 * 10 ** -decimals;
  const candidates: number[] = [];
  const slack = 1e-9;
  const lowest = Math.max(0, Math.floor(((percent - tolerance) * base) / 100) - 1);
  const highest = Math.min(base, Math.ceil(((percent + tolerance) * base) / 100) + 1);
  if (base > 0)
    for (let x = lowest; x <= highest; x++) {
      if (Math.abs((100 * x) / base - percent) <= tolerance + slack) candidates.push(x);
    }
  if (candidates.length === 0)
    throw new TiltakError(
      "INCONSISTENT_DATA",
      `percent ${percent} cannot be reproduced by any whole count of base ${base} (tolerance ${tolerance} percentage points)`,
      [{ path: ["percent"], message: `no whole count of ${base} gives ${percent} %` }],
    );
  const exact = (percent * base) / 100;
  let best = candidates[0] as number;
  for (const x of candidates) if (Math.abs(x - exact) < Math.abs(best - exact)) best = x;
  return {
    count: best,
    candidates,
    ambiguous: candidates.length > 1,
    tolerance,
    percent,
    base,
    decimals,
  };
}

function percentDecimals(percent: number): number {
  const text = String(percent);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

function backSolveRecord(record: ProgrammeYear): ProgrammeYear {
  const total = record.exits.total;
  if (total === null) return record;
  const flags: RecordFlag[] = [...(record.flags ?? [])];
  const reported = record.exits.reported.map((line, index): ReportedOutcome => {
    if (line.count !== undefined || line.percent === undefined) return line;
    const path = `exits.reported[${index}].count`;
    let solved: BackSolveResult;
    try {
      solved = backSolveCount({
        percent: line.percent,
        base: total,
        decimals: percentDecimals(line.percent),
      });
    } catch (error) {
      throw new TiltakError(
        "INCONSISTENT_DATA",
        `exits.reported[${index}].percent ${line.percent} cannot be reproduced by any whole count of exits.total (${total})`,
        [{ path: ["exits", "reported", index, "percent"], message: String((error as Error).message) }],
      );
    }
    flags.push({
      code: solved.ambiguous ? "back-solved-ambiguous" : "back-solved",
      path,
      message: solved.ambiguous
        ? `${line.percent} % of ${total} fits counts ${solved.candidates.join(", ")}; took ${solved.count}, the nearest`
        : `${line.percent} % of ${total} back-solved to ${solved.count} (the only whole count within ±${solved.tolerance} percentage points)`,
    });
    return { ...line, count: solved.count };
  });
  if (flags.length === (record.flags ?? []).length) return record;
  return { ...record, exits: { ...record.exits, reported }, flags };
}
