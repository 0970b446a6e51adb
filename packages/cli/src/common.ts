import { extname, resolve } from "node:path";
import { TiltakError } from "@tiltak/core";
import type { CliIo } from "./allocate-command.js";
import { type CsvTable, parseCsv } from "./csv.js";
import { readText, refuseOverwrite, writeFileAtomic } from "./files.js";

/**
 * What a command may use beyond {@link CliIo}: standard input (for `-`), whether standard error is a
 * terminal (progress bars are drawn only then) and an abort signal (Ctrl-C).
 */
export interface CommandIo extends CliIo {
  /** Reads all of standard input; default the process's. */
  stdin?: (() => Promise<string>) | undefined;
  /** Whether standard error is a terminal; default `process.stderr.isTTY`. */
  isTTY?: boolean | undefined;
}

/** The flags of a command as commander parsed them: text values, `true` for switches, by camelCase name. */
export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * A usage or input error (exit code 2): a `TiltakError` with code `INVALID_INPUT` whose message names the
 * flag, file or row at fault.
 *
 * @param where - the flag or file, e.g. `"--d"`
 * @param message - what it accepts and what it got
 *
 * @example
 * ```ts
 * import { usageError } from "@tiltak/cli";
 * usageError("--d", 'expected a number, got "abc"').message; // => "--d: expected a number, got \"abc\""
 * ```
 */
export function usageError(where: string, message: string): TiltakError {
  return new TiltakError("INVALID_INPUT", `${where}: ${message}`, [{ path: [where], message }]);
}

/**
 * Parses a flag's value as a finite number, or throws naming the flag: `--d: expected a number, got "abc"`.
 *
 * @example
 * ```ts
 * import { parseNumberFlag } from "@tiltak/cli";
 * parseNumberFlag("--d", "0.5"); // => 0.5
 * parseNumberFlag("--d", "abc"); // => throws INVALID_INPUT "--d: expected a number, got \"abc\""
 * ```
 */
export function parseNumberFlag(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed === "" ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) throw usageError(flag, `expected a number, got ${JSON.stringify(text)}`);
  return value;
}

/**
 * Parses a comma-separated list of numbers (`0.2,0.5,0.8`), naming the flag and the bad item.
 *
 * @example
 * ```ts
 * import { parseNumberListFlag } from "@tiltak/cli";
 * parseNumberListFlag("--values", "0.2, 0.5,0.8"); // => [0.2, 0.5, 0.8]
 * parseNumberListFlag("--values", "0.2,x"); // => throws INVALID_INPUT "--values: expected comma-separated numbers, got \"x\" in \"0.2,x\""
 * ```
 */
export function parseNumberListFlag(flag: string, text: string): number[] {
  return text.split(",").map((item) => {
    const value = item.trim() === "" ? Number.NaN : Number(item);
    if (!Number.isFinite(value))
      throw usageError(
        flag,
        `expected comma-separated numbers, got ${JSON.stringify(item.trim())} in ${JSON.stringify(text)}`,
      );
    return value;
  });
}

/**
 * Checks a flag's value against a list of choices, naming the flag and the choices when it is not one.
 *
 * @example
 * ```ts
 * import { parseChoiceFlag } from "@tiltak/cli";
 * parseChoiceFlag("--method", "REML", ["FE", "DL", "REML"]); // => "REML"
 * parseChoiceFlag("--method", "reml", ["FE", "REML"]); // => throws INVALID_INPUT "--method: expected one of FE, REML, got \"reml\""
 * ```
 */
export function parseChoiceFlag<const T extends string>(
  flag: string,
  text: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(text))
    throw usageError(flag, `expected one of ${choices.join(", ")}, got ${JSON.stringify(text)}`);
  return text as T;
}

/** An input file read as JSON or as a CSV table. */
export type InputData =
  | { kind: "json"; name: string; value: unknown }
  | { kind: "csv"; name: string; table: CsvTable };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads an input file (or standard input for `-`) as JSON or CSV: by `format` when given, else by the
 * extension (`.csv` or `.tsv` is CSV, anything else JSON; standard input defaults to JSON).
 *
 * @param path - a path relative to `io.cwd`, or `-`
 * @param what - what the file holds, for messages (`"effects"`)
 * @param io - the working directory and standard input
 * @param format - `"json"` or `"csv"` to override the extension
 *
 * @example
 * ```ts
 * import { readInput } from "@tiltak/cli";
 * await readInput("/no/such/effects.csv", "effects", { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT "effects /no/such/effects.csv cannot be read: no such file"
 * ```
 */
export async function readInput(
  path: string,
  what: string,
  io: CommandIo,
  format?: string | undefined,
): Promise<InputData> {
  const name = path === "-" ? "standard input" : path;
  const kind =
    format === undefined
      ? [".csv", ".tsv", ".txt"].includes(extname(path).toLowerCase())
        ? "csv"
        : "json"
      : parseChoiceFlag("--format", format, ["json", "csv"]);
  const text = path === "-" ? await (io.stdin ?? readStdin)() : await readText(resolve(io.cwd, path), what);
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (kind === "csv") return { kind, name, table: parseCsv(clean, name) };
  try {
    return { kind, name, value: JSON.parse(clean) };
  } catch (error) {
    throw new TiltakError("INVALID_INPUT", `${what} ${name} is not valid JSON: ${(error as Error).message}`, [
      { path: [what], message: "must be valid JSON" },
    ]);
  }
}

