import seedrandom from "seedrandom";
import { invalidInput } from "./errors.js";

/**
 * The pseudo-random algorithms a generator can use, all from `seedrandom` 3.0.5 (pinned exactly, so
 * streams never change under a dependency update):
 *
 * - `xor4096` (default): Brent's xorgens 4096-bit generator, period 2^4096 − 1; passes BigCrush.
 * - `tychei`: Neves & Araujo's Tyche-i; small state.
 * - `alea`: Baagøe's Alea; fastest.
 * - `xorshift7`, `xorwow`, `xor128`: Marsaglia-family generators.
 */
export type RngAlgorithm = "xor4096" | "tychei" | "alea" | "xorshift7" | "xorwow" | "xor128";

/**
 * The algorithm used when none is named. Changing it would change every list ever made with the
 * default, so it is fixed for the life of the package.
 *
 * @example
 * ```ts
 * import { defaultRngAlgorithm } from "@tiltak/core";
 * defaultRngAlgorithm; // => "xor4096"
 * ```
 */
export const defaultRngAlgorithm: RngAlgorithm = "xor4096";

/** Every algorithm {@link createRng} accepts. */
export const rngAlgorithms: readonly RngAlgorithm[] = [
  "xor4096",
  "tychei",
  "alea",
  "xorshift7",
  "xorwow",
  "xor128",
];

/**
 * The saved state of a generator: plain JSON, so a generator can live in a file between uses and
 * continue exactly where it stopped ({@link restoreRng}).
 */
export interface RngState {
  /** The algorithm's name. */
  algorithm: RngAlgorithm;
  /** The seed the generator was created from. */
  seed: string;
  /** How many 32-bit words have been drawn since the seed. */
  draws: number;
  /** A normal deviate kept from the last Box–Muller pair, or `null`. */
  spareNormal: number | null;
  /** The algorithm's internal state, as `seedrandom` reports it. */
  internal: unknown;
}

/**
 * A seeded pseudo-random generator. Every method draws from one stream of 32-bit words, so the same
 * seed and the same sequence of calls give the same numbers on every platform.
 */
export interface Rng {
  /** The algorithm's name. */
  readonly algorithm: RngAlgorithm;
  /** The seed this generator was created from. */
  readonly seed: string;
  /** A uniform 32-bit unsigned integer in [0, 2^32). */
  uint32(): number;
  /** A uniform double in [0, 1) with 53 random bits (two 32-bit words). */
  uniform(): number;
  /** An unbiased integer in [0, k), for 1 <= k <= 2^53, by rejection (no modulo bias). */
  integer(k: number): number;
  /** A standard normal deviate (Box–Muller; the second of each pair is kept in the state). */
  normal(): number;
  /** `true` with probability `p` (one uniform draw). */
  bernoulli(p: number): boolean;
  /** Shuffles `items` in place by Fisher–Yates (Durstenfeld) and returns it. */
  shuffle<T>(items: T[]): T[];
  /**
   * Shuffles `length` entries of `items` from `offset` in place, drawing exactly as {@link Rng.shuffle} does on
   * an array of those entries (for i = length − 1 down to 1, j = integer(i + 1), swap i and j): the same words,
   * the same result and the same state afterwards, only faster for large arrays. Returns `items`.
   */
  shuffleInt32(items: Int32Array, offset?: number, length?: number): Int32Array;
  /** The generator's state as plain JSON. */
  state(): RngState;
}

interface SeedrandomPrng {
  int32(): number;
  state(): object;
}

type SeedrandomFactory = (seed: string, options: { state: boolean | object }) => SeedrandomPrng;

const factories: Record<RngAlgorithm, SeedrandomFactory> = {
  xor4096: seedrandom.xor4096 as unknown as SeedrandomFactory,
  tychei: seedrandom.tychei as unknown as SeedrandomFactory,
  alea: seedrandom.alea as unknown as SeedrandomFactory,
  xorshift7: seedrandom.xorshift7 as unknown as SeedrandomFactory,
  xorwow: seedrandom.xorwow as unknown as SeedrandomFactory,
  xor128: seedrandom.xor128 as unknown as SeedrandomFactory,
};

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * Creates a seeded generator. The seed is required and must be a non-empty string: tiltak never falls
 * back to an unseeded source, so every random result can be reproduced from what it records.
 *
 * @param seed - any non-empty string, e.g. `"nora-2025-pilot"`
 * @param options - `algorithm`, default {@link defaultRngAlgorithm}
 * @throws TiltakError `INVALID_INPUT` for a missing or empty seed or an unknown algorithm
 *
 * @example
 * ```ts
 * import { createRng } from "@tiltak/core";
 * const rng = createRng("tiltak");
 * rng.integer(6) >= 0; // => true
 * createRng("tiltak").uint32() === createRng("tiltak").uint32(); // => true
 * ```
 */
