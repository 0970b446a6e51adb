import { createHash } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import {
  type AllocationPlan,
  type AllocationResult,
  allocate,
  allocationCsv,
  allocationList,
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

/** The certificate written beside every list: what proves later which list was made. */
export interface AllocationCertificate {
  /** Always `"tiltak-allocation-certificate/1"`. */
  format: "tiltak-allocation-certificate/1";
  /** The list's file name (beside the certificate). */
  file: string;
  /** `allocationList` or `allocate`. */
  method: string;
  /** The plan, as validated. */
  plan: unknown;
  /** The seed. */
  seed: string;
  /** The pseudo-random algorithm. */
  algorithm: string;
  /** The tiltak version that made it. */
  tiltakVersion: string;
  /** SHA-256 of the canonical CSV, which is exactly the list file's bytes. */
  digest: string;
  /** When the list was made (ISO 8601, UTC). */
  createdAt: string;
  /** Number of data rows. */
  rows: number;
  /** The columns, in order. */
  columns: string[];
}

/**
 * The certificate's path for a list path: `list.csv` → `list.certificate.json`.
 *
 * @example
 * ```ts
 * import { certificatePath } from "@tiltak/cli";
 * certificatePath("out/list.csv"); // => "out/list.certificate.json"
 * ```
 */
export function certificatePath(listPath: string): string {
  const name = basename(listPath);
  const stem = name.toLowerCase().endsWith(".csv") ? name.slice(0, -4) : name;
  return join(dirname(listPath), `${stem}.certificate.json`);
}

function certificateOf(result: AllocationResult, file: string): AllocationCertificate {
  return {
    format: "tiltak-allocation-certificate/1",
    file,
    method: result.meta.method,
    plan: result.plan,
    seed: result.meta.seed,
    algorithm: result.meta.algorithm,
    tiltakVersion: result.meta.tiltakVersion,
    digest: result.meta.digest,
    createdAt: result.meta.createdAt,
    rows: result.rows.length,
    columns: result.meta.columns,
  };
}

async function writeResult(result: AllocationResult, out: string, force: boolean, io: CliIo): Promise<void> {
  const certificate = certificatePath(out);
  refuseOverwrite([out, certificate], force);
  await writeFileAtomic(out, allocationCsv(result));
  await writeFileAtomic(certificate, `${JSON.stringify(certificateOf(result, basename(out)), null, 2)}\n`);
  io.stdout(
    `wrote ${out} (${result.rows.length} rows) and ${certificate}\nSHA-256 ${result.meta.digest} (seed ${JSON.stringify(result.meta.seed)}, ${result.meta.algorithm}, tiltak ${result.meta.tiltakVersion})\n`,
  );
}

function usage(message: string): TiltakError {
  return new TiltakError("INVALID_INPUT", message, [{ path: ["arguments"], message }]);
}

/**
 * `tiltak allocate list <plan.json> --out list.csv [--force]`: makes the list with `allocationList`, then
 * writes the canonical CSV and the certificate beside it, atomically, never overwriting without `force`.
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
 * and writes the allocation and its certificate.
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
 * `tiltak allocate verify <list.csv> [--certificate file]`: recomputes the list from the certificate's plan
 * and seed with `verifyAllocation`; returns 0 when every cell and the digest match, 1 (after naming the
 * first differing row and column on stderr) when not.
 *
 * @returns the exit code: 0 or 1
 * @throws TiltakError `INVALID_INPUT` for a missing list or certificate
 *
 * @example
 * ```ts
 * import { verifyCommand } from "@tiltak/cli";
 * await verifyCommand(["/no/such/list.csv"], {}, { stdout: () => {}, stderr: () => {}, cwd: "." }); // => throws INVALID_INPUT
 * ```
 */
export async function verifyCommand(
  positionals: readonly string[],
  options: { certificate?: string | undefined },
  io: CliIo,
): Promise<number> {
  const [listPath] = positionals;
  if (listPath === undefined || positionals.length > 1)
    throw usage(
      "allocate verify needs exactly one list file: tiltak allocate verify <list.csv> [--certificate file]",
    );
  const path = resolve(io.cwd, listPath);
  const certificateFile =
    options.certificate === undefined ? certificatePath(path) : resolve(io.cwd, options.certificate);
  const certificate = (await readJson(certificateFile, "certificate")) as Partial<AllocationCertificate>;
  if (
    typeof certificate !== "object" ||
    certificate === null ||
    certificate.format !== "tiltak-allocation-certificate/1" ||
    typeof certificate.digest !== "string" ||
    typeof certificate.seed !== "string"
  )
    throw usage(`${certificateFile} is not a tiltak allocation certificate`);
  const text = await readText(path, "list");
  const table = parseCsv(text, listPath);
  const expectedColumns = certificate.columns ?? [];
  if (table.columns.join(",") !== expectedColumns.join(",")) {
    io.stderr(
      `FAILED: ${listPath} has columns ${table.columns.join(",")} but the certificate records ${expectedColumns.join(",")}\n`,
    );
    return 1;
  }
  const report = await verifyAllocation({
    rows: table.rows,
    plan: certificate.plan as Record<string, unknown>,
    meta: {
      seed: certificate.seed,
      algorithm: certificate.algorithm as string,
      digest: certificate.digest,
      method: certificate.method as string,
    },
  });
  const fileDigest = createHash("sha256").update(text, "utf8").digest("hex");
  if (!report.ok) {
    const first = report.differences[0];
    let where = "";
    if (first !== undefined && first.row !== null) {
      const row = table.rows[first.row];
      const key =
        row?.sequence !== undefined
          ? `, sequence ${row.sequence} in stratum ${row.stratum}`
          : row?.unitId !== undefined
            ? `, unit ${row.unitId}`
            : "";
      where =
        first.column === "(row)"
          ? `row ${first.row + 1} (line ${first.row + 2}) is ${first.found === "absent" ? "missing" : "extra"}`
          : `row ${first.row + 1} (line ${first.row + 2}${key}), column ${first.column}: expected ${JSON.stringify(first.expected)}, found ${JSON.stringify(first.found)}`;
    } else if (first !== undefined) {
      where = `the ${first.column} differs: recomputed ${first.expected}, recorded ${first.found}`;
    }
    io.stderr(
      `FAILED: ${listPath} does not match its certificate ${basename(certificateFile)}\nfirst difference: ${where}\n${report.differenceCount} difference(s) in all; recomputed digest ${report.digest}, certificate ${certificate.digest}\n`,
    );
    return 1;
  }
  io.stdout(
    `OK: ${listPath} matches ${basename(certificateFile)}: ${table.rows.length} rows recomputed from the plan and seed ${JSON.stringify(certificate.seed)}; SHA-256 ${report.digest}\n`,
  );
  if (fileDigest !== certificate.digest)
    io.stderr(
      `note: the rows match, but the file's bytes were re-written (line endings or quoting) since the list was made: its SHA-256 is ${fileDigest}\n`,
    );
  return 0;
}
