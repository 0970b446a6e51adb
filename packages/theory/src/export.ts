import { invalidInput, parseOptions } from "@tiltak/core";
import * as z from "zod/mini";
import { asTheory, isFeedback, levelNames, levelOf } from "./graph.js";
import type { Amount, NodeKind, ProgrammeTheory, TheoryNode, TheorySpec } from "./model.js";

/** Options shared by the diagram exports. */
export interface DiagramOptions {
  /** Language of the labels: a node's `labels[lang]` is used when present. Default: the theory's own labels. */
  lang?: "en" | "nb" | undefined;
  /** Wrap labels at about this many characters. Default 28. */
  wrap?: number | undefined;
  /** Write each link's rationale on the arrow. Default `false`. */
  rationale?: boolean | undefined;
  /** Name the columns (DOT: a row of column titles along the diagram). Default `true`. */
  headers?: boolean | undefined;
}

/**
 * Schema of {@link DiagramOptions}.
 *
 * @example
 * ```ts
 * import { diagramOptionsSchema } from "@tiltak/theory";
 * diagramOptionsSchema.safeParse({ lang: "nb", wrap: 20 }).success; // => true
 * diagramOptionsSchema.safeParse({ wrap: 3 }).success; // => false
 * ```
 */
export const diagramOptionsSchema: z.ZodMiniType<DiagramOptions> = z.strictObject({
  lang: z.optional(z.enum(["en", "nb"])),
  wrap: z.optional(z.int().check(z.minimum(8, { error: "must be an integer >= 8" }))),
  rationale: z.optional(z.boolean()),
  headers: z.optional(z.boolean()),
});

/**
 * Fill and border colours per node kind (Okabe–Ito hues, lightened for fills), shared by the DOT,
 * Mermaid and Vega-Lite diagrams.
 *
 * @example
 * ```ts
 * import { kindStyles } from "@tiltak/theory";
 * kindStyles.outcome.stroke; // => "#009E73"
 * ```
 */
export const kindStyles: Readonly<Record<NodeKind, { fill: string; stroke: string }>> = {
  problem: { fill: "#FBE3D6", stroke: "#D55E00" },
  input: { fill: "#EEEEEE", stroke: "#767676" },
  activity: { fill: "#D6E9F8", stroke: "#0072B2" },
  output: { fill: "#E1F2FB", stroke: "#3C9BD2" },
  mechanism: { fill: "#FFF1CC", stroke: "#E69F00" },
  outcome: { fill: "#D9F2E8", stroke: "#009E73" },
  impact: { fill: "#C8EBDC", stroke: "#006D4F" },
  context: { fill: "#F5F5F5", stroke: "#8C8C8C" },
};

const levelTitles: Record<"en" | "nb", string[]> = {
  en: [
    "Problem",
    "Inputs",
    "Activities",
    "Outputs",
    "Mechanisms",
    "Short-term outcomes",
    "Intermediate outcomes",
    "Long-term outcomes",
    "Impact",
  ],
  nb: [
    "Problem",
    "Ressurser",
    "Aktiviteter",
    "Resultater (output)",
    "Mekanismer",
    "Kortsiktige mål",
    "Mellomliggende mål",
    "Langsiktige mål",
    "Samfunnseffekt",
  ],
};

/**
 * The label of a node in a language: `labels[lang]` if present, else `label`.
 *
 * @example
 * ```ts
 * import { nodeLabel } from "@tiltak/theory";
 * const node = { id: "o", kind: "outcome" as const, label: "Work", labels: { nb: "Arbeid" } };
 * nodeLabel(node, "nb"); // => "Arbeid"
 * nodeLabel(node, undefined); // => "Work"
 * ```
 */
export function nodeLabel(node: TheoryNode, lang: string | undefined): string {
  return (lang !== undefined ? node.labels?.[lang] : undefined) ?? node.label;
}

/**
 * Greedy word wrap at `width` characters (words longer than `width` stay whole).
 *
 * @example
 * ```ts
 * import { wrapText } from "@tiltak/theory";
 * wrapText("Participation in working life", 16); // => ["Participation in", "working life"]
 * ```
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * Nodes grouped by column, left to right (problem, input, activity, output, mechanism, outcome
 * short / intermediate / long, impact); context nodes are returned separately. Outcomes without a
 * horizon go with the intermediate ones.
 *
 * @example
 * ```ts
 * import { columns, defineTheory } from "@tiltak/theory";
 * const theory = defineTheory({ id: "t", title: "T", nodes: [{ id: "o", kind: "outcome", label: "O", horizon: "long" }, { id: "a", kind: "activity", label: "A" }, { id: "c", kind: "context", label: "C" }] });
 * columns(theory).levels.map((level) => level.map((node) => node.id).join(",")); // => ["", "", "a", "", "", "", "", "o", ""]
 * columns(theory).context.map((node) => node.id); // => ["c"]
 * ```
 */
