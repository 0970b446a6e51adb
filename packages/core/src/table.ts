import { describeValue, invalidInput } from "./errors.js";

/** One row of a table: a plain record of named values. */
export type TableRecord = Record<string, unknown>;

/**
 * Anything tiltak accepts as a table:
 * - an array of records, `[{ id: "a", age: 31 }, …]`;
 * - an object of equal-length columns, `{ id: ["a", …], age: [31, …] }`;
 * - an Arquero table, or anything else with an `objects()` method returning records;
 * - a danfo.js DataFrame, or anything else whose `toJSON()` returns an array of records.
 */
export type TableInput =
  | readonly TableRecord[]
  | Readonly<Record<string, readonly unknown[]>>
  | { objects(): TableRecord[] }
  | { toJSON(): TableRecord[] };

/**
 * Normalises any {@link TableInput} to an array of plain records, without depending on Arquero.
 *
 * @param input - records, columns or an Arquero-like table
 * @param name - the parameter's name, for error messages; default `"table"`
 * @throws TiltakError `INVALID_INPUT` for columns of unequal length, non-record rows or other shapes
 *
 * @example
 * ```ts
 * import { toRecords } from "@tiltak/core";
 * toRecords({ id: ["a", "b"], age: [31, 45] }); // => [{ id: "a", age: 31 }, { id: "b", age: 45 }]
 * toRecords([{ id: "a" }]).length; // => 1
 * toRecords({ toJSON: () => [{ id: "a", age: 31 }] }); // => [{ id: "a", age: 31 }]
 * ```
 */
export function toRecords(input: TableInput, name = "table"): TableRecord[] {
  if (Array.isArray(input)) {
    input.forEach((row, index) => {
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        invalidInput([name, index], "must be a record (an object of named values)", row);
      }
    });
    return input as TableRecord[];
  }
  if (typeof input === "object" && input !== null) {
    const objects = (input as { objects?: unknown }).objects;
    if (typeof objects === "function") {
      const rows = (objects as () => unknown).call(input);
      if (!Array.isArray(rows))
        invalidInput(name, "must have an objects() method that returns records", rows);
      return toRecords(rows as TableRecord[], name);
    }
    // A danfo.js DataFrame (or anything else) whose toJSON() gives an array of records.
    const toJSON = (input as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      const rows = (toJSON as () => unknown).call(input);
      if (Array.isArray(rows)) return toRecords(rows as TableRecord[], name);
    }
    const columns = Object.entries(input as Record<string, unknown>);
    if (columns.length === 0) return [];
    let length: number | undefined;
    for (const [key, column] of columns) {
      if (!Array.isArray(column)) {
        invalidInput([name, key], "must be an array (a column) when the table is given as columns", column);
      }
      if (length === undefined) length = column.length;
      else if (column.length !== length) {
        invalidInput(
          [name, key],
          `must have the same length as the other columns (${length})`,
          `${column.length} values`,
        );
      }
    }
    const rows: TableRecord[] = [];
    for (let i = 0; i < (length ?? 0); i++) {
      const row: TableRecord = {};
      for (const [key, column] of columns) row[key] = (column as unknown[])[i];
      rows.push(row);
    }
    return rows;
  }
  return invalidInput(
    name,
    "must be an array of records, an object of columns, or an Arquero table",
    describeValue(input),
  );
}
