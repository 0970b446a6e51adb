import type { TheorySpec } from "@tiltak/theory";
import {
  assessReadiness,
  checkTheory,
  compareTheories,
  type ReadinessAnswers,
  theoryJsonSchema,
  theoryRules,
  toDagitty,
  toDot,
  toKumu,
  toMarkdown,
  toMermaid,
} from "@tiltak/theory";
import {
  type CommandIo,
  checkOutput,
  type FlagValues,
  formatTable,
  parseChoiceFlag,
  parseNumberFlag,
  readJsonInput,
  usageError,
  writeOutput,
} from "./common.js";

async function readTheory(path: string, io: CommandIo): Promise<TheorySpec> {
  return (await readJsonInput(path, "theory", io)) as TheorySpec;
}

/**
 * `tiltak theory check <theory.json> [--severity rule=level,…] [--json]`: `checkTheory`, findings as a
 * table (severity, rule, message); exit 1 when a finding has severity `error` (a cycle, a broken
 * reference), 0 otherwise.
 *
 * @returns 0 or 1
 * @throws TiltakError `INVALID_INPUT` for an unreadable file or a theory of the wrong shape
 *
 * @example
 * ```ts
 * import { theoryCheckCommand } from "@tiltak/cli";
 * await theoryCheckCommand("/no/such/theory.json", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function theoryCheckCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const theory = await readTheory(file, io);
  const severity: Record<string, string> = {};
  if (typeof values.severity === "string")
    for (const item of values.severity.split(",")) {
      const [rule = "", level = ""] = item.split("=").map((part) => part.trim());
      parseChoiceFlag(
        "--severity",
        rule,
        theoryRules.map((r) => r.rule),
      );
      severity[rule] = parseChoiceFlag("--severity", level, ["error", "warning", "info", "off"]);
    }
  const result = checkTheory(theory, Object.keys(severity).length > 0 ? { severity: severity as never } : {});
  if (values.json === true) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const { error, warning, info } = result.counts;
    io.stdout(
      `${result.theory}: ${result.ok ? "ok" : "FAILED"} (${error} error${error === 1 ? "" : "s"}, ${warning} warning${warning === 1 ? "" : "s"}, ${info} info)\n`,
    );
    if (result.findings.length > 0)
      io.stdout(`\n${formatTable(result.findings, ["severity", "rule", "message"])}`);
  }
  return result.ok ? 0 : 1;
}

const extensions: Record<string, string> = {
  svg: "svg",
  mmd: "mermaid",
  mermaid: "mermaid",
  dot: "dot",
  gv: "dot",
  dagitty: "dagitty",
  json: "kumu",
  md: "markdown",
};

/**
 * `tiltak theory draw <theory.json> --format svg|mermaid|dot|dagitty|kumu|markdown [--out file]`: the
 * diagram as text (Mermaid, DOT, dagitty, Kumu JSON, Markdown) or drawn as SVG through Graphviz (loaded
 * only for SVG). The format defaults to `--out`'s extension, else Mermaid.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for a bad theory, format or an existing `--out` without `--force`
 *
 * @example
 * ```ts
 * import { theoryDrawCommand } from "@tiltak/cli";
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const dir = mkdtempSync(join(tmpdir(), "tiltak-doc-"));
 * writeFileSync(join(dir, "t.json"), JSON.stringify({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }] }));
 * const out: string[] = [];
 * await theoryDrawCommand("t.json", { format: "mermaid" }, { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir }); // => 0
 * out.join("").startsWith("flowchart"); // => true
 * ```
 */
export async function theoryDrawCommand(file: string, values: FlagValues, io: CommandIo): Promise<number> {
  const out = typeof values.out === "string" ? values.out : undefined;
  const byExtension = out === undefined ? undefined : extensions[out.toLowerCase().split(".").pop() ?? ""];
  const format = parseChoiceFlag(
    "--format",
    typeof values.format === "string" ? values.format : (byExtension ?? "mermaid"),
    ["svg", "mermaid", "dot", "dagitty", "kumu", "markdown"],
  );
  const options: { lang?: "en" | "nb"; wrap?: number } = {};
  if (typeof values.lang === "string") options.lang = parseChoiceFlag("--lang", values.lang, ["en", "nb"]);
  if (typeof values.wrap === "string") options.wrap = parseNumberFlag("--wrap", values.wrap);
  checkOutput(out, values.force === true, io);
  const theory = await readTheory(file, io);
  let text: string;
  if (format === "svg") text = await (await import("@tiltak/plot")).theorySvg(theory, options);
  else if (format === "mermaid") text = toMermaid(theory, options);
  else if (format === "dot") text = toDot(theory, options);
  else if (format === "dagitty") text = toDagitty(theory);
  else if (format === "kumu")
    text = JSON.stringify(toKumu(theory, options.lang === undefined ? {} : { lang: options.lang }), null, 2);
  else text = toMarkdown(theory, options.lang === undefined ? {} : { lang: options.lang });
  if (!text.endsWith("\n")) text += "\n";
  const written = await writeOutput(text, out, values.force === true, io);
  if (written !== undefined) io.stderr(`wrote ${written} (${format})\n`);
  return 0;
}

