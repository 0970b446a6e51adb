import {
  type DiagramOptions,
  defineTheory,
  kindStyles,
  nodeKinds,
  nodeLabel,
  type ProgrammeTheory,
  type TheorySpec,
  toDot,
  wrapText,
} from "@tiltak/theory";
import { renderDot, type VegaLiteSpec, vegaLiteSchema } from "./render.js";

const columnTitles: Record<"en" | "nb", Record<string, string>> = {
  en: {
    problem: "Problem",
    input: "Inputs",
    activity: "Activities",
    output: "Outputs",
    mechanism: "Mechanisms",
    "outcome-short": "Short-term outcomes",
    "outcome-intermediate": "Intermediate outcomes",
    "outcome-long": "Long-term outcomes",
    impact: "Impact",
    context: "Context",
  },
  nb: {
    problem: "Problem",
    input: "Ressurser",
    activity: "Aktiviteter",
    output: "Resultater",
    mechanism: "Mekanismer",
    "outcome-short": "Kortsiktige mål",
    "outcome-intermediate": "Mellomliggende mål",
    "outcome-long": "Langsiktige mål",
    impact: "Samfunnseffekt",
    context: "Kontekst",
  },
};

const order = [
  "problem",
  "input",
  "activity",
  "output",
  "mechanism",
  "outcome-short",
  "outcome-intermediate",
  "outcome-long",
  "impact",
  "context",
];

function columnKey(kind: string, horizon: string | undefined): string {
  if (kind !== "outcome") return kind;
  return `outcome-${horizon ?? "intermediate"}`;
}

/** Options of {@link theory}. */
export interface TheoryChartOptions {
  /** Language of labels and column titles. Default: the theory's `lang`, else English. */
  lang?: "en" | "nb" | undefined;
  /** Width of a column in pixels. Default 150. */
  columnWidth?: number | undefined;
  /** Height of a row in pixels. Default: enough for the tallest label, at least 64. */
  rowHeight?: number | undefined;
}

/**
 * A Vega-Lite spec of a programme theory diagram, for notebooks: one column per level, left to
 * right (problem → inputs → activities → outputs → mechanisms → short, intermediate and long-term
 * outcomes → impact, with context in a last column), boxes coloured by kind, links as lines with
 * arrow heads (feedback links dashed). Empty levels take no column.
 *
 * @param input - a `ProgrammeTheory` or a spec (validated with `defineTheory`)
 * @param options - `lang`, `columnWidth` (px, default 150), `rowHeight` (px; default fits the tallest label, at least 64)
 * @returns a Vega-Lite spec (render with {@link renderSvg}, or display in a notebook)
 * @throws TiltakError `INVALID_INPUT` for a bad theory shape
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { theory, renderSvg } from "@tiltak/plot";
 * const spec = theory({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "o" }] });
 * spec.title; // => "T"
 * (await renderSvg(spec)).includes("Teach"); // => true
 * ```
 */
