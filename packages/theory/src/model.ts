import { parseOptions } from "@tiltak/core";
import * as z from "zod/mini";

/**
 * The kinds of node a programme theory is made of, in the order of the results chain: the problem,
 * the resources put in, what the programme does, what it delivers, how participants respond
 * (the mechanism, Pawson & Tilley 1997), the outcomes it aims for, the long-run impact, and the
 * context that conditions it (W.K. Kellogg Foundation 2004; Funnell & Rogers 2011).
 *
 * @example
 * ```ts
 * import { nodeKinds } from "@tiltak/theory";
 * nodeKinds.length; // => 8
 * nodeKinds[0]; // => "problem"
 * ```
 */
export const nodeKinds: readonly [
  "problem",
  "input",
  "activity",
  "output",
  "mechanism",
  "outcome",
  "impact",
  "context",
] = ["problem", "input", "activity", "output", "mechanism", "outcome", "impact", "context"] as const;

/** One of {@link nodeKinds}. */
export type NodeKind = (typeof nodeKinds)[number];

/**
 * The horizons of an outcome: short, intermediate and long term, as in the NIBR template's
 * «kortsiktige / mellomliggende / langsiktige mål».
 *
 * @example
 * ```ts
 * import { horizons } from "@tiltak/theory";
 * horizons; // => ["short", "intermediate", "long"]
 * ```
 */
export const horizons: readonly ["short", "intermediate", "long"] = [
  "short",
  "intermediate",
  "long",
] as const;

/** One of {@link horizons}. */
export type Horizon = (typeof horizons)[number];

/**
 * What a link asserts: `causes` (the default reading, "if A then B"), `contributes` (a contributory
 * cause, Mayne 2012), `enables` / `precondition` (ActKnowledge), `triggers` (a context or activity
 * firing a mechanism, Pawson & Tilley), `moderates` (context changes the strength of a link) and
 * `feedback` (a loop back to an earlier element; exempt from the acyclicity rule).
 *
 * @example
 * ```ts
 * import { linkKinds } from "@tiltak/theory";
 * linkKinds.includes("feedback"); // => true
 * ```
 */
export const linkKinds: readonly [
  "causes",
  "contributes",
  "enables",
  "precondition",
  "triggers",
  "moderates",
  "feedback",
] = ["causes", "contributes", "enables", "precondition", "triggers", "moderates", "feedback"] as const;

/** One of {@link linkKinds}. */
export type LinkKind = (typeof linkKinds)[number];

/**
 * How an indicator measures, after the IATI indicator-measure codelist extended with rates and
 * means: `count`, `proportion` (numerator over denominator, in [0, 1]), `rate`, `mean`, `ordinal`
 * (e.g. CEFR levels A1 < A2 < B1) and `qualitative`.
 *
 * @example
 * ```ts
 * import { indicatorMeasures } from "@tiltak/theory";
 * indicatorMeasures.includes("proportion"); // => true
 * ```
 */
export const indicatorMeasures: readonly ["count", "proportion", "rate", "mean", "ordinal", "qualitative"] = [
  "count",
  "proportion",
  "rate",
  "mean",
  "ordinal",
  "qualitative",
] as const;

/** One of {@link indicatorMeasures}. */
export type IndicatorMeasure = (typeof indicatorMeasures)[number];

