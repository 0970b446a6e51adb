// The programme theory of «Kystbyen»: mother-tongue support in Norwegian training for participants
// with little schooling (Søholt et al. 2020, «Åtte kommuner – åtte tiltak for integrering», NIBR-rapport
// 2020:13, chapter 9 «Kystbyen»: Morsmålstøtte i norskopplæringen for deltakere med liten skolebakgrunn).
//
//   1. build the theory as the project described it (2019), then the evaluators' revised version (2020)
//   2. check both (theory.checkTheory) and list what the revision changed (theory.compareTheories)
//   3. trace what the long-term goal, work, depends on (theory.chains)
//   4. score readiness for a pilot and an RCT (theory.assessReadiness)
//   5. write the diagram (SVG through Graphviz WebAssembly), Markdown in English and bokmål, Mermaid,
//      dagitty, Kumu JSON and the logframe as CSV into examples/output/theory-kystbyen/
//
//   node scripts/run-examples.mjs theory-kystbyen
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { plot, theory } from "tiltak";

const outDir = join("examples", "output", "theory-kystbyen");
await mkdir(outDir, { recursive: true });
const quiet = process.env.TILTAK_EXAMPLE_QUIET === "1";
const say = (line = ""): void => {
  if (!quiet) console.log(line);
};
const report = { document: "NIBR-rapport 2020:13" };
/** The chapter as printed (Søholt et al. 2020, NIBR-rapport 2020:13). */
const chapter9 = "9 «Kystbyen»: Morsmålstøtte i norskopplæringen for deltakere med liten skolebakgrunn";

