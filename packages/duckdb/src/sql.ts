import type { ParsedSpellsOptions, ResolvedPeriod } from "@tiltak/compare";

/** Quotes a SQL identifier: `"name"`, with inner quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a SQL string literal: `'text'`, with inner quotes doubled. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The SQL statements that turn spells into the counts `programmeYearsFromCounts` builds records from. */
export interface SpellsSql {
  /** `CREATE TEMP VIEW <checked>`: every row parsed, with one boolean column per check and `ok`. */
  checked: string;
  /** `CREATE TEMP TABLE <ordered>`: the rows that passed the checks, with the window values of one sort by person and start. */
  ordered: string;
  /** `CREATE TEMP TABLE <overlap>`: rows of a person whose spells overlap, with the person's flagged rows. */
  overlap: string;
  /** `CREATE TEMP TABLE <irregular>`: people whose next start within their group needs a second window (overlaps, group changes). */
  irregular: string;
  /** `CREATE TEMP VIEW <valid>`: the rows counted (never-started referrals keep no end, reason or planned). */
  valid: string;
  /** `SELECT row, personId, reasons`: every invalid row and why, by row number. */
  invalid: string;
  /** `SELECT rows`: the number of rows read. */
  rows: string;
  /** `SELECT group…, first, last`: the groups among valid spells and their first and last dates. */
  groups: string;
  /** `SELECT reason, spells, firstRow`: exit reasons of the valid ended spells. */
  reasons: string;
  /** `SELECT group…, period, carriedIn, activeEnd, reason, planned, n`: participation cells for the periods. */
  participation: (periods: readonly ResolvedPeriod[]) => string;
  /** `SELECT group…, period, newReferrals, noShows`: referral cells for the periods. */
  referrals: (periods: readonly ResolvedPeriod[]) => string;
  /** `DROP …` statements that remove the temporary view and tables. */
  cleanup: string[];
}

/** How to read one date column, by its DuckDB type: its DATE value, whether missing, and its text when it is not a date. */
function dateParts(
  column: string,
  type: string | undefined,
): { value: string; missing: string; bad: string } {
  const c = quoteIdentifier(column);
  const t = (type ?? "").toUpperCase();
  if (t === "DATE") return { value: c, missing: `${c} IS NULL`, bad: "NULL" };
  if (t === "TIMESTAMP WITH TIME ZONE")
    return { value: `CAST(timezone('UTC', ${c}) AS DATE)`, missing: `${c} IS NULL`, bad: "NULL" };
  if (t.startsWith("TIMESTAMP")) return { value: `CAST(${c} AS DATE)`, missing: `${c} IS NULL`, bad: "NULL" };
  if (t === "VARCHAR") {
    const s = `NULLIF(${c}, '')`;
    return {
      value: `CASE WHEN regexp_full_match(${s}, '[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${s} AS DATE) END`,
      missing: `${s} IS NULL`,
      bad: `CAST(to_json(${s}) AS VARCHAR)`,
    };
  }
  return { value: "CAST(NULL AS DATE)", missing: `${c} IS NULL`, bad: `CAST(${c} AS VARCHAR)` };
}

function textOf(column: string | null): string {
  return column === null
    ? "CAST(NULL AS VARCHAR)"
    : `NULLIF(CAST(${quoteIdentifier(column)} AS VARCHAR), '')`;
}

function plannedParts(column: string | null, type: string | undefined): { value: string; bad: string } {
  if (column === null) return { value: "CAST(NULL AS BOOLEAN)", bad: "CAST(NULL AS VARCHAR)" };
  const c = quoteIdentifier(column);
  const t = (type ?? "").toUpperCase();
  if (t === "BOOLEAN") return { value: c, bad: "CAST(NULL AS VARCHAR)" };
  if (t === "VARCHAR") {
    const s = `NULLIF(${c}, '')`;
    return {
      value: `CASE lower(${s}) WHEN 'true' THEN true WHEN 'false' THEN false END`,
      bad: `CASE WHEN ${s} IS NOT NULL AND lower(${s}) NOT IN ('true', 'false') THEN CAST(to_json(${s}) AS VARCHAR) END`,
    };
  }
  return { value: "CAST(NULL AS BOOLEAN)", bad: `CAST(${c} AS VARCHAR)` };
}

