import { isTiltakError, TiltakError } from "@tiltak/core";
import * as power from "@tiltak/power";
import type { CliIo } from "./allocate-command.js";
import {
  type CommandIo,
  checkOutput,
  type FlagValues,
  formatKeyValues,
  formatTable,
  formatValue,
  kebabCase,
  parseNumberFlag,
  parseNumberListFlag,
  usageError,
  writeOutput,
} from "./common.js";
import { formatCsv } from "./csv.js";
import { type PowerFlag, type PowerTest, powerTests, simulateFlags } from "./power-spec.js";

function findTest(name: string): PowerTest {
  const test = powerTests.find((t) => t.name === name || t.aliases.includes(name));
  if (test === undefined) throw usageError("power", `unknown test ${JSON.stringify(name)}`);
  return test;
}

/**
 * Turns command-line flag values into a power function's options: numbers parsed (naming the flag when
 * one is not a number), `solve` (or `null`) for a parameter to solve that has a default (`--sig-level
 * solve`), lists split at commas. Flags not given are left out, so the one missing is solved.
 *
 * @example
 * ```ts
 * import { flagsToOptions, powerTests } from "@tiltak/cli";
 * const test = powerTests.find((t) => t.name === "t-test")!;
 * flagsToOptions(test.flags, { d: "0.5", power: "0.8" }); // => { d: 0.5, power: 0.8 }
 * flagsToOptions(test.flags, { d: "abc" }); // => throws INVALID_INPUT "--d: expected a number, got \"abc\""
 * ```
 */
export function flagsToOptions(flags: readonly PowerFlag[], values: FlagValues): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const flag of flags) {
    const value = values[flag.key];
    if (value === undefined) continue;
    const name = `--${kebabCase(flag.key)}`;
    if (flag.kind.type === "boolean") options[flag.key] = value === true;
    else if (typeof value !== "string") throw usageError(name, "expected a value");
    else if (flag.kind.type === "number") options[flag.key] = parseNumberFlag(name, value);
    else if (flag.kind.type === "solvable")
      options[flag.key] = value === "solve" || value === "null" ? null : parseNumberFlag(name, value);
    else if (flag.kind.type === "numbers") options[flag.key] = parseNumberListFlag(name, value);
    else if (flag.kind.type === "choice" && !flag.kind.choices.includes(value))
      throw usageError(name, `expected one of ${flag.kind.choices.join(", ")}, got ${JSON.stringify(value)}`);
    else options[flag.key] = value;
  }
  return options;
}

/** Runs a library call, re-phrasing its errors with the flag names: `--power: power must be in …`. */
function withFlagNames<T>(flags: readonly PowerFlag[], call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!isTiltakError(error)) throw error;
    const key = error.issues[0]?.path[0];
    const flag = flags.find((f) => f.key === key);
    if (flag === undefined) throw error;
    throw new TiltakError(
      error.code,
      `--${kebabCase(flag.key)}: ${error.message}`,
      error.issues,
      error.details,
    );
  }
}

const hidden = new Set(["method", "note"]);

/**
 * Prints a power result as R prints an `htest` power calculation: the method, `name = value` lines (7
 * significant digits, flag names), the note, then the integers to recruit for a solved sample size.
 *
 * @example
 * ```ts
 * import { formatPowerResult } from "@tiltak/cli";
 * formatPowerResult({ n: 63.76561019094385, d: 0.5, method: "Two-sample t test power calculation", nRecruit: 64 }).split("\n")[3]; // => "n = 63.76561"
 * ```
 */
export function formatPowerResult(result: Record<string, unknown>): string {
  const pairs: [string, unknown][] = [];
  const recruit: [string, unknown][] = [];
  for (const [key, value] of Object.entries(result)) {
    if (hidden.has(key) || value === undefined) continue;
    if (key.endsWith("Recruit")) recruit.push([kebabCase(key.slice(0, -"Recruit".length)), value]);
    else pairs.push([kebabCase(key), value]);
  }
  let text = `\n${typeof result.method === "string" ? `     ${result.method}\n\n` : ""}${formatKeyValues(pairs)}`;
  if (typeof result.note === "string") text += `\nNOTE: ${result.note}\n`;
  if (recruit.length > 0)
    text += `\nto recruit: ${recruit.map(([key, value]) => `${key} = ${value}`).join(", ")} (rounded up)\n`;
  return text;
}