// 1. The theory as the project described it --------------------------------------------------------
const initial = theory.defineTheory({
  id: "kystbyen-2019",
  title: "Kystbyen: mother-tongue support in Norwegian training",
  labels: { nb: "«Kystbyen»: Morsmålsstøtte i norskopplæringen for deltakere med lite skolebakgrunn" },
  lang: "en",
  programme: "Morsmålsstøtte i norskopplæringen",
  municipality: "Kystbyen (pseudonym)",
  status: "initial",
  version: "2019",
  description:
    "Mother-tongue assistants in the teaching of spor 1 adults: bridge-builders between participants and teachers in class, and between participants and employers in work practice (ch. 9).",
  nodes: [
    // Problem, per stakeholder
    {
      id: "p-norwegian",
      kind: "problem",
      stakeholder: "project leadership",
      label: "Spor 1 refugees learn too little Norwegian in the introduction programme to enter work",
    },
    {
      id: "p-praksis",
      kind: "problem",
      stakeholder: "project leadership",
      label: "Work practice often fails: poor fit, unfamiliar work culture, misunderstandings",
    },
    {
      id: "p-teaching",
      kind: "problem",
      stakeholder: "teachers",
      label: "Teaching does not reach learners, who do not say when they do not understand",
    },
    // Inputs
    {
      id: "in-assistants",
      kind: "input",
      label: "Three mother-tongue assistants (100% in all), seven languages",
    },
    { id: "in-teachers", kind: "input", label: "Three Norwegian teachers (250% until March 2020)" },
    {
      id: "in-supervisor",
      kind: "input",
      label: "External supervisor from a university college (action research)",
    },
    // Activities, tagged with the working-method vocabulary of Table 3.2
    {
      id: "a-support",
      kind: "activity",
      label: "Mother-tongue support in Norwegian and vocational Norwegian lessons",
      labels: { nb: "Morsmålsstøtte i norsk og yrkesnorsk" },
      tags: ["alternative-training-model", "norwegian-training"],
    },
    {
      id: "a-contrastive",
      kind: "activity",
      label: "Explaining in the mother tongue and comparing with Norwegian (contrastive grammar)",
      tags: ["alternative-training-model"],
    },
    { id: "a-collaboration", kind: "activity", label: "Teacher–assistant collaboration, two hours a week" },
    {
      id: "a-praksis",
      kind: "activity",
      label: "Follow-up in work practice by assistants",
      tags: ["supported-employment"],
    },
    {
      id: "a-vocational",
      kind: "activity",
      label: "Role models and company visits in vocational Norwegian",
      tags: ["career-guidance"],
    },
    {
      id: "a-digital",
      kind: "activity",
      label: "iPads and WhatsApp follow-up after school",
      tags: ["digital-tools"],
    },
    // Outputs
    { id: "out-class", kind: "output", label: "A class of 15 spor 1 learners with support 7 hours a week" },
    {
      id: "out-documentation",
      kind: "output",
      label: "Test results, diploma and work-practice attestations",
      tags: ["documented-partial-qualification"],
    },
    // Mechanisms the project assumed
    {
      id: "m-understand",
      kind: "mechanism",
      label: "Learners understand explanations in their own language and dare to ask",
    },
    { id: "m-awareness", kind: "mechanism", label: "Increased language awareness" },
    // Outcomes: Table 9.1, with the report's criteria of goal attainment
    {
      id: "o-vocabulary",
      kind: "outcome",
      horizon: "short",
      label: "Increased vocabulary and concept understanding",
      labels: { nb: "Økt ordforråd og begrepsforståelse" },
      successCriteria: ["Able to communicate at the work-practice place"],
    },
    {
      id: "o-reading",
      kind: "outcome",
      horizon: "short",
      label: "Increased reading comprehension",
      labels: { nb: "Økt leseforståelse" },
      successCriteria: ["Can read simple messages at the workplace"],
    },
    {
      id: "o-deep",
      kind: "outcome",
      horizon: "short",
      label: "Deep learning of the language",
      labels: { nb: "Dybdelæring av språket" },
      successCriteria: ["Can apply language knowledge in different contexts"],
    },
    {
      id: "o-metalanguage",
      kind: "outcome",
      horizon: "short",
      label: "Metalanguage",
      labels: { nb: "Metaspråk" },
      successCriteria: ["Can talk about language learning"],
    },
    {
      id: "o-interaction",
      kind: "outcome",
      horizon: "intermediate",
      label: "More interaction with the majority population",
      labels: { nb: "Økt mulighet for samhandling med majoritetsbefolkningen" },
      successCriteria: ["Takes part in language situations (work practice, language café, everyday life)"],
    },
    {
      id: "o-praksis",
      kind: "outcome",
      horizon: "intermediate",
      label: "Participation in a work-practice group",
      labels: { nb: "Deltakelse i praksisgruppe" },
      successCriteria: ["Starts a work-practice placement"],
    },
    {
      id: "o-work",
      kind: "outcome",
      horizon: "long",
      label: "Participation in working life",
      labels: { nb: "Deltakelse i arbeidslivet" },
      successCriteria: ["Job / lasting job"],
    },
    // Context
    {
      id: "c-labour",
      kind: "context",
      label: "Low unemployment: about 2% (5% for immigrants from refugee countries), Q4 2019",
    },
    { id: "c-covid", kind: "context", label: "COVID-19: digital-only teaching 12 March – 12 May 2020" },
  ],
  links: [
    { from: "p-norwegian", to: "a-support" },
    { from: "p-teaching", to: "a-support" },
    { from: "p-teaching", to: "a-collaboration" },
    { from: "p-praksis", to: "a-praksis" },
    { from: "in-assistants", to: "a-support" },
    { from: "in-teachers", to: "a-collaboration" },
    { from: "in-supervisor", to: "a-collaboration" },
    { from: "a-support", to: "out-class" },
    { from: "a-contrastive", to: "m-awareness" },
    { from: "a-collaboration", to: "m-understand" },
    { from: "a-vocational", to: "o-vocabulary" },
    { from: "a-digital", to: "o-reading" },
    { from: "a-praksis", to: "o-praksis" },
    { from: "out-class", to: "m-understand" },
    { from: "out-class", to: "out-documentation" },
    {
      from: "m-understand",
      to: "o-vocabulary",
      rationale: "Concepts explained in a language the learner understands are learnt faster",
      assumptions: ["as-faster"],
      evidence: ["e-test-2020"],
    },
    { from: "m-understand", to: "o-reading" },
    { from: "m-awareness", to: "o-deep" },
    { from: "m-awareness", to: "o-metalanguage" },
    // "The goals build on each other"
    { from: "o-vocabulary", to: "o-interaction" },
    { from: "o-vocabulary", to: "o-praksis" },
    { from: "o-deep", to: "o-interaction" },
    { from: "o-interaction", to: "o-work" },
    {
      from: "o-praksis",
      to: "o-work",
      rationale: "Norwegian affects, but does not determine, job chances (ch. 3)",
      assumptions: ["as-jobs"],
    },
    { from: "c-labour", to: "o-work", kind: "moderates" },
    { from: "c-covid", to: "o-praksis", kind: "moderates" },
  ],
  indicators: [
    {
      id: "i-oral-test",
      nodeId: "o-vocabulary",
      name: "Oral Norskprøve level",
      definition: "CEFR level reached on the national oral Norwegian test",
      measure: "ordinal",
      unit: "CEFR level",
      direction: "increase",
      baseline: { value: "below A1", date: "2019-09", note: "intake mapping: all beginners (ch. 9)" },
      targets: [{ value: "A1", date: "2020-03" }],
      meansOfVerification: "Test results held by the adult-education centre",
      source: "Norskprøve",
      provenance: {
        ...report,
        locator: { chapter: chapter9, section: "Hva skal tiltaket påvirke? Mål og effekter" },
      },
    },
    {
      id: "i-work",
      nodeId: "o-work",
      name: "Share in work within two years",
      definition: "Participants employed within two years after the project",
      measure: "proportion",
      numerator: "participants in work",
      denominator: "participants who completed",
      direction: "increase",
      targets: [
        {
          value: 0.5,
          date: "2022-09",
          note: "most of the class expected in work within two years (ch. 9)",
        },
      ],
      meansOfVerification: "Register linkage after the project (ch. 9)",
      source: "NAV A-register",
    },
  ],
  targetGroup: {
    description: "Refugees with little or no schooling and weak Norwegian (spor 1), both sexes",
    eligibility: [
      "Right and duty to Norwegian training, introduction-programme participant on spor 1, or referred by NAV",
      "Little schooling",
      "Beginner (below A1 oral) who has cracked the reading code",
      "Speaks one of the assistants' languages",
      "Can take part in the whole programme",
    ],
    recruitment:
      "Selected by the adult-education centre by the languages of the available assistants; NAV and the refugee service agree not to send participants to other measures during the project (ch. 9)",
    size: {
      eligible: 50,
      enrolled: 15,
      perCohort: 15,
      period: "school year",
      note: "about 50 spor 1 learners among 800-1,000 at the centre (ch. 9)",
    },
    source: {
      ...report,
      locator: {
        chapter: chapter9,
        section: "Målgruppe, begrunnelse, kriterier for valg og rekruttering av deltakere",
      },
    },
  },
  components: [
    {
      id: "c-support",
      label: "Mother-tongue support in class",
      nodeId: "a-support",
      dose: { amount: 7, unit: "hours", per: "week", note: "two days, 3 + 4 hours, of 26 teaching hours" },
      duration: { amount: 13, unit: "months", note: "August 2019 - September 2020" },
      deliveredBy: "mother-tongue assistants",
    },
    {
      id: "c-collaboration",
      label: "Teacher–assistant collaboration",
      nodeId: "a-collaboration",
      dose: { amount: 2, unit: "hours", per: "week" },
      duration: { amount: 13, unit: "months" },
    },
  ],
  assumptions: [
    {
      id: "as-faster",
      text: "It is more effective to learn Norwegian through a language the participant understands",
      kind: "theoretical",
      critical: true,
      status: "untested",
      source: {
        ...report,
        locator: { section: "Område 3: Utvikling og utprøving av metodikk i norskopplæringen" },
      },
    },
    {
      id: "as-jobs",
      text: "Better Norwegian strengthens job chances",
      kind: "theoretical",
      status: "supported",
    },
    {
      id: "as-staff",
      text: "Qualified assistants are available for the learners' languages",
      kind: "implementation",
      critical: true,
      status: "supported",
      appliesTo: ["a-support"],
    },
  ],
  evidence: [
    {
      id: "e-test-2020",
      citation: "National oral Norskprøve, March 2020: 11 of 13 reached A2, 2 reached A1 (expected A1)",
      type: "monitoring",
      strength: "weak",
      direction: "supports",
    },
  ],
  factors: [
    {
      kind: "facilitator",
      scope: "internal",
      text: "Whole class supported at the same time, at about the same level",
    },
    { kind: "barrier", scope: "external", text: "COVID-19 closed the school and postponed work practice" },
    {
      kind: "barrier",
      scope: "external",
      text: "Assistants are temporary; the municipality has a hiring freeze",
    },
  ],
  versions: [{ version: "2019", kind: "initial", date: "2019-08", changes: ["The project as applied for"] }],
  source: { ...report, locator: { chapter: chapter9 }, note: "chapter 9" },
});

