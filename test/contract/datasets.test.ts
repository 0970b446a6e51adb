/**
 * Contract tests for @tiltak/datasets against docs/design.md ("### @tiltak/datasets") and issue 7:
 * `programmeYears: ProgrammeYear[]` and `theories: ProgrammeTheory[]`, each with an `id` and `source`.
 */
import * as comparePkg from "@tiltak/compare";
import * as datasetsPkg from "@tiltak/datasets";
import * as theoryPkg from "@tiltak/theory";
import { datasets as umbrellaDatasets } from "tiltak";
import { describe, expect, it } from "vitest";
import { expectPlainJson, type Json } from "./helpers.js";

const D = datasetsPkg as Json;
const C = comparePkg as Json;
const T = theoryPkg as Json;

const yearIds = ["nora-2021", "nora-2024", "ny-sjanse-2024", "jobbsjansen-2024"];
const theoryIds = [
  "nibr-omlandet",
  "nibr-heimby",
  "nibr-hogda",
  "nibr-skjaerbyen",
  "nibr-kystbyen",
  "nibr-skogen",
  "nibr-stranna",
  "nibr-mellombyen",
  "nora",
  "ny-sjanse",
  "groruddalen",
];

function year(id: string): Json {
  return (D.programmeYears as Json[]).find((r) => r.id === id);
}

function expectSource(record: Json): void {
  expect(record.source, `${record.id}.source`).toBeTypeOf("object");
  const sources = Array.isArray(record.source) ? record.source : [record.source];
  for (const s of sources) {
    expect(typeof s.document, `${record.id}.source.document`).toBe("string");
    expect(s.document.length).toBeGreaterThan(0);
    expect(s.lines, `${record.id}.source.lines`).toBeDefined();
  }
}

describe("@tiltak/datasets exports", () => {
  it("exports programmeYears and theories as arrays, also through the umbrella", () => {
    expect(Array.isArray(D.programmeYears)).toBe(true);
    expect(Array.isArray(D.theories)).toBe(true);
    expect((umbrellaDatasets as Json).programmeYears).toBe(D.programmeYears);
    expect((umbrellaDatasets as Json).theories).toBe(D.theories);
  });
  it("records are plain JSON", () => {
    expectPlainJson(D.programmeYears);
    expectPlainJson(D.theories);
  });
  it("ids are unique across each list", () => {
    const ys = (D.programmeYears as Json[]).map((r) => r.id);
    const ts = (D.theories as Json[]).map((r) => r.id);
    expect(new Set(ys).size).toBe(ys.length);
    expect(new Set(ts).size).toBe(ts.length);
  });
});

describe("programmeYears", () => {
  it.each(yearIds)(
    "%s exists, has source { document, lines } and parses with compare's ProgrammeYear schema",
    (id) => {
      const record = year(id);
      expect(record, id).toBeDefined();
      expectSource(record);
      const parsed = C.programmeYearSchema.safeParse(record);
      expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
    },
  );
  it.each(yearIds)(
    "%s: checkFlows returns { ok, findings: [{ rule, gap, message }] } as plain JSON",
    (id) => {
      const result = C.checkFlows(year(id));
      expectPlainJson(result);
      expect(typeof result.ok).toBe("boolean");
      for (const f of result.findings as Json[]) {
        expect(typeof f.rule).toBe("string");
        expect(typeof f.message).toBe("string");
        expect("gap" in f).toBe(true);
      }
    },
  );
  it("every programme-year (incl. the Ny sjanse referral series 2015–2023 and the 2021 sub-projects) parses and checks", () => {
    const ids = (D.programmeYears as Json[]).map((r) => r.id);
    for (let y = 2015; y <= 2024; y++) expect(ids, `ny-sjanse-${y}`).toContain(`ny-sjanse-${y}`);
    expect(ids.some((id) => /broen/i.test(id))).toBe(true);
    expect(ids.some((id) => /overgangsveileder/i.test(id))).toBe(true);
    for (const r of D.programmeYears as Json[]) {
      expectSource(r);
      expect(C.programmeYearSchema.safeParse(r).success, r.id).toBe(true);
      expect(() => C.checkFlows(r), r.id).not.toThrow();
    }
  });
  it("NorA 2024 carries the seed's figures: 221 unique, 133 active at end, 84 exits, 27 to work, 15 to education, target 0.6", () => {
    const r = year("nora-2024");
    expect(r.participants.unique).toBe(221);
    expect(r.participants.activeEnd).toBe(133);
    expect(r.exits.total).toBe(84);
    expect(r.exits.byOutcome.work).toBe(27);
    expect(r.exits.byOutcome.education).toBe(15);
    expect(r.targets.work).toBe(0.6);
  });
  it("NorA 2024: checkFlows reports the 4 participants unaccounted for (221 − 84 − 133) with gap ±4", () => {
    const result = C.checkFlows(year("nora-2024"));
    expect(result.ok).toBe(false);
    const gaps = (result.findings as Json[]).map((f) => Math.abs(Number(f.gap)));
    expect(gaps).toContain(4);
  });
  it("Ny sjanse 2024: checkFlows reports the exit categories (87) against the stated total (91), gap ±4", () => {
    const result = C.checkFlows(year("ny-sjanse-2024"));
    expect(result.ok).toBe(false);
    const gaps = (result.findings as Json[]).map((f) => Math.abs(Number(f.gap)));
    expect(gaps).toContain(4);
  });
  it("NorA 2024 work rate on exits is 27/84 with a Wilson interval equal to stats.proportionCI", () => {
    const rows = C.outcomeRates(year("nora-2024"), { denominator: "exits" });
    const list = (Array.isArray(rows) ? rows : rows.rows) as Json[];
    const work = list.find((r) => r.outcome === "work");
    expect(work.count).toBe(27);
    expect(work.denominator).toBe(84);
    expect(work.rate).toBeCloseToRel(27 / 84, { rel: 1e-12 });
    expect(work.target).toBe(0.6);
    expect(work.meetsTarget).toBe(false);
  });
});

