import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  type InvalidSpell,
  type ProgrammeYearsFromSpellsOptions,
  parseSpellsOptions,
  programmeYearsFromCounts,
  resolveSpellPeriods,
  type SpellCell,
  type SpellReferralCell,
  type SpellsResult,
} from "@tiltak/compare";
import { invalidInput } from "@tiltak/core";
import { quoteIdentifier, quoteLiteral, spellsSql } from "./sql.js";

/** A CSV or Parquet file to read spells from, with DuckDB's settings for the run. */
export interface SpellsFile {
  /** The file's path (or URL DuckDB can read). One file: row numbers count from its first data row. */
  path: string;
  /** `csv` or `parquet`; default from the extension (`.csv`, `.tsv`, `.txt`, `.gz` → csv; `.parquet`, `.pq` → parquet). */
  format?: "csv" | "parquet" | undefined;
  /** DuckDB threads; default DuckDB's (the number of cores). */
  threads?: number | undefined;
  /** DuckDB's memory limit, e.g. `"1.5GB"`; beyond it DuckDB spills to its temporary directory. Default DuckDB's (80 % of RAM). */
  memoryLimit?: string | undefined;
}

/** A table or view in an open DuckDB connection (also a MotherDuck connection). */
export interface SpellsTable {
  /** The connection (from `@duckdb/node-api`). */
  connection: DuckDBConnection;
  /** The table's name as written in SQL (`spells`, `main.spells`); other names are quoted. */
  table: string;
  /**
   * A column holding the row numbers to report bad rows by; default the table's insertion order
   * (`rowid`), which views do not have: give `rowNumber` for a view.
   */
  rowNumber?: string | undefined;
}

/** Where spells are read from: a file path, a {@link SpellsFile} or a {@link SpellsTable}. */
export type SpellsSource = string | SpellsFile | SpellsTable;

let calls = 0;