/** Where a record comes from: a document and the place in it (chapter, section, table, figure, pages). */
export interface SourceRef {
  /** The document, e.g. `"NIBR-rapport 2020:13"` or a full citation. */
  document: string;
  /** Lines in the document, as text (`"5147-5173"`) or a `[first, last]` pair, or another locator as text. */
  lines?: string | [number, number] | undefined;
  /** Page or pages, as printed. */
  pages?: string | undefined;
  /** Anything else a reader needs to find or judge the source. */
  note?: string | undefined;
  /** The document's bibliographic identity. */
  reference?:
    | {
        /** A short stable key, e.g. `"nibr-2020-13"`. */
        id: string;
        /** The title as printed. */
        title: string;
        /** The subtitle as printed. */
        subtitle?: string | undefined;
        /** Authors, `"Family, Given"`; left out when the document names an organisation only. */
        authors?: string[] | undefined;
        /** The publisher or the organisation responsible. */
        publisher: string;
        /** The year of publication. */
        year: number;
        /** Series, e.g. `"NIBR-rapport"`. */
        series?: string | undefined;
        /** Number in the series, e.g. `"2020:13"`. */
        number?: string | undefined;
        /** ISBN, when printed. */
        isbn?: string | undefined;
        /** ISSN of the series, when printed. */
        issn?: string | undefined;
        /** A web address, when the document gives one. */
        url?: string | undefined;
        /** Language code of the document, e.g. `"nb"`. */
        language: string;
      }
    | undefined;
  /** Where in the document, as printed: chapter or section with number and title, table, figure. */
  locator?:
    | {
        /** Chapter number and title, e.g. `"5 «Omlandet»: Fagbrevløp som 4. år i Intro"`. */
        chapter?: string | undefined;
        /** Section number (if any) and heading, e.g. `"3.2 Resultater pr. 31.12.2024"`. */
        section?: string | undefined;
        /** Table number and caption, e.g. `"Tabell 9.1: Kortsiktige, mellomliggende og langsiktige mål …"`. */
        table?: string | undefined;
        /** Figure number and caption. */
        figure?: string | undefined;
      }
    | undefined;
  /** Line ranges in a plain-text extraction of the document, for a full-text audit; not a citation. */
  extractLines?: string | undefined;
}

/** Translations of a label or title, keyed by language code (`{ nb: "…" }`). */
export type Labels = Record<string, string>;

/** One element of the theory (a box in the diagram). */
export interface TheoryNode {
  /** Unique id within the theory (no white space), used by links, indicators and CMO configurations. */
  id: string;
  /** What the element is; see {@link nodeKinds}. */
  kind: NodeKind;
  /** A short label, as it would appear in a box. */
  label: string;
  /** Outcome horizon (for `outcome` nodes): short, intermediate or long term. */
  horizon?: Horizon | undefined;
  /** Shared vocabulary for comparison across theories (lower-case keys such as `norwegian-training`). */
  tags?: string[] | undefined;
  /** Longer text. */
  description?: string | undefined;
  /** Whose view or whose change this is (e.g. `"teachers"`, `"participants"`, `"employers"`). */
  stakeholder?: string | undefined;
  /** Level of a goal in a goal hierarchy (NIBR Table 8.1): project, individual or society. */
  level?: "project" | "individual" | "society" | undefined;
  /** Criteria of goal attainment (NIBR «kriterium for måloppnåelse»; Funnell & Rogers' success criteria). */
  successCriteria?: string[] | undefined;
  /** Translated labels, e.g. `{ nb: "Økt ordforråd" }`. */
  labels?: Labels | undefined;
  /** Where this element is stated. */
  source?: SourceRef | undefined;
}

/** One causal link (an arrow): `from` is expected to bring about, or contribute to, `to`. */
export interface TheoryLink {
  /** Optional id, so that assumptions, uncertainties and claims can refer to the link. */
  id?: string | undefined;
  /** Id of the node the arrow leaves. */
  from: string;
  /** Id of the node the arrow enters. */
  to: string;
  /** What the link asserts; see {@link linkKinds}. Default reading: `causes`. */
  kind?: LinkKind | undefined;
  /** Why `from` leads to `to` (ActKnowledge's rationale). */
  rationale?: string | undefined;
  /**
   * Assumptions this link rests on: ids of entries in the theory's `assumptions`, or an assumption
   * written inline as a sentence.
   */
  assumptions?: string[] | undefined;
  /** Evidence bearing on this link: ids of entries in the theory's `evidence`, or a citation inline. */
  evidence?: string[] | undefined;
  /** Confidence in the link: 0 (none) to 1 (certain), or `"low"`, `"medium"`, `"high"`. */
  confidence?: number | "low" | "medium" | "high" | undefined;
  /** A feedback loop: exempt from the acyclicity rule (also implied by `kind: "feedback"`). */
  feedback?: boolean | undefined;
  /** Sign of the influence, for causal-loop readings. */
  polarity?: "+" | "-" | undefined;
  /** Where this link is stated. */
  source?: SourceRef | undefined;
}

/** A dated value of an indicator (baseline or target). */
export interface DatedValue {
  /** The value, in the indicator's unit (proportions in [0, 1]); text for ordinal or qualitative indicators. */
  value: number | string;
  /** When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** Number of units the value is based on, if known. */
  n?: number | undefined;
  /** A remark, e.g. what the target is tied to. */
  note?: string | undefined;
}

