import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, groruddalen } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "target-pool-figures",
    message:
      "Two close but different target-pool figures: 2,110 immigrant-background persons in measures and relevant for the programme (February 2014, chapter 4) and 2,200 within the three functional levels (January 2014, chapter 7). targetGroup.size uses the chapter-7 figure that belongs to the tiers.",
    source: groruddalen({ section: ["4.1", "7.1"] }, "787-812, 1859-1867"),
  },
  {
    id: "phase-overlap",
    message:
      "Phase 2 (forprosjekt) runs to the second half of 2015 while phase 3 (hovedprosjekt) starts in 2015: the phases overlap as written.",
    source: groruddalen({ section: "1.2" }, "45-51"),
  },
  {
    id: "typo-spisskompetanse",
    message:
      "«pisskompetanse» in the list of candidate measures is almost certainly a typo for «spisskompetanse» (specialist expertise).",
    source: groruddalen({ section: "7.2" }, "1958"),
  },
  {
    id: "classification-uncertain",
    message:
      "The tiers rest on NAV's follow-up model, and NAV says too many jobseekers are probably registered with standard or situational follow-up and too few with specially adapted follow-up, so the size of the target pool is itself uncertain.",
    source: groruddalen({ section: "7.1" }, "1871-1877"),
  },
];

/**
 * The goal hierarchy of the Groruddalen programme for more employment, qualification and better
 * living conditions, from the final report of its pre-study («Sluttrapport fra forstudie», 2014): the programme purpose
 * in the letter of intent, the impact goal (effektmål), the result goals (resultatmål), the ambition
 * with its candidate indicators, the strategies, and the target tiers. Quantitative goals were
 * explicitly deferred to the next phase, so no indicator has a target.
 */
