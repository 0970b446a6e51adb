// programmeYearsFromSpells: exact counts on hand-made spells covering every edge of the definitions,
// bad-row handling, and properties on generated spells (identities by construction; totals conserved
// across any partition of a period). Counts are integers: every comparison is exact.
import { checkFlows, programmeYearsFromSpells, type SpellsResult } from "@tiltak/compare";
import { createRng, isTiltakError } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

type Row = Record<string, string | boolean | null>;
const spell = (
  personId: string,
  referred: string,
  start: string | null,
  end: string | null,
  exitReason: string | null = null,
  extra: Row = {},
): Row => ({ personId, referred, start, end, exitReason, ...extra });

// One row per edge; the comments give each row's part in 2024.
const edges: Row[] = [
  spell("P1", "2024-01-05", "2024-01-10", "2024-06-30", "jobb"), // starts and ends in the period
  spell("P2", "2023-05-01", "2023-06-01", "2025-02-01", "jobb"), // spans the period: carried in, active at end
  spell("P3", "2024-12-20", "2024-12-31", null), // starts on the last day: active at end
  spell("P4", "2024-03-01", "2024-03-01", "2024-12-31", "skole"), // ends on the last day: an exit
  spell("P5", "2024-12-31", "2024-12-31", "2024-12-31", "moved"), // starts and ends on the last day
  spell("P6", "2022-12-01", "2023-01-01", "2024-01-01", "jobb"), // ends on the first day: carried in, exit
  spell("P7", "2022-12-01", "2023-01-01", "2023-12-31", "jobb"), // ends the day before: not in 2024
  spell("P8", "2024-01-02", "2024-01-03", "2024-04-01", "healthBenefit"), // a reason that is an outcome key
  spell("P8", "2024-05-01", "2024-05-02", "2024-09-01", "jobb"), // re-referral, ends in the period
  spell("P9", "2024-01-10", "2024-01-15", "2024-02-15", "flyttet til utlandet"), // unmapped reason
  spell("P9", "2024-06-01", "2024-06-10", null), // re-referral still active
  spell("P10", "2024-07-01", null, null), // never started
  spell("P11", "2024-02-01", null, null), // never started, then
  spell("P11", "2024-03-01", "2024-03-05", null), // re-referred and started
  spell("P12", "2023-12-15", "2024-01-05", "2024-08-01", null), // referred the year before; no reason
  spell("P13", "2024-01-20", "2024-02-01", "2024-03-01", "jobb"), // touching spells: the next starts
  spell("P13", "2024-02-20", "2024-03-01", null), // the day the previous ends
];
const outcomes = { jobb: "work", skole: "education" } as const;

const zeroOutcomes = {
  work: 0,
  workFullTime: 0,
  workPartTime: 0,
  education: 0,
  primarySchool: 0,
  labourMarketMeasure: 0,
  healthBenefit: 0,
  socialAssistance: 0,
  parentalLeave: 0,
  supportedByFamily: 0,
  otherFollowUp: 0,
  moved: 0,
  other: 0,
  unknown: 0,
};