/**
 * Reads a JSON input (a file or `-`), refusing CSV: for inputs that only make sense as JSON (theories,
 * programme-year records, plans).
 *
 * @example
 * ```ts
 * import { readJsonInput } from "@tiltak/cli";
 * await readJsonInput("/no/such/theory.json", "theory", { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function readJsonInput(path: string, what: string, io: CommandIo): Promise<unknown> {
  const input = await readInput(path, what, io, "json");
  return (input as { value: unknown }).value;
}

/**
 * Writes a command's output: to standard output when `out` is undefined or `-`, else to the file
 * (atomically, through a temporary file; an existing file is kept unless `force`).
 *
 * @returns the path written, or undefined for standard output
 *
 * @example
 * ```ts
 * import { writeOutput } from "@tiltak/cli";
 * const lines: string[] = [];
 * await writeOutput("a,b\n", undefined, false, { stdout: (t) => lines.push(t), stderr: () => {}, cwd: "." }); // => undefined
 * lines; // => ["a,b\n"]
 * ```
 */
export async function writeOutput(
  text: string,
  out: string | undefined,
  force: boolean | undefined,
  io: CliIo,
): Promise<string | undefined> {
  if (out === undefined || out === "-") {
    io.stdout(text);
    return undefined;
  }
  const path = resolve(io.cwd, out);
  refuseOverwrite([path], force === true);
  await writeFileAtomic(path, text);
  return path;
}

/**
 * Refuses an output path that exists (unless `force`), before any work is done: relative to `io.cwd`.
 *
 * @example
 * ```ts
 * import { checkOutput } from "@tiltak/cli";
 * checkOutput("/no/such/file.svg", false, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => undefined
 * ```
 */
export function checkOutput(out: string | undefined, force: boolean | undefined, io: CliIo): void {
  if (out !== undefined && out !== "-") refuseOverwrite([resolve(io.cwd, out)], force === true);
}

/**
 * Formats a number as R prints it by default: 7 significant digits, trailing zeros dropped.
 *
 * @example
 * ```ts
 * import { formatValue } from "@tiltak/cli";
 * formatValue(63.76561019094385); // => "63.76561"
 * formatValue(0.05); // => "0.05"
 * formatValue(0.00007054267); // => "7.054267e-5"
 * formatValue([3, 3]); // => "3, 3"
 * ```
 */
export function formatValue(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e15))
      return value.toExponential(6).replace(/\.?0+e/, "e");
    return String(Number(value.toPrecision(7)));
  }
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Lays out rows as a plain-text table with a header line, columns left-aligned (numbers right-aligned).
 *
 * @example
 * ```ts
 * import { formatTable } from "@tiltak/cli";
 * formatTable([{ id: "a", n: 10 }, { id: "bb", n: 5 }], ["id", "n"]); // => "id   n\na   10\nbb   5\n"
 * ```
 */
export function formatTable(rows: readonly object[], columns: readonly string[]): string {
  const records = rows as readonly Record<string, unknown>[];
  const cells = records.map((row) => columns.map((column) => formatValue(row[column])));
  const numeric = columns.map(
    (column) => records.length > 0 && records.every((row) => typeof row[column] === "number"),
  );
  const widths = columns.map((column, j) =>
    Math.max(column.length, ...cells.map((line) => (line[j] as string).length)),
  );
  const line = (items: readonly string[]): string =>
    items
      .map((item, j) => {
        const last = j === items.length - 1;
        if (numeric[j]) return item.padStart(widths[j] as number);
        return last ? item : item.padEnd(widths[j] as number);
      })
      .join("  ")
      .trimEnd();
  return `${[line(columns), ...cells.map((c) => line(c))].join("\n")}\n`;
}

/**
 * Lays out `name = value` lines with the names right-aligned, as R prints a power calculation.
 *
 * @example
 * ```ts
 * import { formatKeyValues } from "@tiltak/cli";
 * formatKeyValues([["n", 63.76561019094385], ["sig-level", 0.05]]); // => "        n = 63.76561\nsig-level = 0.05\n"
 * ```
 */
export function formatKeyValues(pairs: readonly (readonly [string, unknown])[]): string {
  const width = Math.max(0, ...pairs.map(([key]) => key.length));
  return pairs.map(([key, value]) => `${key.padStart(width)} = ${formatValue(value)}\n`).join("");
}

/**
 * A numeric column of a CSV table, every cell parsed, with errors naming the file, data row and column.
 *
 * @example
 * ```ts
 * import { numberColumn } from "@tiltak/cli";
 * numberColumn({ columns: ["yi"], rows: [{ yi: "0.5" }, { yi: "-1" }] }, "yi", "effects.csv"); // => [0.5, -1]
 * numberColumn({ columns: ["yi"], rows: [{ yi: "x" }] }, "yi", "effects.csv"); // => throws INVALID_INPUT "effects.csv row 1, column yi: expected a number, got \"x\""
 * ```
 */
export function numberColumn(table: CsvTable, column: string, file: string): number[] {
  if (!table.columns.includes(column))
    throw usageError(file, `has no column ${JSON.stringify(column)} (columns: ${table.columns.join(", ")})`);
  return table.rows.map((row, i) => {
    const text = row[column] ?? "";
    const value = text.trim() === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(value))
      throw usageError(
        `${file} row ${i + 1}, column ${column}`,
        `expected a number, got ${JSON.stringify(text)}`,
      );
    return value;
  });
}

/**
 * `sigLevel` → `sig-level`: an option name as a command-line flag (without the dashes).
 *
 * @example
 * ```ts
 * import { kebabCase } from "@tiltak/cli";
 * kebabCase("r2Individual"); // => "r2-individual"
 * kebabCase("N"); // => "N"
 * ```
 */
export function kebabCase(name: string): string {
  if (name.length === 1) return name;
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
