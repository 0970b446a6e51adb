// @tiltak/duckdb programmeYearsFromSpells returns exactly (deep-equal) what compare.programmeYearsFromSpells
// returns on the same rows and options: generated spells with every edge case (ends on a period's last
// and first day, starts on the last day, re-referrals, never-started referrals, touching and overlapping
// spells, unmapped and missing reasons, planned flags, groups with a missing value) and bad rows, read
// from CSV, from Parquet (text and typed DATE/BOOLEAN columns) and from a table in a connection.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import * as compare from "@tiltak/compare";
import { createRng, isTiltakError } from "@tiltak/core";
import { programmeYearsFromSpells } from "@tiltak/duckdb";
import { afterAll, describe, expect, it } from "vitest";

type Value = string | boolean | null;
type Row = Record<string, Value>;
const columns = ["personId", "referred", "start", "end", "exitReason", "planned", "office"] as const;

const day = (d: number): string => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
const reasons = ["jobb", "skole", "AAP", null, "ukjent grunn", "work", "moved", 'sitat "x", komma'];

/**
 * Generated spells with every edge of the definitions; `bad` adds invalid rows of every kind; `moving`
 * lets a person's spells fall in different groups (an office change, and back), as register data do.
 */
function generate(seed: string, people: number, bad: boolean, moving = false): Row[] {
  const rng = createRng(seed);
  const rows: Row[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)] as T;
  const yearEdges = [364, 365, 729, 730, 1094]; // 2022-12-31, 2023-01-01, 2023-12-31, 2024-01-01, 2024-12-31
  for (let p = 0; p < people; p++) {
    let t = Math.floor(rng.uniform() * 900);
    const home = pick(["Nord", "Sør", null]);
    const n = 1 + Math.floor(rng.uniform() * (moving ? 4 : 3));
    for (let s = 0; s < n; s++) {
      const office = moving && rng.uniform() < 0.4 ? pick(["Nord", "Sør", null]) : home;
      const referred = t;
      const roll = rng.uniform();
      if (roll < 0.1) {
        rows.push({
          personId: `P${p}`,
          referred: day(referred),
          start: null,
          end: null,
          exitReason: null,
          planned: null,
          office,
        });
        t = referred + Math.floor(rng.uniform() * 40);
        continue;
      }
      let start = referred + Math.floor(rng.uniform() * 15);
      if (rng.uniform() < 0.15) start = Math.max(start, pick(yearEdges)); // start on a year's first or last day
      const active = roll > 0.85;
      let end: number | null = active ? null : start + Math.floor(rng.uniform() * 250);
      if (end !== null && rng.uniform() < 0.2) end = Math.max(start, pick(yearEdges)); // end on an edge
      rows.push({
        personId: `P${p}`,
        referred: day(referred),
        start: day(start),
        end: end === null ? null : day(end),
        exitReason: end === null ? null : pick(reasons),
        planned: end === null ? null : rng.uniform() < 0.7,
        office,
      });
      if (end === null) break;
      t = end + (rng.uniform() < 0.2 ? 0 : Math.floor(rng.uniform() * 60)); // sometimes re-starts the same day
    }
  }
  if (bad) {
    const base = { exitReason: null, planned: null, office: "Nord" };
    rows.splice(3, 0, {
      ...base,
      personId: "X1",
      referred: "2024-01-01",
      start: "2024-02-01",
      end: "2024-01-15",
    });
    rows.splice(10, 0, { ...base, personId: "X2", referred: "2024-01-01", start: "2024-02-30", end: null });
    rows.splice(20, 0, { ...base, personId: "X3", referred: "01.02.2024", start: "2024-02-01", end: null });
    rows.splice(30, 0, { ...base, personId: "X4", referred: null, start: "2024-02-01", end: null });
    rows.splice(40, 0, { ...base, personId: "X5", referred: "2024-03-01", start: "2024-02-01", end: null });
    rows.splice(50, 0, {
      ...base,
      personId: "X6",
      referred: "2024-01-01",
      start: "2024-01-02",
      end: "2024-06-01",
    });
    rows.splice(60, 0, { ...base, personId: "X6", referred: "2024-03-01", start: "2024-03-02", end: null });
    rows.splice(70, 0, {
      ...base,
      personId: "X7",
      referred: "2024-01-01",
      start: "2024-01-02",
      end: null,
      exitReason: "jobb",
    });
    rows.splice(80, 0, { ...base, personId: null, referred: "2024-01-01", start: "2024-01-02", end: null });
    rows.splice(90, 0, { ...base, personId: "X8", referred: "2024-01-01", start: null, end: "2023-01-01" });
    // overlapping spells in two groups, between two valid spells of the person
    rows.splice(92, 0, {
      ...base,
      personId: "X10",
      referred: "2023-01-01",
      start: "2023-01-02",
      end: "2023-03-01",
    });
    rows.splice(93, 0, {
      ...base,
      personId: "X10",
      office: "Sør",
      referred: "2023-04-01",
      start: "2023-04-02",
      end: "2023-09-01",
    });
    rows.splice(94, 0, {
      ...base,
      personId: "X10",
      referred: "2023-05-01",
      start: "2023-05-02",
      end: "2023-06-01",
    });
    rows.splice(95, 0, {
      ...base,
      personId: "X10",
      office: "Sør",
      referred: "2023-10-01",
      start: "2023-10-02",
      end: null,
    });
    rows.splice(96, 0, {
      ...base,
      personId: "X9",
      referred: "2024-01-01",
      start: "2024-01-02",
      end: "2024-02-01",
      planned: "kanskje",
    });
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), "tiltak-duckdb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvCell(value: Value): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
function writeCsv(name: string, rows: Row[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `${columns.join(",")}\n${rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(",")).join("\n")}\n`,
  );
  return path;
}
async function toParquet(csv: string, name: string, typed: boolean): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const select = typed
    ? `SELECT personId, CAST(referred AS DATE) AS referred, CAST(start AS DATE) AS start, CAST("end" AS DATE) AS "end", exitReason, CAST(planned AS BOOLEAN) AS planned, office`
    : "SELECT *";
  await connection.run(
    `COPY (${select} FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${path}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  return path;
}

const outcomes = { jobb: "work", skole: "education", AAP: "healthBenefit" } as const;
const variants: compare.ProgrammeYearsFromSpellsOptions[] = [
  { outcomes },
  { outcomes, unit: "spell" },
  { outcomes, periods: "quarters", groupBy: ["office"] },
  { outcomes, periods: "quarters", groupBy: ["office"], unit: "spell", exitDefinition: "planned" },
  { outcomes, periods: [2023, "2024-Q1", "2024-Q2", "2023-06-15/2024-03-31"], exitDefinition: "planned" },
  { periods: "months", unit: "spell" },
];

describe("duckdb programmeYearsFromSpells = compare.programmeYearsFromSpells", () => {
  const good = generate("duckdb-identity", 400, false);
  const withBad = generate("duckdb-identity-bad", 200, true);

  it("on valid spells from CSV, Parquet (text and typed) and a table: deep-equal results", async () => {
    const csv = writeCsv("good.csv", good);
    const parquet = await toParquet(csv, "good.parquet", false);
    const typed = await toParquet(csv, "good-typed.parquet", true);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE spells AS SELECT * FROM read_parquet('${typed}')`);
    for (const options of variants) {
      const memory = compare.programmeYearsFromSpells(good, options);
      expect(memory.records.length).toBeGreaterThan(2);
      expect(await programmeYearsFromSpells(csv, options)).toEqual(memory);
      expect(await programmeYearsFromSpells(parquet, options)).toEqual(memory);
      expect(await programmeYearsFromSpells({ path: typed, threads: 2 }, options)).toEqual(memory);
      expect(await programmeYearsFromSpells({ connection, table: "spells" }, options)).toEqual(memory);
      for (const record of memory.records) expect(compare.checkFlows(record).findings).toEqual([]);
    }
    connection.closeSync();
    instance.closeSync();
  }, 120_000);

  it('with bad rows: the same report under onInvalid "report", the same INCONSISTENT_DATA error otherwise', async () => {
    const csv = writeCsv("bad.csv", withBad);
    const parquet = await toParquet(csv, "bad.parquet", false);
    for (const options of variants) {
      const report = { ...options, onInvalid: "report" as const };
      const memory = compare.programmeYearsFromSpells(withBad, report);
      expect(memory.invalid.length).toBeGreaterThanOrEqual(10); // with exitDefinition "planned", more rows lack planned
      expect(await programmeYearsFromSpells(csv, report)).toEqual(memory);
      expect(await programmeYearsFromSpells(parquet, report)).toEqual(memory);
    }
    let expected: unknown;
    try {
      compare.programmeYearsFromSpells(withBad, { outcomes });
    } catch (error) {
      expected = error;
    }
    let actual: unknown;
    try {
      await programmeYearsFromSpells(csv, { outcomes });
    } catch (error) {
      actual = error;
    }
    expect(isTiltakError(actual, "INCONSISTENT_DATA")).toBe(true);
    expect((actual as Error).message).toBe((expected as Error).message);
    expect((actual as { details: unknown }).details).toEqual((expected as { details: unknown }).details);
  }, 120_000);

  it("when people move between groups (and back), with and without overlapping spells: deep-equal results", async () => {
    const moving = generate("duckdb-identity-moving", 300, false, true);
    const movingBad = generate("duckdb-identity-moving-bad", 200, true, true);
    const movers = new Set<string>();
    const offices = new Map<string, Set<Value>>();
    for (const row of moving) {
      const set = offices.get(row.personId as string) ?? new Set<Value>();
      set.add(row.office ?? null);
      offices.set(row.personId as string, set);
      if (set.size > 1) movers.add(row.personId as string);
    }
    expect(movers.size).toBeGreaterThan(50);
    const grouped = variants.filter((options) => options.groupBy !== undefined);
    const good = await toParquet(writeCsv("moving.csv", moving), "moving.parquet", true);
    const bad = await toParquet(writeCsv("moving-bad.csv", movingBad), "moving-bad.parquet", false);
    for (const options of [...grouped, { ...grouped[0], periods: "years" as const }]) {
      const memory = compare.programmeYearsFromSpells(moving, options);
      expect(await programmeYearsFromSpells(good, options)).toEqual(memory);
      const report = { ...options, onInvalid: "report" as const };
      const memoryBad = compare.programmeYearsFromSpells(movingBad, report);
      expect(memoryBad.invalid.some((row) => row.personId === "X10")).toBe(true);
      expect(await programmeYearsFromSpells(bad, report)).toEqual(memoryBad);
    }
  }, 120_000);

  it("rejects a missing column, an empty file and an unknown file type as the in-memory function does", async () => {
    const noEnd = join(dir, "no-end.csv");
    writeFileSync(noEnd, "personId,referred,start\nA,2024-01-01,2024-01-02\n");
    await expect(programmeYearsFromSpells(noEnd)).rejects.toThrow(
      'spells must have the column "end", got ["personId","referred","start"]',
    );
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "personId,referred,start,end\n");
    await expect(programmeYearsFromSpells(empty)).rejects.toThrow("spells must have at least one row, got 0");
    await expect(programmeYearsFromSpells(join(dir, "spells.xlsx"))).rejects.toThrow(
      /source.path must end in/,
    );
  });
});

describe("DuckDB stays in @tiltak/duckdb", () => {
  it("no other package's source imports @duckdb/*", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const root = join(import.meta.dirname, "..", "..");
    const offenders: string[] = [];
    const walk = (path: string): void => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const child = join(path, entry.name);
        if (entry.isDirectory()) walk(child);
        else if (/\.(ts|js|mjs)$/.test(entry.name) && /["']@duckdb\//.test(readFileSync(child, "utf8")))
          offenders.push(child);
      }
    };
    for (const name of readdirSync(root)) if (name !== "duckdb") walk(join(root, name, "src"));
    expect(offenders).toEqual([]);
  });
});
