import {
  createRng,
  hexToBytes,
  invalidInput,
  type Rng,
  randomSalt,
  sha256AndHmac,
  type TableInput,
  type TableRecord,
  toRecords,
} from "@tiltak/core";
import { completeCounts, fillAndShuffle, permutedBlocksInto, simpleDraw } from "./draws.js";
import {
  type AllocationPlan,
  checkBlockSizes,
  codeUnitOrder,
  labelPart,
  levelText,
  type NormalArms,
  normaliseArms,
  parsePlan,
} from "./plan.js";
import { type AllocationResult, csvCell, finishResult, type UnitRow } from "./result.js";

/**
 * Non-negative integer codes (arm indices, block numbers and sizes, stratum and cluster indices) in the
 * narrowest column that holds the largest: a byte, two bytes or four each. A million-unit assignment
 * allocates, and the collector reclaims, a quarter of the memory for a column of bytes.
 */
export type IntegerCodes = Int32Array | Uint16Array | Uint8Array;

/**
 * The permuted blocks of a blocked assignment, stratum by stratum: block b (from 0) of stratum g has size
 * `sizes[first[g] + b]`, the size drawn (the last block of a stratum may be cut short). The j-th unit of a
 * stratum, in input order, takes the j-th slot of these blocks; {@link BlockCursor} walks them so.
 */
export interface BlockLayout {
  /** Index in `sizes` of each stratum's first block, strata in index order. */
  first: Int32Array;
  sizes: IntegerCodes;
}

/** What {@link assignArms} draws: arm index per unit in input order, and the blocks when blocks are used. */
export interface DrawnArms {
  arms: IntegerCodes;
  blocks: BlockLayout | null;
}

/**
 * Walks the units of a {@link BlockLayout} in input order: `advance(g)` moves stratum g to its next slot,
 * whose block number (from 1) and block size are then `block[g]` and `size[g]`. Per-unit block columns
 * would cost a million-unit call megabytes of memory (and the collections it triggers); the layout has one
 * entry per block.
 */
class BlockCursor {
  readonly block: Int32Array;
  readonly size: Int32Array;
  private readonly left: Int32Array;

  constructor(
    private readonly layout: BlockLayout,
    groups: number,
  ) {
    this.block = new Int32Array(groups);
    this.size = new Int32Array(groups);
    this.left = new Int32Array(groups);
  }

  advance(g: number): void {
    const left = this.left[g] as number;
    if (left > 0) {
      this.left[g] = left - 1;
      return;
    }
    const b = this.block[g] as number;
    const size = this.layout.sizes[(this.layout.first[g] as number) + b] as number;
    this.block[g] = b + 1;
    this.size[g] = size;
    this.left[g] = size - 1;
  }
}

/** A zeroed column of n codes no larger than `largest`. */
function codes(n: number, largest: number): IntegerCodes {
  return largest <= 255 ? new Uint8Array(n) : largest <= 65535 ? new Uint16Array(n) : new Int32Array(n);
}

/**
 * `column` if it holds `code`, else a copy of it in the next wider column (for codes counted up from 0 as
 * new levels appear, when their number is not known in advance).
 */
function widened(column: IntegerCodes, code: number): IntegerCodes {
  if (code <= 255 || (code <= 65535 && !(column instanceof Uint8Array)) || column instanceof Int32Array)
    return column;
  const wider = codes(column.length, code);
  wider.set(column);
  return wider;
}

/** Unit ids in input order: an `Int32Array` while every id is a 32-bit integer, else an array. */
export type UnitIds = Int32Array | (string | number)[];

/** The units as the algorithms see them: ids in input order, and dense stratum and cluster indices. */
export interface UnitKeys {
  ids: UnitIds;
  stratum: IntegerCodes | null;
  stratumLabels: string[];
  cluster: IntegerCodes | null;
  clusterLabels: string[];
  /** Whether every id is an integer in [0, 2^31) (the CSV is then written by a faster path). */
  smallIntegerIds: boolean;
  /**
   * String ids that are plain ASCII CSV cells, encoded once (the duplicate check and the CSV then use the
   * bytes, and `ids` is decoded only when read).
   */
  encodedIds?: EncodedIds | null | undefined;
  /** Number of units, when known without reading `ids`. */
  count?: number | undefined;
}

/**
 * String ids as their CSV cells' bytes, back to back: id i is `bytes[offsets[i] … offsets[i + 1])`. Only for
 * ids that are printable-as-is ASCII (no byte ≥ 128, comma, quote, CR or LF), so a cell is the id's own
 * characters, and equal bytes mean equal ids. `bytes` has 8 spare bytes at the end for word-wide copies.
 */
export interface EncodedIdBytes {
  kind: "bytes";
  bytes: Uint8Array;
  offsets: Int32Array;
  /** Length of the longest id, in bytes. */
  longest: number;
}

/**
 * Register-style ids, one prefix and a fixed number of digits (`P0001234`): id i is `prefix` followed by
 * `numbers[i]` written with `width` digits, leading zeros kept. A quarter of the memory of their bytes and
 * offsets, which matters at a million ids: the result keeps its ids to build rows on demand.
 */
export interface EncodedIdNumbers {
  kind: "numbers";
  prefix: Uint8Array;
  width: number;
  numbers: Int32Array;
  /** Length of every id, in bytes. */
  longest: number;
}

/** String ids kept encoded instead of as a million strings. */
export type EncodedIds = EncodedIdBytes | EncodedIdNumbers;

/** Register-style ids (`prefix` + a fixed number of digits) as {@link StringIdEncoder} reads them. */
interface IdPattern {
  /** The first id's bytes; its first `prefixLength` are the prefix. */
  prefix: Uint8Array;
  prefixLength: number;
  length: number;
  numbers: Int32Array;
}

