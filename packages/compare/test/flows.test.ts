import { describe, expect, it } from "vitest";
import { checkFlows, defineProgrammeYear, ProgrammeYear, programmeYearSchema } from "../src/index.js";
import { jobbsjansen2024, nora2021, nora2024, nySjanse2024 } from "./fixtures.js";

describe("ProgrammeYear schema", () => {
  it("is exported under both names and fills unreported counts with null", () => {
    expect(ProgrammeYear).toBe(programmeYearSchema);
    const record = defineProgrammeYear(nora2024);
    expect(record.participants.carriedIn).toBeNull();
    expect(record.exits.byOutcome.socialAssistance).toBeNull();
    expect(record.exits.byOutcome.work).toBe(27);
    expect(record.targetsDenominator).toBe("exits");
  });
  it("accepts a year or a date range as the period and wording as the exit definition", () => {
    const a = defineProgrammeYear({
      ...nora2024,
      period: 2024,
      exits: { total: 84, definition: "planmessig avsluttet" },
    });
    expect(a.period).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(a.exits.definition).toBe("planned");
    expect(a.exits.definitionLabel).toBe("planmessig avsluttet");
    const b = defineProgrammeYear({
      ...nora2024,
      period: "2024-07-01/2025-06-30",
      exits: { total: 84, definition: "eksklusiv flytting" },
    });
    expect(b.period).toEqual({ start: "2024-07-01", end: "2025-06-30" });
    expect(b.exits.definition).toBe("plannedExcludingMoves");
    expect(
      defineProgrammeYear({ ...nora2024, exits: { total: 1, definition: "som avtalt" } }).exits.definition,
    ).toBe("unspecified");
    expect(() => defineProgrammeYear({ ...nora2024, period: "2024-13" })).toThrow(
      /period must be \{ start, end \}/,
    );
  });
  it("leaves out unknown top-level fields and flags them", () => {
    const record = defineProgrammeYear({ ...nora2024, year: 2024, country: "NO" } as never);
    expect("year" in record).toBe(false);
    expect(record.flags?.map((f) => [f.code, f.path])).toEqual([
      ["ignored", "year"],
      ["ignored", "country"],
    ]);
  });
  it("is idempotent on parsed records", () => {
    const once = defineProgrammeYear(jobbsjansen2024);
    expect(defineProgrammeYear(once)).toEqual(once);
  });
  it("back-solves percent-only figures and flags them", () => {
    const record = defineProgrammeYear(jobbsjansen2024);
    expect(record.exits.reported.map((line) => line.count)).toEqual([20, 7]);
    expect(record.flags?.map((flag) => flag.code)).toEqual(["back-solved", "back-solved"]);
    expect(record.flags?.[0]?.path).toBe("exits.reported[0].count");
  });
  it("rejects negative counts, fractional counts, rates outside [0, 1], unknown fields", () => {
    const bad = (patch: Record<string, unknown>) => () =>
      defineProgrammeYear({ ...nora2024, ...patch } as never);
    expect(bad({ participants: { unique: -1 } })).toThrow(
      /participants.unique must be a non-negative integer or null, got -1/,
    );
    expect(bad({ participants: { unique: 2.5 } })).toThrow(/participants.unique/);
    expect(bad({ targets: { work: 60 } })).toThrow(/targets.work/);
    expect(bad({ reportedRates: [{ outcome: "work", rate: 1.5, denominator: "exits" }] })).toThrow(
      /reportedRates\[0\].rate/,
    );
    expect(bad({ exits: { total: 84, byOutcome: { job: 3 } } })).toThrow(/exits.byOutcome.job/);
    expect(bad({ period: { start: "2024-12-31", end: "2024-01-01" } })).toThrow(/period.end/);
  });
  it("throws INCONSISTENT_DATA for a percent no whole count reproduces", () => {
    const record = {
      ...jobbsjansen2024,
      exits: { total: 3, reported: [{ label: "x", gloss: "x", percent: 50, outcome: "work" as const }] },
    };
    expect(() => defineProgrammeYear(record)).toThrow(/cannot be reproduced/);
  });
});

