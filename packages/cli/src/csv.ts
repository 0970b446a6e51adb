import { TiltakError } from "@tiltak/core";
import Papa from "papaparse";

/** A CSV file read as records of text cells, with its header. */
export interface CsvTable {
  /** Column names, from the header line. */
  columns: string[];
  /** One record per data line; every cell is text. */
  rows: Record<string, string>[];
}

/**
 * Parses CSV text with a header line (papaparse; RFC 4180 quoting, `,` or `;` detected), keeping every
 * cell as text (ids such as `007` stay as written). Malformed lines throw `INVALID_INPUT` naming the line.
 *
 * @param text - the file's content
 * @param name - the file's name, for messages
 *
 * @example
 * ```ts
 * import { parseCsv } from "@tiltak/cli";
 * parseCsv("id,office\n007,Bergen\n", "participants.csv").rows; // => [{ id: "007", office: "Bergen" }]
 * ```
 */
export function parseCsv(text: string, name: string): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    dynamicTyping: false,
  });
  // A file with one column has no delimiter to detect: that is not an error.
  const error = parsed.errors.find((e) => e.code !== "UndetectableDelimiter");
  if (error !== undefined) {
    const line = error.row === undefined ? "" : ` at data row ${error.row + 1}`;
    throw new TiltakError("INVALID_INPUT", `${name} is not a well-formed CSV file${line}: ${error.message}`, [
      { path: [name], message: error.message },
    ]);
  }
  const columns = parsed.meta.fields ?? [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column))
      throw new TiltakError("INVALID_INPUT", `${name} has the column ${JSON.stringify(column)} twice`, [
        { path: [name], message: "must have distinct column names" },
      ]);
    seen.add(column);
  }
  return { columns, rows: parsed.data };
}

/**
 * Writes records as CSV (papaparse: a header line, RFC 4180 quoting, `\n` line ends, a final `\n`), the one
 * writer of every CSV the command prints or saves. Columns are `columns`, or every key in order of first
 * appearance; a missing value is an empty cell.
 *
 * @param rows - the records
 * @param columns - the columns, in order (default: the keys of all rows)
 *
 * @example
 * ```ts
 * import { formatCsv } from "@tiltak/cli";
 * formatCsv([{ slab: "A, 1948", yi: -0.9 }, { slab: "B", yi: -1.6, vi: 0.2 }]); // => "slab,yi,vi\n\"A, 1948\",-0.9,\nB,-1.6,0.2\n"
 * ```
 */
export function formatCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return `${Papa.unparse({ fields: [...header], data: rows.map((row) => header.map((c) => row[c] ?? "")) }, { newline: "\n" })}\n`;
}