/** The number `id`'s digits spell if it is `prefix` followed by `length − prefixLength` digits, else −1. */
function patternNumber(id: string, prefix: Uint8Array, prefixLength: number, length: number): number {
  if (id.length !== length) return -1;
  for (let j = 0; j < prefixLength; j++) if (id.charCodeAt(j) !== prefix[j]) return -1;
  let value = 0;
  for (let j = prefixLength; j < length; j++) {
    const digit = id.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The code of `record[field]` if it is a string level already in `levels`, else −1. */
function knownLevel(record: TableRecord, field: string, levels: Map<string, number>): number {
  const value = record[field];
  if (typeof value !== "string") return -1;
  return levels.get(value) ?? -1;
}

/** Whether `unit` is a record (an object, not an array), as every unit must be. */
function isRecord(unit: unknown): unit is TableRecord {
  return typeof unit === "object" && unit !== null && !Array.isArray(unit);
}

/** Whether `id` is kept in an `Int32Array` of ids: a 32-bit integer other than −0 (which must stay −0). */
function isInt32Id(id: unknown): id is number {
  return typeof id === "number" && (id | 0) === id && (id !== 0 || 1 / id > 0);
}

/**
 * The common case of {@link keysFromUnits}'s loop, without its checks and branches for every other one (on a
 * million units it takes about a tenth off the walk, 3–4 ms, for integer and for register-style ids): from
 * unit `from` on, takes each unit that is a record whose id
 * is a 32-bit integer (written to `integers`) or, when `integers` is null, an id of `pattern` (its number
 * written to `pattern.numbers`, as {@link StringIdEncoder.add} would), and, if `field` is given, whose value
 * of it is a string level already in `levels` (its code written to `codes`). Returns the first unit it does not
 * take, for the general loop, or the number of units.
 */
function takeCommonUnits(
  records: readonly TableRecord[],
  from: number,
  idField: string,
  integers: Int32Array | null,
  pattern: IdPattern | null,
  field: string | undefined,
  levels: Map<string, number>,
  codes: IntegerCodes,
): number {
  const n = records.length;
  for (let i = from; i < n; i++) {
    const record = records[i];
    if (!isRecord(record)) return i;
    const id = record[idField];
    if (integers !== null) {
      if (!isInt32Id(id)) return i;
      integers[i] = id;
    } else {
      if (typeof id !== "string" || pattern === null) return i;
      const value = patternNumber(id, pattern.prefix, pattern.prefixLength, pattern.length);
      if (value < 0) return i;
      pattern.numbers[i] = value;
    }
    if (field !== undefined) {
      const code = knownLevel(record, field, levels);
      if (code < 0) return i;
      codes[i] = code;
    }
  }
  return n;
}

/**
 * Builds {@link EncodedIds} while the units are read (one visit per id string): appends each id's bytes; gives
 * up, for good, at the first id that is not a plain ASCII cell. Ids in the usual register form, one prefix
 * and a fixed number of digits (`P0001234`), are kept as the numbers their digits spell, which tell equal ids
 * apart exactly, so the duplicate check is a bitmap of numbers, as for integer ids; other ids are hashed
 * (FNV-1a, then a murmur finaliser) for a hash table.
 */
class StringIdEncoder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  /** Per id: its number while the ids are patterned, else its hash. */
  private readonly keys: Int32Array;
  private at = 0;
  private longest = 0;
  private plain = true;
  /** Whether every id so far is `prefix` + `digits` decimal digits (the first id's prefix and width). */
  private patterned = true;
  private prefixLength = 0;
  private patternLength = 0;
  /**
   * Ids 0 … written − 1 have their bytes in `bytes`. While the ids are patterned only the first one's bytes
   * are needed (the prefix): the others are checked and read as numbers, and written (from `idOf`) only if
   * a later id breaks the pattern.
   */
  private written = 0;

  constructor(
    n: number,
    private readonly idOf: (i: number) => string,
  ) {
    this.bytes = idScratchBytes(12 * n + 16);
    // Offsets live in scratch space until `finish` copies out what the result keeps (the duplicate check
    // uses slot 1 for its table); the keys get an array of their own, which the result keeps as it is when
    // they are the ids' numbers.
    this.offsets = scratchInts(n + 1, 2);
    this.keys = new Int32Array(n);
  }

  /** Adds unit i's id; `false` (and nothing more is added) if it is not a plain ASCII cell. */
  add(i: number, id: string): boolean {
    if (!this.plain) return false;
    if (this.patterned && i > 0) {
      const value = this.patternNumber(id);
      if (value >= 0) {
        this.keys[i] = value;
        return true;
      }
      this.writeEarlier(i);
    }
    this.written = i + 1;
    const length = id.length;
    if (this.at + length + 8 > this.bytes.length) {
      const grown = idScratchBytes(2 * this.bytes.length + length + 8);
      grown.set(this.bytes.subarray(0, this.at));
      this.bytes = grown;
    }
    const bytes = this.bytes;
    let at = this.at;
    this.offsets[i] = at;
    for (let j = 0; j < length; j++) {
      const code = id.charCodeAt(j);
      if (code >= 128 || code === 44 || code === 34 || code === 10 || code === 13) {
        this.plain = false;
        return false;
      }
      bytes[at++] = code;
    }
    this.at = at;
    if (length > this.longest) this.longest = length;
    if (i === 0) {
      const value = this.firstPattern(length);
      if (this.patterned) {
        this.keys[0] = value;
        return true;
      }
    }
    if (this.patterned) {
      this.patterned = false;
      for (let j = 0; j < i; j++) this.keys[j] = this.hashOf(j, this.offsets[j + 1] as number);
    }
    this.keys[i] = this.hashOf(i, at);
    return true;
  }

  /** The number `id`'s digits spell if it is the first id's prefix and as many digits as it, else −1. */
  private patternNumber(id: string): number {
    return patternNumber(id, this.bytes, this.prefixLength, this.patternLength);
  }

  /**
   * While every id added so far (at least the first) is patterned, what {@link takeCommonUnits} needs to take
   * further ids as {@link add} would: the prefix, the ids' length, and the array their numbers go to.
   */
  pattern(): IdPattern | null {
    if (!this.plain || !this.patterned || this.written === 0) return null;
    return {
      prefix: this.bytes,
      prefixLength: this.prefixLength,
      length: this.patternLength,
      numbers: this.keys,
    };
  }

  /** Writes the bytes of the patterned ids not written yet, before unit i's (plain ASCII: prefix, digits). */
  private writeEarlier(i: number): void {
    let at = this.at;
    for (let j = this.written; j < i; j++) {
      const id = this.idOf(j);
      if (at + id.length + 8 > this.bytes.length) {
        const grown = idScratchBytes(2 * this.bytes.length + id.length + 8);
        grown.set(this.bytes.subarray(0, at));
        this.bytes = grown;
      }
      this.offsets[j] = at;
      for (let c = 0; c < id.length; c++) this.bytes[at++] = id.charCodeAt(c);
    }
    this.at = at;
    this.written = i;
  }

  /**
   * Reads the pattern from the first id: its trailing digits (1 to 9 of them) and the prefix before; returns
   * the number the digits spell.
   */
  private firstPattern(length: number): number {
    let digits = 0;
    let value = 0;
    let scale = 1;
    while (digits < length && digits < 10) {
      const code = this.bytes[length - 1 - digits] as number;
      if (code < 48 || code > 57) break;
      value += (code - 48) * scale;
      scale *= 10;
      digits++;
    }
    this.patterned = digits >= 1 && digits <= 9;
    this.prefixLength = length - digits;
    this.patternLength = length;
    return value;
  }

  /** FNV-1a of id j's bytes (up to `end`) with a murmur finaliser. */
  private hashOf(j: number, end: number): number {
    const bytes = this.bytes;
    let h = 0x811c9dc5;
    for (let b = this.offsets[j] as number; b < end; b++) h = Math.imul(h ^ (bytes[b] as number), 16777619);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /**
   * The encoded ids of units 0 … n − 1 (every one must have been added; bytes are copied out of the
   * scratch space, as they outlive this call: rows decode them when first read) and, for ids kept as
   * bytes, their hashes, or `null`.
   */
  finish(n: number): { encoded: EncodedIds; hashes: Int32Array | null } | null {
    if (!this.plain) return null;
    if (this.patterned && n > 0) {
      const encoded: EncodedIdNumbers = {
        kind: "numbers",
        prefix: this.bytes.slice(0, this.prefixLength),
        width: this.patternLength - this.prefixLength,
        numbers: this.keys,
        longest: this.patternLength,
      };
      return { encoded, hashes: null };
    }
    this.offsets[n] = this.at;
    const bytes = new Uint8Array(this.at + 8);
    bytes.set(this.bytes.subarray(0, this.at));
    const encoded: EncodedIdBytes = {
      kind: "bytes",
      bytes,
      offsets: this.offsets.slice(0, n + 1),
      longest: this.longest,
    };
    return { encoded, hashes: this.keys };
  }
}

/** A validated plan for {@link allocate}, with its arms and block sizes. */
export interface UnitPlan {
  plan: AllocationPlan;
  design: Exclude<NonNullable<AllocationPlan["design"]>, "stratified">;
  arms: NormalArms;
  strata: string[];
  blockSizes: number[] | undefined;
}

/** Validates a plan for {@link allocate}. */
export function parseUnitPlan(plan: AllocationPlan): UnitPlan {
  const parsed = parsePlan(plan);
  const design = parsed.design === "stratified" ? "blocked" : parsed.design;
  if (design === undefined)
    invalidInput(
      "design",
      'is required for allocate: "simple", "complete", "blocked" or "cluster"',
      undefined,
    );
  const arms = normaliseArms(parsed.arms);
  if (parsed.strata !== undefined && typeof parsed.strata !== "string" && !Array.isArray(parsed.strata))
    invalidInput(
      "strata",
      "must list unit field names for allocate, e.g. ['gender', 'office'] (levels are for allocationList)",
      parsed.strata,
    );
  const strata =
    typeof parsed.strata === "string" ? [parsed.strata] : ((parsed.strata as string[] | undefined) ?? []);
  const seen = new Set<string>();
  strata.forEach((field, index) => {
    if (seen.has(field)) invalidInput(["strata", index], "must name a field only once", field);
    seen.add(field);
  });
  if ((design === "simple" || design === "complete") && strata.length > 0)
    invalidInput(
      "strata",
      `is not used by the ${design} design (use "blocked" to randomise within strata)`,
      strata,
    );
  if (design === "blocked" && strata.length === 0)
    invalidInput("strata", "must name at least one unit field for the blocked design", parsed.strata);
  if (design === "cluster" && parsed.cluster === undefined)
    invalidInput(
      "cluster",
      "is required for the cluster design: the unit field that holds the cluster",
      undefined,
    );
  if (design !== "cluster" && parsed.cluster !== undefined)
    invalidInput("cluster", `is only used by the cluster design, not "${design}"`, parsed.cluster);
  if (parsed.size !== undefined)
    invalidInput("size", "is only used by allocationList (allocate uses the units given)", parsed.size);
  let blockSizes: number[] | undefined;
  if (parsed.blockSizes !== undefined) {
    if (design !== "blocked")
      invalidInput("blockSizes", `is only used by the blocked design, not "${design}"`, parsed.blockSizes);
    blockSizes = checkBlockSizes(parsed.blockSizes, arms);
  }
  return { plan: parsed, design, arms, strata, blockSizes };
}

/** Column order of an assignment's rows. */
export function unitColumns(unitPlan: UnitPlan): string[] {
  const columns = ["unitId", "arm"];
  if (unitPlan.strata.length > 0) columns.push("stratum");
  if (unitPlan.design === "cluster") columns.push("cluster");
  if (unitPlan.blockSizes !== undefined) columns.push("block", "blockSize");
  return columns;
}

/**
 * Reads ids, strata and clusters from unit records, with errors naming the unit. Each element is checked to
 * be a record in the same pass (a plain array of units is not walked twice).
 */
export function keysFromUnits(units: readonly unknown[], unitPlan: UnitPlan): UnitKeys {
  // Every element is checked to be a record in the first loop, before any other field is read.
  const records = units as readonly TableRecord[];
  const idField = unitPlan.plan.idField ?? "id";
  const n = records.length;
  // Integer ids (the common large case) are kept in an Int32Array: no million-slot copy in the JavaScript
  // heap for the collector to scan. The first other id moves them to an ordinary array.
  // Units whose first id is a string go straight to the string encoder (no unused million-slot array).
  const head = records[0];
  const firstId = typeof head === "object" && head !== null ? (head as TableRecord)[idField] : undefined;
  let intIds: Int32Array | null = typeof firstId === "string" ? null : new Int32Array(n);
  let ids: (string | number)[] = [];
  // The first stratum field is coded in the same pass as the ids (one walk over the records); a unit
  // without it is reported only after every id has been checked, as when the fields were read separately.
  const firstField = unitPlan.strata[0];
  let firstCodes: IntegerCodes = new Uint8Array(firstField === undefined ? 0 : n);
  const firstLevels: string[] = [];
  const firstMap = new Map<string, number>();
  let firstMissing = -1;
  let numbers = 0;
  const idOf = (j: number): string => (records[j] as TableRecord)[idField] as string;
  let encoder: StringIdEncoder | null = intIds === null ? new StringIdEncoder(n, idOf) : null;
  let pattern: IdPattern | null = null;
  for (let i = 0; i < n; i++) {
    if (intIds !== null || pattern !== null) {
      const field = firstMissing < 0 ? firstField : undefined;
      const stop = takeCommonUnits(records, i, idField, intIds, pattern, field, firstMap, firstCodes);
      if (intIds !== null) numbers += stop - i;
      i = stop;
      if (i === n) break;
    }
    const record = records[i];
    if (!isRecord(record)) invalidInput(["units", i], "must be a record (an object of named values)", record);
    const id = record[idField];
    if (intIds !== null && isInt32Id(id)) {
      intIds[i] = id;
      numbers++;
    } else {
      if (typeof id === "number" && Number.isFinite(id)) numbers++;
      else if (typeof id !== "string" || id === "")
        invalidInput(
          ["units", i, idField],
          `must be the unit's id (a non-empty string or a finite number; idField is "${idField}")`,
          id,
        );
      if (intIds !== null) {
        ids = Array.from(intIds.subarray(0, i));
        intIds = null;
        // String ids from the first unit on are encoded to bytes instead of copied to an array (a million
        // references cost more to store than the bytes); the first id that cannot be encoded brings the
        // earlier ones into `ids` from the records.
        if (i === 0) encoder = new StringIdEncoder(n, idOf);
      }
      if (encoder === null) ids.push(id as string | number);
      else if (typeof id !== "string" || !encoder.add(i, id)) {
        encoder = null;
        for (let j = 0; j < i; j++) ids.push((records[j] as TableRecord)[idField] as string);
        ids.push(id as string | number);
      }
    }
    if (firstField !== undefined && firstMissing < 0) {
      const value = record[firstField];
      const text = typeof value === "string" ? value : levelText(value);
      if (text === undefined) firstMissing = i;
      else {
        let code = firstMap.get(text);
        if (code === undefined) {
          code = firstLevels.length;
          firstMap.set(text, code);
          firstLevels.push(text);
          firstCodes = widened(firstCodes, code);
        }
        firstCodes[i] = code;
      }
    }
    pattern = encoder?.pattern() ?? null;
  }
  const finished = encoder?.finish(n) ?? null;
  const encodedIds = finished?.encoded ?? null;
  // Encoded ids become strings again only when something reads them (rows, an error message).
  let decoded: string[] | null = null;
  const idList = (): UnitIds => {
    if (encodedIds === null) return intIds ?? ids;
    decoded ??= decodeIds(encodedIds);
    return decoded;
  };
  const smallIntegerIds = checkDuplicateIds(
    encodedIds === null ? idList() : null,
    n,
    (i) => idList()[i] as string | number,
    numbers,
    idField,
    finished,
  );
  const describe = (i: number): string => JSON.stringify(idList()[i]);
  const missingLevel =
    (field: string) =>
    (i: number, value: unknown): never =>
      invalidInput(
        ["units", i, field],
        `must hold unit ${describe(i)}'s level of the stratum field "${field}" (a string, finite number or boolean)`,
        value,
      );
  let stratum: IntegerCodes | null = null;
  let stratumLabels: string[] = [];
  if (firstField !== undefined) {
    if (firstMissing >= 0)
      missingLevel(firstField)(firstMissing, (records[firstMissing] as TableRecord)[firstField]);
    const codes = [
      { codes: firstCodes, levels: firstLevels },
      ...unitPlan.strata.slice(1).map((field) => fieldCodes(records, field, missingLevel(field))),
    ];
    const combined = combineCodes(codes, n);
    stratum = combined.index;
    stratumLabels = combined.tuples.map((tuple) =>
      tuple
        .map((code, f) => labelPart(unitPlan.strata[f] as string, codes[f]?.levels[code] as string))
        .join(";"),
    );
  }
  let cluster: IntegerCodes | null = null;
  let clusterLabels: string[] = [];
  if (unitPlan.design === "cluster") {
    const field = unitPlan.plan.cluster as string;
    const codes = fieldCodes(records, field, (i, value) =>
      invalidInput(
        ["units", i, field],
        `must hold unit ${describe(i)}'s cluster (the cluster field "${field}": a string, finite number or boolean)`,
        value,
      ),
    );
    cluster = codes.codes;
    clusterLabels = codes.levels;
  }
  return {
    get ids(): UnitIds {
      return idList();
    },
    count: n,
    stratum,
    stratumLabels,
    cluster,
    clusterLabels,
    smallIntegerIds,
    encodedIds,
  };
}

/** The ids of {@link EncodedIds} as strings: one decode of the buffer, then a slice per id. */
function decodeIds(encoded: EncodedIds): string[] {
  const ids: string[] = [];
  if (encoded.kind === "numbers") {
    const prefix = new TextDecoder().decode(encoded.prefix);
    for (const number of encoded.numbers) ids.push(prefix + String(number).padStart(encoded.width, "0"));
    return ids;
  }
  const { offsets } = encoded;
  const n = offsets.length - 1;
  const text = new TextDecoder().decode(encoded.bytes.subarray(0, offsets[n] as number));
  for (let i = 0; i < n; i++) ids.push(text.slice(offsets[i] as number, offsets[i + 1] as number));
  return ids;
}

/** Number of units (without reading ids that are kept encoded). */
function unitCount(keys: UnitKeys): number {
  return keys.count ?? keys.ids.length;
}

/**
 * The first unit whose encoded id equals an earlier one, or −1: an open-addressing hash table of (unit index,
 * hash) pairs, so bytes are compared only when the 32-bit hashes agree; no string or key object per unit.
 */
function firstDuplicateEncoded(encoded: EncodedIdBytes, hashes: Int32Array): number {
  const { bytes, offsets } = encoded;
  const n = offsets.length - 1;
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = scratchInts(2 * capacity, 1).fill(0, 0, 2 * capacity);
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot] as number;
      if (entry === 0) {
        table[2 * slot] = i + 1;
        table[2 * slot + 1] = h;
        break;
      }
      if (table[2 * slot + 1] === h) {
        const other = entry - 1;
        const from = offsets[i] as number;
        const length = (offsets[i + 1] as number) - from;
        const otherFrom = offsets[other] as number;
        if ((offsets[other + 1] as number) - otherFrom === length) {
          let same = true;
          for (let j = 0; j < length; j++)
            if (bytes[otherFrom + j] !== bytes[from + j]) {
              same = false;
              break;
            }
          if (same) return i;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  return -1;
}

/**
 * The first of n integers in [min, max] that equals an earlier one, or −1: a bitmap over the range (the CSV's
 * reusable byte buffer serves, as the check ends before the CSV is written), without hashing a million keys.
 */
function firstDuplicateInRange(values: ArrayLike<number>, n: number, min: number, max: number): number {
  const seen = scratchBytes(max - min + 1).fill(0, 0, max - min + 1);
  for (let i = 0; i < n; i++) {
    const slot = (values[i] as number) - min;
    if (seen[slot] === 1) return i;
    seen[slot] = 1;
  }
  return -1;
}

/**
 * The first of n integers in [0, 2^31 − 1) (the numbers of patterned ids) that equals an earlier one, or −1:
 * a bitmap when their range is narrow (the usual consecutive register numbers), else an open-addressing table
 * of the values themselves (equal values are equal ids, so nothing else is compared).
 */
function firstDuplicateNumber(values: Int32Array, n: number): number {
  let min = 2147483647;
  let max = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 8 * n + 1024) return firstDuplicateInRange(values, n, min, max);
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = scratchInts(capacity, 1).fill(0, 0, capacity);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let slot = Math.imul(v, 0x9e3779b1) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const entry = table[slot] as number;
      if (entry === 0) {
        table[slot] = v + 1;
        break;
      }
      if (entry === v + 1) return i;
      slot = (slot + 1) & mask;
    }
  }
  return -1;
}

