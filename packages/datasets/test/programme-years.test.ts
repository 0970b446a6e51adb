// Reads every programme-year back from the seed documents: a table of expected figures per record,
// each with the seed line that prints it. The test checks (1) that the record holds the figure and (2)
// that the cited line of the seed (../shared/seeds, beside the repository) really contains it.
// Exact comparisons throughout: these are counts and printed percentages, no tolerance applies.
import { readFileSync } from "node:fs";
import { checkFlows, programmeYearSchema } from "@tiltak/compare";
import { describe, expect, it } from "vitest";
import {
  nySjanseReferralsByOffice,
  nySjanseReferralTotals,
  programmeYears,
  referralYears,
} from "../src/index.js";

const seedsFolder = new URL("../../../../shared/seeds/", import.meta.url);
const seedFiles = {
  "000": "000_4c3068cd3386deb4.txt",
  "001": "001_e6bd37a64f9cf878.txt",
  "002": "002_4b5fdc313ce39912.txt",
} as const;
type Seed = keyof typeof seedFiles;
const seedLines: Record<Seed, string[]> = {
  "000": readFileSync(new URL(seedFiles["000"], seedsFolder), "utf8").split("\n"),
  "001": readFileSync(new URL(seedFiles["001"], seedsFolder), "utf8").split("\n"),
  "002": readFileSync(new URL(seedFiles["002"], seedsFolder), "utf8").split("\n"),
};

/** The text of lines `from`–`to` (1-based, inclusive), whitespace collapsed. */
function linesText(seed: Seed, range: string): string {
  const match = /^L?(\d+)(?:-(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`bad line reference ${range}`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  const lines = seedLines[seed];
  if (from < 1 || to > lines.length || to < from) throw new Error(`line range ${range} outside ${seed}`);
  return lines
    .slice(from - 1, to)
    .join(" ")
    .replace(/\s+/g, " ");
}

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

const seedOf: Record<string, Seed> = {
  "nora-2024": "000",
  "nora-2021": "001",
  "broen-til-jobb-2021": "001",
  "overgangsveileder-2021": "001",
  "ny-sjanse-2024": "002",
  "jobbsjansen-2024": "002",
};
for (const year of referralYears) seedOf[`ny-sjanse-${year}`] ??= "002";

// [record id, field path, expected value, seed line(s), text the line(s) must contain]
type Row = [string, string, number | null, string, string];
const figures: Row[] = [
  // NorA 2024 (seed 000)
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
  // NorA 2021 (seed 001)
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
  // Ny sjanse 2024 (seed 002)
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
  // Jobbsjansen 2024 (seed 002)
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
  // Sub-projects 2021 (seed 001)
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

describe("programme-years: every figure is in the record and on the cited line of its seed", () => {
  it.each(figures)("%s %s = %s (%s)", (id, path, value, lines, text) => {
    expect(get(record(id), path)).toBe(value);
    expect(linesText(seedOf[id] as Seed, lines)).toContain(text);
  });

  it("covers every record", () => {
    const covered = new Set(figures.map((row) => row[0]));
    for (const year of referralYears) covered.add(`ny-sjanse-${year}`); // checked below, table 3.1
    expect([...covered].sort()).toEqual(programmeYears.map((r) => r.id).sort());
  });
});

describe("programme-years: the reported lines match the seed", () => {
  const reportedLines = programmeYears.flatMap((r) =>
    r.exits.reported.map((line, index) => ({ id: r.id, index, line })),
  );
  it.each(reportedLines)("$id reported[$index] ($line.label)", ({ id, line }) => {
    expect(line.lines).toBeDefined();
    const text = linesText(seedOf[id] as Seed, line.lines as string);
    const words = text.split(/[^0-9A-Za-zÆØÅæøå.]+/);
    if (line.count !== undefined) {
      const spelled = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve"][
        line.count
      ];
      const present =
        words.includes(String(line.count)) ||
        (spelled !== undefined && text.toLowerCase().includes(` ${spelled} `));
      // Jobbsjansen prints only percentages: its counts are back-solved and flagged as such.
      const backSolved = record(id).flags?.some(
        (flag) =>
          flag.code === "back-solved" &&
          flag.path?.startsWith(`exits.reported[`) &&
          flag.message.includes(`to ${line.count} `),
      );
      expect(present || backSolved).toBe(true);
    }
    if (line.percent !== undefined) expect(text).toMatch(new RegExp(`(^|[^0-9])${line.percent} ?%`));
    // A label as printed, modulo the form codes and the reporting form's table pipes.
    expect(text.toLowerCase()).toContain(
      line.label.toLowerCase().split(/[,:(]/)[0]!.trim().split(" ").slice(0, 2).join(" "),
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

describe("programme-years: Ny sjanse referral table 2015–2024 (seed 002, L170-240)", () => {
  it.each(nySjanseReferralsByOffice.map((row) => [row.office, row] as const))(
    "%s row is printed as transcribed",
    (_, row) => {
      const text = linesText("002", row.lines as string);
      const numbers = text.match(/\b\d+\b/g)?.map(Number) ?? [];
      expect(numbers).toEqual([...row.counts]);
    },
  );

  it("the stated totals are printed on L240", () => {
    expect(linesText("002", "L240")).toBe(`Totalt ${nySjanseReferralTotals.join(" ")} `);
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
    "%s names its seed and valid line ranges",
    (id, r) => {
      const seed = seedOf[id] as Seed;
      expect(r.source.document.startsWith(seedFiles[seed])).toBe(true);
      for (const range of r.source.lines.split(/,\s*/))
        expect(linesText(seed, range).length).toBeGreaterThan(0);
      for (const flag of r.flags ?? [])
        for (const ref of flag.message.match(/\bL\d+(?:-\d+)?/g) ?? [])
          expect(linesText(seed, ref).length).toBeGreaterThan(0);
      for (const rate of r.reportedRates) {
        const percent = Math.round(rate.rate * 100);
        const printed = new RegExp(`(^|[^0-9])${percent} ?(%|prosent)${percent === 50 ? "|Halvparten" : ""}`);
        expect(linesText(seed, rate.lines as string)).toMatch(printed);
      }
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
    expect(linesText("001", "L330")).toContain("Av de 13 deltakerne som har startet på NorA");
    expect(r.flags?.map((f) => f.code)).toContain("contradiction");
  });
});

// The findings of compare.checkFlows are features of the data: each is an inconsistency the notes
// (../shared/notes/seeds000-002.md §1.8, §2.9, §3.10) list, and no record has any other.
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
