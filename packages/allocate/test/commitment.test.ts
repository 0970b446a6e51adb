// The salted commitment (issue 17): meta.salt and meta.commitment, publicCommitment, newSeed, guessable-seed
// warnings, verification of every tampering class, back compatibility, and the enumeration attack that
// recovers a concealed list from its published digest but not from its commitment.
// Exact comparisons only (hex strings, booleans, counts); no tolerances.
import { createHash, createHmac } from "node:crypto";
import { hmacSha256Hex } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  allocationCsv,
  allocationList,
  createMinimiser,
  newSeed,
  publicCommitment,
  restoreMinimiser,
  seedWeaknesses,
  verifyAllocation,
} from "../src/index.js";

const hmac = (saltHex: string, text: string): string =>
  createHmac("sha256", Buffer.from(saltHex, "hex")).update(text, "utf8").digest("hex");
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const flip = (hex: string): string => `${hex[0] === "0" ? "1" : "0"}${hex.slice(1)}`;

describe("meta.salt and meta.commitment", () => {
  it("salt is 256 bits of hex, commitment is HMAC-SHA256(salt bytes, canonical CSV bytes), digest unchanged", async () => {
    const plan = {
      arms: ["A", "B"],
      strata: { g: ["F", "M"] },
      blockSizes: [2, 4],
      size: 10,
      seed: newSeed(),
    };
    const a = await allocationList(plan);
    const b = await allocationList(plan);
    for (const result of [a, b]) {
      expect(result.meta.salt).toMatch(/^[0-9a-f]{64}$/);
      expect(result.meta.commitment).toBe(hmac(result.meta.salt, allocationCsv(result)));
      expect(result.meta.digest).toBe(sha256(allocationCsv(result)));
    }
    // The salt changes no arm: same rows, same digest, different salt and commitment.
    expect(b.rows).toEqual(a.rows);
    expect(b.meta.digest).toBe(a.meta.digest);
    expect(b.meta.salt).not.toBe(a.meta.salt);
    expect(b.meta.commitment).not.toBe(a.meta.commitment);
  });

  it("assignments of known units and minimisation results carry a salt and commitment too", async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({ id: i, g: i % 2 ? "F" : "M" }));
    const assigned = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["g"], seed: newSeed() },
      units,
    );
    expect(assigned.meta.commitment).toBe(hmac(assigned.meta.salt, allocationCsv(assigned)));
    const minimiser = createMinimiser({ arms: ["A", "B"], factors: ["g"], pBest: 0.8, seed: newSeed() });
    for (const unit of units.slice(0, 10)) minimiser.assign(unit);
    const result = await minimiser.result();
    expect(result.meta.commitment).toBe(hmac(result.meta.salt, allocationCsv(result)));
  });

  it("property: the commitment changes with the salt, and no two salts of one list commit alike", async () => {
    const list = await allocationList({
      arms: ["A", "B", "C"],
      blockSizes: [3, 6],
      size: 12,
      seed: newSeed(),
    });
    const csv = allocationCsv(list);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 16, maxLength: 32 }),
        fc.uint8Array({ minLength: 16, maxLength: 32 }),
        async (s1, s2) => {
          fc.pre(Buffer.from(s1).toString("hex") !== Buffer.from(s2).toString("hex"));
          const [c1, c2] = await Promise.all([hmacSha256Hex(s1, csv), hmacSha256Hex(s2, csv)]);
          expect(c1).toBe(createHmac("sha256", s1).update(csv).digest("hex"));
          expect(c1).not.toBe(c2);
          // A one-bit change of the salt changes the commitment.
          const s3 = s1.slice();
          s3[0] = (s3[0] as number) ^ 1;
          expect(await hmacSha256Hex(s3, csv)).not.toBe(c1);
        },
      ),
      { numRuns: 200 },
    );
    // Fresh salts from the library: 200 makings of one list give 200 different commitments.
    const results = await Promise.all(Array.from({ length: 200 }, () => allocationList(list.plan as never)));
    expect(new Set(results.map((r) => r.meta.digest)).size).toBe(1);
    expect(new Set(results.map((r) => r.meta.salt)).size).toBe(200);
    expect(new Set(results.map((r) => r.meta.commitment)).size).toBe(200);
  });
});