/** Whether every id is an integer in [0, 2^31) (numbers only, never strings). */
export function allSmallIntegers(ids: readonly (string | number)[]): boolean {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== "number" || !(id >= 0 && id < 2147483648) || Math.floor(id) !== id) return false;
  }
  return true;
}

/**
 * Refuses duplicate ids; returns whether every id is an integer in [0, 2^31) (for the CSV writer). `ids` is
 * `null` when they are kept encoded (`encoded`); `idAt` reads one id for an error message.
 */
function checkDuplicateIds(
  idsOrNull: UnitIds | null,
  n: number,
  idAt: (i: number) => string | number,
  numbers: number,
  idField: string,
  encoded: { encoded: EncodedIds; hashes: Int32Array | null } | null,
): boolean {
  let smallIntegers = false;
  const fail = (i: number): never => {
    const id = idAt(i);
    let first = 0;
    while (String(idAt(first)) !== String(id)) first++;
    return invalidInput(
      ["units", i, idField],
      `must be unique: unit ${JSON.stringify(id)} appears at units[${first}] and units[${i}]`,
      id,
    );
  };
  if (encoded !== null) {
    const duplicate =
      encoded.encoded.kind === "numbers"
        ? firstDuplicateNumber(encoded.encoded.numbers, n)
        : firstDuplicateEncoded(encoded.encoded, encoded.hashes as Int32Array);
    if (duplicate >= 0) fail(duplicate);
    return false;
  }
  const ids = idsOrNull as UnitIds;
  if (numbers === n && n > 0) {
    // Integer ids in a modest range: a bitmap, without hashing a million keys.
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let integers = true;
    for (let i = 0; i < n; i++) {
      const id = ids[i] as number;
      if (!Number.isInteger(id)) {
        integers = false;
        break;
      }
      if (id < min) min = id;
      if (id > max) max = id;
    }
    smallIntegers = integers && min >= 0 && max < 2147483648;
    if (integers && max - min < 8 * n + 1024) {
      const duplicate = firstDuplicateInRange(ids as ArrayLike<number>, n, min, max);
      if (duplicate >= 0) fail(duplicate);
      return smallIntegers;
    }
  }
  const mixed = numbers > 0 && numbers < n;
  const seen = new Set<string | number>();
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string | number;
    const key = mixed ? String(id) : id;
    if (seen.has(key)) fail(i);
    seen.add(key);
  }
  return smallIntegers;
}

