import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nySjanse } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "exit-categories",
    message:
      "The nine exit categories sum to 87, not to the 91 planned exits (the difference equals the 4 who moved out of the municipality), and «Arbeid 43 - 50 %» cannot be reproduced: 43/91 = 47.3 %, 43/87 = 49.4 %.",
    source: nySjanse({ section: "3.2" }, "262-282"),
  },
  {
    id: "denominator-wording",
    message:
      "The report says «50 % av deltakerne» and «Halvparten av deltakerne» went into work; 43 of the 212 participants is 20.3 %. The 50 % is a share of exits.",
    source: nySjanse({ section: ["3.2", "7"] }, "256, 266, 295, 1953-1955"),
  },
];

/**
 * Ny sjanse, Bergen kommune: the qualification centre for immigrants that runs the qualification
 * programme (KVP) as a paid, full-day programme of Norwegian, career guidance, work training (with the
 * Mat & prat kitchen and café) and close follow-up, read from its annual report for 2024
 * («Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere»).
 * The report states no explicit programme theory; the links follow its own statements of what each
 * component is for. Jobbsjansen, a separate IMDi-funded project described in the same report, is not
 * part of this record.
 */
export const nySjanseTheory: TheorySpec = {
  id: "ny-sjanse",
  title: "Ny sjanse – qualification centre for immigrants",
  lang: "en",
  labels: { nb: "Ny sjanse, Kvalifiseringssenter for innvandrere" },
  description:
    "Started in 2005 as a trial of paid qualification modelled on the Introduction Act for immigrants who after several years in Norway had no firm attachment to the labour market and depended on social assistance; since 2008 run under the qualification-programme rules as part of NAV in Bergen.",
  programme: "Ny sjanse (Kvalifiseringsprogrammet)",
  organisation: "Bergen kommune, NAV Bergenhus",
  municipality: "Bergen",
  nodes: [
    {
      id: "problem-no-attachment",
      kind: "problem",
      label:
        "Immigrants who after several years in Norway have no firm attachment to the labour market and depend on social assistance",
      labels: {
        nb: "innvandrere som etter flere år i Norge ikke hadde fast tilknytning til arbeidsmarkedet og var avhengig av sosialhjelp",
      },
      stakeholder: "NAV / Bergen kommune",
      source: nySjanse({ section: "1.1" }, "9-13"),
    },
    {
      id: "problem-barriers",
      kind: "problem",
      label: "Many participants have limited schooling, little work experience and heavy caring duties",
      labels: { nb: "mange har begrenset skolegang, lite arbeidserfaring og store omsorgsforpliktelser" },
      stakeholder: "Ny sjanse",
      source: nySjanse({ section: "7" }, "1955-1957"),
    },
    {
      id: "context-ukraine",
      kind: "context",
      label:
        "More participants from Ukraine with collective protection: a shorter introduction programme and limited Norwegian training; many highly educated but with slow progress in Norwegian",
      labels: {
        nb: "Siden oppholdsgrunnlaget er kollektiv beskyttelse, har de fått et kortere introduksjonsprogram og begrenset tilgang til norskopplæring",
      },
      source: nySjanse({ section: "7" }, "1985-1991"),
    },
    {
      id: "input-staff-and-stipend",
      kind: "input",
      label:
        "18 staff (1 leader, 9 advisers, a Norwegian teacher; Mat & prat: a department head, cooks and café supervisors) and the qualification benefit of 2G a year",
      labels: { nb: "I 2024 har vi hatt 18 ansatte ved kvalifiseringssenteret. 9 veiledere" },
      source: nySjanse({ section: ["2.2", "4.2"] }, "126-142, 335-339"),
    },
    {
      id: "activity-paid-programme",
      kind: "activity",
      label:
        "A paid, full-day qualification programme following working-life rules: the benefit is reduced for invalid absence",
      labels: {
        nb: "En følger arbeidslivets regler med hensyn til sykefravær eller lignende. Stønaden blir redusert ved ugyldig fravær",
      },
      source: nySjanse({ section: "4.2" }, "335-351"),
    },
    {
      id: "activity-norwegian",
      kind: "activity",
      label:
        "Norwegian at Bergen læringssenter, usually 12 or 18 hours a week over 2-3 days, with Norwegian training at the work placement every second or third week",
      labels: { nb: "De fleste deltakerne får tilbud om enten 12 eller 18 timer norskundervisning per uke" },
      tags: ["norwegian-training"],
      source: nySjanse({ section: "4.3.1" }, "363-383"),
    },
    {
      id: "activity-digital",
      kind: "activity",
      label: "Digital Norwegian (Min vei, I arbeidslivet Digital, Basar) and basic digital-skills training",
      labels: { nb: "Norskopplæring – digitalt. Stort behov for dataopplæring" },
      tags: ["digital-tools"],
      source: nySjanse({ section: "4.3.3" }, "426-452"),
    },
    {
      id: "activity-career-guidance",
      kind: "activity",
      label:
        "Career guidance in groups: three closed course series of 11 sessions in 2024 on self-development, values and goals, education and labour-market options, networks, interview and CV practice",
      labels: { nb: "I 2024 gjennomførte vi 3 lukkede kursrekker, hvor hvert kurs bestod av 11 samlinger" },
      tags: ["career-guidance"],
      source: nySjanse({ section: "4.3.3" }, "536-572"),
    },
    {
      id: "activity-mat-og-prat",
      kind: "activity",
      label:
        "Mat & prat: practical and theoretical training in a production kitchen, café and canteen, following IK-Mat, with vocational Norwegian taught jointly by a cook and the Norwegian teacher",
      labels: {
        nb: "To økter i uka har norsklærer og kokk samkjørt undervisning av teori relatert til Restaurant- og matfag",
      },
      tags: ["alternative-training-model", "norwegian-training"],
      source: nySjanse({ section: "5.1" }, "1359-1369, 1425-1441"),
    },
    {
      id: "activity-work-training",
      kind: "activity",
      label:
        "Work training early in the programme, usually combined with Norwegian, at a placement in the participant's field, with close follow-up by the adviser",
      labels: {
        nb: "Tidlig i kvalifiseringsløpet legges det inn arbeidstrening – oftest kombinert med norskundervisning",
      },
      source: nySjanse({ section: "4.3.5" }, "934-948"),
    },
    {
      id: "activity-close-follow-up",
      kind: "activity",
      label:
        "One adviser through the whole programme who coordinates measures, is available, and works with the GP, the family and the placement",
      labels: {
        nb: "Hver enkel deltaker får tildelt en veileder som følger dem gjennom hele kvalifiseringsløpet",
      },
      tags: ["supported-employment"],
      source: nySjanse({ section: "4.5" }, "1231-1261"),
    },
    {
      id: "activity-job-placement",
      kind: "activity",
      label:
        "Job placement through job clubs, placements in ordinary firms, networks, staffing agencies, employer agreements, NAV market coordinators and wage subsidies",
      labels: { nb: "Ulike tiltak har bidratt til arbeidsformidling" },
      source: nySjanse({ section: "4.6" }, "1306-1326"),
    },
    {
      id: "mechanism-employer-tryout",
      kind: "mechanism",
      label:
        "Employers can try out whether the employment works before hiring, saving recruitment and wage costs",
      labels: {
        nb: "Arbeidsgivere sparer rekrutterings – og lønnsutgifter. I tillegg får de i forkant teste ut om arbeidsforhold fungerer før en ansettelse",
      },
      source: nySjanse({ section: "4.3.5" }, "956-960"),
    },
    {
      id: "mechanism-placement-to-job",
      kind: "mechanism",
      label:
        "Participants get work through their placements; a placement without a job still gives training and a reference",
      labels: { nb: "Erfaringsvis er det gjennom praksisplasser våre deltakere får arbeid" },
      source: nySjanse({ section: ["4.3.5", "4.6"] }, "944-948, 1308-1310"),
    },
    {
      id: "mechanism-language-in-practice",
      kind: "mechanism",
      label:
        "Learning language in practice and in theory together with the subject, with vocabulary processed with the Norwegian teacher",
      labels: { nb: "deltakeren mulighet til å lære språk i praksis og gjennom teoretisk undervisning" },
      source: nySjanse({ section: "5.1" }, "1437-1441"),
    },
    {
      id: "mechanism-reflection",
      kind: "mechanism",
      label:
        "Guidance in the group strengthens each participant's reflection on own situation, wishes, options and strengths",
      labels: {
        nb: "bruke veiledning i gruppen for å styrke den enkeltes refleksjon rundt egen situasjon, ønsker, muligheter og styrker",
      },
      source: nySjanse({ section: "4.3.3" }, "550-554"),
    },
    {
      id: "outcome-competence",
      kind: "outcome",
      horizon: "short",
      label:
        "Stronger competence and competitiveness in the labour market (kitchen, canteen, sales and service)",
      labels: {
        nb: "Målet er å styrke deltakernes kompetanse og gjøre dem mer konkurransedyktige på arbeidsmarkedet",
      },
      source: nySjanse({ section: "7" }, "2005-2009"),
    },
    {
      id: "outcome-meaningful-choices",
      kind: "outcome",
      horizon: "short",
      label: "Better equipped to make meaningful choices about education, learning and work",
      labels: {
        nb: "deltakerne kan bli bedre rustet til å ta meningsfulle valg knyttet til utdanning, læring og arbeid",
      },
      source: nySjanse({ section: "4.3.3" }, "548-550"),
    },
    {
      id: "outcome-work",
      kind: "outcome",
      horizon: "intermediate",
      label: "Exit to work",
      labels: { nb: "Arbeid" },
      source: nySjanse({ section: "3.2" }, "266, 295-299"),
    },
    {
      id: "outcome-education",
      kind: "outcome",
      horizon: "intermediate",
      label: "Exit to education",
      labels: { nb: "Utdanning" },
      source: nySjanse({ section: ["3.2", "7"] }, "268, 1957-1959"),
    },
    {
      id: "outcome-aap",
      kind: "outcome",
      horizon: "intermediate",
      label:
        "Where work is not possible for health reasons, help to apply for work assessment allowance (AAP)",
      labels: {
        nb: "I de tilfeller hvor det ikke er mulig å fortsette på grunn av helseutfordringer vil veileder bistå deltakeren i en eventuell søknad om AAP",
      },
      source: nySjanse({ section: "4.5" }, "1253-1257"),
    },
    {
      id: "impact-lasting-attachment",
      kind: "impact",
      label: "Lasting attachment to working life (NAV's main goal)",
      labels: { nb: "Navs hovedmål er at deltakerne skal få en varig tilknytning til arbeidslivet" },
      source: nySjanse({ section: "7" }, "1973"),
    },
    {
      id: "impact-families",
      kind: "impact",
      label:
        "Better family finances, and children with role models who master Norwegian and take part in working life",
      labels: {
        nb: "bedre økonomi i familiene og gir barna viktige rollemodeller som behersker norsk og deltar i arbeidslivet",
      },
      source: nySjanse({ section: "7" }, "1975-1981"),
    },
  ],
  links: [
    {
      from: "problem-no-attachment",
      to: "activity-paid-programme",
      source: nySjanse({ section: "1.1" }, "9-13"),
    },
    {
      from: "problem-barriers",
      to: "activity-close-follow-up",
      source: nySjanse({ section: "7" }, "1955-1965"),
    },
    { from: "input-staff-and-stipend", to: "activity-paid-programme", kind: "enables" },
    { from: "activity-paid-programme", to: "activity-work-training" },
    { from: "activity-norwegian", to: "outcome-competence", kind: "contributes" },
    { from: "activity-digital", to: "outcome-competence", kind: "contributes" },
    {
      from: "activity-career-guidance",
      to: "mechanism-reflection",
      kind: "triggers",
      source: nySjanse({ section: "4.3.3" }, "550-554"),
    },
    {
      from: "activity-mat-og-prat",
      to: "mechanism-language-in-practice",
      kind: "triggers",
      source: nySjanse({ section: "5.1" }, "1437-1441"),
    },
    {
      from: "activity-work-training",
      to: "mechanism-employer-tryout",
      kind: "triggers",
      source: nySjanse({ section: "4.3.5" }, "956-960"),
    },
    {
      from: "activity-work-training",
      to: "mechanism-placement-to-job",
      kind: "triggers",
      source: nySjanse({ section: "4.3.5" }, "944-948"),
    },
    { from: "activity-job-placement", to: "outcome-work", source: nySjanse({ section: "4.6" }, "1306-1310") },
    {
      from: "activity-close-follow-up",
      to: "outcome-aap",
      source: nySjanse({ section: "4.5" }, "1253-1257"),
    },
    {
      from: "activity-close-follow-up",
      to: "outcome-work",
      kind: "contributes",
      source: nySjanse({ section: "7" }, "1963-1965"),
    },
    {
      from: "mechanism-reflection",
      to: "outcome-meaningful-choices",
      source: nySjanse({ section: "4.3.3" }, "548-554"),
    },
    {
      from: "mechanism-language-in-practice",
      to: "outcome-competence",
      source: nySjanse({ section: "7" }, "2003-2009"),
    },
    {
      from: "mechanism-employer-tryout",
      to: "outcome-work",
      source: nySjanse({ section: "4.3.5" }, "956-960"),
    },
    {
      from: "mechanism-placement-to-job",
      to: "outcome-work",
      source: nySjanse({ section: "4.3.5" }, "946-948"),
    },
    { from: "outcome-meaningful-choices", to: "outcome-education", kind: "contributes" },
    { from: "outcome-competence", to: "outcome-work", source: nySjanse({ section: "7" }, "2007-2009") },
    { from: "outcome-work", to: "impact-lasting-attachment", source: nySjanse({ section: "7" }, "1973") },
    {
      from: "outcome-education",
      to: "impact-lasting-attachment",
      kind: "contributes",
      source: nySjanse({ section: "7" }, "1957-1959"),
    },
    {
      from: "impact-lasting-attachment",
      to: "impact-families",
      source: nySjanse({ section: "7" }, "1975-1981"),
    },
    {
      from: "context-ukraine",
      to: "outcome-competence",
      kind: "moderates",
      source: nySjanse({ section: "7" }, "1985-1991"),
    },
  ],
  indicators: [
    {
      id: "indicator-exits-to-work",
      nodeId: "outcome-work",
      name: "Share of planned exits to work",
      definition:
        "2024: 43 exits to work, reported as 50 % [derived: 47.3 % of the 91 planned exits; 49.4 % of the 87 classified exits; see the flag].",
      measure: "proportion",
      numerator: "participants exited to work",
      denominator: "participants exited as planned in the year",
      direction: "increase",
      meansOfVerification: "Ny sjanse's annual results per 31 December",
      source: "NAV case records",
      frequency: "yearly",
      provenance: nySjanse({ section: "3.2" }, "252-266"),
    },
    {
      id: "indicator-exits-to-education",
      nodeId: "outcome-education",
      name: "Share of planned exits to education",
      definition: "2024: 10 exits to education, reported as 11 %.",
      measure: "proportion",
      numerator: "participants exited to education",
      denominator: "participants exited as planned in the year",
      direction: "increase",
      meansOfVerification: "Ny sjanse's annual results per 31 December",
      source: "NAV case records",
      frequency: "yearly",
      provenance: nySjanse({ section: "3.2" }, "262, 268"),
    },
    {
      id: "indicator-exits-to-aap",
      nodeId: "outcome-aap",
      name: "Planned exits to work assessment allowance (AAP)",
      definition: "2024: 18 exits to AAP, reported as 21 %.",
      measure: "count",
      unit: "participants",
      direction: "maintain",
      meansOfVerification: "Ny sjanse's annual results per 31 December",
      source: "NAV case records",
      provenance: nySjanse({ section: "3.2" }, "262, 270"),
    },
  ],
  targetGroup: {
    description:
      "Immigrants of working age in Bergen with substantially reduced work and income capacity and no or limited benefits, referred by their local NAV office to the qualification programme (KVP).",
    eligibility: [
      "Working age, with substantially reduced work and income capacity and no or limited subsistence benefits under the National Insurance Act or the Labour Market Act (Social Services Act § 29)",
      "Has had a work-ability assessment",
      "Close and coordinated assistance through the programme is judged appropriate and necessary",
      "NAV can offer an adapted programme",
    ],
    recruitment: "Referral from the local NAV office; city-wide. 86 referrals in 2024 (56 women, 30 men).",
    size: {
      enrolled: 212,
      period: "2024",
      note: "212 participants in 2024; 91 planned exits, 2 dropouts, 4 moved out of the municipality.",
    },
    source: nySjanse({ section: ["1.2", "3.1", "3.2"] }, "35-65, 245, 256-262"),
  },
  components: [
    {
      id: "component-norwegian",
      label: "Norwegian at Bergen læringssenter",
      nodeId: "activity-norwegian",
      dose: "12 or 18 hours a week, usually over 2-3 days",
      deliveredBy: "Bergen læringssenter (Nygård skole)",
      tags: ["norwegian-training"],
      source: nySjanse({ section: "4.3.1" }, "363-369"),
    },
    {
      id: "component-career-guidance",
      label: "Career-guidance course series",
      nodeId: "activity-career-guidance",
      dose: { amount: 11, unit: "sessions", note: "per closed course series; three series in 2024" },
      deliveredBy: "Ny sjanse",
      tags: ["career-guidance"],
      source: nySjanse({ section: "4.3.3" }, "546"),
    },
  ],
  assumptions: [
    {
      id: "assumption-success-factors",
      text: "The results come from the individually adapted, targeted full-day programme, close follow-up and good relations with employers.",
      kind: "theoretical",
      appliesTo: ["activity-close-follow-up"],
      source: nySjanse({ section: "7" }, "1963-1965"),
    },
  ],
  source: citeRecord(
    "nySjanse2024",
    { section: ["1", "2", "3", "4", "5", "7"] },
    "1-1578, 1951-2017",
    "The Ny sjanse (KVP) and Mat & prat parts of the report; section 6.1 on Jobbsjansen is not used.",
  ),
  extensions: { dataQualityFlags: flags },
};