// 1b. The evaluators' revised theory (Figure 9.2) --------------------------------------
const revised = theory.defineTheory({
  ...initial,
  id: "kystbyen-2020-revised",
  status: "revised",
  version: "2020",
  revises: initial.id,
  nodes: [
    ...initial.nodes,
    {
      id: "m-collaboration",
      kind: "mechanism",
      label: "Teachers and assistants adjust teaching to each language group and learner",
    },
    {
      id: "m-strategies",
      kind: "mechanism",
      label: "Assistants develop learning strategies for learners without school experience",
    },
    {
      id: "m-recognition",
      kind: "mechanism",
      label: "Multilingualism recognised as competence gives motivation",
    },
    {
      id: "m-equal",
      kind: "mechanism",
      label: "Communication at the learner's cognitive level gives more equal interaction",
    },
    {
      id: "m-social",
      kind: "mechanism",
      label: "Safe class environment; assistants as role models and cultural translators",
    },
  ],
  links: [
    ...initial.links,
    { from: "a-collaboration", to: "m-collaboration" },
    { from: "a-support", to: "m-strategies" },
    { from: "a-support", to: "m-recognition" },
    { from: "a-support", to: "m-equal" },
    { from: "a-support", to: "m-social" },
    { from: "m-collaboration", to: "o-vocabulary" },
    { from: "m-strategies", to: "o-deep" },
    { from: "m-recognition", to: "o-vocabulary" },
    { from: "m-equal", to: "o-interaction" },
    { from: "m-social", to: "o-interaction" },
    {
      from: "o-interaction",
      to: "m-recognition",
      feedback: true,
      rationale: "Using Norwegian outside class reinforces motivation",
    },
  ],
  indicators: [
    ...initial.indicators,
    {
      id: "i-praksis",
      nodeId: "o-praksis",
      name: "Share starting work practice",
      definition: "Participants who start a work-practice placement during the project",
      measure: "proportion",
      numerator: "participants starting a placement",
      denominator: "participants admitted",
      direction: "increase",
      baseline: { value: 0, date: "2019-08" },
      targets: [{ value: 0.8, date: "2020-06" }],
      meansOfVerification: "Project records",
      source: "Adult-education centre records",
    },
  ],
  implementation: {
    quality: "high",
    notes: ["Largely carried out as planned (ch. 9)"],
    adaptations: [
      "Work practice cancelled and teaching digital in spring 2020",
      "A manual replaced by a joint product with similar projects, plus short films",
      "Less iPad use, more WhatsApp",
    ],
    fidelityCriteria: [
      "All assistants present at the same time",
      "All learners in the class receive support at the same time, at about the same level",
      "Two hours a week of teacher–assistant collaboration",
      "Support on two days a week (3 + 4 hours), combined with hours without support",
    ],
  },
  transfer: {
    value: "high",
    preconditions: [
      "A large or mid-sized town with qualified bilingual staff",
      "Enough spor 1 learners sharing few languages to form a class",
    ],
    products: ["Joint product with similar projects", "Short films"],
    notes: [
      "No basis for concluding that other municipalities will achieve equally good test results (ch. 9)",
    ],
  },
  uncertainties: [
    {
      id: "u-faster",
      question:
        "Does a supported class progress considerably faster than learners without mother-tongue support? (ch. 9)",
      priority: "high",
      phase: "evaluation",
      about: ["o-vocabulary"],
    },
    {
      id: "u-transfer",
      question: "Will other municipalities achieve equally good Norskprøve results?",
      priority: "high",
      phase: "feasibility",
    },
  ],
  versions: [
    ...(initial.versions ?? []),
    {
      version: "2020",
      kind: "revised",
      date: "2020-10",
      changes: [
        "Teacher–assistant collaboration before and during lessons made central",
        "Mechanisms added: learning strategies, recognition of multilingualism, communication at the learner's level, social effects",
        "Hours with and without support combined (too much translation may make learners passive)",
      ],
      source: {
        ...report,
        locator: {
          chapter: chapter9,
          section: "Evaluering av programteorien",
          figure:
            "Figur 9.2: Justert programteori for prosjektet: «Morsmålsstøtte i norskopplæringen for deltakere med lite skolebakgrunn»",
        },
      },
    },
  ],
});
say(`programme theory — ${revised.title}`);

