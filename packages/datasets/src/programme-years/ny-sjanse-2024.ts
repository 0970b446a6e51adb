import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, type FigureSpec, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

const nySjanse2024Figures: FigureSpec[] = [
  {
    path: "participants.unique",
    where: { section: "3.2" },
    lines: "256",
    label: "Antall deltakere i 2024: 212",
    gloss: "participants in the year",
  },
  {
    path: "participants.unique",
    where: { section: "7" },
    lines: "1953",
    label: "tilbudt kvalifisering til 212 deltakere",
    gloss: "participants in the year",
  },
  {
    path: "participants.newReferrals",
    where: { section: "3.1" },
    lines: "245",
    label: "Vi fikk tilsendt 86 henvisninger i 2024, 56 kvinner og 30 menn",
    gloss: "new referrals",
  },
  {
    path: "participants.newReferrals",
    where: { section: "3.1" },
    lines: "240",
    label: "Totalt 116 119 91 130 129 59 101 82 85 86",
    gloss: "new referrals",
  },
  {
    path: "exits.total",
    where: { section: "3.2" },
    lines: "262",
    label: "Antall planmessig avsluttet: 91",
    gloss: "planned exits",
  },
  {
    path: "participants.dropOuts",
    where: { section: "3.2" },
    lines: "262",
    label: "Drop out: 2",
    gloss: "dropped out",
  },
  {
    path: "participants.moved",
    where: { section: "3.2" },
    lines: "262",
    label: "Flyttet ut av kommunen: 4",
    gloss: "moved out of the municipality",
  },
  {
    path: "participants.activeEnd",
    where: { section: "3.2" },
    lines: "252-305",
    label: "Resultater pr. 31.12.2024",
    gloss: "active at the end of the year: not reported in the results section",
  },
  {
    path: "exits.byOutcome.work",
    where: { section: "3.2" },
    lines: "266",
    label: "Arbeid 43 - 50 %",
    gloss: "exits to work",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "3.2" },
    lines: "268",
    label: "Utdanning 10 - 11 %",
    gloss: "exits to education",
  },
  {
    path: "exits.byOutcome.healthBenefit",
    where: { section: "3.2" },
    lines: "270",
    label: "AAP 18 - 21 %",
    gloss: "exits to health-related benefits (AAP)",
  },
  {
    path: "exits.byOutcome.labourMarketMeasure",
    where: { section: "3.2" },
    lines: "272",
    label: "Stat. arbeidsmarkedst. 1 - 1 %",
    gloss: "exits to a state labour-market measure",
  },
  {
    path: "exits.byOutcome.socialAssistance",
    where: { section: "3.2" },
    lines: "274",
    label: "Økonomisk sosialhjelp 5 - 6 %",
    gloss: "exits to social assistance",
  },
  {
    path: "exits.byOutcome.parentalLeave",
    where: { section: "3.2" },
    lines: "276",
    label: "Fødselsperm 5 - 6 %",
    gloss: "parental leave",
  },
  {
    path: "exits.byOutcome.supportedByFamily",
    where: { section: "3.2" },
    lines: "278",
    label: "Forsørget av familie 2 - 2 %",
    gloss: "supported by family",
  },
  {
    path: "exits.byOutcome.primarySchool",
    where: { section: "3.2" },
    lines: "280",
    label: "Grunnskole 2 - 2 %",
    gloss: "exits to primary school",
  },
  {
    path: "exits.byOutcome.other",
    where: { section: "3.2" },
    lines: "282",
    label: "Annet 1 - 1 %",
    gloss: "other exits",
  },
  {
    path: "exits.byOutcome.workFullTime",
    where: { section: "3.2" },
    lines: "299-301",
    label: "vikariater",
    gloss: "exits to full-time work: not reported (work includes temporary posts)",
  },
  { path: "exits.reported[0]", where: { section: "3.2" }, lines: "266", label: "Arbeid", gloss: "work" },
  {
    path: "exits.reported[1]",
    where: { section: "3.2" },
    lines: "268",
    label: "Utdanning",
    gloss: "education",
  },
  {
    path: "exits.reported[2]",
    where: { section: "3.2" },
    lines: "270",
    label: "AAP",
    gloss: "work assessment allowance",
  },
  {
    path: "exits.reported[3]",
    where: { section: "3.2" },
    lines: "272",
    label: "Stat. arbeidsmarkedst.",
    gloss: "state labour-market measure",
  },
  {
    path: "exits.reported[4]",
    where: { section: "3.2" },
    lines: "274",
    label: "Økonomisk sosialhjelp",
    gloss: "social assistance",
  },
  {
    path: "exits.reported[5]",
    where: { section: "3.2" },
    lines: "276",
    label: "Fødselsperm",
    gloss: "maternity / parental leave",
  },
  {
    path: "exits.reported[6]",
    where: { section: "3.2" },
    lines: "278",
    label: "Forsørget av familie",
    gloss: "supported by family",
  },
  {
    path: "exits.reported[7]",
    where: { section: "3.2" },
    lines: "280",
    label: "Grunnskole",
    gloss: "primary or lower-secondary school",
  },
  { path: "exits.reported[8]", where: { section: "3.2" }, lines: "282", label: "Annet", gloss: "other" },
  {
    path: "reportedRates[0]",
    where: { section: "3.2" },
    lines: "295",
    label: "I 2024 ble 50 % av deltakerne skrevet ut til arbeid",
    gloss: "stated rate of work",
  },
  {
    path: "reportedRates[1]",
    where: { section: "7" },
    lines: "1953-1955",
    label: "212 deltakere … Halvparten av deltakerne har gått over i jobb",
    gloss: "stated rate of work",
  },
];

