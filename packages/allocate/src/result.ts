import {
  hexToBytes,
  hmacSha256Hex,
  invalidInput,
  type RngAlgorithm,
  randomSalt,
  sha256Hex,
  tiltakVersion,
} from "@tiltak/core";
import type { AllocationPlan } from "./plan.js";

/** One slot of an allocation list made before recruitment (blockrand, Sealed Envelope). */
export interface ListRow {
  /** Position within the stratum, from 1: the order in which slots are used. */
  sequence: number;
  /** The stratum label, e.g. `"gender=F;office=Bergen"`, or `"all"` without strata. */
  stratum: string;
  /** The block within the stratum, from 1. */
  block: number;
  /** The size of that block. */
  blockSize: number;
  /** The arm of this slot. */
  arm: string;
}

/** One assigned unit (randomizr). */
export interface UnitRow {
  /** The unit's id. */
  unitId: string | number;
  /** The arm it was assigned to. */
  arm: string;
  /** Its stratum label, when the plan has strata. */
  stratum?: string;
  /** Its cluster, when the design is `"cluster"`. */
  cluster?: string;
  /** Its block within the stratum, when a blocked design has `blockSizes`. */
  block?: number;
  /** The size of that block. */
  blockSize?: number;
}

/** One row of a minimisation sequence: the unit, its arm and the levels of its factors. */
export interface MinimisationRow {
  /** The unit's id. */
  unitId: string | number;
  /** The arm it was assigned to. */
  arm: string;
  /** The unit's level of each factor, as text, under the factor's name. */
  [factor: string]: string | number;
}

/** Which function made a result, so {@link verifyAllocation} knows how to recompute it. */
export type AllocationMethod = "allocationList" | "allocate" | "minimisation";

/** What reproduces a result and proves which one it was. */
export interface AllocationMeta {
  /** The tiltak version that made it. */
  tiltakVersion: string;
  /** The pseudo-random algorithm (from `@tiltak/core`). */
  algorithm: RngAlgorithm;
  /** The seed. */
  seed: string;
  /** When it was made (ISO 8601, UTC); not part of the digest. */
  createdAt: string;
  /**
   * SHA-256 (lowercase hex) of the canonical CSV of the rows ({@link allocationCsv}): the file's integrity
   * check. Keep it sealed with the seed: anyone can recompute it for every candidate list, so publishing it
   * reveals the list (docs/methods/allocate/verification.md).
   */
  digest: string;
  /**
   * The secret salt: 256 bits from Web Crypto `getRandomValues` as 64 lowercase hex digits (the one value
   * tiltak draws without a seed; it changes no arm). Keep it sealed until the list is revealed. (Results
   * saved before commitments existed have none; {@link verifyAllocation} still checks them by digest.)
   */
  salt: string;
  /**
   * The value to publish before recruitment: HMAC-SHA256 keyed by the salt's bytes over the canonical CSV's
   * bytes, lowercase hex ({@link publicCommitment}).
   */
  commitment: string;
  /** Which function made it. */
  method: AllocationMethod;
  /** The canonical columns, in order. */
  columns: string[];
}

/** A result of {@link allocationList}, {@link allocate} or a minimiser. */
export interface AllocationResult<Row = ListRow | UnitRow | MinimisationRow> {
  /**
   * The rows, in canonical order. For {@link allocate} they are built on first read and then stored as a
   * plain writable property; either way they read, spread, serialise and compare like plain data.
   */
  rows: Row[];
  /** The plan, as validated (defaults filled in). */
  plan: AllocationPlan | Record<string, unknown>;
  /** Seed, algorithm, version, time, digest, salt and commitment. */
  meta: AllocationMeta;
  /**
   * Plain-text warnings, present only when there is one: e.g. a list meant to stay concealed made with a
   * seed that looks guessable ({@link seedWeaknesses}).
   */
  warnings?: string[];
}

/**
 * Writes one CSV cell: as it is, or in double quotes (inner quotes doubled) when it holds a comma, a quote,
 * a carriage return or a line feed (RFC 4180).
 */
export function csvCell(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The canonical serialisation of rows: CSV with a header of `columns`, cells written by the RFC 4180 rule
 * (quoted only when they hold `,`, `"`, CR or LF), numbers as JavaScript writes them, every line ended by
 * `\n`, UTF-8. The digest of an allocation is the SHA-256 of this text, and the CLI writes exactly this
 * text, so `sha256sum list.csv` prints the digest.
 *
 * @param rows - the rows of a result
 * @param columns - the column names, in order
 *
 * @example
 * ```ts
 * import { canonicalCsv } from "@tiltak/allocate";
 * canonicalCsv([{ unitId: "a,1", arm: "B" }], ["unitId", "arm"]); // => "unitId,arm\n\"a,1\",B\n"
 * ```
 */
export function canonicalCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const parts: string[] = [`${columns.map(csvCell).join(",")}\n`];
  const width = columns.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    let line = csvCell(row[columns[0] as string]);
    for (let c = 1; c < width; c++) line += `,${csvCell(row[columns[c] as string])}`;
    parts.push(`${line}\n`);
  }
  return parts.join("");
}