describe("programmeYearsFromSpells: hand-made edges, 2024", () => {
  it("unit spell: each spell counts", () => {
    const result = programmeYearsFromSpells(edges, { periods: 2024, outcomes, unit: "spell" });
    expect(result.records).toHaveLength(1);
    const r = result.records[0]!;
    expect(r.participants).toMatchObject({
      unique: 14,
      carriedIn: 2,
      started: 12,
      activeEnd: 5,
      newReferrals: 13,
      noShows: 2,
      unplannedExits: null,
    });
    expect(r.exits.total).toBe(9);
    expect(r.exits.definition).toBe("all");
    expect(r.exits.byOutcome).toEqual({
      ...zeroOutcomes,
      work: 4,
      workFullTime: null, // some exits map to plain work, so the split is not known
      workPartTime: null,
      education: 1,
      moved: 1,
      healthBenefit: 1,
      other: 1,
      unknown: 1,
    });
    expect(r.flags).toEqual([
      {
        code: "unmapped",
        path: "exits.byOutcome.other",
        message:
          'exit with reasons not in options.outcomes counted as other: "flyttet til utlandet" 1'.replace(
            /^/,
            "1 ",
          ),
      },
    ]);
    expect(result.unmappedReasons).toEqual([{ reason: "flyttet til utlandet", spells: 1, firstRow: 10 }]);
    expect(checkFlows(r).ok).toBe(true);
    expect(r.participants.definition).toContain("counts twice");
  });

  it("unit person: a person counts once, as active if any spell is, else by the last exit", () => {
    const result = programmeYearsFromSpells(edges, { periods: 2024, outcomes });
    const r = result.records[0]!;
    expect(r.participants).toMatchObject({
      unique: 11,
      carriedIn: 2,
      started: 9,
      activeEnd: 5,
      newReferrals: 9,
      noShows: 1,
    });
    expect(r.exits.total).toBe(6);
    // P8's last exit is work (row 9), not its first (healthBenefit); P9 is active, so its unmapped exit is not counted
    expect(r.exits.byOutcome).toEqual({
      ...zeroOutcomes,
      work: 3,
      workFullTime: null,
      workPartTime: null,
      education: 1,
      moved: 1,
      unknown: 1,
    });
    expect(r.flags).toBeUndefined();
    expect(result.unmappedReasons).toEqual([{ reason: "flyttet til utlandet", spells: 1, firstRow: 10 }]);
    expect(checkFlows(r)).toMatchObject({ ok: true, findings: [] });
    expect(r.participants.definition).toContain("counts once");
  });

  it("consecutive years chain: active at the end of 2023 = carried into 2024", () => {
    for (const unit of ["person", "spell"] as const) {
      const { records, groups } = programmeYearsFromSpells(edges, { periods: [2023, 2024], outcomes, unit });
      expect(groups.map((g) => g.period.start)).toEqual(["2023-01-01", "2024-01-01"]);
      expect(records[0]!.participants).toMatchObject({ unique: 3, activeEnd: 2, carriedIn: 0 });
      expect(records[0]!.exits.byOutcome.work).toBe(1); // P7, ending on 31 December 2023
      expect(records[1]!.participants.carriedIn).toBe(records[0]!.participants.activeEnd);
    }
  });

  it('periods "years" run from the earliest to the latest date of the valid spells', () => {
    const { records, options } = programmeYearsFromSpells(edges, { outcomes });
    expect(options.periods.map((p) => p.label)).toEqual(["2022", "2023", "2024", "2025"]);
    expect(records.map((r) => r.id)).toEqual(["spells:2022", "spells:2023", "spells:2024", "spells:2025"]);
    expect(records[3]!.participants).toMatchObject({ unique: 5, activeEnd: 4, carriedIn: 5 }); // P2 ends 2025-02-01; 4 still active
  });

  it("quarters and months are labelled; a spell starting on a quarter's last day is active at its end", () => {
    const { records } = programmeYearsFromSpells(
      [spell("A", "2024-03-01", "2024-03-31", "2024-04-01", "jobb")],
      {
        periods: "quarters",
        outcomes,
      },
    );
    expect(records.map((r) => r.id)).toEqual(["spells:2024-Q1", "spells:2024-Q2"]);
    expect(records[0]!.participants).toMatchObject({ unique: 1, started: 1, activeEnd: 1 });
    expect(records[1]!.participants).toMatchObject({ unique: 1, carriedIn: 1, activeEnd: 0 });
    expect(records[1]!.exits.byOutcome.work).toBe(1);
    const months = programmeYearsFromSpells([spell("A", "2024-02-01", "2024-02-29", null)], {
      periods: "months",
    });
    expect(months.records.map((r) => r.id)).toEqual(["spells:2024-02"]);
    const custom = programmeYearsFromSpells([spell("A", "2024-02-01", "2024-02-29", null)], {
      periods: "2024-02-10/2024-06-30",
    });
    expect(custom.records[0]!.id).toBe("spells:2024-02-10/2024-06-30");
  });

  it("exitDefinition planned: planned exits in exits.total, the others in unplannedExits", () => {
    const rows = [
      spell("A", "2024-01-01", "2024-01-02", "2024-05-01", "jobb", { planned: true }),
      spell("B", "2024-01-01", "2024-01-02", "2024-06-01", "jobb", { planned: false }),
      spell("C", "2024-01-01", "2024-01-02", "2024-07-01", "skole", { planned: "TRUE" }),
      spell("D", "2024-01-01", "2024-01-02", null, null, { planned: null }),
    ];
    const { records } = programmeYearsFromSpells(rows, {
      periods: 2024,
      outcomes,
      exitDefinition: "planned",
    });
    const r = records[0]!;
    expect(r.exits.total).toBe(2);
    expect(r.exits.definition).toBe("planned");
    expect(r.participants.unplannedExits).toBe(1);
    expect(r.exits.byOutcome.work).toBe(1);
    expect(r.exits.byOutcome.education).toBe(1);
    expect(checkFlows(r).ok).toBe(true);
    expect(() =>
      programmeYearsFromSpells([spell("A", "2024-01-01", "2024-01-02", "2024-05-01")], {
        exitDefinition: "planned",
        fields: { planned: "p" },
      }),
    ).toThrow(/must have the column "p"/);
  });

  it("groupBy: one record per group and period, groups sorted, a person counted within each group", () => {
    const rows = [
      spell("A", "2024-01-01", "2024-01-02", null, null, { office: "Bergen" }),
      spell("B", "2024-01-01", "2024-01-02", "2024-03-01", "jobb", { office: "Arna" }),
      spell("C", "2024-01-01", "2024-01-02", null, null, { office: null }),
    ];
    const result = programmeYearsFromSpells(rows, { periods: [2024], groupBy: ["office"], outcomes });
    expect(result.groups.map((g) => g.group.office)).toEqual([null, "Arna", "Bergen"]);
    expect(result.records.map((r) => r.id)).toEqual([
      "spells:office=null:2024",
      "spells:office=Arna:2024",
      "spells:office=Bergen:2024",
    ]);
    expect(result.records[1]!.exits.byOutcome.work).toBe(1);
  });

  it("columns, renamed fields and Arquero-like tables give the same records", () => {
    const columns = {
      id: ["A", "B"],
      henvist: ["2024-01-01", "2024-02-01"],
      fra: ["2024-01-02", "2024-02-02"],
      til: ["2024-03-01", null],
      grunn: ["jobb", null],
    };
    const fields = { personId: "id", referred: "henvist", start: "fra", end: "til", exitReason: "grunn" };
    const a = programmeYearsFromSpells(columns, { periods: 2024, fields, outcomes });
    const rows = columns.id.map((_, i) =>
      Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v[i] ?? null])),
    );
    const b = programmeYearsFromSpells({ objects: () => rows }, { periods: 2024, fields, outcomes });
    expect(b).toEqual(a);
    expect(a.records[0]!.participants).toMatchObject({ unique: 2, activeEnd: 1 });
  });

  it("work split: full- and part-time are given only when no exit maps to plain work", () => {
    const rows = [
      spell("A", "2024-01-01", "2024-01-02", "2024-03-01", "heltid"),
      spell("B", "2024-01-01", "2024-01-02", "2024-03-01", "deltid"),
    ];
    const split = { heltid: "workFullTime", deltid: "workPartTime", jobb: "work" } as const;
    const only = programmeYearsFromSpells(rows, { periods: 2024, outcomes: split }).records[0]!;
    expect(only.exits.byOutcome).toMatchObject({ work: 2, workFullTime: 1, workPartTime: 1 });
    const mixed = programmeYearsFromSpells(
      [...rows, spell("C", "2024-01-01", "2024-01-02", "2024-03-01", "jobb")],
      {
        periods: 2024,
        outcomes: split,
      },
    ).records[0]!;
    expect(mixed.exits.byOutcome).toMatchObject({ work: 3, workFullTime: null, workPartTime: null });
    expect(mixed.flags?.[0]?.code).toBe("work-split-partial");
    expect(checkFlows(mixed).ok).toBe(true);
  });
});

