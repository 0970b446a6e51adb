import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, type FigureSpec, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

const jobbsjansen2024Figures: FigureSpec[] = [
  {
    path: "participants.applicants",
    where: { section: "6.1" },
    lines: "1942",
    label: "Vi hadde 84 søkere til programmet",
    gloss: "applicants",
  },
  {
    path: "participants.offered",
    where: { section: "6.1" },
    lines: "1942",
    label: "57 deltagere fikk tilbud om program",
    gloss: "offered a place",
  },
  {
    path: "participants.unique",
    where: { section: "6.1" },
    lines: "1615",
    label: "Jobbsjansen gav tilbud til 57 kvinner",
    gloss: "participants in the year",
  },
  {
    path: "exits.total",
    where: { section: "6.1" },
    lines: "1946",
    label: "27 deltager ble avsluttet, hvor 74% ble avsluttet til jobb og utdanning",
    gloss: "planned exits",
  },
  {
    path: "exits.byOutcome.work",
    where: { section: "6.1" },
    lines: "1946",
    label: "til jobb og utdanning",
    gloss: "exits to work: reported only together with education",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "6.1" },
    lines: "1946",
    label: "til jobb og utdanning",
    gloss: "exits to education: reported only together with work",
  },
  {
    path: "exits.byOutcome.parentalLeave",
    where: { section: "6.1" },
    lines: "1950",
    label: "Dette er foreldrepermisjon og flytting",
    gloss: "parental leave: reported only together with moving",
  },
  {
    path: "exits.reported[0]",
    where: { section: "6.1" },
    lines: "1946",
    label: "avsluttet til jobb og utdanning",
    gloss: "exited to work and education",
  },
  {
    path: "exits.reported[1]",
    where: { section: "6.1" },
    lines: "1950",
    label: "avsluttet fra forhold vi i Jobbsjansen ikke styrer over: foreldrepermisjon og flytting",
    gloss: "exited for reasons outside the project's control: parental leave and moving",
  },
  {
    path: "reportedRates[0]",
    where: { section: "6.1" },
    lines: "1615-1617",
    label: "Jobbsjansen gav tilbud til 57 kvinner, hvor 74 % ble avsluttet til jobb og utdanning",
    gloss: "stated rate of workOrEducation",
  },
  {
    path: "reportedRates[1]",
    where: { section: "6.1" },
    lines: "1946",
    label: "27 deltager ble avsluttet, hvor 74% ble avsluttet til jobb og utdanning",
    gloss: "stated rate of workOrEducation",
  },
  {
    path: "reportedRates[2]",
    where: { section: "7" },
    lines: "2047",
    label: "hele 74 % av deltakerne gikk over i jobb",
    gloss: "stated rate of work",
  },
];

/** `jobbsjansen2024` with its provenance. */
export const jobbsjansen2024Cited: CitedProgrammeYear = cited(
  "nySjanse2024",
  {
    id: "jobbsjansen-2024",
    programme: "Jobbsjansen – Bergen",
    organisation: "Bergen kommune, Ny sjanse (NAV Bergenhus); funded by IMDi",
    municipality: "Bergen",
    period: { start: "2024-01-01", end: "2024-12-31" },
    targetGroup: {
      description:
        "Immigrant women outside the labour force: stay-at-home women from Asia, Africa, Eastern Europe and Latin America, women on transitional benefit (overgangsstønad), women without a right to KVP, and from 2021 women on social assistance (sections 1.3, 6.1).",
      tags: ["immigrants", "women-only", "not-kvp"],
    },
    participants: participants({
      unique: 57,
      applicants: 84,
      offered: 57,
      definition:
        "'Jobbsjansen gav tilbud til 57 kvinner' (section 6.1) / '57 deltagere fikk tilbud om program' (section 6.1), read as the participants of 2024",
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
          lines: at("nySjanse2024", { section: "6.1" }),
        },
        {
          label: "avsluttet fra forhold vi i Jobbsjansen ikke styrer over: foreldrepermisjon og flytting",
          gloss: "exited for reasons outside the project's control: parental leave and moving",
          count: 7,
          percent: 26,
          outcome: "parentalLeaveOrMoved",
          lines: at("nySjanse2024", { section: "6.1" }),
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
        lines: at("nySjanse2024", { section: "6.1" }),
      },
      {
        outcome: "workOrEducation",
        rate: 0.74,
        denominator: "exits",
        decimals: 0,
        label: "27 deltager ble avsluttet, hvor 74% ble avsluttet til jobb og utdanning",
        lines: at("nySjanse2024", { section: "6.1" }),
      },
      {
        outcome: "work",
        rate: 0.74,
        denominator: "participants",
        decimals: 0,
        label: "hele 74 % av deltakerne gikk over i jobb",
        lines: at("nySjanse2024", { section: "7" }),
      },
    ],
    flags: [
      {
        code: "back-solved",
        path: "exits.reported[0].count",
        message:
          "74 % of 27 back-solved to 20 (the only whole count within ±0.5 percentage points: 20/27 = 74.1 %); the report prints only the percentage (section 6.1).",
      },
      {
        code: "back-solved",
        path: "exits.reported[1].count",
        message:
          "26 % of 27 back-solved to 7 (the only whole count within ±0.5 percentage points: 7/27 = 25.9 %); 20 + 7 = 27. The report prints only the percentage (section 6.1).",
      },
      {
        code: "denominator-wording",
        path: "reportedRates[2]",
        message:
          "'74 % av deltakerne gikk over i jobb' (section 7) contradicts section 6.1, where 74 % is the share of the 27 exits that went to work and education; the work/education split is not reported, and 74 % of the 57 women (section 6.1) would be 42.2, not a whole number.",
      },
      {
        code: "not-reported",
        path: "targets",
        message:
          "'Måltallene ble nådd' (the targets were met, section 7), but the target values are not given.",
      },
      {
        code: "ambiguous",
        path: "participants.unique",
        message:
          "57 women were offered a place (section 6.1); the report does not say whether this is everyone followed up in 2024 or the year's intake from the 84 applicants.",
      },
    ],
  },
  { section: ["1.3", "6.1", "7"] },
  "73-81, 1579-1617, 1631-1674, 1936-1950, 2047",
  jobbsjansen2024Figures,
);

/**
 * Jobbsjansen – Bergen, 2024: the IMDi-funded qualification project for immigrant women run by Ny
 * sjanse (Ny sjanse annual report 2024, section 6.1 «Jobbsjansen – Bergen», with the closing
 * remark in section 7).
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
export const jobbsjansen2024: ProgrammeYear = withoutProvenance(jobbsjansen2024Cited);
