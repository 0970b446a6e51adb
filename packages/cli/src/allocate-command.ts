import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  type AllocationPlan,
  type AllocationResult,
  allocate,
  allocationCsv,
  allocationList,
  newSeed,
  type PublicCommitment,
  publicCommitment,
  type VerifyReport,
  verifyAllocation,
} from "@tiltak/allocate";
import { TiltakError } from "@tiltak/core";
import { parseCsv } from "./csv.js";
import { readJson, readText, refuseOverwrite, writeFileAtomic } from "./files.js";
import { findPersonalIds } from "./personal-ids.js";

/** Where a command writes its messages, and the directory relative paths start from. */
export interface CliIo {
  /** Normal output. */
  stdout: (text: string) => void;
  /** Errors and warnings. */
  stderr: (text: string) => void;
  /** The working directory. */
  cwd: string;
}

/**
 * The sealed certificate written beside every list: everything that reproduces and proves it (plan with
 * seed and block sizes, salt, digest, commitment). Keep it with the trial statistician, away from whoever
 * enrols participants, until the list is revealed; then publish it so anyone can verify.
 */
export interface AllocationCertificate {
  /**
   * `"tiltak-allocation-certificate/2"` (with salt and commitment); certificates written before
   * commitments (`/1`, named `list.certificate.json`) are still read.
   */
  format: "tiltak-allocation-certificate/2" | "tiltak-allocation-certificate/1";
  /** A reminder that this file is secret until the list is revealed. */
  notice?: string;
  /** The list's file name (beside the certificate). */
  file: string;
  /** `allocationList` or `allocate`. */
  method: string;
  /** The plan, as validated (with the seed and the block sizes). */
  plan: unknown;
  /** The seed. */
  seed: string;
  /** The pseudo-random algorithm. */
  algorithm: string;
  /** The tiltak version that made it. */
  tiltakVersion: string;
  /** SHA-256 of the canonical CSV, which is exactly the list file's bytes (never publish it early). */
  digest: string;
  /** The secret salt (64 hex digits from Web Crypto); absent in `/1` certificates. */
  salt?: string;
  /** HMAC-SHA256(salt, list file bytes): the value published in the public commitment. */
  commitment?: string;
  /** When the list was made (ISO 8601, UTC). */
  createdAt: string;
  /** Number of data rows. */
  rows: number;
  /** The columns, in order. */
  columns: string[];
}

const sealedNotice =
  "SEALED: holds the seed, salt and digest, from which the list can be recomputed or recognised. Keep it with the trial statistician, away from everyone who enrols or allocates participants, until the list is revealed; publish the .commitment.json file instead.";

function stemOf(listPath: string): { dir: string; stem: string } {
  const name = basename(listPath);
  return { dir: dirname(listPath), stem: name.toLowerCase().endsWith(".csv") ? name.slice(0, -4) : name };
}

/**
 * The sealed certificate's path for a list path: `list.csv` → `list.sealed.json`.
 *
 * @example
 * ```ts
 * import { sealedCertificatePath } from "@tiltak/cli";
 * sealedCertificatePath("out/list.csv"); // => "out/list.sealed.json"
 * ```
 */
export function sealedCertificatePath(listPath: string): string {
  const { dir, stem } = stemOf(listPath);
  return join(dir, `${stem}.sealed.json`);
}

/**
 * The public commitment's path for a list path: `list.csv` → `list.commitment.json`.
 *
 * @example
 * ```ts
 * import { publicCommitmentPath } from "@tiltak/cli";
 * publicCommitmentPath("out/list.csv"); // => "out/list.commitment.json"
 * ```
 */
export function publicCommitmentPath(listPath: string): string {
  const { dir, stem } = stemOf(listPath);
  return join(dir, `${stem}.commitment.json`);
}

/**
 * The path of a certificate written before commitments existed: `list.csv` → `list.certificate.json`.
 * `tiltak allocate verify` still reads it when there is no `.sealed.json`.
 *
 * @example
 * ```ts
 * import { certificatePath } from "@tiltak/cli";
 * certificatePath("out/list.csv"); // => "out/list.certificate.json"
 * ```
 */
export function certificatePath(listPath: string): string {
  const { dir, stem } = stemOf(listPath);
  return join(dir, `${stem}.certificate.json`);
}