/**
 * The canonical CSV of a result (the text its digest is computed from, and what `tiltak allocate` writes).
 *
 * @example
 * ```ts
 * import { allocationList, allocationCsv } from "@tiltak/allocate";
 * const list = await allocationList({ arms: ["A", "B"], blockSizes: [2], size: 2, seed: "csv" });
 * allocationCsv(list).split("\n")[0]; // => "sequence,stratum,block,blockSize,arm"
 * ```
 */
export function allocationCsv(result: Pick<AllocationResult, "rows" | "meta">): string {
  if (typeof result !== "object" || result === null || !Array.isArray(result.rows))
    invalidInput("result", "must be an allocation result with rows", result);
  return canonicalCsv(result.rows as unknown as Record<string, unknown>[], result.meta.columns);
}

/** SHA-256 of a canonical CSV text. */
export function digestText(text: string): Promise<string> {
  return sha256Hex(text);
}

/**
 * The commitment of a canonical CSV under a salt: HMAC-SHA256 (RFC 2104) keyed by the salt's bytes (the hex
 * decoded) over the CSV's UTF-8 bytes, as lowercase hex.
 */
export function commitmentOf(salt: string, csv: string | Uint8Array): Promise<string> {
  return hmacSha256Hex(hexToBytes(salt, "salt"), csv);
}

/** What {@link finishResult} may be told besides the rows: the salt to use and warnings to attach. */
export interface FinishOptions {
  /** The salt (a minimiser keeps one for its whole sequence); default a new {@link randomSalt}. */
  salt?: string | undefined;
  /** Warnings to attach to the result. */
  warnings?: string[] | undefined;
  /**
   * The digest and commitment of the canonical CSV when the caller hashed it in pieces as it was written
   * (with `salt` as the commitment's key); no CSV is then passed or made.
   */
  hashes?: { digest: string; commitment: string } | undefined;
}

/**
 * Builds a result: canonical CSV, its digest and the meta block. `rows` may be a function that builds them:
 * the result's `rows` is then made on first read (and kept as a plain data property from then on), so a
 * large assignment whose digest, CSV and certificate are all that is needed never pays for a million row
 * objects. Either way `rows` reads, spreads, serialises and compares like plain data.
 */
export async function finishResult<Row>(
  rows: Row[] | (() => Row[]),
  plan: AllocationPlan | Record<string, unknown>,
  columns: string[],
  rng: { seed: string; algorithm: RngAlgorithm },
  method: AllocationMethod,
  csv?: string | Uint8Array,
  options: FinishOptions = {},
): Promise<AllocationResult<Row>> {
  const salt = options.salt ?? randomSalt();
  const { digest, commitment } = options.hashes ?? (await hashCsv(salt, csv, rows, columns));
  const meta: AllocationMeta = {
    tiltakVersion,
    algorithm: rng.algorithm,
    seed: rng.seed,
    createdAt: new Date().toISOString(),
    digest,
    salt,
    commitment,
    method,
    columns,
  };
  const warnings =
    options.warnings !== undefined && options.warnings.length > 0 ? options.warnings : undefined;
  if (typeof rows !== "function")
    return warnings === undefined ? { rows, plan, meta } : { rows, plan, meta, warnings };
  return rowsOnFirstRead(rows, plan, meta, warnings);
}

/** The digest and commitment of a canonical CSV: `csv` if given, else the one made from the rows. */
async function hashCsv<Row>(
  salt: string,
  csv: string | Uint8Array | undefined,
  rows: Row[] | (() => Row[]),
  columns: string[],
): Promise<{ digest: string; commitment: string }> {
  const text =
    csv ?? canonicalCsv((typeof rows === "function" ? rows() : rows) as Record<string, unknown>[], columns);
  // One UTF-8 encoding serves both hashes. Both start before either is awaited: Web Crypto copies the bytes
  // when called, so a reused scratch buffer behind `text` may be overwritten afterwards.
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const [digest, commitment] = await Promise.all([sha256Hex(bytes), commitmentOf(salt, bytes)]);
  return { digest, commitment };
}

/**
 * A result whose `rows` accessor builds the rows once and then replaces itself by an ordinary writable data
 * property (same key order: `rows`, `plan`, `meta`). A frozen result keeps the accessor and its cached rows.
 */
function rowsOnFirstRead<Row>(
  build: () => Row[],
  plan: AllocationPlan | Record<string, unknown>,
  meta: AllocationMeta,
  warnings: string[] | undefined,
): AllocationResult<Row> {
  let cached: Row[] | undefined;
  const settle = (target: object, value: Row[]): void => {
    const own = Object.getOwnPropertyDescriptor(target, "rows");
    if (own === undefined ? Object.isExtensible(target) : own.configurable === true)
      Object.defineProperty(target, "rows", { value, writable: true, enumerable: true, configurable: true });
  };
  return {
    get rows(): Row[] {
      if (cached === undefined) cached = build();
      settle(this, cached);
      return cached;
    },
    set rows(value: Row[]) {
      cached = value;
      settle(this, value);
    },
    plan,
    meta,
    ...(warnings === undefined ? {} : { warnings }),
  };
}
