import {
  checkFlows,
  compareProportions,
  type EffectSizeOptions,
  effectSizes,
  type FunnelOptions,
  funnel,
  type MetaAnalysisOptions,
  metaAnalysis,
  type OutcomeRatesOptions,
  outcomeRates,
  type ProgrammeYearInput,
} from "@tiltak/compare";
import {
  type CommandIo,
  checkOutput,
  type FlagValues,
  formatKeyValues,
  formatTable,
  formatValue,
  type InputData,
  parseChoiceFlag,
  parseNumberFlag,
  parseNumberListFlag,
  readInput,
  readJsonInput,
  usageError,
  writeOutput,
} from "./common.js";
import { formatCsv } from "./csv.js";

/**
 * The rows of a table input: a CSV file's records, a JSON array of objects, or a JSON object of equal-length
 * column arrays (`{ "yi": […], "vi": […] }`).
 *
 * @example
 * ```ts
 * import { inputRows } from "@tiltak/cli";
 * inputRows({ kind: "json", name: "e.json", value: { yi: [1, 2], vi: [0.1, 0.2] } }); // => [{ yi: 1, vi: 0.1 }, { yi: 2, vi: 0.2 }]
 * inputRows({ kind: "json", name: "e.json", value: 3 }); // => throws INVALID_INPUT
 * ```
 */
export function inputRows(input: InputData): Record<string, unknown>[] {
  if (input.kind === "csv") return input.table.rows;
  const value = input.value;
  if (
    Array.isArray(value) &&
    value.every((row) => typeof row === "object" && row !== null && !Array.isArray(row))
  )
    return value as Record<string, unknown>[];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const columns = Object.entries(value as Record<string, unknown>).filter(([, v]) => Array.isArray(v)) as [
      string,
      unknown[],
    ][];
    if (columns.length > 0) {
      const length = Math.max(...columns.map(([, v]) => v.length));
      return Array.from({ length }, (_, i) => Object.fromEntries(columns.map(([name, v]) => [name, v[i]])));
    }
  }
  throw usageError(
    input.name,
    "expected a table: CSV with a header line, a JSON array of objects, or a JSON object of column arrays",
  );
}

function has(rows: readonly Record<string, unknown>[], column: string): boolean {
  return rows.length > 0 && rows.some((row) => row[column] !== undefined && row[column] !== "");
}

function numbers(rows: readonly Record<string, unknown>[], column: string, file: string): number[] {
  if (!has(rows, column)) throw usageError(file, `has no column ${JSON.stringify(column)}`);
  return rows.map((row, i) => {
    const cell = row[column];
    const value =
      typeof cell === "number"
        ? cell
        : typeof cell === "string" && cell.trim() !== ""
          ? Number(cell)
          : Number.NaN;
    if (!Number.isFinite(value))
      throw usageError(
        `${file} row ${i + 1}, column ${column}`,
        `expected a number, got ${JSON.stringify(cell ?? "")}`,
      );
    return value;
  });
}

function texts(rows: readonly Record<string, unknown>[], column: string): string[] {
  return rows.map((row) => String(row[column] ?? ""));
}

function labelColumn(rows: readonly Record<string, unknown>[]): string | undefined {
  return ["slab", "study", "label", "id", "name"].find((column) => has(rows, column));
}