function certificateOf(result: AllocationResult, file: string): AllocationCertificate {
  return {
    format: "tiltak-allocation-certificate/2",
    notice: sealedNotice,
    file,
    method: result.meta.method,
    plan: result.plan,
    seed: result.meta.seed,
    algorithm: result.meta.algorithm,
    tiltakVersion: result.meta.tiltakVersion,
    digest: result.meta.digest,
    salt: result.meta.salt,
    commitment: result.meta.commitment,
    createdAt: result.meta.createdAt,
    rows: result.rows.length,
    columns: result.meta.columns,
  };
}

/** The public commitment file: {@link publicCommitment} plus the list's file name. */
function commitmentFileOf(result: AllocationResult, file: string): PublicCommitment & { file: string } {
  return { ...publicCommitment(result), file };
}

/** Writes each warning of a result to stderr. */
function warn(result: AllocationResult, io: CliIo): void {
  for (const warning of result.warnings ?? []) io.stderr(`warning: ${warning}\n`);
}

async function writeResult(result: AllocationResult, out: string, force: boolean, io: CliIo): Promise<void> {
  const sealed = sealedCertificatePath(out);
  const published = publicCommitmentPath(out);
  refuseOverwrite([out, sealed, published], force);
  const file = basename(out);
  await writeFileAtomic(out, allocationCsv(result));
  await writeFileAtomic(sealed, `${JSON.stringify(certificateOf(result, file), null, 2)}\n`);
  await writeFileAtomic(published, `${JSON.stringify(commitmentFileOf(result, file), null, 2)}\n`);
  warn(result, io);
  io.stdout(
    `wrote ${out} (${result.rows.length} rows)\n` +
      `  SEALED ${sealed}: seed, salt and digest; keep it with the trial statistician until the list is revealed\n` +
      `  PUBLIC ${published}: publish it (or its commitment) before recruitment\n` +
      `commitment ${result.meta.commitment} (HMAC-SHA256(salt, list); ${result.meta.algorithm}, tiltak ${result.meta.tiltakVersion})\n`,
  );
}

function usage(message: string): TiltakError {
  return new TiltakError("INVALID_INPUT", message, [{ path: ["arguments"], message }]);
}

/**
 * `tiltak allocate list <plan.json> --out list.csv [--force]`: makes the list with `allocationList`, then
 * writes three files, each atomically (temporary file, then rename) and never over an existing one without
 * `force`: the canonical CSV, the sealed certificate `list.sealed.json` (plan with seed and block sizes,
 * salt, digest, commitment: for the trial statistician only) and the public commitment
 * `list.commitment.json` (to publish before recruitment). A guessable seed is warned about on stderr.
 *
 * @returns the exit code (0)
 * @throws TiltakError `INVALID_INPUT` for bad arguments, an unreadable plan, an invalid plan or existing files
 *
 * @example
 * ```ts
 * import { listCommand } from "@tiltak/cli";
 * await listCommand([], {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function listCommand(
  positionals: readonly string[],
  options: { out?: string | undefined; force?: boolean | undefined },
  io: CliIo,
): Promise<number> {
  const [planPath] = positionals;
  if (planPath === undefined || positionals.length > 1)
    throw usage("allocate list needs exactly one plan file: tiltak allocate list <plan.json> --out list.csv");
  if (options.out === undefined) throw usage("allocate list needs --out <list.csv>");
  const plan = (await readJson(resolve(io.cwd, planPath), "plan")) as AllocationPlan;
  const result = await allocationList(plan);
  await writeResult(result, resolve(io.cwd, options.out), options.force === true, io);
  return 0;
}

/**
 * `tiltak allocate units <plan.json> --units participants.csv --out allocation.csv`: reads the participants
 * (CSV via papaparse), refuses national identity numbers unless `allowPersonalIds`, assigns with `allocate`
 * and writes the allocation with its sealed certificate and public commitment, as {@link listCommand}.
 *
 * @returns the exit code (0)
 * @throws TiltakError `INVALID_INPUT` for bad arguments or files, personal ids, or an invalid plan or unit
 *
 * @example
 * ```ts
 * import { unitsCommand } from "@tiltak/cli";
 * await unitsCommand(["plan.json"], { out: "a.csv" }, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT "allocate units needs --units <participants.csv>"
 * ```
 */
