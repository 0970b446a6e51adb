import { parseOptions } from "@tiltak/core";
import * as z from "zod/mini";
import { checkTheory } from "./check.js";
import { asTheory } from "./graph.js";
import type { ProgrammeTheory, TheorySpec } from "./model.js";

/** What the evaluator knows about the planned study, beyond what the theory records. */
export interface ReadinessAnswers {
  /** Total participants (all arms) the trial needs, e.g. from `@tiltak/power`. */
  requiredSampleSize?: number | undefined;
  /** Eligible people per recruitment period at one site; default: the theory's `targetGroup.size.eligible`. */
  eligiblePerPeriod?: number | undefined;
  /** Recruitment periods (e.g. school years) the trial can recruit over. Default 1. */
  periods?: number | undefined;
  /** Sites (municipalities, centres) that can take part. Default 1. */
  sites?: number | undefined;
  /** What the comparison group gets. NIBR-rapport 2020:13 (chapter 1, «Behov for økt forskningsbasert kunnskap på integreringsfeltet»): ordinary follow-up in the introduction programme. */
  comparator?:
    | "treatment-as-usual"
    | "waiting-list"
    | "alternative-programme"
    | "no-treatment"
    | "none"
    | undefined;
  /** Unit of randomisation. */
  randomisationUnit?: "individual" | "class" | "cohort" | "site" | "municipality" | undefined;
  /** Whether the intervention is delivered to individuals or to whole groups (a class, a cohort). */
  deliveredTo?: "individuals" | "groups" | undefined;
  /** Risk that the comparison group is exposed to the intervention (shared classes, staff, workplaces). */
  contaminationRisk?: "low" | "medium" | "high" | undefined;
  /** Whether participants will know which group they are in. */
  participantsAware?: boolean | undefined;
  /** Whether the primary outcome can be measured in registers (e.g. NAV A-register) for both groups; default: inferred from indicator sources. */
  registerOutcome?: boolean | undefined;
  /** Planned follow-up after the intervention, in months. */
  followUpMonths?: number | undefined;
  /** Follow-up the primary outcome needs, in months. Default 12 (IMDi's status one year after the programme). */
  requiredFollowUpMonths?: number | undefined;
}

const positiveInt = z.int().check(z.minimum(1, { error: "must be an integer >= 1" }));

/**
 * Schema of {@link ReadinessAnswers}.
 *
 * @example
 * ```ts
 * import { readinessAnswersSchema } from "@tiltak/theory";
 * readinessAnswersSchema.safeParse({ randomisationUnit: "class", sites: 4 }).success; // => true
 * readinessAnswersSchema.safeParse({ sites: 0 }).success; // => false
 * ```
 */
export const readinessAnswersSchema: z.ZodMiniType<ReadinessAnswers> = z.strictObject({
  requiredSampleSize: z.optional(positiveInt),
  eligiblePerPeriod: z.optional(z.int().check(z.minimum(0, { error: "must be an integer >= 0" }))),
  periods: z.optional(positiveInt),
  sites: z.optional(positiveInt),
  comparator: z.optional(
    z.enum(["treatment-as-usual", "waiting-list", "alternative-programme", "no-treatment", "none"]),
  ),
  randomisationUnit: z.optional(z.enum(["individual", "class", "cohort", "site", "municipality"])),
  deliveredTo: z.optional(z.enum(["individuals", "groups"])),
  contaminationRisk: z.optional(z.enum(["low", "medium", "high"])),
  participantsAware: z.optional(z.boolean()),
  registerOutcome: z.optional(z.boolean()),
  followUpMonths: z.optional(z.number().check(z.minimum(0, { error: "must be >= 0" }))),
  requiredFollowUpMonths: z.optional(z.number().check(z.minimum(0, { error: "must be >= 0" }))),
});

/** Status of one readiness item. */
export type ReadinessStatus = "met" | "partial" | "not-met" | "unknown";