describe("theories", () => {
  it.each(theoryIds)(
    "%s exists, has source { document, lines }, and passes defineTheory + checkTheory with no errors",
    (id) => {
      const record = (D.theories as Json[]).find((t) => t.id === id);
      expect(record, id).toBeDefined();
      expectSource(record);
      expect(() => T.defineTheory(record)).not.toThrow();
      const check = T.checkTheory(record);
      const errors = (check.findings as Json[]).filter((f) => f.severity === "error");
      expect(errors).toEqual([]);
      expect(check.ok).toBe(true);
    },
  );
  it("the eight NIBR theories reproduce 'Norwegian training integrated' in 7 of 8 projects (the design's compareTheories example)", () => {
    const nibr = (D.theories as Json[]).filter((t) => t.id.startsWith("nibr-"));
    expect(nibr).toHaveLength(8);
    const result = T.compareTheories(nibr);
    const nt = (result.elements as Json[]).find((e) => e.key === "norwegian-training");
    expect(nt?.theories).toHaveLength(7);
  });
});

describe("sweeps over the bundled data: plain JSON or a TiltakError, never NaN", () => {
  const denominators = ["exits", "participants", "activeEnd", "referrals"];
  const cases = (D.programmeYears as Json[]).flatMap((r) =>
    denominators.map((d) => [r.id, d] as [string, string]),
  );
  it.each(cases)("outcomeRates(%s, { denominator: %s })", (id, denominator) => {
    let result: Json;
    try {
      result = C.outcomeRates(year(id), { denominator });
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      expect((e as Json).message).toMatch(
        new RegExp(denominator === "referrals" ? "referral|newReferrals" : denominator, "i"),
      );
      return;
    }
    expectPlainJson(result);
    const rows = (Array.isArray(result) ? result : result.rows) as Json[];
    for (const row of rows) {
      if (row.rate === null) continue;
      expect(row.rate).toBeGreaterThanOrEqual(0);
      expect(row.rate).toBeLessThanOrEqual(1);
      expect(row.lower).toBeLessThanOrEqual(row.rate);
      expect(row.upper).toBeGreaterThanOrEqual(row.rate);
    }
  });
  it("compareProgrammes over NorA 2021, NorA 2024 and Ny sjanse 2024 (work, exits) is plain JSON and notes cautions", () => {
    const recs = ["nora-2021", "nora-2024", "ny-sjanse-2024"].map(year);
    const result = C.compareProgrammes(recs, { outcome: "work", denominator: "exits" });
    expectPlainJson(result);
    expect(JSON.stringify(result).toLowerCase()).toContain("caution");
  });
  it("funnel of the four main programme-years' work counts against the 60 % target is plain JSON", () => {
    // Only records that report a work count (Jobbsjansen 2024 reports none: null, never a guessed 0).
    const units = yearIds
      .map((id) => {
        const r = year(id);
        return { id, events: r.exits.byOutcome.work, n: r.exits.total };
      })
      .filter((u) => u.events !== null && u.n !== null);
    expect(units.length).toBeGreaterThanOrEqual(3);
    expectPlainJson(C.funnel(units, { target: 0.6, levels: [0.95, 0.998] }));
  });
});
