/**
 * Contract tests for @tiltak/compare against docs/design.md ("### @tiltak/compare") and issue 6, with fresh
 * metafor 3.8.1 / R 4.2 reference values from test/reference/contract/generate.R: escalc on dat.bcg and
 * on custom tables (zero cells, proportions), rma with every estimator on dat.bcg, dat.normand1999 (MD)
 * and a small custom set at level 90. Tolerance 1e-6 relative.
 */
import * as comparePkg from "@tiltak/compare";
import { nora2024 } from "@tiltak/datasets";
import fc from "fast-check";
import { compare as umbrellaCompare } from "tiltak";
import { describe, expect, it } from "vitest";
import { caught, expectKeys, expectPlainJson, expectTiltakError, type Json, REL, ref } from "./helpers.js";

const C = comparePkg as Json;

const designExports = [
  "ProgrammeYear",
  "checkFlows",
  "outcomeRates",
  "effectSizes",
  "metaAnalysis",
  "funnel",
  "compareProgrammes",
];
const metaKeys = [
  "estimate",
  "se",
  "ciLower",
  "ciUpper",
  "z",
  "p",
  "Q",
  "QP",
  "tau2",
  "I2",
  "H2",
  "piLower",
  "piUpper",
];

/** A consistent programme-year in docs/design.md's abridged shape: 100 unique = 60 exits + 40 active at end. */
function record(): Json {
  return {
    id: "contract-2025",
    programme: "Contract programme",
    organisation: "Test kommune",
    municipality: "Test",
    period: { start: "2025-01-01", end: "2025-12-31" },
    participants: { unique: 100, activeEnd: 40, newReferrals: 55 },
    exits: {
      total: 60,
      definition: "planned",
      byOutcome: { work: 30, education: 10, healthBenefit: 5, otherFollowUp: 15 },
    },
    targets: { work: 0.6 },
    source: { document: "contract", lines: "pp. 1–2" },
  };
}

function rowsOf(result: Json): Json[] {
  return (Array.isArray(result) ? result : result.rows) as Json[];
}

describe("@tiltak/compare exports (docs/design.md table)", () => {
  it.each(designExports)("%s is exported by the package and the umbrella namespace", (name) => {
    expect(C[name]).toBeDefined();
    expect((umbrellaCompare as Json)[name]).toBe(C[name]);
  });
  it("ProgrammeYear is a schema (parse/safeParse)", () => {
    expect(typeof C.ProgrammeYear.safeParse).toBe("function");
    expect(C.ProgrammeYear.safeParse(record()).success).toBe(true);
  });
});

describe("effectSizes = metafor::escalc", () => {
  for (const [name, c] of Object.entries(ref.escalc as Record<string, Json>)) {
    it(`escalc ${name} (measure ${c.measure})`, () => {
      const input = c.m1i
        ? { measure: c.measure, m1i: c.m1i, sd1i: c.sd1i, n1i: c.n1i, m2i: c.m2i, sd2i: c.sd2i, n2i: c.n2i }
        : c.xi
          ? { measure: c.measure, xi: c.xi, ni: c.ni }
          : { measure: c.measure, ai: c.ai, bi: c.bi, ci: c.ci, di: c.di };
      const r = C.effectSizes(input);
      expectKeys(r, ["yi", "vi"]);
      expectPlainJson(r);
      expect(r.yi).toHaveLength(c.yi.length);
      for (const [i, y] of (c.yi as number[]).entries()) {
        expect(r.yi[i], `yi[${i}]`).toBeCloseToRel(y, { rel: REL, abs: 1e-12 });
      }
      for (const [i, v] of (c.vi as number[]).entries()) {
        expect(r.vi[i], `vi[${i}]`).toBeCloseToRel(v, { rel: REL });
      }
    });
  }
  it("bad input: unknown measure, negative cell, unequal lengths, xi > ni", () => {
    expectTiltakError(
      () => C.effectSizes({ measure: "XYZ", ai: [1], bi: [2], ci: [3], di: [4] }),
      "INVALID_INPUT",
      "measure",
    );
    expectTiltakError(
      () => C.effectSizes({ measure: "OR", ai: [-1], bi: [2], ci: [3], di: [4] }),
      "INVALID_INPUT",
      "ai",
    );
    expectTiltakError(
      () => C.effectSizes({ measure: "OR", ai: [1, 2], bi: [2], ci: [3], di: [4] }),
      "INVALID_INPUT",
    );
    expectTiltakError(() => C.effectSizes({ measure: "PLO", xi: [12], ni: [10] }), "INVALID_INPUT", "xi");
  });
});