function formatOf(file: SpellsFile): "csv" | "parquet" {
  if (file.format !== undefined) return file.format;
  const lower = file.path.toLowerCase();
  if (/\.(parquet|pq)$/.test(lower)) return "parquet";
  if (/\.(csv|tsv|txt)(\.gz|\.zst)?$/.test(lower)) return "csv";
  return invalidInput(
    ["source", "path"],
    'must end in .csv, .tsv, .txt, .parquet or .pq, or come with format: "csv" | "parquet"',
    file.path,
  );
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const num = (value: unknown): number => Number(value);
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const bool = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : Boolean(value);

/**
 * Counts person-level spells into `ProgrammeYear` records with DuckDB, over a CSV or Parquet file or a
 * table in an open connection, for data too large for memory. The checks and the counting run in SQL
 * ({@link spellsSql}); the records are built by `@tiltak/compare`'s `programmeYearsFromCounts`, so they
 * are identical to those of `compare.programmeYearsFromSpells` on the same rows and options: same
 * definitions, same bad-row reports (row numbers 1-based: the n-th data row), same errors.
 *
 * CSV files are read as text (`all_varchar`), so dates must be `YYYY-MM-DD`; Parquet and tables may also
 * hold DATE or TIMESTAMP columns (a timestamp counts by its UTC date).
 *
 * @param source - a file path, `{ path, format?, threads?, memoryLimit? }` or `{ connection, table, rowNumber? }`
 * @param options - the options of `compare.programmeYearsFromSpells`
 * @returns a promise of the same result as `compare.programmeYearsFromSpells`
 * @throws TiltakError `INVALID_INPUT` (bad options, unknown file type, a missing column, no rows),
 *   `INCONSISTENT_DATA` (bad rows, unless `onInvalid: "report"`)
 * @see docs/methods/compare/spells.md
 *
 * @example
 * ```ts
 * import { DuckDBInstance } from "@duckdb/node-api";
 * import { programmeYearsFromSpells } from "@tiltak/duckdb";
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * await connection.run(`CREATE TABLE spells AS SELECT * FROM (VALUES ('A', '2024-01-05', '2024-01-10', '2024-06-30', 'jobb'), ('B', '2023-11-01', '2023-12-01', NULL, NULL)) t(personId, referred, start, "end", exitReason)`);
 * const result = await programmeYearsFromSpells({ connection, table: "spells" }, { periods: 2024, outcomes: { jobb: "work" } });
 * result.records[0]?.participants.unique; // => 2
 * result.records[0]?.exits.byOutcome.work; // => 1
 * result.records[0]?.participants.carriedIn; // => 1
 * ```
 */
export async function programmeYearsFromSpells(
  source: SpellsSource,
  options: ProgrammeYearsFromSpellsOptions = {},
): Promise<SpellsResult> {
  const parsed = parseSpellsOptions(options);
  const prefix = `tiltak_spells_${++calls}_${Date.now()}`;
  let instance: DuckDBInstance | null = null;
  let connection: DuckDBConnection;
  let relation: string;
  const cleanup: string[] = [];
  if (typeof source === "object" && "connection" in source) {
    connection = source.connection;
    const table = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(source.table)
      ? source.table
      : quoteIdentifier(source.table);
    const row =
      source.rowNumber === undefined
        ? "row_number() OVER (ORDER BY rowid)"
        : `CAST(${quoteIdentifier(source.rowNumber)} AS BIGINT)`;
    relation = `(SELECT ${row} AS tiltak_row, * FROM ${table}) AS tiltak_source`;
  } else {
    const file: SpellsFile = typeof source === "string" ? { path: source } : source;
    const format = formatOf(file);
    const settings: Record<string, string> = {};
    if (file.threads !== undefined) settings.threads = String(file.threads);
    if (file.memoryLimit !== undefined) settings.memory_limit = file.memoryLimit;
    instance = await DuckDBInstance.create(":memory:", settings);
    connection = await instance.connect();
    if (format === "parquet")
      relation = `(SELECT file_row_number + 1 AS tiltak_row, * EXCLUDE (file_row_number) FROM read_parquet(${quoteLiteral(file.path)}, file_row_number = true)) AS tiltak_source`;
    else {
      // CSV has no row-number column: load it in file order (insertion order is kept) and use rowid
      await connection.run(
        `CREATE TEMP TABLE ${prefix}_csv AS SELECT * FROM read_csv(${quoteLiteral(file.path)}, header = true, all_varchar = true)`,
      );
      cleanup.push(`DROP TABLE IF EXISTS ${prefix}_csv`);
      relation = `(SELECT rowid + 1 AS tiltak_row, * FROM ${prefix}_csv) AS tiltak_source`;
    }
    // from here on results are sorted where order matters; not keeping insertion order saves memory
    await connection.run("SET preserve_insertion_order = false");
  }
  // The periods are a handful of rows: a nested-loop join against them beats a range join that sorts
  // the spells (3× less CPU at 10⁶ spells). Restored afterwards on a caller's connection.
  const threshold = await rowsOf(connection, "SELECT current_setting('nested_loop_join_threshold') AS v");
  const previousThreshold = String(threshold[0]?.v ?? "5");
  await connection.run("SET nested_loop_join_threshold = 10000");
  try {
    const described = await rowsOf(connection, `DESCRIBE SELECT * FROM ${relation}`);
    const columns: Record<string, string> = {};
    for (const row of described) columns[String(row.column_name)] = String(row.column_type);
    const f = parsed.fields;
    const required = [f.personId, f.referred, f.start, f.end, ...parsed.groupBy];
    if (parsed.exitDefinition === "planned") required.push(f.planned);
    const present = Object.keys(columns).filter((name) => name !== "tiltak_row");
    const absent = required.filter((name) => !present.includes(name));
    if (absent.length > 0)
      invalidInput(
        "spells",
        `must have the column${absent.length > 1 ? "s" : ""} ${absent.map((a) => JSON.stringify(a)).join(", ")}`,
        present,
      );
    const sql = spellsSql(relation, columns, parsed, prefix);
    cleanup.unshift(...sql.cleanup);
    const total = num((await rowsOf(connection, sql.rows))[0]?.n);
    if (total === 0) invalidInput("spells", "must have at least one row", 0);
    await connection.run(sql.checked);
    await connection.run(sql.ordered);
    await connection.run(sql.overlap);
    await connection.run(sql.irregular);
    await connection.run(sql.valid);
    const invalid: InvalidSpell[] = (await rowsOf(connection, sql.invalid)).map((row) => ({
      row: num(row.rn),
      personId: text(row.pid),
      reasons: (row.reasons as unknown[]).map(String),
    }));
    const empty = { rows: total, invalid, groups: [], periods: [], cells: [], referrals: [], reasons: [] };
    if (invalid.length === total || (invalid.length > 0 && parsed.onInvalid === "throw"))
      return programmeYearsFromCounts(empty, parsed);
    const groupRows = await rowsOf(connection, sql.groups);
    const k = parsed.groupBy.length;
    const groups = groupRows.map((row) => Array.from({ length: k }, (_, i) => text(row[`g${i}`])));
    let first: string | null = null;
    let last: string | null = null;
    for (const row of groupRows) {
      const a = String(row.first);
      const b = String(row.last);
      if (first === null || a < first) first = a;
      if (last === null || b > last) last = b;
    }
    const periods = resolveSpellPeriods(
      parsed.periods,
      first === null || last === null ? null : { first, last },
    );
    const cells: SpellCell[] = (await rowsOf(connection, sql.participation(periods))).map((row) => ({
      group: Array.from({ length: k }, (_, i) => text(row[`g${i}`])),
      period: num(row.pi),
      participant: row.participant === true,
      carriedIn: row.carried === true,
      activeEnd: row.active === true,
      reason: text(row.reason),
      planned: bool(row.planned),
      count: num(row.n),
    }));
    const referrals: SpellReferralCell[] = (await rowsOf(connection, sql.referrals(periods))).map((row) => ({
      group: Array.from({ length: k }, (_, i) => text(row[`g${i}`])),
      period: num(row.pi),
      newReferrals: num(row.referrals),
      noShows: num(row.no_shows),
    }));
    const reasons = (await rowsOf(connection, sql.reasons)).map((row) => ({
      reason: String(row.reason),
      spells: num(row.spells),
      firstRow: num(row.first_row),
    }));
    return programmeYearsFromCounts(
      { rows: total, invalid, groups, periods, cells, referrals, reasons },
      parsed,
    );
  } finally {
    for (const statement of cleanup) await connection.run(statement).catch(() => undefined);
    await connection
      .run(`SET nested_loop_join_threshold = ${Number(previousThreshold)}`)
      .catch(() => undefined);
    if (instance !== null) {
      connection.closeSync();
      instance.closeSync();
    }
  }
}
