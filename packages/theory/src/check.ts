import { parseOptions } from "@tiltak/core";
import * as z from "zod/mini";
import {
  asTheory,
  cycleThrough,
  cyclicComponents,
  indexGraph,
  isFeedback,
  levelOf,
  reachable,
} from "./graph.js";
import type { DatedValue, Indicator, ProgrammeTheory, TheorySpec } from "./model.js";

/** How serious a finding is: an `error` makes `ok` false; `warning` and `info` do not. */
export type Severity = "error" | "warning" | "info";

/** Names of the rules {@link checkTheory} applies, in the order findings are reported. */
export type TheoryRule =
  | "duplicate-id"
  | "dangling-reference"
  | "cycle"
  | "unreachable-outcome"
  | "activity-without-outcome"
  | "mechanism-off-path"
  | "outcome-without-indicator"
  | "indicator-incomplete"
  | "indicator-inconsistent"
  | "backward-link"
  | "isolated-node"
  | "missing-problem"
  | "missing-horizon"
  | "cmo-kind"
  | "critical-assumption-untested"
  | "unused-record";

/** A rule, its default severity, what it checks and the literature it comes from. */
export interface RuleInfo {
  /** Rule name, as in findings. */
  rule: TheoryRule;
  /** Default severity. */
  severity: Severity;
  /** What the rule checks. */
  description: string;
  /** Where the rule comes from. */
  source: string;
}

/**
 * The rules of {@link checkTheory}, each with its default severity and source. The method page
 * `docs/methods/theory/checks.md` explains each one.
 *
 * @example
 * ```ts
 * import { theoryRules } from "@tiltak/theory";
 * theoryRules.find((rule) => rule.rule === "cycle")?.severity; // => "error"
 * theoryRules.length; // => 16
 * ```
 */
