import { invalidInput, parseOptions, type TableInput, TiltakError, toRecords } from "@tiltak/core";
import * as z from "zod/mini";
import { type OutcomeKey, outcomeKeys, type ProgrammeYear } from "./programme-year.js";

/**
 * A period to count over: a year (`2024` or `"2024"`), a quarter (`"2024-Q1"`), a month (`"2024-03"`),
 * `"YYYY-MM-DD/YYYY-MM-DD"` or `{ start, end }` (ISO dates, both days included).
 */
export type SpellPeriod = number | string | { start: string; end: string };

/** Column names of the spell fields, when the table calls them something else. */
export interface SpellFields {
  /** The person's id. Default `personId`. */
  personId?: string | undefined;
  /** The referral date. Default `referred`. */
  referred?: string | undefined;
  /** The start date (empty when the referral never started). Default `start`. */
  start?: string | undefined;
  /** The end date (empty while the spell is active). Default `end`. */
  end?: string | undefined;
  /** The exit reason. Default `exitReason` (the column may be absent: every exit is then `unknown`). */
  exitReason?: string | undefined;
  /** Whether the exit was planned (true/false). Default `planned`. */
  planned?: string | undefined;
}

/** Options of {@link programmeYearsFromSpells} (and of `@tiltak/duckdb`'s function of the same name). */
export interface ProgrammeYearsFromSpellsOptions {
  /**
   * The periods: `"years"` (default), `"quarters"` or `"months"` from the earliest to the latest date of
   * the valid spells, or one or more {@link SpellPeriod}s. Periods may overlap (a year and its quarters);
   * each is counted on its own.
   */
  periods?: "years" | "quarters" | "months" | SpellPeriod | SpellPeriod[] | undefined;
  /**
   * Exit reason → canonical outcome (`{ "Lønnet arbeid": "work", … }`). A reason that is itself an
   * outcome key maps to itself; any other reason is counted as `other` and listed in `unmappedReasons`;
   * a missing reason is `unknown`.
   */
  outcomes?: Record<string, OutcomeKey> | undefined;
  /** Fields to group by (programme, office, year of arrival…): one record per group and period. */
  groupBy?: string[] | undefined;
  /** Count people (`"person"`, default: once per period however many spells) or spells (`"spell"`). */
  unit?: "person" | "spell" | undefined;
  /**
   * `"all"` (default): every exit is in `exits.total`. `"planned"`: `exits.total` and `byOutcome` count the
   * planned exits and `participants.unplannedExits` the others; `planned` must then be given on every
   * ended spell.
   */
  exitDefinition?: "all" | "planned" | undefined;
  /**
   * Bad rows (missing or unparseable dates, end before start, overlapping spells of a person): `"throw"`
   * (default) throws `INCONSISTENT_DATA` listing them; `"report"` leaves them out and lists them in
   * `invalid`.
   */
  onInvalid?: "throw" | "report" | undefined;
  /** Column names, when they differ from `personId`, `referred`, `start`, `end`, `exitReason`, `planned`. */
  fields?: SpellFields | undefined;
  /** The programme's name on every record. Default `"spells"`. */
  programme?: string | undefined;
  /** The source document named on every record (`source.document`). Default `"person-level spells"`. */
  document?: string | undefined;
}

/** The parsed form of {@link ProgrammeYearsFromSpellsOptions}: every default filled in. */
export interface ParsedSpellsOptions {
  /** The periods as given, or the name of the calendar unit to derive them by. */
  periods: "years" | "quarters" | "months" | SpellPeriod[];
  /** Exit reason → outcome. */
  outcomes: Record<string, OutcomeKey>;
  /** Grouping fields. */
  groupBy: string[];
  /** What is counted. */
  unit: "person" | "spell";
  /** Which exits are in `exits.total`. */
  exitDefinition: "all" | "planned";
  /** What bad rows do. */
  onInvalid: "throw" | "report";
  /** Column names. */
  fields: Required<{ [K in keyof SpellFields]: string }>;
  /** Programme name. */
  programme: string;
  /** Source document. */
  document: string;
}

const periodValue = z.union([z.number(), z.string(), z.strictObject({ start: z.string(), end: z.string() })]);
const nonEmpty = z.string().check(z.minLength(1));

/**
 * The zod/mini schema of {@link ProgrammeYearsFromSpellsOptions}: validates the options and fills the
 * defaults. Shared with `@tiltak/duckdb`, so both read options the same way.
 *
 * @example
 * ```ts
 * import { spellsOptionsSchema } from "@tiltak/compare";
 * import { parseOptions } from "@tiltak/core";
 * parseOptions(spellsOptionsSchema, {}).unit; // => "person"
 * parseOptions(spellsOptionsSchema, { unit: "spells" }); // => throws INVALID_INPUT
 * ```
 */
