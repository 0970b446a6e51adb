import { type TableInput, TiltakError, toRecords } from "@tiltak/core";
import type { ColumnTable } from "arquero";

// Arquero is an optional peer dependency: only `toTable` needs it, and a plain `npm install tiltak` must
// not pull it (its Arrow dependency has dependencies of its own that not every registry serves). It is
// looked up once, when this module loads, so that `toTable` stays synchronous; without it, `toTable`
// throws and everything else works.
const arquero: typeof import("arquero") | undefined = await import("arquero").catch(() => undefined);

/**
 * An Arquero table from tiltak's tabular results (arrays of records), or from any table input, for
 * filtering, grouping and joining in notebooks. Arquero is an optional peer dependency of `tiltak`:
 * install it beside tiltak (`npm install arquero`) to use this function.
 *
 * @param rows - an array of records, an object of columns, or a table with `objects()`
 * @returns an Arquero `ColumnTable`
 * @throws TiltakError `INVALID_INPUT` when `rows` is not a table, or when the `arquero` package is not
 *   installed (the message says so)
 *
 * @example
 * ```ts
 * import { toTable } from "tiltak";
 * const table = toTable([{ outcome: "work", count: 27 }, { outcome: "education", count: 15 }]);
 * table.numRows(); // => 2
 * table.columnNames(); // => ["outcome", "count"]
 * ```
 */
export function toTable(rows: TableInput): ColumnTable {
  if (arquero === undefined) {
    throw new TiltakError(
      "INVALID_INPUT",
      "toTable needs the optional package arquero: install it beside tiltak (npm install arquero)",
      [{ path: ["arquero"], message: "is not installed: npm install arquero" }],
    );
  }
  return arquero.from(toRecords(rows, "rows"));
}
