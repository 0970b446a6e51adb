import type { ProgrammeYear } from "@tiltak/compare";
import { outcomes, participants } from "./outcomes.js";
import { noraReport2024 } from "./sources.js";

/**
 * NorA – Norsk og Arbeid, Bergen, 2024 (seed 000, "Resultater 2024", L71-82).
 *
 * 221 unique participants, 133 active at year end, 91 new referrals, 84 planned exits of which 27 to
 * paid work and 15 to education. The work target is 60 % ("60% av deltakere skal komme i ordinært
 * arbeid", L23-24). The report does not give unplanned exits: 221 − 84 − 133 = 4 participants are
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
export const nora2024: ProgrammeYear = {
  id: "nora-2024",
  programme: "NorA – Norsk og Arbeid",
  organisation: "Bergen kommune, NAV Årstad",
  municipality: "Bergen",
  period: { start: "2024-01-01", end: "2024-12-31" },
  targetGroup: {
    description:
      "Immigrants on the qualification programme (KVP), people leaving the introduction programme who apply for social assistance or the KVP stipend, and long-term social-assistance recipients without a right to KVP (L26-36); referred by their local NAV office (L39).",
    tags: ["immigrants", "kvp", "social-assistance"],
  },
  participants: participants({
    unique: 221,
    activeEnd: 133,
    newReferrals: 91,
    definition: "unike deltakere som fikk oppfølging (unique participants followed up, L72)",
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
        lines: "L78-79",
      },
      {
        label: "avsluttet til lønnet arbeid",
        gloss: "exited to paid work",
        count: 27,
        outcome: "work",
        lines: "L79",
      },
      {
        label: "begynte i utdanning",
        gloss: "started education",
        count: 15,
        outcome: "education",
        lines: "L79-80",
      },
      {
        label: "startet i arbeidsmarkedstiltak i statlig regi",
        gloss: "started a state labour-market measure",
        count: 4,
        outcome: "labourMarketMeasure",
        lines: "L80",
      },
      {
        label: "avsluttet mot helserelaterte ytelser",
        gloss: "exited to health-related benefits",
        count: 17,
        outcome: "healthBenefit",
        lines: "L80-81",
      },
      {
        label: "avsluttet til annen oppfølging på lokalkontoret",
        gloss: "exited to other follow-up at the local NAV office",
        count: 21,
        outcome: "otherFollowUp",
        lines: "L81-82",
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
      lines: "L3-4",
    },
    {
      outcome: "workOrEducation",
      rate: 0.5,
      denominator: "exits",
      decimals: 0,
      label: "42 av deltakerne ble avsluttet til arbeid og utdanning, noe som tilsvarer 50 %",
      lines: "L78-79",
    },
    {
      outcome: "workOrEducation",
      rate: 0.5,
      denominator: "exits",
      decimals: 0,
      label: "50% av deltakere som ble avsluttet i tiltaket avsluttet til arbeid og utdannelse",
      lines: "L110-111",
    },
  ],
  source: { document: noraReport2024, lines: "L13-17, L22-24, L26-41, L71-82, L109-115" },
  flags: [
    {
      code: "stock-flow-gap",
      path: "participants",
      message:
        "221 unique participants − 84 planned exits = 137, but 133 were active at year end (L72-73, L77-78): 4 participants (unplanned exits, dropouts, moves) are not accounted for; the report gives no unplanned exits.",
    },
    {
      code: "denominator-wording",
      path: "reportedRates[0]",
      message:
        "The summary says '50 % av deltakerne' were exited to work and education (L3), but 50 % is 42 of the 84 planned exits (L78-79); as a share of the 221 unique participants it is 19 %.",
    },
    {
      code: "target-basis",
      path: "targets",
      message:
        "The targets are worded as shares 'av deltakere' (of participants, L23-24); the report measures results as shares of planned exits, so the targets are recorded against exits.",
    },
    {
      code: "unstated-base",
      message:
        "The gender split 92 women / 41 men is of the 133 active at year end (L73); new referrals were 60 women / 31 men (L77). The nationality shares (35 % Ukraine, 21 % Syria, 10 % Somalia, 34 % over 20 others, L73-75) have no stated base; neither 133 nor 221 gives whole counts.",
    },
    {
      code: "coarse-categories",
      path: "exits.byOutcome.otherFollowUp",
      message:
        "'Annen oppfølging på lokalkontoret' (21, L81-82) is a residual that probably mixes social assistance, parental leave and other exits; the full-time/part-time split of work exits is not given ('majoriteten' full-time, L111-112).",
    },
  ],
};