export function columns(theory: ProgrammeTheory): { levels: TheoryNode[][]; context: TheoryNode[] } {
  const levels: TheoryNode[][] = levelNames.map(() => []);
  const context: TheoryNode[] = [];
  const seen = new Set<string>();
  for (const node of theory.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const level = levelOf(node.kind, node.horizon);
    if (level < 0) context.push(node);
    else levels[level]!.push(node);
  }
  return { levels, context };
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function validLinks(theory: ProgrammeTheory) {
  const ids = new Set(theory.nodes.map((node) => node.id));
  return theory.links.filter((link) => ids.has(link.from) && ids.has(link.to));
}

/**
 * Graphviz DOT text of the theory, laid out left to right in columns: problem → inputs → activities
 * → outputs → mechanisms → short, intermediate and long-term outcomes → impact. Each column is a
 * rank (`rank=same`) with a title node ("Activities", «Aktiviteter» with `lang: "nb"`), and the
 * titles are chained by invisible edges so that the order holds even where a column has no links;
 * context nodes sit beside the mechanisms with dashed borders; feedback links are dashed and do not
 * constrain the layout. Render with `@tiltak/plot`'s `renderDot` (Graphviz as WebAssembly).
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `lang`, `wrap` (label width, default 28), `rationale` (edge labels, default false),
 *   `headers` (column titles, default true)
 * @returns DOT source
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toDot } from "@tiltak/theory";
 * const dot = toDot({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "o" }] });
 * dot.startsWith('digraph "t" {'); // => true
 * dot.includes('"a" -> "o"'); // => true
 * dot.includes("rankdir=LR"); // => true
 * ```
 */
export function toDot(theory: TheorySpec | ProgrammeTheory, options: DiagramOptions = {}): string {
  const parsed = asTheory(theory);
  const opts = parseOptions(diagramOptionsSchema, options);
  const wrap = opts.wrap ?? 28;
  const lang = opts.lang;
  const { levels, context } = columns(parsed);
  const titles = levelTitles[lang ?? parsed.lang ?? "en"];
  const out: string[] = [];
  out.push(`digraph ${dotString(parsed.id)} {`);
  out.push(
    `  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.55, fontname="Helvetica", fontsize=14, labelloc=t, label=${dotString(parsed.labels?.[lang ?? ""] ?? parsed.title)}];`,
  );
  out.push(
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, penwidth=1.2, margin="0.12,0.06"];',
  );
  out.push('  edge [color="#4D4D4D", arrowsize=0.7, penwidth=0.9, fontname="Helvetica", fontsize=8];');
  const present = levels.map((nodes, i) => (nodes.length > 0 ? i : -1)).filter((i) => i >= 0);
  const contextLevel = present.includes(4) ? 4 : (present.find((l) => l >= 4) ?? present[present.length - 1]);
  const nodeLine = (node: TheoryNode): string => {
    const style = kindStyles[node.kind];
    const extra =
      node.kind === "context"
        ? ', style="rounded,filled,dashed", shape=note'
        : node.kind === "impact"
          ? ", penwidth=2"
          : node.kind === "mechanism"
            ? ', shape=box, style="filled"'
            : "";
    return `    ${dotString(node.id)} [label=${dotString(wrapText(nodeLabel(node, lang), wrap).join("\n"))}, fillcolor="${style.fill}", color="${style.stroke}"${extra}];`;
  };
  for (const level of present) {
    out.push(`  // ${levelNames[level]}`);
    out.push("  {");
    out.push("    rank=same;");
    out.push(
      opts.headers === false
        ? `    ${dotString(`__level_${level}`)} [style=invis, shape=point, width=0, height=0, label=""];`
        : `    ${dotString(`__level_${level}`)} [shape=plaintext, style="", fontsize=11, fontcolor="#333333", label=${dotString(titles[level]!)}];`,
    );
    for (const node of levels[level]!) out.push(nodeLine(node));
    if (level === contextLevel) for (const node of context) out.push(nodeLine(node));
    out.push("  }");
  }
  if (context.length > 0 && contextLevel === undefined) {
    out.push("  // context");
    for (const node of context) out.push(nodeLine(node).slice(2));
  }
  for (let i = 1; i < present.length; i++) {
    out.push(
      `  ${dotString(`__level_${present[i - 1]}`)} -> ${dotString(`__level_${present[i]}`)} [style=invis];`,
    );
  }
  const kindOf = new Map(parsed.nodes.map((node) => [node.id, node.kind] as const));
  for (const link of validLinks(parsed)) {
    const attrs: string[] = [];
    if (isFeedback(link)) attrs.push("style=dashed", "constraint=false", 'color="#8C8C8C"');
    else if (kindOf.get(link.from) === "context" || kindOf.get(link.to) === "context")
      attrs.push("style=dashed", "constraint=false", 'color="#8C8C8C"');
    else if (link.kind === "moderates") attrs.push("style=dotted");
    if (opts.rationale && link.rationale)
      attrs.push(`label=${dotString(wrapText(link.rationale, wrap).join("\n"))}`);
    out.push(
      `  ${dotString(link.from)} -> ${dotString(link.to)}${attrs.length > 0 ? ` [${attrs.join(", ")}]` : ""};`,
    );
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

function mermaidId(id: string, used: Map<string, string>, taken: Set<string>): string {
  const existing = used.get(id);
  if (existing) return existing;
  let base = id.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z]/.test(base)) base = `n_${base}`;
  if (
    ["end", "graph", "subgraph", "flowchart", "class", "classDef", "style", "click", "direction"].includes(
      base,
    )
  )
    base = `n_${base}`;
  let candidate = base;
  for (let k = 2; taken.has(candidate); k++) candidate = `${base}_${k}`;
  taken.add(candidate);
  used.set(id, candidate);
  return candidate;
}

