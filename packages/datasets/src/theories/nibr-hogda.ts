import type { TheorySpec } from "@tiltak/theory";
import { citeRecord, type DataQualityFlag, nibr } from "./sources.js";

const flags: DataQualityFlag[] = [
  {
    id: "helper-count-may-2020",
    message:
      "For May 2020 the chapter gives «9 hjelpere og 8 mottakere» in one place and «åtte personer som arbeider som nabohjelper» in another. targetGroup.size keeps the 10 helpers of the target and notes both.",
    source: nibr({ chapter: "7" }, "3386-3387, 3512-3513"),
  },
  {
    id: "table-3.2-hogda-row",
    message:
      "Table 3.2's Høgda row has only two marks and the text extraction lost their columns. The report's text says integrated Norwegian is found in all projects but one; by elimination that one is Høgda. The record reads the two marks as alternative training models (learning working-life norms through the work itself and the monthly gatherings) and elements of Supported Employment (close follow-up by the social entrepreneur beyond what an ordinary employer gives).",
    source: nibr({ chapter: ["3", "7"], table: "3.2" }, "1047-1057, 1140-1141, 3302-3306, 3752-3758"),
  },
  {
    id: "motivation-not-the-problem",
    message:
      "The adjusted theory's mechanism «work experience increases motivation» breaks with the stated problem: the project owners never described the target group as lacking motivation, and the helpers did not appear unmotivated.",
    source: nibr({ chapter: "7" }, "3698-3722"),
  },
];

/**
 * «Høgda bydel»: Nabohjelpen (neighbour help), paid part-time work for immigrant women with a social
 * entrepreneur as employer (NIBR-rapport 2020:13, chapter 7, thematic area 2). The record is the
 * adjusted programme theory of Figure 7.2, which asks whether the collaboration with a social
 * entrepreneur, rather than the content, generates integrating effects.
 */
