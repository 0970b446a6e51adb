import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "table-3.2-digital",
    message:
      "Table 3.2 marks digital tools for Mellombyen; the chapter's only mention is that the teacher may look up information online and show YouTube clips during the vocational trial. The record tags that activity.",
    source: nibr({ chapter: ["3", "12"], table: "3.2" }, "1100-1105, 7196-7198"),
  },
  {
    id: "truncated-chapter",
    message:
      "The text file ends partway through this chapter's concluding paragraph; the chapter summary is missing.",
    source: nibr({ chapter: "12" }, "7552-7559"),
  },
];

/**
 * «Mellombyen»: partial competence in vocational trades (delkompetanse yrkesfag) for
 * introduction-programme participants without a right to upper-secondary education
 * (NIBR-rapport 2020:13, chapter 12, thematic area 4). Programme theory of Figure 12.1.
 */
export const nibrMellombyen: TheorySpec = {
  id: "nibr-mellombyen",
  title: "Partial competence in vocational trades",
  lang: "en",
  labels: { nb: "Delkompetanse yrkesfag" },
  description:
    "Trade training for partial competence at an upper-secondary school's workshop (building and construction; restaurant and food), with subject-specific Norwegian and company training, for participants with little or no schooling who have no right to upper-secondary education. Aims at a model that can become a standardised element of the introduction programme.",
  programme: "Delkompetanse yrkesfag",
  organisation:
    "NAV at county level (responsible), the county's education department and career centre, the refugee service and an upper-secondary school",
  municipality: "«Mellombyen» (pseudonym; about 100,000 inhabitants)",
  status: "initial",
  nodes: [
    {
      id: "problem-no-qualifications",
      kind: "problem",
      label:
        "Participants without formal qualifications, with weak progression in Norwegian and little benefit from traditional teaching",
      labels: {
        nb: "som ikke har formelle utdanningskvalifikasjoner og som har svak progresjon i norskundervisningen og lite læringsutbytte av tradisjonell undervisning",
      },
      stakeholder: "all actors in the project",
      source: nibr({ chapter: "12" }, "7046-7048"),
    },
    {
      id: "problem-barred-from-vgs",
      kind: "problem",
      label:
        "Many have not completed primary school or lack documentation of it, which bars them from upper-secondary education",
      labels: { nb: "Mange av dem har ikke fullført grunnskole eller mangler dokumentasjon på skolegangen" },
      stakeholder: "all actors in the project",
      source: nibr({ chapter: "12" }, "7048-7050"),
    },
    {
      id: "problem-undocumented-experience",
      kind: "problem",
      label:
        "Some have craft experience but cannot turn it into work because they lack documentation; placements seldom give documentation, so they seldom lead to (permanent) work",
      labels: {
        nb: "de får ikke omsatt denne kompetansen i arbeid, fordi de mangler dokumentasjon på hva de kan",
      },
      stakeholder: "all actors in the project",
      source: nibr({ chapter: "12" }, "7050-7056"),
    },
    {
      id: "context-labour-market",
      kind: "context",
      label:
        "Trades chosen from local and regional labour-market needs; unemployment 3 % overall and 6.3 % among immigrants (Q1 2020)",
      labels: {
        nb: "arbeidsledigheten i byen på 3 prosent; andelen blant innvandrere (etterkommere ikke inkludert), lå på 6,3 prosent",
      },
      source: nibr({ chapter: "12" }, "7030-7033, 7039-7042"),
    },
    {
      id: "context-county-mandate",
      kind: "context",
      label:
        "The county has no duty under the Education Act to serve adults without a right to upper-secondary education; the project extends its mandate",
      labels: { nb: "Gjennom prosjektet utvides mandatet til fylkeskommunen" },
      source: nibr({ chapter: "12" }, "7063-7067"),
    },
    {
      id: "input-organisation",
      kind: "input",
      label:
        "NAV at county level responsible; a steering group of leaders, a working group of about 12, vocational teachers, a bransjenorsk teacher and the county career centre",
      labels: { nb: "Det er NAV (fylkeskommunalt) som står som ansvarlig for prosjektet" },
      source: nibr({ chapter: "12" }, "7092-7103"),
    },
    {
      id: "activity-recruitment",
      kind: "activity",
      label:
        "Recruitment: information meeting for programme advisers, then an information and recruitment meeting, group guidance and individual interviews on motivation and suitability",
      labels: {
        nb: "gir potensielle deltakere gruppeveiledning, og foretar individuelle intervjuer med dem for å avklare motivasjon og egnethet",
      },
      tags: ["career-guidance"],
      source: nibr({ chapter: "12" }, "7160-7166"),
    },
    {
      id: "activity-vocational-trial",
      kind: "activity",
      label:
        "Vocational trial (yrkesutprøving) in the school workshop: theoretical and practical, assessing level and fit; the teacher shows online information and YouTube clips about the work",
      labels: {
        nb: "Yrkesutprøvinga er viktig for å kartlegge nivå. læreren finne frem informasjon på nett, vise Youtube-klipp",
      },
      tags: ["digital-tools"],
      source: nibr({ chapter: "12" }, "7191-7199"),
    },
    {
      id: "activity-guidance-talk",
      kind: "activity",
      label:
        "Guidance talk after the trial (programme adviser, adult-education adviser, subject teacher), leading to an individual training plan",
      labels: {
        nb: "tar programrådgiver, veileder fra voksenopplæringsavdelingen ved den videregående skolen og faglærer en veiledningssamtale med deltakere",
      },
      tags: ["career-guidance"],
      source: nibr({ chapter: "12" }, "7201-7208"),
    },
    {
      id: "activity-workshop-training",
      kind: "activity",
      label:
        "Trade training in the upper-secondary workshop, two teachers for five participants, with practical and theoretical tasks, for three to four months",
      labels: {
        nb: "Det er to faglærere på gruppa med fem deltakere. Fagopplæringen varer i tre til fire måneder",
      },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "12" }, "7212-7219"),
    },
    {
      id: "activity-fagnorsk",
      kind: "activity",
      label: "Subject-specific Norwegian (fagnorsk) three hours a week, linked to the trade",
      labels: { nb: "Deltakere har undervisning i fagnorsk tre timer i uka" },
      tags: ["norwegian-training"],
      source: nibr({ chapter: "12" }, "7226-7234"),
    },
    {
      id: "activity-company-training",
      kind: "activity",
      label:
        "Company training from one week to two months, found and followed up by the subject teachers; an unpaid trial, then an agreement using wage subsidy, mentor grant or AMO courses",
      labels: { nb: "Det er faglærerne som har funnet bedriftene og fulgt opp deltakerne på arbeidsplassen" },
      tags: ["supported-employment"],
      source: nibr({ chapter: "12" }, "7236-7257"),
    },
    {
      id: "activity-certification",
      kind: "activity",
      label:
        "Documentation of areas trained and tested, and a «self-produced» end document on the participant's competence, hoped to gain official status",
      labels: {
        nb: "deltakerne et bevis på hvilke områder de har fått opplæring og har blitt testet i. «egenprodusert» sertifisering",
      },
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "12" }, "7222-7224, 7267-7274"),
    },
    {
      id: "activity-return-loop",
      kind: "activity",
      label:
        "Return to the school workshop for more competence after a period at work (planned, not yet tested)",
      labels: {
        nb: "deltakere kan komme tilbake til den videregående skolen dersom de trenger mer påfyll og kompetanse",
      },
      source: nibr({ chapter: "12" }, "7259-7265"),
    },
    {
      id: "mechanism-entry-ticket",
      kind: "mechanism",
      label:
        "A partial-competence certificate works as an entry ticket to working life, documenting sought-after qualifications to employers",
      labels: { nb: "et slik delkompetansebevis vil fungere som en inngangsport til arbeidslivet" },
      source: nibr({ chapter: "12" }, "7493-7495"),
    },
    {
      id: "mechanism-language-enables",
      kind: "mechanism",
      label:
        "Subject-specific language training makes the training possible, and sufficient language is decisive for functioning at a workplace",
      labels: { nb: "Denne språkopplæringen er viktig fordi den muliggjør opplæringen" },
      source: nibr({ chapter: "12" }, "7495-7499"),
    },
    {
      id: "mechanism-documented-experience",
      kind: "mechanism",
      label:
        "Company training gives documented work experience from a relevant workplace and knowledge of working-life norms",
      labels: {
        nb: "praksiselementet i opplæringen innebærer at deltakere får dokumentert arbeidslivserfaring fra en relevant arbeidsplass",
      },
      source: nibr({ chapter: "12" }, "7499-7501"),
    },
    {
      id: "mechanism-selected",
      kind: "mechanism",
      label:
        "Motivation rose when participants understood they had been selected and that the training raises the chance of a permanent job",
      labels: {
        nb: "motivasjonen også økt når deltakerne har forstått at de er utvalgte til dette programmet",
      },
      source: nibr({ chapter: "12" }, "7326-7329"),
    },
    {
      id: "mechanism-security",
      kind: "mechanism",
      label: "The option to return for more competence gives security to participant and employer",
      labels: { nb: "vil være en trygghet både for deltakeren og arbeidsgiver" },
      source: nibr({ chapter: "12" }, "7511-7514"),
    },
    {
      id: "outcome-complete-training",
      kind: "outcome",
      horizon: "short",
      label: "Completes workshop training and company training",
      labels: { nb: "fullføre fagopplæringen og opplæring i bedrift" },
      source: nibr({ chapter: "12" }, "7284-7285"),
    },
    {
      id: "outcome-norwegian",
      kind: "outcome",
      horizon: "short",
      label: "Development of Norwegian skills",
      labels: { nb: "utvikling av norskferdigheter" },
      source: nibr({ chapter: "12" }, "7285"),
    },
    {
      id: "outcome-employment",
      kind: "outcome",
      horizon: "long",
      label: "Employment, and the kind of attachment: permanent, part-time, wage",
      labels: { nb: "om de får arbeid, og hva slags arbeidstilknytning de får – fast, deltid, lønn" },
      source: nibr({ chapter: "12" }, "7285-7286"),
    },
    {
      id: "outcome-stable-attachment",
      kind: "outcome",
      horizon: "long",
      label: "A good and stable attachment to working life",
      labels: { nb: "en god og stabil tilknytning til arbeidslivet" },
      source: nibr({ chapter: "12" }, "7283-7284"),
    },
    {
      id: "outcome-trade-certificate",
      kind: "outcome",
      horizon: "long",
      label:
        "For some, a full trade certificate through the practice-candidate scheme (five years of relevant work experience)",
      labels: { nb: "hvorvidt noen av dem oppnår fullt fagbrev" },
      source: nibr({ chapter: "12" }, "7287-7289"),
    },
  ],
  links: [
    {
      from: "problem-no-qualifications",
      to: "activity-workshop-training",
      source: nibr({ chapter: "12" }, "7060-7063"),
    },
    {
      from: "problem-barred-from-vgs",
      to: "activity-workshop-training",
      source: nibr({ chapter: "12" }, "7062-7065"),
    },
    {
      from: "problem-undocumented-experience",
      to: "activity-certification",
      source: nibr({ chapter: "12" }, "7067-7068"),
    },
    { from: "input-organisation", to: "activity-recruitment", kind: "enables" },
    { from: "input-organisation", to: "activity-workshop-training", kind: "enables" },
    {
      from: "context-county-mandate",
      to: "activity-workshop-training",
      kind: "enables",
      source: nibr({ chapter: "12" }, "7063-7067"),
    },
    {
      from: "activity-recruitment",
      to: "activity-vocational-trial",
      source: nibr({ chapter: "12" }, "7175-7177"),
    },
    {
      from: "activity-vocational-trial",
      to: "activity-guidance-talk",
      source: nibr({ chapter: "12" }, "7203-7208"),
    },
    {
      from: "activity-guidance-talk",
      to: "activity-workshop-training",
      source: nibr({ chapter: "12" }, "7206-7208"),
    },
    {
      from: "activity-workshop-training",
      to: "activity-company-training",
      source: nibr({ chapter: "12" }, "7217-7219"),
    },
    {
      from: "activity-workshop-training",
      to: "activity-certification",
      source: nibr({ chapter: "12" }, "7222-7224"),
    },
    {
      from: "activity-recruitment",
      to: "mechanism-selected",
      kind: "triggers",
      source: nibr({ chapter: "12" }, "7326-7329"),
    },
    {
      from: "activity-certification",
      to: "mechanism-entry-ticket",
      kind: "triggers",
      source: nibr({ chapter: "12" }, "7493-7495"),
    },
    {
      from: "activity-fagnorsk",
      to: "mechanism-language-enables",
      kind: "triggers",
      source: nibr({ chapter: "12" }, "7495-7499"),
    },
    {
      from: "activity-company-training",
      to: "mechanism-documented-experience",
      kind: "triggers",
      source: nibr({ chapter: "12" }, "7499-7501"),
    },
    {
      from: "activity-return-loop",
      to: "mechanism-security",
      kind: "triggers",
      source: nibr({ chapter: "12" }, "7506-7514"),
    },
    {
      from: "activity-workshop-training",
      to: "outcome-complete-training",
      source: nibr({ chapter: "12" }, "7284-7285"),
    },
    {
      from: "activity-company-training",
      to: "outcome-complete-training",
      source: nibr({ chapter: "12" }, "7284-7285"),
    },
    { from: "activity-fagnorsk", to: "outcome-norwegian", source: nibr({ chapter: "12" }, "7228-7229") },
    {
      from: "mechanism-selected",
      to: "outcome-complete-training",
      kind: "contributes",
      source: nibr({ chapter: "12" }, "7326-7329"),
    },
    {
      from: "mechanism-language-enables",
      to: "outcome-complete-training",
      source: nibr({ chapter: "12" }, "7497"),
    },
    {
      from: "mechanism-language-enables",
      to: "outcome-employment",
      kind: "contributes",
      source: nibr({ chapter: "12" }, "7497-7499"),
    },
    {
      from: "mechanism-entry-ticket",
      to: "outcome-employment",
      source: nibr({ chapter: "12" }, "7068, 7493-7495"),
    },
    {
      from: "mechanism-documented-experience",
      to: "outcome-employment",
      source: nibr({ chapter: "12" }, "7499-7504"),
    },
    {
      from: "mechanism-security",
      to: "outcome-stable-attachment",
      source: nibr({ chapter: "12" }, "7511-7514"),
    },
    {
      from: "outcome-complete-training",
      to: "outcome-employment",
      source: nibr({ chapter: "12" }, "7283-7286"),
    },
    {
      from: "outcome-employment",
      to: "outcome-stable-attachment",
      source: nibr({ chapter: "12" }, "7502-7504"),
    },
    {
      from: "outcome-employment",
      to: "outcome-trade-certificate",
      source: nibr({ chapter: "12" }, "7287-7289, 7503-7504"),
    },
    {
      from: "context-labour-market",
      to: "outcome-employment",
      kind: "moderates",
      source: nibr({ chapter: "12" }, "7068-7069"),
    },
  ],
  indicators: [
    {
      id: "indicator-completed-training",
      nodeId: "outcome-complete-training",
      name: "Participants who complete workshop and company training",
      definition:
        "First goal: complete the trade training and company training. Building and construction group 1: 5 participants, 4 of them placed with employers; group 2: originally 4, one out for a period with health problems.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Teacher documentation of what participants work with and their level",
      source: "project records (teacher documentation)",
      provenance: nibr({ chapter: "12" }, "7269-7271, 7284-7285, 7466-7471"),
    },
    {
      id: "indicator-norwegian",
      nodeId: "outcome-norwegian",
      name: "Development of Norwegian skills",
      definition:
        "One can also consider measuring the development of Norwegian skills (no instrument named).",
      measure: "qualitative",
      direction: "increase",
      provenance: nibr({ chapter: "12" }, "7285"),
    },
    {
      id: "indicator-employment",
      nodeId: "outcome-employment",
      name: "Employment and type of attachment (permanent, part-time, wage)",
      definition:
        "Longer term: whether participants get work and what kind. Building and construction group 1: 3 of 5 got permanent full-time jobs and a fourth was on the way to a job.",
      measure: "proportion",
      numerator: "participants in work (by type of attachment)",
      denominator: "participants",
      direction: "increase",
      meansOfVerification: "Follow-up of participants' employment",
      provenance: nibr({ chapter: "12" }, "7285-7286, 7466-7468"),
    },
    {
      id: "indicator-trade-certificate",
      nodeId: "outcome-trade-certificate",
      name: "Participants who obtain a full trade certificate",
      definition:
        "Requires five years of relevant work experience under the practice-candidate scheme, so this lies far ahead.",
      measure: "count",
      unit: "persons",
      direction: "increase",
      meansOfVerification: "Trade-exam results",
      source: "trade-exam results (fagbrevprøve)",
      provenance: nibr({ chapter: "12" }, "7287-7289"),
    },
  ],
  targetGroup: {
    description:
      "Introduction-programme participants with little or no education who have finished the second year and been granted a third; spor 1 and 2, Norwegian around A2 after about two years.",
    eligibility: [
      "Finished year 2 of the introduction programme and granted a third year",
      "No right to upper-secondary education (neither youth right nor adult right)",
      "No language requirement",
      "Selection on motivation, interest, willingness to learn and suitability for a trade, tested in a vocational trial",
    ],
    recruitment:
      "Programme advisers identify candidates after an information meeting; an information and recruitment meeting, group guidance and individual interviews follow. Prior competence was de-emphasised. Intake could be rolling.",
    size: {
      enrolled: 9,
      perCohort: 5,
      period: "2019-2020 (building and construction)",
      note: "Building and construction group 1: 5; group 2: 4; a restaurant-and-food group of about 5 in vocational trial. About 5 per run is ideal with two teachers; 15-20 with an own workshop or standard classes.",
    },
    source: nibr({ chapter: "12" }, "7074-7081, 7160-7187, 7466-7473"),
  },
  components: [
    {
      id: "component-project-days",
      label: "Project days at the school workshop or in a company",
      nodeId: "activity-workshop-training",
      dose: "two days a week in the project and three days of ordinary introduction-programme Norwegian; from autumn 2020 three days of workshop with fagnorsk and two of Norwegian at the school",
      duration: "three to four months of workshop training, then one week to two months of company training",
      deliveredBy: "two vocational teachers",
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "12" }, "7150-7155, 7217-7219, 7239-7240"),
    },
    {
      id: "component-fagnorsk",
      label: "Subject-specific Norwegian",
      nodeId: "activity-fagnorsk",
      dose: { amount: 3, unit: "hours", per: "week" },
      deliveredBy: "bransjenorsk teacher",
      tags: ["norwegian-training"],
      source: nibr({ chapter: "12" }, "7228-7230"),
    },
  ],
  assumptions: [
    {
      id: "assumption-employable",
      text: "Documentation of partial competence will make participants more employable.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["mechanism-entry-ticket"],
      source: nibr({ chapter: "12" }, "7067-7068, 7501-7502"),
    },
    {
      id: "assumption-return-loop",
      text: "The option to return to the workshop for more competence gives security to participant and employer and a more stable attachment (no empirical support so far).",
      kind: "theoretical",
      status: "untested",
      appliesTo: ["mechanism-security"],
      source: nibr({ chapter: "12" }, "7511-7514"),
    },
  ],
  factors: [
    {
      kind: "barrier",
      text: "Recruitment is one of the biggest challenges; health and family issues do not surface early.",
      scope: "internal",
      source: nibr({ chapter: "12" }, "7295-7296"),
    },
    {
      kind: "barrier",
      text: "No interpreter at the first information meeting caused misunderstandings and low motivation, resolved by a meeting with an interpreter.",
      scope: "internal",
      source: nibr({ chapter: "12" }, "7324-7326, 7482-7484"),
    },
    {
      kind: "barrier",
      text: "COVID-19 delayed company placements and hit the restaurant trade with lay-offs.",
      scope: "external",
      nodeIds: ["activity-company-training"],
      source: nibr({ chapter: "12" }, "7470-7475"),
    },
  ],
  implementation: {
    quality: "high",
    notes: [
      "Implementation quality appears good; plans are mostly carried out as intended, with some flexibility to adjust along the way.",
    ],
    adaptations: [
      "The subject teacher involved earlier in recruiting the second group",
      "An interpreter added after the first information round",
      "Guidance talks paused by the lockdown",
    ],
    source: nibr({ chapter: "12" }, "7479-7487"),
  },
  uncertainties: [
    {
      id: "uncertainty-partial-competence",
      question:
        "Does partial competence increase employment? There is little research on whether the assumed mechanisms actually work.",
      priority: "high",
      phase: "evaluation",
      about: ["mechanism-entry-ticket", "outcome-employment"],
    },
  ],
  transfer: {
    products: [
      "Recruitment model, participant mapping, employer follow-up and learning tasks, together a project model",
    ],
    preconditions: [
      "Distance to an upper-secondary school",
      "A county that reads its mandate to include adults without a right to upper-secondary education",
    ],
    notes: [
      "«Prosjektet vi har evaluert her er av høy kvalitet»; well suited to be developed into a standardised element.",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "12" },
    "7020-7559",
    "Chapter authors: Tone Maia Liodden and Mariann Stærkebye Leirvik. The project's row in Tabell 3.2 is «Mellombyen». The text extraction ends inside this chapter.",
  ),
  extensions: { dataQualityFlags: flags, area: 4, chapter: 12 },
};