export const spellsOptionsSchema: z.ZodMiniType<ParsedSpellsOptions, ProgrammeYearsFromSpellsOptions> =
  z.pipe(
    z.strictObject({
      periods: z.optional(
        z.union([z.enum(["years", "quarters", "months"]), periodValue, z.array(periodValue)]),
      ),
      outcomes: z.optional(
        z.record(z.string(), z.enum(outcomeKeys as unknown as [OutcomeKey, ...OutcomeKey[]])),
      ),
      groupBy: z.optional(z.array(nonEmpty)),
      unit: z.optional(z.enum(["person", "spell"])),
      exitDefinition: z.optional(z.enum(["all", "planned"])),
      onInvalid: z.optional(z.enum(["throw", "report"])),
      fields: z.optional(
        z.strictObject({
          personId: z.optional(nonEmpty),
          referred: z.optional(nonEmpty),
          start: z.optional(nonEmpty),
          end: z.optional(nonEmpty),
          exitReason: z.optional(nonEmpty),
          planned: z.optional(nonEmpty),
        }),
      ),
      programme: z.optional(nonEmpty),
      document: z.optional(nonEmpty),
    }),
    z.transform((o): ParsedSpellsOptions => {
      const periods = o.periods ?? "years";
      return {
        periods:
          periods === "years" || periods === "quarters" || periods === "months"
            ? periods
            : Array.isArray(periods)
              ? periods
              : [periods],
        outcomes: o.outcomes ?? {},
        groupBy: o.groupBy ?? [],
        unit: o.unit ?? "person",
        exitDefinition: o.exitDefinition ?? "all",
        onInvalid: o.onInvalid ?? "throw",
        fields: {
          personId: o.fields?.personId ?? "personId",
          referred: o.fields?.referred ?? "referred",
          start: o.fields?.start ?? "start",
          end: o.fields?.end ?? "end",
          exitReason: o.fields?.exitReason ?? "exitReason",
          planned: o.fields?.planned ?? "planned",
        },
        programme: o.programme ?? "spells",
        document: o.document ?? "person-level spells",
      };
    }),
  ) as unknown as z.ZodMiniType<ParsedSpellsOptions, ProgrammeYearsFromSpellsOptions>;

/**
 * Parses options of {@link programmeYearsFromSpells} with {@link spellsOptionsSchema}.
 *
 * @param options - the options as the user gave them
 * @returns the options with every default filled in
 * @throws TiltakError `INVALID_INPUT` for an unknown option or a value it does not accept
 *
 * @example
 * ```ts
 * import { parseSpellsOptions } from "@tiltak/compare";
 * parseSpellsOptions({ periods: 2024 }).periods; // => [2024]
 * parseSpellsOptions({}).fields.personId; // => "personId"
 * ```
 */
export function parseSpellsOptions(options: ProgrammeYearsFromSpellsOptions = {}): ParsedSpellsOptions {
  return parseOptions(spellsOptionsSchema, options);
}

/** A period resolved to ISO dates, with the label used in record ids. */
export interface ResolvedPeriod {
  /** First day, ISO date. */
  start: string;
  /** Last day, ISO date (included). */
  end: string;
  /** `2024`, `2024-Q1`, `2024-03` or `start/end`. */
  label: string;
}

const dayMs = 86_400_000;
const isoPattern = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a strict ISO date `YYYY-MM-DD` (year 1000–9999), or null. */
function isoDay(text: string): number | null {
  if (!isoPattern.test(text)) return null;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / dayMs);
}

