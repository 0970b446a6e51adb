import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isTiltakError, tiltakVersion } from "@tiltak/core";
import {
  allocateSeedCommand,
  type CliIo,
  listCommand,
  unitsCommand,
  verifyCommand,
} from "./allocate-command.js";

const mainHelp = `tiltak ${tiltakVersion}: evaluate social programmes

Usage:
  tiltak allocate seed                                   print a new unguessable seed
  tiltak allocate list <plan.json> --out list.csv        make a list, its sealed certificate and public commitment
  tiltak allocate units <plan.json> --units people.csv --out allocation.csv
                                                         assign known units
  tiltak allocate verify <list.csv> [--commitment c]     check a list against its certificate and commitment

Run "tiltak allocate <command> --help" for details. Exit codes: 0 ok, 1 verification failed, 2 bad input.
`;

const help: Record<string, string> = {
  allocate: `Usage: tiltak allocate <seed | list | units | verify> …

  seed     print a new seed with 130 bits from Web Crypto (for lists that must stay concealed)
  list     make an allocation list before recruitment (permuted blocks within strata)
  units    assign known units (simple, complete, blocked, cluster)
  verify   recompute a list from its certificate and compare it cell by cell
`,
  list: `Usage: tiltak allocate list <plan.json> --out list.csv [--force]

Makes an allocation list from a plan such as
  { "design": "blocked", "arms": [{ "name": "NorA", "ratio": 2 }, { "name": "usual", "ratio": 1 }],
    "strata": { "gender": ["F", "M"], "office": ["Bergen", "Oslo"] },
    "blockSizes": [3, 6], "size": 40, "seed": "<from tiltak allocate seed>" }
and writes three files beside each other:
  list.csv              the list (columns sequence, stratum, block, blockSize, arm)
  list.sealed.json      SEALED certificate: plan with seed and block sizes, salt, SHA-256 digest,
                        commitment. Keep it with the trial statistician until the list is revealed.
  list.commitment.json  PUBLIC commitment: HMAC-SHA256(salt, list), arms, strata, list size, algorithm,
                        tiltak version. Publish it before recruitment (never the seed or the digest).
A seed that looks guessable is warned about: use "tiltak allocate seed".

Options:
  --out <file>   the list to write (required)
  --force        replace existing files (otherwise an existing list, certificate or commitment is never overwritten)
  --help         this text
`,
  units: `Usage: tiltak allocate units <plan.json> --units participants.csv --out allocation.csv [--force] [--allow-personal-ids]

Assigns the units of a CSV file (a header line; an "id" column, or the plan's idField) with the plan's
design: { "design": "blocked", "arms": ["NorA", "usual"], "strata": ["gender", "office"], "seed": "…" }.
Writes allocation.csv (unitId, arm, stratum?, cluster?), allocation.sealed.json (sealed certificate)
and allocation.commitment.json (public commitment).

Participant files must hold pseudonymous ids: a file with Norwegian national identity numbers
(fødselsnummer, D- or H-numbers with valid check digits) is refused.

Options:
  --units <file>          the participants (required)
  --out <file>            the allocation to write (required)
  --force                 replace existing files
  --allow-personal-ids    accept national identity numbers (not recommended)
  --help                  this text
`,
  verify: `Usage: tiltak allocate verify <list.csv> [--certificate list.sealed.json] [--commitment <hex>|<file>]

Recomputes the list from the plan, seed and salt in its sealed certificate (by default the .sealed.json
beside the list, or an older .certificate.json) and compares every cell, the digest and the commitment.
With --commitment (the value published before recruitment, or the public .commitment.json file) it also
checks that the revealed list and salt are the ones committed to. Exits 0 when everything matches, 1
naming the failed checks and the first differing row and column.

Options:
  --certificate <file>   the sealed certificate, if not beside the list
  --commitment <value>   the published commitment: 64 hex digits, or a file holding it
  --help                 this text
`,
  seed: `Usage: tiltak allocate seed

Prints a new seed: 26 characters of base32 (130 bits) from Web Crypto. Put it in the plan of every list
that must stay concealed; it is recorded in the sealed certificate like any other seed.
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
        commitment: { type: "string" },
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
    if (command === "seed") return await allocateSeedCommand(rest, {}, io);
    return await verifyCommand(rest, { certificate: values.certificate, commitment: values.commitment }, io);
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
