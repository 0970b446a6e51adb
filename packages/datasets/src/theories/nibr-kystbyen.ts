import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "figure-numbering",
    message:
      "The two programme-theory figures are captioned 9.1 and 9.2 but cited in the text as «Figur 8.1» and «figur 8.2»; this record uses the captions.",
    source: nibr({ chapter: "9", figure: ["9.1", "9.2"] }, "4885, 4898, 4905, 5511, 5518"),
  },
  {
    id: "participant-count",
    message:
      "15 participants were admitted (8 women, 7 men), yet the project's 2019 final report gives 17 at the end (10 women, 7 men), and 3 dropped out; 13 sat the oral test. The counts do not reconcile; targetGroup.size.enrolled keeps the 15 admitted.",
    source: nibr({ chapter: "9" }, "4996-5002, 5209-5211"),
  },
  {
    id: "table-3.2-elements",
    message:
      "Table 3.2 marks all six working-method elements for Kystbyen. The chapter describes no career guidance or documented partial qualification as such; the record tags the closest components (role models and company visits in vocational Norwegian; the test results, diploma and employer attestation) and keeps the table's reading.",
    source: nibr({ chapter: ["3", "9"], table: "3.2" }, "1069-1078, 5100-5101, 5223-5226"),
  },
];

/**
 * «Kystbyen»: mother-tongue support in Norwegian training for participants with little schooling
 * (NIBR-rapport 2020:13, chapter 9, thematic area 3). The record is the adjusted programme theory
 * (Figure 9.2); `versions` lists the initial one (Figure 9.1) and what changed.
 */
