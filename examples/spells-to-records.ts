// From person-level spells to programme-year records, in memory and with DuckDB.
//
// Generates the spells of 2 000 people (seeded with createRng: referrals, starts, exits with reasons as
// a case-management export writes them, re-referrals, never-started referrals, still-active spells) and
// slips in a few bad rows. Counts them into one record per office and year with
// compare.programmeYearsFromSpells (onInvalid: "report"), prints the bad rows and unmapped reasons, checks
// every record with checkFlows, then writes the spells to a CSV file and recounts them with
// @tiltak/duckdb: the records are identical.
//
//   node scripts/run-examples.mjs spells-to-records
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { programmeYearsFromSpells } from "@tiltak/duckdb";
import { compare, core } from "tiltak";

const outDir = join("examples", "output", "spells-to-records");
await mkdir(outDir, { recursive: true });
const quiet = process.env.TILTAK_EXAMPLE_QUIET === "1";
const say = (line = ""): void => {
  if (!quiet) console.log(line);
};

// 1. Generate spells ------------------------------------------------------------------------------
type Spell = {
  personId: string;
  referred: string;
  start: string | null;
  end: string | null;
  exitReason: string | null;
  office: string;
};
const rng = core.createRng("spells-to-records");
const day = (d: number): string => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
const exportReasons = ["Lønnet arbeid", "Utdanning", "AAP", "Sosialhjelp", "Flyttet", "Annet tiltak"];
const spells: Spell[] = [];
for (let p = 0; p < 2000; p++) {
  const office = rng.uniform() < 0.6 ? "Sentrum" : "Nord";
  let t = Math.floor(rng.uniform() * 1000);
  for (let k = 0; k < 3; k++) {
    const referred = t;
    if (rng.uniform() < 0.08) {
      spells.push({
        personId: `P${p}`,
        referred: day(referred),
        start: null,
        end: null,
        exitReason: null,
        office,
      });
      t += 30 + Math.floor(rng.uniform() * 200);
      continue;
    }
    const start = referred + Math.floor(rng.uniform() * 21);
    const active = rng.uniform() < 0.25;
    const end = active ? null : start + Math.floor(rng.uniform() * 365);
    const exitReason =
      end === null ? null : (exportReasons[Math.floor(rng.uniform() * exportReasons.length)] ?? null);
    spells.push({
      personId: `P${p}`,
      referred: day(referred),
      start: day(start),
      end: end === null ? null : day(end),
      exitReason,
      office,
    });
    if (end === null || rng.uniform() < 0.6) break;
    t = end + Math.floor(rng.uniform() * 120);
  }
}
// bad rows, as exports have them
spells.splice(100, 0, {
  personId: "P9999",
  referred: "2023-03-01",
  start: "2023-03-10",
  end: "2023-02-28",
  exitReason: "Annet tiltak",
  office: "Nord",
});
spells.splice(500, 0, {
  personId: "P0",
  referred: "2023-31-01",
  start: null,
  end: null,
  exitReason: null,
  office: "Nord",
});
say(`1. ${spells.length} spells of 2 000 people (seed "spells-to-records")`);

// 2. Count in memory ------------------------------------------------------------------------------
const options: compare.ProgrammeYearsFromSpellsOptions = {
  periods: [2023, 2024],
  groupBy: ["office"],
  outcomes: {
    "Lønnet arbeid": "work",
    Utdanning: "education",
    AAP: "healthBenefit",
    Sosialhjelp: "socialAssistance",
    Flyttet: "moved",
  },
  onInvalid: "report",
  programme: "Kvalifisering",
};
const result = compare.programmeYearsFromSpells(spells, options);
say(`2. ${result.records.length} records; ${result.rows.invalid} bad rows left out and listed:`);
for (const bad of result.invalid) say(`   row ${bad.row} (${bad.personId}): ${bad.reasons.join("; ")}`);
for (const reason of result.unmappedReasons)
  say(
    `   unmapped exit reason "${reason.reason}": ${reason.spells} spells, counted as other (first row ${reason.firstRow})`,
  );
say();
say(
  "   record                               unique  carried in  started  exits  active at end  work  referrals",
);
for (const r of result.records) {
  const p = r.participants;
  say(
    `   ${r.id.padEnd(36)} ${String(p.unique).padStart(6)}  ${String(p.carriedIn).padStart(10)}  ${String(p.started).padStart(7)}  ${String(r.exits.total).padStart(5)}  ${String(p.activeEnd).padStart(13)}  ${String(r.exits.byOutcome.work).padStart(4)}  ${String(p.newReferrals).padStart(9)}`,
  );
  const check = compare.checkFlows(r);
  if (!check.ok) throw new Error(`${r.id}: ${check.findings.map((f) => f.message).join("; ")}`);
}
say("   checkFlows: every identity holds in every record");
say();

// 3. The same with DuckDB over a file -------------------------------------------------------------
const csvPath = join(outDir, "spells.csv");
const cell = (v: string | null): string =>
  v === null ? "" : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
const header = ["personId", "referred", "start", "end", "exitReason", "office"] as const;
await writeFile(
  csvPath,
  `${header.join(",")}\n${spells.map((s) => header.map((h) => cell(s[h])).join(",")).join("\n")}\n`,
);
const fromFile = await programmeYearsFromSpells(resolve(csvPath), options);
const identical = JSON.stringify(fromFile) === JSON.stringify(result);
say(`3. @tiltak/duckdb over ${csvPath}: records ${identical ? "identical" : "DIFFERENT"}`);
if (!identical) throw new Error("DuckDB and in-memory records differ");
await writeFile(join(outDir, "records.json"), `${JSON.stringify(result, null, 2)}\n`);
say(`   wrote ${join(outDir, "records.json")}`);
