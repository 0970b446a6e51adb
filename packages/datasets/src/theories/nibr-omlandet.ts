import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "participants-on-leave",
    message:
      "The participants' section says one of the three fourth-year participants is on leave («i permisjon»), while the results section says all three will sit the theory exam in June 2020 and none declined or dropped out.",
    source: nibr({ chapter: "5" }, "2020, 2293-2296"),
  },
  {
    id: "results-from-jobbsjansen",
    message:
      "With only three fourth-year participants, the outcome figures (68 % in work, 60 % passing at the first attempt, 70-80 % in work on the health pathway) are for Jobbsjansen participants in the same courses, not for the project's own target group.",
    source: nibr({ chapter: "5" }, "1685-1692, 2296-2312"),
  },
  {
    id: "table-3.2-digital",
    message:
      "Table 3.2 marks digital tools for Omlandet; the chapter mentions only that the subject teacher posts presentations on a digital learning platform that the Norwegian teacher can also reach. The record tags that activity.",
    source: nibr({ chapter: ["3", "5"], table: "3.2" }, "1025-1033, 2110-2111"),
  },
];

/**
 * «Omlandet»: a trade-certificate pathway (fagbrevløp) as part of a fourth year of the introduction
 * programme (NIBR-rapport 2020:13, chapter 5, thematic area 1), built on the practice-candidate scheme.
 */