function isoOf(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

function periodLabel(start: string, end: string): string {
  const y = start.slice(0, 4);
  if (start.slice(0, 4) === end.slice(0, 4)) {
    if (start.slice(5) === "01-01" && end.slice(5) === "12-31") return y;
    for (let q = 1; q <= 4; q++) {
      const r = quarterRange(Number(y), q);
      if (r.start === start && r.end === end) return `${y}-Q${q}`;
    }
    if (start.slice(8) === "01" && start.slice(0, 7) === end.slice(0, 7)) {
      const m = Number(start.slice(5, 7));
      if (isoOf(Math.round(Date.UTC(Number(y), m, 0) / dayMs)) === end) return start.slice(0, 7);
    }
  }
  return `${start}/${end}`;
}

function quarterRange(year: number, q: number): { start: string; end: string } {
  const start = isoOf(Math.round(Date.UTC(year, 3 * (q - 1), 1) / dayMs));
  const end = isoOf(Math.round(Date.UTC(year, 3 * q, 0) / dayMs));
  return { start, end };
}

function resolveOne(period: SpellPeriod, index: number): { start: string; end: string } {
  const path: (string | number)[] = ["periods", index];
  const accepts =
    'must be a year (2024), "YYYY-Qn", "YYYY-MM", "YYYY-MM-DD/YYYY-MM-DD" or { start, end } (ISO dates)';
  let range: { start: string; end: string } | null = null;
  if (typeof period === "number") {
    if (Number.isInteger(period) && period >= 1000 && period <= 9999)
      range = { start: `${period}-01-01`, end: `${period}-12-31` };
  } else if (typeof period === "string") {
    const quarter = /^([1-9]\d{3})-Q([1-4])$/.exec(period);
    const month = /^([1-9]\d{3})-(\d{2})$/.exec(period);
    const span = /^(.+)\/(.+)$/.exec(period);
    if (/^[1-9]\d{3}$/.test(period)) range = { start: `${period}-01-01`, end: `${period}-12-31` };
    else if (quarter) range = quarterRange(Number(quarter[1]), Number(quarter[2]));
    else if (month) {
      const m = Number(month[2]);
      if (m >= 1 && m <= 12)
        range = {
          start: `${month[1]}-${month[2]}-01`,
          end: isoOf(Math.round(Date.UTC(Number(month[1]), m, 0) / dayMs)),
        };
    } else if (span) range = { start: span[1] ?? "", end: span[2] ?? "" };
  } else range = period;
  if (range === null || isoDay(range.start) === null || isoDay(range.end) === null)
    invalidInput(path, accepts, period);
  if (range.end < range.start) invalidInput(path, `must not end (${range.end}) before it starts`, period);
  return range;
}

/**
 * Resolves the `periods` option to ISO date ranges with labels. `"years"`, `"quarters"` and `"months"`
 * run from the one containing `range.first` to the one containing `range.last` (the earliest and latest
 * date of the valid spells); explicit periods are kept in the order given.
 *
 * @param periods - the parsed `periods` option
 * @param range - the first and last date of the data (needed for `"years"`, `"quarters"`, `"months"`)
 * @returns the periods, each `{ start, end, label }`
 * @throws TiltakError `INVALID_INPUT` for a malformed or repeated period
 *
 * @example
 * ```ts
 * import { resolveSpellPeriods } from "@tiltak/compare";
 * resolveSpellPeriods("years", { first: "2023-05-01", last: "2024-02-01" }).map((p) => p.label); // => ["2023", "2024"]
 * resolveSpellPeriods(["2024-Q1"], null)[0]; // => { start: "2024-01-01", end: "2024-03-31", label: "2024-Q1" }
 * ```
 */
export function resolveSpellPeriods(
  periods: ParsedSpellsOptions["periods"],
  range: { first: string; last: string } | null,
): ResolvedPeriod[] {
  let ranges: { start: string; end: string }[] = [];
  if (typeof periods === "string") {
    if (range === null) return [];
    const y0 = Number(range.first.slice(0, 4));
    const y1 = Number(range.last.slice(0, 4));
    if (periods === "years") for (let y = y0; y <= y1; y++) ranges.push(resolveOne(y, 0));
    else {
      const m0 = y0 * 12 + Number(range.first.slice(5, 7)) - 1;
      const m1 = y1 * 12 + Number(range.last.slice(5, 7)) - 1;
      const step = periods === "quarters" ? 3 : 1;
      for (let m = m0 - (m0 % step); m <= m1; m += step) {
        const y = Math.floor(m / 12);
        const month = m % 12;
        ranges.push({
          start: isoOf(Math.round(Date.UTC(y, month, 1) / dayMs)),
          end: isoOf(Math.round(Date.UTC(y, month + step, 0) / dayMs)),
        });
      }
    }
  } else {
    ranges = periods.map(resolveOne);
    const seen = new Map<string, number>();
    ranges.forEach((r, i) => {
      const key = `${r.start}/${r.end}`;
      const before = seen.get(key);
      if (before !== undefined)
        invalidInput(["periods", i], `must differ from periods[${before}]`, periods[i]);
      seen.set(key, i);
    });
  }
  return ranges.map((r) => ({ start: r.start, end: r.end, label: periodLabel(r.start, r.end) }));
}

/** A row left out of the counts, with why. */
export interface InvalidSpell {
  /** The row's number, 1-based: the n-th spell (in a CSV with a header, line n + 1). */
  row: number;
  /** The row's person id (as text), or `null` when missing. */
  personId: string | null;
  /** Every reason the row is invalid. */
  reasons: string[];
}

/** An exit reason that `options.outcomes` does not map (its exits are counted as `other`). */
export interface UnmappedReason {
  /** The reason as written in the data. */
  reason: string;
  /** How many valid ended spells give it (over all periods). */
  spells: number;
  /** The first row giving it. */
  firstRow: number;
}

/** Which group and period a record counts. */
export interface SpellRecordGroup {
  /** The record's id. */
  id: string;
  /** The group's values, by `groupBy` field (as text; `null` for a missing value). */
  group: Record<string, string | null>;
  /** The period, ISO dates, both days included. */
  period: { start: string; end: string };
}

/** Result of {@link programmeYearsFromSpells}. */
export interface SpellsResult {
  /** `"programme-years from spells"`. */
  method: string;
  /** One record per group and period, groups sorted by their values, periods in order. */
  records: ProgrammeYear[];
  /** The group and period of each record (same order as `records`). */
  groups: SpellRecordGroup[];
  /** Rows left out (only with `onInvalid: "report"`; otherwise they throw), by row number. */
  invalid: InvalidSpell[];
  /** Exit reasons not mapped by `outcomes` (counted as `other`), most frequent first. */
  unmappedReasons: UnmappedReason[];
  /** Rows read, used and left out. */
  rows: { total: number; used: number; invalid: number };
  /** The options with defaults filled in and the periods resolved. */
  options: Omit<ParsedSpellsOptions, "periods"> & { periods: ResolvedPeriod[] };
}

/**
 * One cell of counts from spells: spells (or people) of one group in one period that share these flags
 * and, for exits, exit reason and planned flag. `unique` adds the cells that are `participant`s,
 * `carriedIn` and `activeEnd` the cells so flagged, and the exits are the participant cells not active
 * at the end. In memory every cell is one person (or spell); in SQL, with `unit: "person"`, a person's
 * last spell in the period is the `participant` (a person has at most one carried-in and one active
 * spell, so those count spells).
 */
export interface SpellCell {
  /** Group values, in `groupBy` order. */
  group: (string | null)[];
  /** Index into the resolved periods. */
  period: number;
  /** Whether these count as participants (and, when not active at the end, as exits). */
  participant: boolean;
  /** Whether their spell began before the period. */
  carriedIn: boolean;
  /** Whether they were still active after the period's last day. */
  activeEnd: boolean;
  /** Exit reason (`null` when active at the end or no reason given). */
  reason: string | null;
  /** Planned flag of the exit (`null` when active at the end, not given, or with `exitDefinition: "all"`). */
  planned: boolean | null;
  /** How many. */
  count: number;
}

/** Referral counts of one group in one period. */
export interface SpellReferralCell {
  /** Group values, in `groupBy` order. */
  group: (string | null)[];
  /** Index into the resolved periods. */
  period: number;
  /** Referrals (people or spells) dated in the period. */
  newReferrals: number;
  /** Of those, never started (people: and with no spell in the period). */
  noShows: number;
}

/** Counts computed from spells, in memory or in SQL, from which {@link programmeYearsFromCounts} builds records. */
export interface SpellCounts {
  /** Rows read. */
  rows: number;
  /** Rows left out, by row number. */
  invalid: InvalidSpell[];
  /** Distinct group values among the valid spells. */
  groups: (string | null)[][];
  /** The periods counted over. */
  periods: ResolvedPeriod[];
  /** Participation cells. */
  cells: SpellCell[];
  /** Referral cells. */
  referrals: SpellReferralCell[];
  /** Every exit reason among the valid ended spells: how many spells, first row. */
  reasons: { reason: string; spells: number; firstRow: number }[];
}

/** The reasons a field's value is not a date; `null` when it is missing. */
type DateParse = { day: number } | { missing: true } | { bad: string };

function describeRaw(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function parseDate(value: unknown): DateParse {
  if (value === null || value === undefined || value === "") return { missing: true };
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return { bad: "Invalid Date" };
    return { day: Math.floor(t / dayMs) };
  }
  if (typeof value === "string") {
    const day = isoDay(value);
    return day === null ? { bad: describeRaw(value) } : { day };
  }
  return { bad: describeRaw(value) };
}

/** Text of a value (ids, reasons, groups): `null` for missing or empty. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : isoOf(Math.floor(value.getTime() / dayMs));
  return String(value);
}

interface ParsedSpell {
  row: number;
  pid: string;
  group: (string | null)[];
  groupKey: string;
  referred: number;
  start: number | null;
  end: number | null;
  reason: string | null;
  planned: boolean | null;
}

const notDate = "is not a date (YYYY-MM-DD)";

function readPlanned(value: unknown): boolean | null | { bad: string } {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return { bad: describeRaw(value) };
}

/** The message of an overlap between spells of one person (the SQL of `@tiltak/duckdb` writes the same). */
function overlapReason(personId: string, rows: readonly number[]): string {
  return `spells of person ${JSON.stringify(personId)} overlap (rows ${rows.join(", ")}): a spell may start only on or after the day the previous one ends`;
}

/** Checks and parses spell rows: returns the valid spells and the invalid rows. */
function checkSpells(
  rows: Record<string, unknown>[],
  options: ParsedSpellsOptions,
): { spells: ParsedSpell[]; invalid: InvalidSpell[] } {
  const f = options.fields;
  const required = [f.personId, f.referred, f.start, f.end, ...options.groupBy];
  if (options.exitDefinition === "planned") required.push(f.planned);
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  const absent = required.filter((key) => !present.has(key));
  if (absent.length > 0)
    invalidInput(
      "spells",
      `must have the column${absent.length > 1 ? "s" : ""} ${absent.map((a) => JSON.stringify(a)).join(", ")}`,
      [...present],
    );
  const invalid: InvalidSpell[] = [];
  const candidates: ParsedSpell[] = [];
  rows.forEach((raw, index) => {
    const row = index + 1;
    const reasons: string[] = [];
    const pid = textOf(raw[f.personId]);
    if (pid === null) reasons.push("personId is missing");
    const referred = parseDate(raw[f.referred]);
    if ("missing" in referred) reasons.push("referred is missing");
    else if ("bad" in referred) reasons.push(`referred ${notDate}, got ${referred.bad}`);
    const start = parseDate(raw[f.start]);
    if ("bad" in start) reasons.push(`start ${notDate}, got ${start.bad}`);
    const end = parseDate(raw[f.end]);
    if ("bad" in end) reasons.push(`end ${notDate}, got ${end.bad}`);
    const planned = readPlanned(raw[f.planned]);
    if (planned !== null && typeof planned === "object")
      reasons.push(`planned must be true or false, got ${planned.bad}`);
    const r = "day" in referred ? referred.day : null;
    const s = "day" in start ? start.day : null;
    const e = "day" in end ? end.day : null;
    if (r !== null && s !== null && s < r)
      reasons.push(`start (${isoOf(s)}) is before referred (${isoOf(r)})`);
    if (s !== null && e !== null && e < s) reasons.push(`end (${isoOf(e)}) is before start (${isoOf(s)})`);
    if (r !== null && "missing" in start && e !== null && e < r)
      reasons.push(`end (${isoOf(e)}) is before referred (${isoOf(r)}) (never started)`);
    const reason = textOf(raw[f.exitReason]);
    if (reason !== null && "missing" in end && "day" in start)
      reasons.push(`exitReason ${JSON.stringify(reason)} is given but end is missing`);
    if (options.exitDefinition === "planned" && planned === null && "day" in start && "day" in end)
      reasons.push('planned is missing (exitDefinition "planned" needs it on every ended spell)');
    if (reasons.length > 0) {
      invalid.push({ row, personId: pid, reasons });
      return;
    }
    const group = options.groupBy.map((key) => textOf(raw[key]));
    candidates.push({
      row,
      pid: pid as string,
      group,
      groupKey: JSON.stringify(group),
      referred: r as number,
      start: s,
      end: "missing" in start ? null : e,
      reason: "missing" in start ? null : reason,
      planned:
        options.exitDefinition === "planned" && !("missing" in start) ? (planned as boolean | null) : null,
    });
  });
  // overlapping spells of one person (touching is allowed: a spell may start the day the previous ends)
  const byPerson = new Map<string, ParsedSpell[]>();
  for (const spell of candidates) {
    if (spell.start === null) continue;
    const list = byPerson.get(spell.pid);
    if (list === undefined) byPerson.set(spell.pid, [spell]);
    else list.push(spell);
  }
  const overlapping = new Set<number>();
  for (const [pid, list] of byPerson) {
    if (list.length < 2) continue;
    list.sort(
      (a, b) =>
        (a.start as number) - (b.start as number) ||
        (a.end ?? Number.POSITIVE_INFINITY) - (b.end ?? Number.POSITIVE_INFINITY) ||
        a.row - b.row,
    );
    const flagged: number[] = [];
    let maxEnd = Number.NEGATIVE_INFINITY;
    list.forEach((spell, i) => {
      const start = spell.start as number;
      const end = spell.end ?? Number.POSITIVE_INFINITY;
      const next = list[i + 1];
      if (start < maxEnd || (next !== undefined && (next.start as number) < end)) flagged.push(spell.row);
      if (end > maxEnd) maxEnd = end;
    });
    if (flagged.length > 0) {
      flagged.sort((a, b) => a - b);
      const reason = overlapReason(pid, flagged);
      for (const row of flagged) {
        overlapping.add(row);
        invalid.push({ row, personId: pid, reasons: [reason] });
      }
    }
  }
  invalid.sort((a, b) => a.row - b.row);
  const spells = overlapping.size === 0 ? candidates : candidates.filter((s) => !overlapping.has(s.row));
  return { spells, invalid };
}

/** Throws the INCONSISTENT_DATA error listing invalid rows (shared with `@tiltak/duckdb`). */
function throwInvalid(invalid: InvalidSpell[], total: number): never {
  const shown = invalid.slice(0, 10).map((bad) => `row ${bad.row}: ${bad.reasons.join("; ")}`);
  const more = invalid.length > 10 ? `; … and ${invalid.length - 10} more rows` : "";
  throw new TiltakError(
    "INCONSISTENT_DATA",
    `spells has ${invalid.length} invalid row${invalid.length === 1 ? "" : "s"} of ${total} (pass onInvalid: "report" to leave them out and list them): ${shown.join("; ")}${more}`,
    invalid.map((bad) => ({ path: ["spells", `row ${bad.row}`], message: bad.reasons.join("; ") })),
    { invalid },
  );
}

/** Index helper: for each day, the periods that contain it (periods sorted by start). */
function periodIndex(periods: ResolvedPeriod[]): (from: number, to: number) => number[] {
  const starts = periods.map((p) => isoDay(p.start) as number);
  const ends = periods.map((p) => isoDay(p.end) as number);
  const order = periods
    .map((_, i) => i)
    .sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
  const sortedStarts = order.map((i) => starts[i] as number);
  const prefixMaxEnd: number[] = [];
  let running = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    running = Math.max(running, ends[i] as number);
    prefixMaxEnd.push(running);
  }
  // periods overlapping [from, to]: start <= to and end >= from
  return (from, to) => {
    let lo = 0;
    let hi = sortedStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedStarts[mid] as number) <= to) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let j = lo - 1; j >= 0 && (prefixMaxEnd[j] as number) >= from; j--) {
      const p = order[j] as number;
      if ((ends[p] as number) >= from) out.push(p);
    }
    return out;
  };
}

