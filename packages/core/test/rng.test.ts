import { readFileSync } from "node:fs";
import { createRng, restoreRng, rngAlgorithms, TiltakError } from "@tiltak/core";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";

// Golden streams: the first outputs for fixed seeds, committed once. Any change to them changes every
// allocation list ever published, so this test must never be "updated" casually.
const golden = JSON.parse(
  readFileSync(new URL("../../../test/golden/core/rng-streams.json", import.meta.url), "utf8"),
);

describe("createRng: golden streams", () => {
  for (const algorithm of rngAlgorithms) {
    it(`${algorithm} reproduces its committed stream`, () => {
      const rng = createRng("tiltak", { algorithm });
      expect(Array.from({ length: 5 }, () => rng.uint32())).toEqual(golden[algorithm].uint32);
      expect(Array.from({ length: 3 }, () => rng.uniform())).toEqual(golden[algorithm].uniform);
      expect(Array.from({ length: 10 }, () => rng.integer(10))).toEqual(golden[algorithm].integer10);
    });
  }

  it("shuffle and normal reproduce their committed values", () => {
    const rng = createRng("nora-2025");
    expect(rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual(golden.shuffle);
    expect(Array.from({ length: 4 }, () => rng.normal())).toEqual(golden.normal);
  });

  it("draws the same 32-bit words as seedrandom itself", () => {
    const reference = seedrandom.xor4096("abc");
    const rng = createRng("abc");
    for (let i = 0; i < 100; i++) expect(rng.uint32()).toBe(reference.int32() >>> 0);
  });
});

describe("createRng: xor4096 fast path", () => {
  // integer(k) by its definition, on seedrandom's own words: reject words >= 2^32 - (2^32 mod k), then
  // take the word mod k (the plain floating-point remainder the fast path avoids).
  const referenceInteger = (prng: { int32(): number }, k: number): number => {
    if (k === 1) return 0;
    const limit = 2 ** 32 - (2 ** 32 % k);
    let value = prng.int32() >>> 0;
    while (value >= limit) value = prng.int32() >>> 0;
    return value % k;
  };
  const bound = fc.oneof(
    fc.integer({ min: 1, max: 1000 }),
    fc.integer({ min: 1, max: 2 ** 31 }),
    fc.integer({ min: 2 ** 31, max: 2 ** 32 }),
  );

  it("gives exactly seedrandom's words, integer(k) values and state, over random seeds and k", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.array(bound, { minLength: 1, maxLength: 60 }),
        (seed, ks) => {
          const reference = seedrandom.xor4096(seed, { state: true });
          const rng = createRng(seed);
          for (const k of ks) expect(rng.integer(k)).toBe(referenceInteger(reference, k));
          expect(rng.state().internal).toEqual(reference.state());
          expect(rng.uint32()).toBe(reference.int32() >>> 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("divides exactly at the edges of [1, 2^32] (k = 2^32, 2^32 - 1, 3·2^30, 2^31 + 1)", () => {
    for (const k of [2 ** 32, 2 ** 32 - 1, 3 * 2 ** 30, 2 ** 31 + 1, 2 ** 31, 7]) {
      const reference = seedrandom.xor4096(`edge-${k}`, { state: true });
      const rng = createRng(`edge-${k}`);
      for (let i = 0; i < 2000; i++) expect(rng.integer(k)).toBe(referenceInteger(reference, k));
    }
  });

  it("continues a restored stream exactly as seedrandom restored from the same state", () => {
    const rng = createRng("restore-fast");
    for (let i = 0; i < 300; i++) rng.integer(i + 1);
    const saved = JSON.parse(JSON.stringify(rng.state()));
    const reference = seedrandom.xor4096("", { state: saved.internal }) as unknown as {
      int32(): number;
      state(): object;
    };
    let words = 0;
    const counted = {
      int32: (): number => {
        words += 1;
        return reference.int32();
      },
    };
    const copy = restoreRng(saved);
    for (let i = 0; i < 300; i++) expect(copy.integer(i + 1)).toBe(referenceInteger(counted, i + 1));
    expect(copy.state().internal).toEqual(reference.state());
    expect(copy.state().draws).toBe(saved.draws + words);
  });
});

describe("rng.shuffleInt32 (bulk Fisher–Yates)", () => {
  it("equals rng.shuffle on the same entries: result, words drawn and state, for every algorithm", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rngAlgorithms),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        (algorithm, seed, length, before, after, warmUp) => {
          const bulk = createRng(seed, { algorithm });
          const scalar = createRng(seed, { algorithm });
          for (let i = 0; i < warmUp; i++) expect(bulk.integer(7)).toBe(scalar.integer(7));
          const items = Int32Array.from({ length: before + length + after }, (_, i) => i * 3 - 7);
          const expected = Array.from(items.subarray(before, before + length));
          scalar.shuffle(expected);
          expect(bulk.shuffleInt32(items, before, length)).toBe(items);
          expect(Array.from(items.subarray(before, before + length))).toEqual(expected);
          expect(Array.from(items.subarray(0, before))).toEqual(
            Array.from({ length: before }, (_, i) => i * 3 - 7),
          );
          expect(bulk.state()).toEqual(scalar.state());
          expect(bulk.uint32()).toBe(scalar.uint32());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("takes the rejection branch exactly as integer(k) does (one shuffle of 2^20 entries, ~120 rejections)", () => {
    const n = 2 ** 20;
    const bulk = createRng("many");
    const scalar = createRng("many");
    const items = Int32Array.from({ length: n }, (_, i) => i);
    const expected = Array.from({ length: n }, (_, i) => i);
    bulk.shuffleInt32(items);
    scalar.shuffle(expected);
    expect(bulk.state().draws).toBeGreaterThan(n - 1); // some words were rejected
    expect(bulk.state()).toEqual(scalar.state());
    let same = true;
    for (let i = 0; i < n; i++) if (items[i] !== expected[i]) same = false;
    expect(same).toBe(true);
  });

  it("continues a restored stream and refuses bad ranges", () => {
    const rng = createRng("restored");
    rng.uniform();
    const copy = restoreRng(JSON.parse(JSON.stringify(rng.state())));
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    const b = Int32Array.from({ length: 50 }, (_, i) => i);
    expect(Array.from(copy.shuffleInt32(a))).toEqual(Array.from(rng.shuffleInt32(b)));
    expect(() => rng.shuffleInt32(a, 51)).toThrow(/offset must be an integer in \[0, 50\]/);
    expect(() => rng.shuffleInt32(a, 10, 41)).toThrow(/length must be an integer in \[0, 40\]/);
    expect(() => rng.shuffleInt32([1, 2] as unknown as Int32Array)).toThrow(/items must be an Int32Array/);
  });
});

describe("createRng: input", () => {
  it("requires a non-empty seed", () => {
    expect(() => createRng("")).toThrow(TiltakError);
    expect(() => createRng(undefined as unknown as string)).toThrow(/seed must be a non-empty string/);
  });
  it("rejects unknown algorithms and bad k", () => {
    expect(() => createRng("a", { algorithm: "mt" as never })).toThrow(/algorithm must be one of/);
    const rng = createRng("a");
    expect(() => rng.integer(0)).toThrow(/k must be an integer in \[1, 2\^53\]/);
    expect(() => rng.integer(2.5)).toThrow(TiltakError);
    expect(() => rng.bernoulli(1.5)).toThrow(/p must be in \[0, 1\]/);
  });
});

describe("createRng: state", () => {
  it("restores exactly, through JSON, for every algorithm", () => {
    for (const algorithm of rngAlgorithms) {
      const rng = createRng("state", { algorithm });
      for (let i = 0; i < 17; i++) rng.uniform();
      rng.normal();
      const copy = restoreRng(JSON.parse(JSON.stringify(rng.state())));
      expect(copy.state().draws).toBe(rng.state().draws);
      for (let i = 0; i < 50; i++) {
        expect(copy.normal()).toBe(rng.normal());
        expect(copy.integer(1000)).toBe(rng.integer(1000));
      }
    }
  });
  it("does not let a restored copy disturb the saved state", () => {
    const rng = createRng("x");
    const saved = rng.state();
    const frozen = JSON.stringify(saved);
    restoreRng(saved).uniform();
    expect(JSON.stringify(saved)).toBe(frozen);
  });
});

describe("createRng: properties", () => {
  it("uniform() lies in [0, 1) and integer(k) in [0, k)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 2 ** 40 }), (seed, k) => {
        const rng = createRng(seed);
        const u = rng.uniform();
        const i = rng.integer(k);
        return u >= 0 && u < 1 && Number.isInteger(i) && i >= 0 && i < k;
      }),
    );
  });

  it("shuffle returns a permutation", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
        const shuffled = createRng(seed).shuffle([...items]);
        return JSON.stringify([...shuffled].sort()) === JSON.stringify([...items].sort());
      }),
    );
  });

  it("integer(k) is uniform: chi-square over 60,000 draws for k = 6 stays below the 1e-6 critical value", () => {
    const rng = createRng("uniformity");
    const counts = new Array(6).fill(0);
    const draws = 60000;
    for (let i = 0; i < draws; i++) counts[rng.integer(6)]++;
    const expected = draws / 6;
    const statistic = counts.reduce((acc, count) => acc + (count - expected) ** 2 / expected, 0);
    // qchisq(1 - 1e-6, df = 5) = 35.89 (R)
    expect(statistic).toBeLessThan(35.89);
  });

  it("integer(k) has no modulo bias for k = 3·2^30 (where plain modulo would favour the lowest third 2:1)", () => {
    const rng = createRng("bias");
    const k = 3 * 2 ** 30;
    let low = 0;
    const draws = 30000;
    for (let i = 0; i < draws; i++) if (rng.integer(k) < 2 ** 30) low++;
    // Unbiased: p = 1/3, sd = sqrt(draws p (1 - p)) = 81.6; modulo bias would give p = 1/2.
    expect(Math.abs(low - draws / 3)).toBeLessThan(5 * 81.65);
  });

  it("normal() has mean 0 and variance 1 (within 5 standard errors over 40,000 draws)", () => {
    const rng = createRng("normal");
    const n = 40000;
    let total = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      total += z;
      squares += z * z;
    }
    expect(Math.abs(total / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
});
