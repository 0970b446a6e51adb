import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, type FigureSpec, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

const nora2024Figures: FigureSpec[] = [
  {
    path: "participants.unique",
    where: { section: "Resultater 2024" },
    lines: "72",
    label: "NorA hadde 221 unike deltakere",
    gloss: "participants in the year",
  },
  {
    path: "participants.activeEnd",
    where: { section: "Resultater 2024" },
    lines: "72-73",
    label: "Ved utgangen av året var det 133 aktive deltakere",
    gloss: "active at the end of the year",
  },
  {
    path: "participants.newReferrals",
    where: { section: "Resultater 2024" },
    lines: "77",
    label: "fikk NorA 91 nye henvisninger",
    gloss: "new referrals",
  },
  {
    path: "exits.total",
    where: { section: "Resultater 2024" },
    lines: "77-78",
    label: "84 av deltakere ble planmessig avsluttet",
    gloss: "planned exits",
  },
  {
    path: "exits.byOutcome.work",
    where: { section: "Resultater 2024" },
    lines: "79",
    label: "27 deltakere avsluttet til lønnet arbeid",
    gloss: "exits to work",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "Resultater 2024" },
    lines: "79-80",
    label: "15 deltakere begynte i utdanning",
    gloss: "exits to education",
  },
  {
    path: "exits.byOutcome.labourMarketMeasure",
    where: { section: "Resultater 2024" },
    lines: "80",
    label: "4 deltakere startet i arbeidsmarkedstiltak i statlig regi",
    gloss: "exits to a state labour-market measure",
  },
  {
    path: "exits.byOutcome.healthBenefit",
    where: { section: "Resultater 2024" },
    lines: "80-81",
    label: "17 deltakere ble avsluttet mot helserelaterte ytelser",
    gloss: "exits to health-related benefits",
  },
  {
    path: "exits.byOutcome.otherFollowUp",
    where: { section: "Resultater 2024" },
    lines: "81-82",
    label: "21 deltakere ble avsluttet til annen oppfølging på lokalkontoret",
    gloss: "other follow-up at the local NAV office",
  },
  {
    path: "exits.byOutcome.socialAssistance",
    where: { section: "Resultater 2024" },
    lines: "77-82",
    label: "annen oppfølging",
    gloss: "exits to social assistance: not reported separately (inside «annen oppfølging»)",
  },
  {
    path: "exits.byOutcome.workFullTime",
    where: { section: "Arbeidsrettet oppfølging" },
    lines: "111-112",
    label: "Majoriteten av disse ble avsluttet til fulltidsarbeid",
    gloss: "exits to full-time work: «the majority», no count",
  },
  {
    path: "targets.work",
    where: { section: "NorA - norsk og arbeid" },
    lines: "23",
    label: "60% av deltakere skal komme i ordinært arbeid",
    gloss: "target: share into ordinary work",
  },
  {
    path: "targets.education",
    where: { section: "NorA - norsk og arbeid" },
    lines: "24",
    label: "10% skal komme ut i utdanning",
    gloss: "target: share into education",
  },
  {
    path: "participants.dropOuts",
    where: { section: "Resultater 2024" },
    lines: "71-82",
    label: "planmessig avsluttet",
    gloss: "dropouts: not reported (only planned exits are)",
  },
  {
    path: "exits.reported[0]",
    where: { section: "Resultater 2024" },
    lines: "78-79",
    label: "avsluttet til arbeid og utdanning",
    gloss: "exited to work and education",
  },
  {
    path: "exits.reported[1]",
    where: { section: "Resultater 2024" },
    lines: "79",
    label: "avsluttet til lønnet arbeid",
    gloss: "exited to paid work",
  },
  {
    path: "exits.reported[2]",
    where: { section: "Resultater 2024" },
    lines: "79-80",
    label: "begynte i utdanning",
    gloss: "started education",
  },
  {
    path: "exits.reported[3]",
    where: { section: "Resultater 2024" },
    lines: "80",
    label: "startet i arbeidsmarkedstiltak i statlig regi",
    gloss: "started a state labour-market measure",
  },
  {
    path: "exits.reported[4]",
    where: { section: "Resultater 2024" },
    lines: "80-81",
    label: "avsluttet mot helserelaterte ytelser",
    gloss: "exited to health-related benefits",
  },
  {
    path: "exits.reported[5]",
    where: { section: "Resultater 2024" },
    lines: "81-82",
    label: "avsluttet til annen oppfølging på lokalkontoret",
    gloss: "exited to other follow-up at the local NAV office",
  },
  {
    path: "reportedRates[0]",
    where: { section: "Oppsummering" },
    lines: "3-4",
    label: "50 % av deltakerne har blitt avsluttet til arbeid og utdanning",
    gloss: "stated rate of workOrEducation",
  },
  {
    path: "reportedRates[1]",
    where: { section: "Resultater 2024" },
    lines: "78-79",
    label: "42 av deltakerne ble avsluttet til arbeid og utdanning, noe som tilsvarer 50 %",
    gloss: "stated rate of workOrEducation",
  },
  {
    path: "reportedRates[2]",
    where: { section: "Arbeidsrettet oppfølging" },
    lines: "110-111",
    label: "50% av deltakere som ble avsluttet i tiltaket avsluttet til arbeid og utdannelse",
    gloss: "stated rate of workOrEducation",
  },
];