describe("checkFlows", () => {
  it("finds NorA 2024's four unaccounted participants and the 50 % of participants that is 50 % of exits", () => {
    const check = checkFlows(nora2024);
    expect(check.ok).toBe(false);
    const stock = check.findings.find((f) => f.rule === "stock-flow");
    expect(stock?.gap).toBe(4);
    expect(stock?.severity).toBe("warning");
    expect(stock?.message).toMatch(/4 participants unaccounted for/);
    const rate = check.findings.find((f) => f.rule === "reported-rate");
    expect(rate?.gap).toBeCloseToRel(0.5 - 42 / 221, { rel: 1e-12 });
    expect(rate?.message).toMatch(/19\.0 %/);
    expect(rate?.message).toMatch(/exits \(42\/84 = 50\.0 %\)/);
    expect(check.findings.filter((f) => f.rule === "categories-total")).toEqual([]);
    expect(check.notChecked.find((n) => n.rule === "entries")?.message).toMatch(/implied carried in: 130/);
  });
  it("finds Ny sjanse's 87 against 91 and the percentages that fit 87", () => {
    const check = checkFlows(nySjanse2024);
    const categories = check.findings.find((f) => f.rule === "categories-total");
    expect(categories?.gap).toBe(4);
    expect(categories?.message).toMatch(/sum to 87, not the stated exits.total 91/);
    expect(categories?.message).toMatch(/4 who moved/);
    const percents = check.findings.filter((f) => f.rule === "reported-percent");
    expect(percents.map((f) => f.paths[0])).toEqual([
      "exits.reported[0].percent",
      "exits.reported[2].percent",
    ]);
    expect(percents[1]?.message).toMatch(/reproduce over the 87 classified exits/);
    expect(check.notChecked.find((n) => n.rule === "stock-flow")?.message).toMatch(
      /implied active at end: 115/,
    );
  });
  it("finds NorA 2021's off-by-one", () => {
    const check = checkFlows(nora2021);
    const stock = check.findings.find((f) => f.rule === "stock-flow");
    expect(stock?.gap).toBe(-1);
    expect(stock?.severity).toBe("error");
    expect(check.findings.find((f) => f.rule === "categories-total")).toBeUndefined();
    const work = check.findings.find((f) => f.rule === "reported-rate" && f.message.includes("43 prosent"));
    expect(work?.message).toMatch(/reproduces over exits \(44\/102 = 43\.1 %\)/);
    // "AAP 23 %" is 24/102 = 23.5 %: truncated, not rounded, so it misses by 0.5 points
    const aap = check.findings.find((f) => f.rule === "reported-rate" && f.message.includes("healthBenefit"));
    expect(aap?.gap).toBeCloseToRel(0.23 - 24 / 102, { rel: 1e-12 });
  });
  it("passes a consistent record and checks the percent-only one from its reported lines", () => {
    expect(checkFlows(jobbsjansen2024).findings).toEqual([]);
    const consistent = {
      ...nora2024,
      participants: { unique: 221, activeEnd: 133, unplannedExits: 4, carriedIn: 130, newReferrals: 91 },
      reportedRates: [],
    };
    const check = checkFlows(consistent);
    expect(check.ok).toBe(true);
    expect(check.findings).toEqual([]);
  });
  it("reports categories exceeding the total and a broken work split", () => {
    const check = checkFlows({
      ...nora2024,
      exits: { total: 20, byOutcome: { work: 27, workFullTime: 20, workPartTime: 5 } },
      reportedRates: [],
    });
    expect(check.findings.map((f) => f.rule).sort()).toEqual([
      "categories-total",
      "category-exceeds-total",
      "stock-flow",
      "work-split",
    ]);
    expect(check.findings.find((f) => f.rule === "categories-total")?.gap).toBe(-7);
  });
  it("throws on a malformed record", () => {
    expect(() => checkFlows({ ...nora2024, exits: { total: -4 } })).toThrow(/exits.total/);
  });
});