export const nibrKystbyen: TheorySpec = {
  id: "nibr-kystbyen",
  title: "Mother-tongue support in Norwegian training for participants with little schooling",
  lang: "en",
  labels: { nb: "Morsmålsstøtte i norskopplæringen for deltakere med liten skolebakgrunn" },
  description:
    "Systematic use of mother-tongue assistants in Norwegian and vocational Norwegian for spor 1 adults in the introduction programme. The assistants are bridge-builders between participants and teachers in class and between participants and employers in work placement; mother-tongue use is assumed to raise linguistic awareness and Norwegian skills, which in turn can strengthen the chance of a job.",
  programme: "Morsmålsstøtte i norskopplæringen",
  organisation: "«Kystbyen» Voksenopplæring (adult education centre), with the refugee service and NAV",
  municipality: "«Kystbyen» (pseudonym; mid-sized city of about 65,000)",
  version: "2",
  status: "adjusted",
  nodes: [
    {
      id: "problem-leadership-norwegian",
      kind: "problem",
      label:
        "Spor 1 refugees with little or no schooling do not learn enough Norwegian in the introduction programme to enter working life",
      labels: {
        nb: "Flyktninger i spor 1 med ingen eller lite skolebakgrunn fra før lærer ikke tilstrekkelig norsk til å få innpass i arbeidslivet i introduksjonsprogrammet",
      },
      stakeholder: "project leader and head of Norwegian teaching",
      source: nibr({ chapter: "9" }, "4931-4935"),
    },
    {
      id: "problem-leadership-praksis",
      kind: "problem",
      label:
        "Work placements often do not work as expected: poor fit, unfamiliar work culture, misunderstandings",
      labels: {
        nb: "Når flyktningene begynner i praksis fungerer det ofte ikke så godt som forventet",
      },
      stakeholder: "project leader and head of Norwegian teaching",
      source: nibr({ chapter: "9" }, "4937-4944"),
    },
    {
      id: "problem-teachers-methods",
      kind: "problem",
      label:
        "Teachers do not reach the refugees with their teaching methods, especially in vocational Norwegian",
      labels: {
        nb: "Lærerne når ikke frem til flyktningene med sine undervisningsmetoder, særlig i yrkesnorsk",
      },
      stakeholder: "teachers",
      source: nibr({ chapter: "9" }, "4946-4950"),
    },
    {
      id: "problem-teachers-understanding",
      kind: "problem",
      label:
        "Teachers do not understand what the refugees understand, or why; the refugees do not say when they do not understand",
      labels: {
        nb: "Lærerne forstår ikke hvorfor, og hva, flyktningene forstår og ikke forstår. Flyktningene sier ikke ifra om at de ikke forstår",
      },
      stakeholder: "teachers",
      source: nibr({ chapter: "9" }, "4952-4954"),
    },
    {
      id: "problem-assistants",
      kind: "problem",
      label:
        "Much is not understood with Norwegian-only teaching; misunderstandings make participants insecure",
      labels: {
        nb: "Det er mye flyktningene ikke forstår med bare norsk språk og norsklærere i klassen. Det er mange misforståelser",
      },
      stakeholder: "mother-tongue assistants",
      source: nibr({ chapter: "9" }, "4956-4964"),
    },
    {
      id: "context-labour-market",
      kind: "context",
      label:
        "Good local labour market before COVID-19: unemployment just under 2 % (Q4 2019), 5 % for immigrants from typical refugee countries",
      labels: {
        nb: "godt arbeidsmarked med en arbeidsledighet på litt under 2 prosent i siste kvartal i 2019",
      },
      description:
        "Mid-sized city of about 65,000; about 15 % of immigrant background, mostly labour migrants. In 2018, 66 % of immigrants were employed against 70 % of others.",
      source: nibr({ chapter: "9" }, "4873-4880"),
    },
    {
      id: "context-covid",
      kind: "context",
      label:
        "COVID-19: classroom teaching closed 12 March 2020 and work placements postponed (most started June 2020)",
      labels: { nb: "Da skolene i Norge stengte 12. mars 2020, stengte også klasseromsundervisningen" },
      source: nibr({ chapter: "9" }, "5192-5194, 5256-5260"),
    },
    {
      id: "input-assistants",
      kind: "input",
      label:
        "Three experienced mother-tongue assistants (100 % in total) covering Arabic, Kurdish, Tigrinya, Swahili, Kinyabwisha, French and English",
      labels: {
        nb: "tre erfarne morsmålsassistenter som til sammen dekker språkene arabisk, kurdisk, tigrinja, swahili, kinyabwisha, fransk og engelsk",
      },
      source: nibr({ chapter: "9" }, "5008-5010, 5040-5042"),
    },
    {
      id: "input-teachers",
      kind: "input",
      label:
        "Three teachers of Norwegian and vocational Norwegian (250 % in total until March 2020) and the assistant principal as project leader",
      labels: {
        nb: "assisterende rektor på voksenopplæringen (prosjektleder), tre lærere (norsk og yrkesnorsk)",
      },
      source: nibr({ chapter: "9" }, "5039-5042"),
    },
    {
      id: "input-supervisor",
      kind: "input",
      label: "External supervisor from Høyskolen i Volda doing action research",
      labels: { nb: "Prosjektgruppen får veiledning av forsker fra Høyskolen i Volda" },
      source: nibr({ chapter: "9" }, "5042-5046"),
    },
    {
      id: "activity-mother-tongue-support",
      kind: "activity",
      label:
        "Mother-tongue support in Norwegian and vocational Norwegian: explanations in the mother tongue and comparison with Norwegian (contrastive grammar)",
      labels: {
        nb: "morsmålsassistentene gir forklaringer på morsmålet og sammenligner norsk og morsmål",
      },
      tags: ["alternative-training-model", "norwegian-training"],
      source: nibr({ chapter: "9" }, "5081-5087"),
    },
    {
      id: "activity-language-groups",
      kind: "activity",
      label: "Language groups, later alternating with mixed groups that use Norwegian as the common language",
      labels: {
        nb: "veksler de mellom blandete grupper hvor de kan kommunisere på fellesspråket som er norsk og språkgrupper",
      },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "9" }, "5092-5096"),
    },
    {
      id: "activity-collaboration",
      kind: "activity",
      label:
        "Teacher–assistant collaboration before and during lessons, with the participant part of it (two hours a week set aside)",
      labels: { nb: "Lærere og morsmålsassistenter har to timer til samarbeid hver uke" },
      description:
        "Added in the adjusted programme theory (Figure 9.2): optimal use of mother-tongue support presupposes collaboration between teacher and assistant before and during lessons.",
      source: nibr({ chapter: "9" }, "5048-5053, 5503-5509, 5524-5528"),
    },
    {
      id: "activity-learning-strategies",
      kind: "activity",
      label:
        "Assistants develop learning strategies for participants without experience of learning through written language",
      labels: {
        nb: "morsmålsassistentene er opptatt av å bidra med læringsstrategier til deltakere som ikke har erfaring med å bruke skriftspråk for å lære",
      },
      description: "Added in the adjusted programme theory (Figure 9.2).",
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "9" }, "5112-5113, 5528-5529"),
    },
    {
      id: "activity-vocational-norwegian",
      kind: "activity",
      label: "Vocational Norwegian with role models and company visits, with mother-tongue support",
      labels: { nb: "I yrkesnorsk brukes rollemodeller og bedriftsbesøk med morsmålsstøtte" },
      tags: ["norwegian-training", "career-guidance"],
      source: nibr({ chapter: "9" }, "5100-5101"),
    },
    {
      id: "activity-praksis-follow-up",
      kind: "activity",
      label:
        "Assistants and teachers follow up participants and employers in the work placement (språkpraksis)",
      labels: { nb: "skal de følge opp deltakerne og arbeidsgivere på praksisplass" },
      tags: ["supported-employment"],
      source: nibr({ chapter: "9" }, "5055-5058, 5098-5099"),
    },
    {
      id: "activity-digital-follow-up",
      kind: "activity",
      label:
        "Digital follow-up after school on mobile phones (WhatsApp); iPads for all participants, used less than expected",
      labels: { nb: "Morsmålsassistentene bruker WhatsApp for å følge opp undervisningen etter skoletid" },
      tags: ["digital-tools"],
      source: nibr({ chapter: "9" }, "5119-5123, 5132-5133"),
    },
    {
      id: "output-documentation",
      kind: "output",
      label:
        "Documentation of what was achieved: national Norwegian test results, a participation diploma, an employer attestation of completed placement and a referee",
      labels: {
        nb: "Flyktningene får dokumentasjon på resultat på nasjonal norskprøve og de får diplom for gjennomført deltakelse i prosjektet",
      },
      tags: ["documented-partial-qualification"],
      source: nibr({ chapter: "9" }, "5219-5226"),
    },
    {
      id: "mechanism-bridge-building",
      kind: "mechanism",
      label:
        "Assistants act as bridge-builders between participants and teachers in class, and between participants and employers in placement",
      labels: { nb: "Morsmålsassistentene skal fungere som brobyggere" },
      source: nibr({ chapter: "9" }, "4862-4871"),
    },
    {
      id: "mechanism-language-awareness",
      kind: "mechanism",
      label: "Use of the mother tongue raises linguistic awareness and strengthens Norwegian skills",
      labels: { nb: "bruk av morsmål i norskundervisningen og i yrkesnorsk øker den språklige bevisstheten" },
      source: nibr({ chapter: "9" }, "4865-4867, 5536-5537"),
    },
    {
      id: "mechanism-recognition",
      kind: "mechanism",
      label: "Staff recognise participants' linguistic and cultural background, which can foster motivation",
      labels: {
        nb: "anerkjenner deltakernes språklige og kulturelle bakgrunn, noe som kan fremme motivasjon",
      },
      description:
        "Added in the adjusted programme theory (Figure 9.2), with multilingualism as a competence that gives access to a linguistic repertoire across languages.",
      source: nibr({ chapter: "9" }, "5529-5533"),
    },
    {
      id: "mechanism-cognitive-level",
      kind: "mechanism",
      label:
        "Participants can communicate at their cognitive level, giving more equal interaction with the teachers",
      labels: { nb: "deltakerne kan kommunisere på sitt kognitive nivå" },
      description: "An intermediate effect added in the adjusted programme theory (Figure 9.2).",
      source: nibr({ chapter: "9" }, "5533-5536"),
    },
    {
      id: "mechanism-teacher-adjustment",
      kind: "mechanism",
      label:
        "Teachers see earlier what participants do and do not understand, and adjust teaching to each language group and participant",
      labels: {
        nb: "lærerne kan tilpasse og justere undervisningen underveis, både til språkgruppene og til den enkelte",
      },
      source: nibr({ chapter: "9" }, "5506-5509, 5350-5356"),
    },
    {
      id: "mechanism-mastery",
      kind: "mechanism",
      label:
        "Documented steps let participants experience that they master a programme for learning better Norwegian",
      labels: {
        nb: "Dokumentasjon på steg underveis kan også bidra til at flyktningene får erfare at de mestrer",
      },
      source: nibr({ chapter: "9" }, "5222-5223"),
    },
    {
      id: "outcome-vocabulary",
      kind: "outcome",
      horizon: "short",
      label: "Increased vocabulary and concept understanding",
      labels: { nb: "Økt ordforråd og begrepsforståelse" },
      successCriteria: [
        "Able to communicate at the work placement (Være i stand til å kommunisere på praksisplass)",
      ],
      source: nibr({ chapter: "9", table: "9.1" }, "5147-5152"),
    },
    {
      id: "outcome-reading",
      kind: "outcome",
      horizon: "short",
      label: "Increased reading comprehension",
      labels: { nb: "Økt leseforståelse" },
      successCriteria: [
        "Can read simple messages at the work placement (Kunne lese enkle beskjed på praksisplass)",
      ],
      source: nibr({ chapter: "9", table: "9.1" }, "5154"),
    },
    {
      id: "outcome-deep-learning",
      kind: "outcome",
      horizon: "short",
      label: "Deep learning of the language",
      labels: { nb: "Dybdelæring av språket" },
      successCriteria: [
        "Can apply language knowledge in different contexts (Kan anvende språkkunnskapene i ulike kontekster)",
      ],
      source: nibr({ chapter: "9", table: "9.1" }, "5156-5157"),
    },
    {
      id: "outcome-metalanguage",
      kind: "outcome",
      horizon: "short",
      label: "Metalanguage",
      labels: { nb: "Metaspråk" },
      successCriteria: ["Can talk about language learning (Kunne snakke om språkinnlæringen)"],
      source: nibr({ chapter: "9", table: "9.1" }, "5159"),
    },
    {
      id: "outcome-interaction",
      kind: "outcome",
      horizon: "intermediate",
      label: "Increased opportunity for interaction with the majority population",
      labels: { nb: "Økt mulighet til interaksjon med majoritetsbefolkningen" },
      successCriteria: [
        "Takes part in language situations: placement, language café, everyday life (Delta i språksituasjoner (praksis, språkkafe, hverdagsliv))",
      ],
      source: nibr({ chapter: "9", table: "9.1" }, "5161-5167"),
    },
    {
      id: "outcome-praksis",
      kind: "outcome",
      horizon: "intermediate",
      label: "Participation in the work-placement group",
      labels: { nb: "Deltakelse i praksisgruppe" },
      successCriteria: ["Starts a work placement (Oppstart praksisplass)"],
      source: nibr({ chapter: "9", table: "9.1" }, "5169"),
    },
    {
      id: "outcome-work",
      kind: "outcome",
      horizon: "long",
      label: "Participation in working life",
      labels: { nb: "Deltakelse i arbeidslivet" },
      successCriteria: ["Job / lasting job (Jobb/ varig jobb)"],
      description:
        "Lies outside the one-year project period; the project expected most of the class to get a job within two years.",
      source: nibr({ chapter: "9", table: "9.1" }, "5171-5173, 5196-5201"),
    },
  ],
  links: [
    {
      from: "problem-leadership-norwegian",
      to: "activity-mother-tongue-support",
      source: nibr({ chapter: "9" }, "4966-4974"),
    },
    {
      from: "problem-teachers-methods",
      to: "activity-mother-tongue-support",
      source: nibr({ chapter: "9" }, "4966-4974"),
    },
    {
      from: "problem-teachers-understanding",
      to: "activity-collaboration",
      source: nibr({ chapter: "9" }, "5333-5338"),
    },
    {
      from: "problem-assistants",
      to: "activity-mother-tongue-support",
      source: nibr({ chapter: "9" }, "4966-4974"),
    },
    {
      from: "problem-leadership-praksis",
      to: "activity-praksis-follow-up",
      source: nibr({ chapter: "9" }, "5188-5192"),
    },
    { from: "input-assistants", to: "activity-mother-tongue-support", kind: "enables" },
    { from: "input-assistants", to: "activity-praksis-follow-up", kind: "enables" },
    { from: "input-teachers", to: "activity-collaboration", kind: "enables" },
    {
      from: "input-supervisor",
      to: "activity-collaboration",
      kind: "enables",
      source: nibr({ chapter: "9" }, "5409-5412"),
    },
    {
      from: "activity-mother-tongue-support",
      to: "mechanism-language-awareness",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "4865-4867"),
    },
    {
      from: "activity-mother-tongue-support",
      to: "mechanism-bridge-building",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "4862-4865"),
    },
    {
      from: "activity-mother-tongue-support",
      to: "mechanism-recognition",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "5529-5533"),
    },
    {
      from: "activity-mother-tongue-support",
      to: "mechanism-cognitive-level",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "5533-5536"),
    },
    {
      from: "activity-language-groups",
      to: "mechanism-cognitive-level",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "5092-5096"),
    },
    {
      from: "activity-collaboration",
      to: "mechanism-teacher-adjustment",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "5503-5509"),
    },
    {
      from: "activity-learning-strategies",
      to: "outcome-deep-learning",
      source: nibr({ chapter: "9" }, "5528-5529"),
    },
    { from: "activity-vocational-norwegian", to: "outcome-vocabulary" },
    {
      from: "activity-praksis-follow-up",
      to: "mechanism-bridge-building",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "4868-4871"),
    },
    {
      from: "activity-digital-follow-up",
      to: "outcome-vocabulary",
      kind: "contributes",
      source: nibr({ chapter: "9" }, "5119-5123"),
    },
    {
      from: "output-documentation",
      to: "mechanism-mastery",
      kind: "triggers",
      source: nibr({ chapter: "9" }, "5222-5223"),
    },
    {
      from: "activity-mother-tongue-support",
      to: "output-documentation",
      kind: "contributes",
      source: nibr({ chapter: "9" }, "5219-5226"),
    },
    { from: "mechanism-mastery", to: "outcome-deep-learning", kind: "contributes" },
    {
      from: "mechanism-language-awareness",
      to: "outcome-metalanguage",
      source: nibr({ chapter: "9" }, "5536-5537"),
      rationale: "Some participants learned to write their own language phonetically in the Latin alphabet.",
    },
    {
      from: "mechanism-language-awareness",
      to: "outcome-vocabulary",
      source: nibr({ chapter: "9" }, "5177-5178"),
    },
    {
      from: "mechanism-recognition",
      to: "outcome-vocabulary",
      kind: "contributes",
      source: nibr({ chapter: "9" }, "5531-5533"),
    },
    {
      from: "mechanism-cognitive-level",
      to: "outcome-deep-learning",
      kind: "contributes",
      source: nibr({ chapter: "9" }, "5333-5338"),
    },
    {
      from: "mechanism-teacher-adjustment",
      to: "outcome-vocabulary",
      source: nibr({ chapter: "9" }, "5350-5356"),
    },
    { from: "mechanism-teacher-adjustment", to: "outcome-reading" },
    {
      from: "activity-mother-tongue-support",
      to: "outcome-reading",
      source: nibr({ chapter: "9" }, "5177-5178"),
      rationale: "The short-term goals are effects of mother-tongue support.",
    },
    {
      from: "mechanism-bridge-building",
      to: "outcome-praksis",
      source: nibr({ chapter: "9" }, "4868-4871, 5188-5192"),
    },
    { from: "outcome-vocabulary", to: "outcome-interaction", source: nibr({ chapter: "9" }, "5177-5178") },
    {
      from: "outcome-vocabulary",
      to: "outcome-praksis",
      source: nibr({ chapter: "9" }, "5177-5178, 5190-5192"),
    },
    { from: "outcome-reading", to: "outcome-praksis", source: nibr({ chapter: "9" }, "5177-5178") },
    { from: "outcome-deep-learning", to: "outcome-interaction", source: nibr({ chapter: "9" }, "5177-5178") },
    {
      from: "outcome-metalanguage",
      to: "outcome-interaction",
      kind: "contributes",
      source: nibr({ chapter: "9" }, "5177-5178"),
    },
    { from: "outcome-interaction", to: "outcome-work", source: nibr({ chapter: "9" }, "5196-5198") },
    { from: "outcome-praksis", to: "outcome-work", source: nibr({ chapter: "9" }, "5196-5198") },
    {
      from: "context-labour-market",
      to: "outcome-work",
      kind: "moderates",
      source: nibr({ chapter: "9" }, "5198-5201"),
    },
    {
      from: "context-covid",
      to: "outcome-praksis",
      kind: "moderates",
      source: nibr({ chapter: "9" }, "5192-5194"),
    },
  ],
  indicators: [
    {
      id: "indicator-oral-norskprove",
      nodeId: "outcome-vocabulary",
      name: "Oral level on the national Norwegian test (CEFR)",
      definition:
        "CEFR level reached on the national oral Norwegian test (nasjonal norskprøve muntlig). Baseline mapping at start (autumn 2019): all beginners, below A1 oral. Expected level A1; in March 2020, 11 of 13 test-takers reached A2 and 2 reached A1 (some chose not to sit the test).",
      measure: "ordinal",
      unit: "CEFR level",
      direction: "increase",
      baseline: { value: "below A1", date: "2019", note: "all participants mapped as beginners at start" },
      targets: [{ value: "A1", date: "2020-03", note: "the expected level" }],
      meansOfVerification:
        "Short-term goals can be examined through Norwegian tests («Oppnåelse av de kortsiktige målene kan undersøkes gjennom norskprøver»)",
      source: "Norskprøve (national Norwegian test, oral)",
      provenance: nibr({ chapter: "9" }, "4991-4992, 5180, 5205-5212"),
    },
    {
      id: "indicator-written-norskprove",
      nodeId: "outcome-reading",
      name: "Level on the national written Norwegian test",
      definition:
        "CEFR level on the written national Norwegian test, taken by the project class in May 2020 (results not reported).",
      measure: "ordinal",
      unit: "CEFR level",
      direction: "increase",
      meansOfVerification: "National Norwegian test, written part (May 2020)",
      source: "Norskprøve (national Norwegian test, written)",
      provenance: nibr({ chapter: "9" }, "5180, 5212-5213"),
    },
    {
      id: "indicator-communicate-at-placement",
      nodeId: "outcome-vocabulary",
      name: "Able to communicate at the work placement",
      definition:
        "Criterion of goal attainment in Table 9.1: «Være i stand til å kommunisere på praksisplass».",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification:
        "Norwegian tests (the report: short-term goals can be examined through Norwegian tests)",
      source: "Norskprøve",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5151-5152, 5180"),
    },
    {
      id: "indicator-read-messages",
      nodeId: "outcome-reading",
      name: "Can read simple messages at the work placement",
      definition: "Criterion of goal attainment in Table 9.1: «Kunne lese enkle beskjed på praksisplass».",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Norwegian tests",
      source: "Norskprøve",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5154, 5180"),
    },
    {
      id: "indicator-apply-in-contexts",
      nodeId: "outcome-deep-learning",
      name: "Can apply language knowledge in different contexts",
      definition:
        "Criterion of goal attainment in Table 9.1: «Kan anvende språkkunnskapene i ulike kontekster».",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Norwegian tests",
      source: "Norskprøve",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5156-5157, 5180"),
    },
    {
      id: "indicator-talk-about-learning",
      nodeId: "outcome-metalanguage",
      name: "Can talk about language learning",
      definition: "Criterion of goal attainment in Table 9.1: «Kunne snakke om språkinnlæringen».",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Norwegian tests",
      source: "Norskprøve",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5159, 5180"),
    },
    {
      id: "indicator-language-situations",
      nodeId: "outcome-interaction",
      name: "Takes part in language situations (placement, language café, everyday life)",
      definition:
        "Criterion of goal attainment in Table 9.1. Many factors other than mother-tongue support affect such contact; interviews can probe whether better command of the language makes the participant more confident.",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Interview or questionnaire to the participants",
      source: "participant interview or questionnaire",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5163-5167, 5182-5186"),
    },
    {
      id: "indicator-placement-start",
      nodeId: "outcome-praksis",
      name: "Starts a work placement",
      definition:
        "Criterion of goal attainment in Table 9.1: «Oppstart praksisplass»; whether mother-tongue support helps participants start and complete placement.",
      measure: "count",
      unit: "participants",
      direction: "increase",
      meansOfVerification: "Interviews with the project leadership",
      source: "project leadership interviews",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5169, 5186-5188"),
    },
    {
      id: "indicator-job",
      nodeId: "outcome-work",
      name: "Job / lasting job",
      definition:
        "Criterion of goal attainment in Table 9.1: «Jobb/ varig jobb». Lies outside the project's time frame; the project expected most of the class to get a job within two years.",
      measure: "proportion",
      numerator: "participants in a job (lasting job)",
      denominator: "participants in the project class",
      direction: "increase",
      meansOfVerification:
        "Can be examined later through administrative data («kan undersøkes senere gjennom administrative data»)",
      source: "administrative register data",
      provenance: nibr({ chapter: "9", table: "9.1" }, "5173, 5196-5201"),
    },
  ],
  targetGroup: {
    description:
      "Adults on spor 1 of the introduction programme with little or no schooling and weak Norwegian; all mapped as beginners (below A1 oral) but all had «cracked the reading code».",
    eligibility: [
      "Right and duty to Norwegian training, or introduction-programme participant on spor 1, or referred by NAV (rett og plikt til norskundervisning / spor 1 / henvist fra NAV)",
      "Little schooling (liten skolebakgrunn)",
      "Speaks a language covered by the available mother-tongue assistants: a large enough class with as few languages as possible",
      "Able to take part in the whole programme; NAV and the refugee service agree not to send participants to other measures during the project period",
    ],
    recruitment: "Selected from the spor 1 pool of about 50 by the languages the three assistants speak.",
    size: {
      eligible: 50,
      enrolled: 15,
      period: "2019-2020 (one project year, August 2019 to September 2020)",
      note: "About 50 spor 1 learners in an adult-education centre with 800-1,000 learners a school year. 15 admitted (8 women, 7 men); 17 at the end per the project's final report; 3 dropouts (pregnancy, did not want placement, too much absence). See the participant-count flag.",
    },
    source: nibr({ chapter: "9" }, "4987-5014"),
  },
  components: [
    {
      id: "component-mother-tongue-support",
      label: "Mother-tongue support in class",
      nodeId: "activity-mother-tongue-support",
      dose: {
        amount: 7,
        unit: "teaching hours with mother-tongue support",
        per: "week",
        note: "on two days (3 + 4 hours), of 26 classroom hours a week; the assistants found nine or ten hours a week too little",
      },
      duration: { amount: 1, unit: "year", note: "project period August 2019 - September 2020" },
      deliveredBy: "three mother-tongue assistants with two teachers in the class",
      tags: ["alternative-training-model", "norwegian-training"],
      source: nibr({ chapter: "9" }, "5034, 5086-5090, 5374-5376"),
    },
    {
      id: "component-collaboration",
      label: "Teacher–assistant collaboration time",
      nodeId: "activity-collaboration",
      dose: {
        amount: 2,
        unit: "hours",
        per: "week",
        note: "plus monthly supervision meetings with the external supervisor",
      },
      deliveredBy: "teachers and mother-tongue assistants",
      source: nibr({ chapter: "9" }, "5048-5050, 5409-5412"),
    },
    {
      id: "component-praksis",
      label: "Work placement with follow-up",
      nodeId: "activity-praksis-follow-up",
      description:
        "Placements were due in April 2020; most started in June 2020, often in new placements. Employers receive no compensation.",
      deliveredBy: "Norwegian teacher and mother-tongue assistants",
      tags: ["supported-employment"],
      source: nibr({ chapter: "9" }, "5055-5063, 5192-5194"),
    },
  ],
  assumptions: [
    {
      id: "assumption-mother-tongue",
      text: "Use of the mother tongue in Norwegian and vocational Norwegian raises linguistic awareness and strengthens Norwegian skills, which in turn can strengthen the chance of getting a job.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["mechanism-language-awareness", "outcome-work"],
      source: nibr({ chapter: "9" }, "4865-4868"),
    },
    {
      id: "assumption-goals-build",
      text: "The goals build on each other: intermediate goals are expected effects of the short-term goals, and short-term goals are effects of mother-tongue support.",
      kind: "theoretical",
      appliesTo: ["outcome-interaction", "outcome-praksis"],
      source: nibr({ chapter: "9" }, "5177-5178"),
    },
    {
      id: "assumption-balance",
      text: "Too much translation may make participants passive, so hours with and without mother-tongue support must be combined.",
      kind: "implementation",
      appliesTo: ["activity-mother-tongue-support"],
      source: nibr({ chapter: "9" }, "5324-5331"),
    },
    {
      id: "assumption-whole-class",
      text: "Support works best when all assistants are present at once, all participants get support at the same time, and the class is at about the same Norwegian level.",
      kind: "implementation",
      appliesTo: ["activity-mother-tongue-support"],
      source: nibr({ chapter: "9" }, "5403-5407, 5639-5640"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "Competent, stable teachers and mother-tongue assistants throughout the period gave predictability and a safe learning situation.",
      scope: "internal",
      source: nibr({ chapter: "9" }, "5243-5249"),
    },
    {
      kind: "facilitator",
      text: "The Norwegian teacher, who knows the participants, took over finding placements and built a relation to the workplace before the participant arrived.",
      scope: "internal",
      nodeIds: ["activity-praksis-follow-up"],
      source: nibr({ chapter: "9" }, "5249-5254"),
    },
    {
      kind: "barrier",
      text: "Much «noise» in participants' lives, negative earlier school experience and attempts at negative social control in the class.",
      scope: "internal",
      source: nibr({ chapter: "9" }, "5234-5241"),
    },
    {
      kind: "barrier",
      text: "COVID-19 closed classroom teaching on 12 March 2020 and postponed work placements.",
      scope: "external",
      nodeIds: ["outcome-praksis"],
      source: nibr({ chapter: "9" }, "5256-5260"),
    },
  ],
  implementation: {
    notes: [
      "Largely carried out as planned, with three changes: placement cancelled and teaching moved online during the lockdown; a manual replaced by a joint product with similar projects plus short films; less iPad use and more WhatsApp.",
      "The three assistants were not always able to be in class at the same time because of other duties.",
    ],
    adaptations: ["Language groups in autumn 2019; alternating mixed and language groups in spring 2020."],
    source: nibr({ chapter: "9" }, "5087-5096, 5427-5450"),
  },
  uncertainties: [
    {
      id: "uncertainty-faster-progression",
      question:
        "Does the group have considerably faster progression than comparable participants who do not receive mother-tongue support?",
      priority: "high",
      phase: "evaluation",
      about: ["outcome-vocabulary"],
    },
    {
      id: "uncertainty-other-municipalities",
      question: "Will other municipalities achieve equally good results on the national Norwegian tests?",
      priority: "medium",
      phase: "feasibility",
      about: ["outcome-vocabulary"],
    },
  ],
  versions: [
    {
      version: "1",
      kind: "initial",
      changes: [
        "Figure 9.1 (cited in the text as «Figur 8.1»): problem understanding → mother-tongue support in Norwegian and vocational Norwegian (changed learning conditions) → better Norwegian → completed placement and interaction with the majority population → better chance of work.",
      ],
      source: nibr({ chapter: "9", figure: "9.1" }, "4898-4913"),
    },
    {
      version: "2",
      kind: "adjusted",
      changes: [
        "Figure 9.2 (cited as «figur 8.2»): the problem understanding and the assumed causal chain are unchanged, but the intervention is more complex.",
        "Added teacher–assistant collaboration before and during lessons, with the participant part of it (activity-collaboration, mechanism-teacher-adjustment).",
        "Added learning strategies for participants without experience of learning through written language (activity-learning-strategies).",
        "Added multilingualism as competence and recognition of participants' background as a source of motivation (mechanism-recognition).",
        "Added intermediate effects: communication at the participant's cognitive level and increased language awareness (mechanism-cognitive-level, mechanism-language-awareness).",
        "Effects and activities after the first link are left out of the figure for space; placement was postponed by COVID-19.",
      ],
      source: nibr({ chapter: "9", figure: "9.2" }, "5503-5540"),
    },
  ],
  transfer: {
    preconditions: [
      "Large and mid-sized towns with qualified refugees or other immigrants who can serve as mother-tongue assistants; elsewhere language helpers from spor 2 and 3",
      "Training for assistants, clear expectations and time set aside for teacher–assistant collaboration",
    ],
    products: ["A joint product on mother-tongue support with similar projects", "Short films"],
    notes: [
      "«We nevertheless have no basis for concluding that other municipalities will achieve equally good results on national Norwegian tests.»",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "9" },
    "4857-5674",
    "Chapter author: Susanne Søholt. The project's row in Tabell 3.2 is «Kystbyen».",
  ),
  extensions: {
    dataQualityFlags: flags,
    area: 3,
    chapter: 9,
    // Elements that the adjusted theory (version 2, Figure 9.2) adds to the initial one (Figure 9.1).
    addedInVersion: {
      "2": [
        "activity-collaboration",
        "activity-learning-strategies",
        "mechanism-recognition",
        "mechanism-cognitive-level",
        "mechanism-teacher-adjustment",
      ],
    },
  },
};