// 2. Checks and what the revision changed ----------------------------------------------------------
for (const t of [initial, revised]) {
  const check = theory.checkTheory(t);
  say();
  say(
    `2. checkTheory(${t.id}): ok ${check.ok}; ${check.counts.error} errors, ${check.counts.warning} warnings, ${check.counts.info} notes`,
  );
  for (const finding of check.findings)
    say(`   ${finding.severity.padEnd(7)} ${finding.rule.padEnd(28)} ${finding.message}`);
}
const revision = theory.compareTheories([initial, revised], { by: "labels", kinds: ["mechanism"] });
say(`   the revision added ${revision.distinct[revised.id]?.length ?? 0} mechanisms:`);
for (const key of revision.distinct[revised.id] ?? [])
  say(`     + ${revision.elements.find((e) => e.key === key)?.label}`);

// 3. What work depends on --------------------------------------------------------------------------
const toWork = theory.chains(revised, { to: "o-work" });
say();
say(
  `3. ${toWork.paths.length} causal chains end in "${revised.nodes.find((n) => n.id === "o-work")?.label}"; the shortest:`,
);
for (const path of [...toWork.paths].sort((a, b) => a.length - b.length).slice(0, 3)) say(`   ${path.text}`);

// 4. Readiness -------------------------------------------------------------------------------------
// The plan: classes randomised (support goes to the whole class at once), four centres over
// two school years, ordinary Norwegian teaching as comparator, work read from the NAV A-register.
const readiness = theory.assessReadiness(revised, {
  requiredSampleSize: 192,
  periods: 2,
  sites: 4,
  comparator: "treatment-as-usual",
  randomisationUnit: "class",
  deliveredTo: "groups",
  contaminationRisk: "low",
  participantsAware: true,
  followUpMonths: 24,
});
say();
say(
  `4. readiness: pilot ${readiness.pilot.verdict} (${readiness.pilot.met}/${readiness.pilot.total} met), RCT ${readiness.rct.verdict} (${readiness.rct.met}/${readiness.rct.total} met)`,
);
for (const item of readiness.items)
  say(`   ${item.status.padEnd(8)} ${item.item.padEnd(19)} ${item.evidence}`);