/** Counts spells in memory into the same cells `@tiltak/duckdb` computes in SQL. */
function countSpells(
  spells: ParsedSpell[],
  periods: ResolvedPeriod[],
  options: ParsedSpellsOptions,
): { cells: SpellCell[]; referrals: SpellReferralCell[] } {
  const starts = periods.map((p) => isoDay(p.start) as number);
  const ends = periods.map((p) => isoDay(p.end) as number);
  const overlapping = periodIndex(periods);
  const cells = new Map<string, SpellCell>();
  const referrals = new Map<string, SpellReferralCell>();
  const addCell = (
    spell: ParsedSpell,
    period: number,
    carriedIn: boolean,
    activeEnd: boolean,
    exit: ParsedSpell | null,
  ): void => {
    const reason = activeEnd || exit === null ? null : exit.reason;
    const planned = activeEnd || exit === null ? null : exit.planned;
    const key = `${spell.groupKey}\u0000${period}\u0000${carriedIn}\u0000${activeEnd}\u0000${reason === null ? "\u0001" : reason}\u0000${planned}`;
    const cell = cells.get(key);
    if (cell === undefined)
      cells.set(key, {
        group: spell.group,
        period,
        participant: true,
        carriedIn,
        activeEnd,
        reason,
        planned,
        count: 1,
      });
    else cell.count++;
  };
  const addReferral = (spell: ParsedSpell, period: number, noShow: boolean): void => {
    const key = `${spell.groupKey}\u0000${period}`;
    let cell = referrals.get(key);
    if (cell === undefined) {
      cell = { group: spell.group, period, newReferrals: 0, noShows: 0 };
      referrals.set(key, cell);
    }
    cell.newReferrals++;
    if (noShow) cell.noShows++;
  };
  if (options.unit === "spell") {
    for (const spell of spells) {
      for (const p of overlapping(spell.referred, spell.referred))
        addReferral(spell, p, spell.start === null);
      if (spell.start === null) continue;
      for (const p of overlapping(spell.start, spell.end ?? Number.POSITIVE_INFINITY)) {
        const active = spell.end === null || spell.end > (ends[p] as number);
        addCell(spell, p, spell.start < (starts[p] as number), active, active ? null : spell);
      }
    }
    return { cells: [...cells.values()], referrals: [...referrals.values()] };
  }
  // unit "person": one state per person (within a group) and period
  const people = new Map<string, ParsedSpell[]>();
  for (const spell of spells) {
    const key = `${spell.groupKey}\u0000${spell.pid}`;
    const list = people.get(key);
    if (list === undefined) people.set(key, [spell]);
    else list.push(spell);
  }
  interface State {
    carried: boolean;
    active: boolean;
    last: ParsedSpell;
  }
  const later = (a: ParsedSpell, b: ParsedSpell): boolean => {
    const ae = a.end ?? Number.POSITIVE_INFINITY;
    const be = b.end ?? Number.POSITIVE_INFINITY;
    return ae !== be
      ? ae > be
      : a.start !== b.start
        ? (a.start as number) > (b.start as number)
        : a.row > b.row;
  };
  for (const list of people.values()) {
    const states = new Map<number, State>();
    const referred = new Map<number, boolean>(); // period → had a never-started referral
    for (const spell of list) {
      for (const p of overlapping(spell.referred, spell.referred))
        referred.set(p, (referred.get(p) ?? false) || spell.start === null);
      if (spell.start === null) continue;
      for (const p of overlapping(spell.start, spell.end ?? Number.POSITIVE_INFINITY)) {
        const carried = spell.start < (starts[p] as number);
        const active = spell.end === null || spell.end > (ends[p] as number);
        const state = states.get(p);
        if (state === undefined) states.set(p, { carried, active, last: spell });
        else {
          state.carried ||= carried;
          state.active ||= active;
          if (later(spell, state.last)) state.last = spell;
        }
      }
    }
    const first = list[0] as ParsedSpell;
    for (const [p, state] of states) addCell(first, p, state.carried, state.active, state.last);
    for (const [p, neverStarted] of referred) addReferral(first, p, neverStarted && !states.has(p));
  }
  return { cells: [...cells.values()], referrals: [...referrals.values()] };
}