/** A field's levels in order of first appearance, and each unit's level as its index in them. */
interface FieldCodes {
  codes: IntegerCodes;
  levels: string[];
}

function fieldCodes(
  records: readonly TableRecord[],
  field: string,
  fail: (index: number, value: unknown) => never,
): FieldCodes {
  const n = records.length;
  let codes: IntegerCodes = new Uint8Array(n);
  const map = new Map<string, number>();
  const levels: string[] = [];
  for (let i = 0; i < n; i++) {
    const value = (records[i] as TableRecord)[field];
    const text = typeof value === "string" ? value : levelText(value);
    if (text === undefined) fail(i, value);
    let code = map.get(text);
    if (code === undefined) {
      code = levels.length;
      map.set(text, code);
      levels.push(text);
      codes = widened(codes, code);
    }
    codes[i] = code;
  }
  return { codes, levels };
}

function combineCodes(fields: readonly FieldCodes[], n: number): { index: IntegerCodes; tuples: number[][] } {
  if (fields.length === 1) {
    const only = fields[0] as FieldCodes;
    return { index: only.codes, tuples: only.levels.map((_, code) => [code]) };
  }
  let index: IntegerCodes = new Uint8Array(n);
  const map = new Map<string | number, number>();
  const tuples: number[][] = [];
  let radix = 1;
  for (const field of fields) radix *= Math.max(1, field.levels.length);
  const numeric = radix < 2 ** 52;
  for (let i = 0; i < n; i++) {
    let key: string | number;
    if (numeric) {
      let value = 0;
      for (const field of fields) value = value * field.levels.length + (field.codes[i] as number);
      key = value;
    } else {
      key = fields.map((field) => field.codes[i]).join(",");
    }
    let dense = map.get(key);
    if (dense === undefined) {
      dense = tuples.length;
      map.set(key, dense);
      tuples.push(fields.map((field) => field.codes[i] as number));
      index = widened(index, dense);
    }
    index[i] = dense;
  }
  return { index, tuples };
}