export const theoryRules: readonly RuleInfo[] = [
  {
    rule: "duplicate-id",
    severity: "error",
    description:
      "Ids are unique: nodes and link ids share one namespace; indicators, components, assumptions, evidence, CMO configurations and uncertainties each have their own.",
    source:
      "Data integrity (every reference must resolve to exactly one record); Kumu and JSON Canvas link by id.",
  },
  {
    rule: "dangling-reference",
    severity: "error",
    description:
      "Every reference resolves: link ends, indicator nodeId, link and assumption evidence, link assumptions, component nodeId, CMO contexts/mechanism/outcomes, factor nodeIds, assumption appliesTo, uncertainty about. A link's assumptions and evidence may also be written inline as text (with white space); single-word entries are references when the theory has such a list.",
    source: "Data integrity.",
  },
  {
    rule: "cycle",
    severity: "error",
    description:
      'The causal chain is acyclic. A cycle is allowed only if one of its links is marked as feedback (feedback: true or kind: "feedback").',
    source:
      "A results chain is a directed acyclic graph (Funnell & Rogers 2011, ch. 7 outcomes chain; dagitty validate(); Kellogg 2004).",
  },
  {
    rule: "unreachable-outcome",
    severity: "error",
    description: "Every outcome and impact can be reached from at least one activity along the links.",
    source:
      "A theory of change is a pathway from interventions to the long-term goal (ActKnowledge / Center for Theory of Change; Taplin & Clark 2012; Kellogg 2004).",
  },
  {
    rule: "activity-without-outcome",
    severity: "warning",
    description: "Every activity leads, through the links, to at least one outcome or impact.",
    source:
      "Logframe (LFA) vertical logic: if activities, then outputs, then outcomes (Norad 1999; EC 2004).",
  },
  {
    rule: "mechanism-off-path",
    severity: "warning",
    description:
      "Every mechanism lies on a path from an activity to an outcome or impact (the programme fires it, and it produces something).",
    source:
      "Realist evaluation: context + mechanism = outcome, the mechanism being the response to what the programme offers (Pawson & Tilley 1997).",
  },
  {
    rule: "outcome-without-indicator",
    severity: "warning",
    description: "Every outcome node has at least one indicator.",
    source:
      "ActKnowledge, Theory of Change Basics (Taplin & Clark 2012): all outcomes should be given one or more indicators; logframe objectively verifiable indicators.",
  },
  {
    rule: "indicator-incomplete",
    severity: "warning",
    description:
      "An indicator has a definition, a measure, a direction, a baseline (value and date), at least one dated target, a means of verification and a data source; proportions and rates have a numerator and a denominator.",
    source:
      "Logframe (LFA): objectively verifiable indicators with baseline, target and means of verification; IATI results standard; Funnell & Rogers 2011 ch. 8 success criteria.",
  },
  {
    rule: "indicator-inconsistent",
    severity: "error",
    description:
      "Indicator values agree with the indicator: proportions lie in [0, 1], counts are >= 0, ordinal and qualitative values are text or numbers, and no target is dated before the baseline.",
    source: "Logframe / IATI results standard (baseline precedes the target period).",
  },
  {
    rule: "backward-link",
    severity: "warning",
    description:
      "Links run forward along the results chain (problem, input, activity, output, mechanism, outcome short → intermediate → long, impact); a link backwards that is not marked feedback is suspicious.",
    source: "Kellogg 2004 logic model ordering; logframe vertical logic.",
  },
  {
    rule: "isolated-node",
    severity: "warning",
    description: "Every node other than context has at least one link.",
    source:
      "Funnell & Rogers 2011: a programme theory is a causal chain; an unlinked element is not part of the theory.",
  },
  {
    rule: "missing-problem",
    severity: "warning",
    description: "The theory states the problem it addresses (at least one problem node).",
    source:
      "NIBR-rapport 2020:13 (chapter 1, «Formålet med prosessevalueringen»): a problem or problem understanding is the starting point; Funnell & Rogers 2011 ch. 7 situation analysis.",
  },
  {
    rule: "missing-horizon",
    severity: "info",
    description: "Every outcome has a horizon (short, intermediate or long); only outcomes have one.",
    source: "NIBR-rapport 2020:13 Table 9.1 (short-, intermediate- and long-term goals); Kellogg 2004.",
  },
  {
    rule: "cmo-kind",
    severity: "warning",
    description:
      "A CMO configuration names context nodes as contexts, a mechanism node as mechanism and outcome or impact nodes as outcomes.",
    source: "Pawson & Tilley 1997.",
  },
  {
    rule: "critical-assumption-untested",
    severity: "info",
    description: "A critical (killer) assumption has no status other than untested.",
    source:
      "Logframe killer assumptions; Mayne 2008 contribution analysis (assess the risks to the theory of change).",
  },
  {
    rule: "unused-record",
    severity: "info",
    description:
      "Every assumption and evidence item is referred to by a link, an assumption, a CMO configuration or appliesTo.",
    source: "Hygiene: an assumption nobody rests on is not part of the theory.",
  },
];

/** One finding of {@link checkTheory}. */
export interface Finding {
  /** The rule that fired. */
  rule: TheoryRule;
  /** Its severity (after any override). */
  severity: Severity;
  /** What is wrong, naming the records. */
  message: string;
  /** Ids of the records involved. */
  ids: string[];
}

/** Options of {@link checkTheory}. */
export interface CheckOptions {
  /** Per-rule severity overrides; `"off"` drops a rule. */
  severity?: Partial<Record<TheoryRule, Severity | "off">> | undefined;
}

/** Result of {@link checkTheory}. */
export interface CheckResult {
  /** `false` if and only if there is at least one finding of severity `error`. */
  ok: boolean;
  /** `"checkTheory"`. */
  method: "checkTheory";
  /** Id of the theory checked. */
  theory: string;
  /** Number of findings by severity. */
  counts: { error: number; warning: number; info: number };
  /** The findings, ordered by rule (as {@link theoryRules}) and then by position in the theory. */
  findings: Finding[];
}

const severityValues = z.enum(["error", "warning", "info", "off"]);