function periodsValues(periods: readonly ResolvedPeriod[]): string {
  const rows = periods.map((p, i) => `(${i}, DATE ${quoteLiteral(p.start)}, DATE ${quoteLiteral(p.end)})`);
  return `periods(pi, ps, pe) AS (VALUES ${rows.join(", ")})`;
}

/**
 * Builds the SQL of `programmeYearsFromSpells` for a relation (a table, a view or a table function such
 * as `read_parquet('spells.parquet', file_row_number = true)`) that has a 1-based row-number column
 * `tiltak_row`. The statements are plain DuckDB SQL with no host-specific parts, so the same text runs on
 * an embedded DuckDB, a larger machine or MotherDuck.
 *
 * @param relation - the relation to read (SQL text), with a `tiltak_row` column
 * @param columns - its columns and their DuckDB types (from `DESCRIBE`)
 * @param options - the parsed options (`parseSpellsOptions` of `@tiltak/compare`)
 * @param prefix - a name prefix for the temporary view and tables (unique per call)
 * @returns the statements, in the order they run
 *
 * @example
 * ```ts
 * import { parseSpellsOptions } from "@tiltak/compare";
 * import { spellsSql } from "@tiltak/duckdb";
 * const columns = { tiltak_row: "BIGINT", personId: "VARCHAR", referred: "DATE", start: "DATE", end: "DATE", exitReason: "VARCHAR" };
 * const sql = spellsSql("spells", columns, parseSpellsOptions({ periods: 2024 }), "t");
 * sql.checked.startsWith("CREATE OR REPLACE TEMP VIEW t_checked"); // => true
 * sql.participation([{ start: "2024-01-01", end: "2024-12-31", label: "2024" }]).includes("DATE '2024-12-31'"); // => true
 * ```
 */