export const nibrOmlandet: TheorySpec = {
  id: "nibr-omlandet",
  title: "Trade-certificate pathway as a fourth year in the introduction programme",
  lang: "en",
  labels: { nb: "Fagbrevløp som 4. år i Intro" },
  description:
    "A pathway to a trade certificate (child and youth worker; health worker) through the practice-candidate scheme: a VGS-level theory course one day a week, subject-specific Norwegian, and work training followed up by NAV, for refugees who cannot use an ordinary upper-secondary route.",
  programme: "Fagbrevløp (fjerde år i introduksjonsprogrammet)",
  organisation: "NAV «Omlandet» with Folkeuniversitetet, Jobbsjansen, the refugee service and the county",
  municipality: "«Omlandet» (pseudonym; just over 90,000 inhabitants)",
  status: "initial",
  nodes: [
    {
      id: "problem-no-documentation",
      kind: "problem",
      label:
        "Many refugees have not completed primary school, lack documentation of education and work experience, or cannot get their education recognised",
      labels: {
        nb: "mange flyktninger ikke har fullført grunnskole, mangler dokumentasjon på utdanning og arbeidserfaring, eller ikke får godkjent utdanningen",
      },
      stakeholder: "project",
      source: nibr({ chapter: "5" }, "1702-1704"),
    },
    {
      id: "problem-formal-requirements",
      kind: "problem",
      label:
        "Few unskilled jobs; employers require formal qualifications and language, e.g. B1 or a trade certificate",
      labels: {
        nb: "det få ufaglærte jobber, arbeidsgivere stiller ofte krav til formelle kvalifikasjoner og språkferdigheter",
      },
      stakeholder: "employers (as seen by the project)",
      source: nibr({ chapter: "5" }, "1704-1705"),
    },
    {
      id: "problem-too-little-time",
      kind: "problem",
      label:
        "Two years of the introduction programme are too short to reach sufficient Norwegian and complete the theory course",
      labels: { nb: "to år kort tid for å oppnå tilstrekkelig norsknivå og gjennomføre teorikurset" },
      stakeholder: "project",
      source: nibr({ chapter: "5" }, "1724-1738"),
    },
    {
      id: "context-labour-market",
      kind: "context",
      label: "Labour demand for care trades; unemployment 1.9 % overall and 4.3 % among immigrants (Q1 2020)",
      labels: {
        nb: "arbeidsgivere ofte etterspurte fagkompetanse i disse yrkene. Samtidig var etterspørselen etter arbeidskraft betydelig",
      },
      source: nibr({ chapter: "5" }, "1694-1698, 1740-1745"),
    },
    {
      id: "context-practice-candidate-scheme",
      kind: "context",
      label:
        "The practice-candidate scheme: a trade certificate without core subjects, usually without a primary-school requirement, but with a written exam and five years of approved practice",
      labels: { nb: "Fagbrevløpet bygger på praksiskandidatordningen" },
      source: nibr({ chapter: "5" }, "1712-1722"),
    },
    {
      id: "input-partners",
      kind: "input",
      label:
        "Project leader (100 %), a dedicated NAV adviser (50 %) on the health pathway, Folkeuniversitetet for theory and Norwegian, Jobbsjansen and the NAV market team",
      labels: { nb: "en dedikert NAV-veileder som er ansatt i en 50 % prosjektstilling" },
      source: nibr({ chapter: "5" }, "1812-1872, 1937-1940"),
    },
    {
      id: "input-subsistence",
      kind: "input",
      label:
        "Subsistence: 1G from the municipality and 1G from IMDi; the course bought from Folkeuniversitetet through «opplæringstiltak i NAV»",
      labels: {
        nb: "For å dekke livsopphold til deltakere, går kommunen inn med 1G, og IMDi går inn med 1G",
      },
      source: nibr({ chapter: "5" }, "1864-1867"),
    },
    {
      id: "activity-recruitment",
      kind: "activity",
      label:
        "Mapping and recruitment: NAV advisers propose candidates, Folkeuniversitetet assesses Norwegian level, motivation and suitability; holistic mapping of the life situation",
      labels: {
        nb: "Kartlegging og rekruttering. Kriterier som benyttes, er motivasjon, egnethet og norsknivå",
      },
      source: nibr({ chapter: "5" }, "1891-1912"),
    },
    {
      id: "activity-theory-course",
      kind: "activity",
      label:
        "Theory course at upper-secondary level one day a week, ending in a five-hour written exam taken as a private candidate",
      labels: {
        nb: "Kurs i fagteori: Kurset foregår en dag per uke. Teorieksamen: fem timers skriftlig eksamen som privatister",
      },
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "5" }, "1917-1922, 1976-1977"),
    },
    {
      id: "activity-fagnorsk",
      kind: "activity",
      label:
        "Subject-specific Norwegian (bransjenorsk/fagnorsk) four hours a week in support of the theory course",
      labels: {
        nb: "Bransjenorsk/fagnorsk: Deltakere tar kurs i fagnorsk fire timer i uka som en støtte til teorikurset",
      },
      tags: ["norwegian-training"],
      source: nibr({ chapter: "5" }, "1924-1926"),
    },
    {
      id: "activity-work-training",
      kind: "activity",
      label:
        "Work training in nursing homes, kindergartens and after-school care, linked to weekly competence goals by a training plan and a logbook",
      labels: {
        nb: "Arbeidstrening bidrar til å knytte teori og praksis. Opplæringsplanen knytter praksis til kompetansemålene",
      },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "5" }, "1928-1955"),
    },
    {
      id: "activity-follow-up",
      kind: "activity",
      label:
        "Close follow-up of participants and employers: phone contact at least monthly, a workplace meeting at least every third month, three-way talks",
      labels: {
        nb: "telefonkontakt med deltakere og arbeidsgivere minst en gang i måneden, og oppfølgingsmøte på arbeidsplassen",
      },
      tags: ["supported-employment"],
      source: nibr({ chapter: "5" }, "1964-1972, 2070-2077"),
    },
    {
      id: "activity-digital-platform",
      kind: "activity",
      label:
        "The subject teacher posts presentations and course material on a digital learning platform that the Norwegian teacher also uses",
      labels: {
        nb: "Faglærer legger ut sine presentasjoner og annet relevant fagstoff på en digital læringsplattform",
      },
      tags: ["digital-tools"],
      source: nibr({ chapter: "5" }, "2110-2111"),
    },
    {
      id: "activity-secure-transitions",
      kind: "activity",
      label:
        "Secure transitions and after-care: follow-up and income security from the introduction programme into the fourth year and after it",
      labels: {
        nb: "«Sikre overganger»: Det første er å sikre overgangen fra det ordinære introduksjonsprogrammet, til det fjerde året",
      },
      source: nibr({ chapter: "5" }, "1979-1994"),
    },
    {
      id: "mechanism-motivation",
      kind: "mechanism",
      label: "Participants' suitability and motivation carry them through a demanding theory course",
      labels: { nb: "Deltakernes egnethet og motivasjon ser ut til å være viktig for at de skal lykkes" },
      source: nibr({ chapter: "5" }, "2064-2068"),
    },
    {
      id: "mechanism-close-follow-up",
      kind: "mechanism",
      label:
        "Close follow-up and availability, with few participants per adviser, keeps participants and employers on track",
      labels: { nb: "tett oppfølging og tilgjengelighet er viktig for målgruppa" },
      source: nibr({ chapter: "5" }, "2070-2077"),
    },
    {
      id: "mechanism-signal",
      kind: "mechanism",
      label:
        "Enrolment in a trade-certificate pathway signals positively to employers, bringing on-call and part-time work",
      labels: {
        nb: "Deltakelse i løpet kan altså antas å sende et positivt signal som øker sannsynligheten for å finne jobb",
      },
      source: nibr({ chapter: "5" }, "2078-2084, 2335-2337"),
    },
    {
      id: "mechanism-self-esteem",
      kind: "mechanism",
      label:
        "The relation to the teacher and the Norwegian class as a community strengthen self-confidence and keep motivation up",
      labels: { nb: "holde «motivasjonen og selvtilliten oppe, troen på at det kan gå bra»" },
      source: nibr({ chapter: "5" }, "2084-2086, 2154-2156, 2330-2332"),
    },
    {
      id: "mechanism-theory-practice-link",
      kind: "mechanism",
      label: "The coupling of work practice, subject theory and subject-specific Norwegian is decisive",
      labels: {
        nb: "koblingen mellom praksis, fagteori og bransjenorsk er avgjørende for at prosjektet skal lykkes",
      },
      source: nibr({ chapter: "5" }, "2100-2101, 2326-2329"),
    },
    {
      id: "outcome-work-training",
      kind: "outcome",
      horizon: "short",
      label: "Participation in work training during the project period",
      labels: { nb: "Kortsiktige mål er deltakelse i arbeidstrening" },
      source: nibr({ chapter: "5" }, "2003-2004"),
    },
    {
      id: "outcome-theory-exam",
      kind: "outcome",
      horizon: "short",
      label: "Passed theory exam after one or one and a half years",
      labels: { nb: "bestått teoriprøve (etter ett eller halvannet år, avhengig av løpet)" },
      source: nibr({ chapter: "5" }, "2003-2004"),
    },
    {
      id: "outcome-on-call-work",
      kind: "outcome",
      horizon: "short",
      label: "Offers of on-call shifts or part-time work during the project period",
      labels: {
        nb: "hvor mange som får tilbud om tilkallingsvakter eller deltidsjobb underveis i prosjektperioden",
      },
      source: nibr({ chapter: "5" }, "2005-2006"),
    },
    {
      id: "outcome-partial-certificate",
      kind: "outcome",
      horizon: "short",
      label:
        "Possibly a partial-competence certificate, the final goal for those not aiming at a full trade certificate",
      labels: { nb: "Et delkompetansebevis kan også være et mål på kortere sikt" },
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "5" }, "2006-2009"),
    },
    {
      id: "outcome-trade-certificate",
      kind: "outcome",
      horizon: "long",
      label: "Passed trade exam leading to a trade certificate (after five years of approved practice)",
      labels: { nb: "På lang sikt vil bestått fagprøve, som fører til fagbrev, være målet" },
      source: nibr({ chapter: "5" }, "2011-2013"),
    },
    {
      id: "outcome-stable-employment",
      kind: "outcome",
      horizon: "long",
      label: "Stable attachment to employment",
      labels: { nb: "sammen med en stabil arbeidstilknytning" },
      source: nibr({ chapter: "5" }, "2011-2012"),
    },
  ],
  links: [
    {
      from: "problem-no-documentation",
      to: "activity-theory-course",
      source: nibr({ chapter: "5" }, "1705-1710"),
    },
    {
      from: "problem-formal-requirements",
      to: "activity-theory-course",
      source: nibr({ chapter: "5" }, "1705-1710"),
    },
    {
      from: "problem-too-little-time",
      to: "activity-secure-transitions",
      source: nibr({ chapter: "5" }, "1735-1738"),
    },
    { from: "input-partners", to: "activity-follow-up", kind: "enables" },
    { from: "input-partners", to: "activity-theory-course", kind: "enables" },
    { from: "input-subsistence", to: "activity-secure-transitions", kind: "enables" },
    {
      from: "context-practice-candidate-scheme",
      to: "activity-theory-course",
      kind: "enables",
      source: nibr({ chapter: "5" }, "1712-1722"),
    },
    {
      from: "activity-recruitment",
      to: "mechanism-motivation",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "1780-1785, 2064-2068"),
    },
    { from: "activity-follow-up", to: "mechanism-close-follow-up", kind: "triggers" },
    {
      from: "activity-work-training",
      to: "mechanism-signal",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "2078-2084"),
    },
    {
      from: "activity-theory-course",
      to: "mechanism-signal",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "2335-2337"),
    },
    {
      from: "activity-fagnorsk",
      to: "mechanism-self-esteem",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "2154-2156"),
    },
    {
      from: "activity-fagnorsk",
      to: "mechanism-theory-practice-link",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "2100-2101"),
    },
    {
      from: "activity-work-training",
      to: "mechanism-theory-practice-link",
      kind: "triggers",
      source: nibr({ chapter: "5" }, "1944-1949"),
    },
    {
      from: "activity-digital-platform",
      to: "mechanism-theory-practice-link",
      kind: "contributes",
      source: nibr({ chapter: "5" }, "2107-2111"),
    },
    { from: "activity-work-training", to: "outcome-work-training" },
    {
      from: "activity-secure-transitions",
      to: "outcome-trade-certificate",
      kind: "contributes",
      source: nibr({ chapter: "5" }, "2183-2186"),
    },
    { from: "mechanism-motivation", to: "outcome-theory-exam", source: nibr({ chapter: "5" }, "2064-2068") },
    { from: "mechanism-self-esteem", to: "outcome-theory-exam", source: nibr({ chapter: "5" }, "2084-2086") },
    {
      from: "mechanism-theory-practice-link",
      to: "outcome-theory-exam",
      source: nibr({ chapter: "5" }, "2098-2101"),
    },
    {
      from: "mechanism-close-follow-up",
      to: "outcome-work-training",
      source: nibr({ chapter: "5" }, "2070-2077"),
    },
    { from: "mechanism-signal", to: "outcome-on-call-work", source: nibr({ chapter: "5" }, "2078-2084") },
    {
      from: "outcome-theory-exam",
      to: "outcome-partial-certificate",
      kind: "contributes",
      source: nibr({ chapter: "5" }, "2006-2009"),
    },
    {
      from: "outcome-theory-exam",
      to: "outcome-trade-certificate",
      source: nibr({ chapter: "5" }, "2011-2013"),
    },
    {
      from: "outcome-work-training",
      to: "outcome-on-call-work",
      source: nibr({ chapter: "5" }, "2332-2335"),
    },
    {
      from: "outcome-on-call-work",
      to: "outcome-trade-certificate",
      source: nibr({ chapter: "5" }, "2337-2339"),
      rationale: "Work experience makes it possible to work long enough (five years) to sit the trade exam.",
    },
    {
      from: "outcome-on-call-work",
      to: "outcome-stable-employment",
      source: nibr({ chapter: "5" }, "2336-2338"),
    },
    {
      from: "outcome-trade-certificate",
      to: "outcome-stable-employment",
      source: nibr({ chapter: "5" }, "1708-1710"),
    },
    {
      from: "context-labour-market",
      to: "outcome-stable-employment",
      kind: "moderates",
      source: nibr({ chapter: "5" }, "1740-1745"),
    },
  ],
  indicators: [
    {
      id: "indicator-theory-exam-pass",
      nodeId: "outcome-theory-exam",
      name: "Share passing the theory exam at the first attempt",
      definition:
        "Passed the written theory exam (fagteoriprøve) as a private candidate. For Jobbsjansen participants in the same child-and-youth-worker course, 60 % passed at the first attempt; in the first cohort all but one passed at the second attempt. The three fourth-year participants sit the exam in June 2020.",
      measure: "proportion",
      numerator: "participants who passed the theory exam",
      denominator: "participants who sat the exam",
      direction: "increase",
      meansOfVerification: "Exam results",
      source: "exam results (theory exam as private candidate)",
      provenance: nibr({ chapter: "5" }, "2003-2004, 2293-2296, 2305-2307"),
    },
    {
      id: "indicator-in-work-training",
      nodeId: "outcome-work-training",
      name: "Participants in work training",
      definition: "Participation in work training during the project period (short-term goal).",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Project and NAV follow-up records",
      source: "project records",
      provenance: nibr({ chapter: "5" }, "2003-2004"),
    },
    {
      id: "indicator-on-call-offers",
      nodeId: "outcome-on-call-work",
      name: "Participants offered on-call shifts or part-time work during the project",
      definition:
        "Another possible short-term goal. Reported: one fourth-year participant works as an on-call substitute in a kindergarten; for Jobbsjansen participants 68 % (child and youth worker) and about 70-80 % (health worker) were in a job during or after the course.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Project records",
      source: "project records",
      provenance: nibr({ chapter: "5" }, "2005-2006, 2294-2295, 2305-2308"),
    },
    {
      id: "indicator-trade-certificate",
      nodeId: "outcome-trade-certificate",
      name: "Passed trade exam (fagbrev)",
      definition:
        "Passed the trade exam under the practice-candidate scheme, which requires five years of approved practice; 2-3 Jobbsjansen participants had passed it.",
      measure: "count",
      unit: "persons",
      direction: "increase",
      meansOfVerification: "Trade-exam results (fagbrevprøve/svenneprøve)",
      source: "trade-exam results (fagbrevprøve)",
      provenance: nibr({ chapter: "5" }, "2011-2013, 2310-2312"),
    },
  ],
  targetGroup: {
    description:
      "Motivated, personally suited people in the fourth year of the introduction programme who have no right to ordinary upper-secondary education, or could not complete it; the three fourth-year participants are women in their early thirties.",
    eligibility: [
      "In the fourth year of the introduction programme, without a right to upper-secondary education through the ordinary route, or unable to complete it (e.g. because of caring duties)",
      "Norwegian at B1 or very close, oral and written",
      "Registered as a jobseeker with NAV",
      "Able to study independently outside class; motivated and personally suited for health or child-and-youth work",
    ],
    recruitment:
      "The project leader emails NAV in the municipality and a neighbouring one; advisers propose candidates; Folkeuniversitetet holds an assessment interview with a simplified Norwegian test; the project leader and the Folkeuniversitetet course lead decide. Selection was tightened after the first cohort to choose candidates likely to complete.",
    size: {
      enrolled: 3,
      perCohort: 8,
      period: "2019-2020",
      note: "Three fourth-year participants (two health, one child and youth worker); more in the same courses from Jobbsjansen. A class needs about 8-9 participants to be economically sustainable.",
    },
    source: nibr({ chapter: "5" }, "1765-1799, 1891-1912, 2293-2296"),
  },
  components: [
    {
      id: "component-theory-course",
      label: "Theory course",
      nodeId: "activity-theory-course",
      dose: { amount: 1, unit: "day", per: "week" },
      duration:
        "two semesters (health worker) or three semesters (child and youth worker); the child-and-youth-worker course was extended to 1.5 years",
      deliveredBy: "Folkeuniversitetet",
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "5" }, "1917-1922, 1876-1881"),
    },
    {
      id: "component-fagnorsk",
      label: "Subject-specific Norwegian",
      nodeId: "activity-fagnorsk",
      dose: { amount: 4, unit: "hours", per: "week" },
      deliveredBy: "Folkeuniversitetet",
      tags: ["norwegian-training"],
      source: nibr({ chapter: "5" }, "1924-1926"),
    },
    {
      id: "component-work-training",
      label: "Work training with follow-up",
      nodeId: "activity-work-training",
      description:
        "Unpaid work training, for many combined with paid shifts; wage subsidy and mentor grant possible.",
      deliveredBy: "employers, followed up by NAV advisers",
      tags: ["alternative-training-model", "supported-employment"],
      source: nibr({ chapter: "5" }, "1928-1972"),
    },
  ],
  assumptions: [
    {
      id: "assumption-formal-qualification",
      text: "Formal qualifications raise the chance of getting work and better-paid work, so a trade-certificate pathway can bring more refugees into work with a more stable attachment.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["outcome-stable-employment"],
      source: nibr({ chapter: "5" }, "1708-1710"),
    },
    {
      id: "assumption-after-care",
      text: "After-care once the fourth year ends is important for reaching the long-term goals.",
      kind: "implementation",
      appliesTo: ["activity-secure-transitions"],
      source: nibr({ chapter: "5" }, "2183-2186"),
    },
    {
      id: "assumption-low-caseload",
      text: "Close follow-up requires that the adviser has few participants to follow up.",
      kind: "implementation",
      appliesTo: ["mechanism-close-follow-up"],
      source: nibr({ chapter: "5" }, "2075-2077"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "Participants' suitability and motivation.",
      scope: "internal",
      source: nibr({ chapter: "5" }, "2064-2068"),
    },
    {
      kind: "facilitator",
      text: "Well-established cooperation between agencies in the municipality.",
      scope: "internal",
      source: nibr({ chapter: "5" }, "2177-2181"),
    },
    {
      kind: "barrier",
      text: "Work-training places, especially in health, are increasingly hard to get and depend on personal contacts.",
      scope: "external",
      nodeIds: ["outcome-work-training"],
      source: nibr({ chapter: "5" }, "2190-2199"),
    },
    {
      kind: "barrier",
      text: "The municipal merger of 1 January 2020 caused delays, staff turnover and longer distances.",
      scope: "external",
      source: nibr({ chapter: "5" }, "2201-2209"),
    },
    {
      kind: "barrier",
      text: "Job offers and income requirements for permanent residence and family reunification push participants towards work rather than education.",
      scope: "external",
      source: nibr({ chapter: "5" }, "2248-2259"),
    },
  ],
  implementation: {
    notes: ["Implemented as planned, apart from some delay caused by the municipal merger."],
    adaptations: [
      "Selection tightened after the first cohort; the child-and-youth-worker course extended to 1.5 years.",
    ],
    source: nibr({ chapter: "5" }, "1780-1785, 1876-1881, 2316-2317"),
  },
  uncertainties: [
    {
      id: "uncertainty-thin-evidence",
      question:
        "Does the pathway lead to trade certificates and stable employment for the fourth-year target group itself? The empirical material is too limited for conclusions.",
      priority: "high",
      phase: "evaluation",
      about: ["outcome-trade-certificate", "outcome-stable-employment"],
    },
  ],
  transfer: {
    value: "high",
    preconditions: [
      "Good collaboration between agencies",
      "A limited caseload for NAV follow-up",
      "Qualified theory teachers, ideally able to teach Norwegian as a second language",
      "A clear model for financing subsistence",
    ],
    notes: [
      "«Prosjektet vi har evaluert har antagelig stor overføringsverdi til andre kommuner» (probably great transfer value to other municipalities).",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "5" },
    "1674-2403",
    "Chapter author: Tone Maia Liodden. The project's row in Tabell 3.2 is «Omlandet».",
  ),
  extensions: { dataQualityFlags: flags, area: 1, chapter: 5 },
};