/** How an outcome (or any node) is measured: the logframe's objectively verifiable indicator. */
export interface Indicator {
  /** Unique id within the theory's indicators. */
  id: string;
  /** Id of the node it measures. */
  nodeId: string;
  /** Short name. */
  name: string;
  /** What exactly is counted or scored. */
  definition?: string | undefined;
  /** How it measures; see {@link indicatorMeasures}. */
  measure?: IndicatorMeasure | undefined;
  /** For proportions and rates: who is counted. */
  numerator?: string | undefined;
  /** For proportions and rates: out of whom. */
  denominator?: string | undefined;
  /** Unit of the value (e.g. `"persons"`, `"CEFR level"`). */
  unit?: string | undefined;
  /** Which direction is success. */
  direction?: "increase" | "decrease" | "maintain" | undefined;
  /** Value before the programme. */
  baseline?: DatedValue | undefined;
  /** Values aimed for, with dates. */
  targets?: DatedValue[] | undefined;
  /** How the value will be verified (the logframe's means of verification). */
  meansOfVerification?: string | undefined;
  /** Data source, e.g. `"NAV A-register"`, `"Norskprøve"`, `"school register"`. */
  source?: string | undefined;
  /** How often it is measured (e.g. `"yearly"`). */
  frequency?: string | undefined;
  /** Breakdowns reported (e.g. `["gender"]`). */
  disaggregations?: string[] | undefined;
  /** Where this indicator is stated. */
  provenance?: SourceRef | undefined;
}

/** Size of the target group: the pool that is eligible, and those who took part. */
export interface TargetGroupSize {
  /** Eligible people available per period (e.g. about 50 spor 1 learners a year). */
  eligible?: number | undefined;
  /** Admitted or enrolled. */
  enrolled?: number | undefined;
  /** Completed. */
  completed?: number | undefined;
  /** Per cohort, class or run. */
  perCohort?: number | undefined;
  /** The period the numbers refer to (e.g. `"2019-2020"` or `"per school year"`). */
  period?: string | undefined;
  /** Anything else. */
  note?: string | undefined;
}

/** Who the programme is for (NIBR template: «målgruppe, kriterier for utvelgelse, rekruttering»). */
export interface TargetGroup {
  /** Who they are. */
  description: string;
  /** Inclusion criteria, one per entry. */
  eligibility?: string[] | undefined;
  /** Exclusion criteria, one per entry. */
  exclusion?: string[] | undefined;
  /** How participants are found and admitted. */
  recruitment?: string | undefined;
  /** Numbers. */
  size?: TargetGroupSize | undefined;
  /** Where this is stated. */
  source?: SourceRef | undefined;
}

/** A quantity with a unit, e.g. 7 hours per week. */
export interface Amount {
  /** How much. */
  amount: number;
  /** Of what (e.g. `"hours"`, `"sessions"`). */
  unit: string;
  /** Per what (e.g. `"week"`); omitted for a total. */
  per?: string | undefined;
  /** A remark. */
  note?: string | undefined;
}

/** One component of the intervention, with its dose and duration. */
export interface Component {
  /** Unique id within the components. */
  id: string;
  /** Short label. */
  label: string;
  /** Id of the activity node that stands for it in the diagram. */
  nodeId?: string | undefined;
  /** Longer text. */
  description?: string | undefined;
  /** How much of it a participant gets: an {@link Amount} or free text. */
  dose?: Amount | string | undefined;
  /** For how long: an {@link Amount} (e.g. `{ amount: 12, unit: "months" }`) or free text. */
  duration?: Amount | string | undefined;
  /** Who delivers it. */
  deliveredBy?: string | undefined;
  /** Shared vocabulary, as node tags. */
  tags?: string[] | undefined;
  /** Where this is stated. */
  source?: SourceRef | undefined;
}

/** An assumption the theory rests on (logframe; CGIAR's theoretical / contextual split). */
export interface Assumption {
  /** Unique id within the assumptions. */
  id: string;
  /** The assumption, stated so that it could turn out false. */
  text: string;
  /** `theoretical` (about cause and effect), `contextual` (about the setting) or `implementation`. */
  kind?: "theoretical" | "contextual" | "implementation" | undefined;
  /** A "killer" assumption: if false, the theory fails. */
  critical?: boolean | undefined;
  /** What is known about it so far. */
  status?: "untested" | "supported" | "refuted" | "mixed" | undefined;
  /** Ids of evidence items bearing on it. */
  evidence?: string[] | undefined;
  /** Ids of nodes or links it applies to (links by their `id`). */
  appliesTo?: string[] | undefined;
  /** Where this is stated. */
  source?: SourceRef | undefined;
}

