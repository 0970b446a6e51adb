import type { ProgrammeYear } from "@tiltak/compare";
import { outcomes, participants } from "./outcomes.js";
import { noraReport2021 } from "./sources.js";

/**
 * NorA – Norsk og Arbeid, Bergen, 2021 (seed 001: §2.1 "Henvisninger og deltakere" L84-112, the
 * monthly reporting form L115-130 and §2.2 "Resultater 2021" L138-161).
 *
 * 230 participants during the year including 20 who never started or dropped out (3 no-shows, 17
 * dropouts, of whom 9 moved), 109 active on 31.12.21, 98 referrals, 102 completed or planned exits
 * excluding moves: 44 to work (31 full-time, 13 part-time), 7 to education, 24 to AAP. Targets: 60 %
 * ordinary work, 10 % education, the remaining 30 % clarified to other benefits (L47).

 *
 * @example
 * ```ts
 * import { nora2021 } from "@tiltak/datasets";
 * nora2021.exits.byOutcome.work; // => 44
 * nora2021.exits.byOutcome.workFullTime; // => 31
 * nora2021.exits.definition; // => "plannedExcludingMoves"
 * nora2021.targets.benefit; // => 0.3
 * ```
 */
export const nora2021: ProgrammeYear = {
  id: "nora-2021",
  programme: "NorA – Norsk og Arbeid",
  organisation: "Bergen kommune, NAV Årstad",
  municipality: "Bergen",
  period: { start: "2021-01-01", end: "2021-12-31" },
  targetGroup: {
    description:
      "Immigrants on the qualification programme (KVP, ages 18-67), people leaving the introduction programme who apply for social assistance or the KVP stipend, and long-term social-assistance recipients without a right to KVP (L49-59); referred by their local NAV office (L61). Ages 21-65 in 2021 (L112).",
    tags: ["immigrants", "kvp", "social-assistance"],
  },
  participants: participants({
    unique: 230,
    activeEnd: 109,
    newReferrals: 98,
    noShows: 3,
    dropOuts: 17,
    unplannedExits: 20,
    definition:
      "deltakere som har deltatt i løpet av året, inkludert de som har droppet ut og ikke møtt (participants during the year including 20 dropouts and no-shows, L86); 'de 210 aktive deltakerne' exclude them (L102)",
  }),
  exits: {
    total: 102,
    definition: "plannedExcludingMoves",
    definitionLabel:
      "gjennomførte eller planmessig avviklet deltagelse i perioden (01.01.21 t.o.m 31.12.21) - eksklusiv flytting",
    byOutcome: outcomes({
      work: 44,
      workFullTime: 31,
      workPartTime: 13,
      education: 7,
      labourMarketMeasure: 0,
      healthBenefit: 24,
      socialAssistance: 6,
      parentalLeave: 5,
      supportedByFamily: 0,
      other: 16,
      unknown: 0,
    }),
    reported: [
      {
        label: "Arbeid fulltid",
        gloss: "full-time work",
        count: 31,
        percent: 30,
        outcome: "workFullTime",
        code: "A",
        lines: "L119",
      },
      {
        label: "Arbeid deltid",
        gloss: "part-time work",
        count: 13,
        percent: 13,
        outcome: "workPartTime",
        code: "AD",
        lines: "L120",
      },
      {
        label: "Utdanning",
        gloss: "education (upper-secondary or higher, L110)",
        count: 7,
        percent: 7,
        outcome: "education",
        code: "UT",
        lines: "L121",
      },
      {
        label: "Arbeidsavklaringspenger",
        gloss: "work assessment allowance (AAP)",
        count: 24,
        percent: 24,
        outcome: "healthBenefit",
        code: "AP",
        lines: "L123",
      },
      {
        label: "Økonomisk sosialhjelp/uavklart helse",
        gloss: "social assistance / health not yet clarified",
        count: 6,
        percent: 6,
        outcome: "socialAssistance",
        code: "SU",
        lines: "L124",
      },
      {
        label: "Fødselspermisjon",
        gloss: "maternity / parental leave",
        count: 5,
        percent: 5,
        outcome: "parentalLeave",
        code: "FP",
        lines: "L128",
      },
      { label: "Annet", gloss: "other", count: 16, percent: 16, outcome: "other", code: "AN", lines: "L129" },
      { label: "Arbeid", gloss: "work", count: 44, percent: 43, outcome: "work", lines: "L146" },
    ],
  },
  targets: { work: 0.6, education: 0.1, benefit: 0.3 },
  targetsDenominator: "exits",
  reportedRates: [
    {
      outcome: "education",
      rate: 0.07,
      denominator: "exits",
      decimals: 0,
      label: "Utdanning 7 - 7%",
      lines: "L147",
    },
    {
      outcome: "healthBenefit",
      rate: 0.23,
      denominator: "exits",
      decimals: 0,
      label: "AAP 24 - 23%",
      lines: "L148",
    },
    {
      outcome: "socialAssistance",
      rate: 0.06,
      denominator: "exits",
      decimals: 0,
      label: "Øk.soshj./uavklart helse 6 - 6%",
      lines: "L149",
    },
    {
      outcome: "other",
      rate: 0.16,
      denominator: "exits",
      decimals: 0,
      label: "Annet 16 - 16%",
      lines: "L150",
    },
    {
      outcome: "parentalLeave",
      rate: 0.05,
      denominator: "exits",
      decimals: 0,
      label: "Fødselspermisjon 5 - 5%",
      lines: "L151",
    },
    {
      outcome: "work",
      rate: 0.43,
      denominator: "participants",
      decimals: 0,
      label: "hele 43 prosent av våre deltakere har kommet ut i ordinær jobb",
      lines: "L338",
    },
    {
      outcome: "healthBenefit",
      rate: 0.23,
      denominator: "participants",
      decimals: 0,
      label: "hele 23 prosent av våre deltakere blir avklart til AAP/andre ytelser",
      lines: "L338",
    },
  ],
  source: { document: noraReport2021, lines: "L45-47, L49-61, L84-112, L115-130, L138-161, L338" },
  flags: [
    {
      code: "stock-flow-gap",
      path: "participants.activeEnd",
      message:
        "230 participants − 20 dropouts and no-shows − 102 exits = 108 (L86, L88, L102), but 109 were active on 31.12.21 (L86): off by one.",
    },
    {
      code: "rounding-disagreement",
      path: "exits.reported",
      message:
        "AAP is reported as 24 % on the form (L123) and as 23 % in the results table (L148); 24/102 = 23.5 %.",
    },
    {
      code: "denominator-wording",
      path: "reportedRates",
      message:
        "'43 prosent av våre deltakere' in ordinary work and '23 prosent' to AAP/other benefits (L338) are shares of the 102 exits (44/102 = 43.1 %, 24 AAP exits/102 = 23.5 %), not of the 230 participants (19.1 % and 10.4 %).",
    },
    {
      code: "unstated-base",
      message:
        "The form's 84 % beside the 102 exits (L117) has no stated denominator: 102/121 (ended during the year) = 84.3 %, 102/122 (102 + 20 dropouts and no-shows) = 83.6 %; without the 9 movers it would be about 90 %, so 'eksklusiv flytting' does not seem to apply to it.",
    },
    {
      code: "derived",
      path: "exits.byOutcome",
      message:
        "The form's rows AS (state labour-market measure), SH (social assistance as main income), U (disability benefit), FF (supported by family) and Ukjent (unknown) are blank (L122, L125-127, L130); they are recorded as 0 because the filled rows already sum to the 102 exits. work = 31 full-time + 13 part-time = 44 (L119-120, L146).",
    },
    {
      code: "ambiguous",
      path: "exits.reported",
      message:
        "Each form row has two unlabelled sub-columns (L119-129), e.g. AP 10 / 14, which matches the 10 KVP and 14 social-assistance AAP exits of L106; their meaning is not stated.",
    },
    {
      code: "category-scope",
      path: "exits.byOutcome.other",
      message:
        "'Annet' (16) includes 3 exits to primary or lower-secondary school (grunnskole, L159); 'Utdanning' means upper-secondary or higher (L110). The 17 dropouts include 9 moves (8 abroad, 1 within Norway, L92-93), although the exits exclude moves.",
    },
    {
      code: "unstated-base",
      message: "No gender split of participants; referrals were 60 women and 38 men (L100).",
    },
  ],
};