/**
 * Reusable working space for the per-stratum draws: every entry is written before it is read and the
 * space never outlives a synchronous call, so consecutive assignments share it instead of allocating (and
 * the garbage collector later reclaiming) megabytes per call. Arrays above 16 Mi entries are not kept.
 */
const scratchIntArrays: (Int32Array | null)[] = [null, null, null];
function scratchInts(size: number, slot = 0): Int32Array {
  const kept = scratchIntArrays[slot] ?? null;
  if (kept !== null && kept.length >= size) return kept;
  const ints = new Int32Array(size);
  if (size <= 16 * 1024 * 1024) scratchIntArrays[slot] = ints;
  return ints;
}

/** Reusable bytes for encoding ids (copied out at their exact size); above 64 MiB not kept. */
let scratchIdBytes: Uint8Array | null = null;
function idScratchBytes(size: number): Uint8Array {
  if (scratchIdBytes !== null && scratchIdBytes.length >= size) return scratchIdBytes;
  const bytes = new Uint8Array(size);
  if (size <= scratchLimit) scratchIdBytes = bytes;
  return bytes;
}

/** Indices of the groups in processing order: labels sorted by UTF-16 code units. */
function sortedGroups(labels: readonly string[]): number[] {
  return labels.map((_, i) => i).sort((a, b) => codeUnitOrder(labels[a] as string, labels[b] as string));
}

/** The draws of {@link allocate}: arm index per unit (and block numbers when blocks are used). */
export function assignArms(keys: UnitKeys, unitPlan: UnitPlan, rng: Rng): DrawnArms {
  const n = unitCount(keys);
  const { design } = unitPlan;
  // Arm codes take a byte each when they fit (see IntegerCodes).
  const arms: IntegerCodes =
    design === "complete" ? new Int32Array(n) : codes(n, unitPlan.arms.names.length - 1);
  if (design === "simple") {
    for (let i = 0; i < n; i++) arms[i] = simpleDraw(unitPlan.arms, rng);
    return { arms, blocks: null };
  }
  if (design === "complete") {
    fillAndShuffle(completeCounts(n, unitPlan.arms, rng), arms as Int32Array, 0, rng);
    return { arms, blocks: null };
  }
  if (design === "blocked") {
    const stratum = keys.stratum as IntegerCodes;
    const groups = keys.stratumLabels.length;
    // Each stratum's draws fill its own segment of one buffer (segments in stratum index order, sizes from a
    // count); the j-th unit of a stratum, in input order, then takes the j-th entry of its segment.
    const start = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) {
      const slot = (stratum[i] as number) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
    if (unitPlan.blockSizes === undefined) {
      const buffer = scratchInts(n);
      for (const g of sortedGroups(keys.stratumLabels)) {
        const from = start[g] as number;
        const m = (start[g + 1] as number) - from;
        fillAndShuffle(completeCounts(m, unitPlan.arms, rng), buffer, from, rng);
      }
      const cursor = start.slice(0, groups);
      for (let i = 0; i < n; i++) {
        const g = stratum[i] as number;
        const at = cursor[g] as number;
        arms[i] = buffer[at] as number;
        cursor[g] = at + 1;
      }
      return { arms, blocks: null };
    }
    // A stratum of m units has at most ⌈m / smallest size⌉ blocks: their sizes are appended to a scratch
    // column, stratum after stratum in processing order, and copied out in stratum index order.
    const buffer = scratchInts(n, 2);
    const drawnSizes = scratchInts(n + groups, 1);
    const segments = { arms: buffer, sizes: drawnSizes };
    const drawnFirst = new Int32Array(groups);
    const blockCount = new Int32Array(groups);
    let total = 0;
    for (const g of sortedGroups(keys.stratumLabels)) {
      const from = start[g] as number;
      drawnFirst[g] = total;
      const count = permutedBlocksInto(
        (start[g + 1] as number) - from,
        unitPlan.blockSizes,
        unitPlan.arms,
        rng,
        segments,
        from,
        total,
      );
      blockCount[g] = count;
      total += count;
    }
    const first = new Int32Array(groups);
    const sizes = codes(total, Math.max(...unitPlan.blockSizes));
    let at = 0;
    for (let g = 0; g < groups; g++) {
      first[g] = at;
      const from = drawnFirst[g] as number;
      sizes.set(drawnSizes.subarray(from, from + (blockCount[g] as number)), at);
      at += blockCount[g] as number;
    }
    const cursor = start.slice(0, groups);
    for (let i = 0; i < n; i++) {
      const g = stratum[i] as number;
      const slot = cursor[g] as number;
      arms[i] = buffer[slot] as number;
      cursor[g] = slot + 1;
    }
    return { arms, blocks: { first, sizes } };
  }
  // cluster: complete randomisation of whole clusters, within each stratum when there are strata.
  const cluster = keys.cluster as IntegerCodes;
  const clusterCount = keys.clusterLabels.length;
  const clusterStratum = new Int32Array(clusterCount).fill(-1);
  if (keys.stratum !== null) {
    for (let i = 0; i < n; i++) {
      const c = cluster[i] as number;
      const s = keys.stratum[i] as number;
      if (clusterStratum[c] === -1) clusterStratum[c] = s;
      else if (clusterStratum[c] !== s)
        invalidInput(
          ["units", i],
          `must be in the same stratum as the rest of its cluster: cluster ${JSON.stringify(keys.clusterLabels[c])} spans strata ${JSON.stringify(keys.stratumLabels[clusterStratum[c] as number])} and ${JSON.stringify(keys.stratumLabels[s])} (unit ${JSON.stringify(keys.ids[i])})`,
          keys.ids[i],
        );
    }
  } else clusterStratum.fill(0);
  const groupLabels = keys.stratum !== null ? keys.stratumLabels : ["all"];
  const clusterArm = new Int32Array(clusterCount);
  for (const g of sortedGroups(groupLabels)) {
    const inGroup: number[] = [];
    for (let c = 0; c < clusterCount; c++) if (clusterStratum[c] === g) inGroup.push(c);
    inGroup.sort((a, b) => codeUnitOrder(keys.clusterLabels[a] as string, keys.clusterLabels[b] as string));
    const buffer = new Int32Array(inGroup.length);
    fillAndShuffle(completeCounts(inGroup.length, unitPlan.arms, rng), buffer, 0, rng);
    inGroup.forEach((c, j) => {
      clusterArm[c] = buffer[j] as number;
    });
  }
  for (let i = 0; i < n; i++) arms[i] = clusterArm[cluster[i] as number] as number;
  return { arms, blocks: null };
}

/**
 * Writes a non-negative integer below 1e15 as decimal digits at `at`; returns the new end. Integers below
 * 2^31 go through {@link writeSmallInteger}; larger ones are written as JavaScript prints them.
 */