export const groruddalenTheory: TheorySpec = {
  id: "groruddalen",
  title: "Programme for more employment, qualification and better living conditions in Groruddalen",
  lang: "en",
  labels: { nb: "Program for økt sysselsetting, kvalifisering og bedrede levekår i Groruddalen" },
  description:
    "A planned long-term development programme of the districts Alna, Bjerke, Grorud and Stovner, NAV Oslo and IMDi Øst (letter of intent, 20 September 2013). The pre-study describes the situation, sets the goal hierarchy and chooses two strategic areas: collaboration on service development, and learning and competence development.",
  programme: "Utviklingsprogram for Groruddalen (forstudie 2013-2014)",
  organisation: "Bydelene Alna, Bjerke, Grorud og Stovner; NAV Oslo; IMDi Øst",
  municipality: "Oslo (Groruddalen: Alna, Bjerke, Grorud, Stovner)",
  nodes: [
    {
      id: "problem-low-employment",
      kind: "problem",
      label:
        "The population of Groruddalen is far less economically active than the Oslo average, and unemployment is higher",
      labels: {
        nb: "Befolkning i Groruddalen er langt mindre yrkesaktive enn gjennomsnittet i Oslo. Arbeidsledigheten er større enn i Oslo for øvrig",
      },
      stakeholder: "the partners",
      source: groruddalen({ section: "2" }, "150-152"),
    },
    {
      id: "problem-outside-work",
      kind: "problem",
      label:
        "Part of the immigrant-background population has long been without attachment to working life, neither jobseekers nor in education; education is low and many families have low income",
      labels: {
        nb: "deler av befolkningen med innvandrerbakgrunn over lengre tid uten tilknytning til arbeidslivet, ikke arbeidssøkere og heller ikke i utdanning",
      },
      stakeholder: "the partners",
      source: groruddalen({ section: "2" }, "158-162"),
    },
    {
      id: "problem-service-practice",
      kind: "problem",
      label:
        "Today's practice starts from the participant's source of income rather than labour-market needs and the participant's competence; the range of measures is hard to overview and NAV advisers lack capacity for follow-up",
      labels: {
        nb: "dagens praksis tar mer utgangspunkt i deltakernes kilde til livsopphold enn i arbeidsmarkedets behov og deltakernes kompetanse",
      },
      stakeholder: "the partners (service system)",
      source: groruddalen({ section: "2" }, "166-172"),
    },
    {
      id: "problem-institutional",
      kind: "problem",
      label:
        "Different organisational cultures rooted in different laws and in what each partner is measured on, unused room for manoeuvre, and duplicated work within and between partners",
      labels: {
        nb: "forskjeller mellom organisasjonskulturer som til dels er bunnet i ulikhet mellom lover og regler og hva de respektive partene måles på",
      },
      stakeholder: "the partners (institutions)",
      source: groruddalen({ section: "2" }, "248-256"),
    },
    {
      id: "context-employment-gap",
      kind: "context",
      label:
        "Employment in Groruddalen is 6 percentage points below Oslo (Q4 2012); 6,701 more people must get work to reach the Oslo average",
      labels: { nb: "må 6 701 flere personer i Groruddalen komme ut i arbeid" },
      source: groruddalen({ section: "3.4" }, "545-547, 557-561"),
    },
    {
      id: "input-partnership",
      kind: "input",
      label:
        "The partnership of the four districts, NAV Oslo and IMDi Øst under the letter of intent; phases: pre-study 2013-2014, preliminary project 2014-2015, main project 2015-2022",
      labels: { nb: "Fase 1: Forstudie, høst 2013 - 1.halvår 2014. Fase 3: Hovedprosjekt, 2015-2022" },
      source: groruddalen({ section: ["1.1", "1.2"] }, "19-25, 45-51"),
    },
    {
      id: "activity-service-development",
      kind: "activity",
      label:
        "Collaboration on service development: new or better services, new methods, new user groups, new organisation of service production",
      labels: { nb: "samarbeid om tjenesteutvikling" },
      source: groruddalen({ section: "7.2" }, "1907-1929"),
    },
    {
      id: "activity-mapping",
      kind: "activity",
      label: "Mapping of job candidates, with attention to their life and family situation",
      labels: {
        nb: "kartleggingen av jobbkandidatene. hensyn til jobbkandidatens livs- og familiesituasjon",
      },
      source: groruddalen({ section: "7.2" }, "1941-1948"),
    },
    {
      id: "activity-pathways",
      kind: "activity",
      label:
        "Stitching together qualification pathways with language skills at the centre; Norwegian integrated in ordinary qualification where needed",
      labels: { nb: "sammensying av kvalifiseringsløp hvor språkferdigheter står sentralt" },
      tags: ["norwegian-training"],
      source: groruddalen({ section: ["2", "7.2"] }, "182-186, 1944"),
    },
    {
      id: "activity-follow-up",
      kind: "activity",
      label: "More systematic follow-up; candidates motivated and helped to set concrete goals",
      labels: {
        nb: "mer systematisk oppfølging. jobbkandidaten motiveres og hjelpes med å sette seg konkrete mål",
      },
      source: groruddalen({ section: "7.2" }, "1946-1950"),
    },
    {
      id: "activity-employer-communication",
      kind: "activity",
      label: "Better communication with employers, including a joint employer pool",
      labels: { nb: "bedre kommunikasjon med arbeidsgivere. utvikling av felles arbeidsgiver-pool" },
      source: groruddalen({ section: ["2", "7.2"] }, "230-234, 1968"),
    },
    {
      id: "activity-shared-systems",
      kind: "activity",
      label:
        "Uniform use of a shared registration and analysis system (ARENA) and a joint system for assessment",
      labels: { nb: "enhetlig bruk av felles registrerings- og analysesystem (ARENA)" },
      source: groruddalen({ section: "7.2" }, "1954-1960"),
    },
    {
      id: "activity-learning-arena",
      kind: "activity",
      label:
        "Learning and competence development: knowledge of each other's frameworks and services, visible good examples (experience- and research-based), learning tied to practical tasks with room to fail",
      labels: {
        nb: "bedre kjennskap til hverandres rammebetingelser, tjenester og tilbud. synliggjøring av gode eksempler",
      },
      source: groruddalen({ section: ["2", "7.2"] }, "238-242, 1971-1989"),
    },
    {
      id: "outcome-effective-services",
      kind: "outcome",
      horizon: "intermediate",
      level: "project",
      label:
        "Better and more effective services for qualifying immigrants for the labour market (result goal)",
      labels: { nb: "bedre og mer effektive tjenester for kvalifisering av innvandrere for arbeidsmarkedet" },
      source: groruddalen({ section: "2" }, "197-199"),
    },
    {
      id: "outcome-cross-sector",
      kind: "outcome",
      horizon: "intermediate",
      level: "project",
      label: "Effective use of instruments across the sectors (result goal)",
      labels: { nb: "effektiv utnyttelse av virkemidlene på tvers av sektorene" },
      source: groruddalen({ section: "2" }, "201"),
    },
    {
      id: "outcome-partnership",
      kind: "outcome",
      horizon: "intermediate",
      level: "project",
      label:
        "A professional partnership with the right competence and systematic collaboration on learning and development (result goal)",
      labels: {
        nb: "profesjonelt partnerskap med riktig kompetanse, hvor det skjer systematisk samarbeid om læring og utvikling",
      },
      source: groruddalen({ section: "2" }, "203-205"),
    },
    {
      id: "outcome-seamless-pathways",
      kind: "outcome",
      horizon: "long",
      level: "project",
      label:
        "More effective measure chains with a good overview and seamless pathways where vocational qualification and Norwegian training meet labour-market needs (ambition)",
      labels: {
        nb: "mer effektive tiltakskjeder med god oversiktlighet og sømløse løp hvor yrkeskvalifisering og norskopplæring møter behovet i arbeidsmarkedet",
      },
      source: groruddalen({ section: "7.1" }, "1807-1809"),
    },
    {
      id: "outcome-employer-contact",
      kind: "outcome",
      horizon: "long",
      level: "project",
      label: "Very good contact with employers and a good reputation among users (ambition)",
      labels: { nb: "en meget god kontakt med arbeidsgivere. et godt omdømme hos brukerne" },
      source: groruddalen({ section: "7.1" }, "1811-1813"),
    },
    {
      id: "outcome-shared-indicators",
      kind: "outcome",
      horizon: "long",
      level: "society",
      label:
        "Shared goals and indicators, which may be a higher employment rate, lower unemployment and more people passing tests (ambition)",
      labels: {
        nb: "etablert felles mål og måleindikatorer, som kan være: økt sysselsettingsgraden, redusert ledighet, flere består tester",
      },
      source: groruddalen({ section: "7.1" }, "1799-1805"),
    },
    {
      id: "impact-purpose",
      kind: "impact",
      level: "society",
      label:
        "Greater effect of measures for better integration and labour-force participation of the immigrant-background population in Groruddalen (programme purpose)",
      labels: {
        nb: "økt effekt av tiltak for bedre integrering og yrkesdeltakelse av befolkningen med innvandrerbakgrunn i Groruddalen",
      },
      source: groruddalen({ section: "1.1" }, "21-25"),
    },
    {
      id: "impact-living-conditions",
      kind: "impact",
      level: "society",
      label:
        "Better living conditions for immigrants in the Groruddalen districts through more participation in working life (impact goal)",
      labels: {
        nb: "Effektmålet for et fremtidig utviklingsprogram skal være bedre levekår for innvandrere bosatt i Groruddalsbydelene, gjennom økt deltakelse i arbeidslivet",
      },
      source: groruddalen({ section: "2" }, "193-195"),
    },
  ],
  links: [
    {
      from: "problem-service-practice",
      to: "activity-service-development",
      source: groruddalen({ section: "2" }, "166-178"),
    },
    {
      from: "problem-institutional",
      to: "activity-learning-arena",
      source: groruddalen({ section: "2" }, "248-256"),
    },
    { from: "problem-low-employment", to: "activity-pathways" },
    { from: "problem-outside-work", to: "activity-mapping" },
    { from: "input-partnership", to: "activity-service-development", kind: "enables" },
    { from: "input-partnership", to: "activity-learning-arena", kind: "enables" },
    {
      from: "activity-service-development",
      to: "activity-mapping",
      source: groruddalen({ section: "7.2" }, "1941-1942"),
    },
    {
      from: "activity-service-development",
      to: "activity-pathways",
      source: groruddalen({ section: "7.2" }, "1941-1944"),
    },
    {
      from: "activity-service-development",
      to: "activity-follow-up",
      source: groruddalen({ section: "7.2" }, "1941-1946"),
    },
    {
      from: "activity-service-development",
      to: "activity-employer-communication",
      source: groruddalen({ section: "2" }, "230-234"),
    },
    {
      from: "activity-service-development",
      to: "activity-shared-systems",
      source: groruddalen({ section: "7.2" }, "1954-1956"),
    },
    { from: "activity-mapping", to: "outcome-effective-services" },
    { from: "activity-follow-up", to: "outcome-effective-services" },
    {
      from: "activity-pathways",
      to: "outcome-seamless-pathways",
      source: groruddalen({ section: "7.1" }, "1807-1809"),
    },
    {
      from: "activity-employer-communication",
      to: "outcome-employer-contact",
      source: groruddalen({ section: ["2", "7.1"] }, "174-178, 1813"),
    },
    { from: "activity-shared-systems", to: "outcome-cross-sector" },
    {
      from: "activity-learning-arena",
      to: "outcome-partnership",
      source: groruddalen({ section: "7.2" }, "1973-1975"),
    },
    { from: "outcome-effective-services", to: "outcome-seamless-pathways" },
    { from: "outcome-cross-sector", to: "outcome-seamless-pathways" },
    {
      from: "outcome-partnership",
      to: "outcome-shared-indicators",
      source: groruddalen({ section: "7.1" }, "1815-1817"),
    },
    { from: "outcome-seamless-pathways", to: "impact-purpose" },
    { from: "outcome-employer-contact", to: "impact-purpose" },
    { from: "outcome-shared-indicators", to: "impact-purpose" },
    {
      from: "impact-purpose",
      to: "impact-living-conditions",
      source: groruddalen({ section: "2" }, "193-195"),
    },
    { from: "context-employment-gap", to: "impact-living-conditions", kind: "moderates" },
  ],
  indicators: [
    {
      id: "indicator-employment-rate",
      nodeId: "outcome-shared-indicators",
      name: "Employment rate (sysselsettingsgrad)",
      definition:
        "A possible shared indicator. In Q4 2012 employment in Groruddalen was 6 percentage points below Oslo (Stovner -9, Bjerke -3); the figure with the rates themselves is not in the text. Quantitative goals are deferred to the preliminary project.",
      measure: "proportion",
      numerator: "employed residents",
      denominator: "residents",
      direction: "increase",
      meansOfVerification: "Oslostatistikken / SSB employment statistics",
      source: "Oslostatistikken (SSB register-based employment statistics)",
      disaggregations: ["district", "gender", "country background"],
      provenance: groruddalen({ section: ["2", "3.4", "7.1"], figure: "4" }, "217-219, 551-561, 1799-1801"),
    },
    {
      id: "indicator-employment-gap",
      nodeId: "outcome-shared-indicators",
      name: "Additional people in work needed to reach the Oslo-average employment rate",
      definition:
        "The employment gap as a number of people: 6,701 more people in Groruddalen must get work for the district to reach the Oslo-average employment rate.",
      measure: "count",
      unit: "persons",
      direction: "decrease",
      baseline: { value: 6701, date: "2012", note: "section 3.4, with employment figures for Q4 2012" },
      meansOfVerification: "Oslostatistikken / SSB employment statistics",
      source: "Oslostatistikken (SSB register-based employment statistics)",
      provenance: groruddalen({ section: "3.4" }, "543-551"),
    },
    {
      id: "indicator-unemployment",
      nodeId: "outcome-shared-indicators",
      name: "Unemployment (ledighet)",
      definition:
        "A possible shared indicator; 61 % of the unemployed in Groruddalen have an immigrant background (2012).",
      measure: "rate",
      unit: "percent",
      direction: "decrease",
      meansOfVerification: "NAV Oslo statistics on fully unemployed (helt ledige)",
      source: "NAV Oslo",
      disaggregations: ["district", "country background"],
      provenance: groruddalen({ section: ["3.5", "7.1"] }, "587-595, 1803"),
    },
    {
      id: "indicator-tests-passed",
      nodeId: "outcome-shared-indicators",
      name: "More people passing (Norwegian) tests",
      definition:
        "A possible shared indicator («flere består tester»); test statistics cover only those who register for the test.",
      measure: "count",
      unit: "persons",
      direction: "increase",
      meansOfVerification: "VOX Norwegian-test statistics",
      source: "Norskprøve (VOX)",
      provenance: groruddalen({ section: ["5.1", "7.1"] }, "1357-1361, 1805"),
    },
  ],
  targetGroup: {
    description:
      "Immigrants in the Groruddalen districts; in an early phase, groups where the probability of learning through positive results is high, later those who meet greater challenges in getting work.",
    eligibility: [
      "Tier A: immigrants with moderate challenges in getting work; good ability and will to work",
      "Tier B: immigrants with clear but manageable challenges in getting work; good ability but shifting will to work",
      "Tier C (possibly): some with large challenges in getting work who have the will and ability to work",
      "Later phases: people needing specially adapted follow-up and people not registered as jobseekers (the labour reserve)",
    ],
    recruitment:
      "Categorisation by need for assistance (bistandsbehov) in NAV's follow-up model; the partners circled the groups in a target-group model (Fig. 11, not in the text).",
    size: {
      eligible: 2200,
      period: "January 2014",
      note: "8,600 persons in situational or specially adapted follow-up at the four NAV offices; 2,200 of them with immigrant background fall under the three functional levels. Many have little schooling; the majority are women.",
    },
    source: groruddalen({ section: ["2", "7.1"], figure: "11" }, "209-217, 1823-1867, 1881-1895"),
  },
  assumptions: [
    {
      id: "assumption-critical-factors",
      text: "The programme needs strong leadership anchoring, shared goals and sufficient resources, and must focus on areas where the partners benefit from finding solutions together.",
      kind: "implementation",
      critical: true,
      appliesTo: ["input-partnership"],
      source: groruddalen({ section: "2" }, "262-268"),
    },
    {
      id: "assumption-start-with-likely-successes",
      text: "Starting with groups where the probability of learning through positive results is high lets the programme learn before it turns to harder groups.",
      kind: "implementation",
      appliesTo: ["activity-mapping"],
      source: groruddalen({ section: ["2", "7.1"] }, "209-211, 1883-1887"),
    },
  ],
  factors: [
    {
      kind: "barrier",
      text: "Different organisational cultures, partly rooted in different laws and rules and in what each partner is measured on; unused room for manoeuvre; duplicated work.",
      scope: "internal",
      source: groruddalen({ section: "2" }, "248-256"),
    },
  ],
  uncertainties: [
    {
      id: "uncertainty-quantitative-goals",
      question: "What are the quantitative goals? They must be defined in the preliminary-project phase.",
      priority: "high",
      phase: "development",
      about: ["outcome-shared-indicators"],
    },
  ],
  source: citeRecord(
    "groruddalen",
    { section: ["1", "2", "3", "4", "5", "6", "7"] },
    "1-2104",
    "Chapters 1–7; the endnotes are not used.",
  ),
  extensions: { dataQualityFlags: flags },
};