function compareGroups(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function definitionText(options: ParsedSpellsOptions): { participants: string; exits: string } {
  const person = options.unit === "person";
  const who = person ? "people" : "spells";
  const participants = [
    `Counted from person-level spells by tiltak (unit: ${options.unit}). A spell runs from its start to its end date, both days included; the period too.`,
    `unique: ${who} with a spell that started on or before the period's last day and had not ended before its first day${person ? " (a person with two spells in the period counts once)" : " (a person with two spells in the period counts twice)"}.`,
    `carriedIn: of those, ${who} whose spell began before the period; started = unique − carriedIn${person ? " (people whose first spell in the period began in it)" : ""}.`,
    `activeEnd: ${who} with a spell that started on or before the period's last day and had not ended by it (still-active spells have no end date); a spell ending on the last day is an exit of the period, not active at its end; a spell starting on the last day is active at its end.`,
    `newReferrals: ${person ? "people with at least one referral dated in the period (a re-referral in the same period adds nobody; one in a later period counts there again)" : "referrals (spells) dated in the period, re-referrals included"}.`,
    `noShows: ${person ? "people referred in the period whose referral never started and who had no spell in the period" : "referrals dated in the period that never started"}; never-started referrals are neither participants nor exits.`,
    `unique = exits (planned and unplanned) + activeEnd and unique = carriedIn + started hold by construction.`,
  ].join(" ");
  const exits = [
    person
      ? "Exits: people in unique who were not active at the period's end, each once, with the exit reason of their last spell ending in the period."
      : "Exits: spells ending in the period (the last day included).",
    options.exitDefinition === "planned"
      ? "exits.total and byOutcome count planned exits; unplanned ones are participants.unplannedExits."
      : "exits.total counts every exit, planned or not.",
    "Reasons map to outcomes through options.outcomes (a reason that is an outcome key maps to itself); unmapped reasons count as other and are flagged; a missing reason is unknown. workFullTime/workPartTime are given only when no exit maps to plain work.",
  ].join(" ");
  return { participants, exits };
}

/**
 * Builds programme-year records from spell counts (computed in memory by
 * {@link programmeYearsFromSpells} or in SQL by `@tiltak/duckdb`), so both give identical records: the
 * outcome mapping, the definitions, ids, ordering and flags are made here. Throws the
 * `INCONSISTENT_DATA` error for invalid rows unless `onInvalid` is `"report"`.
 *
 * @param counts - rows, invalid rows, groups, periods, participation and referral cells, exit reasons
 * @param options - the parsed options ({@link parseSpellsOptions})
 * @returns the {@link SpellsResult}
 * @throws TiltakError `INCONSISTENT_DATA` for invalid rows (unless `onInvalid: "report"`) or when no row is valid
 *
 * @example
 * ```ts
 * import { parseSpellsOptions, programmeYearsFromCounts } from "@tiltak/compare";
 * const options = parseSpellsOptions({ periods: 2024 });
 * const periods = [{ start: "2024-01-01", end: "2024-12-31", label: "2024" }];
 * const result = programmeYearsFromCounts({ rows: 2, invalid: [], groups: [[]], periods, cells: [{ group: [], period: 0, participant: true, carriedIn: false, activeEnd: false, reason: "work", planned: null, count: 1 }, { group: [], period: 0, participant: true, carriedIn: true, activeEnd: true, reason: null, planned: null, count: 1 }], referrals: [], reasons: [{ reason: "work", spells: 1, firstRow: 1 }] }, options);
 * result.records[0]?.participants.unique; // => 2
 * result.records[0]?.exits.byOutcome.work; // => 1
 * ```
 */
export function programmeYearsFromCounts(counts: SpellCounts, options: ParsedSpellsOptions): SpellsResult {
  const invalidCount = counts.invalid.length;
  if (invalidCount > 0 && options.onInvalid === "throw") throwInvalid(counts.invalid, counts.rows);
  if (counts.rows - invalidCount === 0)
    throw new TiltakError(
      "INCONSISTENT_DATA",
      `spells has no valid row: all ${counts.rows} rows are invalid`,
      counts.invalid.map((bad) => ({ path: ["spells", `row ${bad.row}`], message: bad.reasons.join("; ") })),
      { invalid: counts.invalid },
    );
  const mapOutcome = (reason: string | null): { key: OutcomeKey; mapped: boolean } => {
    if (reason === null) return { key: "unknown", mapped: true };
    const mapped = Object.hasOwn(options.outcomes, reason) ? options.outcomes[reason] : undefined;
    if (mapped !== undefined) return { key: mapped, mapped: true };
    if ((outcomeKeys as readonly string[]).includes(reason))
      return { key: reason as OutcomeKey, mapped: true };
    return { key: "other", mapped: false };
  };
  const groups = [...counts.groups].sort(compareGroups);
  const periods = counts.periods;
  const definitions = definitionText(options);
  interface Acc {
    unique: number;
    carriedIn: number;
    activeEnd: number;
    total: number;
    unplanned: number;
    byOutcome: Record<OutcomeKey, number>;
    unmapped: Map<string, number>;
    newReferrals: number;
    noShows: number;
  }
  const accs = new Map<string, Acc>();
  const accOf = (group: readonly (string | null)[], period: number): Acc => {
    const key = `${JSON.stringify(group)}\u0000${period}`;
    let acc = accs.get(key);
    if (acc === undefined) {
      acc = {
        unique: 0,
        carriedIn: 0,
        activeEnd: 0,
        total: 0,
        unplanned: 0,
        byOutcome: Object.fromEntries(outcomeKeys.map((k) => [k, 0])) as Record<OutcomeKey, number>,
        unmapped: new Map(),
        newReferrals: 0,
        noShows: 0,
      };
      accs.set(key, acc);
    }
    return acc;
  };
  for (const cell of counts.cells) {
    const acc = accOf(cell.group, cell.period);
    if (cell.carriedIn) acc.carriedIn += cell.count;
    if (cell.activeEnd) acc.activeEnd += cell.count;
    if (!cell.participant) continue;
    acc.unique += cell.count;
    if (cell.activeEnd) continue;
    if (options.exitDefinition === "planned" && cell.planned !== true) {
      acc.unplanned += cell.count;
      continue;
    }
    acc.total += cell.count;
    const { key, mapped } = mapOutcome(cell.reason);
    acc.byOutcome[key] += cell.count;
    if (!mapped && cell.reason !== null)
      acc.unmapped.set(cell.reason, (acc.unmapped.get(cell.reason) ?? 0) + cell.count);
  }
  for (const cell of counts.referrals) {
    const acc = accOf(cell.group, cell.period);
    acc.newReferrals += cell.newReferrals;
    acc.noShows += cell.noShows;
  }
  const records: ProgrammeYear[] = [];
  const recordGroups: SpellRecordGroup[] = [];
  for (const group of groups) {
    periods.forEach((period, index) => {
      const acc = accOf(group, index);
      const groupText = options.groupBy.map((key, i) => `${key}=${group[i] ?? "null"}`);
      const id = [options.programme, ...groupText, period.label].join(":");
      const byOutcome: Record<OutcomeKey, number | null> = { ...acc.byOutcome };
      const flags: { code: string; path?: string; message: string }[] = [];
      const plainWork = acc.byOutcome.work;
      byOutcome.work = plainWork + acc.byOutcome.workFullTime + acc.byOutcome.workPartTime;
      if (plainWork > 0) {
        byOutcome.workFullTime = null;
        byOutcome.workPartTime = null;
        if (acc.byOutcome.workFullTime + acc.byOutcome.workPartTime > 0)
          flags.push({
            code: "work-split-partial",
            path: "exits.byOutcome.work",
            message: `${plainWork} exits map to plain work, so the full-time (${acc.byOutcome.workFullTime}) and part-time (${acc.byOutcome.workPartTime}) counts are left out; work counts all ${byOutcome.work}`,
          });
      }
      if (acc.unmapped.size > 0) {
        const listed = [...acc.unmapped]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([reason, n]) => `${JSON.stringify(reason)} ${n}`);
        const n = [...acc.unmapped.values()].reduce((a, b) => a + b, 0);
        flags.push({
          code: "unmapped",
          path: "exits.byOutcome.other",
          message: `${n} exit${n === 1 ? "" : "s"} with reasons not in options.outcomes counted as other: ${listed.join(", ")}`,
        });
      }
      const planned = options.exitDefinition === "planned";
      const record: ProgrammeYear = {
        id,
        programme: options.programme,
        organisation: null,
        municipality: null,
        period: { start: period.start, end: period.end },
        participants: {
          unique: acc.unique,
          activeEnd: acc.activeEnd,
          newReferrals: acc.newReferrals,
          carriedIn: acc.carriedIn,
          started: acc.unique - acc.carriedIn,
          noShows: acc.noShows,
          dropOuts: null,
          moved: null,
          unplannedExits: planned ? acc.unplanned : null,
          applicants: null,
          offered: null,
          definition: definitions.participants,
        },
        exits: {
          total: acc.total,
          definition: planned ? "planned" : "all",
          definitionLabel: definitions.exits,
          byOutcome,
          reported: [],
        },
        targets: {},
        targetsDenominator: "exits",
        reportedRates: [],
        source: { document: options.document, lines: `rows 1-${counts.rows}` },
      };
      if (flags.length > 0) record.flags = flags;
      records.push(record);
      recordGroups.push({
        id,
        group: Object.fromEntries(options.groupBy.map((key, i) => [key, group[i] ?? null])),
        period: { start: period.start, end: period.end },
      });
    });
  }
  const unmappedReasons = counts.reasons
    .filter((r) => !mapOutcome(r.reason).mapped)
    .sort((a, b) => b.spells - a.spells || a.firstRow - b.firstRow)
    .map((r) => ({ reason: r.reason, spells: r.spells, firstRow: r.firstRow }));
  const { periods: _periods, ...rest } = options;
  return {
    method: "programme-years from spells",
    records,
    groups: recordGroups,
    invalid: counts.invalid,
    unmappedReasons,
    rows: { total: counts.rows, used: counts.rows - invalidCount, invalid: invalidCount },
    options: { ...rest, periods },
  };
}

