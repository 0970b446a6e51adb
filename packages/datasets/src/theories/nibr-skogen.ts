import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "figure-10.1-missing",
    message:
      "The initial programme-theory figure (Figure 10.1) is an image whose content is not in the text extraction; the initial version is described from the chapter's text.",
    source: nibr({ chapter: "10", figure: "10.1" }, "5724"),
  },
  {
    id: "table-3.2-career-guidance",
    message:
      "Table 3.2 marks career guidance for Skogen; the chapter describes no career guidance as such. The record tags the closest activity: the teacher exploring openings for ordinary work after the placement (temporary jobs, summer jobs, wage subsidy).",
    source: nibr({ chapter: ["3", "10"], table: "3.2" }, "1080-1091, 5966-5970"),
  },
];

/**
 * «Skogen»: work-oriented Norwegian training with digital tools and resources (NIBR-rapport 2020:13,
 * chapter 10, thematic area 3). The record is the revised programme theory of Figure 10.2.
 */
export const nibrSkogen: TheorySpec = {
  id: "nibr-skogen",
  title: "Work-oriented Norwegian training with digital tools and resources",
  lang: "en",
  labels: { nb: "Arbeidsrettet norskopplæring med bruk av digitale verktøy og ressurser" },
  description:
    "Spor 1 learners have two days of work placement and three days at school a week. With their own phones and iPads they photograph and record work situations that the teacher turns into language work in class; tasks prepared by the teacher are done at the workplace with a buddy (fadder), and teacher and learner stay in touch on WhatsApp and Messenger.",
  programme: "Arbeidsrettet norskopplæring med bruk av digitale verktøy og ressurser",
  organisation: "«Skogen» adult education centre (voksenopplæringen), with NAV integration advisers",
  municipality: "«Skogen» (pseudonym; 42,000 inhabitants)",
  version: "2",
  status: "revised",
  nodes: [
    {
      id: "problem-slow-learning",
      kind: "problem",
      label:
        "Spor 1 learners learn Norwegian very slowly and do not reach the level working life requires within the introduction programme",
      labels: {
        nb: "målgruppen lærer det norske språket veldig sakte og klarer dermed ikke å nå et norsknivå som tilfredsstiller arbeidslivets krav",
      },
      stakeholder: "project leader (teacher)",
      source: nibr({ chapter: "10" }, "5706-5710, 6148-6151"),
    },
    {
      id: "problem-learning-strategies",
      kind: "problem",
      label: "They use fewer effective learning strategies and are less active in their own learning",
      labels: { nb: "målgruppen i mindre grad enn spor 2 og 3 tar i bruk hensiktsmessige læringsstrategier" },
      stakeholder: "project leader (teacher)",
      source: nibr({ chapter: "10" }, "5711-5713"),
    },
    {
      id: "problem-transfer",
      kind: "problem",
      label:
        "Learners struggle to transfer what they learn in ordinary teaching to the work placement, and need basic digital competence",
      labels: {
        nb: "deltakerne i begrenset grad klarer å overføre det de lærer ordinær undervisning til en praksissituasjon",
      },
      stakeholder: "teachers",
      source: nibr({ chapter: "10" }, "5713-5718"),
    },
    {
      id: "context-norskprove",
      kind: "context",
      label:
        "Nationally, 11 % of the 3,783 candidates for the oral Norwegian test in spring 2020 were assessed at A1 or lower",
      labels: {
        nb: "3783 kandidater påmeldt til prøve i muntlige ferdigheter, av disse ble 11 prosent vurdert til A1 eller lavere",
      },
      source: nibr({ chapter: "10" }, "6138-6140"),
    },
    {
      id: "context-covid",
      kind: "context",
      label: "COVID-19: all placements were withdrawn and not restored during the project period",
      labels: { nb: "alle praksisplasser ble tilbaketrukket i forbindelse med korona pandemien" },
      source: nibr({ chapter: "10" }, "5975-5977"),
    },
    {
      id: "input-teachers",
      kind: "input",
      label:
        "Two teachers at the adult education centre, the municipality's digital initiative (iPad training) and an external university-sector supervisor",
      labels: { nb: "To lærere på voksenopplæringen tok initiativ og koordinerer prosjektet" },
      source: nibr({ chapter: "10" }, "5750, 5800-5805, 5855"),
    },
    {
      id: "activity-work-oriented-norwegian",
      kind: "activity",
      label:
        "Work-oriented Norwegian 12 hours a week, with tasks prepared by the teacher to be done at the workplace with a buddy",
      labels: { nb: "Deltakerne i prosjektet har arbeidsrettet norskopplæring i 12 timer pr uke" },
      tags: ["norwegian-training"],
      source: nibr({ chapter: "10" }, "5778-5785"),
    },
    {
      id: "activity-capture-practice",
      kind: "activity",
      label:
        "Learners photograph and record work situations on their phone or iPad; the teacher builds class work on this authentic material",
      labels: {
        nb: "Deltakeren bruker digitale verktøy, for det meste mobiltelefon eller i-Pad, for å ta bilder eller ta opp video",
      },
      tags: ["alternative-training-model", "digital-tools"],
      source: nibr({ chapter: "10" }, "5786-5790"),
    },
    {
      id: "activity-digital-contact",
      kind: "activity",
      label:
        "Teacher and learners communicate on the platforms learners already use (WhatsApp, Messenger): voice messages, chat, calls",
      labels: {
        nb: "Det viste seg deltakerne allerede var aktive på ulike digitale plattformer, som Whatsapp og Messenger",
      },
      tags: ["digital-tools"],
      source: nibr({ chapter: "10" }, "5814-5828"),
    },
    {
      id: "activity-placement",
      kind: "activity",
      label:
        "Work placement two days a week with a training plan, status meetings every three months and regular teacher visits",
      labels: { nb: "I statusmøter hver 3 måned mellom lærer og arbeidsplass følges opplæringsplanene opp" },
      tags: ["supported-employment"],
      source: nibr({ chapter: "10" }, "5832-5844"),
    },
    {
      id: "activity-job-opportunities",
      kind: "activity",
      label:
        "During the placement the teacher explores openings for ordinary work: temporary posts, summer jobs or continued placement with wage subsidy",
      labels: {
        nb: "Underveis i praksis undersøker lærer om det er muligheter for ordinært arbeid for deltakerne etter praksisperioden",
      },
      tags: ["career-guidance"],
      source: nibr({ chapter: "10" }, "5966-5970"),
    },
    {
      id: "activity-teacher-guide",
      kind: "activity",
      label: "Teachers develop materials, methods and a teacher guide for other adult-education centres",
      labels: {
        nb: "En del av prosjektet har vært å utarbeide en lærerveiledning knyttet til bruk av digitale ressurser",
      },
      source: nibr({ chapter: "10" }, "5850-5855"),
    },
    {
      id: "mechanism-coherence",
      kind: "mechanism",
      label: "Digital tools create coherence between what happens at school, in the placement and in society",
      labels: {
        nb: "skal bidra til å skape sammenheng mellom det som skjer på skolen, det som skjer i praksis og samfunnet",
      },
      source: nibr({ chapter: "10" }, "6151-6153"),
    },
    {
      id: "mechanism-active-learners",
      kind: "mechanism",
      label: "Using digital tools makes learners more active in their own learning",
      labels: {
        nb: "bruken av digitale verktøy bidrar til at deltakerne blir mer aktive i forbindelse med undervisningen",
      },
      source: nibr({ chapter: "10" }, "5928-5932"),
    },
    {
      id: "mechanism-contact-points",
      kind: "mechanism",
      label:
        "More contact points between teacher and learner outside class (an unplanned side effect), so learners use the language more",
      labels: { nb: "ble det skapt flere kontaktpunkter mellom lærer og deltaker" },
      source: nibr({ chapter: "10" }, "5949-5953, 6211-6212"),
    },
    {
      id: "mechanism-close-follow-up",
      kind: "mechanism",
      label: "Close follow-up of both learners and workplace buddies, resembling Supported Employment",
      labels: { nb: "Denne tilnærmingen minner om ‘supported employment’ metodikk" },
      source: nibr({ chapter: "10" }, "6161-6165"),
    },
    {
      id: "outcome-digital-users",
      kind: "outcome",
      horizon: "short",
      label: "Learners become independent users of digital tools and resources at work and in society",
      labels: {
        nb: "deltakerne bli selvstendige brukere av digitale verktøy og ressurser, i arbeidslivet og i samfunnet",
      },
      source: nibr({ chapter: "10" }, "5864-5868"),
    },
    {
      id: "outcome-active-learning",
      kind: "outcome",
      horizon: "short",
      label: "Learners take part in their own learning process",
      labels: { nb: "Deltakerne er delaktige i egen læringsprosess" },
      source: nibr({ chapter: "10" }, "5880"),
    },
    {
      id: "outcome-language-in-context",
      kind: "outcome",
      horizon: "short",
      label: "Learners learn more language in a relevant context",
      labels: { nb: "deltakeren lærer mer språk i en relevant kontekst" },
      source: nibr({ chapter: "10" }, "6153-6154"),
    },
    {
      id: "outcome-guide-other-centres",
      kind: "outcome",
      horizon: "intermediate",
      label: "The school can guide other adult-education centres in using digital tools and resources",
      labels: {
        nb: "Skolen kan veilede andre voksenopplæringssentre i bruk av digitale verktøy og ressurser",
      },
      stakeholder: "other adult-education centres",
      source: nibr({ chapter: "10" }, "5870-5872"),
    },
    {
      id: "outcome-workplace-attachment",
      kind: "outcome",
      horizon: "intermediate",
      label: "Some attachment to a workplace: a temporary post, a summer job, or talks about a wage subsidy",
      labels: {
        nb: "så mange som mulig har fått noe tilknytning til en arbeidsplass, et vikariat, sommerjobb",
      },
      source: nibr({ chapter: "10" }, "5899-5902"),
    },
    {
      id: "outcome-closer-to-work",
      kind: "outcome",
      horizon: "long",
      label: "Closer to working life after the project period",
      labels: { nb: "vil dermed kunne stå nærmere arbeidslivet etter prosjektperioden" },
      source: nibr({ chapter: "10" }, "6153-6154"),
    },
  ],
  links: [
    {
      from: "problem-slow-learning",
      to: "activity-work-oriented-norwegian",
      source: nibr({ chapter: "10" }, "6148-6151"),
    },
    { from: "problem-learning-strategies", to: "activity-capture-practice" },
    {
      from: "problem-transfer",
      to: "activity-capture-practice",
      source: nibr({ chapter: "10" }, "5713-5718, 5758-5759"),
    },
    { from: "input-teachers", to: "activity-work-oriented-norwegian", kind: "enables" },
    { from: "input-teachers", to: "activity-teacher-guide", kind: "enables" },
    {
      from: "activity-capture-practice",
      to: "mechanism-coherence",
      kind: "triggers",
      source: nibr({ chapter: "10" }, "6151-6153"),
    },
    {
      from: "activity-capture-practice",
      to: "mechanism-active-learners",
      kind: "triggers",
      source: nibr({ chapter: "10" }, "5928-5932"),
    },
    {
      from: "activity-digital-contact",
      to: "mechanism-contact-points",
      kind: "triggers",
      source: nibr({ chapter: "10" }, "5949-5953"),
    },
    {
      from: "activity-digital-contact",
      to: "outcome-digital-users",
      source: nibr({ chapter: "10" }, "5814-5821"),
    },
    {
      from: "activity-work-oriented-norwegian",
      to: "mechanism-coherence",
      kind: "triggers",
      source: nibr({ chapter: "10" }, "5758-5763"),
    },
    {
      from: "activity-placement",
      to: "mechanism-close-follow-up",
      kind: "triggers",
      source: nibr({ chapter: "10" }, "6164-6165"),
    },
    {
      from: "activity-job-opportunities",
      to: "outcome-workplace-attachment",
      source: nibr({ chapter: "10" }, "5966-5970"),
    },
    {
      from: "activity-teacher-guide",
      to: "outcome-guide-other-centres",
      source: nibr({ chapter: "10" }, "5870-5872, 5904-5905"),
    },
    {
      from: "mechanism-coherence",
      to: "outcome-language-in-context",
      source: nibr({ chapter: "10" }, "6151-6154"),
    },
    {
      from: "mechanism-active-learners",
      to: "outcome-active-learning",
      source: nibr({ chapter: "10" }, "5928-5929"),
    },
    {
      from: "mechanism-contact-points",
      to: "outcome-language-in-context",
      source: nibr({ chapter: "10" }, "6211-6212"),
    },
    {
      from: "mechanism-close-follow-up",
      to: "outcome-workplace-attachment",
      source: nibr({ chapter: "10" }, "6164-6165"),
    },
    { from: "outcome-active-learning", to: "outcome-language-in-context" },
    {
      from: "outcome-digital-users",
      to: "outcome-closer-to-work",
      kind: "contributes",
      source: nibr({ chapter: "10" }, "5941-5943"),
    },
    {
      from: "outcome-language-in-context",
      to: "outcome-closer-to-work",
      source: nibr({ chapter: "10" }, "6153-6154"),
    },
    { from: "outcome-workplace-attachment", to: "outcome-closer-to-work" },
    {
      from: "context-covid",
      to: "outcome-workplace-attachment",
      kind: "moderates",
      source: nibr({ chapter: "10" }, "5975-5977"),
    },
  ],
  indicators: [
    {
      id: "indicator-digital-use",
      nodeId: "outcome-digital-users",
      name: "Participants who use digital resources as tools in Norwegian training",
      definition:
        "The project's own definition of goal attainment. There is no objective test of digital skills; this will be the teacher's judgement and an evaluation of individual learning goals.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Teacher judgement and evaluation of individual learning goals",
      source: "teacher assessment",
      provenance: nibr({ chapter: "10" }, "5899, 6217-6220"),
    },
    {
      id: "indicator-norskprove",
      nodeId: "outcome-language-in-context",
      name: "Level on the national oral Norwegian test",
      definition:
        "Language progress can be measured on a national Norwegian test; some participants were to sit the oral test at the end of May 2020, which also documents their level.",
      measure: "ordinal",
      unit: "CEFR level",
      direction: "increase",
      meansOfVerification: "National Norwegian test (oral), end of May 2020",
      source: "Norskprøve",
      provenance: nibr({ chapter: "10" }, "5957-5958, 5961-5964, 6217-6218"),
    },
    {
      id: "indicator-training-plan",
      nodeId: "outcome-active-learning",
      name: "Individual learning goals in the training plan met",
      definition:
        "Goals for participants in placement are set individually in the training plan, tied to language use and work tasks, and followed up at regular intervals.",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Training plan (opplæringsplan) followed up in status meetings every three months",
      source: "training plans",
      provenance: nibr({ chapter: "10" }, "5960-5961, 5833-5834"),
    },
    {
      id: "indicator-workplace-attachment",
      nodeId: "outcome-workplace-attachment",
      name: "Participants with some attachment to a workplace",
      definition:
        "A temporary post, summer job, or talks about wage subsidy where the employer may hire after more training. Work on this stopped when all placements were withdrawn because of COVID-19.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Project records",
      source: "project records",
      provenance: nibr({ chapter: "10" }, "5899-5902, 5974-5977"),
    },
    {
      id: "indicator-transition-to-work",
      nodeId: "outcome-closer-to-work",
      name: "Transition to work after participation",
      definition:
        "Participants' language level and transition to work can be measured after participation; COVID-19 affected this.",
      measure: "proportion",
      numerator: "former participants in work",
      denominator: "participants",
      direction: "increase",
      meansOfVerification: "Measurement after participation in the project",
      provenance: nibr({ chapter: "10" }, "5957-5958"),
    },
  ],
  targetGroup: {
    description:
      "Spor 1 participants in the introduction programme (little or no schooling) on a work-oriented track; expanded to KVP participants without work who had recently finished the introduction programme.",
    eligibility: [
      "Spor 1 participant in the introduction programme on a work-oriented track, selected by integration advisers from the individual plans",
      "From lack of eligible participants: KVP participants without work who had recently finished the introduction programme",
    ],
    recruitment:
      "Integration advisers selected participants from their individual plans; with too few, they recruited with KVP advisers. Teacher and adviser say this brought in insufficiently motivated participants.",
    size: {
      enrolled: 18,
      period: "August 2019 - June 2020",
      note: "18 participants since August 2019; 6 left (4 for health reasons, 2 for other reasons); 12 active in March 2020.",
    },
    source: nibr({ chapter: "10" }, "5731-5743, 5972-5974"),
  },
  components: [
    {
      id: "component-school",
      label: "Work-oriented Norwegian at school",
      nodeId: "activity-work-oriented-norwegian",
      dose: {
        amount: 12,
        unit: "hours",
        per: "week",
        note: "on three school days, plus primary-level subjects under FVO 1",
      },
      duration: "August 2019 - June 2020",
      deliveredBy: "adult-education teachers",
      tags: ["norwegian-training"],
      source: nibr({ chapter: "10" }, "5778-5780"),
    },
    {
      id: "component-placement",
      label: "Work placement with a buddy",
      nodeId: "activity-placement",
      dose: { amount: 2, unit: "days", per: "week" },
      duration: "half a school year per placement, renewable",
      deliveredBy: "employers (buddy), integration advisers in NAV and teachers",
      tags: ["supported-employment"],
      source: nibr({ chapter: "10" }, "5778, 5832-5838"),
    },
  ],
  assumptions: [
    {
      id: "assumption-digital-enough",
      text: "Digital tools in themselves are enough to bring learner and buddy together around language-learning activities (the report doubts it).",
      kind: "theoretical",
      critical: true,
      status: "mixed",
      appliesTo: ["mechanism-coherence"],
      source: nibr({ chapter: "10" }, "6274-6276"),
    },
    {
      id: "assumption-language-at-placement",
      text: "Language learning does not happen automatically at a placement; it needs structured work and the teacher's support.",
      kind: "implementation",
      appliesTo: ["activity-placement"],
      source: nibr({ chapter: "10" }, "5990-5991, 6276-6278"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "Experienced staff with clear ideas of what digital tools should add, who evaluated and adjusted along the way.",
      scope: "internal",
      source: nibr({ chapter: "10" }, "6057-6060"),
    },
    {
      kind: "barrier",
      text: "Learners needed more training in digital tools than expected.",
      scope: "internal",
      nodeIds: ["activity-capture-practice"],
      source: nibr({ chapter: "10" }, "5993-5998"),
    },
    {
      kind: "barrier",
      text: "Some learners get little chance to speak Norwegian at the placement, and some experience that placement does not lead to a job, which lowers motivation.",
      scope: "external",
      nodeIds: ["activity-placement"],
      source: nibr({ chapter: "10" }, "6024-6042"),
    },
    {
      kind: "barrier",
      text: "Recruitment brought in insufficiently motivated participants.",
      scope: "internal",
      source: nibr({ chapter: "10" }, "5740-5743"),
    },
  ],
  implementation: {
    notes: [
      "The project is partly flexible: it needs subjective judgements of individual needs, and teachers adapted the effort to the learners.",
      "More resource-intensive than ordinary Norwegian teaching, because teachers spend much time visiting placements.",
    ],
    adaptations: [
      "Target group expanded to KVP participants",
      "Communication moved from one learning platform to the apps learners already used",
    ],
    source: nibr({ chapter: "10" }, "5735-5738, 5766-5768, 5814-5821, 6326-6329"),
  },
  uncertainties: [
    {
      id: "uncertainty-measurement",
      question:
        "Can the results be measured objectively? There is no objective test of digital skills, and the outcome has not been documented.",
      priority: "high",
      phase: "evaluation",
      about: ["outcome-digital-users"],
    },
  ],
  versions: [
    {
      version: "1",
      kind: "initial",
      changes: ["Figure 10.1: the project's programme theory (image; content not in the text)."],
      source: nibr({ chapter: "10", figure: "10.1" }, "5724"),
    },
    {
      version: "2",
      kind: "revised",
      changes: [
        "Figure 10.2: problem (very slow Norwegian learning, not reaching working-life level within the introduction programme) → digital tools (own smartphone or iPad) linking school, placement and society → more language in a relevant context → closer to working life.",
        "Close follow-up of both learners and buddies noted as resembling Supported Employment.",
      ],
      source: nibr({ chapter: "10", figure: "10.2" }, "6142-6165"),
    },
  ],
  transfer: {
    preconditions: [
      "Teachers who follow up learners at the placement; elsewhere this raises the cost of placement follow-up",
    ],
    products: ["A teacher guide (lærerveiledning) on digital resources in work-oriented Norwegian"],
    notes: ["The principal says the approach will be continued in ordinary operation."],
  },
  source: citeRecord(
    "nibr",
    { chapter: "10" },
    "5675-6341",
    "Chapter author: Sigridur Vilhjalmsdottir. The project's row in Tabell 3.2 is «Skogen».",
  ),
  extensions: { dataQualityFlags: flags, area: 3, chapter: 10 },
};