/** Names of the readiness items. */
export type ReadinessItemName =
  | "problem"
  | "target-group"
  | "recruitment"
  | "intervention"
  | "mechanisms"
  | "outcomes"
  | "indicators"
  | "theory-consistency"
  | "fidelity"
  | "transfer"
  | "eligible-pool"
  | "comparator"
  | "randomisation-unit"
  | "contamination"
  | "awareness"
  | "register-outcome"
  | "follow-up";

/** One item of the scorecard. */
export interface ReadinessItem {
  /** Item name. */
  item: ReadinessItemName;
  /** The question, as the NIBR template asks it. */
  question: string;
  /** `met`, `partial`, `not-met` or `unknown` (no information). */
  status: ReadinessStatus;
  /** What the theory and answers say. */
  evidence: string;
  /** What to do next (empty when met). */
  next: string;
  /** Which verdicts the item counts for. */
  requiredFor: ("pilot" | "rct")[];
  /** Where the criterion comes from. */
  source: string;
}

/** A verdict for one kind of study. */
export interface ReadinessVerdict {
  /** `ready` (every item met), `not-ready` (an item not met) or `conditional` (items partial or unknown). */
  verdict: "ready" | "conditional" | "not-ready";
  /** Items met. */
  met: number;
  /** Items counted. */
  total: number;
  /** Items not met. */
  blocking: ReadinessItemName[];
  /** Items partial or unknown. */
  open: ReadinessItemName[];
}

/** Result of {@link assessReadiness}. */
export interface ReadinessResult {
  /** `"assessReadiness"`. */
  method: "assessReadiness";
  /** Id of the theory. */
  theory: string;
  /** The answers used (echoed, after validation). */
  answers: ReadinessAnswers;
  /** The scorecard. */
  items: ReadinessItem[];
  /** Readiness for a pilot (feasibility and study design at small scale). */
  pilot: ReadinessVerdict;
  /** Readiness for a randomised controlled trial. */
  rct: ReadinessVerdict;
}

const NIBR = "NIBR-rapport 2020:13";
const registerPattern =
  /regist|a-ordning|a-melding|administrativ|ssb|statistics norway|folkeregister|nav a-|vigo|norskprøve|norskprove|national test/i;

/**
 * A pilot and RCT readiness scorecard for a programme theory, after the template NIBR used to judge
 * eight municipal integration projects (NIBR-rapport 2020:13, «Sammendrag» and chapter 4, «Datakilder») and its
 * methodological statements on piloting and RCTs (chapter 1, «Sentrale begreper»): problem and target group defined,
 * intervention with dose, mechanisms, outcomes and indicators; then, for an RCT, the eligible pool
 * against the sample needed, the comparator (treatment as usual), the randomisation unit and the
 * risk of contamination (whole-class delivery), participants' awareness of allocation, an outcome
 * measurable in registers, the follow-up length and fidelity criteria. Items that depend on the
 * study plan are read from `answers`; without an answer they are `unknown`.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param answers - what is known about the planned study; see {@link ReadinessAnswers}
 * @returns `{ method, theory, answers, items: [{ item, question, status, evidence, next, requiredFor, source }], pilot, rct }`
 * @throws TiltakError `INVALID_INPUT` for a bad shape or bad answers
 * @see docs/methods/theory/readiness.md
 *
 * @example
 * ```ts
 * import { assessReadiness } from "@tiltak/theory";
 * const theory = { id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }], targetGroup: { description: "Spor 1 learners", size: { eligible: 50 } } };
 * const result = assessReadiness(theory, { requiredSampleSize: 200, randomisationUnit: "individual", deliveredTo: "groups" });
 * result.items.find((item) => item.item === "eligible-pool")?.status; // => "not-met"
 * result.items.find((item) => item.item === "randomisation-unit")?.status; // => "not-met"
 * result.rct.verdict; // => "not-ready"
 * ```
 */
