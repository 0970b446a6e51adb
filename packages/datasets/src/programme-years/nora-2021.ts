import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, type FigureSpec, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

const nora2021Figures: FigureSpec[] = [
  {
    path: "participants.newReferrals",
    where: { section: "2.1" },
    lines: "86",
    label: "totalt 98 henvisninger fra NAV lokal",
    gloss: "new referrals",
  },
  {
    path: "participants.unique",
    where: { section: "2.1" },
    lines: "86",
    label: "totalt 230 deltakere som har deltatt i løpet av året",
    gloss: "participants in the year",
  },
  {
    path: "participants.unplannedExits",
    where: { section: "2.1" },
    lines: "86",
    label: "(gjelder 20 deltakere)",
    gloss: "unplanned exits (dropouts and no-shows)",
  },
  {
    path: "participants.activeEnd",
    where: { section: "2.1" },
    lines: "86",
    label: "per 31.12.21 hadde 109 aktive deltakere",
    gloss: "active at the end of the year",
  },
  {
    path: "participants.noShows",
    where: { section: "2.1" },
    lines: "88",
    label: "tre deltakere som var henvist til NorA, men som ikke møtte",
    gloss: "referred but never showed up",
  },
  {
    path: "participants.dropOuts",
    where: { section: "2.1" },
    lines: "88",
    label: "hele 17 deltakere som droppet ut",
    gloss: "dropped out",
  },
  {
    path: "exits.total",
    where: { section: "2.1" },
    lines: "117",
    label: "eksklusiv flytting: | 102 | 84 %",
    gloss: "planned exits",
  },
  {
    path: "exits.total",
    where: { section: "2.2" },
    lines: "142",
    label: "Antall planmessig avsluttet: 102",
    gloss: "planned exits",
  },
  {
    path: "exits.total",
    where: { section: "2.1" },
    lines: "102",
    label: "Av de 210 aktive deltakerne vi har hatt i tiltaket i 2021 har 102 blitt avsluttet",
    gloss: "planned exits",
  },
  {
    path: "exits.byOutcome.workFullTime",
    where: { section: "2.1" },
    lines: "119",
    label: "Arbeid fulltid (A) | 31 |",
    gloss: "exits to full-time work",
  },
  {
    path: "exits.byOutcome.workPartTime",
    where: { section: "2.1" },
    lines: "120",
    label: "Arbeid deltid (AD) | 13 |",
    gloss: "exits to part-time work",
  },
  {
    path: "exits.byOutcome.work",
    where: { section: "2.2" },
    lines: "146",
    label: "Arbeid | 44 | - | 43%",
    gloss: "exits to work",
  },
  {
    path: "exits.byOutcome.work",
    where: { section: "2.1" },
    lines: "102",
    label: "44 deltakere blitt avsluttet til lønnet arbeid",
    gloss: "exits to work",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "2.1" },
    lines: "121",
    label: "Utdanning (UT) | 7 |",
    gloss: "exits to education",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "2.1" },
    lines: "110",
    label: "Vi har 7 deltakere som er avsluttet til utdanning",
    gloss: "exits to education",
  },
  {
    path: "exits.byOutcome.labourMarketMeasure",
    where: { section: "2.1" },
    lines: "122",
    label: "Arbeidsmarkedstiltak i statlig regi (AS) | | |",
    gloss: "exits to a state labour-market measure",
  },
  {
    path: "exits.byOutcome.healthBenefit",
    where: { section: "2.1" },
    lines: "123",
    label: "Arbeidsavklaringspenger (AP) | 24 |",
    gloss: "exits to health-related benefits (AAP)",
  },
  {
    path: "exits.byOutcome.healthBenefit",
    where: { section: "2.1" },
    lines: "106",
    label: "hele 24 deltakere har blitt avsluttet som følge av at de har søkt om arbeidsavklaringspenger",
    gloss: "exits to health-related benefits (AAP)",
  },
  {
    path: "exits.byOutcome.socialAssistance",
    where: { section: "2.1" },
    lines: "124",
    label: "Økonomisk sosialhjelp/uavklart helse (SU) | 6 |",
    gloss: "exits to social assistance",
  },
  {
    path: "exits.byOutcome.supportedByFamily",
    where: { section: "2.1" },
    lines: "127",
    label: "Forsørget av familie (FF) | | |",
    gloss: "supported by family",
  },
  {
    path: "exits.byOutcome.parentalLeave",
    where: { section: "2.1" },
    lines: "128",
    label: "Fødselspermisjon (FP) | 5 |",
    gloss: "parental leave",
  },
  {
    path: "exits.byOutcome.other",
    where: { section: "2.1" },
    lines: "129",
    label: "Annet (AN) | 16 |",
    gloss: "other exits",
  },
  {
    path: "exits.byOutcome.unknown",
    where: { section: "2.1" },
    lines: "130",
    label: "Ukjent (U) | | |",
    gloss: "unknown",
  },
  {
    path: "exits.byOutcome.primarySchool",
    where: { section: "2.2" },
    lines: "159",
    label: "3 Grunnskole",
    gloss: "exits to primary school: not reported separately (inside «Annet»)",
  },
  {
    path: "targets.work",
    where: { section: "1.0" },
    lines: "47",
    label: "60% av deltakere skal komme i ordinært arbeid",
    gloss: "target: share into ordinary work",
  },
  {
    path: "targets.education",
    where: { section: "1.0" },
    lines: "47",
    label: "10% skal komme ut i utdanning",
    gloss: "target: share into education",
  },
  {
    path: "targets.benefit",
    where: { section: "1.0" },
    lines: "47",
    label: "resterende 30% skal avklares til andre trygderettigheter",
    gloss: "target: share clarified to other benefits",
  },
  {
    path: "exits.reported[0]",
    where: { section: "2.1" },
    lines: "119",
    label: "Arbeid fulltid",
    gloss: "full-time work",
  },
  {
    path: "exits.reported[1]",
    where: { section: "2.1" },
    lines: "120",
    label: "Arbeid deltid",
    gloss: "part-time work",
  },
  {
    path: "exits.reported[2]",
    where: { section: "2.1" },
    lines: "121",
    label: "Utdanning",
    gloss: "education (upper-secondary or higher, section 2.1)",
  },
  {
    path: "exits.reported[3]",
    where: { section: "2.1" },
    lines: "123",
    label: "Arbeidsavklaringspenger",
    gloss: "work assessment allowance (AAP)",
  },
  {
    path: "exits.reported[4]",
    where: { section: "2.1" },
    lines: "124",
    label: "Økonomisk sosialhjelp/uavklart helse",
    gloss: "social assistance / health not yet clarified",
  },
  {
    path: "exits.reported[5]",
    where: { section: "2.1" },
    lines: "128",
    label: "Fødselspermisjon",
    gloss: "maternity / parental leave",
  },
  { path: "exits.reported[6]", where: { section: "2.1" }, lines: "129", label: "Annet", gloss: "other" },
  { path: "exits.reported[7]", where: { section: "2.2" }, lines: "146", label: "Arbeid", gloss: "work" },
  {
    path: "reportedRates[0]",
    where: { section: "2.2" },
    lines: "147",
    label: "Utdanning 7 - 7%",
    gloss: "stated rate of education",
  },
  {
    path: "reportedRates[1]",
    where: { section: "2.2" },
    lines: "148",
    label: "AAP 24 - 23%",
    gloss: "stated rate of healthBenefit",
  },
  {
    path: "reportedRates[2]",
    where: { section: "2.2" },
    lines: "149",
    label: "Øk.soshj./uavklart helse 6 - 6%",
    gloss: "stated rate of socialAssistance",
  },
  {
    path: "reportedRates[3]",
    where: { section: "2.2" },
    lines: "150",
    label: "Annet 16 - 16%",
    gloss: "stated rate of other",
  },
  {
    path: "reportedRates[4]",
    where: { section: "2.2" },
    lines: "151",
    label: "Fødselspermisjon 5 - 5%",
    gloss: "stated rate of parentalLeave",
  },
  {
    path: "reportedRates[5]",
    where: { section: "6.0" },
    lines: "338",
    label: "hele 43 prosent av våre deltakere har kommet ut i ordinær jobb",
    gloss: "stated rate of work",
  },
  {
    path: "reportedRates[6]",
    where: { section: "6.0" },
    lines: "338",
    label: "hele 23 prosent av våre deltakere blir avklart til AAP/andre ytelser",
    gloss: "stated rate of healthBenefit",
  },
];