/** `nySjanse2024` with its provenance. */
export const nySjanse2024Cited: CitedProgrammeYear = cited(
  "nySjanse2024",
  {
    id: "ny-sjanse-2024",
    programme: "Ny sjanse – Kvalifiseringssenter for innvandrere",
    organisation: "Bergen kommune, NAV Bergenhus",
    municipality: "Bergen",
    period: { start: "2024-01-01", end: "2024-12-31" },
    targetGroup: {
      description:
        "Immigrants of working age on the qualification programme (KVP) with substantially reduced work and income capacity, referred by their local NAV office in Bergen (section 1.2).",
      tags: ["immigrants", "kvp"],
    },
    participants: participants({
      unique: 212,
      newReferrals: 86,
      dropOuts: 2,
      moved: 4,
      definition:
        "Antall deltakere i 2024 (participants in 2024, section 3.2; 'tilbudt kvalifisering til 212 deltakere', section 7)",
    }),
    exits: {
      total: 91,
      definition: "planned",
      definitionLabel: "planmessig avsluttet",
      byOutcome: outcomes({
        work: 43,
        education: 10,
        healthBenefit: 18,
        labourMarketMeasure: 1,
        socialAssistance: 5,
        parentalLeave: 5,
        supportedByFamily: 2,
        primarySchool: 2,
        other: 1,
      }),
      reported: [
        {
          label: "Arbeid",
          gloss: "work",
          count: 43,
          percent: 50,
          outcome: "work",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Utdanning",
          gloss: "education",
          count: 10,
          percent: 11,
          outcome: "education",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "AAP",
          gloss: "work assessment allowance",
          count: 18,
          percent: 21,
          outcome: "healthBenefit",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Stat. arbeidsmarkedst.",
          gloss: "state labour-market measure",
          count: 1,
          percent: 1,
          outcome: "labourMarketMeasure",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Økonomisk sosialhjelp",
          gloss: "social assistance",
          count: 5,
          percent: 6,
          outcome: "socialAssistance",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Fødselsperm",
          gloss: "maternity / parental leave",
          count: 5,
          percent: 6,
          outcome: "parentalLeave",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Forsørget av familie",
          gloss: "supported by family",
          count: 2,
          percent: 2,
          outcome: "supportedByFamily",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Grunnskole",
          gloss: "primary or lower-secondary school",
          count: 2,
          percent: 2,
          outcome: "primarySchool",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
        {
          label: "Annet",
          gloss: "other",
          count: 1,
          percent: 1,
          outcome: "other",
          lines: at("nySjanse2024", { section: "3.2" }),
        },
      ],
    },
    targets: {},
    targetsDenominator: "exits",
    reportedRates: [
      {
        outcome: "work",
        rate: 0.5,
        denominator: "participants",
        decimals: 0,
        label: "I 2024 ble 50 % av deltakerne skrevet ut til arbeid",
        lines: at("nySjanse2024", { section: "3.2" }),
      },
      {
        outcome: "work",
        rate: 0.5,
        denominator: "participants",
        decimals: 0,
        label: "212 deltakere … Halvparten av deltakerne har gått over i jobb",
        lines: at("nySjanse2024", { section: "7" }),
      },
    ],
    flags: [
      {
        code: "categories-do-not-sum",
        path: "exits.byOutcome",
        message:
          "The exit categories sum to 87, not to the 91 planned exits (section 3.2); 91 − 87 = 4, the number who moved out of the municipality (section 3.2), so the 91 may include the movers while the categories and percentages exclude them. The report does not say.",
      },
      {
        code: "rounding-disagreement",
        path: "exits.reported[0].percent",
        message:
          "The reported 50 % to work (section 3.2) fits neither 43/91 = 47.3 % nor 43/87 = 49.4 %; the other percentages fit a base of 87 (AAP 18/87 = 20.7 % → 21 %), and the printed percentages sum to exactly 100.",
      },
      {
        code: "denominator-wording",
        path: "reportedRates",
        message:
          "'50 % av deltakerne skrevet ut til arbeid' (section 3.2) and 'Halvparten av deltakerne [212] har gått over i jobb' (section 7) are shares of exits; as a share of the 212 participants, work is 43/212 = 20.3 %.",
      },
      {
        code: "not-reported",
        path: "participants.activeEnd",
        message:
          "Participants active at year end are not reported (212 − 91 − 2 − 4 = 115 if the dropouts and movers are outside the 91; 119 if the movers are inside).",
      },
      {
        code: "unstated-base",
        message:
          "No gender split of the 212 participants; the 86 referrals were 56 women and 30 men (section 3.1). It is not stated whether the 212 include the 57 Jobbsjansen participants (Jobbsjansen is not KVP, so probably not).",
      },
    ],
  },
  { section: ["1.2", "2.1", "2.2", "3.1", "3.2", "7"] },
  "31-65, 110-152, 164-248, 252-305, 1951-1959",
  nySjanse2024Figures,
);

/**
 * Ny sjanse – Kvalifiseringssenter for innvandrere, Bergen, 2024 (Ny sjanse annual report 2024: section
 * 3.1 «Antall henvisninger» and section 3.2 «Resultater pr. 31.12.2024»).
 *
 * 212 participants, 86 referrals, 91 planned exits besides 2 dropouts and 4 who moved out of the
 * municipality. The exit categories (43 work, 10 education, 18 AAP, …) sum to 87, not 91; the
 * reported 50 % to work fits neither 43/91 (47.3 %) nor 43/87 (49.4 %). No numeric targets are stated.

 *
 * @example
 * ```ts
 * import { nySjanse2024 } from "@tiltak/datasets";
 * nySjanse2024.exits.total; // => 91
 * nySjanse2024.exits.byOutcome.work; // => 43
 * nySjanse2024.participants.activeEnd; // => null
 * nySjanse2024.flags?.[0]?.code; // => "categories-do-not-sum"
 * ```
 */
export const nySjanse2024: ProgrammeYear = withoutProvenance(nySjanse2024Cited);