describe("programmeYearsFromSpells: bad rows are never dropped silently", () => {
  const bad: Row[] = [
    spell("A", "2024-01-01", "2024-02-01", "2024-01-15"), // 1: end before start
    spell("B", "2024-01-01", "2024-02-30", null), // 2: no such date
    spell("C", "01.02.2024", "2024-02-01", null), // 3: not ISO
    spell("D", "", "2024-02-01", null), // 4: referred missing
    spell("E", "2024-03-01", "2024-02-01", null), // 5: start before referral
    spell("F", "2024-01-01", "2024-01-02", "2024-06-01"), // 6: overlaps 7
    spell("F", "2024-03-01", "2024-03-02", null), // 7
    spell("G", "2024-01-01", "2024-01-02", "2024-01-30"), // 8: fine
    spell("H", "2024-01-01", "2024-01-02", null, "jobb"), // 9: reason without end
    spell("", "2024-01-01", "2024-01-02", null), // 10: no person
    spell("I", "2024-01-01", "2024-01-02", "2024-12-01"), // 11: contains 13, which does not overlap 12
    spell("I", "2024-01-01", "2024-01-02", "2024-01-05"), // 12: overlaps 11 (same start)
    spell("I", "2024-01-01", "2024-03-01", "2024-04-01"), // 13: inside 11
  ];
  const expected = [
    { row: 1, personId: "A", reasons: ["end (2024-01-15) is before start (2024-02-01)"] },
    { row: 2, personId: "B", reasons: ['start is not a date (YYYY-MM-DD), got "2024-02-30"'] },
    { row: 3, personId: "C", reasons: ['referred is not a date (YYYY-MM-DD), got "01.02.2024"'] },
    { row: 4, personId: "D", reasons: ["referred is missing"] },
    { row: 5, personId: "E", reasons: ["start (2024-02-01) is before referred (2024-03-01)"] },
    {
      row: 6,
      personId: "F",
      reasons: [
        'spells of person "F" overlap (rows 6, 7): a spell may start only on or after the day the previous one ends',
      ],
    },
    {
      row: 7,
      personId: "F",
      reasons: [
        'spells of person "F" overlap (rows 6, 7): a spell may start only on or after the day the previous one ends',
      ],
    },
    { row: 9, personId: "H", reasons: ['exitReason "jobb" is given but end is missing'] },
    { row: 10, personId: null, reasons: ["personId is missing"] },
    ...[11, 12, 13].map((row) => ({
      row,
      personId: "I",
      reasons: [
        'spells of person "I" overlap (rows 11, 12, 13): a spell may start only on or after the day the previous one ends',
      ],
    })),
  ];

  it('onInvalid "report" leaves them out and lists each with its row (1-based) and reasons', () => {
    const result = programmeYearsFromSpells(bad, { periods: 2024, onInvalid: "report" });
    expect(result.invalid).toEqual(expected);
    expect(result.rows).toEqual({ total: 13, used: 1, invalid: 12 });
    expect(result.records[0]!.participants.unique).toBe(1);
  });

  it("by default they throw INCONSISTENT_DATA naming the rows, with the full list in details", () => {
    let caught: unknown;
    try {
      programmeYearsFromSpells(bad, { periods: 2024 });
    } catch (error) {
      caught = error;
    }
    expect(isTiltakError(caught, "INCONSISTENT_DATA")).toBe(true);
    const error = caught as Error & { issues: unknown[]; details: { invalid: unknown } };
    expect(error.message).toMatch(
      /^spells has 12 invalid rows of 13 \(pass onInvalid: "report".*row 1: end \(2024-01-15\) is before start/,
    );
    expect(error.message).toContain("… and 2 more rows");
    expect(error.issues).toHaveLength(12);
    expect(error.details.invalid).toEqual(expected);
  });

  it("bad planned values, several reasons on one row, no valid row, missing columns, no rows", () => {
    const result = programmeYearsFromSpells(
      [
        spell("A", "x", "2024-13-01", "2024-01-01", null, { planned: "ja" }),
        spell("B", "2024-01-01", "2024-01-02", null),
      ],
      { onInvalid: "report" },
    );
    expect(result.invalid[0]!.reasons).toEqual([
      'referred is not a date (YYYY-MM-DD), got "x"',
      'start is not a date (YYYY-MM-DD), got "2024-13-01"',
      'planned must be true or false, got "ja"',
    ]);
    expect(() => programmeYearsFromSpells([spell("A", "x", null, null)], { onInvalid: "report" })).toThrow(
      /no valid row: all 1 rows are invalid/,
    );
    expect(() => programmeYearsFromSpells([{ personId: "A", referred: "2024-01-01" }])).toThrow(
      'spells must have the columns "start", "end", got ["personId","referred"]',
    );
    expect(() => programmeYearsFromSpells([])).toThrow("spells must have at least one row, got 0");
    expect(() => programmeYearsFromSpells(edges, { periods: ["2024", 2024] })).toThrow(
      "periods[1] must differ from periods[0], got 2024",
    );
    expect(() => programmeYearsFromSpells(edges, { periods: "2024-13" })).toThrow(
      /periods\[0\] must be a year/,
    );
  });
});

// ---- properties on generated spells ----

const reasons = ["jobb", "skole", "AAP", null, "ukjent grunn"];
function generate(seed: string, people: number): Row[] {
  const rng = createRng(seed);
  const rows: Row[] = [];
  const day = (d: number): string =>
    new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  for (let p = 0; p < people; p++) {
    let t = Math.floor(rng.uniform() * 400);
    const spells = 1 + Math.floor(rng.uniform() * 3);
    for (let s = 0; s < spells; s++) {
      const referred = t;
      const roll = rng.uniform();
      if (roll < 0.1) {
        rows.push(spell(`P${p}`, day(referred), null, null));
        t = referred + Math.floor(rng.uniform() * 60);
        continue;
      }
      const start = referred + Math.floor(rng.uniform() * 20);
      const active = roll > 0.85;
      const end = active ? null : start + Math.floor(rng.uniform() * 300);
      rows.push(
        spell(
          `P${p}`,
          day(referred),
          day(start),
          end === null ? null : day(end),
          end === null ? null : (reasons[Math.floor(rng.uniform() * reasons.length)] as string | null),
          {
            planned: end === null ? null : rng.uniform() < 0.7,
            office: rng.uniform() < 0.5 ? "Nord" : "Sør",
          },
        ),
      );
      if (end === null) break;
      t = end + Math.floor(rng.uniform() * 90);
    }
  }
  return rows;
}

const additive = (r: SpellsResult["records"][number]) => ({
  started: r.participants.started,
  newReferrals: r.participants.newReferrals,
  noShows: r.participants.noShows,
  exits: r.exits.total,
  unplanned: r.participants.unplannedExits,
  ...r.exits.byOutcome,
});

describe("programmeYearsFromSpells: properties on generated spells", () => {
  const rows = generate("spells-properties", 300);

  it("the stock–flow and entries identities hold in every record (checkFlows finds nothing)", () => {
    for (const unit of ["person", "spell"] as const)
      for (const exitDefinition of ["all", "planned"] as const) {
        const { records } = programmeYearsFromSpells(rows, {
          periods: "quarters",
          groupBy: ["office"],
          unit,
          exitDefinition,
          outcomes: { jobb: "work", skole: "education", AAP: "healthBenefit" },
        });
        expect(records.length).toBeGreaterThan(8);
        for (const record of records) expect(checkFlows(record).findings).toEqual([]);
      }
  });

  it("totals are conserved across any partition of a period (unit spell); stocks chain at the cuts", () => {
    const first = Date.UTC(2022, 0, 1) / 86_400_000;
    const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 400 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 399 }), { maxLength: 6 }),
        fc.constantFrom("all" as const, "planned" as const),
        (offset, length, cutsRaw, exitDefinition) => {
          const start = first + offset;
          const end = start + length - 1;
          const cuts = cutsRaw.filter((c) => c < length).sort((a, b) => a - b);
          const bounds = [0, ...cuts, length];
          const parts = bounds
            .slice(1)
            .map((b, i) => ({ start: iso(start + (bounds[i] as number)), end: iso(start + b - 1) }));
          const whole = { start: iso(start), end: iso(end) };
          const w = programmeYearsFromSpells(rows, { periods: whole, unit: "spell", exitDefinition })
            .records[0];
          const ps = programmeYearsFromSpells(rows, {
            periods: parts,
            unit: "spell",
            exitDefinition,
          }).records;
          const sum: Record<string, number> = {};
          for (const p of ps)
            for (const [k, v] of Object.entries(additive(p))) sum[k] = (sum[k] ?? 0) + (v ?? 0);
          const expected = Object.fromEntries(Object.entries(additive(w!)).map(([k, v]) => [k, v ?? 0]));
          expect(sum).toEqual(expected);
          expect(ps[0]!.participants.carriedIn).toBe(w!.participants.carriedIn);
          expect(ps.at(-1)!.participants.activeEnd).toBe(w!.participants.activeEnd);
          for (let i = 1; i < ps.length; i++)
            expect(ps[i]!.participants.carriedIn).toBe(ps[i - 1]!.participants.activeEnd);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });

  it("unit person: stocks chain too, and counts never exceed the spell counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2022, max: 2024 }), (year) => {
        const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
        const person = programmeYearsFromSpells(rows, { periods: [year, ...quarters] }).records;
        const spellUnit = programmeYearsFromSpells(rows, {
          periods: [year, ...quarters],
          unit: "spell",
        }).records;
        expect(person[1]!.participants.carriedIn).toBe(person[0]!.participants.carriedIn);
        expect(person[4]!.participants.activeEnd).toBe(person[0]!.participants.activeEnd);
        person.forEach((r, i) => {
          const s = spellUnit[i]!;
          expect(r.participants.unique!).toBeLessThanOrEqual(s.participants.unique!);
          expect(r.exits.total!).toBeLessThanOrEqual(s.exits.total!);
          expect(r.participants.activeEnd).toBe(s.participants.activeEnd); // at most one active spell per person
          expect(r.participants.carriedIn).toBe(s.participants.carriedIn);
        });
      }),
      { numRuns: 3, seed: 15 },
    );
  });
});
