// Checks every programme-year against facts kept in the repository: a table of expected figures per
// record, each with the label the source document prints for it; every figure's citation (the
// document's bibliographic reference, the locator, the printed label); the documents' own
// inconsistencies as flagged. The full-text check that the cited passages of the documents really
// print these figures is `pnpm audit:sources --sources <folder>` (scripts/audit-sources.mjs).
// Exact comparisons throughout: these are counts and printed percentages, no tolerance applies.
import { checkFlows, programmeYearSchema } from "@tiltak/compare";
import { describe, expect, it } from "vitest";
import {
  noraReport2021,
  noraReport2024,
  nySjanseReferralsByOffice,
  nySjanseReferralTotals,
  nySjanseReport2024,
  programmeYearCitations,
  programmeYears,
  referralYears,
  sourceDocuments,
} from "../src/index.js";

function record(id: string) {
  const found = programmeYears.find((r) => r.id === id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

function get(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) current = (current as Record<string, unknown> | null)?.[key];
  return current;
}

const documentOf: Record<string, string> = {
  "nora-2024": "nora-2024",
  "nora-2021": "nora-2021",
  "broen-til-jobb-2021": "nora-2021",
  "overgangsveileder-2021": "nora-2021",
  "ny-sjanse-2024": "ny-sjanse-2024",
  "jobbsjansen-2024": "ny-sjanse-2024",
};
for (const year of referralYears) documentOf[`ny-sjanse-${year}`] ??= "ny-sjanse-2024";
const citationOf: Record<string, string> = {
  "nora-2024": noraReport2024,
  "nora-2021": noraReport2021,
  "ny-sjanse-2024": nySjanseReport2024,
};

// [record id, field path, expected value, extract line(s) the audit reads, label as printed]
type Row = [string, string, number | null, string, string];
const figures: Row[] = [
  // NorA 2024 (NorA annual report 2024)
  ["nora-2024", "participants.unique", 221, "L72", "NorA hadde 221 unike deltakere"],
  ["nora-2024", "participants.activeEnd", 133, "L72-73", "Ved utgangen av året var det 133 aktive deltakere"],
  ["nora-2024", "participants.newReferrals", 91, "L77", "fikk NorA 91 nye henvisninger"],
  ["nora-2024", "exits.total", 84, "L77-78", "84 av deltakere ble planmessig avsluttet"],
  ["nora-2024", "exits.byOutcome.work", 27, "L79", "27 deltakere avsluttet til lønnet arbeid"],
  ["nora-2024", "exits.byOutcome.education", 15, "L79-80", "15 deltakere begynte i utdanning"],
  [
    "nora-2024",
    "exits.byOutcome.labourMarketMeasure",
    4,
    "L80",
    "4 deltakere startet i arbeidsmarkedstiltak i statlig regi",
  ],
  [
    "nora-2024",
    "exits.byOutcome.healthBenefit",
    17,
    "L80-81",
    "17 deltakere ble avsluttet mot helserelaterte ytelser",
  ],
  [
    "nora-2024",
    "exits.byOutcome.otherFollowUp",
    21,
    "L81-82",
    "21 deltakere ble avsluttet til annen oppfølging på lokalkontoret",
  ],
  ["nora-2024", "exits.byOutcome.socialAssistance", null, "L77-82", "annen oppfølging"],
  [
    "nora-2024",
    "exits.byOutcome.workFullTime",
    null,
    "L111-112",
    "Majoriteten av disse ble avsluttet til fulltidsarbeid",
  ],
  ["nora-2024", "targets.work", 0.6, "L23", "60% av deltakere skal komme i ordinært arbeid"],
  ["nora-2024", "targets.education", 0.1, "L24", "10% skal komme ut i utdanning"],
  ["nora-2024", "participants.dropOuts", null, "L71-82", "planmessig avsluttet"],
  // NorA 2021 (NorA «Årsrapport 2021»)
  ["nora-2021", "participants.newReferrals", 98, "L86", "totalt 98 henvisninger fra NAV lokal"],
  ["nora-2021", "participants.unique", 230, "L86", "totalt 230 deltakere som har deltatt i løpet av året"],
  ["nora-2021", "participants.unplannedExits", 20, "L86", "(gjelder 20 deltakere)"],
  ["nora-2021", "participants.activeEnd", 109, "L86", "per 31.12.21 hadde 109 aktive deltakere"],
  [
    "nora-2021",
    "participants.noShows",
    3,
    "L88",
    "tre deltakere som var henvist til NorA, men som ikke møtte",
  ],
  ["nora-2021", "participants.dropOuts", 17, "L88", "hele 17 deltakere som droppet ut"],
  ["nora-2021", "exits.total", 102, "L117", "eksklusiv flytting: | 102 | 84 %"],
  ["nora-2021", "exits.total", 102, "L142", "Antall planmessig avsluttet: 102"],
  [
    "nora-2021",
    "exits.total",
    102,
    "L102",
    "Av de 210 aktive deltakerne vi har hatt i tiltaket i 2021 har 102 blitt avsluttet",
  ],
  ["nora-2021", "exits.byOutcome.workFullTime", 31, "L119", "Arbeid fulltid (A) | 31 |"],
  ["nora-2021", "exits.byOutcome.workPartTime", 13, "L120", "Arbeid deltid (AD) | 13 |"],
  ["nora-2021", "exits.byOutcome.work", 44, "L146", "Arbeid | 44 | - | 43%"],
  ["nora-2021", "exits.byOutcome.work", 44, "L102", "44 deltakere blitt avsluttet til lønnet arbeid"],
  ["nora-2021", "exits.byOutcome.education", 7, "L121", "Utdanning (UT) | 7 |"],
  ["nora-2021", "exits.byOutcome.education", 7, "L110", "Vi har 7 deltakere som er avsluttet til utdanning"],
  [
    "nora-2021",
    "exits.byOutcome.labourMarketMeasure",
    0,
    "L122",
    "Arbeidsmarkedstiltak i statlig regi (AS) | | |",
  ],
  ["nora-2021", "exits.byOutcome.healthBenefit", 24, "L123", "Arbeidsavklaringspenger (AP) | 24 |"],
  [
    "nora-2021",
    "exits.byOutcome.healthBenefit",
    24,
    "L106",
    "hele 24 deltakere har blitt avsluttet som følge av at de har søkt om arbeidsavklaringspenger",
  ],
  [
    "nora-2021",
    "exits.byOutcome.socialAssistance",
    6,
    "L124",
    "Økonomisk sosialhjelp/uavklart helse (SU) | 6 |",
  ],
  ["nora-2021", "exits.byOutcome.supportedByFamily", 0, "L127", "Forsørget av familie (FF) | | |"],
  ["nora-2021", "exits.byOutcome.parentalLeave", 5, "L128", "Fødselspermisjon (FP) | 5 |"],
  ["nora-2021", "exits.byOutcome.other", 16, "L129", "Annet (AN) | 16 |"],
  ["nora-2021", "exits.byOutcome.unknown", 0, "L130", "Ukjent (U) | | |"],
  ["nora-2021", "exits.byOutcome.primarySchool", null, "L159", "3 Grunnskole"],
  ["nora-2021", "targets.work", 0.6, "L47", "60% av deltakere skal komme i ordinært arbeid"],
  ["nora-2021", "targets.education", 0.1, "L47", "10% skal komme ut i utdanning"],
  ["nora-2021", "targets.benefit", 0.3, "L47", "resterende 30% skal avklares til andre trygderettigheter"],
  // Ny sjanse 2024 (Ny sjanse annual report 2024)
  ["ny-sjanse-2024", "participants.unique", 212, "L256", "Antall deltakere i 2024: 212"],
  ["ny-sjanse-2024", "participants.unique", 212, "L1953", "tilbudt kvalifisering til 212 deltakere"],
  [
    "ny-sjanse-2024",
    "participants.newReferrals",
    86,
    "L245",
    "Vi fikk tilsendt 86 henvisninger i 2024, 56 kvinner og 30 menn",
  ],
  ["ny-sjanse-2024", "participants.newReferrals", 86, "L240", "Totalt 116 119 91 130 129 59 101 82 85 86"],
  ["ny-sjanse-2024", "exits.total", 91, "L262", "Antall planmessig avsluttet: 91"],
  ["ny-sjanse-2024", "participants.dropOuts", 2, "L262", "Drop out: 2"],
  ["ny-sjanse-2024", "participants.moved", 4, "L262", "Flyttet ut av kommunen: 4"],
  ["ny-sjanse-2024", "participants.activeEnd", null, "L252-305", "Resultater pr. 31.12.2024"],
  ["ny-sjanse-2024", "exits.byOutcome.work", 43, "L266", "Arbeid 43 - 50 %"],
  ["ny-sjanse-2024", "exits.byOutcome.education", 10, "L268", "Utdanning 10 - 11 %"],
  ["ny-sjanse-2024", "exits.byOutcome.healthBenefit", 18, "L270", "AAP 18 - 21 %"],
  ["ny-sjanse-2024", "exits.byOutcome.labourMarketMeasure", 1, "L272", "Stat. arbeidsmarkedst. 1 - 1 %"],
  ["ny-sjanse-2024", "exits.byOutcome.socialAssistance", 5, "L274", "Økonomisk sosialhjelp 5 - 6 %"],
  ["ny-sjanse-2024", "exits.byOutcome.parentalLeave", 5, "L276", "Fødselsperm 5 - 6 %"],
  ["ny-sjanse-2024", "exits.byOutcome.supportedByFamily", 2, "L278", "Forsørget av familie 2 - 2 %"],
  ["ny-sjanse-2024", "exits.byOutcome.primarySchool", 2, "L280", "Grunnskole 2 - 2 %"],
  ["ny-sjanse-2024", "exits.byOutcome.other", 1, "L282", "Annet 1 - 1 %"],
  ["ny-sjanse-2024", "exits.byOutcome.workFullTime", null, "L299-301", "vikariater"],
  // Jobbsjansen 2024 (Ny sjanse annual report 2024, section 6.1)
  ["jobbsjansen-2024", "participants.applicants", 84, "L1942", "Vi hadde 84 søkere til programmet"],
  ["jobbsjansen-2024", "participants.offered", 57, "L1942", "57 deltagere fikk tilbud om program"],
  ["jobbsjansen-2024", "participants.unique", 57, "L1615", "Jobbsjansen gav tilbud til 57 kvinner"],
  [
    "jobbsjansen-2024",
    "exits.total",
    27,
    "L1946",
    "27 deltager ble avsluttet, hvor 74% ble avsluttet til jobb og utdanning",
  ],
  ["jobbsjansen-2024", "exits.byOutcome.work", null, "L1946", "til jobb og utdanning"],
  ["jobbsjansen-2024", "exits.byOutcome.education", null, "L1946", "til jobb og utdanning"],
  [
    "jobbsjansen-2024",
    "exits.byOutcome.parentalLeave",
    null,
    "L1950",
    "Dette er foreldrepermisjon og flytting",
  ],
  // Sub-projects 2021 (NorA «Årsrapport 2021»)
  [
    "broen-til-jobb-2021",
    "participants.unique",
    11,
    "L290",
    "Til sammen begynte 11 kandidater i Broen til jobb",
  ],
  ["broen-til-jobb-2021", "exits.byOutcome.education", 1, "L292", "en begynte på utdanning"],
  ["broen-til-jobb-2021", "exits.total", null, "L292", "Så langt har prosjektet medvirket"],
  ["overgangsveileder-2021", "participants.unique", 21, "L328", "i kontakt i forbindelse med 21 saker"],
  ["overgangsveileder-2021", "exits.byOutcome.otherFollowUp", 11, "L328", "11 deltakere startet opp i NorA"],
];

describe("programme-years: every figure is in the record and cited with its printed label", () => {
  it.each(figures)("%s %s = %s (%s)", (id, path, value, lines, text) => {
    expect(get(record(id), path)).toBe(value);
    const citation = programmeYearCitations[id]!.figures.find((f) => f.path === path && f.label === text);
    expect(citation, `${id} ${path} «${text}»`).toBeDefined();
    expect(citation?.extractLines).toBe(lines.replace(/L/g, ""));
    expect(citation?.locator?.section).toBeTruthy();
    expect(citation?.gloss).toBeTruthy();
  });

  it("covers every record", () => {
    const covered = new Set(figures.map((row) => row[0]));
    for (const year of referralYears) covered.add(`ny-sjanse-${year}`); // checked below, table 3.1
    expect([...covered].sort()).toEqual(programmeYears.map((r) => r.id).sort());
  });
});

describe("programme-years: every reported line is cited with its printed label and locator", () => {
  const reportedLines = programmeYears.flatMap((r) =>
    r.exits.reported.map((line, index) => ({ id: r.id, index, line })),
  );
  it.each(reportedLines)("$id reported[$index] ($line.label)", ({ id, index, line }) => {
    const citation = programmeYearCitations[id]!.figures.find((f) => f.path === `exits.reported[${index}]`);
    expect(citation?.label).toBe(line.label);
    expect(citation?.gloss).toBe(line.gloss);
    expect(citation?.locator?.section).toBeTruthy();
    // compare's `lines` field carries the locator as text, never extract line numbers.
    expect(line.lines).toBe(
      [citation?.locator?.section, citation?.pages && `pp. ${citation.pages}`]
        .filter(Boolean)
        .join(", ")
        .replace(/pp\. (\d+)$/, "p. $1"),
    );
  });
  it("maps the reported lines with a count onto byOutcome (each printed once)", () => {
    for (const r of programmeYears) {
      const sums = new Map<string, number>();
      for (const line of r.exits.reported)
        if (line.count !== undefined && line.outcome in r.exits.byOutcome)
          sums.set(line.outcome, (sums.get(line.outcome) ?? 0) + line.count);
      for (const [outcome, total] of sums)
        expect(r.exits.byOutcome[outcome as keyof typeof r.exits.byOutcome], `${r.id} ${outcome}`).toBe(
          total,
        );
    }
  });
});

describe("programme-years: Ny sjanse referral table 2015–2024 (Ny sjanse annual report 2024, section 3.1)", () => {
  it.each(nySjanseReferralsByOffice.map((row) => [row.office, row] as const))(
    "%s row has ten yearly counts and names its row",
    (office, row) => {
      expect(row.counts).toHaveLength(referralYears.length);
      expect(row.lines).toBe(`3.1 Antall henvisninger, table of referrals by NAV office, row «${office}»`);
      expect(row.extractLines).toMatch(/^\d+(-\d+)?$/);
    },
  );

  it("each referral record cites the printed row «Totalt»", () => {
    for (const year of referralYears.slice(0, -1)) {
      const figure = programmeYearCitations[`ny-sjanse-${year}`]!.figures[0];
      expect(figure?.path).toBe("participants.newReferrals");
      expect(figure?.label).toBe(`Totalt ${nySjanseReferralTotals.join(" ")}`);
    }
  });

  it.each(referralYears.map((year, index) => [year, index] as const))(
    "ny-sjanse-%i holds the stated total",
    (year, index) => {
      expect(record(`ny-sjanse-${year}`).participants.newReferrals).toBe(nySjanseReferralTotals[index]);
      const rowSum = nySjanseReferralsByOffice.reduce((acc, row) => acc + (row.counts[index] as number), 0);
      const flagged =
        record(`ny-sjanse-${year}`).flags?.some((flag) => flag.code === "rows-do-not-sum") ?? false;
      expect(flagged).toBe(rowSum !== nySjanseReferralTotals[index]);
    },
  );

  it("the office rows miss the stated totals by +2, +6, +2 in 2015–2017 only", () => {
    const gaps = referralYears.map(
      (_, index) =>
        (nySjanseReferralTotals[index] as number) -
        nySjanseReferralsByOffice.reduce((acc, row) => acc + (row.counts[index] as number), 0),
    );
    expect(gaps).toEqual([2, 6, 2, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("programme-years: shape and provenance", () => {
  it("has the ids the issue names", () => {
    const ids = programmeYears.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(["nora-2021", "nora-2024", "ny-sjanse-2024", "jobbsjansen-2024"]),
    );
    for (const year of referralYears) expect(ids).toContain(`ny-sjanse-${year}`);
    expect(ids).toEqual(expect.arrayContaining(["broen-til-jobb-2021", "overgangsveileder-2021"]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(programmeYears.map((r) => [r.id, r] as const))(
    "%s validates against the compare schema unchanged",
    (_, r) => {
      expect(programmeYearSchema.parse(r)).toEqual(r);
    },
  );

  it.each(programmeYears.map((r) => [r.id, r] as const))(
    "%s cites its document by name, with a locator for the record and for every figure",
    (id, r) => {
      const document = documentOf[id] as string;
      expect(programmeYearCitations[id]!.reference).toEqual(sourceDocuments.find((d) => d.id === document));
      expect(r.source.document).toBe(citationOf[document]);
      expect(programmeYearCitations[id]!.source.document).toBe(r.source.document);
      expect(r.source.lines).toMatch(/^\d+(\.\d+)* \p{L}|^\p{Lu}/u);
      expect(programmeYearCitations[id]!.figures.length).toBeGreaterThan(0);
      for (const figure of programmeYearCitations[id]!.figures) {
        expect(figure.reference).toEqual(programmeYearCitations[id]!.reference);
        expect(figure.locator?.section, `${id} ${figure.path}`).toBeTruthy();
        expect(figure.label.length, `${id} ${figure.path}`).toBeGreaterThan(0);
        expect(figure.gloss.length, `${id} ${figure.path}`).toBeGreaterThan(0);
        expect(figure.extractLines).toMatch(/^\d+(-\d+)?(, \d+(-\d+)?)*$/);
      }
      for (const rate of r.reportedRates) expect(rate.lines).toMatch(/^\d+(\.\d+)* \p{L}|^\p{Lu}/u);
      // No extract line numbers or file names in what a reader sees.
      const visible = JSON.stringify(r);
      expect(visible).not.toMatch(/\bL\d+|\d{3}_[0-9a-f]{16}|seed/);
    },
  );
});

describe("programme-years: the documents' own inconsistencies are kept and flagged", () => {
  it("NorA 2024: 221 − 84 − 133 leaves 4 participants unaccounted for", () => {
    const r = record("nora-2024");
    expect((r.participants.unique ?? 0) - (r.exits.total ?? 0) - (r.participants.activeEnd ?? 0)).toBe(4);
    expect(r.flags?.map((f) => f.code)).toContain("stock-flow-gap");
  });

  it("NorA 2021: 230 − 20 − 102 = 108 against 109 active at year end", () => {
    const r = record("nora-2021");
    const p = r.participants;
    expect((p.unique ?? 0) - (p.unplannedExits ?? 0) - (r.exits.total ?? 0) - (p.activeEnd ?? 0)).toBe(-1);
    expect((p.noShows ?? 0) + (p.dropOuts ?? 0)).toBe(p.unplannedExits);
    expect(r.flags?.map((f) => f.code)).toContain("stock-flow-gap");
  });

  it("Ny sjanse 2024: the exit categories sum to 87 against a stated 91", () => {
    const r = record("ny-sjanse-2024");
    const b = r.exits.byOutcome;
    const categories = [
      b.work,
      b.education,
      b.healthBenefit,
      b.labourMarketMeasure,
      b.socialAssistance,
      b.parentalLeave,
      b.supportedByFamily,
      b.primarySchool,
      b.other,
    ];
    expect(categories.reduce<number>((acc, x) => acc + (x ?? 0), 0)).toBe(87);
    expect(r.exits.total).toBe(91);
    expect(r.flags?.map((f) => f.code)).toContain("categories-do-not-sum");
  });

  it("NorA 2021: the mutually exclusive categories sum to the 102 exits, work = full-time + part-time", () => {
    const b = record("nora-2021").exits.byOutcome;
    expect((b.workFullTime ?? 0) + (b.workPartTime ?? 0)).toBe(b.work);
    const exclusive = [
      b.work,
      b.education,
      b.labourMarketMeasure,
      b.healthBenefit,
      b.socialAssistance,
      b.parentalLeave,
      b.supportedByFamily,
      b.other,
      b.unknown,
    ];
    expect(exclusive.reduce<number>((acc, x) => acc + (x ?? 0), 0)).toBe(102);
  });

  it("NorA 2024: the five categories sum to the 84 exits and 27 + 15 = 42 (50 %)", () => {
    const b = record("nora-2024").exits.byOutcome;
    expect(
      [b.work, b.education, b.labourMarketMeasure, b.healthBenefit, b.otherFollowUp].reduce<number>(
        (acc, x) => acc + (x ?? 0),
        0,
      ),
    ).toBe(84);
    expect((b.work ?? 0) + (b.education ?? 0)).toBe(42);
  });

  it("Jobbsjansen: 74 % and 26 % of 27 back-solve to 20 and 7, the only whole counts that fit", () => {
    const r = record("jobbsjansen-2024");
    for (const line of r.exits.reported) {
      const fits = Array.from({ length: 28 }, (_, x) => x).filter(
        (x) => Math.abs((100 * x) / 27 - (line.percent ?? -1)) <= 0.5,
      );
      expect(fits).toEqual([line.count]);
    }
    expect(r.exits.reported.reduce((acc, line) => acc + (line.count ?? 0), 0)).toBe(27);
  });

  it("overgangsveileder: 11 + 1 + 3 + 6 = 21 cases, and the 11-vs-13 contradiction is flagged", () => {
    const r = record("overgangsveileder-2021");
    expect(r.exits.reported.reduce((acc, line) => acc + (line.count ?? 0), 0)).toBe(21);
    const contradiction = r.flags?.find((f) => f.code === "contradiction");
    expect(contradiction?.message).toMatch(/\b13\b/);
  });
});

// The findings of compare.checkFlows are features of the data: each is an inconsistency of the
// documents themselves (flagged on the records), and no record has any other.
// [rule, gap (for count identities), a figure the finding's message must quote]
const expectedFindings: Record<string, [string, number | null, string][]> = {
  "nora-2024": [
    ["stock-flow", 4, "221"],
    ["reported-rate", null, "42/221"],
  ],
  "nora-2021": [
    ["stock-flow", -1, "109"],
    ["reported-rate", null, "24/102"],
    ["reported-rate", null, "44/230"],
    ["reported-rate", null, "24/230"],
  ],
  "ny-sjanse-2024": [
    ["categories-total", 4, "87"],
    ["reported-percent", null, "43/91"],
    ["reported-percent", null, "18/91"],
    ["reported-percent", null, "5/91"],
    ["reported-percent", null, "5/91"],
    ["reported-rate", null, "43/212"],
    ["reported-rate", null, "43/212"],
  ],
};

describe("programme-years: compare.checkFlows finds exactly the inconsistencies the notes list", () => {
  it.each(programmeYears.map((r) => [r.id, r] as const))("%s", (id, r) => {
    const result = checkFlows(r);
    const expected = expectedFindings[id] ?? [];
    expect(result.ok).toBe(expected.length === 0);
    // Counts' gaps are pinned exactly; rate and percentage gaps through the fractions the messages quote.
    // Each expected finding must match one actual finding, and no actual finding may be left over.
    const left = [...result.findings];
    for (const [rule, gap, text] of expected) {
      const index = left.findIndex(
        (f) => f.rule === rule && (gap === null || f.gap === gap) && f.message.includes(text),
      );
      expect(index, `${id}: expected a ${rule} finding quoting ${text}`).toBeGreaterThanOrEqual(0);
      left.splice(index, 1);
    }
    expect(left.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("the findings are flagged on the records too", () => {
    expect(record("nora-2024").flags?.map((f) => f.code)).toEqual(
      expect.arrayContaining(["stock-flow-gap", "denominator-wording"]),
    );
    expect(record("nora-2021").flags?.map((f) => f.code)).toEqual(
      expect.arrayContaining(["stock-flow-gap", "rounding-disagreement", "denominator-wording"]),
    );
    expect(record("ny-sjanse-2024").flags?.map((f) => f.code)).toEqual(
      expect.arrayContaining(["categories-do-not-sum", "rounding-disagreement", "denominator-wording"]),
    );
  });
});