/** `nora2021` with its provenance. */
export const nora2021Cited: CitedProgrammeYear = cited(
  "nora2021",
  {
    id: "nora-2021",
    programme: "NorA – Norsk og Arbeid",
    organisation: "Bergen kommune, NAV Årstad",
    municipality: "Bergen",
    period: { start: "2021-01-01", end: "2021-12-31" },
    targetGroup: {
      description:
        "Immigrants on the qualification programme (KVP, ages 18-67), people leaving the introduction programme who apply for social assistance or the KVP stipend, and long-term social-assistance recipients without a right to KVP (section 1.1); referred by their local NAV office (section 1.1). Ages 21-65 in 2021 (section 2.1).",
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
        "deltakere som har deltatt i løpet av året, inkludert de som har droppet ut og ikke møtt (participants during the year including 20 dropouts and no-shows, section 2.1); 'de 210 aktive deltakerne' exclude them (section 2.1)",
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
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Arbeid deltid",
          gloss: "part-time work",
          count: 13,
          percent: 13,
          outcome: "workPartTime",
          code: "AD",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Utdanning",
          gloss: "education (upper-secondary or higher, section 2.1)",
          count: 7,
          percent: 7,
          outcome: "education",
          code: "UT",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Arbeidsavklaringspenger",
          gloss: "work assessment allowance (AAP)",
          count: 24,
          percent: 24,
          outcome: "healthBenefit",
          code: "AP",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Økonomisk sosialhjelp/uavklart helse",
          gloss: "social assistance / health not yet clarified",
          count: 6,
          percent: 6,
          outcome: "socialAssistance",
          code: "SU",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Fødselspermisjon",
          gloss: "maternity / parental leave",
          count: 5,
          percent: 5,
          outcome: "parentalLeave",
          code: "FP",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Annet",
          gloss: "other",
          count: 16,
          percent: 16,
          outcome: "other",
          code: "AN",
          lines: at("nora2021", { section: "2.1" }),
        },
        {
          label: "Arbeid",
          gloss: "work",
          count: 44,
          percent: 43,
          outcome: "work",
          lines: at("nora2021", { section: "2.2" }),
        },
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
        lines: at("nora2021", { section: "2.2" }),
      },
      {
        outcome: "healthBenefit",
        rate: 0.23,
        denominator: "exits",
        decimals: 0,
        label: "AAP 24 - 23%",
        lines: at("nora2021", { section: "2.2" }),
      },
      {
        outcome: "socialAssistance",
        rate: 0.06,
        denominator: "exits",
        decimals: 0,
        label: "Øk.soshj./uavklart helse 6 - 6%",
        lines: at("nora2021", { section: "2.2" }),
      },
      {
        outcome: "other",
        rate: 0.16,
        denominator: "exits",
        decimals: 0,
        label: "Annet 16 - 16%",
        lines: at("nora2021", { section: "2.2" }),
      },
      {
        outcome: "parentalLeave",
        rate: 0.05,
        denominator: "exits",
        decimals: 0,
        label: "Fødselspermisjon 5 - 5%",
        lines: at("nora2021", { section: "2.2" }),
      },
      {
        outcome: "work",
        rate: 0.43,
        denominator: "participants",
        decimals: 0,
        label: "hele 43 prosent av våre deltakere har kommet ut i ordinær jobb",
        lines: at("nora2021", { section: "6.0" }),
      },
      {
        outcome: "healthBenefit",
        rate: 0.23,
        denominator: "participants",
        decimals: 0,
        label: "hele 23 prosent av våre deltakere blir avklart til AAP/andre ytelser",
        lines: at("nora2021", { section: "6.0" }),
      },
    ],
    flags: [
      {
        code: "stock-flow-gap",
        path: "participants.activeEnd",
        message:
          "230 participants − 20 dropouts and no-shows − 102 exits = 108 (section 2.1), but 109 were active on 31.12.21 (section 2.1): off by one.",
      },
      {
        code: "rounding-disagreement",
        path: "exits.reported",
        message:
          "AAP is reported as 24 % on the form (section 2.1) and as 23 % in the results table (section 2.2); 24/102 = 23.5 %.",
      },
      {
        code: "denominator-wording",
        path: "reportedRates",
        message:
          "'43 prosent av våre deltakere' in ordinary work and '23 prosent' to AAP/other benefits (section 6.0) are shares of the 102 exits (44/102 = 43.1 %, 24 AAP exits/102 = 23.5 %), not of the 230 participants (19.1 % and 10.4 %).",
      },
      {
        code: "unstated-base",
        message:
          "The form's 84 % beside the 102 exits (section 2.1) has no stated denominator: 102/121 (ended during the year) = 84.3 %, 102/122 (102 + 20 dropouts and no-shows) = 83.6 %; without the 9 movers it would be about 90 %, so 'eksklusiv flytting' does not seem to apply to it.",
      },
      {
        code: "derived",
        path: "exits.byOutcome",
        message:
          "The form's rows AS (state labour-market measure), SH (social assistance as main income), U (disability benefit), FF (supported by family) and Ukjent (unknown) are blank (section 2.1); they are recorded as 0 because the filled rows already sum to the 102 exits. work = 31 full-time + 13 part-time = 44 (sections 2.1, 2.2).",
      },
      {
        code: "ambiguous",
        path: "exits.reported",
        message:
          "Each form row has two unlabelled sub-columns (section 2.1), e.g. AP 10 / 14, which matches the 10 KVP and 14 social-assistance AAP exits of section 2.1; their meaning is not stated.",
      },
      {
        code: "category-scope",
        path: "exits.byOutcome.other",
        message:
          "'Annet' (16) includes 3 exits to primary or lower-secondary school (grunnskole, section 2.2); 'Utdanning' means upper-secondary or higher (section 2.1). The 17 dropouts include 9 moves (8 abroad, 1 within Norway, section 2.1), although the exits exclude moves.",
      },
      {
        code: "unstated-base",
        message: "No gender split of participants; referrals were 60 women and 38 men (section 2.1).",
      },
    ],
  },
  { section: ["1.0", "1.1", "2.1", "2.2", "6.0"] },
  "45-47, 49-61, 84-112, 115-130, 138-161, 338",
  nora2021Figures,
);

/**
 * NorA – Norsk og Arbeid, Bergen, 2021 (NorA «Årsrapport 2021»: section 2.1 «Henvisninger og
 * deltakere» with the monthly reporting form, and section 2.2 «Resultater 2021»).
 *
 * 230 participants during the year including 20 who never started or dropped out (3 no-shows, 17
 * dropouts, of whom 9 moved), 109 active on 31.12.21, 98 referrals, 102 completed or planned exits
 * excluding moves: 44 to work (31 full-time, 13 part-time), 7 to education, 24 to AAP. Targets: 60 %
 * ordinary work, 10 % education, the remaining 30 % clarified to other benefits (section 1.0).

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
export const nora2021: ProgrammeYear = withoutProvenance(nora2021Cited);
