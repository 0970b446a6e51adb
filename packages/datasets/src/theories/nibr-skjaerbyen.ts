import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "table-8.1-columns",
    message:
      "Table 8.1 lost its column layout in the text extraction; the assignment of «Varig arbeid», «Økonomisk selvstendighet» and «Fungerende muntlig norsk» to the refugees' column follows the layout order.",
    source: nibr({ chapter: "8", table: "8.1" }, "3980-4026"),
  },
  {
    id: "norwegian-not-organised",
    message:
      "Table 3.2 marks integrated Norwegian for Skjærbyen, but «Samskap-Kvinner» has no organised Norwegian teaching (Norwegian improves by speaking it in placement) and the men follow ordinary introduction-programme teaching two days a week; Norwegian was not measured at start or end.",
    source: nibr({ chapter: ["3", "8"], table: "3.2" }, "1059-1067, 4241-4244, 4328, 4398-4399"),
  },
  {
    id: "budget-underspend",
    message:
      "The year-1 budget is NOK 1,755,000 and year-1 income NOK 1,645,000 (Table 8.2: 1,200,000 IMDi + 195,000 own financing + 250,000 other); the project was 700,000 under budget in 2019 because only one semester ran.",
    source: nibr({ chapter: "8", table: "8.2" }, "4118-4150"),
  },
];

/**
 * «Skjærbyen»: qualification through collaboration between NAV and two social entrepreneurs
 * (NIBR-rapport 2020:13, chapter 8, thematic area 2), with the goal hierarchy of Table 8.1 and the
 * model of Figure 8.1.
 */