/**
 * Counts person-level participation spells into {@link ProgrammeYear} records, one per group and
 * period, whose stock–flow identities hold by construction (`checkFlows` finds no stock–flow or entries
 * gap): unique = exits + active at end, unique = carried in + started.
 *
 * Each spell is `{ personId, referred, start, end, exitReason?, planned?, …groupBy fields }`, with ISO
 * dates (`YYYY-MM-DD`, or `Date` objects read as UTC); `start` empty = never started, `end` empty =
 * still active. A spell ending on the period's last day is an exit of that period (not active at its
 * end); one starting on the last day is a participant, active at the end. With `unit: "person"` (the
 * default) a person with two spells in a period counts once (as active at the end if any spell is, else
 * as an exit with the reason of the last spell); with `unit: "spell"` each spell counts. Every record
 * states these definitions in `participants.definition` and `exits.definitionLabel`; see the method
 * page for all of them.
 *
 * Bad rows (missing or unparseable dates, start before referral, end before start, a person's
 * overlapping spells, an exit reason without an end) throw `INCONSISTENT_DATA` listing each row
 * (1-based) and its reasons, or with `onInvalid: "report"` are left out and listed in `invalid`. Exit
 * reasons that `outcomes` does not map are counted as `other` and listed in `unmappedReasons`.
 *
 * For tables too large for memory, `@tiltak/duckdb` computes identical records in SQL.
 *
 * @param spells - one spell per row: records, columns or an Arquero table
 * @param options - `{ periods?, outcomes?, groupBy?, unit?, exitDefinition?, onInvalid?, fields?, programme?, document? }`
 * @returns `{ method, records, groups, invalid, unmappedReasons, rows, options }`
 * @throws TiltakError `INVALID_INPUT` (bad options, a missing column, no rows), `INCONSISTENT_DATA` (bad rows)
 * @see docs/methods/compare/spells.md
 *
 * @example
 * ```ts
 * import { checkFlows, programmeYearsFromSpells } from "@tiltak/compare";
 * const spells = [
 *   { personId: "A", referred: "2023-11-20", start: "2023-12-01", end: "2024-03-31", exitReason: "jobb" },
 *   { personId: "A", referred: "2024-05-02", start: "2024-05-10", end: null, exitReason: null },
 *   { personId: "B", referred: "2024-02-01", start: "2024-02-15", end: "2024-12-31", exitReason: "skole" },
 *   { personId: "C", referred: "2024-06-01", start: null, end: null, exitReason: null },
 * ];
 * const { records } = programmeYearsFromSpells(spells, { periods: 2024, outcomes: { jobb: "work", skole: "education" } });
 * records[0]?.participants.unique; // => 2
 * records[0]?.participants.activeEnd; // => 1
 * records[0]?.exits.byOutcome.education; // => 1
 * records[0]?.participants.noShows; // => 1
 * checkFlows(records[0]!).ok; // => true
 * programmeYearsFromSpells([{ personId: "A", referred: "2024-01-01", start: "2024-02-01", end: "2024-01-15" }], { periods: 2024 }); // => throws INCONSISTENT_DATA
 * ```
 */