describe("metaAnalysis = metafor::rma", () => {
  for (const f of ref.rma.fits as Json[]) {
    it(`rma ${f.data} method ${f.method} level ${f.level}`, () => {
      const data = ref.rma.data[f.data];
      const opts: Json = { yi: data.yi, vi: data.vi, method: f.method };
      if (f.level !== 0.95) opts.level = f.level;
      const r = C.metaAnalysis(opts);
      expectKeys(r, metaKeys);
      expectPlainJson(r);
      for (const k of metaKeys) {
        const abs = k === "tau2" || k === "I2" ? 1e-10 : 0;
        expect(r[k], k).toBeCloseToRel(f[k], { rel: REL, abs });
      }
    });
  }
  it("default method is REML (as rma)", () => {
    const d = ref.rma.data["bcg-RR"];
    const reml = (ref.rma.fits as Json[]).find((f) => f.data === "bcg-RR" && f.method === "REML");
    expect(C.metaAnalysis({ yi: d.yi, vi: d.vi }).tau2).toBeCloseToRel(reml.tau2, { rel: REL });
  });
  it("I2 is in percent", () => {
    const d = ref.rma.data["bcg-RR"];
    expect(C.metaAnalysis({ yi: d.yi, vi: d.vi, method: "DL" }).I2).toBeGreaterThan(50);
  });
  it("property: ciLower ≤ estimate ≤ ciUpper and piLower ≤ ciLower, tau2 ≥ 0, 0 ≤ I2 ≤ 100", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -2, max: 2, noNaN: true }),
            fc.double({ min: 0.005, max: 0.5, noNaN: true }),
          ),
          { minLength: 3, maxLength: 12 },
        ),
        fc.constantFrom("FE", "DL", "REML", "PM", "HE", "SJ", "ML"),
        (pairs, method) => {
          const r = C.metaAnalysis({ yi: pairs.map((p) => p[0]), vi: pairs.map((p) => p[1]), method });
          expect(r.ciLower).toBeLessThanOrEqual(r.estimate);
          expect(r.ciUpper).toBeGreaterThanOrEqual(r.estimate);
          expect(r.piLower).toBeLessThanOrEqual(r.ciLower + 1e-12);
          expect(r.tau2).toBeGreaterThanOrEqual(0);
          expect(r.I2).toBeGreaterThanOrEqual(0);
          expect(r.I2).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 25, seed: 9 },
    );
  });
  it("bad input: negative vi", () =>
    expectTiltakError(() => C.metaAnalysis({ yi: [0.1, 0.2], vi: [0.01, -0.02] }), "INVALID_INPUT", "vi"));
  it("bad input: unknown method", () =>
    expectTiltakError(
      () => C.metaAnalysis({ yi: [0.1, 0.2], vi: [0.01, 0.02], method: "BAYES" }),
      "INVALID_INPUT",
      "method",
    ));
  it("bad input: yi and vi of different lengths", () =>
    expectTiltakError(() => C.metaAnalysis({ yi: [0.1, 0.2, 0.3], vi: [0.01, 0.02] }), "INVALID_INPUT"));
  it("bad input: level outside (0, 100)", () =>
    expectTiltakError(
      () => C.metaAnalysis({ yi: [0.1, 0.2], vi: [0.01, 0.02], level: 150 }),
      "INVALID_INPUT",
      "level",
    ));
  it("level 90 (metafor's percent) gives the same fit as level 0.9 (documented in the package)", () => {
    const d = ref.rma.data.small;
    const a = C.metaAnalysis({ yi: d.yi, vi: d.vi, level: 0.9 });
    const b = C.metaAnalysis({ yi: d.yi, vi: d.vi, level: 90 });
    expect(b.ciLower).toBe(a.ciLower);
    expect(b.level).toBe(0.9);
  });
});

describe("checkFlows", () => {
  it("a consistent record is ok with no findings; shape { ok, findings }", () => {
    const r = C.checkFlows(record());
    expectPlainJson(r);
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
  });
  it("unique ≠ exits + activeEnd → finding with rule, gap (5) and message", () => {
    const rec = record();
    rec.participants.unique = 105;
    const r = C.checkFlows(rec);
    expect(r.ok).toBe(false);
    const f = (r.findings as Json[]).find((x) => Math.abs(x.gap) === 5);
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expectKeys(f, ["rule", "gap", "message"]);
  });
  it("categories that do not sum to the total → finding with gap 3", () => {
    const rec = record();
    rec.exits.byOutcome.work = 33;
    const r = C.checkFlows(rec);
    expect(r.ok).toBe(false);
    expect((r.findings as Json[]).some((x) => Math.abs(x.gap) === 3)).toBe(true);
  });
  it("a negative count → TiltakError INVALID_INPUT naming the field (never a silent number)", () => {
    const rec = record();
    rec.exits.byOutcome.work = -3;
    expectTiltakError(() => C.checkFlows(rec), "INVALID_INPUT", "work");
  });
});