export const nibrSkjaerbyen: TheorySpec = {
  id: "nibr-skjaerbyen",
  title: "Qualification through collaboration with social entrepreneurs",
  lang: "en",
  labels: { nb: "Kvalifisering gjennom samarbeid med sosiale entreprenører" },
  description:
    "NAV and two social entrepreneurs develop work-oriented partial qualifications tied to upper-secondary learning goals: «Samskap-Kvinner» (restaurant and food trades for women far from the labour market) and «Samskap-Menn» (welding for men with craft experience). Learning moves from the classroom to the café and the workshop; participants are documented, certified and placed with employers.",
  programme: "Samskap-Kvinner and Samskap-Menn",
  organisation: "NAV Integration and Qualification, with two social entrepreneurs (no-dividend associations)",
  municipality: "«Skjærbyen» (pseudonym; mid-sized city of about 65,000)",
  status: "initial",
  nodes: [
    {
      id: "problem-documented-competence",
      kind: "problem",
      label:
        "Refugees and immigrants are over-represented among the unemployed because too many have little or no documented competence, lack work experience or locally demanded skills, and cannot gather formal qualifications without documented primary school",
      labels: {
        nb: "Flyktninger og innvandrere er overrepresentert blant arbeidsledige i kommunen fordi: For mange har for lav eller ingen dokumentert kompetanse",
      },
      stakeholder: "NAV project leader and the two social entrepreneurs",
      source: nibr({ chapter: "8" }, "3924-3936"),
    },
    {
      id: "problem-no-nav-offer",
      kind: "problem",
      label: "NAV has no suitable offer for the target group",
      labels: { nb: "NAV har ikke et egnet tilbud til målgruppen" },
      stakeholder: "NAV project leader and the two social entrepreneurs",
      source: nibr({ chapter: "8" }, "3938"),
    },
    {
      id: "problem-classroom",
      kind: "problem",
      label: "The target groups learn little in ordinary classroom teaching",
      labels: { nb: "målgruppene lærer lite ved vanlig klasseromsundervisning" },
      stakeholder: "NAV project leader and the two social entrepreneurs",
      source: nibr({ chapter: "8" }, "3940"),
    },
    {
      id: "problem-participants",
      kind: "problem",
      label:
        "Participants do not get jobs, have little to put on a CV, go through many NAV measures without getting anywhere (the women) and do not learn functional everyday Norwegian in the classroom",
      labels: {
        nb: "Får ikke jobb. Har lite å sette på egen CV som arbeidsgivere etterspør. Går på mange NAV tiltak uten å komme videre (kvinnene)",
      },
      stakeholder: "participants",
      source: nibr({ chapter: "8" }, "3949-3959"),
    },
    {
      id: "context-labour-market",
      kind: "context",
      label:
        "Local labour demand and employer attitudes: unemployment in the city reached 12 % in April 2020",
      labels: {
        nb: "behovet for arbeidskraft lokalt og hvorvidt de lokale arbeidsgiverne er positivt innstilt til å ansette flyktninger",
      },
      description:
        "Employer attitudes are not explicit in the problem understanding but moderate whether participants get a job.",
      source: nibr({ chapter: "8" }, "4683-4685, 4467-4470, 3965-3966"),
    },
    {
      id: "context-education-system",
      kind: "context",
      label:
        "How the education system accommodates adults without approved primary school (prior-learning assessment not yet in place)",
      labels: {
        nb: "hvordan utdanningssystemet legger til rette for fagkvalifisering blant voksne søkere uten godkjent grunnskole",
      },
      source: nibr({ chapter: "8" }, "4685-4693"),
    },
    {
      id: "input-collaboration",
      kind: "input",
      label:
        "NAV–social entrepreneur collaboration with formal agreements: NAV project leader 30 %, NAV adviser 30 %, social entrepreneurs 170 %",
      labels: { nb: "den sentrale intervensjonen er samarbeidet mellom NAV og de to sosiale entreprenørene" },
      source: nibr({ chapter: "8" }, "4668-4672, 4072-4075"),
    },
    {
      id: "activity-recruitment",
      kind: "activity",
      label:
        "Recruitment by NAV: an open call for women (nearly 30 applicants for 10 places) and targeted recruitment of men with craft experience",
      labels: { nb: "Det kom inn nesten 30 søkere til ti plasser" },
      source: nibr({ chapter: "8" }, "4190-4220"),
    },
    {
      id: "activity-vocational-testing",
      kind: "activity",
      label:
        "Craft skills tested hands-on in the workshop, then an expectation-clarification meeting with an interpreter (men)",
      labels: {
        nb: "Dette foregår i verksted, hvor flyktningen bruker verktøy for å vise hva han kan. Dersom det fortsatt er aktuelt å rekruttere flyktningen arrangeres et møte med tolk",
      },
      tags: ["career-guidance"],
      source: nibr({ chapter: "8" }, "4212-4218"),
    },
    {
      id: "activity-women-qualification",
      kind: "activity",
      label:
        "Samskap-Kvinner: VG1 restaurant-and-food competence goals, one day a week of subject and culture training and four days of placement in the café, canteen or catering",
      labels: { nb: "kvinnene har en dag i uka med fag- og kulturopplæring og fire dager på praksisplass" },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "8" }, "4241-4245"),
    },
    {
      id: "activity-men-welding",
      kind: "activity",
      label:
        "Samskap-Menn: welding training two days a week for 12 weeks at an external firm and one day a week in the project workshop, tied to VG3 learning goals",
      labels: {
        nb: "deltakerne to dager i uka i til sammen 12 uker på sveiseopplæring i ekstern bedrift og en dag i uka i prosjektverkstedet",
      },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "8" }, "4319-4325"),
    },
    {
      id: "activity-work-language",
      kind: "activity",
      label: "Norwegian learned by speaking it at the placement and through the trade's technical language",
      labels: {
        nb: "de får forbedret språket gjennom kvalifiseringen fordi de snakker norsk på praksisplassen",
      },
      tags: ["norwegian-training"],
      source: nibr({ chapter: "8" }, "4242-4244, 4324, 4706-4707"),
    },
    {
      id: "activity-certification",
      kind: "activity",
      label:
        "Documentation: course certificates from the social entrepreneurs and a welding test with a DNV examiner; two men also certified for hot work",
      labels: {
        nb: "de sosiale entreprenørene utsteder kursbevis som dokumenterer hva deltakerne har lært. sertifisert gjennom Det Norske Veritas",
      },
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "8" }, "4393-4395"),
    },
    {
      id: "activity-placement-follow-up",
      kind: "activity",
      label:
        "Placement with pre-agreed firms and mentor firms, with follow-up by the social entrepreneur through the probation period",
      labels: { nb: "Deltakerne følges opp av sosial entreprenør" },
      tags: ["supported-employment"],
      source: nibr({ chapter: "8" }, "4274-4276, 4340-4351"),
    },
    {
      id: "activity-digital-teaching",
      kind: "activity",
      label: "From 13 March 2020 teaching and follow-up moved to digital platforms (phone, Messenger, Zoom)",
      labels: { nb: "Undervisningen ble omorganisert og gjennomført via digitale plattformer" },
      tags: ["digital-tools"],
      source: nibr({ chapter: "8" }, "4516-4524"),
    },
    {
      id: "activity-employer-attitudes",
      kind: "activity",
      label: "Work towards attitude change among local employers (the demand side)",
      labels: { nb: "bidra til holdningsendringer blant lokale arbeidsgivere" },
      source: nibr({ chapter: "8" }, "3861-3864"),
    },
    {
      id: "mechanism-prior-competence",
      kind: "mechanism",
      label:
        "Qualification starts from the participant's clarified prior competence, giving mastery and motivation",
      labels: {
        nb: "det er brukt tid på å avklare hva som er deltakernes kompetanse og som dermed blir deres utgangspunkt for kvalifisering",
      },
      source: nibr({ chapter: "8" }, "4700-4703"),
    },
    {
      id: "mechanism-practice-near-learning",
      kind: "mechanism",
      label:
        "Learning coupled with practice in the social arena it belongs to is concrete rather than theoretical and abstract",
      labels: {
        nb: "kvalifiseringen er koplet med praksis og foregår på den sosiale arenaen som læringen er koplet til",
      },
      source: nibr({ chapter: "8" }, "4703-4707"),
    },
    {
      id: "mechanism-motivation-safety",
      kind: "mechanism",
      label:
        "The way partial qualification is done gives a safe learning environment and networks, which strengthen motivation for qualification and paid work",
      labels: { nb: "bidrar til et trygt læringsmiljø, noe som igjen motiverer for læring" },
      source: nibr({ chapter: "8" }, "4674-4681"),
    },
    {
      id: "mechanism-employer-networks",
      kind: "mechanism",
      label:
        "The social entrepreneurs' networks and reputation among local employers lower the threshold to work",
      labels: {
        nb: "De sosiale entreprenørene har godt utviklet nettverk i det lokale arbeidsmarkedet, noe som ser ut til å senke terskelen til overgang til arbeid",
      },
      source: nibr({ chapter: "8" }, "4694-4696"),
    },
    {
      id: "mechanism-documentation-signal",
      kind: "mechanism",
      label: "Documented partial qualification is a strength in meeting working life",
      labels: { nb: "dokumentert delkvalifisering vil være en styrke i møte med arbeidslivet" },
      source: nibr({ chapter: "8" }, "4689-4690"),
    },
    {
      id: "outcome-partial-qualification-models",
      kind: "outcome",
      horizon: "short",
      level: "project",
      label:
        "Models for partial qualification adapted to the target groups' prerequisites and aimed at local labour-market needs",
      labels: {
        nb: "Samarbeid mellom NAV og de to sosiale entreprenørene skal utvikle modeller for delkvalifisering som er tilrettelagt for målgruppenes forutsetninger",
      },
      source: nibr({ chapter: "8", table: "8.1" }, "3984-3991"),
    },
    {
      id: "outcome-documented-competence",
      kind: "outcome",
      horizon: "short",
      level: "project",
      label: "Participants get documented formal competence demanded in the local labour market",
      labels: {
        nb: "Delkvalifisering skal bidra til at målgruppene får dokumentert formell kompetanse som er etterspurt",
      },
      source: nibr({ chapter: "8", table: "8.1" }, "4009-4013"),
    },
    {
      id: "outcome-oral-norwegian",
      kind: "outcome",
      horizon: "short",
      level: "individual",
      label: "Functioning oral Norwegian",
      labels: { nb: "Fungerende muntlig norsk" },
      source: nibr({ chapter: "8", table: "8.1" }, "4026"),
    },
    {
      id: "outcome-job-chances",
      kind: "outcome",
      horizon: "intermediate",
      level: "project",
      label: "Partial qualification combined with language training strengthens the chance of getting a job",
      labels: { nb: "Delkvalifisering kombinert med språkopplæring skal styrke sjansene for å få jobb" },
      source: nibr({ chapter: "8", table: "8.1" }, "4019-4021"),
    },
    {
      id: "outcome-competence-for-jobs",
      kind: "outcome",
      horizon: "intermediate",
      level: "individual",
      label: "Competence that makes it easier to get a job in the local labour market",
      labels: { nb: "Ønsker kompetanse som gjør det lettere å få jobb i det lokale arbeidsmarkedet" },
      source: nibr({ chapter: "8", table: "8.1" }, "3993-3995"),
    },
    {
      id: "outcome-lasting-work",
      kind: "outcome",
      horizon: "long",
      level: "individual",
      label: "Lasting work",
      labels: { nb: "Varig arbeid" },
      source: nibr({ chapter: "8", table: "8.1" }, "4015"),
    },
    {
      id: "outcome-economic-independence",
      kind: "outcome",
      horizon: "long",
      level: "individual",
      label: "Economic independence",
      labels: { nb: "Økonomisk selvstendighet" },
      source: nibr({ chapter: "8", table: "8.1" }, "4023"),
    },
    {
      id: "impact-employer-attitudes",
      kind: "impact",
      level: "society",
      label:
        "Attitude and practice change in local business, so that firms see the value people in the target groups can bring",
      labels: {
        nb: "Holdnings- og praksisendringer i det lokale næringslivet slik at bedriftene blir mer oppmerksomme",
      },
      source: nibr({ chapter: "8", table: "8.1" }, "3999-4005"),
    },
    {
      id: "impact-new-entrances",
      kind: "impact",
      level: "project",
      label: "New entrances to formal competence and trade certificates (the overall goal)",
      labels: { nb: "Nye innganger til formalkompetanse og fagbrev" },
      source: nibr({ chapter: "8" }, "3971-3972"),
    },
  ],
  links: [
    {
      from: "problem-documented-competence",
      to: "activity-women-qualification",
      source: nibr({ chapter: "8" }, "3961-3964"),
    },
    {
      from: "problem-documented-competence",
      to: "activity-men-welding",
      source: nibr({ chapter: "8" }, "3961-3964"),
    },
    { from: "problem-no-nav-offer", to: "activity-recruitment" },
    { from: "problem-classroom", to: "activity-women-qualification" },
    { from: "problem-participants", to: "activity-work-language" },
    {
      from: "input-collaboration",
      to: "activity-recruitment",
      kind: "enables",
      source: nibr({ chapter: "8" }, "4670-4672"),
    },
    {
      from: "input-collaboration",
      to: "activity-women-qualification",
      kind: "enables",
      source: nibr({ chapter: "8" }, "4670-4672"),
    },
    {
      from: "input-collaboration",
      to: "activity-men-welding",
      kind: "enables",
      source: nibr({ chapter: "8" }, "4670-4672"),
    },
    { from: "activity-recruitment", to: "activity-vocational-testing" },
    {
      from: "activity-vocational-testing",
      to: "mechanism-prior-competence",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4700-4703"),
    },
    {
      from: "activity-women-qualification",
      to: "mechanism-practice-near-learning",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4703-4707"),
    },
    {
      from: "activity-men-welding",
      to: "mechanism-practice-near-learning",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4703-4707"),
    },
    {
      from: "activity-women-qualification",
      to: "mechanism-motivation-safety",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4674-4681"),
    },
    { from: "activity-men-welding", to: "activity-certification" },
    { from: "activity-women-qualification", to: "activity-certification" },
    {
      from: "activity-certification",
      to: "mechanism-documentation-signal",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4689-4690"),
    },
    {
      from: "activity-placement-follow-up",
      to: "mechanism-employer-networks",
      kind: "triggers",
      source: nibr({ chapter: "8" }, "4694-4696"),
    },
    {
      from: "activity-digital-teaching",
      to: "outcome-documented-competence",
      kind: "contributes",
      source: nibr({ chapter: "8" }, "4516-4520"),
    },
    {
      from: "activity-work-language",
      to: "outcome-oral-norwegian",
      source: nibr({ chapter: "8" }, "4242-4244"),
    },
    {
      from: "activity-employer-attitudes",
      to: "impact-employer-attitudes",
      source: nibr({ chapter: "8" }, "3861-3864"),
    },
    { from: "mechanism-prior-competence", to: "outcome-documented-competence" },
    {
      from: "mechanism-practice-near-learning",
      to: "outcome-documented-competence",
      source: nibr({ chapter: "8" }, "4703-4707"),
    },
    {
      from: "mechanism-practice-near-learning",
      to: "outcome-oral-norwegian",
      source: nibr({ chapter: "8" }, "4706-4707"),
    },
    {
      from: "mechanism-motivation-safety",
      to: "outcome-documented-competence",
      source: nibr({ chapter: "8" }, "4681-4683"),
    },
    {
      from: "mechanism-documentation-signal",
      to: "outcome-job-chances",
      source: nibr({ chapter: "8" }, "4689-4690"),
    },
    {
      from: "mechanism-employer-networks",
      to: "outcome-lasting-work",
      source: nibr({ chapter: "8" }, "4694-4697"),
    },
    {
      from: "activity-women-qualification",
      to: "outcome-partial-qualification-models",
      source: nibr({ chapter: "8" }, "4389-4391"),
    },
    {
      from: "activity-men-welding",
      to: "outcome-partial-qualification-models",
      source: nibr({ chapter: "8" }, "4389-4391"),
    },
    { from: "outcome-partial-qualification-models", to: "outcome-documented-competence" },
    { from: "outcome-documented-competence", to: "outcome-competence-for-jobs" },
    { from: "outcome-documented-competence", to: "outcome-job-chances" },
    {
      from: "outcome-oral-norwegian",
      to: "outcome-job-chances",
      source: nibr({ chapter: "8", table: "8.1" }, "4019-4021"),
    },
    { from: "outcome-competence-for-jobs", to: "outcome-lasting-work" },
    { from: "outcome-job-chances", to: "outcome-lasting-work", source: nibr({ chapter: "8" }, "4672-4674") },
    {
      from: "outcome-lasting-work",
      to: "outcome-economic-independence",
      source: nibr({ chapter: "8" }, "4672-4674"),
    },
    {
      from: "outcome-documented-competence",
      to: "impact-new-entrances",
      source: nibr({ chapter: "8" }, "3971-3972"),
    },
    {
      from: "context-labour-market",
      to: "outcome-lasting-work",
      kind: "moderates",
      source: nibr({ chapter: "8" }, "4683-4685"),
    },
    {
      from: "context-education-system",
      to: "impact-new-entrances",
      kind: "moderates",
      source: nibr({ chapter: "8" }, "4685-4687"),
    },
  ],
  indicators: [
    {
      id: "indicator-models-developed",
      nodeId: "outcome-partial-qualification-models",
      name: "Partial-qualification courses developed",
      definition:
        "Whether NAV and the social entrepreneurs have developed partial-qualification courses built on local labour-market needs and adapted to participants' prerequisites (reported as achieved).",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Project reports to IMDi",
      source: "project reports",
      provenance: nibr({ chapter: "8" }, "4386-4391"),
    },
    {
      id: "indicator-certificates",
      nodeId: "outcome-documented-competence",
      name: "Participants with course certificates or DNV certification",
      definition:
        "Course certificates issued by the social entrepreneurs; welding certificates from a test with a DNV examiner (three men certified before Christmas 2019; two also for hot work). Prior-learning assessment for the women's VG1 goals is not yet in place.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Course certificates and DNV certificates",
      source: "social entrepreneurs' course certificates; Det Norske Veritas",
      provenance: nibr({ chapter: "8" }, "4332-4335, 4393-4396, 4407-4409"),
    },
    {
      id: "indicator-oral-norwegian",
      nodeId: "outcome-oral-norwegian",
      name: "Self-reported improvement in spoken Norwegian",
      definition:
        "Norwegian is not measured at start or end; participants report speaking and taking part in conversations more easily.",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Participant interviews",
      source: "participant interviews",
      provenance: nibr({ chapter: "8" }, "4398-4402"),
    },
    {
      id: "indicator-ordinary-work",
      nodeId: "outcome-lasting-work",
      name: "Participants in ordinary work after the project",
      definition:
        "Reported in the 2019 final report to IMDi: 6 of the 9 women who started got ordinary work; all 4 men who started got jobs (one in autumn 2019, one permanent full-time in January 2020, two in spring 2020).",
      measure: "proportion",
      numerator: "participants in ordinary work",
      denominator: "participants who started",
      direction: "increase",
      meansOfVerification: "Final report to IMDi",
      source: "project final report to IMDi",
      provenance: nibr({ chapter: "8" }, "4404-4409"),
    },
  ],
  targetGroup: {
    description:
      "Immigrant women seeking work for whom NAV has no suitable offer, and immigrant men with craft experience; both groups with little or no documented schooling.",
    eligibility: [
      "NAV jobseekers, participants in Jobbsjansen or in the introduction programme",
      "Women: motivation and good physical health (the work is physically demanding)",
      "Men: introduction-programme participants with craft experience who could become welders; hands-on workshop test and expectation clarification with an interpreter",
    ],
    recruitment:
      "NAV recruits. The first cohort of women was proposed by advisers from their caseloads; for the second cohort (February/March 2020) an open internal notice was used «to avoid a first screening», giving nearly 30 applicants for 10 places. Applicants not selected are followed up with ordinary NAV offers.",
    size: {
      perCohort: 10,
      period: "autumn 2019",
      note: "9 women (August 2019) and 4 men (September 2019) [derived: 13 in the first cohorts]; then 3 men (January 2020), 3 men for August 2020 and 10 places for women in spring 2020.",
    },
    source: nibr({ chapter: "8" }, "4172-4220"),
  },
  components: [
    {
      id: "component-women",
      label: "Samskap-Kvinner: qualification and placement",
      nodeId: "activity-women-qualification",
      dose: "one day a week of subject and culture training, four days of placement",
      duration: { amount: 6, unit: "months", note: "participants are in the project for up to 6 months" },
      deliveredBy: "social entrepreneur (café, canteen, catering)",
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "8" }, "4241-4245, 4463-4464"),
    },
    {
      id: "component-men",
      label: "Samskap-Menn: welding training",
      nodeId: "activity-men-welding",
      dose: "two days a week at an external welding firm and one day a week in the project workshop; two days a week of ordinary introduction-programme teaching",
      duration: { amount: 12, unit: "weeks", note: "welding training at the external firm" },
      deliveredBy: "social entrepreneur and an external welding firm",
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "8" }, "4319-4328"),
    },
  ],
  assumptions: [
    {
      id: "assumption-documentation",
      text: "Documented partial qualification will be a strength in meeting working life (the project has not weakened this assumption).",
      kind: "theoretical",
      critical: true,
      status: "supported",
      appliesTo: ["mechanism-documentation-signal"],
      source: nibr({ chapter: "8" }, "4689-4690"),
    },
    {
      id: "assumption-collaboration",
      text: "The collaboration works as intended when the partners solve meaningful social problems together, trust each other, have formal agreements and time set aside, clarify goals and are open to change; anchoring in the municipal plan makes it legitimate.",
      kind: "implementation",
      critical: true,
      appliesTo: ["input-collaboration"],
      source: nibr({ chapter: "8" }, "4709-4719"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "The social entrepreneurs' networks and good reputation among local employers.",
      scope: "internal",
      source: nibr({ chapter: "8" }, "4362-4363, 4694-4696"),
    },
    {
      kind: "barrier",
      text: "Up to six months in the project is relatively short for partial qualification, better Norwegian and lasting attachment; those not in work afterwards may need social assistance.",
      scope: "internal",
      source: nibr({ chapter: "8" }, "4463-4467"),
    },
    {
      kind: "barrier",
      text: "COVID-19 raised unemployment in the city to 12 %; nearly 18 % of 18-24-year-olds in the county were unemployed at the end of April 2020.",
      scope: "external",
      nodeIds: ["outcome-lasting-work"],
      source: nibr({ chapter: "8" }, "4467-4470"),
    },
    {
      kind: "barrier",
      text: "Prior-learning assessment for adults without approved primary school is not yet in place in the education system.",
      scope: "external",
      nodeIds: ["impact-new-entrances"],
      source: nibr({ chapter: "8" }, "4395-4396, 4690-4693"),
    },
  ],
  implementation: {
    notes: [
      "Practical parts stopped on 13 March 2020; teaching moved to digital platforms; the welding placement was to restart on 27 April.",
    ],
    source: nibr({ chapter: "8" }, "4514-4524"),
  },
  transfer: {
    preconditions: [
      "Local social entrepreneurs must exist; municipalities can only facilitate them (plans, grants, no-dividend conditions)",
    ],
    notes: [
      "Indications that collaboration with social entrepreneurs solves local qualification problems better than NAV alone, especially for immigrant women far from the labour market.",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "8" },
    "3848-4807",
    "Chapter author: Susanne Søholt. The project's row in Tabell 3.2 is «Skjærbyen».",
  ),
  extensions: { dataQualityFlags: flags, area: 2, chapter: 8 },
};