function writeInteger(view: DataView, at: number, value: number): number {
  if (value < 2147483648) return writeSmallInteger(view, at, value);
  const text = String(value);
  for (let j = 0; j < text.length; j++) view.setUint8(at + j, text.charCodeAt(j));
  return at + text.length;
}

/** Builds the rows of an assignment, in input order. */
function unitRows(keys: UnitKeys, armNames: readonly string[], drawn: DrawnArms): UnitRow[] {
  const { ids, stratum, cluster, stratumLabels, clusterLabels } = keys;
  const { arms, blocks } = drawn;
  const n = ids.length;
  const rows = new Array<UnitRow>(n);
  if (blocks !== null && stratum !== null) {
    const cursor = new BlockCursor(blocks, stratumLabels.length);
    for (let i = 0; i < n; i++) {
      const g = stratum[i] as number;
      cursor.advance(g);
      rows[i] = {
        unitId: ids[i] as string | number,
        arm: armNames[arms[i] as number] as string,
        stratum: stratumLabels[g] as string,
        block: cursor.block[g] as number,
        blockSize: cursor.size[g] as number,
      };
    }
  } else if (stratum !== null && cluster !== null) {
    for (let i = 0; i < n; i++)
      rows[i] = {
        unitId: ids[i] as string | number,
        arm: armNames[arms[i] as number] as string,
        stratum: stratumLabels[stratum[i] as number] as string,
        cluster: clusterLabels[cluster[i] as number] as string,
      };
  } else if (stratum !== null) {
    for (let i = 0; i < n; i++)
      rows[i] = {
        unitId: ids[i] as string | number,
        arm: armNames[arms[i] as number] as string,
        stratum: stratumLabels[stratum[i] as number] as string,
      };
  } else if (cluster !== null) {
    for (let i = 0; i < n; i++)
      rows[i] = {
        unitId: ids[i] as string | number,
        arm: armNames[arms[i] as number] as string,
        cluster: clusterLabels[cluster[i] as number] as string,
      };
  } else {
    for (let i = 0; i < n; i++)
      rows[i] = { unitId: ids[i] as string | number, arm: armNames[arms[i] as number] as string };
  }
  return rows;
}

/**
 * Where a CSV writer sends its bytes: `null` to have them returned whole, or a function given each filled
 * piece of one reused buffer, which it must read before returning (the buffer is written over next). In
 * pieces, the canonical CSV of 10⁷ units (hundreds of megabytes) is never held at once.
 */
export type CsvPieces = ((piece: Uint8Array) => void) | null;

/** The size of the buffer a CSV is written through in pieces (about 30 000 rows of an assignment). */
const pieceBytes = 1 << 20;

/**
 * Writes the canonical CSV of an assignment straight into bytes (no per-row strings): the id, then the
 * pre-encoded `,arm,stratum,cluster` tail of the row's combination, then the block columns. Returns the
 * bytes, or, when they go out in `pieces`, an empty array.
 */
function unitCsvBytes(
  keys: UnitKeys,
  armNames: readonly string[],
  columns: readonly string[],
  drawn: DrawnArms,
  pieces: CsvPieces,
): Uint8Array {
  const encoder = new TextEncoder();
  if (keys.cluster === null && keys.smallIntegerIds)
    return fastIdCsv(keys, armNames, columns, drawn, encoder, null, pieces);
  if (keys.cluster === null && keys.encodedIds != null)
    return fastIdCsv(keys, armNames, columns, drawn, encoder, keys.encodedIds, pieces);
  const { ids, stratum, cluster, stratumLabels, clusterLabels } = keys;
  const { arms, blocks } = drawn;
  const cursor = blocks === null ? null : new BlockCursor(blocks, stratumLabels.length);
  const n = ids.length;
  const k = armNames.length;
  const strata = stratum === null ? 1 : stratumLabels.length;
  const clusters = cluster === null ? 1 : clusterLabels.length;
  // Tails are indexed by (cluster · strata + stratum) · arms + arm; with many clusters they are made lazily.
  const tails = new Array<Uint8Array | undefined>(k * strata * clusters);
  const tail = (arm: number, s: number, c: number): Uint8Array => {
    let text = `,${csvCell(armNames[arm])}`;
    if (stratum !== null) text += `,${csvCell(stratumLabels[s])}`;
    if (cluster !== null) text += `,${csvCell(clusterLabels[c])}`;
    return encoder.encode(text);
  };
  // Size the buffer from the data (ids' lengths, the longest tail): large spare buffers cost garbage
  // collections (V8 counts them as external memory pressure).
  const cellBytes = (text: string): number => encoder.encode(csvCell(text)).length + 1;
  const longestArm = armNames.reduce((m, name) => Math.max(m, cellBytes(name)), 0);
  const longestStratum = stratumLabels.reduce((m, label) => Math.max(m, cellBytes(label)), 0);
  const longestCluster = clusterLabels.reduce((m, label) => Math.max(m, cellBytes(label)), 0);
  const fixed = longestArm + longestStratum + longestCluster + (blocks === null ? 1 : 23);
  let idBytes = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string | number;
    idBytes += typeof id === "number" ? (id >= 0 && id < 1e9 ? 9 : 24) : id.length + 2;
  }
  const header = encoder.encode(`${columns.join(",")}\n`);
  const whole = header.length + idBytes + n * fixed + 64;
  let bytes = new Uint8Array(pieces === null ? whole : Math.min(whole, pieceBytes));
  let view = new DataView(bytes.buffer);
  bytes.set(header, 0);
  let at = header.length;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string | number;
    const idRoom = typeof id === "number" ? 24 : 3 * id.length + 2;
    if (at + idRoom + fixed > bytes.length && pieces !== null && at > 0) {
      pieces(bytes.subarray(0, at));
      at = 0;
    }
    if (at + idRoom + fixed > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + idRoom + fixed + 1024));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
      view = new DataView(bytes.buffer);
    }
    if (typeof id === "number" && id >= 0 && id < 1e15 && Number.isInteger(id))
      at = writeInteger(view, at, id);
    else {
      const text = typeof id === "number" ? String(id) : id;
      let plain = true;
      for (let j = 0; j < text.length; j++) {
        const code = text.charCodeAt(j);
        if (code >= 128 || code === 44 || code === 34 || code === 10 || code === 13) {
          plain = false;
          break;
        }
      }
      if (plain) for (let j = 0; j < text.length; j++) bytes[at++] = text.charCodeAt(j);
      else {
        const encoded = encoder.encode(csvCell(text));
        bytes.set(encoded, at);
        at += encoded.length;
      }
    }
    const s = stratum === null ? 0 : (stratum[i] as number);
    const c = cluster === null ? 0 : (cluster[i] as number);
    const a = arms[i] as number;
    const slot = (c * strata + s) * k + a;
    let chunk = tails[slot];
    if (chunk === undefined) {
      chunk = tail(a, s, c);
      tails[slot] = chunk;
    }
    for (let j = 0; j < chunk.length; j++) bytes[at++] = chunk[j] as number;
    if (cursor !== null) {
      cursor.advance(s);
      bytes[at++] = 44;
      at = writeInteger(view, at, cursor.block[s] as number);
      bytes[at++] = 44;
      at = writeInteger(view, at, cursor.size[s] as number);
    }
    bytes[at++] = 10;
  }
  if (pieces === null) return bytes.subarray(0, at);
  pieces(bytes.subarray(0, at));
  return new Uint8Array(0);
}

/**
 * One reusable byte buffer for the canonical CSV: it only lives from writing to hashing, which happen
 * synchronously (Web Crypto copies the bytes when `digest` is called), so consecutive assignments can share
 * it and skip zeroing and faulting in tens of megabytes of fresh pages each time. Buffers above 64 MiB
 * are not kept.
 */