describe("outcomeRates(record, { denominator, method? })", () => {
  it("rows { outcome, count, denominator, rate, lower, upper, target?, meetsTarget? }; Wilson = prop.test for 27/84", () => {
    const rows = rowsOf(C.outcomeRates(nora2024, { denominator: "exits" }));
    expectPlainJson(rows);
    for (const row of rows) expectKeys(row, ["outcome", "count", "denominator", "rate", "lower", "upper"]);
    const work = rows.find((r) => r.outcome === "work");
    const wilson = (ref.proportionCI as Json[])[0].wilson;
    expect(work.lower).toBeCloseToRel(wilson[0], { rel: 1e-9 });
    expect(work.upper).toBeCloseToRel(wilson[1], { rel: 1e-9 });
    expect(work.meetsTarget).toBe(false);
  });
  it.each(["exits", "participants", "activeEnd", "referrals"])(
    "denominator %s is accepted and used",
    (denominator) => {
      const rows = rowsOf(C.outcomeRates(record(), { denominator }));
      const work = rows.find((r) => r.outcome === "work");
      const expected = { exits: 60, participants: 100, activeEnd: 40, referrals: 55 }[denominator]!;
      expect(work.denominator).toBe(expected);
      expect(work.rate).toBeCloseToRel(30 / expected, { rel: 1e-12 });
      expect(work.lower).toBeLessThanOrEqual(work.rate);
      expect(work.upper).toBeGreaterThanOrEqual(work.rate);
    },
  );
  it("method clopper-pearson uses binom.test's interval", () => {
    const rows = rowsOf(C.outcomeRates(nora2024, { denominator: "exits", method: "clopper-pearson" }));
    const work = rows.find((r) => r.outcome === "work");
    const cp = (ref.proportionCI as Json[])[0]["clopper-pearson"];
    expect(work.lower).toBeCloseToRel(cp[0], { rel: 1e-9 });
    expect(work.upper).toBeCloseToRel(cp[1], { rel: 1e-9 });
  });
  it("unknown denominator → TiltakError naming denominator", () => {
    expectTiltakError(
      () => C.outcomeRates(record(), { denominator: "cohort" }),
      "INVALID_INPUT",
      "denominator",
    );
  });
});

describe("funnel(units, { target?, levels })", () => {
  const units = [
    { id: "a", events: 12, n: 40 },
    { id: "b", events: 30, n: 60 },
    { id: "c", events: 3, n: 35 },
    { id: "d", events: 70, n: 120 },
  ];
  it("normal control limits p0 ± z·√(p0(1−p0)/n) at 95 % and 99.8 %, flags outside them", () => {
    const r = C.funnel(units, { target: 0.3, levels: [0.95, 0.998] });
    expectPlainJson(r);
    const z = { 0.95: 1.959963984540054, 0.998: 3.090232306167813 } as Record<number, number>;
    for (const u of r.units as Json[]) {
      for (const lim of u.limits as Json[]) {
        const half = z[lim.level]! * Math.sqrt((0.3 * 0.7) / u.n);
        expect(lim.normalLower).toBeCloseToRel(0.3 - half, { rel: 1e-9, abs: 1e-12 });
        expect(lim.normalUpper).toBeCloseToRel(0.3 + half, { rel: 1e-9 });
      }
    }
    const d = (r.units as Json[]).find((u) => u.id === "d");
    expect(d.flag).not.toMatch(/^(in|within|none|ok)/i); // 70/120 = 0.58 is far above 0.3
  });
  it("bad input: events > n", () => {
    const e = caught(() => C.funnel([{ id: "u", events: 12, n: 10 }], { target: 0.3, levels: [0.95] }));
    expect(e?.name).toBe("TiltakError");
    expect(e?.code).toBe("INVALID_INPUT");
    expect(String(e?.message)).toMatch(/events|\.x\b/);
  });
});

