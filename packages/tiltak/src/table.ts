import { type TableInput, toRecords } from "@tiltak/core";
import { from } from "arquero";

/**
 * An Arquero table from tiltak's tabular results (arrays of records), or from any table input, for
 * filtering, grouping and joining in notebooks.
 *
 * @param rows - an array of records, an object of columns, or a table with `objects()`
 * @returns an Arquero `ColumnTable`
 *
 * @example
 * ```ts
 * import { toTable } from "tiltak";
 * const table = toTable([{ outcome: "work", count: 27 }, { outcome: "education", count: 15 }]);
 * table.numRows(); // => 2
 * table.columnNames(); // => ["outcome", "count"]
 * ```
 */
export function toTable(rows: TableInput): ReturnType<typeof from> {
  return from(toRecords(rows, "rows"));
}