/** A piece of evidence: a study, monitoring data or experience. */
export interface Evidence {
  /** Unique id within the evidence. */
  id: string;
  /** Reference, e.g. `"Langøien, Nguyen & Berg 2020"`. */
  citation: string;
  /** Kind of evidence. */
  type?:
    | "rct"
    | "quasi-experimental"
    | "observational"
    | "qualitative"
    | "monitoring"
    | "review"
    | "expert"
    | undefined;
  /** How strong it is. */
  strength?: "strong" | "moderate" | "weak" | undefined;
  /** Whether it supports the claim it is attached to. */
  direction?: "supports" | "contradicts" | "mixed" | undefined;
  /** What it says. */
  summary?: string | undefined;
  /** Link to the source. */
  url?: string | undefined;
}

/** A realist context–mechanism–outcome configuration (Pawson & Tilley 1997). */
export interface CmoConfiguration {
  /** Unique id within the configurations. */
  id: string;
  /** Ids of `context` nodes. */
  contexts: string[];
  /** Id of a `mechanism` node. */
  mechanism: string;
  /** Ids of `outcome` (or `impact`) nodes. */
  outcomes: string[];
  /** The configuration in words. */
  description?: string | undefined;
  /** Ids of evidence items. */
  evidence?: string[] | undefined;
}

/** Something that helps or hinders goal attainment (NIBR «fremmende og hemmende faktorer»). */
export interface Factor {
  /** Helps or hinders. */
  kind: "facilitator" | "barrier";
  /** What it is. */
  text: string;
  /** Inside the project or in its surroundings («prosjektinterne / prosjekteksterne forhold»). */
  scope?: "internal" | "external" | undefined;
  /** Ids of nodes it acts on. */
  nodeIds?: string[] | undefined;
  /** Where this is stated. */
  source?: SourceRef | undefined;
}

/** Implementation quality: how far the programme ran as planned, and what it needs (NIBR «implementeringskvalitet»). */
export interface Implementation {
  /** Overall judgement. */
  quality?: "high" | "medium" | "low" | undefined;
  /** Observations. */
  notes?: string[] | undefined;
  /** Changes made along the way («tilpasninger underveis»). */
  adaptations?: string[] | undefined;
  /** What delivery as planned means, checkably (fidelity criteria). */
  fidelityCriteria?: string[] | undefined;
  /** Where this is stated. */
  source?: SourceRef | undefined;
}

/** A key uncertainty (MRC framework, Skivington et al. 2021). */
export interface Uncertainty {
  /** Unique id within the uncertainties. */
  id: string;
  /** The open question. */
  question: string;
  /** How much it matters. */
  priority?: "high" | "medium" | "low" | undefined;
  /** Which phase should settle it. */
  phase?: "development" | "feasibility" | "evaluation" | "implementation" | undefined;
  /** Ids of nodes or links it is about. */
  about?: string[] | undefined;
}

/** One entry in the version history of a theory. */
export interface TheoryVersion {
  /** Version label, e.g. `"1"` or `"2020-06"`. */
  version: string;
  /** Initial (as the project described it), adjusted (during the project) or revised (after evaluation). */
  kind: "initial" | "adjusted" | "revised";
  /** When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string | undefined;
  /** What changed, one item per change. */
  changes?: string[] | undefined;
  /** Where this version is described. */
  source?: SourceRef | undefined;
}

/** National interest and transfer value (NIBR-rapport 2020:13, «Nasjonal interesse og overføringsverdi til andre kommuner»). */
export interface Transfer {
  /** Overall judgement of transfer value. */
  value?: "high" | "medium" | "low" | undefined;
  /** What another site must have for it to work there. */
  preconditions?: string[] | undefined;
  /** Transferable products (manuals, films, guides). */
  products?: string[] | undefined;
  /** Other remarks. */
  notes?: string[] | undefined;
}

/**
 * A programme theory as written: the input of {@link defineTheory}. Only `id`, `title` and `nodes`
 * are required; everything else may be filled in as it becomes known.
 */
