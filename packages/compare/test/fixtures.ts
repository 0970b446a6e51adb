import type { ProgrammeYearInput } from "../src/index.js";

const year2024 = { start: "2024-01-01", end: "2024-12-31" };

/** NorA 2024 (NorA – Norsk og Arbeid, Bergen kommune, annual report 2024). */
export const nora2024: ProgrammeYearInput = {
  id: "nora-2024",
  programme: "NorA – Norsk og Arbeid",
  organisation: "Bergen kommune, NAV Årstad",
  municipality: "Bergen",
  period: year2024,
  targetGroup: { description: "KVP and social-assistance recipients", tags: ["kvp", "social-assistance"] },
  participants: { unique: 221, activeEnd: 133, newReferrals: 91 },
  exits: {
    total: 84,
    definition: "planned",
    definitionLabel: "planmessig avsluttet",
    byOutcome: { work: 27, education: 15, labourMarketMeasure: 4, healthBenefit: 17, otherFollowUp: 21 },
    reported: [
      {
        label: "arbeid og utdanning",
        gloss: "work and education",
        count: 42,
        percent: 50,
        outcome: "workOrEducation",
        lines: "Resultater 2024",
      },
      { label: "lønnet arbeid", gloss: "paid work", count: 27, outcome: "work", lines: "Resultater 2024" },
      {
        label: "begynte i utdanning",
        gloss: "started education",
        count: 15,
        outcome: "education",
        lines: "Resultater 2024",
      },
      {
        label: "arbeidsmarkedstiltak i statlig regi",
        gloss: "state labour-market measure",
        count: 4,
        outcome: "labourMarketMeasure",
        lines: "Resultater 2024",
      },
      {
        label: "helserelaterte ytelser",
        gloss: "health-related benefits",
        count: 17,
        outcome: "healthBenefit",
        lines: "Resultater 2024",
      },
      {
        label: "annen oppfølging på lokalkontoret",
        gloss: "other follow-up at the local NAV office",
        count: 21,
        outcome: "otherFollowUp",
        lines: "Resultater 2024",
      },
    ],
  },
  targets: { work: 0.6, education: 0.1 },
  reportedRates: [
    {
      outcome: "workOrEducation",
      rate: 0.5,
      denominator: "participants",
      label: "50 % av deltakerne",
      lines: "Oppsummering; Arbeidsrettet oppfølging",
    },
  ],
  source: {
    document: "Bergen kommune, Nav Årstad (2024). [NorA – Norsk og Arbeid: årsrapport 2024].",
    lines: "Resultater 2024",
  },
};

/** NorA 2021 (NorA annual report 2021): 9 of the 17 drop-outs moved, so `moved` stays null. */
export const nora2021: ProgrammeYearInput = {
  id: "nora-2021",
  programme: "NorA – Norsk og Arbeid",
  organisation: "Bergen kommune, NAV Årstad",
  municipality: "Bergen",
  period: { start: "2021-01-01", end: "2021-12-31" },
  targetGroup: { description: "KVP and social-assistance recipients", tags: ["kvp", "social-assistance"] },
  participants: { unique: 230, activeEnd: 109, newReferrals: 98, noShows: 3, dropOuts: 17 },
  exits: {
    total: 102,
    definition: "plannedExcludingMoves",
    definitionLabel: "gjennomførte eller planmessig avviklet deltagelse – eksklusiv flytting",
    byOutcome: {
      workFullTime: 31,
      workPartTime: 13,
      education: 7,
      labourMarketMeasure: 0,
      healthBenefit: 24,
      socialAssistance: 6,
      supportedByFamily: 0,
      parentalLeave: 5,
      other: 16,
      unknown: 0,
    },
  },
  targets: { work: 0.6, education: 0.1, benefit: 0.3 },
  reportedRates: [
    {
      outcome: "work",
      rate: 0.43,
      denominator: "participants",
      label: "43 prosent av våre deltakere",
      lines: "6.0 Oppsummering, p. 18",
    },
    { outcome: "healthBenefit", rate: 0.23, denominator: "exits", lines: "2.2 Resultater 2021, pp. 8–9" },
  ],
  source: {
    document: "Bergen kommune, NAV Årstad (2021). Årsrapport 2021: NorA – Norsk og Arbeid.",
    lines: "2.1 Henvisninger og deltakere; 2.2 Resultater 2021, pp. 6–9",
  },
};

/** Ny sjanse 2024 (Ny sjanse annual report 2024). */
export const nySjanse2024: ProgrammeYearInput = {
  id: "ny-sjanse-2024",
  programme: "Ny sjanse",
  organisation: "Bergen kommune, NAV Bergenhus",
  municipality: "Bergen",
  period: year2024,
  targetGroup: { description: "KVP participants (immigrants)", tags: ["kvp"] },
  participants: { unique: 212, newReferrals: 86, dropOuts: 2, moved: 4 },
  exits: {
    total: 91,
    definition: "planned",
    definitionLabel: "planmessig avsluttet",
    byOutcome: {
      work: 43,
      education: 10,
      healthBenefit: 18,
      labourMarketMeasure: 1,
      socialAssistance: 5,
      parentalLeave: 5,
      supportedByFamily: 2,
      primarySchool: 2,
      other: 1,
    },
    reported: [
      {
        label: "Arbeid",
        gloss: "work",
        count: 43,
        percent: 50,
        outcome: "work",
        lines: "3.2 Resultater pr. 31.12.2024",
      },
      {
        label: "Utdanning",
        gloss: "education",
        count: 10,
        percent: 11,
        outcome: "education",
        lines: "3.2 Resultater pr. 31.12.2024",
      },
      {
        label: "AAP",
        gloss: "work-assessment allowance",
        count: 18,
        percent: 21,
        outcome: "healthBenefit",
        lines: "3.2 Resultater pr. 31.12.2024",
      },
    ],
  },
  reportedRates: [
    {
      outcome: "work",
      rate: 0.5,
      denominator: "participants",
      label: "50 % av deltakerne",
      lines: "3.2 Resultater pr. 31.12.2024",
    },
  ],
  source: {
    document:
      "Bergen kommune, NAV Bergenhus (2024). Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere.",
    lines: "3.1 Antall henvisninger; 3.2 Resultater pr. 31.12.2024",
  },
};

/** Jobbsjansen 2024 (in the Ny sjanse annual report 2024): percent-only. */
export const jobbsjansen2024: ProgrammeYearInput = {
  id: "jobbsjansen-2024",
  programme: "Jobbsjansen",
  period: year2024,
  targetGroup: { description: "immigrant women, not KVP", tags: ["women-only"] },
  participants: { applicants: 84, offered: 57 },
  exits: {
    total: 27,
    definition: "all",
    reported: [
      {
        label: "arbeid og utdanning",
        gloss: "work and education",
        percent: 74,
        outcome: "workOrEducation",
        lines: "6.1 Jobbsjansen – Bergen",
      },
      {
        label: "foreldrepermisjon og flytting",
        gloss: "parental leave and moving",
        percent: 26,
        outcome: "parentalLeaveOrMoved",
        lines: "6.1 Jobbsjansen – Bergen",
      },
    ],
  },
  source: {
    document:
      "Bergen kommune, NAV Bergenhus (2024). Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere.",
    lines: "6.1 Jobbsjansen – Bergen",
  },
};