let scratch: Uint8Array | null = null;
const scratchLimit = 64 * 1024 * 1024;
function scratchBytes(size: number): Uint8Array {
  if (scratch !== null && scratch.length >= size) return scratch;
  const bytes = new Uint8Array(size);
  if (size <= scratchLimit) scratch = bytes;
  return bytes;
}

/**
 * {@link unitCsvBytes} without clusters when every id is an integer in [0, 2^31), or a plain ASCII string
 * already encoded (`encoded`; the common large cases): each row's `,arm,stratum` tail (with the line end
 * when there are no block columns) is pre-encoded once per (stratum, arm) in one flat byte array, and the
 * buffer is sized once from the longest id and the longest tail, so the row loop only writes digits or
 * copies the id's bytes, and copies the tail.
 */
function fastIdCsv(
  keys: UnitKeys,
  armNames: readonly string[],
  columns: readonly string[],
  drawn: DrawnArms,
  encoder: TextEncoder,
  encoded: EncodedIds | null,
  pieces: CsvPieces,
): Uint8Array {
  const { stratum, stratumLabels } = keys;
  const { arms, blocks } = drawn;
  const n = unitCount(keys);
  // Integer ids are read from `ids`; encoded ones are never decoded here.
  const ids: ArrayLike<number> = encoded === null ? (keys.ids as ArrayLike<number>) : new Int32Array(0);
  const k = armNames.length;
  const strata = stratum === null ? 1 : stratumLabels.length;
  const withBlocks = blocks !== null;
  const cursor = blocks === null ? null : new BlockCursor(blocks, stratumLabels.length);
  // Each tail is stored as little-endian 32-bit words, zero-padded to the width of the longest one, and every
  // row copies that fixed number of words (a loop of constant length, which the processor predicts); the
  // padding written past a tail's end is overwritten by the next row, and the buffer keeps room for it.
  // ASCII text (the usual arm and stratum labels) is turned into bytes without a TextEncoder call, each of
  // which allocates a buffer of its own.
  const utf8 = (text: string): ArrayLike<number> => {
    const codes = Array.from(text, (c) => c.charCodeAt(0));
    return codes.every((code) => code < 128) ? codes : encoder.encode(text);
  };
  const tails: ArrayLike<number>[] = [];
  for (let s = 0; s < strata; s++)
    for (let a = 0; a < k; a++) {
      let text = `,${csvCell(armNames[a])}`;
      if (stratum !== null) text += `,${csvCell(stratumLabels[s])}`;
      text += withBlocks ? "," : "\n";
      tails.push(utf8(text));
    }
  const longestTail = tails.reduce((longest, bytes) => Math.max(longest, bytes.length), 0);
  const width = (longestTail + 3) >> 2;
  const tailWords = new Uint32Array(tails.length * width);
  const tailLength = new Int32Array(tails.length);
  tails.forEach((tail, slot) => {
    for (let j = 0; j < tail.length; j++) {
      const w = slot * width + (j >> 2);
      tailWords[w] = ((tailWords[w] as number) | ((tail[j] as number) << (8 * (j & 3)))) >>> 0;
    }
    tailLength[slot] = tail.length;
  });
  let longestId = 0;
  if (encoded !== null) longestId = encoded.longest;
  else {
    let maxId = 0;
    for (let i = 0; i < n; i++) if ((ids[i] as number) > maxId) maxId = ids[i] as number;
    longestId = String(maxId).length;
  }
  const header = encoder.encode(`${columns.join(",")}\n`);
  // Ids, prefixes and numbers are written four bytes at a time: up to 3 bytes past each are written, then
  // overwritten by what follows (the buffer keeps room for the last row's).
  const perRow = longestId + longestTail + (withBlocks ? 22 : 0);
  const spare = 4 * width + 8;
  const whole = header.length + n * perRow + spare;
  const bytes = scratchBytes(
    pieces === null ? whole : Math.min(whole, Math.max(pieceBytes, header.length + 64 * perRow + spare)),
  );
  // In pieces, the buffer goes out whenever a row might no longer fit.
  const limit = pieces === null ? Number.POSITIVE_INFINITY : bytes.length - perRow - spare;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  bytes.set(header, 0);
  let at = header.length;
  // One row loop for the three id forms (the form is fixed for the call, so the branch is predicted).
  const numbers = encoded?.kind === "numbers" ? encoded : null;
  const idBytes = encoded?.kind === "bytes" ? encoded : null;
  const prefix = numbers?.prefix ?? new Uint8Array(0);
  const digits = numbers?.width ?? 0;
  const offsets = idBytes?.offsets ?? new Int32Array(0);
  const idView =
    idBytes === null
      ? view
      : new DataView(idBytes.bytes.buffer, idBytes.bytes.byteOffset, idBytes.bytes.byteLength);
  // A prefix of up to four bytes is one 32-bit store; the digits are a leading group of `digits mod 4` (the
  // low bytes of its four-digit word) and then whole groups of four.
  const prefixWord =
    prefix.length <= 4 ? prefix.reduce((word, byte, j) => (word | (byte << (8 * j))) >>> 0, 0) : -1;
  const leading = digits & 3;
  const leadingShift = 8 * (4 - leading);
  const groups = digits >> 2;
  // `,size\n` of block sizes below 100 as one word each (found by size), others written digit by digit.
  const sizeWords = new Uint32Array(100);
  for (let size = 1; size < 100; size++)
    sizeWords[size] = Array.from(`,${size}\n`).reduce(
      (word, c, j) => (word | (c.charCodeAt(0) << (8 * j))) >>> 0,
      0,
    );
  for (let i = 0; i < n; i++) {
    if (numbers !== null) {
      if (prefixWord >= 0) view.setUint32(at, prefixWord, true);
      else for (let j = 0; j < prefix.length; j++) bytes[at + j] = prefix[j] as number;
      at += prefix.length;
      // numbers have at most nine digits: below 2^31, so `| 0` divides exactly
      const value = numbers.numbers[i] as number;
      if (groups === 0) view.setUint32(at, (digitQuadWords[value] as number) >>> leadingShift, true);
      else {
        const high = groups === 2 ? (value / 100000000) | 0 : (value / 10000) | 0;
        if (leading > 0) view.setUint32(at, (digitQuadWords[high] as number) >>> leadingShift, true);
        const rest = groups === 2 ? value - high * 100000000 : value - high * 10000;
        if (groups === 2) {
          const middle = (rest / 10000) | 0;
          view.setUint32(at + leading, digitQuadWords[middle] as number, true);
          view.setUint32(at + leading + 4, digitQuadWords[rest - middle * 10000] as number, true);
        } else view.setUint32(at + leading, digitQuadWords[rest] as number, true);
      }
      at += digits;
    } else if (idBytes !== null) {
      const from = offsets[i] as number;
      const length = (offsets[i + 1] as number) - from;
      for (let j = 0; j < length; j += 4) view.setUint32(at + j, idView.getUint32(from + j, true), true);
      at += length;
    } else at = writeSmallInteger(view, at, ids[i] as number);
    const g = stratum === null ? 0 : (stratum[i] as number);
    const slot = g * k + (arms[i] as number);
    const tailFrom = slot * width;
    for (let w = 0; w < width; w++) view.setUint32(at + 4 * w, tailWords[tailFrom + w] as number, true);
    at += tailLength[slot] as number;
    if (cursor !== null) {
      cursor.advance(g);
      at = writeSmallInteger(view, at, cursor.block[g] as number);
      const size = cursor.size[g] as number;
      if (size < 100) {
        view.setUint32(at, sizeWords[size] as number, true);
        at += size < 10 ? 3 : 4;
      } else {
        bytes[at++] = 44;
        at = writeSmallInteger(view, at, size);
        bytes[at++] = 10;
      }
    }
    if (at > limit) {
      (pieces as (piece: Uint8Array) => void)(bytes.subarray(0, at));
      at = 0;
    }
  }
  if (pieces === null) return bytes.subarray(0, at);
  pieces(bytes.subarray(0, at));
  return new Uint8Array(0);
}

