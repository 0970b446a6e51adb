import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, type FigureSpec, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

const broenTilJobb2021Figures: FigureSpec[] = [
  {
    path: "participants.unique",
    where: { section: "3.4.3" },
    lines: "290",
    label: "Til sammen begynte 11 kandidater i Broen til jobb",
    gloss: "participants in the year",
  },
  {
    path: "exits.byOutcome.education",
    where: { section: "3.4.3" },
    lines: "292",
    label: "en begynte på utdanning",
    gloss: "exits to education",
  },
  {
    path: "exits.total",
    where: { section: "3.4.3" },
    lines: "292",
    label: "Så langt har prosjektet medvirket",
    gloss: "exits: not reported («so far» the project has helped …)",
  },
  {
    path: "exits.reported[0]",
    where: { section: "3.4.3" },
    lines: "292",
    label: "fikk jobb på IKEA",
    gloss: "got a job at IKEA",
  },
  {
    path: "exits.reported[1]",
    where: { section: "3.4.3" },
    lines: "292",
    label: "fikk jobb i ISS",
    gloss: "got a job at ISS",
  },
  {
    path: "exits.reported[2]",
    where: { section: "3.4.3" },
    lines: "292",
    label: "begynte på utdanning",
    gloss: "started education",
  },
  {
    path: "exits.reported[3]",
    where: { section: "3.4.3" },
    lines: "292",
    label: "fikk jobb i annen bedrift",
    gloss: "got a job in another company",
  },
];

/** `broenTilJobb2021` with its provenance. */
export const broenTilJobb2021Cited: CitedProgrammeYear = cited(
  "nora2021",
  {
    id: "broen-til-jobb-2021",
    programme: "Broen til jobb (IKEA)",
    organisation: "NAV, Bergen kommune and IKEA Åsane; coordinated by NorA (NAV Årstad)",
    municipality: "Bergen",
    period: { start: "2021-01-01", end: "2021-12-31" },
    targetGroup: {
      description:
        "Immigrants and refugees with the right and duty to Norwegian and social-studies tuition; goal B1 Norwegian, mainly oral (section 3.4.3).",
      tags: ["immigrants", "introduction-programme"],
    },
    participants: participants({
      unique: 11,
      started: 11,
      definition: "'Til sammen begynte 11 kandidater i Broen til jobb' (section 3.4.3)",
    }),
    exits: {
      total: null,
      definition: "unspecified",
      definitionLabel: "så langt (so far)",
      byOutcome: outcomes({ work: 5, education: 1 }),
      reported: [
        {
          label: "fikk jobb på IKEA",
          gloss: "got a job at IKEA",
          count: 2,
          outcome: "work",
          lines: at("nora2021", { section: "3.4.3" }),
        },
        {
          label: "fikk jobb i ISS",
          gloss: "got a job at ISS",
          count: 2,
          outcome: "work",
          lines: at("nora2021", { section: "3.4.3" }),
        },
        {
          label: "begynte på utdanning",
          gloss: "started education",
          count: 1,
          outcome: "education",
          lines: at("nora2021", { section: "3.4.3" }),
        },
        {
          label: "fikk jobb i annen bedrift",
          gloss: "got a job in another company",
          count: 1,
          outcome: "work",
          lines: at("nora2021", { section: "3.4.3" }),
        },
      ],
    },
    targets: {},
    targetsDenominator: "exits",
    reportedRates: [],
    flags: [
      {
        code: "derived",
        path: "exits.byOutcome.work",
        message: "work = 2 (IKEA) + 2 (ISS) + 1 (another company) = 5, summed from section 3.4.3.",
      },
      {
        code: "not-reported",
        path: "exits.total",
        message:
          "Outcomes are given 'så langt' (so far, section 3.4.3): 6 of the 11 have a reported outcome; how many have ended, and what became of the other 5, is not reported.",
      },
      {
        code: "unstated-base",
        message:
          "The 11 candidates were 2 women and 9 men, referred by NAV Alver (3, a neighbouring municipality), NorA (2) and the Introduction Centre (6) (section 3.4.3); only 2 were NorA participants.",
      },
    ],
  },
  { section: "3.4.3" },
  "284-292",
  broenTilJobb2021Figures,
);