export function assessReadiness(
  theory: TheorySpec | ProgrammeTheory,
  answers: ReadinessAnswers = {},
): ReadinessResult {
  const parsed = asTheory(theory);
  const a = parseOptions(readinessAnswersSchema, answers);
  const check = checkTheory(parsed);
  const rules = (rule: string) => check.findings.filter((finding) => finding.rule === rule);
  const nodes = (kind: string) => parsed.nodes.filter((node) => node.kind === kind);
  const items: ReadinessItem[] = [];
  const push = (
    item: ReadinessItemName,
    question: string,
    status: ReadinessStatus,
    evidence: string,
    next: string,
    requiredFor: ("pilot" | "rct")[],
    source: string,
  ): void => {
    items.push({ item, question, status, evidence, next: status === "met" ? "" : next, requiredFor, source });
  };
  const both: ("pilot" | "rct")[] = ["pilot", "rct"];
  const rct: ("pilot" | "rct")[] = ["rct"];

  // problem
  const problems = nodes("problem");
  const stakeholders = [...new Set(problems.flatMap((node) => (node.stakeholder ? [node.stakeholder] : [])))];
  push(
    "problem",
    "What is the problem (and for whom)?",
    problems.length > 0 ? "met" : "not-met",
    problems.length > 0
      ? `${problems.length} problem node(s)${stakeholders.length > 0 ? `, for ${stakeholders.join(", ")}` : ""}`
      : "no problem node",
    "State the problem the programme addresses, per stakeholder where views differ.",
    both,
    `${NIBR}, «Sammendrag» and chapter 1, «Formålet med prosessevalueringen» (template item 2)`,
  );

  // target group
  const tg = parsed.targetGroup;
  const eligibility = tg?.eligibility ?? [];
  push(
    "target-group",
    "Who is the target group, and what are the eligibility criteria?",
    tg === undefined ? "not-met" : eligibility.length > 0 ? "met" : "partial",
    tg === undefined
      ? "no target group"
      : `${tg.description}; ${eligibility.length} eligibility criteria${(tg.exclusion ?? []).length > 0 ? `, ${(tg.exclusion ?? []).length} exclusion criteria` : ""}`,
    tg === undefined
      ? "Describe the target group and write its eligibility criteria so that a site could apply them."
      : "Write the eligibility criteria as checkable rules (targetGroup.eligibility).",
    both,
    `${NIBR} template item 3; chapter 1, «Pilotering» (piloting identifies the target group)`,
  );

  // recruitment
  push(
    "recruitment",
    "How are participants found and admitted?",
    tg?.recruitment ? "met" : "not-met",
    tg?.recruitment ?? "no recruitment procedure",
    "Describe recruitment (who refers, who decides, when) so that it can run the same way in the pilot and the trial.",
    both,
    `${NIBR}, chapter 1, «Pilotering» (piloting tests recruitment and randomisation procedures); workshop question "How do you find participants?"`,
  );

  // intervention
  const activities = nodes("activity");
  const components = parsed.components ?? [];
  const dosed = components.filter(
    (component) => component.dose !== undefined && component.duration !== undefined,
  );
  push(
    "intervention",
    "What is the measure: its components, dose and duration?",
    activities.length === 0 && components.length === 0
      ? "not-met"
      : components.length > 0 && dosed.length === components.length
        ? "met"
        : "partial",
    `${activities.length} activity node(s); ${components.length} component(s), ${dosed.length} with dose and duration`,
    "Record each component with its dose and duration (components[].dose, .duration): what differs from ordinary activity.",
    both,
    `${NIBR} template item 4 ("the intervention is what differs from ordinary activity", chapter 8, «Hva er tiltakene i prosjektet?»)`,
  );

  // mechanisms
  const mechanisms = nodes("mechanism");
  const offPath = rules("mechanism-off-path").length;
  push(
    "mechanisms",
    "Which mechanisms are expected to produce the outcomes?",
    mechanisms.length === 0 ? "not-met" : offPath === 0 ? "met" : "partial",
    mechanisms.length === 0
      ? "no mechanism node"
      : `${mechanisms.length} mechanism(s), ${offPath} not on a path from an activity to an outcome`,
    mechanisms.length === 0
      ? "Name what makes the project work (mechanisms) and link them between activities and outcomes."
      : "Link every mechanism between an activity and an outcome.",
    both,
    `${NIBR}, chapter 1, «Formålet med prosessevalueringen», and chapter 4, «Datakilder», p. 32; Pawson & Tilley 1997`,
  );

  // outcomes
  const outcomes = nodes("outcome");
  const horizonsPresent = new Set(outcomes.flatMap((node) => (node.horizon ? [node.horizon] : [])));
  push(
    "outcomes",
    "What should the measure affect, in the short and the long term?",
    outcomes.length === 0
      ? "not-met"
      : horizonsPresent.has("short") && horizonsPresent.has("long")
        ? "met"
        : "partial",
    outcomes.length === 0
      ? "no outcome node"
      : `${outcomes.length} outcome(s); horizons: ${[...horizonsPresent].join(", ") || "none given"}`,
    "State short-term and long-term outcomes (outcome nodes with horizon short and long).",
    both,
    `${NIBR} template item 5 (Table 9.1: short-, intermediate- and long-term goals)`,
  );

  // indicators
  const unmeasured = rules("outcome-without-indicator").length;
  const incomplete = rules("indicator-incomplete").length;
  push(
    "indicators",
    "How will goal attainment be measured?",
    parsed.indicators.length === 0 ? "not-met" : unmeasured === 0 && incomplete === 0 ? "met" : "partial",
    `${parsed.indicators.length} indicator(s); ${unmeasured} outcome(s) without indicator; ${incomplete} incomplete indicator(s)`,
    "Give every outcome an indicator with definition, baseline, dated target and means of verification.",
    both,
    `${NIBR} Tables 6.1 and 9.1 (criteria of goal attainment); logframe`,
  );

  // theory consistency
  push(
    "theory-consistency",
    "Does the programme theory hang together?",
    check.ok ? "met" : "not-met",
    check.ok
      ? "checkTheory found no errors"
      : `checkTheory found ${check.counts.error} error(s): ${[...new Set(check.findings.filter((f) => f.severity === "error").map((f) => f.rule))].join(", ")}`,
    "Fix the errors checkTheory reports (cycles, dangling references, outcomes no activity reaches).",
    both,
    `${NIBR}, chapter 1, «Programteori» (explicit programme theories can be tested); Funnell & Rogers 2011`,
  );

  // fidelity
  const fidelity = parsed.implementation?.fidelityCriteria ?? [];
  push(
    "fidelity",
    "What does delivery as planned mean (fidelity criteria)?",
    fidelity.length > 0 ? "met" : parsed.implementation !== undefined ? "partial" : "not-met",
    fidelity.length > 0
      ? `${fidelity.length} fidelity criteria${parsed.implementation?.quality ? `; implementation quality ${parsed.implementation.quality}` : ""}`
      : parsed.implementation !== undefined
        ? "implementation notes, but no fidelity criteria"
        : "no implementation information",
    "Write fidelity criteria that another site can be checked against (implementation.fidelityCriteria).",
    both,
    `${NIBR}, chapter 10, «Implementeringskvalitet» (implementation quality); Heimby's SE fidelity scale (Tabell 6.1)`,
  );

  // transfer
  const preconditions = parsed.transfer?.preconditions ?? [];
  push(
    "transfer",
    "Could the measure be tried elsewhere, and what would another site need?",
    preconditions.length > 0 ? "met" : parsed.transfer !== undefined ? "partial" : "unknown",
    preconditions.length > 0
      ? `${preconditions.length} precondition(s) for other sites`
      : parsed.transfer
        ? "transfer notes without preconditions"
        : "no transfer assessment",
    "List what another site must have (staff, partners, pool of participants) for the measure to work there.",
    ["pilot"],
    `${NIBR}, chapter 1, «Pilotering» (piloting means trying the measure in one or a few other places)`,
  );

  // eligible pool vs needed sample
  const eligible = a.eligiblePerPeriod ?? tg?.size?.eligible;
  const periods = a.periods ?? 1;
  const sites = a.sites ?? 1;
  const capacity = eligible === undefined ? undefined : eligible * periods * sites;
  push(
    "eligible-pool",
    "Is the eligible pool large enough for the sample the trial needs?",
    capacity === undefined || a.requiredSampleSize === undefined
      ? "unknown"
      : capacity >= a.requiredSampleSize
        ? "met"
        : "not-met",
    capacity === undefined
      ? "eligible pool size unknown"
      : `eligible ${eligible} per period × ${periods} period(s) × ${sites} site(s) = ${capacity}${a.requiredSampleSize === undefined ? "; required sample unknown" : `; required ${a.requiredSampleSize}`}`,
    capacity === undefined
      ? "Record the eligible pool per period (targetGroup.size.eligible) and compute the required sample with @tiltak/power."
      : a.requiredSampleSize === undefined
        ? "Compute the required sample size (e.g. power.sampleSize) and pass it as requiredSampleSize."
        : `Recruit over more periods or sites: at ${eligible} per period and site, ${Math.ceil(a.requiredSampleSize / (eligible || 1))} site-periods are needed.`,
    rct,
    `${NIBR}, chapter 1, «Formålet med prosessevalueringen» (one site, few participants); chapter 9, «Målgruppe, begrunnelse, kriterier for valg og rekruttering av deltakere» (Kystbyen pool about 50)`,
  );

  // comparator
  push(
    "comparator",
    "What does the comparison group get?",
    a.comparator === undefined ? "unknown" : a.comparator === "none" ? "not-met" : "met",
    a.comparator === undefined ? "no comparator given" : `comparator: ${a.comparator}`,
    "Define the comparator; NIBR's is ordinary follow-up in the introduction programme (treatment as usual).",
    rct,
    `${NIBR}, chapter 1, «Behov for økt forskningsbasert kunnskap på integreringsfeltet» and «RCT – randomisert kontrollert forsøk»`,
  );

  // randomisation unit
  const unit = a.randomisationUnit;
  const cluster = unit !== undefined && unit !== "individual";
  push(
    "randomisation-unit",
    "What is randomised: individuals, classes, cohorts or sites?",
    unit === undefined
      ? "unknown"
      : unit === "individual" && a.deliveredTo === "groups"
        ? "not-met"
        : unit === "individual" && a.deliveredTo === undefined
          ? "partial"
          : "met",
    unit === undefined
      ? "no randomisation unit given"
      : `unit: ${unit}${a.deliveredTo ? `; delivered to ${a.deliveredTo}` : ""}${cluster ? " (cluster design: account for the design effect 1 + (m - 1) ICC)" : ""}`,
    unit === "individual" && a.deliveredTo === "groups"
      ? "The measure is delivered to whole groups: randomise classes, cohorts or sites (cluster randomisation) rather than individuals."
      : "Choose the randomisation unit to match how the measure is delivered, and say whether delivery is to individuals or groups.",
    rct,
    `${NIBR}, chapter 9, «Erfaringer med bruk av morsmålsstøtte» and «Nasjonal verdi» (whole class supported at the same time); chapter 1, «Pilotering»`,
  );

  // contamination
  const risk = a.contaminationRisk;
  push(
    "contamination",
    "Could the comparison group be exposed to the measure?",
    risk === undefined
      ? "unknown"
      : risk === "low" || (cluster && risk === "medium")
        ? "met"
        : cluster
          ? "partial"
          : "not-met",
    risk === undefined
      ? "contamination risk not assessed"
      : `contamination risk ${risk}${unit ? ` with ${unit} randomisation` : ""}`,
    risk === undefined
      ? "Assess whether comparison participants share classes, teachers, workplaces or caseworkers with treated ones."
      : "Separate the arms (cluster randomisation, different classes or sites) or agree that comparison participants are not offered the measure.",
    rct,
    `${NIBR}, chapter 9, «Målgruppe, begrunnelse, kriterier for valg og rekruttering av deltakere» (agreement that participants are not sent to other measures); whole-class delivery`,
  );

  // awareness
  push(
    "awareness",
    "Will participants know whether they are in the treatment group?",
    a.participantsAware === undefined ? "unknown" : a.participantsAware ? "partial" : "met",
    a.participantsAware === undefined
      ? "not assessed"
      : a.participantsAware
        ? "participants will know their allocation (no blinding)"
        : "participants will not know their allocation",
    "Since knowing one's allocation can itself have an effect, measure the primary outcome in a way that does not depend on participants' reports (registers, blinded assessors) and record awareness.",
    rct,
    `${NIBR}, chapter 1, «RCT – randomisert kontrollert forsøk» (clarify how likely participants are aware of being in the treatment group)`,
  );

  // register outcome
  const lateResults = new Set(
    parsed.nodes
      .filter((node) => node.kind === "impact" || (node.kind === "outcome" && node.horizon !== "short"))
      .map((node) => node.id),
  );
  const registerIndicators = parsed.indicators.filter(
    (indicator) =>
      indicator.source !== undefined &&
      registerPattern.test(`${indicator.source} ${indicator.meansOfVerification ?? ""}`),
  );
  const registerLate = registerIndicators.filter((indicator) => lateResults.has(indicator.nodeId));
  const registerStatus: ReadinessStatus =
    a.registerOutcome === true
      ? "met"
      : a.registerOutcome === false
        ? "not-met"
        : registerLate.length > 0
          ? "met"
          : registerIndicators.length > 0
            ? "partial"
            : "unknown";
  push(
    "register-outcome",
    "Can the primary outcome be measured in registers, equally for both groups?",
    registerStatus,
    a.registerOutcome !== undefined
      ? `answered: ${a.registerOutcome ? "yes" : "no"}`
      : registerIndicators.length > 0
        ? `register or test sources: ${registerIndicators.map((i) => `${i.id} (${i.source})`).join(", ")}${registerLate.length === 0 ? "; none for an intermediate or long-term outcome" : ""}`
        : "no indicator names a register source",
    "Define the primary outcome so that it can be read from registers (NAV A-register for work, school registers, Norskprøve results) for treated and comparison participants alike.",
    rct,
    `${NIBR}, chapter 6, Tabell 6.1 and «Hva skal tiltaket påvirke? Mål og effekter» (NAV A-register); chapter 9, «Hva skal tiltaket påvirke? Mål og effekter» (long-term goal from administrative data)`,
  );

  // follow-up
  const required = a.requiredFollowUpMonths ?? 12;
  push(
    "follow-up",
    "Is follow-up long enough for the outcome to show?",
    a.followUpMonths === undefined ? "unknown" : a.followUpMonths >= required ? "met" : "not-met",
    a.followUpMonths === undefined
      ? `no follow-up length given (outcome needs ${required} months)`
      : `follow-up ${a.followUpMonths} months; outcome needs ${required}`,
    `Plan follow-up of at least ${required} months (IMDi measures status one year after the programme; Kystbyen expected jobs within two years).`,
    rct,
    `${NIBR}, chapter 2 (status one year after the programme); chapters 9 and 11, «Hva skal tiltaket påvirke? Mål og effekter»`,
  );

  const verdict = (kind: "pilot" | "rct"): ReadinessVerdict => {
    const counted = items.filter((item) => item.requiredFor.includes(kind));
    const blocking = counted.filter((item) => item.status === "not-met").map((item) => item.item);
    const open = counted
      .filter((item) => item.status === "partial" || item.status === "unknown")
      .map((item) => item.item);
    return {
      verdict: blocking.length > 0 ? "not-ready" : open.length > 0 ? "conditional" : "ready",
      met: counted.filter((item) => item.status === "met").length,
      total: counted.length,
      blocking,
      open,
    };
  };
  return {
    method: "assessReadiness",
    theory: parsed.id,
    answers: a,
    items,
    pilot: verdict("pilot"),
    rct: verdict("rct"),
  };
}
