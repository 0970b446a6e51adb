// Two-proportion comparisons: 1e-6 relative against R (two-by-two.json: prop.test Wilson limits
// combined by Newcombe's method 10, escalc RR/OR with Wald intervals, chisq.test, fisher.test).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProgrammes, compareProportions, outcomeRates } from "../src/index.js";
import { jobbsjansen2024, nora2021, nora2024, nySjanse2024 } from "./fixtures.js";
import { reference } from "./reference.js";

interface Triple {
  estimate: number;
  lower: number;
  upper: number;
}
interface TwoByTwoCase {
  name: string;
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  level: number;
  riskDifference: Triple;
  riskRatio: Triple;
  oddsRatio: Triple;
  chiSquare: { statistic: number; df: number; p: number };
  chiSquareYates: { statistic: number; df: number; p: number };
  fisher: { p: number; oddsRatio: number };
  wilson1: [number, number];
  wilson2: [number, number];
}
const ref = reference<{ cases: TwoByTwoCase[] }>("two-by-two.json");
const rel = { rel: 1e-6, abs: 1e-12 };

describe("compareProportions matches R", () => {
  for (const c of ref.cases) {
    it(`${c.name} (level ${c.level})`, () => {
      const got = compareProportions({ x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level });
      for (const key of ["riskDifference", "riskRatio", "oddsRatio"] as const)
        for (const part of ["estimate", "lower", "upper"] as const)
          expect(got[key][part], `${key}.${part}`).toBeCloseToRel(c[key][part], rel);
      expect(got.chiSquare?.statistic).toBeCloseToRel(c.chiSquare.statistic, rel);
      expect(got.chiSquare?.p).toBeCloseToRel(c.chiSquare.p, rel);
      expect(got.chiSquareYates?.statistic).toBeCloseToRel(c.chiSquareYates.statistic, rel);
      expect(got.chiSquareYates?.p).toBeCloseToRel(c.chiSquareYates.p, rel);
      expect(got.fisher.p).toBeCloseToRel(c.fisher.p, rel);
      expect(got.fisher.oddsRatio).toBeCloseToRel(c.fisher.oddsRatio, { rel: 1e-5, abs: 1e-9 });
      expect(got.riskDifference.method).toBe("newcombe");
    });
  }
  it("gives null, not NaN, for a chi-square with an empty column", () => {
    const none = compareProportions({ x1: 0, n1: 10, x2: 0, n2: 12 });
    expect(none.chiSquare).toBeNull();
    expect(none.chiSquareYates).toBeNull();
    expect(none.fisher.p).toBe(1);
    expect(none.fisher.ciUpper).toBeNull();
    expect(JSON.stringify(none)).not.toMatch(/NaN|Infinity/);
  });
  it("rejects counts above their totals and fractional counts", () => {
    expect(() => compareProportions({ x1: 5, n1: 4, x2: 1, n2: 2 })).toThrow(/x1 must be <= n1 \(4\), got 5/);
    expect(() => compareProportions({ x1: 1.5, n1: 4, x2: 1, n2: 2 })).toThrow(/x1/);
  });
});

describe("outcomeRates", () => {
  it("gives NorA 2024's work or education as 50 % of exits and 19 % of participants", () => {
    const exits = outcomeRates(nora2024, { denominator: "exits", outcomes: ["workOrEducation"] })[0];
    const people = outcomeRates(nora2024, { denominator: "participants", outcomes: ["workOrEducation"] })[0];
    expect(exits?.rate).toBe(0.5);
    expect(exits?.denominator).toBe(84);
    expect(people?.rate).toBeCloseToRel(42 / 221, { rel: 1e-15 });
    expect(people?.denominatorKind).toBe("participants");
    // the exits target does not apply to a participants rate
    expect(people?.target).toBeUndefined();
  });
  it("returns plain rows that also answer .rows", () => {
    const rows = outcomeRates(nora2024, { denominator: "exits" });
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.rows).toBe(rows);
    expect(JSON.parse(JSON.stringify(rows))).toEqual([...rows]);
    expect(rows.map((row) => row.outcome)).toEqual([
      "work",
      "education",
      "labourMarketMeasure",
      "healthBenefit",
      "otherFollowUp",
      "workOrEducation",
    ]);
  });
  it("uses Wilson intervals by default (prop.test, correct = FALSE)", () => {
    const c = ref.cases.find((x) => x.name.startsWith("work: NorA 2021") && x.level === 0.95) as TwoByTwoCase;
    const row = outcomeRates(nora2021, { denominator: "exits", outcomes: ["work"] })[0];
    expect(row?.count).toBe(44);
    expect(row?.lower).toBeCloseToRel(c.wilson1[0], rel);
    expect(row?.upper).toBeCloseToRel(c.wilson1[1], rel);
    expect(row?.method).toBe("wilson");
    expect(row?.target).toBe(0.6);
    expect(row?.meetsTarget).toBe(false);
    expect(row?.belowTarget).toBe(true);
  });
  it("lists every reported outcome, rates within [0, 1] and intervals containing them", () => {
    for (const record of [nora2021, nora2024, nySjanse2024, jobbsjansen2024])
      for (const denominator of ["exits", "participants"] as const) {
        if (denominator === "participants" && record === jobbsjansen2024) continue;
        const rows = outcomeRates(record, { denominator, method: "clopper-pearson" });
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.rate).toBeGreaterThanOrEqual(0);
          expect(row.rate).toBeLessThanOrEqual(1);
          expect(row.lower).toBeLessThanOrEqual(row.rate);
          expect(row.upper).toBeGreaterThanOrEqual(row.rate);
        }
      }
    const jobb = outcomeRates(jobbsjansen2024, { denominator: "exits" });
    expect(jobb.map((row) => [row.outcome, row.count])).toEqual([
      ["workOrEducation", 20],
      ["parentalLeaveOrMoved", 7],
    ]);
  });
  it("throws for a missing denominator, a missing outcome and a count above its denominator", () => {
    expect(() => outcomeRates(nySjanse2024, { denominator: "activeEnd" })).toThrow(
      /participants.activeEnd is null/,
    );
    expect(() => outcomeRates(nora2024, { denominator: "exits", outcomes: ["socialAssistance"] })).toThrow(
      /has no count/,
    );
    expect(() =>
      outcomeRates(nora2024, { denominator: "referrals", outcomes: ["otherFollowUp"] }),
    ).not.toThrow();
    const broken = { ...nora2024, participants: { unique: 20 } };
    expect(() => outcomeRates(broken, { denominator: "participants", outcomes: ["work"] })).toThrow(
      /exceed the denominator/,
    );
    expect(() => outcomeRates(nora2024, { denominator: "people" as never })).toThrow(
      /denominator must be one of/,
    );
  });
});