export function spellsSql(
  relation: string,
  columns: Readonly<Record<string, string>>,
  options: ParsedSpellsOptions,
  prefix: string,
): SpellsSql {
  const f = options.fields;
  const has = (name: string): boolean => Object.hasOwn(columns, name);
  const referred = dateParts(f.referred, columns[f.referred]);
  const start = dateParts(f.start, columns[f.start]);
  const end = dateParts(f.end, columns[f.end]);
  const planned = plannedParts(has(f.planned) ? f.planned : null, columns[f.planned]);
  const groups = options.groupBy.map((name, i) => `${textOf(name)} AS g${i}`);
  const g = options.groupBy.map((_, i) => `g${i}`);
  const gSelect = g.map((x) => `${x}, `).join("");
  const checked = `${prefix}_checked`;
  const overlap = `${prefix}_overlap`;
  const valid = `${prefix}_valid`;
  const ordered = `${prefix}_ordered`;
  const irregular = `${prefix}_irregular`;
  const isPlanned = options.exitDefinition === "planned";
  const notDate = "is not a date (YYYY-MM-DD), got ";

  const checkedSql = `CREATE OR REPLACE TEMP VIEW ${checked} AS
WITH parsed AS (
  SELECT
    tiltak_row AS rn,
    ${textOf(f.personId)} AS pid,
    ${referred.value} AS r, ${referred.missing} AS r_missing, ${referred.bad} AS r_text,
    ${start.value} AS s, ${start.missing} AS s_missing, ${start.bad} AS s_text,
    ${end.value} AS e, ${end.missing} AS e_missing, ${end.bad} AS e_text,
    ${textOf(has(f.exitReason) ? f.exitReason : null)} AS reason,
    ${planned.value} AS planned, ${planned.bad} AS planned_bad${groups.map((x) => `,\n    ${x}`).join("")}
  FROM ${relation}
),
flags AS (
  SELECT *,
    pid IS NULL AS c_pid,
    r_missing AS c_r_missing,
    NOT r_missing AND r IS NULL AS c_r_bad,
    NOT s_missing AND s IS NULL AS c_s_bad,
    NOT e_missing AND e IS NULL AS c_e_bad,
    planned_bad IS NOT NULL AS c_planned_bad,
    coalesce(s < r, false) AS c_s_before_r,
    coalesce(e < s, false) AS c_e_before_s,
    coalesce(s_missing AND e < r, false) AS c_e_before_r,
    reason IS NOT NULL AND e_missing AND s IS NOT NULL AS c_reason_no_end,
    ${isPlanned ? "planned IS NULL AND planned_bad IS NULL AND s IS NOT NULL AND e IS NOT NULL" : "false"} AS c_planned_missing
  FROM parsed
)
SELECT *,
  NOT (c_pid OR c_r_missing OR c_r_bad OR c_s_bad OR c_e_bad OR c_planned_bad OR c_s_before_r
    OR c_e_before_s OR c_e_before_r OR c_reason_no_end OR c_planned_missing) AS ok
FROM flags`;

  // One sort serves the overlap check and, with unit "person", each spell's next start and previous
  // referral: the rows of a person ordered by start, never-started referrals last. Windows partitioned
  // by the group as well, or ordered by referral date, would each sort the 10⁷ rows again (this pass
  // takes half the time of the two such windows it replaces at 10⁷ spells).
  const person = options.unit === "person";
  const inf = "DATE 'infinity'";
  const byStart = `PARTITION BY pid ORDER BY s IS NULL, s, coalesce(e, ${inf}), rn`;
  // In that order the next row is the next spell in the person's group, and the previous row the previous
  // referral, unless a group changes from one row to the next or referral dates do not rise with start
  // dates; such a row makes its person `odd`, and the person's values are computed again below.
  const groupChange = g.map((x) => `lead(${x}) OVER w IS DISTINCT FROM ${x}`).join(" OR ");
  const odd = [
    ...(g.length > 0 ? [`(lead(rn) OVER w IS NOT NULL AND (${groupChange}))`] : []),
    "lag(r) OVER w > r",
    "(lag(r) OVER w = r AND lag(rn) OVER w > rn)",
  ].join(" OR ");
  const orderedSql = `CREATE OR REPLACE TEMP TABLE ${ordered} AS
SELECT rn, pid, r, s,
  CASE WHEN s IS NULL THEN NULL ELSE e END AS e,
  CASE WHEN s IS NULL THEN NULL ELSE reason END AS reason,
  ${isPlanned ? "CASE WHEN s IS NULL THEN NULL ELSE planned END" : "CAST(NULL AS BOOLEAN)"} AS planned${g.map((x) => `, ${x}`).join("")},
  coalesce(s < max(coalesce(e, ${inf})) OVER (${byStart} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    OR lead(s) OVER w < coalesce(e, ${inf}), false) AS overlapping${
      person
        ? `,
  CASE WHEN s IS NULL THEN NULL ELSE lead(s) OVER w END AS next_s,
  lag(r) OVER w AS previous_r,
  coalesce(${odd}, false) AS odd`
        : ""
    }
FROM ${checked} WHERE ok
WINDOW w AS (${byStart})`;

  // A started spell overlaps if it starts before an earlier spell's end, or the next spell starts before
  // its own end (never-started referrals sort last, so they neither overlap nor are overlapped).
  const overlapSql = `CREATE OR REPLACE TEMP TABLE ${overlap} AS
WITH flagged AS (SELECT rn, pid FROM ${ordered} WHERE overlapping),
people AS (SELECT pid, array_to_string(list(rn ORDER BY rn), ', ') AS rows FROM flagged GROUP BY pid)
SELECT flagged.rn, flagged.pid, people.rows FROM flagged JOIN people USING (pid)`;

  const irregularSql = `CREATE OR REPLACE TEMP TABLE ${irregular} AS
SELECT DISTINCT pid FROM ${overlap}${person ? `\nUNION\nSELECT DISTINCT pid FROM ${ordered} WHERE odd` : ""}`;

  // The counted spells (never-started referrals keep no end, reason or planned flag); with unit "person"
  // also each started spell's next start and each spell's previous referral date, both among the
  // person's spells in the same group (null if none). For irregular people (overlapping spells left
  // out, a group change, referral dates out of start order) the two are computed by their own windows.
  const columnsOut = `rn, pid, r, s, e, reason, planned${g.map((x) => `, ${x}`).join("")}`;
  const validSql = `CREATE OR REPLACE TEMP VIEW ${valid} AS
SELECT ${columnsOut}${person ? ", next_s, previous_r" : ""}
FROM ${ordered} o ANTI JOIN ${irregular} i ON o.pid = i.pid
UNION ALL
SELECT ${columnsOut}${
    person
      ? `,
  CASE WHEN s IS NULL THEN NULL ELSE lead(s) OVER (PARTITION BY ${gSelect}pid, s IS NULL ORDER BY s, coalesce(e, ${inf}), rn) END AS next_s,
  lag(r) OVER (PARTITION BY ${gSelect}pid ORDER BY r, rn) AS previous_r`
      : ""
  }
FROM ${ordered} o SEMI JOIN ${irregular} i ON o.pid = i.pid
WHERE NOT overlapping`;

  const reasonList = [
    `CASE WHEN c_pid THEN 'personId is missing' END`,
    `CASE WHEN c_r_missing THEN 'referred is missing' END`,
    `CASE WHEN c_r_bad THEN 'referred ${notDate}' || r_text END`,
    `CASE WHEN c_s_bad THEN 'start ${notDate}' || s_text END`,
    `CASE WHEN c_e_bad THEN 'end ${notDate}' || e_text END`,
    `CASE WHEN c_planned_bad THEN 'planned must be true or false, got ' || planned_bad END`,
    `CASE WHEN c_s_before_r THEN 'start (' || CAST(s AS VARCHAR) || ') is before referred (' || CAST(r AS VARCHAR) || ')' END`,
    `CASE WHEN c_e_before_s THEN 'end (' || CAST(e AS VARCHAR) || ') is before start (' || CAST(s AS VARCHAR) || ')' END`,
    `CASE WHEN c_e_before_r THEN 'end (' || CAST(e AS VARCHAR) || ') is before referred (' || CAST(r AS VARCHAR) || ') (never started)' END`,
    `CASE WHEN c_reason_no_end THEN 'exitReason ' || CAST(to_json(reason) AS VARCHAR) || ' is given but end is missing' END`,
    `CASE WHEN c_planned_missing THEN 'planned is missing (exitDefinition "planned" needs it on every ended spell)' END`,
  ];
  const invalidSql = `SELECT rn, pid, list_filter([
    ${reasonList.join(",\n    ")}
  ], x -> x IS NOT NULL) AS reasons
FROM ${checked} WHERE NOT ok
UNION ALL
SELECT rn, pid, ['spells of person ' || CAST(to_json(pid) AS VARCHAR) || ' overlap (rows ' || rows || '): a spell may start only on or after the day the previous one ends'] AS reasons
FROM ${overlap}
ORDER BY rn`;

  const rowsSql = `SELECT count(*) AS n FROM ${relation}`;
  const groupsSql = `SELECT ${gSelect}CAST(min(r) AS VARCHAR) AS first, CAST(max(coalesce(e, s, r)) AS VARCHAR) AS last
FROM ${valid} GROUP BY ALL`;
  const reasonsSql = `SELECT reason, count(*) AS spells, min(rn) AS first_row
FROM ${valid} WHERE s IS NOT NULL AND e IS NOT NULL AND reason IS NOT NULL GROUP BY reason`;

  // Participation. Unit "spell": every (spell, period) pair. Unit "person": valid spells of one person
  // do not overlap, so the spells of a person in a period are consecutive in start order; the last of
  // them (the next spell starts after the period) stands for the person: active at the end if it is,
  // else the person's exit with its reason. A person has at most one carried-in and one active spell,
  // so those count spells. No GROUP BY person is needed, only the window above.
  const participates = `v.s <= p.pe AND coalesce(v.e, ${inf}) >= p.ps`;
  const vg = g.map((x) => `v.${x}, `).join("");
  const participation = (periods: readonly ResolvedPeriod[]): string => `WITH ${periodsValues(periods)},
part AS (
  SELECT ${vg}p.pi,
    ${person ? "(v.next_s IS NULL OR v.next_s > p.pe)" : "true"} AS participant,
    v.s < p.ps AS carried,
    (v.e IS NULL OR v.e > p.pe) AS active,
    v.reason, v.planned
  FROM ${valid} v JOIN periods p ON v.s IS NOT NULL AND ${participates}
)
SELECT ${gSelect}pi, participant, carried, active,
  CASE WHEN participant AND NOT active THEN reason END AS reason,
  CASE WHEN participant AND NOT active THEN planned END AS planned,
  count(*) AS n
FROM part GROUP BY ALL`;

  // Referrals. Unit "person": a person's referrals in a period count once (the first of them, by date);
  // no-shows are people with a never-started referral in the period less those of them with a spell in it.
  const sameGroup = g.map((x) => `n.${x} IS NOT DISTINCT FROM v.${x} AND `).join("");
  const referrals = (periods: readonly ResolvedPeriod[]): string =>
    !person
      ? `WITH ${periodsValues(periods)}
SELECT ${vg}p.pi, count(*) AS referrals, count(*) FILTER (WHERE v.s IS NULL) AS no_shows
FROM ${valid} v JOIN periods p ON v.r BETWEEN p.ps AND p.pe
GROUP BY ALL`
      : `WITH ${periodsValues(periods)},
never AS (
  SELECT DISTINCT ${vg}v.pid, p.pi FROM ${valid} v JOIN periods p ON v.s IS NULL AND v.r BETWEEN p.ps AND p.pe
),
came AS (
  SELECT DISTINCT ${g.map((x) => `n.${x}, `).join("")}n.pid, n.pi
  FROM never n
  JOIN ${valid} v ON ${sameGroup}v.pid = n.pid
  JOIN periods p ON p.pi = n.pi AND v.s IS NOT NULL AND ${participates}
),
counts AS (
  SELECT ${vg}p.pi, count(*) AS referrals, 0 AS no_shows
  FROM ${valid} v JOIN periods p ON v.r BETWEEN p.ps AND p.pe
  WHERE v.previous_r IS NULL OR v.previous_r < p.ps
  GROUP BY ALL
  UNION ALL SELECT ${gSelect}pi, 0, count(*) FROM never GROUP BY ALL
  UNION ALL SELECT ${gSelect}pi, 0, -count(*) FROM came GROUP BY ALL
)
SELECT ${gSelect}pi, sum(referrals) AS referrals, sum(no_shows) AS no_shows FROM counts GROUP BY ALL`;

  return {
    checked: checkedSql,
    ordered: orderedSql,
    overlap: overlapSql,
    irregular: irregularSql,
    valid: validSql,
    invalid: invalidSql,
    rows: rowsSql,
    groups: groupsSql,
    reasons: reasonsSql,
    participation,
    referrals,
    cleanup: [
      `DROP VIEW IF EXISTS ${valid}`,
      `DROP TABLE IF EXISTS ${irregular}`,
      `DROP TABLE IF EXISTS ${overlap}`,
      `DROP TABLE IF EXISTS ${ordered}`,
      `DROP VIEW IF EXISTS ${checked}`,
    ],
  };
}