/**
 * Schema of {@link CheckOptions}.
 *
 * @example
 * ```ts
 * import { checkOptionsSchema } from "@tiltak/theory";
 * checkOptionsSchema.safeParse({ severity: { "mechanism-off-path": "error" } }).success; // => true
 * checkOptionsSchema.safeParse({ severity: { "no-such-rule": "off" } }).success; // => false
 * ```
 */
export const checkOptionsSchema: z.ZodMiniType<CheckOptions> = z.strictObject({
  severity: z.optional(
    z.partialRecord(
      z.enum(theoryRules.map((rule) => rule.rule) as [TheoryRule, ...TheoryRule[]]),
      severityValues,
    ),
  ),
});

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Compares partial ISO dates by their first instant: "2020" < "2020-01-15". Returns NaN if not comparable. */
function dateKey(date: string): number {
  if (!datePattern.test(date)) return Number.NaN;
  const [y, m, d] = date.split("-").map(Number);
  return (y ?? 0) * 10000 + (m ?? 1) * 100 + (d ?? 1);
}

/**
 * Checks the meaning of a programme theory and reports findings without throwing: broken
 * references, cycles, outcomes that no activity reaches, activities that lead nowhere, mechanisms off
 * the causal path, outcomes without indicators and incomplete indicators, among others (see
 * {@link theoryRules} for each rule and its source).
 *
 * The input is first validated with `defineTheory`; a bad *shape* (a missing label, an unknown
 * kind) throws, since no rule can be applied to it.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec
 * @param options - per-rule severity overrides, e.g. `{ severity: { "mechanism-off-path": "error" } }`
 * @returns `{ ok, method, theory, counts, findings: [{ rule, severity, message, ids }] }`; `ok` is `false`
 *   if and only if a finding has severity `error`
 * @throws TiltakError `INVALID_INPUT` if the shape is invalid
 * @see docs/methods/theory/checks.md
 *
 * @example
 * ```ts
 * import { checkTheory } from "@tiltak/theory";
 * const spec = { id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "A" }, { id: "o", kind: "outcome", label: "O", horizon: "short" }], links: [{ from: "a", to: "o" }, { from: "o", to: "a" }] };
 * checkTheory(spec).ok; // => false
 * checkTheory(spec).findings[0]?.rule; // => "cycle"
 * checkTheory({ ...spec, links: [{ from: "a", to: "o" }, { from: "o", to: "a", feedback: true }] }).findings.some((f) => f.rule === "cycle"); // => false
 * ```
 */