export interface TheorySpec {
  /** Unique id (no white space). */
  id: string;
  /** Title. */
  title: string;
  /** Language of the labels (`"en"` or `"nb"`); translations go in each node's `labels`. */
  lang?: "en" | "nb" | undefined;
  /** Translated titles. */
  labels?: Labels | undefined;
  /** A paragraph on what the programme is. */
  description?: string | undefined;
  /** The programme or project name. */
  programme?: string | undefined;
  /** Who runs it. */
  organisation?: string | undefined;
  /** Where it runs. */
  municipality?: string | undefined;
  /** Version label of this theory. */
  version?: string | undefined;
  /** Which version this is: initial, adjusted or revised. */
  status?: "initial" | "adjusted" | "revised" | undefined;
  /** Id of the theory this one revises. */
  revises?: string | undefined;
  /** Elements. */
  nodes: TheoryNode[];
  /** Causal links. Default `[]`. */
  links?: TheoryLink[] | undefined;
  /** Indicators. Default `[]`. */
  indicators?: Indicator[] | undefined;
  /** Who it is for. */
  targetGroup?: TargetGroup | undefined;
  /** Components with dose and duration. */
  components?: Component[] | undefined;
  /** Assumptions. */
  assumptions?: Assumption[] | undefined;
  /** Evidence items. */
  evidence?: Evidence[] | undefined;
  /** Context–mechanism–outcome configurations. */
  cmos?: CmoConfiguration[] | undefined;
  /** Facilitators and barriers. */
  factors?: Factor[] | undefined;
  /** Implementation quality. */
  implementation?: Implementation | undefined;
  /** Key uncertainties. */
  uncertainties?: Uncertainty[] | undefined;
  /** Version history. */
  versions?: TheoryVersion[] | undefined;
  /** National interest and transfer value. */
  transfer?: Transfer | undefined;
  /** Provenance of the whole record. */
  source?: SourceRef | undefined;
  /** Free-form data for other tools; never read by tiltak. */
  extensions?: Record<string, unknown> | undefined;
}

/** A validated programme theory: a {@link TheorySpec} with `links` and `indicators` always present. */
export interface ProgrammeTheory extends TheorySpec {
  /** Causal links. */
  links: TheoryLink[];
  /** Indicators. */
  indicators: Indicator[];
}

const text = z.string().check(z.minLength(1, { error: "must be a non-empty string" }));
const idSchema = z
  .string()
  .check(
    z.regex(/^\S+$/, { error: "must be a non-empty id without white space" }),
    z.describe("Identifier: non-empty, no white space."),
  );
const tagSchema = z.string().check(
  z.regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}:._-]*$/u, {
    error: "must be a lower-case tag (letters, digits, '-', ':', '.', '_'), e.g. \"norwegian-training\"",
  }),
);
const dateSchema = z.string().check(
  z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: "must be a date YYYY, YYYY-MM or YYYY-MM-DD",
  }),
);
const labelsSchema = z.record(z.string(), z.string());

const sourceSchema = z.strictObject({
  document: text,
  lines: z.optional(
    z.union([z.string(), z.tuple([z.int().check(z.minimum(1)), z.int().check(z.minimum(1))])]),
  ),
  pages: z.optional(z.string()),
  note: z.optional(z.string()),
  reference: z.optional(
    z.strictObject({
      id: text,
      title: text,
      subtitle: z.optional(z.string()),
      authors: z.optional(z.array(text)),
      publisher: text,
      year: z.int(),
      series: z.optional(z.string()),
      number: z.optional(z.string()),
      isbn: z.optional(z.string()),
      issn: z.optional(z.string()),
      url: z.optional(z.string()),
      language: text,
    }),
  ),
  locator: z.optional(
    z.strictObject({
      chapter: z.optional(z.string()),
      section: z.optional(z.string()),
      table: z.optional(z.string()),
      figure: z.optional(z.string()),
    }),
  ),
  extractLines: z.optional(z.string()),
});

const nodeSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(nodeKinds),
  label: text,
  horizon: z.optional(z.enum(horizons)),
  tags: z.optional(z.array(tagSchema)),
  description: z.optional(z.string()),
  stakeholder: z.optional(z.string()),
  level: z.optional(z.enum(["project", "individual", "society"])),
  successCriteria: z.optional(z.array(z.string())),
  labels: z.optional(labelsSchema),
  source: z.optional(sourceSchema),
});