function json(io: CommandIo, value: unknown): number {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

async function readRecords(file: string, io: CommandIo): Promise<ProgrammeYearInput[]> {
  const value = await readJsonInput(file, "records", io);
  const list = Array.isArray(value) ? value : [value];
  if (list.some((record) => typeof record !== "object" || record === null))
    throw usageError(file, "expected a programme-year record (a JSON object) or an array of them");
  return list as ProgrammeYearInput[];
}

/**
 * `tiltak compare flows <records.json>`: `checkFlows` on each programme-year record; the findings as a
 * table; exit 1 when an identity does not hold.
 *
 * @returns 0 when every identity holds, 1 otherwise
 * @throws TiltakError `INVALID_INPUT` for an unreadable file or a malformed record
 *
 * @example
 * ```ts
 * import { compareFlowsCommand } from "@tiltak/cli";
 * await compareFlowsCommand("/no/such/records.json", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function compareFlowsCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const results = (await readRecords(file, io)).map((record) => checkFlows(record));
  const ok = results.every((result) => result.ok);
  if (values.json === true) {
    json(io, results.length === 1 ? results[0] : results);
    return ok ? 0 : 1;
  }
  for (const result of results) {
    io.stdout(
      `${result.id}: ${result.ok ? "ok" : "FAILED"} (${result.findings.length} finding(s), ${result.notChecked.length} not checked)\n`,
    );
    if (result.findings.length > 0)
      io.stdout(`${formatTable(result.findings, ["severity", "rule", "gap", "message"])}\n`);
  }
  return ok ? 0 : 1;
}

/**
 * `tiltak compare rates <records.json> --denominator exits [--method wilson] [--level 0.95]
 * [--outcomes work,education]`: `outcomeRates` for each record, as a table.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for a bad record or a denominator the record does not report
 *
 * @example
 * ```ts
 * import { compareRatesCommand } from "@tiltak/cli";
 * await compareRatesCommand("/no/such/records.json", { denominator: "exits" }, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function compareRatesCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const options = { denominator: values.denominator } as OutcomeRatesOptions;
  if (typeof values.method === "string") options.method = values.method as OutcomeRatesOptions["method"];
  if (typeof values.level === "string") options.level = parseNumberFlag("--level", values.level);
  if (typeof values.outcomes === "string")
    options.outcomes = values.outcomes.split(",").map((o) => o.trim()) as OutcomeRatesOptions["outcomes"];
  const rows = (await readRecords(file, io)).flatMap((record) => [...outcomeRates(record as never, options)]);
  if (values.json === true) return json(io, rows);
  io.stdout(
    formatTable(
      rows.map((row) => ({ ...row, interval: `[${formatValue(row.lower)}, ${formatValue(row.upper)}]` })),
      [
        "id",
        "outcome",
        "count",
        "denominator",
        "rate",
        "interval",
        ...(rows.some((r) => r.target !== undefined) ? ["target"] : []),
      ],
    ),
  );
  return 0;
}

/**
 * `tiltak compare proportions --x1 44 --n1 102 --x2 27 --n2 84 [--level 0.95]`: `compareProportions`:
 * risk difference, risk ratio, odds ratio with intervals; chi-square and Fisher's exact test.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` naming the flag
 *
 * @example
 * ```ts
 * import { compareProportionsCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await compareProportionsCommand({ x1: "44", n1: "102", x2: "27", n2: "84", json: true }, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * JSON.parse(out.join("")).riskRatio.estimate; // => 1.3420
 * ```
 */
export async function compareProportionsCommand(values: FlagValues, io: CommandIo): Promise<number> {
  const count = (key: "x1" | "n1" | "x2" | "n2"): number => {
    const text = values[key];
    if (typeof text !== "string") throw usageError(`--${key}`, "is required");
    return parseNumberFlag(`--${key}`, text);
  };
  const options = { x1: count("x1"), n1: count("n1"), x2: count("x2"), n2: count("n2") } as Parameters<
    typeof compareProportions
  >[0];
  if (typeof values.level === "string") options.level = parseNumberFlag("--level", values.level);
  const result = compareProportions(options);
  if (values.json === true) return json(io, result);
  const interval = (i: { estimate: number; lower: number; upper: number }): string =>
    `${formatValue(i.estimate)} [${formatValue(i.lower)}, ${formatValue(i.upper)}]`;
  const pairs: [string, unknown][] = [
    ["p1", result.p1],
    ["p2", result.p2],
    ["risk difference", interval(result.riskDifference)],
    ["risk ratio", interval(result.riskRatio)],
    ["odds ratio", interval(result.oddsRatio)],
  ];
  if (result.chiSquare !== null)
    pairs.push([
      "chi-square",
      `${formatValue(result.chiSquare.statistic)}, df ${result.chiSquare.df}, p ${formatValue(result.chiSquare.p)}`,
    ]);
  const fisher = (result as unknown as { fisher?: { p?: number } }).fisher;
  if (fisher?.p !== undefined) pairs.push(["Fisher's exact p", fisher.p]);
  io.stdout(`${formatKeyValues(pairs)}(intervals at level ${result.level})\n`);
  return 0;
}

/**
 * `tiltak compare meta <effects.csv> [--method REML] [--test z|knha] [--level 0.95] [--forest forest.svg]`:
 * `metaAnalysis` (as `metafor::rma`) over columns `yi` and `vi` (or `sei`), with `slab` (or `study`) as
 * labels and `subgroup` for a subgroup test; the forest plot is drawn with `@tiltak/plot`.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` naming the file, row and column of a bad cell
 *
 * @example
 * ```ts
 * import { compareMetaCommand } from "@tiltak/cli";
 * await compareMetaCommand("/no/such/effects.csv", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function compareMetaCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const forestPath = typeof values.forest === "string" ? values.forest : undefined;
  checkOutput(forestPath, values.force === true, io);
  const input = await readInput(file, "effects", io, values.format as string | undefined);
  const rows = inputRows(input);
  const options: MetaAnalysisOptions = { yi: numbers(rows, "yi", input.name) };
  if (has(rows, "vi")) options.vi = numbers(rows, "vi", input.name);
  else if (has(rows, "sei")) options.sei = numbers(rows, "sei", input.name);
  else throw usageError(input.name, 'has no column "vi" (or "sei"): the sampling variances');
  options.method = parseChoiceFlag("--method", typeof values.method === "string" ? values.method : "REML", [
    "FE",
    "DL",
    "REML",
    "PM",
    "HE",
    "SJ",
    "ML",
  ]);
  if (typeof values.test === "string") options.test = parseChoiceFlag("--test", values.test, ["z", "knha"]);
  if (typeof values.level === "string") options.level = parseNumberFlag("--level", values.level);
  const label = labelColumn(rows);
  if (label !== undefined) options.slab = texts(rows, label);
  if (has(rows, "subgroup")) options.subgroups = texts(rows, "subgroup");
  const result = metaAnalysis(options);
  if (values.json === true) json(io, result);
  else {
    const r = result as unknown as Record<string, number>;
    io.stdout(
      `\n     Meta-analysis (k = ${result.k}; ${result.method}${result.test === "knha" ? ", Knapp-Hartung" : ""})\n\n${formatKeyValues(
        [
          ["estimate", result.estimate],
          ["se", result.se],
          [result.test === "knha" ? "t" : "z", result.z],
          ["p", result.p],
          [
            `${formatValue(result.level * 100)}% CI`,
            `[${formatValue(result.ciLower)}, ${formatValue(result.ciUpper)}]`,
          ],
          ["tau2", result.tau2],
          ["tau", result.tau],
          ["I2 (%)", result.I2],
          ["H2", result.H2],
          ["Q", `${formatValue(result.Q)} (df ${result.QDf}, p ${formatValue(result.QP)})`],
          ["prediction interval", `[${formatValue(r.piLower)}, ${formatValue(r.piUpper)}]`],
        ],
      )}`,
    );
  }
  if (forestPath !== undefined) {
    const plot = await import("@tiltak/plot");
    const svg = await plot.renderSvg(
      plot.forest(result, values.exponentiate === true ? { exponentiate: true } : {}),
    );
    const written = await writeOutput(svg, forestPath, values.force === true, io);
    io.stderr(`wrote ${written}\n`);
  }
  return 0;
}

/**
 * `tiltak compare effect-sizes <counts.csv> --measure RR [--add 0.5] [--to only0] [--out effects.csv]`:
 * `effectSizes` (as `metafor::escalc`) from the columns the measure needs; writes CSV with `slab`, `yi`,
 * `vi`, ready for `tiltak compare meta`.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` naming the file, row and column of a bad cell, or a missing column
 *
 * @example
 * ```ts
 * import { compareEffectSizesCommand } from "@tiltak/cli";
 * await compareEffectSizesCommand("/no/such/counts.csv", { measure: "RR" }, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function compareEffectSizesCommand(
  file: string,
  values: FlagValues,
  io: CommandIo,
): Promise<number> {
  const measure = parseChoiceFlag("--measure", String(values.measure ?? ""), [
    "RR",
    "OR",
    "RD",
    "PLO",
    "PR",
    "PAS",
    "PFT",
    "MD",
    "SMD",
  ]);
  const out = typeof values.out === "string" ? values.out : undefined;
  checkOutput(out, values.force === true, io);
  const input = await readInput(file, "counts", io, values.format as string | undefined);
  const rows = inputRows(input);
  const options: Record<string, unknown> = { measure };
  const take = (column: string): void => {
    options[column] = numbers(rows, column, input.name);
  };
  const either = (a: string, b: string): void => take(has(rows, a) || !has(rows, b) ? a : b);
  if (measure === "RR" || measure === "OR" || measure === "RD") {
    take("ai");
    either("bi", "n1i");
    take("ci");
    either("di", "n2i");
  } else if (measure === "MD" || measure === "SMD")
    for (const c of ["m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"]) take(c);
  else {
    take("xi");
    either("ni", "mi");
  }
  if (measure !== "MD" && measure !== "SMD") {
    if (typeof values.add === "string") options.add = parseNumberFlag("--add", values.add);
    if (typeof values.to === "string")
      options.to = parseChoiceFlag("--to", values.to, ["only0", "all", "if0all", "none"]);
  }
  const label = labelColumn(rows);
  if (label !== undefined) options.slab = texts(rows, label);
  const result = effectSizes(options as unknown as EffectSizeOptions);
  if (values.json === true) return json(io, result);
  const table = result.yi.map((yi, i) => ({
    ...(result.slab === undefined ? {} : { slab: result.slab[i] }),
    yi,
    vi: result.vi[i],
  }));
  const text = out?.toLowerCase().endsWith(".json")
    ? `${JSON.stringify(table, null, 2)}\n`
    : formatCsv(table, Object.keys(table[0] ?? { yi: 0, vi: 0 }));
  const written = await writeOutput(text, out, values.force === true, io);
  if (written !== undefined) io.stderr(`wrote ${written} (${result.k} studies, ${measure})\n`);
  return 0;
}

/**
 * `tiltak compare funnel <units.csv> [--target 0.6] [--levels 0.95,0.998] [--overdispersion none]
 * [--out funnel.svg]`: `funnel` limits for proportions x/n; the units and their flags as a table, and the
 * plot drawn with `@tiltak/plot` when `--out` is given.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` naming the file, row and column of a bad cell
 *
 * @example
 * ```ts
 * import { compareFunnelCommand } from "@tiltak/cli";
 * await compareFunnelCommand("/no/such/units.csv", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function compareFunnelCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const out = typeof values.out === "string" ? values.out : undefined;
  checkOutput(out, values.force === true, io);
  const input = await readInput(file, "units", io, values.format as string | undefined);
  const rows = inputRows(input);
  const xColumn = has(rows, "x") || !has(rows, "events") ? "x" : "events";
  const xs = numbers(rows, xColumn, input.name);
  const ns = numbers(rows, "n", input.name);
  const label = labelColumn(rows);
  const units = rows.map((row, i) => ({
    ...(label === undefined ? { id: String(i + 1) } : { label: String(row[label]) }),
    x: xs[i] as number,
    n: ns[i] as number,
  }));
  const options: FunnelOptions = {};
  if (typeof values.target === "string") options.target = parseNumberFlag("--target", values.target);
  if (typeof values.levels === "string") options.levels = parseNumberListFlag("--levels", values.levels);
  if (typeof values.method === "string")
    options.method = parseChoiceFlag("--method", values.method, ["exact", "normal"]);
  if (typeof values.overdispersion === "string")
    options.overdispersion = parseChoiceFlag("--overdispersion", values.overdispersion, [
      "none",
      "multiplicative",
      "additive",
    ]);
  const result = funnel(units, options);
  if (values.json === true) json(io, result);
  else
    io.stdout(
      `target ${formatValue(result.target)} (${result.targetSource}), limits at ${result.levels.join(", ")} (${result.method})\n\n${formatTable(
        result.units,
        ["label", "x", "n", "rate", "z", "flag"],
      )}`,
    );
  if (out !== undefined) {
    const plot = await import("@tiltak/plot");
    const written = await writeOutput(
      await plot.renderSvg(plot.funnel(result)),
      out,
      values.force === true,
      io,
    );
    io.stderr(`wrote ${written}\n`);
  }
  return 0;
}