/** Two ASCII digits per entry, as a little-endian 16-bit word (tens digit first in memory). */
const digitPairWords: Uint16Array = (() => {
  const table = new Uint16Array(100);
  for (let i = 0; i < 100; i++) table[i] = (48 + Math.floor(i / 10)) | ((48 + (i % 10)) << 8);
  return table;
})();

/** Four ASCII digits per entry (leading zeros kept), as a little-endian 32-bit word. */
const digitQuadWords: Uint32Array = (() => {
  const table = new Uint32Array(10000);
  for (let i = 0; i < 10000; i++)
    table[i] =
      ((digitPairWords[(i / 100) | 0] as number) | ((digitPairWords[i % 100] as number) << 16)) >>> 0;
  return table;
})();

/** Number of decimal digits of each integer in [0, 10⁴) (0 has one). */
const digitCounts: Uint8Array = (() => {
  const table = new Uint8Array(10000);
  for (let i = 0; i < 10000; i++) table[i] = i < 10 ? 1 : i < 100 ? 2 : i < 1000 ? 3 : 4;
  return table;
})();

/**
 * Writes an integer in [0, 10⁴) without leading zeros; returns the new end. One 32-bit store of its
 * four-digit word shifted past the leading zeros, whatever its length (no branch to mispredict): up to
 * 3 bytes past the end are written, so the caller keeps room for them and overwrites them.
 */
function writeBelow10000(view: DataView, at: number, v: number): number {
  const length = digitCounts[v] as number;
  view.setUint32(at, (digitQuadWords[v] as number) >>> (8 * (4 - length)), true);
  return at + length;
}

/**
 * {@link writeInteger} for integers in [0, 2^31): the leading group of up to four digits, then each
 * following group of four digits with one 32-bit store.
 */
function writeSmallInteger(view: DataView, at: number, value: number): number {
  const v = value | 0;
  if (v < 10000) return writeBelow10000(view, at, v);
  const high = (v / 10000) | 0;
  const low = v - high * 10000;
  let end: number;
  if (high < 10000) end = writeBelow10000(view, at, high);
  else {
    const top = (high / 10000) | 0;
    end = writeBelow10000(view, at, top);
    view.setUint32(end, digitQuadWords[high - top * 10000] as number, true);
    end += 4;
  }
  view.setUint32(end, digitQuadWords[low] as number, true);
  return end + 4;
}

/**
 * The canonical CSV bytes of an assignment and a function that builds its rows (the hot path of large
 * assignments: the bytes are written straight from the typed columns, the row objects only when asked for).
 * With `pieces`, the bytes go there piece by piece and `csv` is empty.
 */
export function unitRowsAndCsv(
  keys: UnitKeys,
  unitPlan: UnitPlan,
  drawn: DrawnArms,
  pieces: CsvPieces = null,
): { rows: () => UnitRow[]; csv: Uint8Array; columns: string[] } {
  const columns = unitColumns(unitPlan);
  const csv = unitCsvBytes(keys, unitPlan.arms.names, columns, drawn, pieces);
  return { rows: () => unitRows(keys, unitPlan.arms.names, drawn), csv, columns };
}

/**
 * Assigns known units to arms (R `randomizr`). Units are any table (records, columns or an Arquero
 * table) with an id field (`id`, or `plan.idField`). The algorithms, fixed for all versions (one generator,
 * `createRng(seed)`, serves the whole assignment):
 *
 * - `"simple"`: each unit in input order independently gets arm k with probability r_k / R (one
 *   `integer(R)` draw; `simple_ra`).
 * - `"complete"`: exact counts ⌊N·r_k/R⌋, the leftover units going to distinct randomly drawn arms with
 *   probabilities that make every arm's expected count exactly N·r_k/R; the arm multiset is then shuffled
 *   (Fisher–Yates) onto the units in input order (`complete_ra`; every arrangement with the same counts is
 *   equally likely).
 * - `"blocked"`: complete randomisation within each stratum (`block_ra`), strata being the combinations of
 *   the unit fields named in `strata`, processed in the order of their labels (sorted by UTF-16 code units).
 *   With `blockSizes`, each stratum's units instead get consecutive slots of permuted blocks (as in
 *   {@link allocationList}; the last block may be cut short), and rows carry `block` and `blockSize`.
 * - `"cluster"`: complete randomisation of whole clusters (`cluster_ra`), within each stratum when `strata`
 *   is given (`block_and_cluster_ra`); clusters are taken in label order and a cluster must not span strata.
 *
 * Rows `{ unitId, arm, stratum?, cluster? }` are in input order. The digest is computed from the drawn
 * columns directly; the row objects are built the first time `result.rows` is read (then kept as an
 * ordinary array property), so a million-unit assignment whose digest or CSV is all that is needed does not
 * pay for a million objects. Later changes to `units` never reach the rows.
 *
 * @param plan - `design`, `arms`, optional `strata` (unit field names), `cluster`, `blockSizes`, `idField`, and the `seed`
 * @param units - the units, each with an id
 * @returns `{ rows, plan, meta: { tiltakVersion, algorithm, seed, createdAt, digest, method, columns } }`
 * @throws TiltakError `INVALID_INPUT` for a missing seed, fewer than two arms, duplicate ids, or a unit
 *   without its stratum or cluster field (the message names the unit)
 * @see docs/methods/allocate/index.md (which design when), complete.md, blocked.md, cluster.md, simple.md
 *
 * @example
 * ```ts
 * import { allocate } from "@tiltak/allocate";
 * const units = [{ id: "p1", office: "Bergen" }, { id: "p2", office: "Bergen" }, { id: "p3", office: "Oslo" }, { id: "p4", office: "Oslo" }];
 * const result = await allocate({ design: "blocked", arms: ["NorA", "usual"], strata: ["office"], seed: "intake-1" }, units);
 * result.rows.filter((row) => row.stratum === "office=Oslo" && row.arm === "NorA").length; // => 1
 * await allocate({ design: "complete", arms: ["A", "B"], seed: "s" }, [{ id: 1 }, { id: 1 }]); // => throws INVALID_INPUT "units[1].id must be unique: unit 1 appears at units[0] and units[1], got 1"
 * ```
 */
export async function allocate(plan: AllocationPlan, units: TableInput): Promise<AllocationResult<UnitRow>> {
  const unitPlan = parseUnitPlan(plan);
  const records = Array.isArray(units) ? (units as readonly unknown[]) : toRecords(units, "units");
  const keys = keysFromUnits(records, unitPlan);
  const rng = createRng(unitPlan.plan.seed, { algorithm: unitPlan.plan.rngAlgorithm ?? "xor4096" });
  const drawn = assignArms(keys, unitPlan, rng);
  // The canonical CSV goes to both hashes in pieces as it is written: never held whole (a third of a
  // gigabyte at 10⁷ units), and no buffer of its size to fault in on a first call.
  const salt = randomSalt();
  const hashes = sha256AndHmac(hexToBytes(salt));
  const { rows, columns } = unitRowsAndCsv(keys, unitPlan, drawn, (piece) => hashes.update(piece));
  const { sha256, hmac } = await hashes.hex();
  return finishResult(rows, unitPlan.plan, columns, rng, "allocate", undefined, {
    salt,
    hashes: { digest: sha256, commitment: hmac },
  });
}