export async function unitsCommand(
  positionals: readonly string[],
  options: {
    out?: string | undefined;
    units?: string | undefined;
    force?: boolean | undefined;
    allowPersonalIds?: boolean | undefined;
  },
  io: CliIo,
): Promise<number> {
  const [planPath] = positionals;
  if (planPath === undefined || positionals.length > 1)
    throw usage(
      "allocate units needs exactly one plan file: tiltak allocate units <plan.json> --units participants.csv --out allocation.csv",
    );
  if (options.units === undefined) throw usage("allocate units needs --units <participants.csv>");
  if (options.out === undefined) throw usage("allocate units needs --out <allocation.csv>");
  const plan = (await readJson(resolve(io.cwd, planPath), "plan")) as AllocationPlan;
  const unitsPath = resolve(io.cwd, options.units);
  const table = parseCsv(await readText(unitsPath, "units"), options.units);
  if (options.allowPersonalIds !== true) {
    const hits = findPersonalIds(table.rows);
    const first = hits[0];
    if (first !== undefined)
      throw new TiltakError(
        "INVALID_INPUT",
        `${options.units} contains Norwegian national identity numbers (${hits.length} cells; first at data row ${first.row}, column ${JSON.stringify(first.column)}). Allocation needs pseudonymous ids only: replace them, or pass --allow-personal-ids if you must`,
        hits.map((hit) => ({
          path: ["units", hit.row, hit.column],
          message: "holds a national identity number",
        })),
      );
  }
  const result = await allocate(plan, table.rows);
  await writeResult(result, resolve(io.cwd, options.out), options.force === true, io);
  return 0;
}

/**
 * Reads the commitment given to `--commitment`: 64 hex digits, or a file holding either the public
 * commitment JSON (`list.commitment.json`) or the bare hex.
 */
async function readPublishedCommitment(given: string, cwd: string): Promise<string> {
  if (/^[0-9a-fA-F]{64}$/.test(given)) return given.toLowerCase();
  const path = resolve(cwd, given);
  const text = (await readText(path, "commitment")).trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return text.toLowerCase();
  let value: unknown;
  try {
    value = (JSON.parse(text) as { commitment?: unknown }).commitment;
  } catch {
    value = undefined;
  }
  if (typeof value !== "string" || !/^[0-9a-fA-F]{64}$/.test(value))
    throw usage(
      `--commitment must be the published commitment: 64 hex digits, or a file holding them or the public commitment JSON; ${given} is neither`,
    );
  return value.toLowerCase();
}

/** The certificate beside a list: the sealed one, or else one written before commitments existed. */
function defaultCertificate(listPath: string): string {
  const sealed = sealedCertificatePath(listPath);
  if (existsSync(sealed)) return sealed;
  const old = certificatePath(listPath);
  return existsSync(old) ? old : sealed;
}

const checkNames: Record<string, string> = {
  rows: "rows (the list differs from the one recomputed from the plan and seed)",
  seed: "seed (the plan's seed and the certificate's seed differ)",
  digest: "digest (the certificate's SHA-256 is not that of the recomputed list)",
  salt: "salt",
  commitment: "commitment (the certificate's commitment is not HMAC-SHA256(salt, list))",
  publishedCommitment: "published commitment (the revealed list and salt are not the ones committed to)",
};

function firstDifference(report: VerifyReport, rows: readonly Record<string, string>[]): string {
  const first = report.differences[0];
  if (first === undefined) return "";
  if (first.row === null)
    return `the ${first.column} differs: expected ${first.expected}, found ${first.found}`;
  if (first.column === "(row)")
    return `row ${first.row + 1} (line ${first.row + 2}) is ${first.found === "absent" ? "missing" : "extra"}`;
  const row = rows[first.row];
  const key =
    row?.sequence !== undefined
      ? `, sequence ${row.sequence} in stratum ${row.stratum}`
      : row?.unitId !== undefined
        ? `, unit ${row.unitId}`
        : "";
  return `row ${first.row + 1} (line ${first.row + 2}${key}), column ${first.column}: expected ${JSON.stringify(first.expected)}, found ${JSON.stringify(first.found)}`;
}

