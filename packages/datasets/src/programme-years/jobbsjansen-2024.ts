import type { ProgrammeYear } from "@tiltak/compare";
import { outcomes, participants } from "./outcomes.js";
import { nySjanseReport2024 } from "./sources.js";

/**
 * Jobbsjansen – Bergen, 2024: the IMDi-funded qualification project for immigrant women run by Ny
 * sjanse (seed 002, §6.1, L1579-1617 and L1936-1950, with the closing remark at L2047).
 *
 * 84 applicants, 57 offered a place, 27 exits of which 74 % to work and education and 26 % to parental
 * leave or moving. Only percentages are printed; the counts 20 and 7 are the only whole numbers of 27
 * that reproduce them.

 *
 * @example
 * ```ts
 * import { jobbsjansen2024 } from "@tiltak/datasets";
 * jobbsjansen2024.exits.reported[0]?.count; // => 20
 * jobbsjansen2024.exits.reported[0]?.percent; // => 74
 * jobbsjansen2024.exits.byOutcome.work; // => null
 * jobbsjansen2024.participants.applicants; // => 84
 * ```
 */
export const jobbsjansen2024: ProgrammeYear = {
  id: "jobbsjansen-2024",
  programme: "Jobbsjansen – Bergen",
  organisation: "Bergen kommune, Ny sjanse (NAV Bergenhus); funded by IMDi",
  municipality: "Bergen",
  period: { start: "2024-01-01", end: "2024-12-31" },
  targetGroup: {
    description:
      "Immigrant women outside the labour force: stay-at-home women from Asia, Africa, Eastern Europe and Latin America, women on transitional benefit (overgangsstønad), women without a right to KVP, and from 2021 women on social assistance (L73-81, L1631-1674).",
    tags: ["immigrants", "women-only", "not-kvp"],
  },
  participants: participants({
    unique: 57,
    applicants: 84,
    offered: 57,
    definition:
      "'Jobbsjansen gav tilbud til 57 kvinner' (L1615) / '57 deltagere fikk tilbud om program' (L1942), read as the participants of 2024",
  }),
  exits: {
    total: 27,
    definition: "all",
    definitionLabel: "avsluttet",
    byOutcome: outcomes({}),
    reported: [
      {
        label: "avsluttet til jobb og utdanning",
        gloss: "exited to work and education",
        count: 20,
        percent: 74,
        outcome: "workOrEducation",
        lines: "L1946",
      },
      {
        label: "avsluttet fra forhold vi i Jobbsjansen ikke styrer over: foreldrepermisjon og flytting",
        gloss: "exited for reasons outside the project's control: parental leave and moving",
        count: 7,
        percent: 26,
        outcome: "parentalLeaveOrMoved",
        lines: "L1950",
      },
    ],
  },
  targets: {},
  targetsDenominator: "exits",
  reportedRates: [
    {
      outcome: "workOrEducation",
      rate: 0.74,
      denominator: "unspecified",
      decimals: 0,
      label: "Jobbsjansen gav tilbud til 57 kvinner, hvor 74 % ble avsluttet til jobb og utdanning",
      lines: "L1615-1617",
    },
    {
      outcome: "workOrEducation",
      rate: 0.74,
      denominator: "exits",
      decimals: 0,
      label: "27 deltager ble avsluttet, hvor 74% ble avsluttet til jobb og utdanning",
      lines: "L1946",
    },
    {
      outcome: "work",
      rate: 0.74,
      denominator: "participants",
      decimals: 0,
      label: "hele 74 % av deltakerne gikk over i jobb",
      lines: "L2047",
    },
  ],
  source: { document: nySjanseReport2024, lines: "L73-81, L1579-1617, L1631-1674, L1936-1950, L2047" },
  flags: [
    {
      code: "back-solved",
      path: "exits.reported[0].count",
      message:
        "74 % of 27 back-solved to 20 (the only whole count within ±0.5 percentage points: 20/27 = 74.1 %); the report prints only the percentage (L1946).",
    },
    {
      code: "back-solved",
      path: "exits.reported[1].count",
      message:
        "26 % of 27 back-solved to 7 (the only whole count within ±0.5 percentage points: 7/27 = 25.9 %); 20 + 7 = 27. The report prints only the percentage (L1950).",
    },
    {
      code: "denominator-wording",
      path: "reportedRates[2]",
      message:
        "'74 % av deltakerne gikk over i jobb' (L2047) contradicts L1617 and L1946, where 74 % is the share of the 27 exits that went to work and education; the work/education split is not reported, and 74 % of the 57 women (L1615) would be 42.2, not a whole number.",
    },
    {
      code: "not-reported",
      path: "targets",
      message: "'Måltallene ble nådd' (the targets were met, L2047), but the target values are not given.",
    },
    {
      code: "ambiguous",
      path: "participants.unique",
      message:
        "57 women were offered a place (L1615, L1942); the report does not say whether this is everyone followed up in 2024 or the year's intake from the 84 applicants.",
    },
  ],
};