/**
 * `tiltak power <test> [--<option> value …] [--json]`: calls the `@tiltak/power` function with the flags
 * given (the option left out is solved) and prints the result as R does, or as JSON.
 *
 * @param name - the test, e.g. `t-test`
 * @param values - the flags (commander's camelCase keys, e.g. `sigLevel`)
 * @returns the exit code (0)
 * @throws TiltakError `INVALID_INPUT` naming the flag, `NO_SOLUTION` when nothing solves
 *
 * @example
 * ```ts
 * import { powerCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await powerCommand("t-test", { d: "0.5", power: "0.8" }, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * out.join("").includes("n = 63.76561"); // => true
 * ```
 */
export async function powerCommand(name: string, values: FlagValues, io: CliIo): Promise<number> {
  const test = findTest(name);
  const options = flagsToOptions(test.flags, values);
  const fn = (power as unknown as Record<string, (o: unknown) => unknown>)[test.fn] as (
    o: unknown,
  ) => unknown;
  const result = withFlagNames(test.flags, () => fn(options));
  if (values.json === true) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (typeof result === "number") {
    io.stdout(formatKeyValues([[test.name, result]]));
    return 0;
  }
  io.stdout(formatPowerResult(result as Record<string, unknown>));
  return 0;
}

/**
 * `tiltak power curve <test> [test flags] --vary n --from 10 --to 100 [--points 20] [--integer]
 * [--series d=0.2,0.5,0.8] [--output power] [--out curve.svg|csv|json]`: `powerCurve` over the test's
 * function; an `.svg` output is drawn with `@tiltak/plot` (loaded only then).
 *
 * @returns the exit code (0)
 * @throws TiltakError `INVALID_INPUT` naming the flag
 *
 * @example
 * ```ts
 * import { powerCurveCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await powerCurveCommand("t-test", { d: "0.5", vary: "n", from: "10", to: "100", points: "10", json: true }, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * JSON.parse(out.join("")).length; // => 10
 * ```
 */
export async function powerCurveCommand(name: string, values: FlagValues, io: CliIo): Promise<number> {
  const test = findTest(name);
  const base = flagsToOptions(test.flags, values);
  if (typeof values.vary !== "string") throw usageError("--vary", "is required: the option to vary, e.g. n");
  const vary = values.vary.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (!test.flags.some((flag) => flag.key === vary))
    throw usageError(
      "--vary",
      `expected an option of ${test.name} (${test.flags.map((f) => kebabCase(f.key)).join(", ")}), got ${JSON.stringify(values.vary)}`,
    );
  if (typeof values.from !== "string") throw usageError("--from", "is required");
  if (typeof values.to !== "string") throw usageError("--to", "is required");
  const curve: power.PowerCurveOptions = {
    vary,
    from: parseNumberFlag("--from", values.from),
    to: parseNumberFlag("--to", values.to),
    integer: values.integer === true,
  };
  if (typeof values.points === "string") curve.points = parseNumberFlag("--points", values.points);
  if (typeof values.output === "string") curve.output = values.output;
  if (typeof values.series === "string") {
    const match = /^([A-Za-z0-9-]+)=(.+)$/.exec(values.series);
    if (match === null)
      throw usageError(
        "--series",
        `expected option=v1,v2,… (e.g. d=0.2,0.5,0.8), got ${JSON.stringify(values.series)}`,
      );
    curve.series = {
      vary: (match[1] as string).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      values: parseNumberListFlag("--series", match[2] as string),
    };
  }
  const out = typeof values.out === "string" ? values.out : undefined;
  checkOutput(out, values.force === true, io);
  const fn = (power as unknown as Record<string, (o: object) => object>)[test.fn] as (o: object) => object;
  const rows = withFlagNames(test.flags, () => power.powerCurve(fn, base, curve));
  const extension = out?.toLowerCase().split(".").pop();
  let text: string;
  if (extension === "svg") {
    const plot = await import("@tiltak/plot");
    text = await plot.renderSvg(plot.powerCurve(rows));
  } else if (extension === "csv") text = formatCsv(rows);
  else if (extension === "json" || values.json === true) text = `${JSON.stringify(rows, null, 2)}\n`;
  else text = formatTable(rows, [...new Set(rows.flatMap((row) => Object.keys(row)))]);
  const written = await writeOutput(text, out, values.force === true, io);
  if (written !== undefined) io.stderr(`wrote ${written} (${rows.length} points)\n`);
  return 0;
}

