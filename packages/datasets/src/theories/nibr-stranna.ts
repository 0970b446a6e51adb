import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "table-3.2-alternative-training",
    message:
      "Table 3.2 marks alternative training models for Stranna; the chapter's only candidate is the practical component (role models, education fairs, job tasters, visits to upper-secondary schools), which was not carried out because of COVID-19. The record tags that planned activity.",
    source: nibr({ chapter: ["3", "11"], table: "3.2" }, "1093-1098, 6580-6589"),
  },
  {
    id: "participant-count",
    message:
      "The course had 25 participants at the start and «about 17» near the end; the results section then reports «of the 17 participants» as an exact count.",
    source: nibr({ chapter: "11" }, "6816, 6836-6837"),
  },
];

/**
 * «Stranna bydel»: the preparatory course «Forkurs utdanningsvalg» (educational choice) for
 * introduction-programme participants who want upper-secondary education (NIBR-rapport 2020:13,
 * chapter 11, thematic area 4). The record is the revised programme theory of Figure 11.1.
 */
export const nibrStranna: TheorySpec = {
  id: "nibr-stranna",
  title: "Preparatory course for educational choice",
  lang: "en",
  labels: { nb: "Forkurs utdanningsvalg" },
  description:
    "A course of 12 hours a week over two days, replacing language or work placement, for Oslo introduction-programme participants with primary school who want upper-secondary education: group-based educational and career guidance, Norwegian at B1 competence goals on education and work texts, English, and preparation for Oslo's intake test.",
  programme: "Forkurs utdanningsvalg",
  organisation:
    "Oslo introduction programme (NAV) with Voksenopplæringa (adult education); recruits city-wide",
  municipality: "«Stranna bydel» (pseudonym; a district of Oslo)",
  version: "2",
  status: "revised",
  nodes: [
    {
      id: "problem-no-upper-secondary",
      kind: "problem",
      label:
        "Many participants have no schooling beyond primary school, or unrecognised upper-secondary education, which makes further education and work hard to reach",
      labels: {
        nb: "Mange av deltakerne i introduksjonsprogrammet har ingen skolegang utover grunnskole, eller får ikke godkjent opplæring på videregående nivå fra hjemlandet",
      },
      stakeholder: "project",
      source: nibr({ chapter: "11" }, "6409-6412"),
    },
    {
      id: "problem-formal-requirements",
      kind: "problem",
      label:
        "Employers increasingly require formal competence; the public sector asks for trade certificates and unskilled jobs disappear",
      labels: { nb: "Arbeidsgivere har de siste årene begynt å sette høyere krav til formell kompetanse" },
      stakeholder: "employers (as seen by the project)",
      source: nibr({ chapter: "11" }, "6412-6415"),
    },
    {
      id: "problem-locked-in",
      kind: "problem",
      label:
        "Newcomers find it hard to know their options; programme advisers have limited career-guidance training and participants get «locked into» one track",
      labels: {
        nb: "de fleste av dem har begrenset opplæring i karriereveiledning. deltakere litt for fort bli «låst inne» i ett spor",
      },
      stakeholder: "project leader",
      source: nibr({ chapter: "11" }, "6425-6429"),
    },
    {
      id: "problem-language-level",
      kind: "problem",
      label:
        "Many do not reach the Norwegian level needed for upper-secondary school within two years, and need English",
      labels: {
        nb: "mange deltakere i introduksjonsprogrammet har problemer med å komme opp på et norsknivå som er tilstrekkelig for å gjennomføre videregående skole",
      },
      stakeholder: "project leader",
      source: nibr({ chapter: "11" }, "6429-6432"),
    },
    {
      id: "context-intake-test",
      kind: "context",
      label:
        "Oslo's intake test at the adult-education service centre (English A2, Norwegian B1), unique to Oslo; those who fail can take a one-year «pri-kurs» without income support",
      labels: { nb: "Inntaksprøven er unik for Oslo og finnes ikke andre steder i landet" },
      source: nibr({ chapter: "11" }, "6596-6605"),
    },
    {
      id: "context-labour-market",
      kind: "context",
      label:
        "Oslo unemployment rose from 3.3 % in early March 2020 to 7.6 % in June 2020; refugees' work participation falls 8-10 years after the introduction programme",
      labels: {
        nb: "deltakelse i arbeidsliv blant flyktninger går ned 8-10 år etter avsluttet introduksjonsprogram",
      },
      source: nibr({ chapter: "11" }, "6401-6405, 6536-6538"),
    },
    {
      id: "input-staff",
      kind: "input",
      label:
        "Project leader (70 %, later about 30 %), one full-time teacher and an English teacher two hours a week; IMDi pays salaries, NAV and adult education the infrastructure",
      labels: {
        nb: "Prosjektleder har hatt en 70% stilling i prosjektet, men andelen ligger på rundt 30 % nå. en lærer som er fulltidsansatt i prosjektet, og en engelsklærer",
      },
      source: nibr({ chapter: "11" }, "6521-6533"),
    },
    {
      id: "activity-educational-choice",
      kind: "activity",
      label:
        "Educational choice and career guidance, mostly group-based: education options, occupations and working life, gender and choices, life skills, values and skills, CV and applications; individual talks before the application deadline",
      labels: {
        nb: "Temaene som gjennomgås er utdanningsmuligheter, yrker og arbeidsliv, kjønn og valg, livsmestring, egenskaper, interesser, verdier og ferdigheter",
      },
      tags: ["career-guidance"],
      source: nibr({ chapter: "11" }, "6545-6563"),
    },
    {
      id: "activity-norwegian",
      kind: "activity",
      label: "Norwegian at B1 competence goals on texts about education and work",
      labels: { nb: "Undervisningen om utdanningsvalg foregår i kombinasjon med kompetansemål på B1-nivå" },
      tags: ["norwegian-training"],
      source: nibr({ chapter: "11" }, "6565-6571"),
    },
    {
      id: "activity-english",
      kind: "activity",
      label: "English two hours a week plus homework, added at participants' request",
      labels: { nb: "Det har derfor blitt lagt inn to timer i uka med engelsklærer" },
      source: nibr({ chapter: "11" }, "6573-6578"),
    },
    {
      id: "activity-practical",
      kind: "activity",
      label:
        "Practical component with schools and local working life: role models, education fairs, job tasters, visits to upper-secondary schools (not carried out because of COVID-19)",
      labels: { nb: "Den praktiske delen av kurset ble ikke gjennomført på grunn av korona-situasjonen" },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "11" }, "6580-6589"),
    },
    {
      id: "activity-digital-skills",
      kind: "activity",
      label:
        "Digital skills in the computer lab, so that participants can find important information on their own",
      labels: { nb: "gi deltakerne anledning til å utvikle sine digitale ferdigheter" },
      tags: ["digital-tools"],
      source: nibr({ chapter: "11" }, "6589-6592"),
    },
    {
      id: "activity-intake-test-preparation",
      kind: "activity",
      label:
        "Preparation for the intake test at the Oslo adult-education service centre (English, Norwegian, mathematics)",
      labels: { nb: "Bestå inntaksprøve på servicesenteret" },
      source: nibr({ chapter: "11" }, "6594-6599"),
    },
    {
      id: "mechanism-social-cohesion",
      kind: "mechanism",
      label: "Social cohesion in a homogeneous, supportive class",
      labels: { nb: "«sosialt samhold»" },
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      id: "mechanism-self-confidence",
      kind: "mechanism",
      label: "Strengthened self-confidence",
      labels: { nb: "«styrke selvtillit»" },
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      id: "mechanism-good-teacher",
      kind: "mechanism",
      label:
        "A good teacher with knowledge of Norwegian as a second language, the education system and careers",
      labels: { nb: "«god lærer»" },
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      id: "outcome-motivation",
      kind: "outcome",
      horizon: "intermediate",
      label:
        "Making the right choice raises motivation for the subjects, and so the chance of completing upper-secondary school",
      labels: { nb: "det å ta riktig valg, øker motivasjonen for å jobbe med de fagene man har" },
      source: nibr({ chapter: "11" }, "6892-6894"),
    },
    {
      id: "outcome-right-choice",
      kind: "outcome",
      horizon: "short",
      label:
        "Making the right choice of further education: awareness of occupations, knowledge of the labour market and education system, insight into daily work, reflection on own values, strengths and weaknesses",
      labels: { nb: "Å ta riktig valg for videre utdanning" },
      source: nibr({ chapter: "11" }, "6620-6627"),
    },
    {
      id: "outcome-academic-preparation",
      kind: "outcome",
      horizon: "short",
      label:
        "Participants academically prepared, through Norwegian and English, for the intake test and upper-secondary school",
      labels: {
        nb: "Forbedrede deltakere faglig til inntaksprøven og til et løp i videregående, gjennom norsk og engelskundervisning",
      },
      source: nibr({ chapter: "11" }, "6631-6632"),
    },
    {
      id: "outcome-start-upper-secondary",
      kind: "outcome",
      horizon: "short",
      label: "More introduction-programme participants start upper-secondary school",
      labels: { nb: "At flere deltakere i introduksjonsprogrammet begynner på videregående" },
      source: nibr({ chapter: "11" }, "6636"),
    },
    {
      id: "outcome-complete-upper-secondary",
      kind: "outcome",
      horizon: "long",
      label: "More participants complete upper-secondary school",
      labels: { nb: "At flere deltakere fullfører videregående" },
      source: nibr({ chapter: "11" }, "6638-6640"),
    },
    {
      id: "outcome-higher-education",
      kind: "outcome",
      horizon: "long",
      label: "Participants who wish to take further education after upper-secondary school",
      labels: { nb: "At deltakere som ønsker det, tar videre utdanning etter videregående" },
      source: nibr({ chapter: "11" }, "6642-6643"),
    },
    {
      id: "outcome-lasting-work",
      kind: "outcome",
      horizon: "long",
      label: "Lasting attachment to working life",
      labels: { nb: "At deltakere får varig tilknytning til arbeidslivet" },
      source: nibr({ chapter: "11" }, "6645"),
    },
  ],
  links: [
    {
      from: "problem-locked-in",
      to: "activity-educational-choice",
      source: nibr({ chapter: "11" }, "6435-6437"),
    },
    { from: "problem-language-level", to: "activity-norwegian", source: nibr({ chapter: "11" }, "6437") },
    { from: "problem-language-level", to: "activity-english", source: nibr({ chapter: "11" }, "6431-6432") },
    {
      from: "problem-no-upper-secondary",
      to: "activity-intake-test-preparation",
      source: nibr({ chapter: "11" }, "6437-6438"),
    },
    {
      from: "problem-formal-requirements",
      to: "activity-educational-choice",
      source: nibr({ chapter: "11" }, "6438-6439"),
    },
    { from: "input-staff", to: "activity-educational-choice", kind: "enables" },
    { from: "input-staff", to: "activity-english", kind: "enables" },
    {
      from: "activity-educational-choice",
      to: "mechanism-self-confidence",
      kind: "triggers",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "activity-educational-choice",
      to: "mechanism-social-cohesion",
      kind: "triggers",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "activity-norwegian",
      to: "mechanism-good-teacher",
      kind: "triggers",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "activity-educational-choice",
      to: "outcome-right-choice",
      source: nibr({ chapter: "11" }, "6547-6549"),
    },
    {
      from: "activity-practical",
      to: "outcome-right-choice",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6583-6584"),
    },
    {
      from: "activity-digital-skills",
      to: "outcome-right-choice",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6590-6591"),
    },
    {
      from: "activity-norwegian",
      to: "outcome-academic-preparation",
      source: nibr({ chapter: "11" }, "6631-6632"),
    },
    {
      from: "activity-english",
      to: "outcome-academic-preparation",
      source: nibr({ chapter: "11" }, "6631-6632"),
    },
    { from: "activity-intake-test-preparation", to: "outcome-academic-preparation" },
    {
      from: "mechanism-social-cohesion",
      to: "outcome-academic-preparation",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "mechanism-social-cohesion",
      to: "outcome-right-choice",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "mechanism-self-confidence",
      to: "outcome-right-choice",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      from: "mechanism-good-teacher",
      to: "outcome-academic-preparation",
      kind: "contributes",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    { from: "outcome-right-choice", to: "outcome-motivation", source: nibr({ chapter: "11" }, "6892-6894") },
    {
      from: "outcome-motivation",
      to: "outcome-complete-upper-secondary",
      source: nibr({ chapter: "11" }, "6892-6894"),
    },
    {
      from: "outcome-academic-preparation",
      to: "outcome-start-upper-secondary",
      source: nibr({ chapter: "11" }, "6890-6892"),
      rationale: "Sufficient Norwegian and English is needed to pass Oslo's intake test.",
    },
    { from: "outcome-right-choice", to: "outcome-start-upper-secondary" },
    { from: "outcome-start-upper-secondary", to: "outcome-complete-upper-secondary" },
    {
      from: "outcome-academic-preparation",
      to: "outcome-complete-upper-secondary",
      source: nibr({ chapter: "11" }, "6891-6892"),
    },
    { from: "outcome-complete-upper-secondary", to: "outcome-higher-education" },
    {
      from: "outcome-complete-upper-secondary",
      to: "outcome-lasting-work",
      source: nibr({ chapter: "11" }, "6415-6418"),
    },
    {
      from: "context-intake-test",
      to: "outcome-start-upper-secondary",
      kind: "moderates",
      source: nibr({ chapter: "11" }, "6599-6605"),
    },
    { from: "context-labour-market", to: "outcome-lasting-work", kind: "moderates" },
  ],
  indicators: [
    {
      id: "indicator-intake-test",
      nodeId: "outcome-academic-preparation",
      name: "Participants who pass the intake test at the service centre",
      definition:
        "Of the 17 participants, 14 applied for upper-secondary school, 12 took the intake test and 5 passed.",
      measure: "proportion",
      numerator: "participants who passed the intake test",
      denominator: "participants who took the intake test",
      direction: "increase",
      meansOfVerification: "Intake-test results at Oslo Voksenopplæring Servicesenter",
      source: "Oslo adult-education service centre intake test",
      provenance: nibr({ chapter: "11" }, "6647-6648, 6816-6817"),
    },
    {
      id: "indicator-start-upper-secondary",
      nodeId: "outcome-start-upper-secondary",
      name: "Participants who start upper-secondary school",
      definition:
        "Short-term goal attainment: how many start upper-secondary school. Three of those not admitted will take a «pri-kurs»; some chose primary-school subjects first.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Information on how many begin upper-secondary school",
      source: "school register (upper-secondary admission)",
      provenance: nibr({ chapter: "11" }, "6647-6648, 6817-6823"),
    },
    {
      id: "indicator-right-choice-survey",
      nodeId: "outcome-right-choice",
      name: "Participants' experience of having made the right choice",
      definition:
        "Harder to examine: a questionnaire before the course and at its end, or some time after starting upper-secondary school.",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification:
        "Questionnaire before the course and at its end, or after starting upper-secondary school",
      source: "participant questionnaire",
      provenance: nibr({ chapter: "11" }, "6649-6651"),
    },
    {
      id: "indicator-grades",
      nodeId: "outcome-complete-upper-secondary",
      name: "Grades, and missing grades as a sign of dropout",
      definition:
        "Grades indicate in the short run whether the choice was right and the academic basis sufficient; missing grade(s) are an important measuring point as an indicator of dropout from upper-secondary school.",
      measure: "mean",
      unit: "grade",
      direction: "increase",
      meansOfVerification: "Upper-secondary grades",
      source: "school register (grades)",
      provenance: nibr({ chapter: "11" }, "6651-6654"),
    },
    {
      id: "indicator-completion",
      nodeId: "outcome-complete-upper-secondary",
      name: "Participants who complete upper-secondary school",
      definition:
        "Long-term: how many complete upper-secondary school. Capturing long-term effects needs a long time perspective.",
      measure: "proportion",
      numerator: "participants who complete upper-secondary school",
      denominator: "participants",
      direction: "increase",
      meansOfVerification: "Follow-up over a long time perspective",
      source: "school register",
      provenance: nibr({ chapter: "11" }, "6654-6657"),
    },
    {
      id: "indicator-further-education",
      nodeId: "outcome-higher-education",
      name: "Participants who take further education",
      definition:
        "Long-term: how many take further education after upper-secondary school (only three on the current course consider it).",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Follow-up over a long time perspective",
      source: "education register",
      provenance: nibr({ chapter: "11" }, "6642-6643, 6654-6656"),
    },
    {
      id: "indicator-relevant-work",
      nodeId: "outcome-lasting-work",
      name: "In work relevant to their education after a given period",
      definition:
        "Long-term: how many are, after a given period, in work relevant to the education they have taken.",
      measure: "proportion",
      numerator: "former participants in work relevant to their education",
      denominator: "former participants",
      direction: "increase",
      meansOfVerification: "Follow-up after a given period",
      provenance: nibr({ chapter: "11" }, "6655-6657"),
    },
  ],
  targetGroup: {
    description:
      "Oslo introduction-programme participants with primary school who want upper-secondary education, or with upper-secondary education from the home country that is not recognised; mostly a selected group of spor 2 participants.",
    eligibility: [
      "Right to upper-secondary education (youth right up to 24, or adult right)",
      "Norwegian at minimum A2, and a remaining right to Norwegian training",
      "Motivated and able to work independently",
      "No age limit (all this year's participants are 30 or younger)",
    ],
    recruitment:
      "Programme advisers and adult-education teachers identify candidates in 15 districts; the project leader and teacher interview them and decide. Vacancies are filled by rolling admission. About two-thirds of applicants were rejected, mainly for too weak Norwegian.",
    size: {
      enrolled: 25,
      completed: 17,
      perCohort: 20,
      period: "2019-2020 course",
      note: "25 at the start, about 17 near the end. At least 30 candidates are needed to recruit; about 20 is ideal for group teaching; at least 10 for economic sustainability. Three of four participants are women.",
    },
    source: nibr({ chapter: ["2", "11"] }, "777-778, 6442-6468, 6833-6838"),
  },
  components: [
    {
      id: "component-course",
      label: "Forkurs utdanningsvalg",
      nodeId: "activity-educational-choice",
      dose: {
        amount: 12,
        unit: "hours",
        per: "week",
        note: "over two days, replacing language or work placement, in addition to ordinary Norwegian in the introduction programme",
      },
      deliveredBy: "project leader and a full-time teacher",
      tags: ["career-guidance", "norwegian-training"],
      source: nibr({ chapter: "11" }, "6542-6543"),
    },
    {
      id: "component-english",
      label: "English",
      nodeId: "activity-english",
      dose: { amount: 2, unit: "hours", per: "week", note: "plus homework" },
      deliveredBy: "English teacher",
      source: nibr({ chapter: "11" }, "6575-6578"),
    },
  ],
  assumptions: [
    {
      id: "assumption-upper-secondary",
      text: "To get a good and stable long-term attachment to the labour market, the target group needs to enter and complete upper-secondary school.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["outcome-lasting-work"],
      source: nibr({ chapter: "11" }, "6415-6418"),
    },
    {
      id: "assumption-goals-in-tension",
      text: "The two goals «making the right choice» and «sufficient Norwegian and English» are to some extent in tension: participants focus on the test, staff on educational choice.",
      kind: "implementation",
      appliesTo: ["outcome-right-choice", "outcome-academic-preparation"],
      source: nibr({ chapter: "11" }, "6902-6907"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "A homogeneous, supportive class and a key teacher.",
      scope: "internal",
      source: nibr({ chapter: "11" }, "6886-6888"),
    },
    {
      kind: "barrier",
      text: "Tension between the career-guidance aims and participants' focus on the test; a couple dropped out because they learned too little English.",
      scope: "internal",
      source: nibr({ chapter: "11" }, "6902-6905"),
    },
    {
      kind: "barrier",
      text: "Oslo's intake test and the one-year pri-kurs without income support can delay the route to upper-secondary school.",
      scope: "external",
      nodeIds: ["outcome-start-upper-secondary"],
      source: nibr({ chapter: "11" }, "6599-6605"),
    },
  ],
  implementation: {
    notes: [
      "The project changed a good deal along the way, from a course aimed at health work to one about educational choice; English was added at participants' request.",
    ],
    adaptations: [
      "From winter 2018 a pre-course for health-worker upper-secondary; broadened to educational choice with the IMDi grant",
      "English added after the autumn break 2019",
    ],
    source: nibr({ chapter: "11" }, "6472-6506, 6827-6829"),
  },
  versions: [
    {
      version: "1",
      kind: "initial",
      changes: [
        "The project's own theory before the evaluation (not reproduced in the report). The course began in winter 2018 as a pre-course for upper-secondary health-worker training and was broadened to educational choice.",
      ],
      source: nibr({ chapter: "11" }, "6472-6506"),
    },
    {
      version: "2",
      kind: "revised",
      changes: [
        "Figure 11.1, a revised figure of the programme theory: problem → pre-course → mechanisms (green: sufficient subject knowledge; yellow: right choice; «social cohesion», «strengthened self-confidence» and «good teacher» both) → the two goals «right choice» and «sufficient Norwegian and English». The last steps of goal attainment are left out for space.",
      ],
      source: nibr({ chapter: "11", figure: "11.1" }, "6881-6896"),
    },
  ],
  transfer: {
    notes: [
      "Of national interest, since many refugees need upper-secondary education; transfer value increased after the broadening. Curriculum and tools are reusable.",
      "A 2014 Udir ruling put a similar adult pre-course outside the Education Act, so organising it inside the introduction programme (with introduction benefit) is attractive.",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "11" },
    "6388-7019",
    "Chapter author: Tone Maia Liodden. The project's row in Tabell 3.2 is «Stranna».",
  ),
  extensions: { dataQualityFlags: flags, area: 4, chapter: 11 },
};