export const nibrHogda: TheorySpec = {
  id: "nibr-hogda",
  title: "Nabohjelpen (neighbour help)",
  lang: "en",
  labels: { nb: "Nabohjelpen" },
  description:
    "Immigrant women far from working life are employed by a social entrepreneur in 20 % positions as neighbour-helpers, mostly taking other families' children to and from kindergarten or after-school care, so that single parents can work, study or take part in work-oriented measures. The work experience itself is meant to be a springboard into working life.",
  programme: "Nabohjelpen",
  organisation:
    "«Høgda» city district and NAV «Høgda», which buys the service from a social entrepreneur (the employer)",
  municipality: "«Høgda bydel» (pseudonym; a district of Oslo)",
  version: "2",
  status: "adjusted",
  nodes: [
    {
      id: "problem-work-experience",
      kind: "problem",
      label:
        "Immigrant women take part in working life less than immigrant men because they lack work experience",
      labels: {
        nb: "innvandrerkvinner i mindre grad enn innvandrermenn deltar i arbeidslivet, fordi de mangler arbeidserfaring",
      },
      stakeholder: "project owners (the social entrepreneur and NAV Høgda)",
      source: nibr({ chapter: "7" }, "3086-3091"),
    },
    {
      id: "problem-networks",
      kind: "problem",
      label:
        "Small social networks, especially for women who came by family reunification (no right to the introduction programme), and missing basic skills such as e-mail or BankID",
      labels: { nb: "kvinners samfunnsdeltakelse er lavere enn menn fordi de ofte har små sosiale nettverk" },
      stakeholder: "project owners (the social entrepreneur and NAV Høgda)",
      source: nibr({ chapter: "7" }, "3093-3101"),
    },
    {
      id: "problem-benefit-dependence",
      kind: "problem",
      label:
        "Women who find it hard to enter the labour market depend on social benefits, which affects the family's finances",
      labels: { nb: "de avhengig av sosiale ytelser, noe som i sin tur virker inn på familiens økonomi" },
      stakeholder: "project owners (the social entrepreneur and NAV Høgda)",
      source: nibr({ chapter: "7" }, "3100-3102"),
    },
    {
      id: "problem-recipients",
      kind: "problem",
      label:
        "Single parents (and others under work-oriented follow-up) have working hours that make it hard to hold a job and follow up their children",
      labels: { nb: "Disse familiene har arbeidstider gjør det vanskelig å stå i arbeid og følge opp barn" },
      stakeholder: "recipients of neighbour help",
      source: nibr({ chapter: "7" }, "3102-3106"),
    },
    {
      id: "context-district",
      kind: "context",
      label:
        "Oslo district with living-conditions challenges; Oslo unemployment rose from 3.3 % (3 March 2020) to 7.6 % (9 June 2020)",
      labels: { nb: "I overkant av 30 prosent innvandrere" },
      source: nibr({ chapter: "7" }, "3076-3082"),
    },
    {
      id: "input-funding",
      kind: "input",
      label:
        "IMDi grant to NAV, which buys the service from the social entrepreneur: NOK 1,036,000 in 2019 (helper salaries 480,000; project management 536,000; seminars 20,000)",
      labels: {
        nb: "Midlene overføres til NAV Høgda, som igjen kjøper en tjeneste av den sosiale entreprenøren",
      },
      source: nibr({ chapter: "7" }, "3180-3191"),
    },
    {
      id: "input-collaboration",
      kind: "input",
      label:
        "Collaboration between NAV and the social entrepreneur: an agreement on the division of tasks, clarified goals, trust and time to collaborate",
      labels: { nb: "samarbeidet mellom den sosiale entreprenøren og NAV" },
      source: nibr({ chapter: "7", figure: "7.2" }, "3597-3611"),
    },
    {
      id: "activity-recruitment",
      kind: "activity",
      label:
        "NAV identifies recipients and neighbour-helper candidates: immigrant women with little work experience who need qualification, work and income",
      labels: { nb: "NAV i bydelen identifiserer både mottakere og nabohjelpere" },
      source: nibr({ chapter: "7" }, "3223-3239"),
    },
    {
      id: "activity-job-interview",
      kind: "activity",
      label:
        "Real job interview with the social entrepreneur, used afterwards for a talk about what matters in job interviews",
      labels: { nb: "kandidatene får en opplevelse av å være på et reelt jobbintervju hos en arbeidsgiver" },
      source: nibr({ chapter: "7" }, "3252-3264"),
    },
    {
      id: "activity-paid-position",
      kind: "activity",
      label: "Paid 20 % position with the social entrepreneur as employer, under ordinary working-life rules",
      labels: { nb: "får arbeid i en 20 prosent stilling" },
      source: nibr({ chapter: "7" }, "3108-3110, 3266-3272"),
    },
    {
      id: "activity-matching",
      kind: "activity",
      label:
        "Matching of helper and recipient on time, proximity and Norwegian level, with a contract and an adjustment period",
      labels: { nb: "Den sosiale entreprenøren matcher eller kopler mottakere og nabohjelpere" },
      source: nibr({ chapter: "7" }, "3282-3298"),
    },
    {
      id: "activity-gatherings",
      kind: "activity",
      label:
        "Monthly gatherings: laws, norms and culture of working life, contracts, personal finance, CV and interview training; participants learn working-life norms through experience",
      labels: { nb: "På den måten lærer de gjennom erfaring hva slags normer som gjelder i arbeidslivet" },
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "7" }, "3309-3330"),
    },
    {
      id: "activity-follow-up",
      kind: "activity",
      label:
        "Regular and close follow-up by the social entrepreneur, beyond what an ordinary employer gives, «seeing the whole person»",
      labels: {
        nb: "Nabohjelperne jevnlig og tett oppfølging av den sosiale entreprenøren, en oppfølging som går ut over det de ville fått av en ordinær arbeidsgiver",
      },
      tags: ["supported-employment"],
      source: nibr({ chapter: "7" }, "3302-3306, 3752-3758"),
    },
    {
      id: "activity-neighbour-help",
      kind: "activity",
      label:
        "Neighbour help for recipients: mostly taking children to and from kindergarten or after-school care, mostly in the mornings",
      labels: { nb: "Flertallet av nabohjelperne yter hjelp om morgenen" },
      stakeholder: "recipients of neighbour help",
      source: nibr({ chapter: "7" }, "3434-3439"),
    },
    {
      id: "output-helpers-employed",
      kind: "output",
      label: "Neighbour-helpers employed and recipients helped (the project's own measure of success)",
      labels: { nb: "hvor mange nabohjelpere som er ansatt og hvor mange mottakere som gis hjelp" },
      source: nibr({ chapter: "7" }, "3384-3387"),
    },
    {
      id: "mechanism-co-creation",
      kind: "mechanism",
      label:
        "Co-creation: working together, NAV and the social entrepreneur learn each other's logics (NAV got better at choosing candidates)",
      labels: { nb: "det å samarbeide om prosjektet gjør at man lærer om hverandres logikker" },
      source: nibr({ chapter: "7" }, "3635-3658"),
    },
    {
      id: "mechanism-working-life-logic",
      kind: "mechanism",
      label:
        "Employer responsibility: helpers meet a working-life logic, with a real employer's pay, rights and duties, rather than NAV's benefit logic",
      labels: {
        nb: "nabohjelperne blir møtt av en arbeidslivslogikk (med de rettigheter og plikter det medfører), fremfor en ytelseslogikk som hos NAV",
      },
      source: nibr({ chapter: "7" }, "3660-3696"),
    },
    {
      id: "mechanism-motivation",
      kind: "mechanism",
      label: "Experience from working life increases motivation for other work and larger positions",
      labels: { nb: "Erfaringer fra arbeidslivet vil gi økt motivasjon" },
      description: "See the flag «motivation-not-the-problem».",
      source: nibr({ chapter: "7" }, "3698-3710"),
    },
    {
      id: "mechanism-opportunity-space",
      kind: "mechanism",
      label:
        "The social entrepreneur as an «opportunity space»: other jobs in its commercial services and colleagues as role models",
      labels: { nb: "Den sosiale entreprenøren som «mulighetsrom»" },
      source: nibr({ chapter: "7" }, "3724-3750"),
    },
    {
      id: "mechanism-empowerment",
      kind: "mechanism",
      label: "Follow-up combined with empowerment (selvstendiggjøring)",
      labels: { nb: "Denne kombinasjonen av oppfølging og selvstendiggjøring" },
      source: nibr({ chapter: "7" }, "3760-3772"),
    },
    {
      id: "outcome-interview-experience",
      kind: "outcome",
      horizon: "short",
      label: "Experience of being in a job interview",
      labels: { nb: "Nabohjelpere får erfaring med å være på jobbintervju" },
      source: nibr({ chapter: "7" }, "3362-3365"),
    },
    {
      id: "outcome-working-life-knowledge",
      kind: "outcome",
      horizon: "short",
      label: "Knowledge of working life and practical experience of what is expected of an employee",
      labels: {
        nb: "Nabohjelpere gis kunnskap om arbeidslivet, og de får praktisk erfaring med hvilke forventninger som stilles til en arbeidstaker",
      },
      source: nibr({ chapter: "7" }, "3367-3368"),
    },
    {
      id: "outcome-local-knowledge",
      kind: "outcome",
      horizon: "short",
      label: "Knowledge of the local community",
      labels: { nb: "Nærmiljøkunnskap" },
      source: nibr({ chapter: "7" }, "3370"),
    },
    {
      id: "outcome-networks",
      kind: "outcome",
      horizon: "short",
      label: "Larger social networks",
      labels: { nb: "Større sosiale nettverk" },
      source: nibr({ chapter: "7" }, "3372"),
    },
    {
      id: "outcome-quality-of-life",
      kind: "outcome",
      horizon: "short",
      label: "Increased quality of life",
      labels: { nb: "Økt livskvalitet" },
      source: nibr({ chapter: "7" }, "3374"),
    },
    {
      id: "outcome-recipients-work",
      kind: "outcome",
      horizon: "intermediate",
      label: "Recipients can manage caring duties and stay in work, education or other qualification",
      labels: {
        nb: "hjelp til å håndtere forsørgeransvar slik at de kan stå i arbeid, utdanning eller annen kvalifisering",
      },
      stakeholder: "recipients of neighbour help",
      source: nibr({ chapter: "7" }, "3390-3392"),
    },
    {
      id: "outcome-springboard",
      kind: "outcome",
      horizon: "long",
      label: "The work experience works as a springboard into ordinary working life",
      labels: { nb: "selve arbeidserfaringen skal fungere som et «springbrett» inn i arbeidslivet" },
      source: nibr({ chapter: "7" }, "3108-3110"),
    },
    {
      id: "impact-womens-work",
      kind: "impact",
      label: "Increased work participation among immigrant women",
      labels: { nb: "Øke arbeidsdeltakelsen blant innvandrerkvinner" },
      source: nibr({ chapter: "7" }, "3353-3356"),
    },
    {
      id: "impact-child-poverty",
      kind: "impact",
      label: "Reduced child poverty",
      labels: { nb: "Redusere barnefattigdom" },
      source: nibr({ chapter: "7" }, "3358"),
    },
    {
      id: "impact-social-participation",
      kind: "impact",
      label: "Increased social participation",
      labels: { nb: "Økt samfunnsdeltakelse" },
      source: nibr({ chapter: "7" }, "3360"),
    },
  ],
  links: [
    {
      from: "problem-work-experience",
      to: "activity-paid-position",
      source: nibr({ chapter: "7" }, "3108-3110"),
    },
    { from: "problem-networks", to: "activity-gatherings" },
    { from: "problem-benefit-dependence", to: "activity-paid-position" },
    {
      from: "problem-recipients",
      to: "activity-neighbour-help",
      source: nibr({ chapter: "7" }, "3102-3106"),
    },
    {
      from: "input-funding",
      to: "activity-paid-position",
      kind: "enables",
      source: nibr({ chapter: "7" }, "3180-3182"),
    },
    {
      from: "input-collaboration",
      to: "activity-recruitment",
      kind: "enables",
      source: nibr({ chapter: "7" }, "3624-3631"),
    },
    {
      from: "input-collaboration",
      to: "mechanism-co-creation",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3635-3643"),
    },
    {
      from: "activity-recruitment",
      to: "mechanism-co-creation",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3637-3639"),
      rationale: "Working together on recruitment, NAV became better at choosing suitable candidates.",
    },
    { from: "activity-recruitment", to: "activity-job-interview" },
    { from: "activity-job-interview", to: "activity-paid-position" },
    { from: "activity-paid-position", to: "activity-matching" },
    { from: "activity-matching", to: "activity-neighbour-help" },
    {
      from: "activity-job-interview",
      to: "outcome-interview-experience",
      source: nibr({ chapter: "7" }, "3261-3264"),
    },
    { from: "activity-paid-position", to: "output-helpers-employed" },
    { from: "activity-neighbour-help", to: "output-helpers-employed" },
    {
      from: "activity-paid-position",
      to: "mechanism-working-life-logic",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3673-3679"),
    },
    {
      from: "activity-paid-position",
      to: "mechanism-motivation",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3706-3710"),
    },
    {
      from: "activity-paid-position",
      to: "mechanism-opportunity-space",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3730-3742"),
    },
    {
      from: "activity-follow-up",
      to: "mechanism-empowerment",
      kind: "triggers",
      source: nibr({ chapter: "7" }, "3760-3772"),
    },
    {
      from: "activity-gatherings",
      to: "outcome-working-life-knowledge",
      source: nibr({ chapter: "7" }, "3321-3330"),
    },
    {
      from: "activity-gatherings",
      to: "outcome-networks",
      kind: "contributes",
      source: nibr({ chapter: "7" }, "3309-3314"),
    },
    {
      from: "activity-neighbour-help",
      to: "outcome-recipients-work",
      source: nibr({ chapter: "7" }, "3389-3392"),
    },
    { from: "activity-neighbour-help", to: "outcome-local-knowledge", kind: "contributes" },
    {
      from: "mechanism-co-creation",
      to: "outcome-springboard",
      kind: "contributes",
      source: nibr({ chapter: "7" }, "3776-3779"),
    },
    {
      from: "mechanism-working-life-logic",
      to: "outcome-working-life-knowledge",
      source: nibr({ chapter: "7" }, "3694-3696"),
    },
    { from: "mechanism-motivation", to: "outcome-springboard", source: nibr({ chapter: "7" }, "3708-3710") },
    {
      from: "mechanism-opportunity-space",
      to: "outcome-springboard",
      source: nibr({ chapter: "7" }, "3741-3742, 3744-3747"),
    },
    { from: "mechanism-empowerment", to: "outcome-quality-of-life", kind: "contributes" },
    {
      from: "mechanism-empowerment",
      to: "outcome-springboard",
      kind: "contributes",
      source: nibr({ chapter: "7" }, "3770-3772"),
    },
    { from: "outcome-interview-experience", to: "outcome-springboard" },
    { from: "outcome-working-life-knowledge", to: "outcome-springboard" },
    { from: "outcome-networks", to: "impact-social-participation" },
    { from: "outcome-local-knowledge", to: "impact-social-participation" },
    { from: "outcome-quality-of-life", to: "impact-social-participation" },
    { from: "outcome-springboard", to: "impact-womens-work", source: nibr({ chapter: "7" }, "3389-3392") },
    {
      from: "output-helpers-employed",
      to: "impact-womens-work",
      source: nibr({ chapter: "7" }, "3389-3391"),
      rationale: "The project in itself gives ten women a 20 % position.",
    },
    {
      from: "outcome-recipients-work",
      to: "impact-womens-work",
      source: nibr({ chapter: "7" }, "3390-3392"),
    },
    { from: "impact-womens-work", to: "impact-child-poverty" },
    { from: "context-district", to: "outcome-springboard", kind: "moderates" },
  ],
  indicators: [
    {
      id: "indicator-helpers-employed",
      nodeId: "output-helpers-employed",
      name: "Neighbour-helpers employed",
      definition:
        "The project's own definition of goal attainment. Mostly 10 helpers in 2019 (range 8-10); 9 (or 8, see the flag) in May 2020. The 2020 grant was to expand from 10 to 15 helpers.",
      measure: "count",
      unit: "neighbour-helpers",
      direction: "increase",
      targets: [
        { value: 10, date: "2019" },
        { value: 15, date: "2020", note: "the 2020 grant finances five new helpers, from 10 to 15" },
      ],
      meansOfVerification: "Project reports to IMDi",
      source: "project reports",
      provenance: nibr({ chapter: "7" }, "3197-3199, 3384-3387, 3512-3513"),
    },
    {
      id: "indicator-recipients-helped",
      nodeId: "output-helpers-employed",
      name: "Recipients given help",
      definition: "Mostly 10 recipients in 2019; 8 in May 2020 (one recipient has two helpers).",
      measure: "count",
      unit: "recipient families",
      direction: "increase",
      targets: [{ value: 10, date: "2019" }],
      meansOfVerification: "Project reports to IMDi",
      source: "project reports",
      provenance: nibr({ chapter: "7" }, "3384-3387, 3389-3391"),
    },
    {
      id: "indicator-helper-survey",
      nodeId: "outcome-working-life-knowledge",
      name: "Helpers' self-reported attainment of the sub-goals",
      definition:
        "No documentation of helpers' skills before, during or after the project exists. The sub-goals could be measured by a survey of the helpers, translated into their mother tongues, preferably with audio tracks.",
      measure: "qualitative",
      direction: "increase",
      meansOfVerification: "Survey of neighbour-helpers in their mother tongue, with audio",
      source: "helper survey (proposed)",
      provenance: nibr({ chapter: "7" }, "3397-3400"),
    },
    {
      id: "indicator-ordinary-work",
      nodeId: "outcome-springboard",
      name: "Former helpers in ordinary work",
      definition:
        "Cannot be measured within the project period. In a pilot it would be necessary to set a fixed cap on how long a helper contract can last, e.g. one year. So far, those who left for other jobs did not get them because of the helper experience.",
      measure: "proportion",
      numerator: "former neighbour-helpers in ordinary work",
      denominator: "neighbour-helpers whose contract ended",
      direction: "increase",
      meansOfVerification: "Follow-up after a contract of fixed length (e.g. one year) in a pilot",
      provenance: nibr({ chapter: "7" }, "3392-3395, 3490-3500"),
    },
  ],
  targetGroup: {
    description:
      "Two target groups: neighbour-helpers (immigrant women far from working life who need work experience and income) and recipients (mainly single immigrant mothers whose caring duties block work, education or work-oriented measures). The evaluation focuses on the helpers; a pilot could look at effects for both.",
    eligibility: [
      "Helpers: immigrant women with no or little work experience, in need of qualification, work and income",
      "Helpers: able to work when the need is greatest, like children, motivated, punctual and conscientious; a police certificate is required",
      "Recipients: people whose working hours do not fit kindergarten or after-school opening times, within the 20 % frame and a reasonable distance",
    ],
    recruitment:
      "NAV Høgda identifies candidates from Jobbsjansen, KVP and the introduction programme; the social entrepreneur interviews and selects. 36 candidates identified (19 in spring and 17 in autumn 2019); 12 «declined».",
    size: {
      eligible: 36,
      enrolled: 10,
      period: "2019",
      note: "Mostly 10 helpers and 10 recipients in 2019; in May 2020 9 (or 8) helpers and 8 recipients. Five women left during autumn 2019 and spring 2020 for relevant work or full-time study.",
    },
    source: nibr({ chapter: "7" }, "3124-3130, 3223-3248, 3384-3387, 3505-3513"),
  },
  components: [
    {
      id: "component-position",
      label: "Paid position as neighbour-helper",
      nodeId: "activity-paid-position",
      dose: { amount: 20, unit: "percent of a full-time position" },
      duration:
        "contracts from 1 August 2019 to the end of the year, extended three months and then to the end of 2020; the project period ends at the end of 2020 (31.12.20)",
      deliveredBy: "social entrepreneur (employer)",
      source: nibr({ chapter: "7" }, "3108-3110, 3266-3272, 3500"),
    },
    {
      id: "component-gatherings",
      label: "Monthly gatherings",
      nodeId: "activity-gatherings",
      dose: {
        amount: 1,
        unit: "gathering",
        per: "month",
        note: "voluntary attendance; no explicit learning goals",
      },
      deliveredBy: "social entrepreneur",
      tags: ["alternative-training-model"],
      source: nibr({ chapter: "7" }, "3309-3330"),
    },
  ],
  assumptions: [
    {
      id: "assumption-springboard",
      text: "The work experience itself functions as a springboard into working life.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["outcome-springboard"],
      source: nibr({ chapter: "7" }, "3108-3110, 3779-3783"),
    },
    {
      id: "assumption-collaboration-adds-value",
      text: "The collaboration with a social entrepreneur, an organisational form rather than unique content, generates integrating effects beyond what NAV or the social entrepreneur can give alone.",
      kind: "theoretical",
      critical: true,
      status: "untested",
      appliesTo: ["mechanism-co-creation"],
      source: nibr({ chapter: "7" }, "3547-3558"),
    },
  ],
  factors: [
    {
      kind: "facilitator",
      text: "A small project group (four people) that shares its problem understanding; trust between the partners.",
      scope: "internal",
      source: nibr({ chapter: "7" }, "3524-3526, 3609-3614"),
    },
    {
      kind: "barrier",
      text: "Several candidates were closer to the labour market than NAV believed and left for more relevant or larger jobs before starting.",
      scope: "internal",
      source: nibr({ chapter: "7" }, "3243-3248"),
    },
    {
      kind: "barrier",
      text: "Recipients were at first sceptical of a «stranger» taking their children to and from kindergarten.",
      scope: "external",
      source: nibr({ chapter: "7" }, "3430-3433"),
    },
  ],
  implementation: {
    quality: "high",
    notes: [
      "Implementation quality appears good: plans are carried out as intended, with some flexibility for unforeseen challenges.",
      "Goal attainment on the internal goal «more insight into entrepreneurship» is only medium.",
    ],
    adaptations: ["Changes to NAV Høgda's unintended role as coordinator."],
    source: nibr({ chapter: "7" }, "3517-3526"),
  },
  uncertainties: [
    {
      id: "uncertainty-springboard",
      question:
        "Does the helper job lead to ordinary or lasting employment? Nothing is documented yet; the project is characterised by low throughput.",
      priority: "high",
      phase: "evaluation",
      about: ["outcome-springboard"],
    },
    {
      id: "uncertainty-collaboration",
      question:
        "Does the municipality's (district's) collaboration with a social entrepreneur give better results for employment or qualification?",
      priority: "high",
      phase: "evaluation",
      about: ["mechanism-co-creation"],
    },
  ],
  versions: [
    {
      version: "1",
      kind: "initial",
      changes: [
        "The project owners' content theory: paid part-time work as neighbour-helper → work experience → springboard into working life, with goals of more work participation among immigrant women, less child poverty and more social participation.",
      ],
      source: nibr({ chapter: "7" }, "3108-3110, 3353-3360, 3545-3546"),
    },
    {
      version: "2",
      kind: "adjusted",
      changes: [
        "Figure 7.2: the evaluators shift the focus from content to the organisational form, asking whether the collaboration with a social entrepreneur generates integrating effects.",
        "Mechanisms: collaboration, co-creation, employer responsibility (working-life logic), work experience → motivation, the social entrepreneur as an opportunity space, follow-up, empowerment.",
      ],
      source: nibr({ chapter: "7", figure: "7.2" }, "3547-3553, 3586-3591, 3776-3779"),
    },
  ],
  transfer: {
    notes: [
      "Simple concept with few partners; the evaluators see no particular challenges for other municipalities. Assumed economically profitable for the welfare state.",
    ],
  },
  source: citeRecord(
    "nibr",
    { chapter: "7" },
    "3062-3847",
    "Chapter author: Mariann Stærkebye Leirvik. The project's row in Tabell 3.2 is «Høgda».",
  ),
  extensions: { dataQualityFlags: flags, area: 2, chapter: 7 },
};