/**
 * `tiltak power simulate --outcome binary --n 100 --p1 0.5 --p2 0.7 --reps 2000 --seed s`: power by
 * simulation of a two-arm trial (`twoArmSimulator` and `simulatePowerAsync`). A progress bar is drawn
 * on standard error only when it is a terminal; Ctrl-C (or `signal`) stops after the current chunk and
 * prints the result over the replicates done (exit code 130).
 *
 * @param values - the flags
 * @param io - output, and `isTTY` for the progress bar
 * @param signal - aborts the run (the command line passes one aborted by SIGINT)
 * @returns 0, or 130 when the run was cancelled
 *
 * @example
 * ```ts
 * import { powerSimulateCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await powerSimulateCommand({ outcome: "continuous", n: "64", delta: "0.5", reps: "200", seed: "s", json: true }, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * JSON.parse(out.join("")).reps; // => 200
 * ```
 */
export async function powerSimulateCommand(
  values: FlagValues,
  io: CommandIo,
  signal?: AbortSignal,
): Promise<number> {
  const options = flagsToOptions(simulateFlags, values);
  const { reps = 1000, seed, sigLevel, level, algorithm, workers, ...simulatorOptions } = options;
  if (seed === undefined)
    throw usageError("--seed", "is required (any text; the same seed gives the same result)");
  if (simulatorOptions.outcome === undefined)
    throw usageError("--outcome", "is required: binary or continuous");
  const simulate = withFlagNames(simulateFlags, () =>
    power.twoArmSimulator(simulatorOptions as unknown as power.TwoArmSimulatorOptions),
  );
  const run: power.SimulatePowerOptions = { simulate, reps: reps as number, seed: seed as string };
  if (sigLevel !== undefined) run.sigLevel = sigLevel as number;
  if (level !== undefined) run.level = level as number;
  if (algorithm !== undefined) run.algorithm = algorithm as power.SimulatePowerOptions["algorithm"];
  if (workers !== undefined) run.workers = workers as number;
  if (signal !== undefined) run.signal = signal;
  // Yield (and so see Ctrl-C, and move the bar) at least every 200 replicates.
  run.progressEvery = Math.max(1, Math.min(Math.round((reps as number) / 200), 200));
  const tty = io.isTTY === true;
  let bar: { update: (value: number, payload?: object) => void; stop: () => void } | undefined;
  if (tty) {
    const { SingleBar, Presets } = (await import("cli-progress")).default;
    const progressBar = new SingleBar(
      {
        format: "simulating |{bar}| {value}/{total} replicates, power {power} | Ctrl-C stops",
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      Presets.shades_classic,
    );
    progressBar.start(reps as number, 0, { power: "…" });
    bar = progressBar;
    run.onProgress = (progress) => progressBar.update(progress.done, { power: progress.power.toFixed(3) });
  }
  io.stderr(tty ? "" : `simulating ${reps} replicates (seed ${JSON.stringify(seed)})\n`);
  let result: power.SimulatePowerResult;
  try {
    result = await withFlagNamesAsync(simulateFlags, () => power.simulatePowerAsync(run));
  } finally {
    bar?.stop();
  }
  if (values.json === true) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const { ci, ...rest } = result;
    io.stdout(
      `\n     ${result.method}\n\n${formatKeyValues([
        ["power", rest.power],
        ["mcse", rest.mcse],
        [`${formatValue(rest.level * 100)}% CI`, `[${formatValue(ci[0])}, ${formatValue(ci[1])}]`],
        ["reps", rest.reps],
        ["rejections", rest.rejections],
        ["sig-level", rest.sigLevel],
        ["seed", rest.seed],
        ["algorithm", rest.algorithm],
      ])}`,
    );
  }
  if (result.cancelled) {
    io.stderr(`cancelled: the result covers ${result.reps} of ${result.requestedReps} replicates\n`);
    return 130;
  }
  return 0;
}

async function withFlagNamesAsync<T>(flags: readonly PowerFlag[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return withFlagNames(flags, () => {
      throw error;
    });
  }
}