describe("compareProgrammes(records, options)", () => {
  it("returns a plain-JSON comparison table naming each record", () => {
    const r = C.compareProgrammes([nora2024, record()], { outcome: "work", denominator: "exits" });
    expectPlainJson(r);
    const text = JSON.stringify(r);
    expect(text).toContain("nora-2024");
    expect(text).toContain("contract-2025");
  });
  it("an empty list → TiltakError", () => {
    const e = caught(() => C.compareProgrammes([], { outcome: "work", denominator: "exits" }));
    expect(e?.name).toBe("TiltakError");
  });
});

describe("issue 6 extra: Knapp–Hartung (rma test = 'knha')", () => {
  it("metaAnalysis({ method: 'REML', test: 'knha' }) on dat.bcg = rma(test = 'knha')", () => {
    const k = ref.knha;
    const d = ref.rma.data[k.data];
    const r = C.metaAnalysis({ yi: d.yi, vi: d.vi, method: "REML", test: "knha" });
    expectPlainJson(r);
    for (const key of ["estimate", "se", "ciLower", "ciUpper", "p", "tau2"]) {
      expect(r[key], key).toBeCloseToRel(k[key], { rel: REL });
    }
  });
});

describe("edge cases stay plain JSON (no NaN)", () => {
  // identical estimates (Q = 0) are compared with metafor in the "identical" rows of the rma reference above.
  it("metaAnalysis on a single study is plain JSON", () => {
    expectPlainJson(C.metaAnalysis({ yi: [0.3], vi: [0.02], method: "FE" }));
  });
});

describe("issue 6: two programmes compared (Newcombe RD, Katz RR, Woolf OR, chi-square, Fisher)", () => {
  it.each(ref.compareProportions as Json[])("compareProportions($x1/$n1 vs $x2/$n2, level $level)", (c) => {
    const r = C.compareProportions({ x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level });
    expectPlainJson(r);
    const triple = (i: Json) => [i.estimate, i.lower, i.upper];
    for (const [got, want] of [
      [triple(r.riskDifference), c.rd],
      [triple(r.riskRatio), c.rr],
      [triple(r.oddsRatio), c.or],
    ] as [number[], number[]][]) {
      for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseToRel(want[k]!, { rel: 1e-9 });
    }
    expect(r.chiSquare.statistic).toBeCloseToRel(c.chisq, { rel: 1e-9 });
    expect(r.chiSquareYates.statistic).toBeCloseToRel(c.chisqYates, { rel: 1e-9 });
    expect(r.fisher.p).toBeCloseToRel(c.fisherP, { rel: 1e-9 });
  });
  it("x1 > n1 → TiltakError naming x1", () => {
    expectTiltakError(() => C.compareProportions({ x1: 30, n1: 20, x2: 3, n2: 10 }), "INVALID_INPUT", "x1");
  });
});

describe("funnel exact binomial limits = Spiegelhalter (2005) appendix A.1.1 (interpolated qbinom)", () => {
  const units = [
    { id: "a", events: 12, n: 40 },
    { id: "b", events: 30, n: 60 },
    { id: "c", events: 3, n: 35 },
    { id: "d", events: 70, n: 120 },
  ];
  it.each(ref.funnelLimits as Json[])("n = $n, level $level, target 0.3", (c) => {
    const r = C.funnel(units, { target: c.target, levels: [0.95, 0.998] });
    const unit = (r.units as Json[]).find((u) => u.n === c.n);
    const lim = (unit.limits as Json[]).find((l) => l.level === c.level);
    expect(lim.exactLower).toBeCloseToRel(c.exactLower, { rel: 1e-9, abs: 1e-12 });
    expect(lim.exactUpper).toBeCloseToRel(c.exactUpper, { rel: 1e-9 });
  });
});

describe("issue 6 bad records: a TiltakError or a finding, never silent numbers", () => {
  it("a target rate outside [0, 1] → TiltakError naming work", () => {
    const rec = record();
    rec.targets.work = 1.5;
    expectTiltakError(() => C.checkFlows(rec), "INVALID_INPUT", "work");
  });
  it("exits.total larger than participants.unique → a finding or TiltakError", () => {
    const rec = record();
    rec.exits.total = 160;
    rec.exits.byOutcome.otherFollowUp = 115;
    let result: Json;
    try {
      result = C.checkFlows(rec);
    } catch (e) {
      expect((e as Json).name).toBe("TiltakError");
      return;
    }
    expect(result.ok).toBe(false);
    expect(result.findings.length).toBeGreaterThan(0);
  });
  it("outcomeRates on a record with a negative count → TiltakError", () => {
    const rec = record();
    rec.participants.unique = -100;
    expectTiltakError(() => C.outcomeRates(rec, { denominator: "participants" }), "INVALID_INPUT", "unique");
  });
});