/**
 * Broen til jobb (IKEA), 2021: a fast track into retail run by NAV, Bergen kommune and IKEA, with NorA
 * coordinating from spring 2021 (NorA «Årsrapport 2021», section 3.4.3 «Broen til jobb med IKEA»). 11 candidates started (2 women, 9 men;
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
export const broenTilJobb2021: ProgrammeYear = withoutProvenance(broenTilJobb2021Cited);

const overgangsveileder2021Figures: FigureSpec[] = [
  {
    path: "participants.unique",
    where: { section: "5.0" },
    lines: "328",
    label: "i kontakt i forbindelse med 21 saker",
    gloss: "participants in the year",
  },
  {
    path: "exits.byOutcome.otherFollowUp",
    where: { section: "5.0" },
    lines: "328",
    label: "11 deltakere startet opp i NorA",
    gloss: "other follow-up at the local NAV office",
  },
  {
    path: "exits.reported[0]",
    where: { section: "5.0" },
    lines: "328",
    label: "startet opp i NorA",
    gloss: "started NorA",
  },
  {
    path: "exits.reported[1]",
    where: { section: "5.0" },
    lines: "328",
    label: "avklart til andre ytelser etter folketrygden",
    gloss: "clarified to other national-insurance benefits",
  },
  {
    path: "exits.reported[2]",
    where: { section: "5.0" },
    lines: "328",
    label: "aktuelle for direkteoverføring, men fikk forlengelse av introduksjonsprogrammet",
    gloss: "due for direct transfer, but the introduction programme was extended (start in 2022)",
  },
  {
    path: "exits.reported[3]",
    where: { section: "5.0" },
    lines: "328",
    label: "gitt råd og veiledning, ikke i målgruppen",
    gloss: "advice only; not in the target group",
  },
];

/** `overgangsveileder2021` with its provenance. */
export const overgangsveileder2021Cited: CitedProgrammeYear = cited(
  "nora2021",
  {
    id: "overgangsveileder-2021",
    programme: "Prosjekt overgangsveileder (NorA)",
    organisation: "NorA, NAV Årstad; funded by Statsforvalteren i Vestland",
    municipality: "Bergen",
    period: { start: "2021-01-01", end: "2021-10-31" },
    targetGroup: {
      description:
        "Introduction-programme participants who need a longer qualification path after the programme (section 5.0).",
      tags: ["immigrants", "introduction-programme"],
    },
    participants: participants({
      unique: 21,
      definition:
        "saker (cases) the Introduction Centre was in contact about, January–October 2021 (section 5.0)",
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
          lines: at("nora2021", { section: "5.0" }),
        },
        {
          label: "avklart til andre ytelser etter folketrygden",
          gloss: "clarified to other national-insurance benefits",
          count: 1,
          outcome: "other",
          lines: at("nora2021", { section: "5.0" }),
        },
        {
          label: "aktuelle for direkteoverføring, men fikk forlengelse av introduksjonsprogrammet",
          gloss: "due for direct transfer, but the introduction programme was extended (start in 2022)",
          count: 3,
          outcome: "other",
          lines: at("nora2021", { section: "5.0" }),
        },
        {
          label: "gitt råd og veiledning, ikke i målgruppen",
          gloss: "advice only; not in the target group",
          count: 6,
          outcome: "other",
          lines: at("nora2021", { section: "5.0" }),
        },
      ],
    },
    targets: {},
    targetsDenominator: "exits",
    reportedRates: [],
    flags: [
      {
        code: "contradiction",
        path: "exits.reported[0].count",
        message:
          "11 cases started NorA (section 5.0), but section 5.0 speaks of 'de 13 deltakerne som har startet på NorA som følge av direkteoverføring' (all still active at the end of 2021); perhaps 13 counts starters since the project began, but the report does not say.",
      },
      {
        code: "derived",
        path: "exits.byOutcome",
        message:
          "The cases' outcomes are mapped as: started NorA → otherFollowUp (11); benefit clarification (1), deferred transfer (3) and advice only (6) → other (10). 11 + 1 + 3 + 6 = 21.",
      },
    ],
  },
  { section: ["1.2", "5.0"] },
  "78, 322-332",
  overgangsveileder2021Figures,
);

/**
 * Prosjekt overgangsveileder (transition adviser), January–October 2021: a NorA post funded by
 * Statsforvalteren i Vestland that bridges the introduction programme and NorA (NorA «Årsrapport 2021», section
 * 5.0 «Prosjekt overgangsveileder»; staffing in section 1.2). Of 21 cases, 11 started NorA, 1 was clarified to national-insurance
 * benefits, 3 will transfer in 2022 and 6 got advice only.

 *
 * @example
 * ```ts
 * import { overgangsveileder2021 } from "@tiltak/datasets";
 * overgangsveileder2021.participants.unique; // => 21
 * overgangsveileder2021.exits.byOutcome.otherFollowUp; // => 11
 * ```
 */
export const overgangsveileder2021: ProgrammeYear = withoutProvenance(overgangsveileder2021Cited);