describe("compareProgrammes", () => {
  const result = compareProgrammes([nora2021, nora2024, nySjanse2024], {
    outcome: "work",
    reference: "nora-2024",
  });
  it("builds the harmonised table and compares each record with the reference", () => {
    expect(result.reference).toBe("nora-2024");
    expect(result.comparisons.map((c) => c.id)).toEqual(["nora-2021", "ny-sjanse-2024"]);
    const ny = ref.cases.find(
      (x) => x.name.startsWith("work: Ny sjanse") && x.level === 0.95,
    ) as TwoByTwoCase;
    expect(result.comparisons[1]?.riskDifference.lower).toBeCloseToRel(ny.riskDifference.lower, rel);
    const social = result.rows.filter((row) => row.outcome === "socialAssistance");
    expect(social.map((row) => row.count)).toEqual([6, null, 5]);
    expect(social[1]?.rate).toBeNull();
  });
  it("raises cautions where definitions differ", () => {
    const codes = result.cautions.map((c) => c.code);
    for (const code of [
      "exit-definition",
      "target-group",
      "period",
      "missing-outcome",
      "residual-category",
      "inconsistent-record",
      "denominator",
    ])
      expect(codes, code).toContain(code);
    const group = result.cautions.find((c) => c.code === "target-group");
    expect(group?.message).toMatch(/KVP-only/);
    const inconsistent = result.cautions.filter((c) => c.code === "inconsistent-record").map((c) => c.ids[0]);
    expect(inconsistent).toEqual(["nora-2021", "nora-2024", "ny-sjanse-2024"]);
  });
  it("rejects fewer than two records, duplicate ids and unknown references", () => {
    expect(() => compareProgrammes([nora2024])).toThrow(/at least 2/);
    expect(() => compareProgrammes([nora2024, nora2024])).toThrow(/distinct ids/);
    expect(() => compareProgrammes([nora2024, nora2021], { reference: "x" })).toThrow(
      /reference must be one of/,
    );
    expect(() => compareProgrammes([nora2024, jobbsjansen2024], { outcome: "work" })).toThrow(
      /"work" is not reported in record jobbsjansen-2024/,
    );
  });
});

describe("rate and comparison properties (fast-check, fixed seeds)", () => {
  const counts = fc.record({
    total: fc.integer({ min: 1, max: 400 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    extra: fc.integer({ min: 0, max: 300 }),
  });
  it("rates lie in [0, 1] and their intervals contain them, for every method and denominator", () => {
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom(
          "wilson" as const,
          "clopper-pearson" as const,
          "agresti-coull" as const,
          "jeffreys" as const,
          "wald" as const,
        ),
        ({ total, shares, extra }, method) => {
          const [a = 0, b = 0, c = 0] = shares;
          const work = Math.floor(a * total);
          const education = Math.floor(b * (total - work));
          const other = Math.floor(c * (total - work - education));
          const record = {
            id: "r",
            programme: "R",
            period: { start: "2024-01-01", end: "2024-12-31" },
            participants: { unique: total + extra },
            exits: { total, byOutcome: { work, education, other } },
            source: { document: "d", lines: "p. 1" },
          };
          for (const denominator of ["exits", "participants"] as const)
            for (const row of outcomeRates(record, { denominator, method })) {
              expect(row.rate).toBeGreaterThanOrEqual(0);
              expect(row.rate).toBeLessThanOrEqual(1);
              expect(row.lower).toBeGreaterThanOrEqual(0);
              expect(row.upper).toBeLessThanOrEqual(1);
              expect(row.lower).toBeLessThanOrEqual(row.rate + 1e-12);
              expect(row.upper).toBeGreaterThanOrEqual(row.rate - 1e-12);
            }
        },
      ),
      { seed: 17, numRuns: 200 },
    );
  });
  it("risk difference, ratio and odds ratio intervals contain their estimates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, s1, s2) => {
          const result = compareProportions({ x1: Math.round(s1 * n1), n1, x2: Math.round(s2 * n2), n2 });
          for (const key of ["riskDifference", "riskRatio", "oddsRatio"] as const) {
            const interval = result[key];
            // with a zero cell the ratio estimates are computed after adding 1/2, like their intervals
            expect(interval.lower).toBeLessThanOrEqual(interval.estimate + 1e-12);
            expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate - 1e-12);
          }
          expect(result.riskDifference.lower).toBeGreaterThanOrEqual(-1);
          expect(result.riskDifference.upper).toBeLessThanOrEqual(1);
          expect(result.fisher.p).toBeGreaterThan(0);
          expect(result.fisher.p).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { seed: 23, numRuns: 300 },
    );
  });
});
