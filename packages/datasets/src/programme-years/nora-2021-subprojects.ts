import type { ProgrammeYear } from "@tiltak/compare";
import { outcomes, participants } from "./outcomes.js";
import { noraReport2021 } from "./sources.js";

/**
 * Broen til jobb (IKEA), 2021: a fast track into retail run by NAV, Bergen kommune and IKEA, with NorA
 * coordinating from spring 2021 (seed 001, §3.4.3, L284-292). 11 candidates started (2 women, 9 men;
 * 3 from NAV Alver, 2 from NorA, 6 from the Introduction Centre); "so far" 5 got jobs (2 at IKEA, 2 at
 * ISS, 1 elsewhere) and 1 started education. The number who have ended is not reported.

 *
 * @example
 * ```ts
 * import { broenTilJobb2021 } from "@tiltak/datasets";
 * broenTilJobb2021.participants.unique; // => 11
 * broenTilJobb2021.exits.byOutcome.work; // => 5
 * broenTilJobb2021.exits.total; // => null
 * ```
 */
export const broenTilJobb2021: ProgrammeYear = {
  id: "broen-til-jobb-2021",
  programme: "Broen til jobb (IKEA)",
  organisation: "NAV, Bergen kommune and IKEA Åsane; coordinated by NorA (NAV Årstad)",
  municipality: "Bergen",
  period: { start: "2021-01-01", end: "2021-12-31" },
  targetGroup: {
    description:
      "Immigrants and refugees with the right and duty to Norwegian and social-studies tuition; goal B1 Norwegian, mainly oral (L288).",
    tags: ["immigrants", "introduction-programme"],
  },
  participants: participants({
    unique: 11,
    started: 11,
    definition: "'Til sammen begynte 11 kandidater i Broen til jobb' (L290)",
  }),
  exits: {
    total: null,
    definition: "unspecified",
    definitionLabel: "så langt (so far)",
    byOutcome: outcomes({ work: 5, education: 1 }),
    reported: [
      { label: "fikk jobb på IKEA", gloss: "got a job at IKEA", count: 2, outcome: "work", lines: "L292" },
      { label: "fikk jobb i ISS", gloss: "got a job at ISS", count: 2, outcome: "work", lines: "L292" },
      {
        label: "begynte på utdanning",
        gloss: "started education",
        count: 1,
        outcome: "education",
        lines: "L292",
      },
      {
        label: "fikk jobb i annen bedrift",
        gloss: "got a job in another company",
        count: 1,
        outcome: "work",
        lines: "L292",
      },
    ],
  },
  targets: {},
  targetsDenominator: "exits",
  reportedRates: [],
  source: { document: noraReport2021, lines: "L284-292" },
  flags: [
    {
      code: "derived",
      path: "exits.byOutcome.work",
      message: "work = 2 (IKEA) + 2 (ISS) + 1 (another company) = 5, summed from L292.",
    },
    {
      code: "not-reported",
      path: "exits.total",
      message:
        "Outcomes are given 'så langt' (so far, L292): 6 of the 11 have a reported outcome; how many have ended, and what became of the other 5, is not reported.",
    },
    {
      code: "unstated-base",
      message:
        "The 11 candidates were 2 women and 9 men, referred by NAV Alver (3, a neighbouring municipality), NorA (2) and the Introduction Centre (6) (L290); only 2 were NorA participants.",
    },
  ],
};

/**
 * Prosjekt overgangsveileder (transition adviser), January–October 2021: a NorA post funded by
 * Statsforvalteren i Vestland that bridges the introduction programme and NorA (seed 001, §5.0,
 * L322-332; staffing at L78). Of 21 cases, 11 started NorA, 1 was clarified to national-insurance
 * benefits, 3 will transfer in 2022 and 6 got advice only.

 *
 * @example
 * ```ts
 * import { overgangsveileder2021 } from "@tiltak/datasets";
 * overgangsveileder2021.participants.unique; // => 21
 * overgangsveileder2021.exits.byOutcome.otherFollowUp; // => 11
 * ```
 */
export const overgangsveileder2021: ProgrammeYear = {
  id: "overgangsveileder-2021",
  programme: "Prosjekt overgangsveileder (NorA)",
  organisation: "NorA, NAV Årstad; funded by Statsforvalteren i Vestland",
  municipality: "Bergen",
  period: { start: "2021-01-01", end: "2021-10-31" },
  targetGroup: {
    description:
      "Introduction-programme participants who need a longer qualification path after the programme (L324).",
    tags: ["immigrants", "introduction-programme"],
  },
  participants: participants({
    unique: 21,
    definition: "saker (cases) the Introduction Centre was in contact about, January–October 2021 (L328)",
  }),
  exits: {
    total: 21,
    definition: "unspecified",
    definitionLabel: "utfall av sakene (what became of the cases)",
    byOutcome: outcomes({ otherFollowUp: 11, other: 10 }),
    reported: [
      {
        label: "startet opp i NorA",
        gloss: "started NorA",
        count: 11,
        outcome: "otherFollowUp",
        lines: "L328",
      },
      {
        label: "avklart til andre ytelser etter folketrygden",
        gloss: "clarified to other national-insurance benefits",
        count: 1,
        outcome: "other",
        lines: "L328",
      },
      {
        label: "aktuelle for direkteoverføring, men fikk forlengelse av introduksjonsprogrammet",
        gloss: "due for direct transfer, but the introduction programme was extended (start in 2022)",
        count: 3,
        outcome: "other",
        lines: "L328",
      },
      {
        label: "gitt råd og veiledning, ikke i målgruppen",
        gloss: "advice only; not in the target group",
        count: 6,
        outcome: "other",
        lines: "L328",
      },
    ],
  },
  targets: {},
  targetsDenominator: "exits",
  reportedRates: [],
  source: { document: noraReport2021, lines: "L78, L322-332" },
  flags: [
    {
      code: "contradiction",
      path: "exits.reported[0].count",
      message:
        "11 cases started NorA (L328), but L330 speaks of 'de 13 deltakerne som har startet på NorA som følge av direkteoverføring' (all still active at the end of 2021); perhaps 13 counts starters since the project began, but the report does not say.",
    },
    {
      code: "derived",
      path: "exits.byOutcome",
      message:
        "The cases' outcomes are mapped as: started NorA → otherFollowUp (11); benefit clarification (1), deferred transfer (3) and advice only (6) → other (10). 11 + 1 + 3 + 6 = 21.",
    },
  ],
};