/**
 * Every list `allocationList` can make for one stratum of `size` slots with block sizes `sizes` and arms
 * A, B (1:1): every block-size sequence (blocks until at least `size` slots) times every arrangement of
 * every block, as canonical CSV text. This is what anyone who knows the plan but not the seed can do.
 */
function* everyList(size: number, sizes: readonly number[]): Generator<string> {
  const header = "sequence,stratum,block,blockSize,arm\n";
  const arrangements = (n: number): string[][] => {
    const out: string[][] = [];
    for (let mask = 0; mask < 1 << n; mask++) {
      const arms = Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? "A" : "B"));
      if (arms.filter((arm) => arm === "A").length === n / 2) out.push(arms);
    }
    return out;
  };
  const byBlock = new Map(sizes.map((s) => [s, arrangements(s)]));
  function* compositions(total: number, prefix: number[]): Generator<number[]> {
    if (total >= size) {
      yield prefix;
      return;
    }
    for (const s of sizes) yield* compositions(total + s, [...prefix, s]);
  }
  for (const blocks of compositions(0, [])) {
    function* fill(b: number, sequence: number, lines: string): Generator<string> {
      if (b === blocks.length) {
        yield header + lines;
        return;
      }
      const s = blocks[b] as number;
      for (const arms of byBlock.get(s) as string[][]) {
        let text = lines;
        arms.forEach((arm, i) => {
          text += `${sequence + i},all,${b + 1},${s},${arm}\n`;
        });
        yield* fill(b + 1, sequence + s, text);
      }
    }
    yield* fill(0, 1, "");
  }
}

describe("the enumeration attack (issue 17)", () => {
  it("recovers a list made with a long secret seed from meta.digest, and fails against meta.commitment", async () => {
    const seed = newSeed();
    expect(seedWeaknesses(seed)).toEqual([]);
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4], size: 12, seed });
    const { digest, commitment } = list.meta;
    let candidates = 0;
    let foundByDigest: string | undefined;
    let matchesCommitment = 0;
    for (const csv of everyList(12, [2, 4])) {
      candidates++;
      const hash = sha256(csv);
      if (hash === digest) foundByDigest ??= csv;
      // What the attacker can compute without the salt: the plain hash, or an HMAC under any guessed key.
      if (hash === commitment) matchesCommitment++;
      for (const guess of ["", "00", "salt", seed]) if (hmac(guess, csv) === commitment) matchesCommitment++;
    }
    // Every candidate is a complete list; the real one is among them.
    expect(candidates).toBeGreaterThan(3000);
    expect(foundByDigest).toBe(allocationCsv(list));
    // The published digest reveals the list, and so every arm before it is used ...
    expect(foundByDigest?.split("\n")[1]).toBe(`1,all,1,${list.rows[0]?.blockSize},${list.rows[0]?.arm}`);
    // ... the commitment reveals nothing the enumeration can test: no candidate matches it.
    expect(matchesCommitment).toBe(0);
    // Only with the salt (revealed after unblinding) does the commitment pick out the list.
    expect(hmac(list.meta.salt, allocationCsv(list))).toBe(commitment);
  }, 60_000);

  it("a guessable seed falls to trying seeds against the digest, not against the commitment", async () => {
    const plan = { arms: ["A", "B"], blockSizes: [2, 4], size: 12 };
    const list = await allocationList({ ...plan, seed: "nora-2025-pilot" });
    expect(list.warnings?.[0]).toMatch(/^the seed looks guessable/);
    const guesses = ["nora", "pilot", "nora-pilot"].flatMap((word) =>
      [2023, 2024, 2025, 2026].flatMap((year) => [`${word}-${year}`, `nora-${year}-pilot`]),
    );
    let byDigest: string | undefined;
    let byCommitment: string | undefined;
    for (const seed of new Set(guesses)) {
      const candidate = await allocationList({ ...plan, seed });
      if (candidate.meta.digest === list.meta.digest) byDigest = seed;
      if (candidate.meta.commitment === list.meta.commitment) byCommitment = seed;
    }
    expect(byDigest).toBe("nora-2025-pilot");
    expect(byCommitment).toBeUndefined();
  });
});

