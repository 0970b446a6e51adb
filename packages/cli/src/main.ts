import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isTiltakError, tiltakVersion } from "@tiltak/core";
import { type CliIo, listCommand, unitsCommand, verifyCommand } from "./allocate-command.js";

const mainHelp = `tiltak ${tiltakVersion}: evaluate social programmes

Usage:
  tiltak allocate list <plan.json> --out list.csv        make an allocation list and its certificate
  tiltak allocate units <plan.json> --units people.csv --out allocation.csv
                                                         assign known units
  tiltak allocate verify <list.csv> [--certificate c]    check a list against its certificate

Run "tiltak allocate <command> --help" for details. Exit codes: 0 ok, 1 verification failed, 2 bad input.
`;

const help: Record<string, string> = {
  allocate: `Usage: tiltak allocate <list | units | verify> …

  list     make an allocation list before recruitment (permuted blocks within strata)
  units    assign known units (simple, complete, blocked, cluster)
  verify   recompute a list from its certificate and compare it cell by cell
`,
  list: `Usage: tiltak allocate list <plan.json> --out list.csv [--force]

Makes an allocation list from a plan such as
  { "design": "blocked", "arms": [{ "name": "NorA", "ratio": 2 }, { "name": "usual", "ratio": 1 }],
    "strata": { "gender": ["F", "M"], "office": ["Bergen", "Oslo"] },
    "blockSizes": [3, 6], "size": 40, "seed": "nora-2025-pilot" }
and writes list.csv (columns sequence, stratum, block, blockSize, arm) and, beside it,
list.certificate.json (plan, seed, algorithm, tiltak version, SHA-256 digest, time). The digest is the
SHA-256 of list.csv's bytes: publish it before recruitment as a commitment.

Options:
  --out <file>   the list to write (required)
  --force        replace existing files (otherwise an existing list or certificate is never overwritten)
  --help         this text
`,
  units: `Usage: tiltak allocate units <plan.json> --units participants.csv --out allocation.csv [--force] [--allow-personal-ids]

Assigns the units of a CSV file (a header line; an "id" column, or the plan's idField) with the plan's
design: { "design": "blocked", "arms": ["NorA", "usual"], "strata": ["gender", "office"], "seed": "…" }.
Writes allocation.csv (unitId, arm, stratum?, cluster?) and allocation.certificate.json.

Participant files must hold pseudonymous ids: a file with Norwegian national identity numbers
(fødselsnummer, D- or H-numbers with valid check digits) is refused.

Options:
  --units <file>          the participants (required)
  --out <file>            the allocation to write (required)
  --force                 replace existing files
  --allow-personal-ids    accept national identity numbers (not recommended)
  --help                  this text
`,
  verify: `Usage: tiltak allocate verify <list.csv> [--certificate list.certificate.json]

Recomputes the list from the plan and seed in its certificate (by default the .certificate.json beside
the list) and compares every cell. Exits 0 when they match, 1 naming the first differing row and column.

Options:
  --certificate <file>   the certificate, if not beside the list
  --help                 this text
`,
};

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/**
 * Runs the `tiltak` command with the given arguments and returns its exit code: 0 success, 1 a
 * verification that failed, 2 bad input (the message of the `TiltakError`).
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
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        units: { type: "string" },
        certificate: { type: "string" },
        force: { type: "boolean" },
        "allow-personal-ids": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
    const [group, command, ...rest] = positionals;
    if (values.version) {
      io.stdout(`${tiltakVersion}\n`);
      return 0;
    }
    if (group === undefined) {
      (values.help ? io.stdout : io.stderr)(mainHelp);
      return values.help ? 0 : 2;
    }
    if (group !== "allocate") {
      io.stderr(`tiltak: unknown command ${JSON.stringify(group)}\n\n${mainHelp}`);
      return 2;
    }
    if (command === undefined || help[command] === undefined || command === "allocate") {
      if (values.help && command === undefined) {
        io.stdout(help.allocate as string);
        return 0;
      }
      io.stderr(
        `${command === undefined ? "" : `tiltak: unknown command "allocate ${command}"\n\n`}${help.allocate}`,
      );
      return 2;
    }
    if (values.help) {
      io.stdout(help[command] as string);
      return 0;
    }
    if (command === "list") return await listCommand(rest, { out: values.out, force: values.force }, io);
    if (command === "units")
      return await unitsCommand(
        rest,
        {
          out: values.out,
          units: values.units,
          force: values.force,
          allowPersonalIds: values["allow-personal-ids"],
        },
        io,
      );
    return await verifyCommand(rest, { certificate: values.certificate }, io);
  } catch (error) {
    if (isTiltakError(error)) {
      io.stderr(`tiltak: ${error.message}\n`);
      return 2;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`tiltak: ${(error as Error).message}\nRun "tiltak --help" for usage.\n`);
      return 2;
    }
    io.stderr(`tiltak: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 3;
  }
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
