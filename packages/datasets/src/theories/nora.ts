import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nora2021, nora2024 } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "denominator-wording",
    message:
      "The 2024 report says «50 % av deltakerne» went to work and education, but 50 % is 42 of the 84 planned exits, not of the 221 participants (19 %). The indicators here use exits as the denominator and say so.",
    source: nora2024(
      { section: ["Oppsummering", "Resultater 2024", "Arbeidsrettet oppfølging"] },
      "2-4, 72, 77-79, 110-111",
    ),
  },
  {
    id: "targets-differ-by-year",
    message:
      "The 2021 report's result targets are 60 % ordinary work, 10 % education and the remaining 30 % clarified to other social-security rights; the 2024 report states only the 60 % and 10 % targets, and as a wish («Det er ønskelig»).",
    source: {
      ...nora2024({ section: "NorA - norsk og arbeid" }, "22-24, nora-2021:47"),
      note: "The 2021 targets: NorA «Årsrapport 2021», section 1.0 Om NorA (p. 4).",
    },
  },
];

/**
 * NorA (Norsk og Arbeid), Bergen kommune: a work-oriented follow-up measure for immigrants on social
 * assistance or the qualification programme (KVP), read from its annual report for 2024
 * and its «Årsrapport 2021». The reports state goals, target groups, components and results but no
 * explicit programme theory; the links follow the reports' own statements of what each component is for.
 */
