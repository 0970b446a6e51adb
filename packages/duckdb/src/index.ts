/**
 * The aggregations of `@tiltak/compare` in SQL with DuckDB (embedded, `@duckdb/node-api`), for spell
 * files too large for memory: `programmeYearsFromSpells` over a CSV or Parquet file or a table in an
 * open connection, returning records identical to `compare.programmeYearsFromSpells`. Node only; the
 * one package of tiltak that loads DuckDB.
 *
 * @packageDocumentation
 */

export {
  programmeYearsFromSpells,
  type SpellsFile,
  type SpellsSource,
  type SpellsTable,
} from "./spells.js";
export { type SpellsSql, spellsSql } from "./sql.js";
