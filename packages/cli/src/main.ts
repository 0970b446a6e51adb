// The `tiltak` command tree (commander). Only commander and the flag lists are loaded at start-up: each
// action imports its command module, and with it the library packages, when it runs, so that
// `tiltak --help` never loads plotting, Graphviz or the statistics code.
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import type { CommandIo } from "./common.js";
import { type PowerFlag, powerTests, simulateFlags } from "./power-spec.js";

const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

const defaultIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY === true,
};

type Values = Record<string, string | boolean | undefined>;

function kebab(name: string): string {
  return name.length === 1 ? name : name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function addPowerFlags(command: Command, flags: readonly PowerFlag[]): Command {
  for (const flag of flags) {
    const name = `--${kebab(flag.key)}`;
    if (flag.kind.type === "boolean") {
      command.option(name, flag.help);
      continue;
    }
    const placeholder =
      flag.kind.type === "numbers"
        ? "<list>"
        : flag.kind.type === "choice" || flag.kind.type === "string"
          ? "<value>"
          : "<number>";
    const option = new Option(
      `${name} ${placeholder}`,
      flag.kind.type === "solvable" ? `${flag.help}; leave out to solve` : flag.help,
    );
    if (flag.kind.type === "choice") option.choices(flag.kind.choices);
    command.addOption(option);
  }
  return command;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

/**
 * Builds the `tiltak` command tree; `run` receives each action's exit code.
 *
 * @param io - where output goes
 * @param setCode - called with the exit code of the action that ran
 *
 * @example
 * ```ts
 * import { buildProgram } from "@tiltak/cli";
 * buildProgram({ stdout: () => {}, stderr: () => {}, cwd: "." }, () => {}).commands.map((c) => c.name()); // => ["power", "theory", "compare", "data", "allocate", "completion"]
 * ```
 */
export function buildProgram(io: CommandIo, setCode: (code: number) => void): Command {
  const program = new Command("tiltak");
  program
    .description("evaluate social programmes: power, programme theories, outcome comparisons, allocation")
    .version(version, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`tiltak: ${text.replace(/^error: /, "")}`),
    })
    .addHelpText(
      "after",
      `\nExit codes: 0 success, 1 findings or a failed verification, 2 a usage or input error.\nInputs: JSON or CSV (by extension or --format); "-" reads standard input. Outputs go to standard\noutput or --out (an existing file is kept unless --force).\n${examples(
        [
          "tiltak power t-test --d 0.5 --power 0.8",
          "tiltak theory check theory.json",
          "tiltak compare meta effects.csv --method REML --forest forest.svg",
          "tiltak data list",
        ],
      )}`,
    );
  const act =
    <A extends unknown[]>(run: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      setCode(await run(...args));
    };

  // power
  const powerGroup = program
    .command("power")
    .description("sample size, power and minimum detectable effects (leave out the one to solve)")
    .addHelpText(
      "after",
      `\nEach test's flags are its options in kebab case; the one left out is solved (--sig-level solve\nsolves the significance level). --json prints the result object.\n${examples(
        [
          "tiltak power t-test --d 0.5 --power 0.8",
          "tiltak power cluster --icc 0.1 --cluster-size 20 --mdes 0.3 --power 0.8",
          "tiltak power simulate --outcome binary --n 100 --p1 0.5 --p2 0.7 --reps 2000 --seed pilot",
          "tiltak power curve t-test --d 0.5 --vary n --from 10 --to 200 --out curve.svg",
        ],
      )}`,
    );
  for (const test of powerTests) {
    const command = powerGroup
      .command(test.name)
      .aliases([...test.aliases])
      .description(test.summary);
    addPowerFlags(command, test.flags)
      .option("--json", "print the result object as JSON")
      .addHelpText("after", examples([test.example]))
      .action(
        act(async (values: Values) =>
          (await import("./power-command.js")).powerCommand(test.name, values, io),
        ),
      );
  }
  addPowerFlags(
    powerGroup
      .command("simulate")
      .description("power by simulation of a two-arm trial (binary or continuous, individual or cluster)"),
    simulateFlags,
  )
    .option("--json", "print the result object as JSON")
    .addHelpText(
      "after",
      `\nA progress bar is drawn on a terminal (not when output is piped). Ctrl-C stops the run and prints\nthe result over the replicates done (exit code 130).\n${examples(
        [
          "tiltak power simulate --outcome continuous --n 64 --delta 0.5 --reps 5000 --seed s1",
          "tiltak power simulate --outcome binary --clusters 20 --cluster-size 15 --icc 0.05 --p1 0.3 --p2 0.45 --seed s2",
        ],
      )}`,
    )
    .action(
      act(async (values: Values) => {
        const { powerSimulateCommand } = await import("./power-command.js");
        const controller = new AbortController();
        const stop = (): void => controller.abort();
        process.once("SIGINT", stop);
        try {
          return await powerSimulateCommand(values, io, controller.signal);
        } finally {
          process.removeListener("SIGINT", stop);
        }
      }),
    );
  const curveGroup = powerGroup
    .command("curve")
    .description("a power curve over one option: a table, CSV, JSON or SVG (--out curve.svg)");
  for (const test of powerTests) {
    const command = curveGroup
      .command(test.name)
      .aliases([...test.aliases])
      .description(test.summary);
    addPowerFlags(command, test.flags)
      .requiredOption("--vary <option>", "the option on the x axis, e.g. n")
      .requiredOption("--from <number>", "first value")
      .requiredOption("--to <number>", "last value")
      .option("--points <number>", "number of points (default 20)")
      .option("--integer", "round the varied values to integers")
      .option("--series <option=values>", "one curve per value, e.g. d=0.2,0.5,0.8")
      .option("--output <field>", "the result field on the y axis (default power)")
      .option("--out <file>", "write .svg, .csv or .json (default: a table on standard output)")
      .option("--force", "replace an existing --out file")
      .option("--json", "print the rows as JSON")
      .addHelpText(
        "after",
        examples([
          `tiltak power curve ${test.name} … --vary ${test.flags[0]?.key === "n" ? "n" : kebab(test.flags[0]?.key ?? "n")} --from 10 --to 100 --out curve.svg`,
        ]),
      )
      .action(
        act(async (values: Values) =>
          (await import("./power-command.js")).powerCurveCommand(test.name, values, io),
        ),
      );
  }

  // theory
  const theory = program
    .command("theory")
    .description("programme theories: check, draw, readiness, compare, JSON Schema")
    .addHelpText(
      "after",
      examples([
        "tiltak theory check theory.json",
        "tiltak theory draw theory.json --out theory.svg",
        "tiltak theory schema --out theory.schema.json",
      ]),
    );
  theory
    .command("check")
    .description("check a theory's meaning; findings as a table, exit 1 on an error-level finding")
    .argument("<theory>", "theory JSON file, or - for standard input")
    .option("--severity <rule=level,…>", "override rule severities, e.g. mechanism-off-path=error,cycle=off")
    .option("--json", "print the result object as JSON")
    .addHelpText(
      "after",
      examples(["tiltak theory check theory.json", "tiltak theory check - < theory.json --json"]),
    )
    .action(
      act(async (file: string, values: Values) =>
        (await import("./theory-command.js")).theoryCheckCommand(file, values, io),
      ),
    );
  theory
    .command("draw")
    .description("draw a theory as SVG, Mermaid, Graphviz DOT, dagitty, Kumu JSON or Markdown")
    .argument("<theory>", "theory JSON file, or -")
    .addOption(
      new Option(
        "--format <format>",
        "diagram format (default: from --out's extension, else mermaid)",
      ).choices(["svg", "mermaid", "dot", "dagitty", "kumu", "markdown"]),
    )
    .addOption(new Option("--lang <lang>", "label language").choices(["en", "nb"]))
    .option("--wrap <width>", "wrap labels at this many characters")
    .option("--out <file>", "write to a file (default standard output)")
    .option("--force", "replace an existing --out file")
    .addHelpText(
      "after",
      examples([
        "tiltak theory draw theory.json --out theory.svg",
        "tiltak theory draw theory.json --format dot",
      ]),
    )
    .action(
      act(async (file: string, values: Values) =>
        (await import("./theory-command.js")).theoryDrawCommand(file, values, io),
      ),
    );
  theory
    .command("readiness")
    .description("pilot and RCT readiness of a theory, item by item")
    .argument("<theory>", "theory JSON file, or -")
    .option("--answers <file>", "JSON answers about the planned study (sample size, randomisation unit, …)")
    .option("--json", "print the result object as JSON")
    .addHelpText("after", examples(["tiltak theory readiness theory.json --answers study.json"]))
    .action(
      act(async (file: string, values: Values) =>
        (await import("./theory-command.js")).theoryReadinessCommand(file, values, io),
      ),
    );
  theory
    .command("compare")
    .description("compare theories element by element (shared and unique elements, a matrix)")
    .argument("<theories...>", "two or more theory JSON files")
    .addOption(
      new Option("--by <what>", "match by tags, labels or both (default both)").choices([
        "tags",
        "labels",
        "both",
      ]),
    )
    .option("--json", "print the result object as JSON")
    .addHelpText("after", examples(["tiltak theory compare a.json b.json c.json"]))
    .action(
      act(async (files: string[], values: Values) =>
        (await import("./theory-command.js")).theoryCompareCommand(files, values, io),
      ),
    );
  theory
    .command("schema")
    .description("print the JSON Schema of a theory file (for editors)")
    .option("--out <file>", "write to a file")
    .option("--force", "replace an existing --out file")
    .addHelpText("after", examples(["tiltak theory schema --out theory.schema.json"]))
    .action(
      act(async (values: Values) => (await import("./theory-command.js")).theorySchemaCommand(values, io)),
    );

  // compare
  const compare = program
    .command("compare")
    .description(
      "outcome records: stock–flow checks, rates, two proportions, effect sizes, meta-analysis, funnel",
    );
  const formatOption = (): Option =>
    new Option("--format <format>", "input format (default: by extension)").choices(["json", "csv"]);
  compare
    .command("flows")
    .description("check the stock–flow identities of programme-year records; exit 1 on a finding")
    .argument("<records>", "programme-year JSON (one record or an array), or -")
    .option("--json", "print the results as JSON")
    .addHelpText("after", examples(["tiltak compare flows nora-2024.json"]))
    .action(
      act(async (file: string, values: Values) =>
        (await import("./compare-command.js")).compareFlowsCommand(file, values, io),
      ),
    );
  compare
    .command("rates")
    .description("outcome rates of programme-year records over an explicit denominator, with intervals")
    .argument("<records>", "programme-year JSON (one record or an array), or -")
    .requiredOption("--denominator <kind>", "exits, participants, referrals, …")
    .option("--method <method>", "interval: wilson (default), clopper-pearson, agresti-coull, jeffreys, wald")
    .option("--level <number>", "confidence level (default 0.95)")
    .option("--outcomes <list>", "outcomes, comma-separated (default all reported)")
    .option("--json", "print the rows as JSON")
    .addHelpText(
      "after",
      examples(["tiltak compare rates nora-2024.json --denominator exits --outcomes work,education"]),
    )
    .action(
      act(async (file: string, values: Values) =>
        (await import("./compare-command.js")).compareRatesCommand(file, values, io),
      ),
    );
  compare
    .command("proportions")
    .description("two proportions x1/n1 and x2/n2: risk difference, ratio, odds ratio, tests")
    .requiredOption("--x1 <count>", "events in group 1")
    .requiredOption("--n1 <count>", "size of group 1")
    .requiredOption("--x2 <count>", "events in group 2")
    .requiredOption("--n2 <count>", "size of group 2")
    .option("--level <number>", "confidence level (default 0.95)")
    .option("--json", "print the result object as JSON")
    .addHelpText("after", examples(["tiltak compare proportions --x1 44 --n1 102 --x2 27 --n2 84"]))
    .action(
      act(async (values: Values) =>
        (await import("./compare-command.js")).compareProportionsCommand(values, io),
      ),
    );
  compare
    .command("meta")
    .description("random- or fixed-effects meta-analysis (as metafor::rma)")
    .argument("<effects>", "CSV or JSON with columns yi and vi (or sei), optional slab and subgroup; or -")
    .addOption(formatOption())
    .addOption(
      new Option("--method <method>", "estimator of τ² (default REML)").choices([
        "FE",
        "DL",
        "REML",
        "PM",
        "HE",
        "SJ",
        "ML",
      ]),
    )
    .addOption(new Option("--test <test>", "z (default) or Knapp–Hartung").choices(["z", "knha"]))
    .option("--level <number>", "confidence level (default 0.95)")
    .option("--forest <file>", "also draw a forest plot (SVG)")
    .option("--exponentiate", "show the forest plot on the exp scale (ratios)")
    .option("--force", "replace an existing --forest file")
    .option("--json", "print the result object as JSON")
    .addHelpText(
      "after",
      examples([
        "tiltak compare meta effects.csv --method REML",
        "tiltak compare effect-sizes counts.csv --measure RR | tiltak compare meta - --format csv --forest forest.svg",
      ]),
    )
    .action(
      act(async (file: string, values: Values) =>
        (await import("./compare-command.js")).compareMetaCommand(file, values, io),
      ),
    );
  compare
    .command("effect-sizes")
    .description("effect sizes and variances per study (as metafor::escalc); CSV with yi, vi")
    .argument(
      "<counts>",
      "CSV or JSON: ai,bi,ci,di (or n1i,n2i) | xi,ni | m1i,sd1i,n1i,m2i,sd2i,n2i; optional slab; or -",
    )
    .addOption(formatOption())
    .addOption(
      new Option("--measure <measure>", "the measure")
        .choices(["RR", "OR", "RD", "PLO", "PR", "PAS", "PFT", "MD", "SMD"])
        .makeOptionMandatory(),
    )
    .option("--add <number>", "zero-cell correction (default 1/2)")
    .addOption(
      new Option("--to <which>", "studies that get --add (default only0)").choices([
        "only0",
        "all",
        "if0all",
        "none",
      ]),
    )
    .option("--out <file>", "write the CSV (or .json) to a file")
    .option("--force", "replace an existing --out file")
    .option("--json", "print the result object as JSON")
    .addHelpText("after", examples(["tiltak compare effect-sizes bcg.csv --measure RR --out effects.csv"]))
    .action(
      act(async (file: string, values: Values) =>
        (await import("./compare-command.js")).compareEffectSizesCommand(file, values, io),
      ),
    );
  compare
    .command("funnel")
    .description("funnel plot limits for proportions x/n across units; flags units outside them")
    .argument("<units>", "CSV or JSON with columns id (or label), x (or events), n; or -")
    .addOption(formatOption())
    .option("--target <number>", "the target proportion (default: the pooled rate)")
    .option("--levels <list>", "limit levels, comma-separated (default 0.95,0.998)")
    .addOption(
      new Option("--method <method>", "limits: exact (default) or normal").choices(["exact", "normal"]),
    )
    .addOption(
      new Option("--overdispersion <kind>", "widen the limits (default none)").choices([
        "none",
        "multiplicative",
        "additive",
      ]),
    )
    .option("--out <file>", "also draw the funnel plot (SVG)")
    .option("--force", "replace an existing --out file")
    .option("--json", "print the result object as JSON")
    .addHelpText("after", examples(["tiltak compare funnel offices.csv --target 0.6 --out funnel.svg"]))
    .action(
      act(async (file: string, values: Values) =>
        (await import("./compare-command.js")).compareFunnelCommand(file, values, io),
      ),
    );

  // data
  const data = program
    .command("data")
    .description("the bundled programme-year records and programme theories");
  data
    .command("list")
    .description("list the bundled records and theories")
    .option("--json", "print the list as JSON")
    .addHelpText("after", examples(["tiltak data list"]))
    .action(act(async (values: Values) => (await import("./data-command.js")).dataListCommand(values, io)));
  data
    .command("show")
    .description("print one record or theory")
    .argument("<id>", "its id, from tiltak data list")
    .addOption(new Option("--format <format>", "json (default) or csv").choices(["json", "csv"]))
    .addHelpText("after", examples(["tiltak data show nora-2024", "tiltak data show nora --format csv"]))
    .action(
      act(async (id: string, values: Values) =>
        (await import("./data-command.js")).dataShowCommand(id, values, io),
      ),
    );
  data
    .command("export")
    .description("write one record or theory to a file")
    .argument("<id>", "its id, from tiltak data list")
    .requiredOption("--out <file>", "the file (.json or .csv)")
    .addOption(
      new Option("--format <format>", "json or csv (default: by extension)").choices(["json", "csv"]),
    )
    .option("--force", "replace an existing file")
    .addHelpText("after", examples(["tiltak data export nora-2024 --out nora-2024.json"]))
    .action(
      act(async (id: string, values: Values) =>
        (await import("./data-command.js")).dataExportCommand(id, values, io),
      ),
    );

  // allocate
  const allocateGroup = program
    .command("allocate")
    .description("allocation lists, assignment, minimisation and verification")
    .addHelpText(
      "after",
      examples([
        "tiltak allocate seed",
        "tiltak allocate list plan.json --out list.csv",
        "tiltak allocate verify list.csv --commitment list.commitment.json",
        "tiltak allocate minimise plan.json --units week1.csv --state minimiser.json",
      ]),
    );
  allocateGroup
    .command("list")
    .description("make an allocation list before recruitment (permuted blocks within strata)")
    .argument("<plan>", "plan JSON file")
    .option(
      "--out <file>",
      "the list to write (required); the sealed certificate and commitment go beside it",
    )
    .option("--force", "replace existing files")
    .addHelpText(
      "after",
      `\nThe plan, e.g.\n  { "design": "blocked", "arms": [{ "name": "NorA", "ratio": 2 }, { "name": "usual", "ratio": 1 }],\n    "strata": { "gender": ["F", "M"] }, "blockSizes": [3, 6], "size": 40, "seed": "<from tiltak allocate seed>" }\nwrites three files beside each other:\n  list.csv              the list (columns sequence, stratum, block, blockSize, arm)\n  list.sealed.json      SEALED certificate (plan with seed and block sizes, salt, digest, commitment):\n                        keep it with the trial statistician until the list is revealed\n  list.commitment.json  PUBLIC commitment: publish it before recruitment (never the seed or the digest)\nA seed that looks guessable is warned about: use "tiltak allocate seed".\n${examples(["tiltak allocate list plan.json --out list.csv"])}`,
    )
    .action(
      act(async (plan: string, values: Values) =>
        (await import("./allocate-command.js")).listCommand(
          [plan],
          { out: values.out as string | undefined, force: values.force === true },
          io,
        ),
      ),
    );
  allocateGroup
    .command("units")
    .description("assign known units (simple, complete, blocked, cluster)")
    .argument("<plan>", "plan JSON file")
    .option("--units <file>", "the participants CSV (required)")
    .option("--out <file>", "the allocation to write (required)")
    .option("--force", "replace existing files")
    .option("--allow-personal-ids", "accept national identity numbers (not recommended)")
    .addHelpText(
      "after",
      examples(["tiltak allocate units plan.json --units participants.csv --out allocation.csv"]),
    )
    .action(
      act(async (plan: string, values: Values) =>
        (await import("./allocate-command.js")).unitsCommand(
          [plan],
          {
            out: values.out as string | undefined,
            units: values.units as string | undefined,
            force: values.force === true,
            allowPersonalIds: values.allowPersonalIds === true,
          },
          io,
        ),
      ),
    );
  allocateGroup
    .command("verify")
    .description(
      "recompute a list from its sealed certificate, check cells, digest and commitment; exit 1 on a difference",
    )
    .argument("<list>", "the list or allocation CSV")
    .option(
      "--certificate <file>",
      "the sealed certificate, if not beside the list (older .certificate.json too)",
    )
    .option(
      "--commitment <value>",
      "the published commitment: 64 hex digits, or the public .commitment.json file",
    )
    .addHelpText("after", examples(["tiltak allocate verify list.csv --commitment list.commitment.json"]))
    .action(
      act(async (list: string, values: Values) =>
        (await import("./allocate-command.js")).verifyCommand(
          [list],
          {
            certificate: values.certificate as string | undefined,
            commitment: values.commitment as string | undefined,
          },
          io,
        ),
      ),
    );
  allocateGroup
    .command("seed")
    .description("print a new unguessable seed (130 bits from Web Crypto) for lists that must stay concealed")
    .addHelpText("after", examples(["tiltak allocate seed"]))
    .action(act(async () => (await import("./allocate-command.js")).allocateSeedCommand([], {}, io)));
  allocateGroup
    .command("minimise")
    .alias("minimize")
    .description("assign arriving units by Pocock–Simon minimisation, in file order, saving the state")
    .argument("[plan]", "minimisation plan JSON (to start; leave out to resume from --state)")
    .requiredOption("--units <file>", "the arriving units (CSV or JSON), assigned in file order")
    .requiredOption("--state <file>", "the minimiser state: resumed from when it exists, then rewritten")
    .option("--out <file>", "write the assignments CSV (default standard output)")
    .option("--force", "start afresh over an existing --state file; replace an existing --out file")
    .option("--allow-personal-ids", "accept national identity numbers (not recommended)")
    .addHelpText(
      "after",
      `\nThe plan, e.g. { "arms": ["NorA", "usual"], "factors": ["gender", "office"], "pBest": 0.8, "seed": "…" }.\nThe state file holds the seed and the commitment's salt: keep it sealed, like a sealed certificate.\n${examples(
        [
          "tiltak allocate minimise plan.json --units week1.csv --state minimiser.json",
          "tiltak allocate minimise --units week2.csv --state minimiser.json",
        ],
      )}`,
    )
    .action(
      act(async (plan: string | undefined, values: Values) =>
        (await import("./allocate-minimise-command.js")).minimiseCommand(plan, values, io),
      ),
    );

  program
    .command("completion")
    .description("print a shell completion script")
    .argument("<shell>", "bash or zsh")
    .addHelpText(
      "after",
      examples([
        "tiltak completion bash > /etc/bash_completion.d/tiltak",
        "source <(tiltak completion zsh)   # in ~/.zshrc",
      ]),
    )
    .action(
      act(async (shell: string) => (await import("./completion.js")).completionCommand(shell, program, io)),
    );
  return program;
}