const linkSchema = z.strictObject({
  id: z.optional(idSchema),
  from: idSchema,
  to: idSchema,
  kind: z.optional(z.enum(linkKinds)),
  rationale: z.optional(z.string()),
  assumptions: z.optional(z.array(text)),
  evidence: z.optional(z.array(text)),
  confidence: z.optional(
    z.union([z.number().check(z.minimum(0), z.maximum(1)), z.enum(["low", "medium", "high"])]),
  ),
  feedback: z.optional(z.boolean()),
  polarity: z.optional(z.enum(["+", "-"])),
  source: z.optional(sourceSchema),
});

const datedValueSchema = z.strictObject({
  value: z.union([z.number(), z.string()]),
  date: dateSchema,
  n: z.optional(z.int().check(z.minimum(0))),
  note: z.optional(z.string()),
});

const indicatorSchema = z.strictObject({
  id: idSchema,
  nodeId: idSchema,
  name: text,
  definition: z.optional(z.string()),
  measure: z.optional(z.enum(indicatorMeasures)),
  numerator: z.optional(z.string()),
  denominator: z.optional(z.string()),
  unit: z.optional(z.string()),
  direction: z.optional(z.enum(["increase", "decrease", "maintain"])),
  baseline: z.optional(datedValueSchema),
  targets: z.optional(z.array(datedValueSchema)),
  meansOfVerification: z.optional(z.string()),
  source: z.optional(z.string()),
  frequency: z.optional(z.string()),
  disaggregations: z.optional(z.array(z.string())),
  provenance: z.optional(sourceSchema),
});

const count = z.int().check(z.minimum(0));

const targetGroupSchema = z.strictObject({
  description: text,
  eligibility: z.optional(z.array(z.string())),
  exclusion: z.optional(z.array(z.string())),
  recruitment: z.optional(z.string()),
  size: z.optional(
    z.strictObject({
      eligible: z.optional(count),
      enrolled: z.optional(count),
      completed: z.optional(count),
      perCohort: z.optional(count),
      period: z.optional(z.string()),
      note: z.optional(z.string()),
    }),
  ),
  source: z.optional(sourceSchema),
});

const amountSchema = z.strictObject({
  amount: z.number().check(z.minimum(0)),
  unit: text,
  per: z.optional(z.string()),
  note: z.optional(z.string()),
});

const componentSchema = z.strictObject({
  id: idSchema,
  label: text,
  nodeId: z.optional(idSchema),
  description: z.optional(z.string()),
  dose: z.optional(z.union([amountSchema, z.string()])),
  duration: z.optional(z.union([amountSchema, z.string()])),
  deliveredBy: z.optional(z.string()),
  tags: z.optional(z.array(tagSchema)),
  source: z.optional(sourceSchema),
});

const assumptionSchema = z.strictObject({
  id: idSchema,
  text: text,
  kind: z.optional(z.enum(["theoretical", "contextual", "implementation"])),
  critical: z.optional(z.boolean()),
  status: z.optional(z.enum(["untested", "supported", "refuted", "mixed"])),
  evidence: z.optional(z.array(idSchema)),
  appliesTo: z.optional(z.array(idSchema)),
  source: z.optional(sourceSchema),
});

const evidenceSchema = z.strictObject({
  id: idSchema,
  citation: text,
  type: z.optional(
    z.enum(["rct", "quasi-experimental", "observational", "qualitative", "monitoring", "review", "expert"]),
  ),
  strength: z.optional(z.enum(["strong", "moderate", "weak"])),
  direction: z.optional(z.enum(["supports", "contradicts", "mixed"])),
  summary: z.optional(z.string()),
  url: z.optional(z.string()),
});

const cmoSchema = z.strictObject({
  id: idSchema,
  contexts: z.array(idSchema),
  mechanism: idSchema,
  outcomes: z.array(idSchema),
  description: z.optional(z.string()),
  evidence: z.optional(z.array(idSchema)),
});

const factorSchema = z.strictObject({
  kind: z.enum(["facilitator", "barrier"]),
  text: text,
  scope: z.optional(z.enum(["internal", "external"])),
  nodeIds: z.optional(z.array(idSchema)),
  source: z.optional(sourceSchema),
});

