import type { MetaAnalysisResult } from "@tiltak/compare";
import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link forest}. */
export interface ForestOptions {
  /** Show effects on the exponentiated scale (for log risk or odds ratios), with a log x axis. Default false. */
  exponentiate?: boolean | undefined;
  /** The x-axis title. Default "Effect" (or "Ratio" when exponentiated). */
  xTitle?: string | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Chart width in pixels. Default 480. */
  width?: number | undefined;
  /** The pooled row's label. Default `"<method> model"` (`"REML model"`). */
  pooledLabel?: string | undefined;
  /** The title of the weight legend. Default "Weight (%)". */
  weightTitle?: string | undefined;
}

/**
 * A forest plot of a meta-analysis (`compare.metaAnalysis`) as a Vega-Lite spec: one row per study
 * (estimate as a square sized by its weight, with its confidence interval yᵢ ± z·√vᵢ at the analysis'
 * level, `meta.studyLower`/`studyUpper`), the pooled estimate as a diamond with its confidence interval, the prediction interval as a
 * thinner bar, and a reference line at no effect (0, or 1 when exponentiated).
 *
 * @param meta - a `metaAnalysis` result
 * @param options - `{ exponentiate?, xTitle?, title?, width?, pooledLabel?, weightTitle? }` (labels in another
 *   language go through `xTitle`, `title`, `pooledLabel` and `weightTitle`)
 * @returns a Vega-Lite spec (render with `renderSvg`)
 * @throws TiltakError `INVALID_INPUT` when `meta` is not a meta-analysis result
 * @see docs/methods/compare/meta-analysis.md
 *
 * @example
 * ```ts
 * import { metaAnalysis } from "@tiltak/compare";
 * import { forest, renderSvg } from "@tiltak/plot";
 * const meta = metaAnalysis({ yi: [-0.89, -1.59, -1.35], vi: [0.33, 0.19, 0.42], slab: ["A", "B", "C"] });
 * const spec = forest(meta, { exponentiate: true });
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * forest({} as never); // => throws INVALID_INPUT "meta must be a metaAnalysis result (with yi, vi, estimate), got {}"
 * ```
 */
export function forest(meta: MetaAnalysisResult, options: ForestOptions = {}): VegaLiteSpec {
  if (
    typeof meta !== "object" ||
    meta === null ||
    !Array.isArray(meta.yi) ||
    !Array.isArray(meta.vi) ||
    !Array.isArray(meta.studyLower) ||
    typeof meta.estimate !== "number"
  )
    invalidInput("meta", "must be a metaAnalysis result (with yi, vi, estimate)", meta);
  const exp = options.exponentiate === true;
  const f = (x: number): number => (exp ? Math.exp(x) : x);
  const labels = meta.slab ?? meta.yi.map((_, i) => `Study ${i + 1}`);
  const pooledLabel = options.pooledLabel ?? `${meta.method} model`;
  const order = [...labels, pooledLabel];
  const studies = meta.yi.map((y, i) => ({
    label: labels[i],
    estimate: f(y),
    lower: f(meta.studyLower[i] as number),
    upper: f(meta.studyUpper[i] as number),
    weight: meta.weights[i] ?? 0,
    kind: "study",
  }));
  const pooled = {
    label: pooledLabel,
    estimate: f(meta.estimate),
    lower: f(meta.ciLower),
    upper: f(meta.ciUpper),
    piLower: f(meta.piLower),
    piUpper: f(meta.piUpper),
    kind: "pooled",
  };
  const xTitle = options.xTitle ?? (exp ? "Ratio" : "Effect");
  const x = {
    type: "quantitative" as const,
    title: xTitle,
    scale: exp ? { type: "log" as const } : { zero: false },
  };
  const y = { field: "label", type: "nominal" as const, sort: order, title: null };
  const levelText = `${Math.round(meta.level * 1000) / 10} %`;
  return {
    $schema: vegaLiteSchema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    width: options.width ?? 480,
    height: { step: 22 },
    description: `Forest plot: ${meta.k} studies, ${meta.method} estimate ${pooled.estimate.toPrecision(4)} (${levelText} CI ${pooled.lower.toPrecision(4)} to ${pooled.upper.toPrecision(4)}), tau² ${meta.tau2.toPrecision(3)}, I² ${meta.I2.toFixed(1)} %`,
    layer: [
      {
        data: { values: [{ reference: exp ? 1 : 0 }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#888" },
        encoding: { x: { field: "reference", ...x } },
      },
      {
        data: { values: studies },
        mark: { type: "rule", color: "#333" },
        encoding: { y, x: { field: "lower", ...x }, x2: { field: "upper" } },
      },
      {
        data: { values: studies },
        mark: { type: "square", filled: true, color: "#333" },
        encoding: {
          y,
          x: { field: "estimate", ...x },
          size: {
            field: "weight",
            type: "quantitative",
            title: options.weightTitle ?? "Weight (%)",
            scale: { range: [20, 300] },
          },
          tooltip: [
            { field: "label", type: "nominal" },
            { field: "estimate", type: "quantitative", format: ".3f" },
            { field: "lower", type: "quantitative", format: ".3f" },
            { field: "upper", type: "quantitative", format: ".3f" },
            { field: "weight", type: "quantitative", format: ".1f", title: "weight (%)" },
          ],
        },
      },
      {
        data: { values: [pooled] },
        mark: { type: "rule", color: "#1f77b4", strokeWidth: 1, opacity: 0.6 },
        encoding: { y, x: { field: "piLower", ...x }, x2: { field: "piUpper" } },
      },
      {
        data: { values: [pooled] },
        mark: { type: "rule", color: "#1f77b4", strokeWidth: 4 },
        encoding: { y, x: { field: "lower", ...x }, x2: { field: "upper" } },
      },
      {
        data: { values: [pooled] },
        mark: { type: "point", shape: "diamond", filled: true, size: 250, color: "#1f77b4" },
        encoding: { y, x: { field: "estimate", ...x } },
      },
    ],
  } as VegaLiteSpec;
}
