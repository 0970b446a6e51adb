// allocate with string ids: plain ASCII ids are encoded once into one byte buffer, checked for duplicates by
// hashing those bytes and copied into the CSV from them. These tests hold that path to the general one:
// verifyAllocation rebuilds the CSV from the rows through the general writer, so `ok` means the bytes (and
// the digest) are identical; duplicates are refused exactly when a Set of the ids is smaller than the list,
// with the same message. Exact comparisons: no tolerance.
import {
  type AllocationPlan,
  allocate,
  allocationCsv,
  canonicalCsv,
  verifyAllocation,
} from "@tiltak/allocate";
import { hexToBytes, hmacSha256Hex, sha256Hex } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keysFromUnits, parseUnitPlan } from "../src/assign.js";

const plans: AllocationPlan[] = [
  { design: "blocked", arms: ["A", "B"], strata: ["office"], blockSizes: [2, 4], seed: "ids" },
  { design: "blocked", arms: [{ name: "A", ratio: 2 }, "B"], strata: ["office"], seed: "ids" },
  { design: "complete", arms: ["A", "B", "C"], seed: "ids" },
  { design: "simple", arms: ["A", "B"], seed: "ids" },
];

describe("allocate: string ids", () => {
  it("writes the same CSV bytes as the general writer, for plain and for quoted or non-ASCII ids", async () => {
    const idSets = [
      Array.from({ length: 500 }, (_, i) => `P${String(i + 1).padStart(7, "0")}`),
      ["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii"],
      ["plain", "with,comma", 'with"quote', "Ærø-7", "line\nbreak", "x"],
      ["u1", "u2", "u1 "],
    ];
    for (const ids of idSets)
      for (const plan of plans) {
        const units = ids.map((id, i) => ({ id, office: `o${i % 3}` }));
        const result = await allocate(plan, units);
        expect((await verifyAllocation(result)).ok).toBe(true);
        const csv = canonicalCsv(result.rows as unknown as Record<string, unknown>[], result.meta.columns);
        expect(result.meta.digest).toBe(await sha256Hex(csv));
        expect(result.rows.map((row) => row.unitId)).toEqual(ids);
      }
  });

  it("refuses a duplicate string id, naming both places", async () => {
    const units = ["P01", "P02", "P03", "P02", "P01"].map((id) => ({ id, office: "x" }));
    await expect(allocate(plans[0] as AllocationPlan, units)).rejects.toThrow(
      'units[3].id must be unique: unit "P02" appears at units[1] and units[3], got "P02"',
    );
  });

  it("property: refused exactly when the ids repeat; otherwise verified byte for byte", async () => {
    const id = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.constantFrom("a", "b", "P0001", "P0002"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(id, { minLength: 1, maxLength: 40 }), async (ids) => {
        const units = ids.map((unitId, i) => ({ id: unitId, office: `o${i % 2}` }));
        const duplicated = new Set(ids).size < ids.length;
        const outcome = await allocate(plans[0] as AllocationPlan, units).then(
          (result) => result,
          (error: unknown) => error as Error,
        );
        if (duplicated) expect(outcome).toBeInstanceOf(Error);
        else {
          expect(outcome).not.toBeInstanceOf(Error);
          expect((await verifyAllocation(outcome as Awaited<ReturnType<typeof allocate>>)).ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("property: register-style ids (one prefix, fixed digits) are refused at exactly the first repeat", async () => {
    // Patterned ids are checked as numbers (a bitmap over a narrow range, a table over a wide one); an id
    // that breaks the pattern anywhere sends the whole list back to hashing bytes. Every path must name
    // the same first repeat as a Set does.
    const width = fc.integer({ min: 1, max: 9 });
    const list = fc
      .tuple(
        fc.constantFrom("P", "", "NAV-", "x9y"),
        width,
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        fc.option(fc.tuple(fc.nat(), fc.constantFrom("P1", "Q0000001", "0", "P 000000001", "P12345678901"))),
      )
      .map(([prefix, digits, wide, pool, picks, breaker]) => {
        // ids drawn from a small pool, so repeats are common; wide pools spread over all `digits` digits
        const range = wide ? 10 ** digits : Math.min(10 ** digits, 40);
        const ids = picks.map(
          (pick) => `${prefix}${String((pool[pick % pool.length] as number) % range).padStart(digits, "0")}`,
        );
        if (breaker !== null) ids.splice(breaker[0] % (ids.length + 1), 0, breaker[1]);
        return ids;
      });
    await fc.assert(
      fc.asyncProperty(list, async (ids) => {
        const seen = new Map<string, number>();
        let expected: string | null = null;
        for (const [i, id] of ids.entries()) {
          const first = seen.get(id);
          if (first !== undefined) {
            expected = `units[${i}].id must be unique: unit ${JSON.stringify(id)} appears at units[${first}] and units[${i}]`;
            break;
          }
          seen.set(id, i);
        }
        const units = ids.map((unitId, i) => ({ id: unitId, office: `o${i % 2}` }));
        const outcome = await allocate(plans[0] as AllocationPlan, units).then(
          (result) => result,
          (error: unknown) => error as Error,
        );
        if (expected !== null) expect((outcome as Error).message).toContain(expected);
        else {
          expect(outcome).not.toBeInstanceOf(Error);
          const result = outcome as Awaited<ReturnType<typeof allocate>>;
          expect(result.rows.map((row) => row.unitId)).toEqual(ids);
          expect((await verifyAllocation(result)).ok).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("a million register-style ids with one repeat at the end are refused there", async () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `P${String(i + 1).padStart(7, "0")}`);
    ids.push("P0500000");
    const units = ids.map((id) => ({ id, office: "x" }));
    await expect(allocate(plans[0] as AllocationPlan, units)).rejects.toThrow(
      'units[1000000].id must be unique: unit "P0500000" appears at units[499999] and units[1000000]',
    );
  }, 60_000);

  it("hashes a CSV of many pieces as the whole file: digest and commitment of allocationCsv, every writer", async () => {
    // allocate hashes the canonical CSV in 1 MiB pieces as it writes it; 250 000 rows are at least three
    // pieces on every path (integer ids, register-style ids, other plain ids, quoted ids, clusters).
    const n = 250_000;
    const idForms: ((i: number) => string | number)[] = [
      (i) => i,
      (i) => `P${String(i).padStart(7, "0")}`,
      (i) => `unit-${i.toString(36)}`,
      (i) => (i % 1000 === 0 ? `u,${i}` : `u${i}`),
    ];
    const bigPlans: AllocationPlan[] = [
      { design: "blocked", arms: ["A", "B"], strata: ["office"], blockSizes: [2, 4], seed: "pieces" },
      { design: "complete", arms: ["A", "B", "C"], seed: "pieces" },
      { design: "cluster", arms: ["A", "B"], cluster: "office", seed: "pieces" },
    ];
    for (const idOf of idForms)
      for (const plan of bigPlans) {
        const units = Array.from({ length: n }, (_, i) => ({ id: idOf(i), office: `office ${i % 37}` }));
        const result = await allocate(plan, units);
        const csv = allocationCsv(result);
        expect(csv.length).toBeGreaterThan(2 * 2 ** 20);
        expect(result.meta.digest).toBe(await sha256Hex(csv));
        expect(result.meta.commitment).toBe(await hmacSha256Hex(hexToBytes(result.meta.salt as string), csv));
      }
  }, 120_000);
});

describe("keysFromUnits: the walk over the units", () => {
  // The walk takes runs of common units (a record, a 32-bit integer id or an id of the first id's pattern,
  // a known string level) in a tight loop and hands every other unit to the general one, then resumes. Runs
  // are generated to break and resume anywhere; what the walk returns must not depend on where they do.
  type Kind =
    | "int"
    | "negativeZero"
    | "patterned"
    | "other"
    | "number"
    | "newLevel"
    | "numericLevel"
    | "missing";
  const kinds: Kind[] = [
    "int",
    "negativeZero",
    "patterned",
    "other",
    "number",
    "newLevel",
    "numericLevel",
    "missing",
  ];
  const plan: AllocationPlan = { design: "blocked", arms: ["A", "B"], strata: ["office"], seed: "walk" };

  function unitsOf(runs: [Kind, number][], stringsFirst: boolean): Record<string, unknown>[] {
    const units: Record<string, unknown>[] = [];
    if (stringsFirst) units.push({ id: "P0000000", office: "o0" });
    for (const [kind, length] of runs)
      for (let r = 0; r < length; r++) {
        const i = units.length + 1;
        const office = kind === "newLevel" ? `new ${i}` : kind === "numericLevel" ? i % 3 : `o${i % 3}`;
        const id =
          kind === "int" || kind === "newLevel" || kind === "numericLevel"
            ? 4 * i
            : kind === "negativeZero"
              ? units.some((unit) => Object.is(unit.id, -0))
                ? 4 * i + 2
                : -0
              : kind === "patterned" || kind === "missing"
                ? `P${String(i).padStart(7, "0")}`
                : kind === "other"
                  ? `Q${i}`
                  : i + 0.5;
        units.push(kind === "missing" ? { id } : { id, office });
      }
    return units;
  }

  it("property: ids, small-integer flag and stratum codes as the units say, wherever runs break", () => {
    const runs = fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 1, max: 40 })), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(runs, fc.boolean(), (runList, stringsFirst) => {
        const units = unitsOf(runList, stringsFirst);
        const missing = units.findIndex((unit) => !("office" in unit));
        const run = () => keysFromUnits(units, parseUnitPlan(plan));
        if (missing >= 0) {
          expect(run).toThrow(
            `units[${missing}].office must hold unit ${JSON.stringify(units[missing]?.id)}'s level`,
          );
          return;
        }
        const keys = run();
        expect(keys.ids.length).toBe(units.length);
        for (const [i, unit] of units.entries()) expect(Object.is(keys.ids[i], unit.id)).toBe(true);
        const small = units.every((unit) => Number.isInteger(unit.id) && (unit.id as number) >= 0);
        expect(keys.smallIntegerIds).toBe(small);
        const stratum = keys.stratum as ArrayLike<number>;
        const codeOf = new Map<string, number>();
        for (const [i, unit] of units.entries()) {
          const level = String(unit.office);
          const code = codeOf.get(level) ?? (stratum[i] as number);
          codeOf.set(level, code);
          expect(stratum[i]).toBe(code);
        }
        expect(new Set(codeOf.values()).size).toBe(codeOf.size);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps an id of -0 as -0 among integer ids", () => {
    const units = Array.from({ length: 50 }, (_, i) => ({ id: i === 20 ? -0 : i + 100, office: "x" }));
    const keys = keysFromUnits(units, parseUnitPlan(plan));
    expect(Object.is(keys.ids[20], -0)).toBe(true);
    expect(keys.ids[21]).toBe(121);
  });

  it("refuses an array among records, even one that carries an id and a stratum", () => {
    for (const first of [0, "P0000000"]) {
      const units: unknown[] = Array.from({ length: 100 }, (_, i) =>
        typeof first === "number"
          ? { id: i, office: "x" }
          : { id: `P${String(i).padStart(7, "0")}`, office: "x" },
      );
      units[60] = Object.assign([1, 2], { id: 60, office: "x" });
      expect(() => keysFromUnits(units, parseUnitPlan(plan))).toThrow("units[60] must be a record");
    }
  });
});
