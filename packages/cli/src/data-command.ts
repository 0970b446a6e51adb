import { programmeYears, theories } from "@tiltak/datasets";
import {
  type CommandIo,
  type FlagValues,
  formatTable,
  parseChoiceFlag,
  usageError,
  writeOutput,
} from "./common.js";
import { formatCsv } from "./csv.js";

/** One bundled data set, as `tiltak data list` prints it. */
export interface DatasetEntry {
  /** The id to pass to `tiltak data show`. */
  id: string;
  /** `programme-year` or `theory`. */
  kind: "programme-year" | "theory";
  /** The programme and period, or the theory's title. */
  title: string;
}

/**
 * The bundled records and theories of `@tiltak/datasets`, in package order.
 *
 * @example
 * ```ts
 * import { datasetEntries } from "@tiltak/cli";
 * datasetEntries().find((entry) => entry.id === "nora-2024")?.kind; // => "programme-year"
 * datasetEntries().find((entry) => entry.id === "nora")?.kind; // => "theory"
 * ```
 */
export function datasetEntries(): DatasetEntry[] {
  return [
    ...programmeYears.map((record) => ({
      id: record.id,
      kind: "programme-year" as const,
      title: `${record.programme}, ${record.period.start} to ${record.period.end}`,
    })),
    ...theories.map((theory) => ({ id: theory.id, kind: "theory" as const, title: theory.title })),
  ];
}

function find(id: string): { kind: "programme-year" | "theory"; value: unknown } {
  const record = programmeYears.find((r) => r.id === id);
  if (record !== undefined) return { kind: "programme-year", value: JSON.parse(JSON.stringify(record)) };
  const theory = theories.find((t) => t.id === id);
  if (theory !== undefined) return { kind: "theory", value: JSON.parse(JSON.stringify(theory)) };
  const ids = datasetEntries().map((entry) => entry.id);
  const near = ids.filter((candidate) => candidate.startsWith(id.slice(0, 3)));
  throw usageError(
    "data",
    `no data set ${JSON.stringify(id)}${near.length > 0 ? ` (did you mean ${near.slice(0, 3).join(", ")}?)` : ""}; run "tiltak data list" for the ids`,
  );
}

function flatten(value: unknown, path: string, into: { field: string; value: string }[]): void {
  if (Array.isArray(value) || (typeof value === "object" && value !== null)) {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, inner] of entries) flatten(inner, path === "" ? key : `${path}.${key}`, into);
  } else into.push({ field: path, value: value === null ? "" : String(value) });
}

function render(
  found: { kind: "programme-year" | "theory"; value: unknown },
  format: "json" | "csv",
): string {
  if (format === "json") return `${JSON.stringify(found.value, null, 2)}\n`;
  if (found.kind === "theory") {
    const nodes = (found.value as { nodes: Record<string, unknown>[] }).nodes;
    return formatCsv(
      nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        label: node.label,
        horizon: node.horizon ?? "",
        tags: Array.isArray(node.tags) ? node.tags.join(";") : "",
      })),
    );
  }
  const rows: { field: string; value: string }[] = [];
  flatten(found.value, "", rows);
  return formatCsv(rows);
}

/**
 * `tiltak data list [--json]`: the bundled programme-year records and theories, with their ids.
 *
 * @returns 0
 *
 * @example
 * ```ts
 * import { dataListCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await dataListCommand({}, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * out.join("").includes("nora-2024"); // => true
 * ```
 */
export async function dataListCommand(values: FlagValues, io: CommandIo): Promise<number> {
  const entries = datasetEntries();
  io.stdout(
    values.json === true
      ? `${JSON.stringify(entries, null, 2)}\n`
      : formatTable(entries, ["id", "kind", "title"]),
  );
  return 0;
}

/**
 * `tiltak data show <id> [--format json|csv]`: one record or theory on standard output. As CSV a
 * programme-year is `field,value` lines (dotted paths) and a theory its nodes.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for an unknown id
 *
 * @example
 * ```ts
 * import { dataShowCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await dataShowCommand("nora-2024", {}, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * JSON.parse(out.join("")).exits.total; // => 84
 * await dataShowCommand("nora-2042", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function dataShowCommand(id: string, values: FlagValues, io: CommandIo): Promise<number> {
  const format =
    typeof values.format === "string"
      ? parseChoiceFlag("--format", values.format, ["json", "csv"] as const)
      : "json";
  io.stdout(render(find(id), format));
  return 0;
}

/**
 * `tiltak data export <id> --out file [--format json|csv] [--force]`: one record or theory written to a
 * file (format by `--format` or the extension), atomically, never over an existing file without `--force`.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for an unknown id or an existing file
 *
 * @example
 * ```ts
 * import { dataExportCommand } from "@tiltak/cli";
 * await dataExportCommand("nora-2024", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT "--out: is required"
 * ```
 */
export async function dataExportCommand(id: string, values: FlagValues, io: CommandIo): Promise<number> {
  if (typeof values.out !== "string") throw usageError("--out", "is required");
  const format =
    typeof values.format === "string"
      ? parseChoiceFlag("--format", values.format, ["json", "csv"] as const)
      : values.out.toLowerCase().endsWith(".csv")
        ? "csv"
        : "json";
  const written = await writeOutput(render(find(id), format), values.out, values.force === true, io);
  io.stderr(`wrote ${written}\n`);
  return 0;
}
