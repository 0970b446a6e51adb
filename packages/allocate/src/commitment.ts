import { invalidInput, secureRandomBytes } from "@tiltak/core";
import { type ArmSpec, levelText } from "./plan.js";
import type { AllocationMethod, AllocationResult } from "./result.js";

/** RFC 4648 base32 alphabet, lower case. */
const base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * A new seed that nobody can guess: 130 bits from Web Crypto `getRandomValues` written as 26 characters of
 * lower-case base32 (RFC 4648 alphabet `a–z`, `2–7`). Use it for every list that must stay concealed
 * until it is used. Record it like any other seed (it goes into the sealed certificate); the list is then
 * reproducible from it exactly as from a seed you typed.
 *
 * Base32 rather than hex: 26 characters instead of 32 for the same strength, one case, and no `0`, `1`,
 * `8` or `9`, so a seed copied by hand or read aloud is not misread as `O`, `I`/`l` or `B`; and it never
 * contains a year, so {@link seedWeaknesses} never flags it.
 *
 * This and the salt of a commitment are the only values tiltak draws without a seed.
 *
 * @returns 26 characters from `abcdefghijklmnopqrstuvwxyz234567`
 * @see docs/methods/allocate/verification.md
 *
 * @example
 * ```ts
 * import { newSeed, seedWeaknesses } from "@tiltak/allocate";
 * const seed = newSeed();
 * /^[a-z2-7]{26}$/.test(seed); // => true
 * seedWeaknesses(seed); // => []
 * newSeed() === newSeed(); // => false
 * ```
 */
export function newSeed(): string {
  const bytes = secureRandomBytes(17);
  let seed = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && seed.length < 26) {
      seed += base32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return seed;
}

/**
 * Why a seed looks guessable, as short phrases (empty when it does not). Someone who guesses the seed
 * can recompute the whole list, so a list that must stay concealed needs a seed nobody can guess
 * ({@link newSeed}). The heuristic flags a seed that is
 *
 * - shorter than 16 characters;
 * - digits only (a date, a phone number, a counter);
 * - holding a year (a run of digits that starts with 1900 to 2099, as in `2025` or `20250101`);
 * - made only of words and short numbers: split at anything that is not a letter or digit, every part is
 *   letters only (at most 12) or at most 6 digits, as `nora-2025-pilot` or `trial one`.
 *
 * It cannot prove a seed is strong (`"correct horse battery staple"` passes the first rules and is caught by
 * the last, but a long phrase of rare words may pass); it catches the seeds people type.
 *
 * @param seed - the seed to judge
 * @returns the reasons, e.g. `["holds a year", "is made of words and numbers"]`
 *
 * @example
 * ```ts
 * import { seedWeaknesses } from "@tiltak/allocate";
 * seedWeaknesses("nora-2025-pilot"); // => ["is shorter than 16 characters", "holds a year", "is made of words and numbers"]
 * seedWeaknesses("20250101"); // => ["is shorter than 16 characters", "is digits only", "holds a year"]
 * seedWeaknesses("kx7q3mzt5v2wbh4nyr6cpd2fja"); // => []
 * ```
 */
export function seedWeaknesses(seed: string): string[] {
  if (typeof seed !== "string") invalidInput("seed", "must be a string", seed);
  const reasons: string[] = [];
  if ([...seed].length < 16) reasons.push("is shorter than 16 characters");
  if (/^\d+$/.test(seed)) reasons.push("is digits only");
  if (/(?:^|\D)(?:19|20)\d\d/.test(seed)) reasons.push("holds a year");
  const parts = seed
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== "");
  if (
    parts.length > 0 &&
    !/^\d+$/.test(seed) &&
    parts.every((part) => /^\p{L}{1,12}$/u.test(part) || /^\d{1,6}$/.test(part))
  )
    reasons.push("is made of words and numbers");
  return reasons;
}

/**
 * The warning a concealed list gets when its seed looks guessable, or none.
 */
export function concealmentWarnings(seed: string): string[] {
  const reasons = seedWeaknesses(seed);
  if (reasons.length === 0) return [];
  return [
    `the seed looks guessable (it ${reasons.join(", ")}): whoever guesses it can recompute the list and predict every arm. For a list that must stay concealed, use a seed from newSeed() (tiltak allocate seed)`,
  ];
}

/**
 * The construction of {@link PublicCommitment.commitment}, stated in every published commitment:
 * HMAC-SHA256 (RFC 2104) keyed by the salt's bytes over the canonical CSV's bytes.
 *
 * @example
 * ```ts
 * import { commitmentConstruction } from "@tiltak/allocate";
 * commitmentConstruction; // => "HMAC-SHA256(salt, canonical CSV)"
 * ```
 */
export const commitmentConstruction = "HMAC-SHA256(salt, canonical CSV)" as const;

/** A stratification or minimisation factor as published: its name and, when the plan lists them, its levels. */
export interface PublicFactor {
  /** The factor's field name, e.g. `"office"`. */
  name: string;
  /** Its levels as text, when the plan lists them (lists, and minimisers with listed levels). */
  levels?: string[];
}