const implementationSchema = z.strictObject({
  quality: z.optional(z.enum(["high", "medium", "low"])),
  notes: z.optional(z.array(z.string())),
  adaptations: z.optional(z.array(z.string())),
  fidelityCriteria: z.optional(z.array(z.string())),
  source: z.optional(sourceSchema),
});

const uncertaintySchema = z.strictObject({
  id: idSchema,
  question: text,
  priority: z.optional(z.enum(["high", "medium", "low"])),
  phase: z.optional(z.enum(["development", "feasibility", "evaluation", "implementation"])),
  about: z.optional(z.array(idSchema)),
});

const versionSchema = z.strictObject({
  version: text,
  kind: z.enum(["initial", "adjusted", "revised"]),
  date: z.optional(dateSchema),
  changes: z.optional(z.array(z.string())),
  source: z.optional(sourceSchema),
});

const transferSchema = z.strictObject({
  value: z.optional(z.enum(["high", "medium", "low"])),
  preconditions: z.optional(z.array(z.string())),
  products: z.optional(z.array(z.string())),
  notes: z.optional(z.array(z.string())),
});

/**
 * The zod schema of a programme theory. Parsing a {@link TheorySpec} gives a {@link ProgrammeTheory}
 * (`links` and `indicators` default to `[]`). Objects are strict: an unknown key (usually a typo,
 * `lable` for `label`) is an error; free-form data goes in `extensions`. The same schema is published
 * as JSON Schema (draft 2020-12) in `@tiltak/theory/schema.json`.
 *
 * @example
 * ```ts
 * import { theorySchema } from "@tiltak/theory";
 * theorySchema.safeParse({ id: "t", title: "T", nodes: [] }).success; // => true
 * theorySchema.safeParse({ id: "t", title: "T", nodes: [{ id: "a", kind: "outcome", lable: "x" }] }).success; // => false
 * ```
 */
export const theorySchema: z.ZodMiniType<ProgrammeTheory, TheorySpec> = z.strictObject({
  id: idSchema,
  title: text,
  lang: z.optional(z.enum(["en", "nb"])),
  labels: z.optional(labelsSchema),
  description: z.optional(z.string()),
  programme: z.optional(z.string()),
  organisation: z.optional(z.string()),
  municipality: z.optional(z.string()),
  version: z.optional(z.string()),
  status: z.optional(z.enum(["initial", "adjusted", "revised"])),
  revises: z.optional(idSchema),
  nodes: z.array(nodeSchema),
  links: z._default(z.array(linkSchema), []),
  indicators: z._default(z.array(indicatorSchema), []),
  targetGroup: z.optional(targetGroupSchema),
  components: z.optional(z.array(componentSchema)),
  assumptions: z.optional(z.array(assumptionSchema)),
  evidence: z.optional(z.array(evidenceSchema)),
  cmos: z.optional(z.array(cmoSchema)),
  factors: z.optional(z.array(factorSchema)),
  implementation: z.optional(implementationSchema),
  uncertainties: z.optional(z.array(uncertaintySchema)),
  versions: z.optional(z.array(versionSchema)),
  transfer: z.optional(transferSchema),
  source: z.optional(sourceSchema),
  extensions: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * Validates the shape of a programme theory and returns it as a plain-JSON {@link ProgrammeTheory}
 * (`links` and `indicators` default to `[]`). Only the shape is checked here; semantic problems
 * (dangling references, cycles, outcomes without indicators) are reported by `checkTheory`.
 *
 * @param spec - the theory as plain JSON; see {@link TheorySpec}
 * @returns the validated theory (a new object; the input is not changed)
 * @throws TiltakError `INVALID_INPUT` naming the path of every bad field, e.g. `nodes[0].kind must be one of …`
 * @see docs/methods/theory/model.md
 *
 * @example
 * ```ts
 * import { defineTheory } from "@tiltak/theory";
 * const theory = defineTheory({ id: "demo", title: "Demo", nodes: [{ id: "lang", kind: "outcome", label: "Better Norwegian", horizon: "short" }] });
 * theory.links; // => []
 * theory.nodes[0]?.horizon; // => "short"
 * defineTheory({ id: "demo", title: "Demo", nodes: [{ id: "x", kind: "goal", label: "X" }] }); // => throws INVALID_INPUT
 * ```
 */
export function defineTheory(spec: TheorySpec): ProgrammeTheory {
  return parseOptions(theorySchema, spec);
}