/**
 * `tiltak allocate verify <list.csv> [--certificate file] [--commitment <hex>|<file>]`: recomputes the list
 * from the sealed certificate's plan, seed and salt with `verifyAllocation` (by default `list.sealed.json`
 * beside the list, or an older `list.certificate.json`), checks the digest and the commitment, and, given
 * the commitment published before recruitment, whether the revealed list and salt are the ones committed
 * to. Returns 0 when every check passes, 1 (naming the failed checks and the first differing cell on stderr)
 * when not.
 *
 * @returns the exit code: 0 or 1
 * @throws TiltakError `INVALID_INPUT` for a missing list or certificate, or an unreadable commitment
 *
 * @example
 * ```ts
 * import { verifyCommand } from "@tiltak/cli";
 * await verifyCommand(["/no/such/list.csv"], {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function verifyCommand(
  positionals: readonly string[],
  options: { certificate?: string | undefined; commitment?: string | undefined },
  io: CliIo,
): Promise<number> {
  const [listPath] = positionals;
  if (listPath === undefined || positionals.length > 1)
    throw usage(
      "allocate verify needs exactly one list file: tiltak allocate verify <list.csv> [--certificate file] [--commitment hex|file]",
    );
  const path = resolve(io.cwd, listPath);
  const certificateFile =
    options.certificate === undefined ? defaultCertificate(path) : resolve(io.cwd, options.certificate);
  const certificate = (await readJson(certificateFile, "certificate")) as Partial<AllocationCertificate>;
  if (
    typeof certificate !== "object" ||
    certificate === null ||
    (certificate.format !== "tiltak-allocation-certificate/2" &&
      certificate.format !== "tiltak-allocation-certificate/1") ||
    typeof certificate.digest !== "string" ||
    typeof certificate.seed !== "string"
  )
    throw usage(`${certificateFile} is not a tiltak allocation certificate`);
  const published =
    options.commitment === undefined ? undefined : await readPublishedCommitment(options.commitment, io.cwd);
  const text = await readText(path, "list");
  const table = parseCsv(text, listPath);
  const expectedColumns = certificate.columns ?? [];
  if (table.columns.join(",") !== expectedColumns.join(",")) {
    io.stderr(
      `FAILED: ${listPath} has columns ${table.columns.join(",")} but the certificate records ${expectedColumns.join(",")}\n`,
    );
    return 1;
  }
  const report = await verifyAllocation(
    {
      rows: table.rows,
      plan: certificate.plan as Record<string, unknown>,
      meta: {
        seed: certificate.seed,
        algorithm: certificate.algorithm as string,
        digest: certificate.digest,
        salt: certificate.salt,
        commitment: certificate.commitment,
        method: certificate.method as string,
      },
    },
    published === undefined ? {} : { commitment: published },
  );
  const fileDigest = createHash("sha256").update(text, "utf8").digest("hex");
  const certificateName = basename(certificateFile);
  if (!report.ok) {
    const failed = report.failed.map((name) => checkNames[name] ?? name).join("; ");
    const where = firstDifference(report, table.rows);
    io.stderr(
      `FAILED: ${listPath} does not verify against ${certificateName}${published === undefined ? "" : " and the published commitment"}\n` +
        `failed check(s): ${failed}\n` +
        (where === "" ? "" : `first difference: ${where}\n`) +
        (report.commitment.checked && !report.commitment.ok
          ? `commitment: ${report.commitment.reason}\n`
          : "") +
        `${report.differenceCount} difference(s) in all; recomputed digest ${report.digest}, certificate ${certificate.digest}\n`,
    );
    return 1;
  }
  io.stdout(
    `OK: ${listPath} matches ${certificateName}: ${table.rows.length} rows recomputed from the plan and seed; SHA-256 ${report.digest}\n`,
  );
  if (published !== undefined)
    io.stdout(
      `OK: the revealed list and salt are the ones committed to (HMAC-SHA256(salt, list) = ${published})\n`,
    );
  else if (report.commitment.checked)
    io.stderr(
      "note: the certificate's own commitment matches; pass --commitment <hex or file> (the value published before recruitment) to check that this list is the one committed to\n",
    );
  else io.stderr(`note: ${report.commitment.reason}\n`);
  if (fileDigest !== certificate.digest)
    io.stderr(
      `note: the rows match, but the file's bytes were re-written (line endings or quoting) since the list was made: its SHA-256 is ${fileDigest}\n`,
    );
  return 0;
}

/**
 * `tiltak allocate seed`: prints a new seed with 130 bits from Web Crypto (`newSeed()` of
 * `@tiltak/allocate`), for a list that must stay concealed. Put it in the plan; it ends up in the sealed
 * certificate, never in the public commitment.
 *
 * @returns the exit code (0)
 * @throws TiltakError `INVALID_INPUT` when given arguments (it takes none)
 *
 * @example
 * ```ts
 * import { allocateSeedCommand } from "@tiltak/cli";
 * const out: string[] = [];
 * await allocateSeedCommand([], {}, { stdout: (text) => out.push(text), stderr: () => {}, cwd: "." }); // => 0
 * /^[a-z2-7]{26}\n$/.test(out[0] ?? ""); // => true
 * ```
 */
export async function allocateSeedCommand(
  positionals: readonly string[],
  _options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  if (positionals.length > 0) throw usage("allocate seed takes no arguments: tiltak allocate seed");
  io.stdout(`${newSeed()}\n`);
  return 0;
}