export function checkTheory(theory: TheorySpec | ProgrammeTheory, options: CheckOptions = {}): CheckResult {
  const parsed = asTheory(theory);
  const opts = parseOptions(checkOptionsSchema, options);
  const raw: Finding[] = [];
  const add = (rule: TheoryRule, message: string, ids: string[]): void => {
    raw.push({ rule, severity: "error", message, ids });
  };
  runRules(parsed, add);
  const defaults = new Map(theoryRules.map((rule) => [rule.rule, rule.severity]));
  const order = new Map(theoryRules.map((rule, i) => [rule.rule, i]));
  const findings: Finding[] = [];
  for (const finding of raw) {
    const severity = opts.severity?.[finding.rule] ?? defaults.get(finding.rule)!;
    if (severity === "off") continue;
    findings.push({ ...finding, severity });
  }
  findings.sort((a, b) => order.get(a.rule)! - order.get(b.rule)!);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { ok: counts.error === 0, method: "checkTheory", theory: parsed.id, counts, findings };
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

function runRules(
  theory: ProgrammeTheory,
  add: (rule: TheoryRule, message: string, ids: string[]) => void,
): void {
  const nodeIds = theory.nodes.map((node) => node.id);
  const linkIds = theory.links.flatMap((link) => (link.id === undefined ? [] : [link.id]));
  const assumptions = theory.assumptions ?? [];
  const evidence = theory.evidence ?? [];
  const cmos = theory.cmos ?? [];

  // duplicate-id
  const namespaces: [string, string[]][] = [
    ["nodes and links", [...nodeIds, ...linkIds]],
    ["indicators", theory.indicators.map((x) => x.id)],
    ["components", (theory.components ?? []).map((x) => x.id)],
    ["assumptions", assumptions.map((x) => x.id)],
    ["evidence", evidence.map((x) => x.id)],
    ["cmos", cmos.map((x) => x.id)],
    ["uncertainties", (theory.uncertainties ?? []).map((x) => x.id)],
  ];
  for (const [where, ids] of namespaces) {
    for (const id of duplicates(ids))
      add("duplicate-id", `id "${id}" is used more than once among ${where}`, [id]);
  }

  // dangling-reference
  const nodes = new Set(nodeIds);
  const nodesAndLinks = new Set([...nodeIds, ...linkIds]);
  const assumptionIds = new Set(assumptions.map((x) => x.id));
  const evidenceIds = new Set(evidence.map((x) => x.id));
  const dangling = (where: string, ref: string, target: Set<string>, what: string): void => {
    if (!target.has(ref))
      add("dangling-reference", `${where} refers to ${what} "${ref}", which does not exist`, [ref]);
  };
  theory.links.forEach((link, i) => {
    const where = `links[${i}] (${link.from} → ${link.to})`;
    dangling(where, link.from, nodes, "node");
    dangling(where, link.to, nodes, "node");
    // An entry is a reference when it has no white space and the theory keeps a list of that kind;
    // otherwise it is the assumption or citation written inline.
    for (const ref of link.assumptions ?? [])
      if (!/\s/.test(ref) && assumptions.length > 0) dangling(where, ref, assumptionIds, "assumption");
    for (const ref of link.evidence ?? [])
      if (!/\s/.test(ref) && evidence.length > 0) dangling(where, ref, evidenceIds, "evidence");
  });
  theory.indicators.forEach((indicator, i) => {
    dangling(`indicators[${i}] (${indicator.id})`, indicator.nodeId, nodes, "node");
  });
  (theory.components ?? []).forEach((component, i) => {
    if (component.nodeId !== undefined)
      dangling(`components[${i}] (${component.id})`, component.nodeId, nodes, "node");
  });
  assumptions.forEach((assumption, i) => {
    const where = `assumptions[${i}] (${assumption.id})`;
    for (const ref of assumption.evidence ?? []) dangling(where, ref, evidenceIds, "evidence");
    for (const ref of assumption.appliesTo ?? []) dangling(where, ref, nodesAndLinks, "node or link");
  });
  cmos.forEach((cmo, i) => {
    const where = `cmos[${i}] (${cmo.id})`;
    for (const ref of [...cmo.contexts, cmo.mechanism, ...cmo.outcomes]) dangling(where, ref, nodes, "node");
    for (const ref of cmo.evidence ?? []) dangling(where, ref, evidenceIds, "evidence");
  });
  (theory.factors ?? []).forEach((factor, i) => {
    for (const ref of factor.nodeIds ?? []) dangling(`factors[${i}]`, ref, nodes, "node");
  });
  (theory.uncertainties ?? []).forEach((uncertainty, i) => {
    for (const ref of uncertainty.about ?? [])
      dangling(`uncertainties[${i}] (${uncertainty.id})`, ref, nodesAndLinks, "node or link");
  });

  const graph = indexGraph(theory);
  const kindOf = (id: string) => graph.kind.get(id);
  const byKind = (...kinds: string[]) => graph.ids.filter((id) => kinds.includes(kindOf(id)!));

  // cycle
  for (const component of cyclicComponents(graph.ids, graph.causalOut)) {
    const walk = cycleThrough(component, graph.causalOut);
    add(
      "cycle",
      `links form a cycle ${walk.join(" → ")}; mark the link that closes a deliberate loop with feedback: true`,
      component,
    );
  }

  // unreachable-outcome
  const activities = byKind("activity");
  const results = byKind("outcome", "impact");
  const fromActivities = reachable(activities, graph.out);
  for (const id of results) {
    if (!fromActivities.has(id))
      add("unreachable-outcome", `${kindOf(id)} "${id}" cannot be reached from any activity`, [id]);
  }

  // activity-without-outcome
  const resultSet = new Set(results);
  for (const id of activities) {
    const downstream = reachable([id], graph.out);
    if (![...downstream].some((x) => resultSet.has(x)))
      add("activity-without-outcome", `activity "${id}" leads to no outcome or impact`, [id]);
  }

  // mechanism-off-path
  for (const id of byKind("mechanism")) {
    const fired = fromActivities.has(id);
    const produces = [...reachable([id], graph.out)].some((x) => x !== id && resultSet.has(x));
    if (!fired || !produces) {
      const why =
        !fired && !produces
          ? "no activity leads to it and it leads to no outcome"
          : !fired
            ? "no activity leads to it"
            : "it leads to no outcome";
      add("mechanism-off-path", `mechanism "${id}" is not on a path from an activity to an outcome: ${why}`, [
        id,
      ]);
    }
  }

  // outcome-without-indicator
  const measured = new Set(theory.indicators.map((indicator) => indicator.nodeId));
  for (const id of byKind("outcome")) {
    if (!measured.has(id)) add("outcome-without-indicator", `outcome "${id}" has no indicator`, [id]);
  }

  // indicator-incomplete and indicator-inconsistent
  for (const indicator of theory.indicators) {
    const missing = missingParts(indicator);
    if (missing.length > 0)
      add("indicator-incomplete", `indicator "${indicator.id}" lacks ${missing.join(", ")}`, [
        indicator.id,
        indicator.nodeId,
      ]);
    for (const problem of inconsistencies(indicator))
      add("indicator-inconsistent", `indicator "${indicator.id}": ${problem}`, [indicator.id]);
  }

  // backward-link
  const nodeById = new Map(theory.nodes.map((node) => [node.id, node] as const));
  for (const link of theory.links) {
    const from = nodeById.get(link.from);
    const to = nodeById.get(link.to);
    if (!from || !to || isFeedback(link) || from.kind === "context") continue;
    const a = levelOf(from.kind, from.horizon);
    const b = levelOf(to.kind, to.horizon);
    if (to.kind === "context" || b < a)
      add(
        "backward-link",
        `link ${link.from} → ${link.to} runs backwards (${from.kind}${from.horizon ? ` ${from.horizon}` : ""} → ${to.kind}${to.horizon ? ` ${to.horizon}` : ""}); mark it feedback if it is a loop`,
        [link.from, link.to],
      );
  }

  // isolated-node
  for (const id of graph.ids) {
    if (kindOf(id) === "context") continue;
    if ((graph.out.get(id)?.length ?? 0) === 0 && (graph.in.get(id)?.length ?? 0) === 0)
      add("isolated-node", `${kindOf(id)} "${id}" has no links`, [id]);
  }

  // missing-problem
  if (theory.nodes.length > 0 && !theory.nodes.some((node) => node.kind === "problem"))
    add("missing-problem", `theory "${theory.id}" states no problem (no node of kind "problem")`, [
      theory.id,
    ]);

  // missing-horizon
  for (const node of theory.nodes) {
    if (node.kind === "outcome" && node.horizon === undefined)
      add("missing-horizon", `outcome "${node.id}" has no horizon (short, intermediate or long)`, [node.id]);
    if (node.kind !== "outcome" && node.horizon !== undefined)
      add("missing-horizon", `${node.kind} "${node.id}" has a horizon, which only outcomes have`, [node.id]);
  }

  // cmo-kind
  for (const cmo of cmos) {
    const wrong: string[] = [];
    for (const id of cmo.contexts)
      if (kindOf(id) !== undefined && kindOf(id) !== "context")
        wrong.push(`context "${id}" is a ${kindOf(id)}`);
    if (kindOf(cmo.mechanism) !== undefined && kindOf(cmo.mechanism) !== "mechanism")
      wrong.push(`mechanism "${cmo.mechanism}" is a ${kindOf(cmo.mechanism)}`);
    for (const id of cmo.outcomes)
      if (kindOf(id) !== undefined && kindOf(id) !== "outcome" && kindOf(id) !== "impact")
        wrong.push(`outcome "${id}" is a ${kindOf(id)}`);
    if (wrong.length > 0) add("cmo-kind", `CMO configuration "${cmo.id}": ${wrong.join("; ")}`, [cmo.id]);
  }

  // critical-assumption-untested
  for (const assumption of assumptions) {
    if (assumption.critical === true && (assumption.status ?? "untested") === "untested")
      add("critical-assumption-untested", `critical assumption "${assumption.id}" is untested`, [
        assumption.id,
      ]);
  }

  // unused-record
  const usedAssumptions = new Set(theory.links.flatMap((link) => link.assumptions ?? []));
  const usedEvidence = new Set([
    ...theory.links.flatMap((link) => link.evidence ?? []),
    ...assumptions.flatMap((assumption) => assumption.evidence ?? []),
    ...cmos.flatMap((cmo) => cmo.evidence ?? []),
  ]);
  for (const assumption of assumptions) {
    if (!usedAssumptions.has(assumption.id) && (assumption.appliesTo ?? []).length === 0)
      add("unused-record", `assumption "${assumption.id}" is attached to no link or node`, [assumption.id]);
  }
  for (const item of evidence) {
    if (!usedEvidence.has(item.id))
      add("unused-record", `evidence "${item.id}" is cited by no link, assumption or CMO configuration`, [
        item.id,
      ]);
  }
}

function isNumber(value: DatedValue["value"]): value is number {
  return typeof value === "number";
}

function missingParts(indicator: Indicator): string[] {
  const missing: string[] = [];
  if (!indicator.definition) missing.push("a definition");
  if (indicator.measure === undefined) missing.push("a measure");
  if (indicator.direction === undefined) missing.push("a direction");
  if (indicator.baseline === undefined) missing.push("a baseline");
  if ((indicator.targets ?? []).length === 0) missing.push("a target");
  if (!indicator.meansOfVerification) missing.push("a means of verification");
  if (!indicator.source) missing.push("a data source");
  if (indicator.measure === "proportion" || indicator.measure === "rate") {
    if (!indicator.numerator) missing.push("a numerator");
    if (!indicator.denominator) missing.push("a denominator");
  }
  return missing;
}

function inconsistencies(indicator: Indicator): string[] {
  const problems: string[] = [];
  const values: [string, DatedValue][] = [
    ...(indicator.baseline ? ([["baseline", indicator.baseline]] as [string, DatedValue][]) : []),
    ...(indicator.targets ?? []).map((target, i) => [`targets[${i}]`, target] as [string, DatedValue]),
  ];
  for (const [where, dated] of values) {
    const { value } = dated;
    if (indicator.measure === "proportion" && (!isNumber(value) || value < 0 || value > 1))
      problems.push(`${where}.value must be a proportion in [0, 1], got ${JSON.stringify(value)}`);
    else if (
      (indicator.measure === "count" || indicator.measure === "rate") &&
      (!isNumber(value) || value < 0)
    )
      problems.push(`${where}.value must be a number >= 0, got ${JSON.stringify(value)}`);
    else if (indicator.measure === "mean" && !isNumber(value))
      problems.push(`${where}.value must be a number, got ${JSON.stringify(value)}`);
  }
  if (indicator.baseline) {
    const start = dateKey(indicator.baseline.date);
    (indicator.targets ?? []).forEach((target, i) => {
      if (dateKey(target.date) < start)
        problems.push(
          `targets[${i}].date ${target.date} is before the baseline date ${indicator.baseline!.date}`,
        );
    });
  }
  return problems;
}