export function createRng(seed: string, options: { algorithm?: RngAlgorithm } = {}): Rng {
  if (typeof seed !== "string" || seed.length === 0) {
    invalidInput("seed", "must be a non-empty string (tiltak never draws without a seed)", seed);
  }
  const algorithm = options.algorithm ?? defaultRngAlgorithm;
  const factory = factories[algorithm];
  if (factory === undefined)
    invalidInput("algorithm", `must be one of ${rngAlgorithms.join(", ")}`, algorithm);
  return makeRng(algorithm, seed, wordSource(algorithm, factory(seed, { state: true })), 0, null);
}

/**
 * Recreates a generator from {@link Rng.state}; it continues the stream exactly where the saved one stopped.
 *
 * @example
 * ```ts
 * import { createRng, restoreRng } from "@tiltak/core";
 * const rng = createRng("tiltak");
 * rng.uniform();
 * const copy = restoreRng(JSON.parse(JSON.stringify(rng.state())));
 * copy.uint32() === rng.uint32(); // => true
 * ```
 */
export function restoreRng(state: RngState): Rng {
  if (typeof state !== "object" || state === null)
    invalidInput("state", "must be an object from rng.state()", state);
  const factory = factories[state.algorithm];
  if (factory === undefined)
    invalidInput("state.algorithm", `must be one of ${rngAlgorithms.join(", ")}`, state.algorithm);
  if (typeof state.internal !== "object" || state.internal === null) {
    invalidInput("state.internal", "must be the object saved by rng.state()", state.internal);
  }
  // seedrandom copies the state object it is given, so the caller's saved state is left untouched.
  const prng = factory("", { state: state.internal as object });
  return makeRng(
    state.algorithm,
    state.seed,
    wordSource(state.algorithm, prng),
    state.draws,
    state.spareNormal,
  );
}

/** A stream of 32-bit words (signed, as seedrandom's `int32`) and its saved internal state. */
interface WordSource {
  next(): number;
  state(): object;
}

/** seedrandom's xor4096 internal state, as its `state()` reports it. */
interface Xor4096State {
  i: number;
  w: number;
  X: number[];
}

/**
 * Brent's xor4096 step, exactly as seedrandom 3.0.5 (lib/xor4096.js, `XorGen.next`) computes it, on a copy of
 * the state seedrandom set up: the same words, the same `state()` object, without the per-call property
 * lookups through seedrandom's closure. Seeding and restoring stay with seedrandom itself.
 */
class Xor4096Source implements WordSource {
  private i: number;
  private w: number;
  private readonly X: number[];

  constructor(initial: Xor4096State) {
    this.i = initial.i;
    this.w = initial.w;
    this.X = initial.X.slice();
  }