export const nora: TheorySpec = {
  id: "nora",
  title: "NorA – Norwegian and Work",
  lang: "en",
  labels: { nb: "NorA – Norsk og Arbeid" },
  description:
    "A work-oriented follow-up measure for immigrants in Bergen, started in 2019 and administered by NAV Årstad: one adviser per participant with holistic mapping, group guidance with as much spoken Norwegian as possible, work training and employer follow-up, and follow-up for six months after a participant starts paid work.",
  programme: "NorA – Norsk og Arbeid",
  organisation: "Bergen kommune, NAV Årstad",
  municipality: "Bergen",
  nodes: [
    {
      id: "problem-not-self-supporting",
      kind: "problem",
      label:
        "Immigrants on social assistance or the qualification benefit (KVP) who are not in work and not economically self-supporting",
      labels: {
        nb: "innvandrere med sosialhjelp og kvalifiseringsstønad (kvp) skal komme i arbeid og bli økonomisk selvforsørget",
      },
      stakeholder: "NAV (as stated in the measure's objective)",
      source: nora2024({ section: "Innledning" }, "15-17"),
    },
    {
      id: "problem-no-functional-norwegian",
      kind: "problem",
      label:
        "Many participants have lived long in Norway and had years of Norwegian training without developing a functional level of Norwegian",
      labels: {
        nb: "Mange av deltakerne i NorA har vært lenge i Norge og hatt flere år med norskopplæring uten at de har utviklet et funksjonelt norsknivå",
      },
      stakeholder: "advisers",
      source: nora2021({ section: "3.3.2" }, "242"),
    },
    {
      id: "context-diverse-group",
      kind: "context",
      label:
        "A mixed group: from doctorates to no schooling, average age just over 40, from long work experience to none",
      labels: { nb: "Deltakergruppen spenner fra personer med doktorgrad til andre helt uten skolegang" },
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "128-131"),
    },
    {
      id: "input-staff",
      kind: "input",
      label: "10 permanent advisers, 2 team coordinators, a department head (2024)",
      labels: { nb: "10 veiledere som er fast ansatt. 2 teamkoordinatorer. 1 avdelingsleder" },
      source: nora2024({ section: "Bemanning" }, "46-50"),
    },
    {
      id: "activity-referral",
      kind: "activity",
      label:
        "Referral by the participant's local NAV office, taking account of the participant's wish between NorA and Ny sjanse",
      labels: { nb: "Det er deltakers lokale NAV-kontor som henviser deltakere til NorA" },
      source: nora2024({ section: "Målgruppe NorA" }, "39-41"),
    },
    {
      id: "activity-individual-follow-up",
      kind: "activity",
      label:
        "Individual follow-up: one adviser per participant, holistic mapping at the start, coordination of measures and removal of obstacles to work",
      labels: { nb: "Ved oppstart i NorA får alle deltakere tildelt en veileder" },
      tags: ["supported-employment"],
      source: nora2024({ section: "Individuell oppfølging" }, "92-101"),
    },
    {
      id: "activity-motivational-interviewing",
      kind: "activity",
      label: "All advisers trained in Motivational Interviewing and using it actively (2021)",
      labels: { nb: "Alle veiledere i NorA er kurset i Motiverende Intervju (MI)" },
      source: nora2021({ section: "3.1" }, "202"),
    },
    {
      id: "activity-group-guidance",
      kind: "activity",
      label:
        "Group guidance on work, society, health and finances: Veien til arbeid, Helse og arbeid, Personlig økonomi, Samfunn og kultur, Yrkesgruppe and others; participants should talk 80 % of the time",
      labels: {
        nb: "NorA tilbyr gruppeveiledning med ulike tema som skal bidra til å kvalifisere deltakere til jobb",
      },
      source: nora2024({ section: "Gruppeveiledning" }, "150-161"),
    },
    {
      id: "activity-language-groups",
      kind: "activity",
      label: "Language and job café and Walk & Talk: oral Norwegian with other participants and advisers",
      labels: {
        nb: "Fokuset har vært på muntlig norsk. Målet er å snakke norsk sammen med andre deltakere og med veiledere",
      },
      tags: ["norwegian-training"],
      source: nora2024({ section: "Gruppeveiledning" }, "163-166, 190-191"),
    },
    {
      id: "activity-introduction-group",
      kind: "activity",
      label:
        "Introduction group: a six-week programme for about 10 participants on job wishes, interview training, CV and applications, matched to the right firm",
      labels: {
        nb: "Introduksjonsgruppe er et seks ukers opplegg der målet er at deltakere skal komme raskt ut i jobb",
      },
      source: nora2024({ section: "Gruppeveiledning" }, "172-174"),
    },
    {
      id: "activity-digital-competence",
      kind: "activity",
      label:
        "Digital competence group (up to 10) for participants with low Norwegian and very low digital skills, using PC, iPad and smartphones",
      labels: {
        nb: "Digital kompetanse er en gruppe som har som mål å gi grunnleggende digitale ferdigheter",
      },
      tags: ["digital-tools"],
      source: nora2024({ section: "Gruppeveiledning" }, "186-188"),
    },
    {
      id: "activity-work-training",
      kind: "activity",
      label:
        "Work training and job matching built on each participant's resources, experience and wishes, including low-threshold work training at Lokalt's café and second-hand shop",
      labels: {
        nb: "NorA legger stor vekt på å bygge på den enkeltes ressurser, tidligere arbeidserfaring og ønsker i prosessen med å skaffe arbeid",
      },
      source: nora2024(
        { section: ["Arbeidsrettet oppfølging", "Samarbeid med Bærekraftige Liv – Lokalt"] },
        "132-139, 269-273",
      ),
    },
    {
      id: "activity-employer-follow-up",
      kind: "activity",
      label:
        "Employer follow-up (bedriftsoppfølging) inspired by Supported Employment: «place, then train» and close follow-up at the workplace; regional market network",
      labels: {
        nb: "Supported Employment metodikk har vært en viktig inspirasjonskilde for arbeidet i NorA",
      },
      tags: ["supported-employment"],
      source: nora2021({ section: "3.4" }, "250"),
    },
    {
      id: "activity-follow-up-in-work",
      kind: "activity",
      label: "Follow-up ends six months after the participant starts paid work",
      labels: { nb: "Oppfølging fra NorA opphører seks måneder etter oppstart i lønnet arbeid" },
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "145-146"),
    },
    {
      id: "mechanism-trusting-relation",
      kind: "mechanism",
      label:
        "A safe and trusting relation to the adviser, which research shows is decisive for participants reaching their goals",
      labels: {
        nb: "Forskning viser at en god relasjon til sin veileder er avgjørende for at deltaker skal lykkes med å nå sine mål",
      },
      source: nora2021({ section: "3.1" }, "200"),
    },
    {
      id: "mechanism-community",
      kind: "mechanism",
      label:
        "Talking together and sharing experiences makes participants responsible; they experience community, build networks and speak as much Norwegian as possible",
      labels: { nb: "Gjennom å snakke sammen og dele erfaringer ansvarligjøres deltakerne" },
      source: nora2024({ section: "Gruppeveiledning" }, "153-155"),
    },
    {
      id: "mechanism-early-work-focus",
      kind: "mechanism",
      label:
        "An early look at work: new participants join groups while suitable work or work-oriented activity is sought",
      labels: { nb: "Det har vært et mål for NorA å rette et tidlig blikk på arbeid for deltakerne" },
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "124-126"),
    },
    {
      id: "mechanism-insight-into-occupations",
      kind: "mechanism",
      label: "Work training gives insight into wholly new occupations that participants then pursue",
      labels: {
        nb: "En del deltakere får gjennom arbeidstrening innsikt i helt nye yrker som de følger videre",
      },
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "138-139"),
    },
    {
      id: "outcome-norwegian-practice",
      kind: "outcome",
      horizon: "short",
      label: "Participants practise Norwegian",
      labels: { nb: "deltakerne skal trene norsk språk" },
      source: nora2024({ section: "NorA - norsk og arbeid" }, "22"),
    },
    {
      id: "outcome-work",
      kind: "outcome",
      horizon: "intermediate",
      label: "Ordinary work (60 % of participants)",
      labels: { nb: "60% av deltakere skal komme i ordinært arbeid" },
      source: nora2024({ section: "NorA - norsk og arbeid" }, "23"),
    },
    {
      id: "outcome-education",
      kind: "outcome",
      horizon: "intermediate",
      label: "Education (10 % of participants)",
      labels: { nb: "10% skal komme ut i utdanning" },
      source: nora2024({ section: "NorA - norsk og arbeid" }, "23-24"),
    },
    {
      id: "outcome-other-benefits",
      kind: "outcome",
      horizon: "intermediate",
      label: "The remaining 30 % clarified to other social-security rights (2021 target)",
      labels: { nb: "resterende 30% skal avklares til andre trygderettigheter" },
      source: nora2021({ section: "1.0" }, "47"),
    },
    {
      id: "outcome-stays-in-work",
      kind: "outcome",
      horizon: "long",
      label: "Still in work six months after starting",
      labels: { nb: "Hoveddelen av deltakere som avsluttes til arbeid er fortsatt i jobb etter 6 måneder" },
      source: nora2021({ section: "3.4" }, "254"),
    },
    {
      id: "impact-self-supporting",
      kind: "impact",
      label: "Economically self-supporting",
      labels: { nb: "økonomisk selvforsørget" },
      source: nora2024({ section: ["Innledning", "NorA - norsk og arbeid"] }, "15-17, 22-23"),
    },
  ],
  links: [
    {
      from: "problem-not-self-supporting",
      to: "activity-referral",
      source: nora2024({ section: ["Innledning", "Målgruppe NorA"] }, "15-17, 39"),
    },
    {
      from: "problem-no-functional-norwegian",
      to: "activity-language-groups",
      source: nora2021({ section: "3.3.2" }, "242"),
    },
    { from: "input-staff", to: "activity-individual-follow-up", kind: "enables" },
    {
      from: "activity-referral",
      to: "activity-individual-follow-up",
      source: nora2024({ section: "Individuell oppfølging" }, "92"),
    },
    {
      from: "activity-individual-follow-up",
      to: "mechanism-trusting-relation",
      kind: "triggers",
      source: nora2024({ section: "Individuell oppfølging" }, "92-93"),
    },
    {
      from: "activity-motivational-interviewing",
      to: "mechanism-trusting-relation",
      kind: "contributes",
      source: nora2021({ section: "3.1" }, "200-202"),
    },
    {
      from: "activity-group-guidance",
      to: "mechanism-community",
      kind: "triggers",
      source: nora2024({ section: "Gruppeveiledning" }, "153-155"),
    },
    {
      from: "activity-language-groups",
      to: "mechanism-community",
      kind: "triggers",
      source: nora2024({ section: "Gruppeveiledning" }, "190-191, 205"),
    },
    {
      from: "activity-group-guidance",
      to: "mechanism-early-work-focus",
      kind: "triggers",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "124-126"),
    },
    {
      from: "activity-introduction-group",
      to: "outcome-work",
      source: nora2024({ section: "Gruppeveiledning" }, "172-174"),
    },
    { from: "activity-digital-competence", to: "outcome-work", kind: "contributes" },
    {
      from: "activity-work-training",
      to: "mechanism-insight-into-occupations",
      kind: "triggers",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "138-139"),
    },
    { from: "activity-employer-follow-up", to: "outcome-work", source: nora2021({ section: "3.4" }, "250") },
    {
      from: "activity-follow-up-in-work",
      to: "outcome-stays-in-work",
      source: nora2021({ section: "3.4" }, "254"),
    },
    { from: "activity-individual-follow-up", to: "outcome-other-benefits", kind: "contributes" },
    { from: "mechanism-trusting-relation", to: "outcome-work", source: nora2021({ section: "3.1" }, "200") },
    {
      from: "mechanism-community",
      to: "outcome-norwegian-practice",
      source: nora2024({ section: "Gruppeveiledning" }, "154-155"),
    },
    {
      from: "mechanism-early-work-focus",
      to: "outcome-work",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "124-126"),
    },
    {
      from: "mechanism-insight-into-occupations",
      to: "outcome-work",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "136-139"),
    },
    { from: "mechanism-insight-into-occupations", to: "outcome-education", kind: "contributes" },
    {
      from: "outcome-norwegian-practice",
      to: "outcome-work",
      kind: "contributes",
      source: nora2024({ section: "NorA - norsk og arbeid" }, "22-23"),
    },
    { from: "outcome-work", to: "outcome-stays-in-work" },
    {
      from: "outcome-stays-in-work",
      to: "impact-self-supporting",
      source: nora2024({ section: "NorA - norsk og arbeid" }, "22-23"),
    },
    {
      from: "outcome-education",
      to: "impact-self-supporting",
      kind: "contributes",
      source: nora2024({ section: "Oppsummering" }, "4-5"),
    },
    {
      from: "context-diverse-group",
      to: "activity-work-training",
      kind: "moderates",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "131-132"),
    },
  ],
  indicators: [
    {
      id: "indicator-exits-to-work",
      nodeId: "outcome-work",
      name: "Share of planned exits to ordinary paid work",
      definition:
        "Exits to paid work over planned exits (planmessig avsluttet). 2024: 27 of 84 [derived: 32.1 %]. 2021: 44 of 102; a participant is exited to work when no longer dependent on a municipal benefit.",
      measure: "proportion",
      numerator: "participants exited to paid work",
      denominator: "participants exited as planned in the year",
      direction: "increase",
      targets: [
        {
          value: 0.6,
          date: "2024",
          note: "«Det er ønskelig at 60% av deltakere skal komme i ordinært arbeid»",
        },
      ],
      meansOfVerification: "NorA's annual results (exit registrations)",
      source: "NAV case records (exit to work when the municipal benefit stops)",
      frequency: "yearly",
      provenance: {
        ...nora2024({ section: ["NorA - norsk og arbeid", "Resultater 2024"] }, "23, 77-82, nora-2021:102"),
        note: "The 2021 figures and the exit-to-work rule: NorA «Årsrapport 2021», section 2.1 Henvisninger og deltakere (pp. 6–8).",
      },
    },
    {
      id: "indicator-exits-to-education",
      nodeId: "outcome-education",
      name: "Share of planned exits to education",
      definition: "Exits to education over planned exits. 2024: 15 of 84 [derived: 17.9 %].",
      measure: "proportion",
      numerator: "participants exited to education",
      denominator: "participants exited as planned in the year",
      direction: "increase",
      targets: [{ value: 0.1, date: "2024" }],
      meansOfVerification: "NorA's annual results",
      source: "NAV case records",
      frequency: "yearly",
      provenance: nora2024({ section: ["NorA - norsk og arbeid", "Resultater 2024"] }, "23-24, 77-80"),
    },
    {
      id: "indicator-other-benefits",
      nodeId: "outcome-other-benefits",
      name: "Share of exits clarified to other social-security rights",
      definition:
        "2021 result target: the remaining 30 % clarified to other social-security rights. 2024: 17 of 84 exits to health-related benefits.",
      measure: "proportion",
      numerator: "participants exited to health-related or other benefits",
      denominator: "participants exited as planned in the year",
      direction: "maintain",
      targets: [{ value: 0.3, date: "2021" }],
      meansOfVerification: "NorA's annual results",
      source: "NAV case records",
      provenance: {
        ...nora2021({ section: "1.0" }, "47, nora-2024:77-82"),
        note: "The 2024 figure: NorA annual report 2024, section «Resultater 2024».",
      },
    },
    {
      id: "indicator-still-in-work",
      nodeId: "outcome-stays-in-work",
      name: "Still in work after six months",
      definition:
        "Participants exited to work are followed up for six months; «the main part» are still in work after six months (2021, no figure).",
      measure: "proportion",
      numerator: "participants exited to work who are still in work after six months",
      denominator: "participants exited to work",
      direction: "increase",
      meansOfVerification: "NorA's six-month follow-up",
      source: "NorA follow-up records",
      provenance: nora2021({ section: "3.4" }, "254"),
    },
  ],
  targetGroup: {
    description:
      "Immigrants in Bergen on the qualification programme or on economic social assistance, from all city districts.",
    eligibility: [
      "Participants in the qualification programme (KVP)",
      "People coming from the introduction programme who apply for economic social assistance or the qualification benefit",
      "Long-term recipients of economic social assistance without a right to KVP who need follow-up to reach work and self-support",
    ],
    recruitment:
      "Referral by the participant's local NAV office; Ny sjanse is a similar measure for immigrants in KVP, and the participant's wish is taken into account.",
    size: {
      enrolled: 221,
      period: "2024",
      note: "221 unique participants; 133 active at year end (92 women, 41 men); 91 new referrals (60 women, 31 men). Over 600 participants since 2019.",
    },
    source: nora2024({ section: ["Innledning", "Målgruppe NorA", "Resultater 2024"] }, "17, 26-41, 72-77"),
  },
  components: [
    {
      id: "component-introduction-group",
      label: "Introduction group",
      nodeId: "activity-introduction-group",
      duration: { amount: 6, unit: "weeks" },
      deliveredBy: "several advisers, for a group of about 10",
      source: nora2024({ section: "Gruppeveiledning" }, "172-174"),
    },
    {
      id: "component-follow-up-in-work",
      label: "Follow-up in paid work",
      nodeId: "activity-follow-up-in-work",
      duration: { amount: 6, unit: "months", note: "after the start of paid work" },
      deliveredBy: "adviser",
      source: nora2024({ section: "Arbeidsrettet oppfølging" }, "145-146"),
    },
  ],
  assumptions: [
    {
      id: "assumption-relation",
      text: "A good relation to the adviser is decisive for the participant reaching their goals.",
      kind: "theoretical",
      appliesTo: ["mechanism-trusting-relation"],
      source: nora2021({ section: "3.1" }, "200"),
    },
  ],
  uncertainties: [
    {
      id: "uncertainty-equal-part",
      question:
        "Does NorA make participants get into work or leave social assistance or the qualification benefit, during or after participation? The Equal-part study (HVL) includes an RCT of NorA.",
      priority: "high",
      phase: "evaluation",
      about: ["outcome-work", "impact-self-supporting"],
    },
  ],
  source: citeRecord(
    "nora2024",
    {},
    "1-301, nora-2021:43-260",
    "The whole 2024 report, with NorA's «Årsrapport 2021» (sections 1.0–3.4) for Motivational Interviewing, the 2021 result targets and the Supported Employment inspiration.",
  ),
  extensions: { dataQualityFlags: flags },
};
