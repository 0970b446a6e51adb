import type { ProgrammeYear } from "@tiltak/compare";
import { outcomes, participants } from "./outcomes.js";
import { nySjanseReport2024 } from "./sources.js";

/**
 * Ny sjanse – Kvalifiseringssenter for innvandrere, Bergen, 2024 (seed 002, §3.1 referrals L164-248
 * and §3.2 "Resultater pr. 31.12.2024" L252-305).
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
export const nySjanse2024: ProgrammeYear = {
  id: "ny-sjanse-2024",
  programme: "Ny sjanse – Kvalifiseringssenter for innvandrere",
  organisation: "Bergen kommune, NAV Bergenhus",
  municipality: "Bergen",
  period: { start: "2024-01-01", end: "2024-12-31" },
  targetGroup: {
    description:
      "Immigrants of working age on the qualification programme (KVP) with substantially reduced work and income capacity, referred by their local NAV office in Bergen (L31-65).",
    tags: ["immigrants", "kvp"],
  },
  participants: participants({
    unique: 212,
    newReferrals: 86,
    dropOuts: 2,
    moved: 4,
    definition:
      "Antall deltakere i 2024 (participants in 2024, L256; 'tilbudt kvalifisering til 212 deltakere', L1953)",
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
      { label: "Arbeid", gloss: "work", count: 43, percent: 50, outcome: "work", lines: "L266" },
      { label: "Utdanning", gloss: "education", count: 10, percent: 11, outcome: "education", lines: "L268" },
      {
        label: "AAP",
        gloss: "work assessment allowance",
        count: 18,
        percent: 21,
        outcome: "healthBenefit",
        lines: "L270",
      },
      {
        label: "Stat. arbeidsmarkedst.",
        gloss: "state labour-market measure",
        count: 1,
        percent: 1,
        outcome: "labourMarketMeasure",
        lines: "L272",
      },
      {
        label: "Økonomisk sosialhjelp",
        gloss: "social assistance",
        count: 5,
        percent: 6,
        outcome: "socialAssistance",
        lines: "L274",
      },
      {
        label: "Fødselsperm",
        gloss: "maternity / parental leave",
        count: 5,
        percent: 6,
        outcome: "parentalLeave",
        lines: "L276",
      },
      {
        label: "Forsørget av familie",
        gloss: "supported by family",
        count: 2,
        percent: 2,
        outcome: "supportedByFamily",
        lines: "L278",
      },
      {
        label: "Grunnskole",
        gloss: "primary or lower-secondary school",
        count: 2,
        percent: 2,
        outcome: "primarySchool",
        lines: "L280",
      },
      { label: "Annet", gloss: "other", count: 1, percent: 1, outcome: "other", lines: "L282" },
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
      lines: "L295",
    },
    {
      outcome: "work",
      rate: 0.5,
      denominator: "participants",
      decimals: 0,
      label: "212 deltakere … Halvparten av deltakerne har gått over i jobb",
      lines: "L1953-1955",
    },
  ],
  source: { document: nySjanseReport2024, lines: "L31-65, L110-152, L164-248, L252-305, L1951-1959" },
  flags: [
    {
      code: "categories-do-not-sum",
      path: "exits.byOutcome",
      message:
        "The exit categories sum to 87, not to the 91 planned exits (L262-282); 91 − 87 = 4, the number who moved out of the municipality (L262), so the 91 may include the movers while the categories and percentages exclude them. The report does not say.",
    },
    {
      code: "rounding-disagreement",
      path: "exits.reported[0].percent",
      message:
        "The reported 50 % to work (L266) fits neither 43/91 = 47.3 % nor 43/87 = 49.4 %; the other percentages fit a base of 87 (AAP 18/87 = 20.7 % → 21 %), and the printed percentages sum to exactly 100.",
    },
    {
      code: "denominator-wording",
      path: "reportedRates",
      message:
        "'50 % av deltakerne skrevet ut til arbeid' (L295) and 'Halvparten av deltakerne [212] har gått over i jobb' (L1953-1955) are shares of exits; as a share of the 212 participants, work is 43/212 = 20.3 %.",
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
        "No gender split of the 212 participants; the 86 referrals were 56 women and 30 men (L245). It is not stated whether the 212 include the 57 Jobbsjansen participants (Jobbsjansen is not KVP, so probably not).",
    },
  ],
};