for (const item of readiness.items.filter((i) => i.status !== "met"))
  say(`   next (${item.item}): ${item.next}`);

// 5. Files -----------------------------------------------------------------------------------------
const csv = (rows: Record<string, string>[]): string => {
  const keys = Object.keys(rows[0] ?? {});
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[keys.join(","), ...rows.map((row) => keys.map((key) => cell(row[key] ?? "")).join(","))].join("\n")}\n`;
};
const files: [string, string][] = [
  ["theory.svg", await plot.theorySvg(revised)],
  ["theory-initial.svg", await plot.theorySvg(initial)],
  ["theory-nb.svg", await plot.theorySvg(revised, { lang: "nb" })],
  ["theory.vl.json", `${JSON.stringify(plot.theory(revised), null, 2)}\n`],
  ["theory.md", theory.toMarkdown(revised)],
  ["theory.nb.md", theory.toMarkdown(revised, { lang: "nb" })],
  ["theory.mmd", theory.toMermaid(revised)],
  ["theory.dot", theory.toDot(revised)],
  ["theory.dagitty", theory.toDagitty(revised, { exposure: "a-support", outcome: "o-work" })],
  ["theory.kumu.json", `${JSON.stringify(theory.toKumu(revised), null, 2)}\n`],
  ["logframe.csv", csv(theory.toLogframe(revised) as unknown as Record<string, string>[])],
  ["theory.json", `${JSON.stringify(revised, null, 2)}\n`],
];
for (const [name, text] of files) await writeFile(join(outDir, name), text);
say();
say(`5. wrote ${files.map(([name]) => name).join(", ")}`);
console.log(
  `theory-kystbyen: output in ${outDir}/ (diagram ${join(outDir, "theory.svg")}, report ${join(outDir, "theory.md")})`,
);