/**
 * What to publish before recruitment (in the trial registration or the pre-analysis plan): enough to say
 * what was committed to (SPIRIT 2013 item 16a: the method of generating the sequence and the
 * stratification factors), never the seed, the salt, the digest or the block sizes, which would let
 * whoever enrols participants predict the next arm.
 */
export interface PublicCommitment {
  /** Always `"tiltak-allocation-commitment/1"`. */
  format: "tiltak-allocation-commitment/1";
  /** HMAC-SHA256 keyed by the secret salt over the canonical CSV of the list, lowercase hex. */
  commitment: string;
  /** How `commitment` is computed: `"HMAC-SHA256(salt, canonical CSV)"` (docs/methods/allocate/verification.md). */
  construction: typeof commitmentConstruction;
  /** Which function made the list: `allocationList`, `allocate` or `minimisation`. */
  method: AllocationMethod;
  /** The arms' names, in plan order. */
  arms: string[];
  /** The allocation ratio in arm order, only when it is not 1:1:…. */
  ratio?: number[];
  /** The stratification factors (minimisation factors for a minimiser), in plan order. */
  factors: PublicFactor[];
  /** Number of rows of the list (slots or units). */
  listSize: number;
  /** The pseudo-random algorithm of `@tiltak/core`. */
  algorithm: string;
  /** The tiltak version that made the list. */
  tiltakVersion: string;
  /** When the list was made (ISO 8601, UTC). */
  createdAt: string;
}

function factorsOf(plan: Record<string, unknown>, method: AllocationMethod): PublicFactor[] {
  const field = method === "minimisation" ? plan.factors : plan.strata;
  if (field === undefined) return [];
  if (typeof field === "string") return [{ name: field }];
  if (Array.isArray(field)) return field.map((name) => ({ name: String(name) }));
  if (typeof field === "object" && field !== null)
    return Object.entries(field as Record<string, unknown[]>).map(([name, levels]) => ({
      name,
      levels: (Array.isArray(levels) ? levels : []).map((level) => levelText(level) ?? String(level)),
    }));
  return [];
}

/**
 * The public half of a result: the plain-JSON object to publish before recruitment. It holds the
 * commitment (HMAC-SHA256 keyed by the secret salt over the canonical CSV), the arms and ratio, the
 * stratification factors, the list size, the method, algorithm and tiltak version, and never the seed, salt,
 * digest or block sizes (SPIRIT 2013 item 16a asks that details of restriction such as blocking are kept
 * from those who enrol). The rest of the result is the sealed certificate: keep it with the trial
 * statistician until the list is revealed, then anyone can check it against this object with
 * {@link verifyAllocation}.
 *
 * @param result - a result of {@link allocationList}, {@link allocate} or a minimiser
 * @returns `{ format, commitment, construction, method, arms, ratio?, factors, listSize, algorithm, tiltakVersion, createdAt }`
 * @throws TiltakError `INVALID_INPUT` when the result has no commitment (made before tiltak had them)
 * @see docs/methods/allocate/verification.md
 *
 * @example
 * ```ts
 * import { allocationList, newSeed, publicCommitment } from "@tiltak/allocate";
 * const list = await allocationList({ arms: ["NorA", "usual"], strata: { office: ["Bergen", "Oslo"] }, blockSizes: [2, 4], size: 10, seed: newSeed() });
 * const published = publicCommitment(list);
 * published.commitment === list.meta.commitment; // => true
 * [published.construction, published.arms, published.factors]; // => ["HMAC-SHA256(salt, canonical CSV)", ["NorA", "usual"], [{ name: "office", levels: ["Bergen", "Oslo"] }]]
 * JSON.stringify(published).includes(list.meta.seed); // => false
 * Object.keys(published).some((key) => ["seed", "salt", "digest", "blockSizes"].includes(key)); // => false
 * ```
 */
export function publicCommitment(result: Pick<AllocationResult, "rows" | "plan" | "meta">): PublicCommitment {
  if (
    typeof result !== "object" ||
    result === null ||
    typeof result.meta !== "object" ||
    result.meta === null
  )
    invalidInput("result", "must be an allocation result", result);
  const { meta } = result;
  if (typeof meta.commitment !== "string")
    invalidInput(
      "result.meta.commitment",
      "must be the commitment (results made before tiltak drew a salt have none: make the list again to publish one)",
      meta.commitment,
    );
  const plan = (result.plan ?? {}) as Record<string, unknown>;
  const armSpecs = (Array.isArray(plan.arms) ? plan.arms : []) as (string | ArmSpec)[];
  const arms = armSpecs.map((arm) => (typeof arm === "string" ? arm : arm.name));
  const ratios = armSpecs.map((arm) => (typeof arm === "string" ? 1 : (arm.ratio ?? 1)));
  const method = meta.method;
  return {
    format: "tiltak-allocation-commitment/1",
    commitment: meta.commitment,
    construction: commitmentConstruction,
    method,
    arms,
    ...(ratios.some((ratio) => ratio !== 1) ? { ratio: ratios } : {}),
    factors: factorsOf(plan, method),
    listSize: Array.isArray(result.rows) ? result.rows.length : 0,
    algorithm: meta.algorithm,
    tiltakVersion: meta.tiltakVersion,
    createdAt: meta.createdAt,
  };
}