/**
 * Runs the `tiltak` command with the given arguments and returns its exit code: 0 success, 1 findings or
 * a failed verification, 2 a usage or input error (the flag or file and what it accepts; a
 * `TiltakError`'s message as it is), 130 a simulation stopped with Ctrl-C.
 *
 * @param argv - the arguments after `tiltak`, e.g. `["allocate", "list", "plan.json", "--out", "list.csv"]`
 * @param io - where to write and the working directory; default the process's
 *
 * @example
 * ```ts
 * import { runCli } from "@tiltak/cli";
 * const lines: string[] = [];
 * await runCli(["--help"], { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), cwd: "." }); // => 0
 * await runCli(["allocate", "list"], { stdout: () => {}, stderr: () => {}, cwd: "." }); // => 2
 * ```
 */
export async function runCli(argv: readonly string[], io: CommandIo = defaultIo): Promise<number> {
  if (io === defaultIo) quietBrokenPipes();
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      if (error.code === "commander.help" || error.code === "commander.executeSubCommandAsync") return 2;
      if (error.code !== "commander.unknownCommand")
        io.stderr(`Run "tiltak ${argvCommand(argv)}--help" for usage.\n`);
      return 2;
    }
    const e = error as { name?: string; message?: string; code?: unknown; stack?: string };
    if (e.name === "TiltakError") {
      io.stderr(`tiltak: ${e.message}\n`);
      return 2;
    }
    if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) {
      io.stderr(`tiltak: ${e.message}\n`);
      return 2;
    }
    io.stderr(
      `tiltak: unexpected error: ${e.message ?? String(error)}${process.env.TILTAK_DEBUG ? `\n${e.stack}` : " (set TILTAK_DEBUG=1 for details)"}\n`,
    );
    return 3;
  }
}

let pipesQuiet = false;

/** `tiltak … | head` closes the pipe early: stop quietly, without a stack trace. */
function quietBrokenPipes(): void {
  if (pipesQuiet) return;
  pipesQuiet = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
}

function argvCommand(argv: readonly string[]): string {
  const words: string[] = [];
  for (const word of argv) {
    if (word.startsWith("-") || words.length >= 3) break;
    words.push(word);
  }
  return words.length === 0 ? "" : `${words.join(" ")} `;
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await runCli(process.argv.slice(2));
}