export function theory(input: TheorySpec | ProgrammeTheory, options: TheoryChartOptions = {}): VegaLiteSpec {
  const parsed = defineTheory(input);
  const lang = options.lang ?? parsed.lang ?? "en";
  const columnWidth = options.columnWidth ?? 150;
  const lineHeight = 12;
  const seen = new Set<string>();
  const byColumn = new Map<string, { id: string; kind: string; label: string }[]>();
  for (const node of parsed.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const key = columnKey(node.kind, node.horizon);
    const list = byColumn.get(key) ?? [];
    list.push({
      id: node.id,
      kind: node.kind,
      label: wrapText(nodeLabel(node, options.lang), 22).join("\n"),
    });
    byColumn.set(key, list);
  }
  const keys = order.filter((key) => byColumn.has(key));
  const maxLines = Math.max(1, ...[...byColumn.values()].flat().map((node) => node.label.split("\n").length));
  const rowHeight = options.rowHeight ?? Math.max(64, maxLines * lineHeight + 22);
  const maxRows = Math.max(1, ...keys.map((key) => byColumn.get(key)!.length));
  const position = new Map<string, { x: number; y: number; half: number }>();
  const nodes: Record<string, string | number>[] = [];
  keys.forEach((key, column) => {
    const list = byColumn.get(key)!;
    list.forEach((node, row) => {
      const x = column;
      const y = row + (maxRows - list.length) / 2;
      const lines = node.label.split("\n").length;
      const half = Math.min(0.45, (lines * lineHeight + 12) / 2 / rowHeight);
      position.set(node.id, { x, y, half });
      // Multi-line text is anchored at its first line: move it up by half the extra lines.
      const textY = y - ((lines - 1) * lineHeight) / 2 / rowHeight;
      nodes.push({
        ...node,
        column: key,
        x,
        y,
        textY,
        x0: x - 0.42,
        x1: x + 0.42,
        y0: y - half,
        y1: y + half,
      });
    });
  });
  const edges: Record<string, string | number | boolean>[] = [];
  for (const link of parsed.links) {
    const a = position.get(link.from);
    const b = position.get(link.to);
    if (!a || !b) continue;
    const forward = b.x > a.x;
    const x = forward ? a.x + 0.42 : a.x;
    const y = forward ? a.y : a.y + (b.y > a.y ? a.half : -a.half);
    const x2 = forward ? b.x - 0.42 : b.x;
    const y2 = forward ? b.y : b.y + (b.y > a.y ? -b.half : b.half);
    const angle = (Math.atan2((y2 - y) * rowHeight, (x2 - x) * columnWidth) * 180) / Math.PI;
    const feedback = link.feedback === true || link.kind === "feedback";
    edges.push({
      from: link.from,
      to: link.to,
      x,
      y,
      x2,
      y2,
      angle: Math.round(angle * 100) / 100,
      feedback,
    });
  }
  const headers = keys.map((key, column) => ({
    column: key,
    title: columnTitles[lang][key] ?? key,
    x: column,
    y: -0.9,
  }));
  const xScale = { domain: [-0.5, Math.max(0.5, keys.length - 0.5)], nice: false, zero: false };
  const yScale = { domain: [-1.3, maxRows - 0.5], nice: false, zero: false, reverse: true };
  const x = { type: "quantitative" as const, scale: xScale, axis: null };
  const y = { type: "quantitative" as const, scale: yScale, axis: null };
  const kinds = [...nodeKinds];
  return {
    $schema: vegaLiteSchema,
    title: parsed.labels?.[lang] ?? parsed.title,
    description: `Programme theory ${parsed.id}: ${parsed.nodes.length} nodes, ${parsed.links.length} links, left to right by level.`,
    width: Math.max(1, keys.length) * columnWidth,
    height: (maxRows + 0.8) * rowHeight,
    config: { view: { stroke: null }, font: "Helvetica, Arial, sans-serif" },
    layer: [
      {
        data: { values: edges },
        mark: { type: "rule", color: "#4D4D4D", strokeWidth: 1 },
        encoding: {
          x: { field: "x", ...x },
          y: { field: "y", ...y },
          x2: { field: "x2" },
          y2: { field: "y2" },
          strokeDash: {
            field: "feedback",
            type: "nominal",
            scale: {
              domain: [false, true],
              range: [
                [1, 0],
                [4, 3],
              ],
            },
            legend: null,
          },
        },
      },
      {
        data: { values: edges },
        mark: {
          type: "point",
          shape: "triangle-right",
          filled: true,
          size: 40,
          color: "#4D4D4D",
          opacity: 1,
        },
        encoding: {
          x: { field: "x2", ...x },
          y: { field: "y2", ...y },
          angle: { field: "angle", type: "quantitative", scale: null },
        },
      },
      {
        data: { values: nodes },
        mark: { type: "rect", cornerRadius: 6, strokeWidth: 1.2 },
        encoding: {
          x: { field: "x0", ...x },
          x2: { field: "x1" },
          y: { field: "y0", ...y },
          y2: { field: "y1" },
          fill: {
            field: "kind",
            type: "nominal",
            scale: { domain: kinds, range: kinds.map((kind) => kindStyles[kind].fill) },
            legend: null,
          },
          stroke: {
            field: "kind",
            type: "nominal",
            scale: { domain: kinds, range: kinds.map((kind) => kindStyles[kind].stroke) },
            legend: null,
          },
          tooltip: [
            { field: "id", type: "nominal" },
            { field: "kind", type: "nominal" },
            { field: "label", type: "nominal" },
          ],
        },
      },
      {
        data: { values: nodes },
        mark: {
          type: "text",
          fontSize: 10,
          lineHeight,
          lineBreak: "\n",
          align: "center",
          baseline: "middle",
        },
        encoding: {
          x: { field: "x", ...x },
          y: { field: "textY", ...y },
          text: { field: "label", type: "nominal" },
        },
      },
      {
        data: { values: headers },
        mark: { type: "text", fontSize: 11, fontWeight: "bold", align: "center", color: "#333333" },
        encoding: {
          x: { field: "x", ...x },
          y: { field: "y", ...y },
          text: { field: "title", type: "nominal" },
        },
      },
    ],
  } as VegaLiteSpec;
}

/**
 * Renders a programme theory to SVG through Graphviz (WebAssembly): `toDot` from `@tiltak/theory`,
 * laid out left to right with one rank per level, then {@link renderDot}. Runs the same in Node,
 * Deno and browsers.
 *
 * @param input - a `ProgrammeTheory` or a spec (validated with `defineTheory`)
 * @param options - `toDot` options: `lang`, `wrap`, `rationale`
 * @returns the SVG document as text
 * @throws TiltakError `INVALID_INPUT` for a bad theory shape
 * @see docs/methods/theory/exports.md
 *
 * @example
 * ```ts
 * import { theorySvg } from "@tiltak/plot";
 * const svg = await theorySvg({ id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "o" }] });
 * svg.includes("<svg") && svg.includes("Teach"); // => true
 * ```
 */
export async function theorySvg(
  input: TheorySpec | ProgrammeTheory,
  options: DiagramOptions = {},
): Promise<string> {
  return renderDot(toDot(input, options));
}