/** `nora2024` with its provenance. */
export const nora2024Cited: CitedProgrammeYear = cited(
  "nora2024",
  {
    id: "nora-2024",
    programme: "NorA – Norsk og Arbeid",
    organisation: "Bergen kommune, NAV Årstad",
    municipality: "Bergen",
    period: { start: "2024-01-01", end: "2024-12-31" },
    targetGroup: {
      description:
        "Immigrants on the qualification programme (KVP), people leaving the introduction programme who apply for social assistance or the KVP stipend, and long-term social-assistance recipients without a right to KVP («Målgruppe NorA»); referred by their local NAV office («Målgruppe NorA»).",
      tags: ["immigrants", "kvp", "social-assistance"],
    },
    participants: participants({
      unique: 221,
      activeEnd: 133,
      newReferrals: 91,
      definition: "unike deltakere som fikk oppfølging (unique participants followed up, «Resultater 2024»)",
    }),
    exits: {
      total: 84,
      definition: "planned",
      definitionLabel: "planmessig avsluttet",
      byOutcome: outcomes({
        work: 27,
        education: 15,
        labourMarketMeasure: 4,
        healthBenefit: 17,
        otherFollowUp: 21,
      }),
      reported: [
        {
          label: "avsluttet til arbeid og utdanning",
          gloss: "exited to work and education",
          count: 42,
          percent: 50,
          outcome: "workOrEducation",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
        {
          label: "avsluttet til lønnet arbeid",
          gloss: "exited to paid work",
          count: 27,
          outcome: "work",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
        {
          label: "begynte i utdanning",
          gloss: "started education",
          count: 15,
          outcome: "education",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
        {
          label: "startet i arbeidsmarkedstiltak i statlig regi",
          gloss: "started a state labour-market measure",
          count: 4,
          outcome: "labourMarketMeasure",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
        {
          label: "avsluttet mot helserelaterte ytelser",
          gloss: "exited to health-related benefits",
          count: 17,
          outcome: "healthBenefit",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
        {
          label: "avsluttet til annen oppfølging på lokalkontoret",
          gloss: "exited to other follow-up at the local NAV office",
          count: 21,
          outcome: "otherFollowUp",
          lines: at("nora2024", { section: "Resultater 2024" }),
        },
      ],
    },
    targets: { work: 0.6, education: 0.1 },
    targetsDenominator: "exits",
    reportedRates: [
      {
        outcome: "workOrEducation",
        rate: 0.5,
        denominator: "participants",
        decimals: 0,
        label: "50 % av deltakerne har blitt avsluttet til arbeid og utdanning",
        lines: at("nora2024", { section: "Oppsummering" }),
      },
      {
        outcome: "workOrEducation",
        rate: 0.5,
        denominator: "exits",
        decimals: 0,
        label: "42 av deltakerne ble avsluttet til arbeid og utdanning, noe som tilsvarer 50 %",
        lines: at("nora2024", { section: "Resultater 2024" }),
      },
      {
        outcome: "workOrEducation",
        rate: 0.5,
        denominator: "exits",
        decimals: 0,
        label: "50% av deltakere som ble avsluttet i tiltaket avsluttet til arbeid og utdannelse",
        lines: at("nora2024", { section: "Arbeidsrettet oppfølging" }),
      },
    ],
    flags: [
      {
        code: "stock-flow-gap",
        path: "participants",
        message:
          "221 unique participants − 84 planned exits = 137, but 133 were active at year end («Resultater 2024»): 4 participants (unplanned exits, dropouts, moves) are not accounted for; the report gives no unplanned exits.",
      },
      {
        code: "denominator-wording",
        path: "reportedRates[0]",
        message:
          "The summary says '50 % av deltakerne' were exited to work and education («Oppsummering»), but 50 % is 42 of the 84 planned exits («Resultater 2024»); as a share of the 221 unique participants it is 19 %.",
      },
      {
        code: "target-basis",
        path: "targets",
        message:
          "The targets are worded as shares 'av deltakere' (of participants, «NorA - norsk og arbeid»); the report measures results as shares of planned exits, so the targets are recorded against exits.",
      },
      {
        code: "unstated-base",
        message:
          "The gender split 92 women / 41 men is of the 133 active at year end («Resultater 2024»); new referrals were 60 women / 31 men («Resultater 2024»). The nationality shares (35 % Ukraine, 21 % Syria, 10 % Somalia, 34 % over 20 others, «Resultater 2024») have no stated base; neither 133 nor 221 gives whole counts.",
      },
      {
        code: "coarse-categories",
        path: "exits.byOutcome.otherFollowUp",
        message:
          "'Annen oppfølging på lokalkontoret' (21, «Resultater 2024») is a residual that probably mixes social assistance, parental leave and other exits; the full-time/part-time split of work exits is not given ('majoriteten' full-time, «Arbeidsrettet oppfølging»).",
      },
    ],
  },
  {
    section: [
      "Innledning",
      "NorA - norsk og arbeid",
      "Målgruppe NorA",
      "Resultater 2024",
      "Arbeidsrettet oppfølging",
    ],
  },
  "13-17, 22-24, 26-41, 71-82, 109-115",
  nora2024Figures,
);

/**
 * NorA – Norsk og Arbeid, Bergen, 2024 (NorA annual report 2024, section «Resultater 2024»).
 *
 * 221 unique participants, 133 active at year end, 91 new referrals, 84 planned exits of which 27 to
 * paid work and 15 to education. The work target is 60 % ("60% av deltakere skal komme i ordinært
 * arbeid", «NorA - norsk og arbeid»). The report does not give unplanned exits: 221 − 84 − 133 = 4 participants are
 * unaccounted for.

 *
 * @example
 * ```ts
 * import { nora2024 } from "@tiltak/datasets";
 * nora2024.exits.byOutcome.work; // => 27
 * nora2024.exits.total; // => 84
 * nora2024.participants.activeEnd; // => 133
 * nora2024.targets.work; // => 0.6
 * ```
 */
export const nora2024: ProgrammeYear = withoutProvenance(nora2024Cited);