  next(): number {
    const X = this.X;
    let i = this.i;
    const w = (this.w + 0x61c88647) | 0;
    this.w = w;
    let v = X[(i + 34) & 127] as number;
    i = (i + 1) & 127;
    let t = X[i] as number;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = v ^ t;
    X[i] = v;
    this.i = i;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  state(): Xor4096State {
    return { i: this.i, w: this.w, X: this.X.slice() };
  }

  /**
   * Fisher–Yates over `items[offset … offset + length)` with the rejection rule of `integer(k)`, calling
   * {@link Xor4096Source.next} directly (V8 inlines it; no closure or validation per step); returns the
   * number of words drawn.
   */
  shuffle(items: Int32Array, offset: number, length: number): number {
    let words = 0;
    for (let position = length - 1; position > 0; position--) {
      const k = position + 1;
      let j: number;
      for (;;) {
        const value = this.next() >>> 0;
        words += 1;
        const quotient = Math.floor(value / k);
        if ((quotient + 1) * k <= TWO_POW_32) {
          j = value - quotient * k;
          break;
        }
      }
      const held = items[offset + position] as number;
      items[offset + position] = items[offset + j] as number;
      items[offset + j] = held;
    }
    return words;
  }
}

function wordSource(algorithm: RngAlgorithm, prng: SeedrandomPrng): WordSource {
  if (algorithm === "xor4096") {
    const initial = prng.state() as Partial<Xor4096State>;
    if (
      Array.isArray(initial.X) &&
      initial.X.length === 128 &&
      typeof initial.i === "number" &&
      typeof initial.w === "number"
    )
      return new Xor4096Source(initial as Xor4096State);
  }
  return { next: () => prng.int32(), state: () => prng.state() };
}

function makeRng(
  algorithm: RngAlgorithm,
  seed: string,
  source: WordSource,
  initialDraws: number,
  initialSpare: number | null,
): Rng {
  let draws = initialDraws;
  let spareNormal = initialSpare;

  const uint32 = (): number => {
    draws += 1;
    return source.next() >>> 0;
  };

  const uniform = (): number => {
    // 27 + 26 bits, as in the reference MT19937 genrand_res53, so every double in [0, 1) on the 2^-53 grid is reachable.
    const high = uint32() >>> 5;
    const low = uint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  };

  const integer = (k: number): number => {
    if (!Number.isInteger(k) || k < 1 || k > TWO_POW_53)
      invalidInput("k", "must be an integer in [1, 2^53]", k);
    if (k === 1) return 0;
    if (k <= TWO_POW_32) {
      // Reject the top partial copy of [0, k) so every residue is equally likely: words at or above
      // 2^32 − (2^32 mod k) = ⌊2^32/k⌋·k, i.e. those whose quotient q = ⌊word/k⌋ has (q + 1)·k > 2^32; the
      // result is word mod k = word − q·k. Written with one division and a floor instead of floating-point
      // remainders (the costliest step of a draw): for operands below 2^33 the rounded quotient never
      // reaches the next integer, so q, the test and the remainder are exact.
      for (;;) {
        const value = uint32();
        const quotient = Math.floor(value / k);
        if ((quotient + 1) * k <= TWO_POW_32) return value - quotient * k;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % k);
    let value = uniform() * TWO_POW_53;
    while (value >= limit) value = uniform() * TWO_POW_53;
    return value % k;
  };

  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    // Box–Muller on (0, 1] so the logarithm is finite.
    const u1 = 1 - uniform();
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  return {
    algorithm,
    seed,
    uint32,
    uniform,
    integer,
    normal,
    bernoulli(p: number): boolean {
      if (!(p >= 0 && p <= 1)) invalidInput("p", "must be in [0, 1]", p);
      return uniform() < p;
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = integer(i + 1);
        const held = items[i] as T;
        items[i] = items[j] as T;
        items[j] = held;
      }
      return items;
    },
    shuffleInt32(items: Int32Array, offset = 0, length = items.length - offset): Int32Array {
      if (!(items instanceof Int32Array)) invalidInput("items", "must be an Int32Array", items);
      if (!Number.isInteger(offset) || offset < 0 || offset > items.length)
        invalidInput("offset", `must be an integer in [0, ${items.length}]`, offset);
      if (!Number.isInteger(length) || length < 0 || offset + length > items.length)
        invalidInput("length", `must be an integer in [0, ${items.length - offset}]`, length);
      if (source instanceof Xor4096Source) {
        draws += source.shuffle(items, offset, length);
        return items;
      }
      for (let i = length - 1; i > 0; i--) {
        const j = integer(i + 1);
        const held = items[offset + i] as number;
        items[offset + i] = items[offset + j] as number;
        items[offset + j] = held;
      }
      return items;
    },
    state(): RngState {
      return { algorithm, seed, draws, spareNormal, internal: source.state() };
    },
  };
}

/**
 * Records what a random result needs to be reproduced: `{ seed, algorithm, tiltakVersion }`.
 *
 * @example
 * ```ts
 * import { createRng, randomnessRecord } from "@tiltak/core";
 * randomnessRecord(createRng("abc")).algorithm; // => "xor4096"
 * ```
 */
export function randomnessRecord(rng: Rng): { seed: string; algorithm: RngAlgorithm; tiltakVersion: string } {
  return { seed: rng.seed, algorithm: rng.algorithm, tiltakVersion };
}

/**
 * The version of tiltak, recorded in every random result. Same inputs and seed give the same bytes
 * in every later version; a change that breaks this is a breaking change.
 *
 * @example
 * ```ts
 * import { tiltakVersion } from "@tiltak/core";
 * typeof tiltakVersion; // => "string"
 * ```
 */
export const tiltakVersion: string = "0.1.0";