describe("verifyAllocation with a published commitment: every tampering class fails and is named", () => {
  async function made() {
    const list = await allocationList({
      arms: ["A", "B"],
      strata: { g: ["F", "M"] },
      blockSizes: [2, 4],
      size: 8,
      seed: newSeed(),
    });
    return { list, published: publicCommitment(list).commitment };
  }

  it("an untouched list and salt are the ones committed to", async () => {
    const { list, published } = await made();
    const report = await verifyAllocation(list, { commitment: published });
    expect(report).toMatchObject({ ok: true, failed: [], differences: [] });
    expect(report.commitment).toMatchObject({ checked: true, ok: true, published, recorded: published });
    expect(report.commitment.reason).toMatch(/are the ones committed to/);
    // The public commitment object itself is accepted, and upper-case hex.
    expect((await verifyAllocation(list, { commitment: publicCommitment(list) })).ok).toBe(true);
    expect((await verifyAllocation(list, { commitment: published.toUpperCase() })).ok).toBe(true);
    // Without a published commitment the certificate's own is checked.
    expect((await verifyAllocation(list)).commitment).toMatchObject({
      checked: true,
      ok: true,
      published: null,
    });
  });

  it("a changed salt", async () => {
    const { list, published } = await made();
    const tampered = { ...list, meta: { ...list.meta, salt: flip(list.meta.salt) } };
    const report = await verifyAllocation(tampered, { commitment: published });
    expect(report.ok).toBe(false);
    expect(report.failed).toEqual(["salt", "publishedCommitment"]);
    expect(report.commitment.reason).toMatch(/the salt was changed/);
    // Without the published value, the certificate no longer holds together.
    expect((await verifyAllocation(tampered)).failed).toEqual(["commitment"]);
    // A salt that is not hex, or none at all while a commitment is recorded.
    expect((await verifyAllocation({ ...list, meta: { ...list.meta, salt: "zz" } })).failed).toEqual([
      "salt",
    ]);
    const { salt: _salt, ...noSalt } = list.meta;
    expect((await verifyAllocation({ ...list, meta: noSalt })).failed).toEqual(["salt"]);
  });

  it("a changed cell", async () => {
    const { list, published } = await made();
    const rows = list.rows.map((row, i) => (i === 5 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row));
    const report = await verifyAllocation({ ...list, rows }, { commitment: published });
    expect(report.failed).toEqual(["rows", "publishedCommitment"]);
    expect(report.differences[0]).toMatchObject({ row: 5, column: "arm" });
    expect(report.commitment.reason).toMatch(/the revealed list is not the one committed to/);
  });

  it("a changed seed (in the plan and meta alike, or in meta only)", async () => {
    const { list, published } = await made();
    const other = newSeed();
    const both = await verifyAllocation(
      { ...list, plan: { ...list.plan, seed: other }, meta: { ...list.meta, seed: other } },
      { commitment: published },
    );
    expect(both.ok).toBe(false);
    expect(both.failed).toEqual(["rows", "digest", "commitment"]);
    // The revealed rows and salt are still the committed ones: the seed just does not reproduce them.
    expect(both.commitment.ok).toBe(false);
    const metaOnly = await verifyAllocation(
      { ...list, meta: { ...list.meta, seed: other } },
      { commitment: published },
    );
    expect(metaOnly.failed).toContain("seed");
    expect(metaOnly.ok).toBe(false);
  });

  it("a changed recorded commitment, a changed digest, a different published commitment", async () => {
    const { list, published } = await made();
    const recorded = await verifyAllocation(
      { ...list, meta: { ...list.meta, commitment: flip(list.meta.commitment) } },
      { commitment: published },
    );
    expect(recorded.failed).toEqual(["commitment"]);
    const digest = await verifyAllocation(
      { ...list, meta: { ...list.meta, digest: flip(list.meta.digest) } },
      { commitment: published },
    );
    expect(digest.failed).toEqual(["digest"]);
    const publishedOther = await verifyAllocation(list, { commitment: flip(published) });
    expect(publishedOther.failed).toEqual(["publishedCommitment"]);
    expect(publishedOther.commitment.reason).toMatch(/not the ones committed to/);
    // A whole other list (its own salt, its own consistent certificate) against the first one's commitment.
    const second = await allocationList(list.plan as never);
    expect((await verifyAllocation(second, { commitment: published })).failed).toEqual([
      "publishedCommitment",
    ]);
    await expect(verifyAllocation(list, { commitment: "abc" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("back compatibility: results made before salts", () => {
  it("verify by digest, and the report says there is no commitment", async () => {
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [2], size: 6, seed: "old" });
    const { salt: _s, commitment: _c, ...oldMeta } = list.meta;
    const old = { rows: list.rows, plan: list.plan, meta: oldMeta };
    const report = await verifyAllocation(old);
    expect(report.ok).toBe(true);
    expect(report.commitment).toMatchObject({ checked: false, ok: true, recomputed: null, recorded: null });
    expect(report.commitment.reason).toMatch(/^no commitment: the result has no salt/);
    const edited = await verifyAllocation({ ...old, rows: old.rows.map((r) => ({ ...r, arm: "A" })) });
    expect(edited.failed).toEqual(["rows"]);
    const withPublished = await verifyAllocation(old, { commitment: list.meta.commitment });
    expect(withPublished.failed).toEqual(["salt"]);
    expect(() => publicCommitment(old as never)).toThrow(/meta\.commitment must be the commitment/);
  });

  it("an old minimiser state (no salt) restores with a new salt, kept from then on", async () => {
    const plan = { arms: ["A", "B"], factors: ["g"], pBest: 0.8, seed: newSeed() };
    const minimiser = createMinimiser(plan);
    minimiser.assign({ id: 1, g: "F" });
    const state = minimiser.state();
    expect(state.salt).toMatch(/^[0-9a-f]{64}$/);
    const restored = restoreMinimiser(JSON.parse(JSON.stringify(state)));
    expect((await restored.result()).meta.commitment).toBe((await minimiser.result()).meta.commitment);
    expect(restored.state().salt).toBe(state.salt);
    const { salt: _salt, ...old } = state;
    const fromOld = restoreMinimiser(old);
    expect(fromOld.state().salt).toMatch(/^[0-9a-f]{64}$/);
    expect(fromOld.state().salt).not.toBe(state.salt);
    expect(() => restoreMinimiser({ ...state, salt: "nothex" })).toThrow(/state\.salt/);
  });
});

describe("publicCommitment", () => {
  it("holds the commitment, arms, ratio, factors and size, never the seed, salt, digest or block sizes", async () => {
    const list = await allocationList({
      arms: [{ name: "NorA", ratio: 2 }, "usual"],
      strata: { gender: ["F", "M"], office: ["Bergen", "Oslo"] },
      blockSizes: [3, 6],
      size: 9,
      seed: newSeed(),
    });
    const published = publicCommitment(list);
    expect(published).toEqual({
      format: "tiltak-allocation-commitment/1",
      commitment: list.meta.commitment,
      construction: "HMAC-SHA256(salt, canonical CSV)",
      method: "allocationList",
      arms: ["NorA", "usual"],
      ratio: [2, 1],
      factors: [
        { name: "gender", levels: ["F", "M"] },
        { name: "office", levels: ["Bergen", "Oslo"] },
      ],
      listSize: list.rows.length,
      algorithm: "xor4096",
      tiltakVersion: list.meta.tiltakVersion,
      createdAt: list.meta.createdAt,
    });
    const text = JSON.stringify(published);
    for (const secret of [list.meta.seed, list.meta.salt, list.meta.digest, "blockSize", "[3,6]"])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toEqual(published);
  });

  it("names the strata of an assignment and the factors of a minimiser", async () => {
    const units = [
      { id: 1, g: "F" },
      { id: 2, g: "M" },
    ];
    const assigned = await allocate(
      { design: "blocked", arms: ["A", "B"], strata: ["g"], seed: newSeed() },
      units,
    );
    expect(publicCommitment(assigned)).toMatchObject({
      method: "allocate",
      factors: [{ name: "g" }],
      listSize: 2,
    });
    const minimiser = createMinimiser({
      arms: ["A", "B"],
      factors: { g: ["F", "M"], age: ["young", "old"] },
      pBest: 0.8,
      seed: newSeed(),
    });
    minimiser.assign({ id: 1, g: "F", age: "old" });
    expect(publicCommitment(await minimiser.result())).toMatchObject({
      method: "minimisation",
      factors: [
        { name: "g", levels: ["F", "M"] },
        { name: "age", levels: ["young", "old"] },
      ],
      listSize: 1,
    });
  });
});

describe("newSeed and guessable seeds", () => {
  it("newSeed gives 26 base32 characters (130 bits), never twice the same, never flagged", () => {
    const seeds = Array.from({ length: 2000 }, () => newSeed());
    for (const seed of seeds) {
      expect(seed).toMatch(/^[a-z2-7]{26}$/);
      expect(seedWeaknesses(seed)).toEqual([]);
    }
    expect(new Set(seeds).size).toBe(seeds.length);
    // Every character position uses the whole alphabet (the bits are not stuck).
    for (let position = 0; position < 26; position++)
      expect(new Set(seeds.map((seed) => seed[position])).size).toBeGreaterThan(28);
  });

  it("flags short seeds, dictionary words, years, digits only, and words with a year", () => {
    expect(seedWeaknesses("pilot")).toEqual([
      "is shorter than 16 characters",
      "is made of words and numbers",
    ]);
    expect(seedWeaknesses("2025")).toEqual([
      "is shorter than 16 characters",
      "is digits only",
      "holds a year",
    ]);
    expect(seedWeaknesses("12345678901234567890")).toEqual(["is digits only"]);
    expect(seedWeaknesses("nora-2025-pilot")).toContain("holds a year");
    expect(seedWeaknesses("the nora pilot in bergen")).toEqual(["is made of words and numbers"]);
    expect(seedWeaknesses("nora-pilot-bergen-2025")).toEqual([
      "holds a year",
      "is made of words and numbers",
    ]);
    expect(seedWeaknesses("3f9a0c47e1b2d8a65c0f7e3b9d14a2c8")).toEqual([]);
  });

  it("a list gets a warning for a guessable seed and none for a generated one; assignments get none", async () => {
    const plan = { arms: ["A", "B"], blockSizes: [2], size: 4 };
    const weak = await allocationList({ ...plan, seed: "nora-2025-pilot" });
    expect(weak.warnings).toHaveLength(1);
    expect(weak.warnings?.[0]).toMatch(/holds a year.*newSeed\(\)/);
    expect(JSON.parse(JSON.stringify(weak)).warnings).toEqual(weak.warnings);
    const strong = await allocationList({ ...plan, seed: newSeed() });
    expect("warnings" in strong).toBe(false);
    const units = [{ id: 1 }, { id: 2 }];
    expect("warnings" in (await allocate({ design: "complete", arms: ["A", "B"], seed: "x" }, units))).toBe(
      false,
    );
    const minimiser = createMinimiser({ arms: ["A", "B"], factors: ["g"], pBest: 0.8, seed: "2025" });
    minimiser.assign({ id: 1, g: "F" });
    expect((await minimiser.result()).warnings).toHaveLength(1);
  });
});