function mermaidText(text: string): string {
  return text.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

/**
 * Mermaid flowchart text (`flowchart LR`) with one subgraph per column, nodes styled by kind,
 * feedback links dotted. Ids are made Mermaid-safe (`a-1` → `a_1`); labels are escaped.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `lang`, `wrap` (default 28), `rationale` (edge labels, default false)
 * @returns Mermaid source
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toMermaid } from "@tiltak/theory";
 * const text = toMermaid({ id: "t", title: "T", nodes: [{ id: "a-1", kind: "activity", label: "Teach \"well\"" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a-1", to: "o" }] });
 * text.split("\n")[0]; // => "flowchart LR"
 * text.includes("a_1 --> o"); // => true
 * text.includes("Teach #quot;well#quot;"); // => true
 * ```
 */
export function toMermaid(theory: TheorySpec | ProgrammeTheory, options: DiagramOptions = {}): string {
  const parsed = asTheory(theory);
  const opts = parseOptions(diagramOptionsSchema, options);
  const wrap = opts.wrap ?? 28;
  const lang = opts.lang;
  const titles = levelTitles[lang ?? parsed.lang ?? "en"];
  const used = new Map<string, string>();
  const taken = new Set<string>();
  const { levels, context } = columns(parsed);
  const out: string[] = ["flowchart LR"];
  const nodeLine = (node: TheoryNode) =>
    `    ${mermaidId(node.id, used, taken)}["${wrapText(nodeLabel(node, lang), wrap).map(mermaidText).join("<br/>")}"]:::${node.kind}`;
  levels.forEach((nodes, level) => {
    if (nodes.length === 0) return;
    out.push(`  subgraph L${level}["${mermaidText(titles[level]!)}"]`, "    direction TB");
    for (const node of nodes) out.push(nodeLine(node));
    out.push("  end");
  });
  if (context.length > 0) {
    out.push(
      `  subgraph LC["${lang === "nb" || (lang === undefined && parsed.lang === "nb") ? "Kontekst" : "Context"}"]`,
      "    direction TB",
    );
    for (const node of context) out.push(nodeLine(node));
    out.push("  end");
  }
  for (const link of validLinks(parsed)) {
    const from = mermaidId(link.from, used, taken);
    const to = mermaidId(link.to, used, taken);
    const arrow = isFeedback(link) ? "-.->" : "-->";
    const text = opts.rationale && link.rationale ? `|"${mermaidText(link.rationale)}"|` : "";
    out.push(`  ${from} ${arrow}${text} ${to}`);
  }
  for (const kind of Object.keys(kindStyles) as NodeKind[]) {
    const style = kindStyles[kind];
    out.push(
      `  classDef ${kind} fill:${style.fill},stroke:${style.stroke}${kind === "context" ? ",stroke-dasharray:4 3" : ""}`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** Options of {@link toDagitty}. */
export interface DagittyOptions {
  /** Node id marked `exposure`. Default: the only activity, if there is exactly one. */
  exposure?: string | undefined;
  /** Node ids marked `outcome`. Default: outcomes and impacts with no causal link out. */
  outcome?: string | string[] | undefined;
}

/**
 * Schema of {@link DagittyOptions}.
 *
 * @example
 * ```ts
 * import { dagittyOptionsSchema } from "@tiltak/theory";
 * dagittyOptionsSchema.safeParse({ exposure: "a", outcome: ["o1", "o2"] }).success; // => true
 * ```
 */
export const dagittyOptionsSchema: z.ZodMiniType<DagittyOptions> = z.strictObject({
  exposure: z.optional(z.string()),
  outcome: z.optional(z.union([z.string(), z.array(z.string())])),
});

function dagittyId(id: string, used: Map<string, string>, taken: Set<string>): string {
  const existing = used.get(id);
  if (existing) return existing;
  let base = id.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let candidate = base;
  for (let k = 2; taken.has(candidate); k++) candidate = `${base}_${k}`;
  taken.add(candidate);
  used.set(id, candidate);
  return candidate;
}

/**
 * dagitty model text (`dag { … }`) for dagitty.net, R `dagitty`/`ggdag` and DoWhy: one variable
 * per node (ids made dagitty-safe), `exposure` and `outcome` marks, positions from the column layout
 * (`pos="level,row"`), and the causal links. Feedback links are left out, since a DAG has no
 * cycles.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `exposure` (node id), `outcome` (node id or ids)
 * @returns dagitty source
 * @throws TiltakError `INVALID_INPUT` if `exposure` or `outcome` is not a node of the theory
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toDagitty } from "@tiltak/theory";
 * const text = toDagitty({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "o" }] });
 * text.split("\n"); // => ["dag {", "a [exposure,pos=\"2,0\"]", "o [outcome,pos=\"5,0\"]", "a -> o", "}", ""]
 * ```
 */
export function toDagitty(theory: TheorySpec | ProgrammeTheory, options: DagittyOptions = {}): string {
  const parsed = asTheory(theory);
  const opts = parseOptions(dagittyOptionsSchema, options);
  const ids = new Set(parsed.nodes.map((node) => node.id));
  const requireNode = (id: string, path: (string | number)[]): void => {
    if (!ids.has(id)) invalidInput(path, "must be the id of a node in the theory", id);
  };
  if (opts.exposure !== undefined) requireNode(opts.exposure, ["exposure"]);
  const outcomeList =
    opts.outcome === undefined ? undefined : typeof opts.outcome === "string" ? [opts.outcome] : opts.outcome;
  outcomeList?.forEach((id, i) => {
    requireNode(id, typeof opts.outcome === "string" ? ["outcome"] : ["outcome", i]);
  });
  const links = validLinks(parsed).filter((link) => !isFeedback(link));
  const activities = parsed.nodes.filter((node) => node.kind === "activity");
  const exposure = opts.exposure ?? (activities.length === 1 ? activities[0]!.id : undefined);
  const hasOut = new Set(links.map((link) => link.from));
  const outcomes = new Set(
    outcomeList ??
      parsed.nodes
        .filter((node) => (node.kind === "outcome" || node.kind === "impact") && !hasOut.has(node.id))
        .map((node) => node.id),
  );
  const used = new Map<string, string>();
  const taken = new Set<string>();
  const { levels, context } = columns(parsed);
  const out: string[] = ["dag {"];
  const place = (node: TheoryNode, x: number, y: number) => {
    const marks: string[] = [];
    if (node.id === exposure) marks.push("exposure");
    if (outcomes.has(node.id)) marks.push("outcome");
    marks.push(`pos="${x},${y}"`);
    out.push(`${dagittyId(node.id, used, taken)} [${marks.join(",")}]`);
  };
  levels.forEach((nodes, level) => {
    nodes.forEach((node, row) => {
      place(node, level, row);
    });
  });
  context.forEach((node, row) => {
    place(node, 4, -(row + 1));
  });
  for (const link of links)
    out.push(`${dagittyId(link.from, used, taken)} -> ${dagittyId(link.to, used, taken)}`);
  out.push("}");
  return `${out.join("\n")}\n`;
}

/** A Kumu blueprint (import format of kumu.io). */
export interface KumuBlueprint {
  /** Elements; Kumu matches connections to elements by label, so labels are made unique. */
  elements: {
    label: string;
    type: string;
    description?: string;
    tags?: string[];
    horizon?: string;
    stakeholder?: string;
    "tiltak id": string;
  }[];
  /** Connections between element labels. */
  connections: {
    from: string;
    to: string;
    type: string;
    direction: "directed";
    description?: string;
    tags?: string[];
    confidence?: number | string;
  }[];
}

/**
 * The theory as a Kumu blueprint (`{ elements, connections }`, importable at kumu.io), for systems
 * mapping and shared editing. Element labels are made unique (Kumu links by label): a repeated label
 * gets its id appended.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `lang` for translated labels
 * @returns `{ elements: [{ label, type, … }], connections: [{ from, to, type, direction, … }] }`
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toKumu } from "@tiltak/theory";
 * const blueprint = toKumu({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Teach" }], links: [{ from: "a", to: "o" }] });
 * blueprint.elements.map((e) => e.label); // => ["Teach", "Teach (o)"]
 * blueprint.connections[0]; // => { from: "Teach", to: "Teach (o)", type: "causes", direction: "directed" }
 * ```
 */
export function toKumu(
  theory: TheorySpec | ProgrammeTheory,
  options: Pick<DiagramOptions, "lang"> = {},
): KumuBlueprint {
  const parsed = asTheory(theory);
  const opts = parseOptions(diagramOptionsSchema, options);
  const labelOf = new Map<string, string>();
  const takenLabels = new Set<string>();
  const elements: KumuBlueprint["elements"] = [];
  for (const node of parsed.nodes) {
    if (labelOf.has(node.id)) continue;
    let label = nodeLabel(node, opts.lang);
    if (takenLabels.has(label)) label = `${label} (${node.id})`;
    takenLabels.add(label);
    labelOf.set(node.id, label);
    const element: KumuBlueprint["elements"][number] = { label, type: node.kind, "tiltak id": node.id };
    if (node.description) element.description = node.description;
    if (node.tags && node.tags.length > 0) element.tags = [...node.tags];
    if (node.horizon) element.horizon = node.horizon;
    if (node.stakeholder) element.stakeholder = node.stakeholder;
    elements.push(element);
  }
  const connections: KumuBlueprint["connections"] = validLinks(parsed).map((link) => {
    const connection: KumuBlueprint["connections"][number] = {
      from: labelOf.get(link.from)!,
      to: labelOf.get(link.to)!,
      type: link.kind ?? (isFeedback(link) ? "feedback" : "causes"),
      direction: "directed",
    };
    if (link.rationale) connection.description = link.rationale;
    if (isFeedback(link)) connection.tags = ["feedback"];
    if (link.confidence !== undefined) connection.confidence = link.confidence;
    return connection;
  });
  return { elements, connections };
}

/** One row of a logframe: a level's narrative with one indicator (CSV-ready: every value is text). */
export interface LogframeRow {
  /** `goal` (impact), `outcome`, `output`, `activity` or `input`. */
  level: string;
  /** Outcome horizon, if any. */
  horizon: string;
  /** Node id. */
  nodeId: string;
  /** The narrative summary (the node's label). */
  narrative: string;
  /** Indicator name (empty if the node has none). */
  indicator: string;
  /** Indicator definition. */
  definition: string;
  /** Baseline as `value (date)`. */
  baseline: string;
  /** Targets as `value (date)`, joined with `; `. */
  target: string;
  /** Means of verification. */
  meansOfVerification: string;
  /** Data source. */
  source: string;
  /** Assumptions attached to the node or to links leaving it, joined with `; `. */
  assumptions: string;
}

function dated(value: { value: number | string; date: string } | undefined): string {
  return value === undefined ? "" : `${value.value} (${value.date})`;
}

/**
 * Logframe rows (the Logical Framework Approach's matrix, one row per level × indicator), read top
 * down: goal (impact), outcomes (long, intermediate, short), outputs, activities, inputs. Columns:
 * narrative summary, indicator, baseline, target, means of verification, data source and assumptions
 * (those attached to the node, to links leaving it ("if this level and these assumptions, then the
 * next") and to links entering it from a mechanism, problem or context node, which have no row of
 * their own). Problems, mechanisms and context have no logframe row. Every value is a string, so the rows
 * can be written as CSV directly.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `lang` for translated labels
 * @returns rows `{ level, horizon, nodeId, narrative, indicator, definition, baseline, target, meansOfVerification, source, assumptions }`
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toLogframe } from "@tiltak/theory";
 * const rows = toLogframe({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "o" }], indicators: [{ id: "i", nodeId: "o", name: "Test level", baseline: { value: 0, date: "2019" }, targets: [{ value: 2, date: "2020" }] }] });
 * rows.map((row) => `${row.level}:${row.nodeId}:${row.indicator}`); // => ["outcome:o:Test level", "activity:a:"]
 * rows[0]?.target; // => "2 (2020)"
 * ```
 */
export function toLogframe(
  theory: TheorySpec | ProgrammeTheory,
  options: Pick<DiagramOptions, "lang"> = {},
): LogframeRow[] {
  const parsed = asTheory(theory);
  const opts = parseOptions(diagramOptionsSchema, options);
  const assumptionText = new Map((parsed.assumptions ?? []).map((a) => [a.id, a.text] as const));
  const linksById = new Map(parsed.links.flatMap((link) => (link.id ? [[link.id, link] as const] : [])));
  const rank: Record<string, number> = { impact: 0, outcome: 1, output: 2, activity: 3, input: 4 };
  const kindOf = new Map(parsed.nodes.map((node) => [node.id, node.kind] as const));
  const horizonRank: Record<string, number> = { long: 0, intermediate: 1, short: 2 };
  const nodes = parsed.nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => rank[node.kind] !== undefined)
    .sort(
      (a, b) =>
        rank[a.node.kind]! - rank[b.node.kind]! ||
        (horizonRank[a.node.horizon ?? "intermediate"] ?? 1) -
          (horizonRank[b.node.horizon ?? "intermediate"] ?? 1) ||
        a.index - b.index,
    );
  const rows: LogframeRow[] = [];
  for (const { node } of nodes) {
    const attached = new Set<string>();
    for (const link of parsed.links) {
      const enteringFromOffFrame =
        link.to === node.id && rank[kindOf.get(link.from) ?? "problem"] === undefined;
      if (link.from === node.id || enteringFromOffFrame)
        for (const id of link.assumptions ?? []) attached.add(id);
    }
    for (const assumption of parsed.assumptions ?? []) {
      for (const target of assumption.appliesTo ?? []) {
        if (target === node.id || linksById.get(target)?.from === node.id) attached.add(assumption.id);
      }
    }
    const assumptions = [...attached].map((id) => assumptionText.get(id) ?? id).join("; ");
    const base = {
      level: node.kind === "impact" ? "goal" : node.kind,
      horizon: node.horizon ?? "",
      nodeId: node.id,
      narrative: nodeLabel(node, opts.lang),
    };
    const indicators = parsed.indicators.filter((indicator) => indicator.nodeId === node.id);
    if (indicators.length === 0) {
      rows.push({
        ...base,
        indicator: "",
        definition: "",
        baseline: "",
        target: "",
        meansOfVerification: "",
        source: "",
        assumptions,
      });
    }
    for (const indicator of indicators) {
      rows.push({
        ...base,
        indicator: indicator.name,
        definition: indicator.definition ?? "",
        baseline: dated(indicator.baseline),
        target: (indicator.targets ?? []).map(dated).join("; "),
        meansOfVerification: indicator.meansOfVerification ?? "",
        source: indicator.source ?? "",
        assumptions,
      });
    }
  }
  return rows;
}

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /** Language of headings and labels: `"en"` (default: the theory's `lang`, else English) or `"nb"` (bokmål). */
  lang?: "en" | "nb" | undefined;
  /** Include a Mermaid diagram. Default `true`. */
  diagram?: boolean | undefined;
}

/**
 * Schema of {@link MarkdownOptions}.
 *
 * @example
 * ```ts
 * import { markdownOptionsSchema } from "@tiltak/theory";
 * markdownOptionsSchema.safeParse({ lang: "nb", diagram: false }).success; // => true
 * markdownOptionsSchema.safeParse({ lang: "de" }).success; // => false
 * ```
 */
export const markdownOptionsSchema: z.ZodMiniType<MarkdownOptions> = z.strictObject({
  lang: z.optional(z.enum(["en", "nb"])),
  diagram: z.optional(z.boolean()),
});

const headings = {
  en: {
    problem: "Problem",
    targetGroup: "Target group",
    eligibility: "Eligibility",
    exclusion: "Exclusion",
    recruitment: "Recruitment",
    size: "Size",
    intervention: "Intervention",
    components: "Components",
    component: "Component",
    dose: "Dose",
    duration: "Duration",
    inputs: "Inputs",
    outputs: "Outputs",
    mechanisms: "Mechanisms",
    outcomes: "Outcomes",
    short: "Short term",
    intermediate: "Intermediate",
    long: "Long term",
    unspecified: "Horizon not given",
    impact: "Impact",
    criteria: "criteria",
    indicators: "Indicators",
    indicator: "Indicator",
    measures: "Measures",
    baseline: "Baseline",
    target: "Target",
    verification: "Means of verification",
    source: "Source",
    context: "Context",
    assumptions: "Assumptions",
    critical: "critical",
    factors: "Facilitators and barriers",
    facilitator: "Facilitator",
    barrier: "Barrier",
    implementation: "Implementation quality",
    quality: "Quality",
    fidelity: "Fidelity criteria",
    adaptations: "Adaptations",
    uncertainties: "Key uncertainties",
    transfer: "Transfer value",
    preconditions: "Preconditions",
    value: "Value",
    products: "Products",
    evidence: "Evidence",
    cmos: "Context–mechanism–outcome configurations",
    versions: "Versions",
    diagram: "Diagram",
    provenance: "Source",
    lines: "lines",
    chapter: "chapter",
  },
  nb: {
    problem: "Problem",
    targetGroup: "Målgruppe",
    eligibility: "Kriterier for utvelgelse",
    exclusion: "Utelukket",
    recruitment: "Rekruttering",
    size: "Antall",
    intervention: "Tiltaket",
    components: "Komponenter",
    component: "Komponent",
    dose: "Dose",
    duration: "Varighet",
    inputs: "Ressurser",
    outputs: "Resultater (output)",
    mechanisms: "Mekanismer",
    outcomes: "Mål og effekter",
    short: "Kortsiktige mål",
    intermediate: "Mellomliggende mål",
    long: "Langsiktige mål",
    unspecified: "Uten tidshorisont",
    impact: "Samfunnseffekt",
    criteria: "kriterium for måloppnåelse",
    indicators: "Indikatorer",
    indicator: "Indikator",
    measures: "Måler",
    baseline: "Utgangsverdi",
    target: "Mål",
    verification: "Verifikasjon",
    source: "Kilde",
    context: "Kontekst",
    assumptions: "Antakelser",
    critical: "kritisk",
    factors: "Hva kan fremme og hva kan hindre måloppnåelse",
    facilitator: "Fremmende",
    barrier: "Hemmende",
    implementation: "Implementeringskvalitet",
    quality: "Kvalitet",
    fidelity: "Kriterier for gjennomføring som planlagt",
    adaptations: "Tilpasninger underveis",
    uncertainties: "Sentrale usikkerheter",
    transfer: "Overføringsverdi",
    preconditions: "Forutsetninger",
    value: "Verdi",
    products: "Produkter",
    evidence: "Kunnskapsgrunnlag",
    cmos: "Kontekst–mekanisme–utfall",
    versions: "Versjoner",
    diagram: "Diagram",
    provenance: "Kilde",
    lines: "linjer",
    chapter: "kapittel",
  },
} as const;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function amountText(value: Amount | string | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return `${value.amount} ${value.unit}${value.per ? ` / ${value.per}` : ""}${value.note ? ` (${value.note})` : ""}`;
}

/**
 * The theory as a Markdown document following the NIBR template's order: problem, target group,
 * intervention (components with dose and duration), mechanisms, outcomes by horizon with criteria of
 * goal attainment, indicators, context, assumptions, evidence, context–mechanism–outcome
 * configurations, facilitators and barriers, implementation quality, uncertainties, transfer value,
 * versions and source, with an optional Mermaid diagram.
 * With `lang: "nb"` headings are in bokmål and node labels use `labels.nb` where present.
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `lang` (`"en"` or `"nb"`), `diagram` (default true)
 * @returns Markdown text
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { toMarkdown } from "@tiltak/theory";
 * const theory = { id: "t", title: "Demo", nodes: [{ id: "p", kind: "problem", label: "Too little Norwegian" }, { id: "o", kind: "outcome", label: "Better Norwegian", horizon: "short", labels: { nb: "Bedre norsk" } }], links: [{ from: "p", to: "o" }] };
 * toMarkdown(theory, { diagram: false }).split("\n")[0]; // => "# Demo"
 * toMarkdown(theory, { lang: "nb", diagram: false }).includes("### Kortsiktige mål\n\n- Bedre norsk"); // => true
 * ```
 */
export function toMarkdown(theory: TheorySpec | ProgrammeTheory, options: MarkdownOptions = {}): string {
  const parsed = asTheory(theory);
  const opts = parseOptions(markdownOptionsSchema, options);
  const lang = opts.lang ?? parsed.lang ?? "en";
  const h = headings[lang];
  const label = (node: TheoryNode) => nodeLabel(node, opts.lang ?? parsed.lang);
  const out: string[] = [`# ${parsed.labels?.[lang] ?? parsed.title}`, ""];
  const meta = [parsed.programme, parsed.organisation, parsed.municipality].filter((x) => x);
  if (meta.length > 0) out.push(meta.join(" · "), "");
  if (parsed.status || parsed.version)
    out.push(
      `*${[parsed.status, parsed.version ? `v${parsed.version}` : undefined].filter((x) => x).join(", ")}*`,
      "",
    );
  if (parsed.description) out.push(parsed.description, "");
  const nodesOf = (kind: NodeKind) => parsed.nodes.filter((node) => node.kind === kind);
  const bullet = (node: TheoryNode) => {
    const bits = [label(node)];
    if (node.stakeholder) bits[0] = `${bits[0]} (${node.stakeholder})`;
    if (node.description) bits.push(`: ${node.description}`);
    return `- ${bits.join("")}`;
  };

  if (opts.diagram !== false && parsed.nodes.length > 0) {
    out.push(
      `## ${h.diagram}`,
      "",
      "```mermaid",
      toMermaid(parsed, lang === "nb" ? { lang: "nb" } : {}).trimEnd(),
      "```",
      "",
    );
  }
  const problems = nodesOf("problem");
  if (problems.length > 0) out.push(`## ${h.problem}`, "", ...problems.map(bullet), "");
  const tg = parsed.targetGroup;
  if (tg) {
    out.push(`## ${h.targetGroup}`, "", tg.description, "");
    if ((tg.eligibility ?? []).length > 0)
      out.push(`**${h.eligibility}:**`, "", ...(tg.eligibility ?? []).map((x) => `- ${x}`), "");
    if ((tg.exclusion ?? []).length > 0)
      out.push(`**${h.exclusion}:**`, "", ...(tg.exclusion ?? []).map((x) => `- ${x}`), "");
    if (tg.recruitment) out.push(`**${h.recruitment}:** ${tg.recruitment}`, "");
    if (tg.size) {
      const size = Object.entries(tg.size)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      out.push(`**${h.size}:** ${size}`, "");
    }
  }
  const activities = nodesOf("activity");
  const components = parsed.components ?? [];
  if (
    activities.length > 0 ||
    components.length > 0 ||
    nodesOf("input").length > 0 ||
    nodesOf("output").length > 0
  ) {
    out.push(`## ${h.intervention}`, "");
    if (nodesOf("input").length > 0) out.push(`### ${h.inputs}`, "", ...nodesOf("input").map(bullet), "");
    if (activities.length > 0) out.push(...activities.map(bullet), "");
    if (components.length > 0) {
      out.push(`### ${h.components}`, "", `| ${h.component} | ${h.dose} | ${h.duration} |`, "|---|---|---|");
      for (const component of components)
        out.push(
          `| ${cell(component.label)} | ${cell(amountText(component.dose))} | ${cell(amountText(component.duration))} |`,
        );
      out.push("");
    }
    if (nodesOf("output").length > 0) out.push(`### ${h.outputs}`, "", ...nodesOf("output").map(bullet), "");
  }
  if (nodesOf("mechanism").length > 0)
    out.push(`## ${h.mechanisms}`, "", ...nodesOf("mechanism").map(bullet), "");
  const outcomes = nodesOf("outcome");
  if (outcomes.length > 0 || nodesOf("impact").length > 0) {
    out.push(`## ${h.outcomes}`, "");
    const groups: [string, TheoryNode[]][] = [
      [h.short, outcomes.filter((node) => node.horizon === "short")],
      [h.intermediate, outcomes.filter((node) => node.horizon === "intermediate")],
      [h.long, outcomes.filter((node) => node.horizon === "long")],
      [h.unspecified, outcomes.filter((node) => node.horizon === undefined)],
      [h.impact, nodesOf("impact")],
    ];
    for (const [title, nodes] of groups) {
      if (nodes.length === 0) continue;
      out.push(`### ${title}`, "");
      for (const node of nodes) {
        out.push(bullet(node));
        for (const criterion of node.successCriteria ?? []) out.push(`  - ${h.criteria}: ${criterion}`);
      }
      out.push("");
    }
  }
  if (parsed.indicators.length > 0) {
    const nodeById = new Map(parsed.nodes.map((node) => [node.id, node] as const));
    out.push(
      `## ${h.indicators}`,
      "",
      `| ${h.indicator} | ${h.measures} | ${h.baseline} | ${h.target} | ${h.verification} | ${h.source} |`,
      "|---|---|---|---|---|---|",
    );
    for (const indicator of parsed.indicators) {
      const node = nodeById.get(indicator.nodeId);
      out.push(
        `| ${cell(indicator.name)}${indicator.definition ? `: ${cell(indicator.definition)}` : ""} | ${cell(node ? label(node) : indicator.nodeId)} | ${cell(dated(indicator.baseline))} | ${cell((indicator.targets ?? []).map(dated).join("; "))} | ${cell(indicator.meansOfVerification ?? "")} | ${cell(indicator.source ?? "")} |`,
      );
    }
    out.push("");
  }
  if (nodesOf("context").length > 0) out.push(`## ${h.context}`, "", ...nodesOf("context").map(bullet), "");
  if ((parsed.assumptions ?? []).length > 0) {
    out.push(`## ${h.assumptions}`, "");
    for (const a of parsed.assumptions ?? [])
      out.push(
        `- ${a.text}${[a.kind, a.critical ? h.critical : undefined, a.status].filter((x) => x).length > 0 ? ` (${[a.kind, a.critical ? h.critical : undefined, a.status].filter((x) => x).join(", ")})` : ""}`,
      );
    out.push("");
  }
  if ((parsed.evidence ?? []).length > 0) {
    out.push(`## ${h.evidence}`, "");
    for (const e of parsed.evidence ?? []) {
      const bits = [e.type, e.strength, e.direction].filter((x) => x);
      out.push(
        `- ${e.citation}${bits.length > 0 ? ` (${bits.join(", ")})` : ""}${e.summary ? `: ${e.summary}` : ""}`,
      );
    }
    out.push("");
  }
  if ((parsed.cmos ?? []).length > 0) {
    const byId = new Map(parsed.nodes.map((node) => [node.id, node] as const));
    const name = (id: string) => {
      const node = byId.get(id);
      return node ? label(node) : id;
    };
    out.push(`## ${h.cmos}`, "");
    for (const cmo of parsed.cmos ?? [])
      out.push(
        `- ${cmo.contexts.map(name).join(" + ") || "—"} → ${name(cmo.mechanism)} → ${cmo.outcomes.map(name).join(" + ")}${cmo.description ? `: ${cmo.description}` : ""}`,
      );
    out.push("");
  }
  if ((parsed.factors ?? []).length > 0) {
    out.push(`## ${h.factors}`, "");
    for (const f of parsed.factors ?? [])
      out.push(
        `- **${f.kind === "facilitator" ? h.facilitator : h.barrier}**${f.scope ? ` (${f.scope})` : ""}: ${f.text}`,
      );
    out.push("");
  }
  const impl = parsed.implementation;
  if (impl) {
    out.push(`## ${h.implementation}`, "");
    if (impl.quality) out.push(`**${h.quality}:** ${impl.quality}`, "");
    if ((impl.notes ?? []).length > 0) out.push(...(impl.notes ?? []).map((x) => `- ${x}`), "");
    if ((impl.adaptations ?? []).length > 0)
      out.push(`**${h.adaptations}:**`, "", ...(impl.adaptations ?? []).map((x) => `- ${x}`), "");
    if ((impl.fidelityCriteria ?? []).length > 0)
      out.push(`**${h.fidelity}:**`, "", ...(impl.fidelityCriteria ?? []).map((x) => `- ${x}`), "");
  }
  if ((parsed.uncertainties ?? []).length > 0)
    out.push(
      `## ${h.uncertainties}`,
      "",
      ...(parsed.uncertainties ?? []).map((u) => `- ${u.question}${u.priority ? ` (${u.priority})` : ""}`),
      "",
    );
  const transfer = parsed.transfer;
  if (transfer) {
    out.push(`## ${h.transfer}`, "");
    if (transfer.value) out.push(`**${h.value}:** ${transfer.value}`, "");
    if ((transfer.preconditions ?? []).length > 0)
      out.push(`**${h.preconditions}:**`, "", ...(transfer.preconditions ?? []).map((x) => `- ${x}`), "");
    if ((transfer.products ?? []).length > 0)
      out.push(`**${h.products}:**`, "", ...(transfer.products ?? []).map((x) => `- ${x}`), "");
    if ((transfer.notes ?? []).length > 0) out.push(...(transfer.notes ?? []).map((x) => `- ${x}`), "");
  }
  if ((parsed.versions ?? []).length > 0) {
    out.push(`## ${h.versions}`, "");
    for (const v of parsed.versions ?? []) {
      out.push(`- **${v.version}** (${v.kind}${v.date ? `, ${v.date}` : ""})`);
      for (const change of v.changes ?? []) out.push(`  - ${change}`);
    }
    out.push("");
  }
  if (parsed.source) {
    const s = parsed.source;
    // A structured locator is what a reader of the printed document can follow; `lines` is shown only
    // when there is none (it may hold line numbers of a text extraction, which mean nothing in print).
    const where = s.locator
      ? [
          s.locator.chapter && `${h.chapter} ${s.locator.chapter}`,
          s.locator.section,
          s.locator.table,
          s.locator.figure,
        ]
          .filter((part): part is string => typeof part === "string" && part !== "")
          .join("; ")
      : "";
    const lines =
      where !== ""
        ? `, ${where}`
        : s.lines === undefined
          ? ""
          : `, ${h.lines} ${typeof s.lines === "string" ? s.lines : `${s.lines[0]}–${s.lines[1]}`}`;
    out.push(
      `## ${h.provenance}`,
      "",
      `${s.document}${lines}${s.pages ? `, p. ${s.pages}` : ""}${s.note ? `. ${s.note}` : ""}`,
      "",
    );
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