/**
 * `tiltak theory readiness <theory.json> [--answers study.json] [--json]`: `assessReadiness`, the items as
 * a table and the pilot and RCT verdicts.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for a bad theory or bad answers
 *
 * @example
 * ```ts
 * import { theoryReadinessCommand } from "@tiltak/cli";
 * await theoryReadinessCommand("/no/such/theory.json", {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function theoryReadinessCommand(
  file: string,
  values: FlagValues,
  io: CommandIo,
): Promise<number> {
  const theory = await readTheory(file, io);
  const answers =
    typeof values.answers === "string"
      ? ((await readJsonInput(values.answers, "answers", io)) as ReadinessAnswers)
      : {};
  const result = assessReadiness(theory, answers);
  if (values.json === true) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const verdict = (name: string, v: typeof result.pilot): string =>
    `${name}: ${v.verdict} (${v.met} of ${v.total} met${v.blocking.length > 0 ? `; blocking: ${v.blocking.join(", ")}` : ""})\n`;
  io.stdout(
    `${result.theory}\n${verdict("pilot", result.pilot)}${verdict("RCT", result.rct)}\n${formatTable(
      result.items.map((item) => ({ ...item, for: item.requiredFor.join("+") })),
      ["item", "status", "for", "next"],
    )}`,
  );
  return 0;
}

/**
 * `tiltak theory compare <a.json> <b.json> … [--by tags|labels|both] [--json]`: `compareTheories`, the
 * matrix of elements by theory and the elements all share.
 *
 * @returns 0
 * @throws TiltakError `INVALID_INPUT` for fewer than two theories or a bad one
 *
 * @example
 * ```ts
 * import { theoryCompareCommand } from "@tiltak/cli";
 * await theoryCompareCommand(["a.json"], {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT "theory compare: expected two or more theory files, got 1"
 * ```
 */
export async function theoryCompareCommand(
  files: readonly string[],
  values: FlagValues,
  io: CommandIo,
): Promise<number> {
  if (files.length < 2)
    throw usageError("theory compare", `expected two or more theory files, got ${files.length}`);
  const theories: TheorySpec[] = [];
  for (const file of files) theories.push(await readTheory(file, io));
  const by =
    typeof values.by === "string"
      ? parseChoiceFlag("--by", values.by, ["tags", "labels", "both"])
      : undefined;
  const result = compareTheories(theories, by === undefined ? {} : { by });
  if (values.json === true) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const ids = result.theories.map((t) => t.id);
  const rows = result.elements.map((element) => {
    const label = element.label.length > 60 ? `${element.label.slice(0, 59)}…` : element.label;
    const row: Record<string, unknown> = { element: label, kind: element.kind };
    for (const id of ids) row[id] = element.theories.includes(id) ? "x" : "";
    return row;
  });
  io.stdout(
    `${formatTable(rows, ["element", "kind", ...ids])}\nshared by all: ${result.shared.length === 0 ? "none" : result.shared.join(", ")}\n`,
  );
  return 0;
}

/**
 * `tiltak theory schema [--out file]`: the JSON Schema of theory files (`theoryJsonSchema`), for editors.
 *
 * @returns 0
 *
 * @example
 * ```ts
 * import { theorySchemaCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await theorySchemaCommand({}, { stdout: (t) => out.push(t), stderr: () => {}, cwd: "." }); // => 0
 * typeof JSON.parse(out.join("")).properties; // => "object"
 * ```
 */
export async function theorySchemaCommand(values: FlagValues, io: CommandIo): Promise<number> {
  const out = typeof values.out === "string" ? values.out : undefined;
  const written = await writeOutput(
    `${JSON.stringify(theoryJsonSchema(), null, 2)}\n`,
    out,
    values.force === true,
    io,
  );
  if (written !== undefined) io.stderr(`wrote ${written}\n`);
  return 0;
}