export function programmeYearsFromSpells(
  spells: TableInput,
  options: ProgrammeYearsFromSpellsOptions = {},
): SpellsResult {
  const parsed = parseSpellsOptions(options);
  const rows = toRecords(spells, "spells");
  if (rows.length === 0) invalidInput("spells", "must have at least one row", 0);
  const { spells: valid, invalid } = checkSpells(rows, parsed);
  let first: number | null = null;
  let last: number | null = null;
  const groupKeys = new Map<string, (string | null)[]>();
  const reasons = new Map<string, { reason: string; spells: number; firstRow: number }>();
  for (const spell of valid) {
    const lastDay = spell.end ?? spell.start ?? spell.referred;
    if (first === null || spell.referred < first) first = spell.referred;
    if (last === null || lastDay > last) last = lastDay;
    if (!groupKeys.has(spell.groupKey)) groupKeys.set(spell.groupKey, spell.group);
    if (spell.start !== null && spell.end !== null && spell.reason !== null) {
      const entry = reasons.get(spell.reason);
      if (entry === undefined)
        reasons.set(spell.reason, { reason: spell.reason, spells: 1, firstRow: spell.row });
      else entry.spells++;
    }
  }
  if (valid.length === 0 || (invalid.length > 0 && parsed.onInvalid === "throw"))
    return programmeYearsFromCounts(
      { rows: rows.length, invalid, groups: [], periods: [], cells: [], referrals: [], reasons: [] },
      parsed,
    );
  const periods = resolveSpellPeriods(
    parsed.periods,
    first === null || last === null ? null : { first: isoOf(first), last: isoOf(last) },
  );
  const { cells, referrals } = countSpells(valid, periods, parsed);
  return programmeYearsFromCounts(
    {
      rows: rows.length,
      invalid,
      groups: [...groupKeys.values()],
      periods,
      cells,
      referrals,
      reasons: [...reasons.values()],
    },
    parsed,
  );
}
