import type { FunnelResult } from "@tiltak/compare";
import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link funnel}. */
export interface FunnelChartOptions {
  /** The chart title. */
  title?: string | undefined;
  /** The y-axis title. Default "Rate". */
  yTitle?: string | undefined;
  /** The x-axis title. Default "Denominator (n)". */
  xTitle?: string | undefined;
  /** Which limits to draw: `exact`, `normal` or `adjusted` (overdispersion). Default: the limits the result flagged with. */
  limits?: "exact" | "normal" | "adjusted" | undefined;
  /** Chart width in pixels. Default 480. */
  width?: number | undefined;
  /** Chart height in pixels. Default 320. */
  height?: number | undefined;
}

/**
 * A funnel plot (Spiegelhalter 2005) of a `compare.funnel` result as a Vega-Lite spec: the control
 * limits over n for each level (dashed for the inner level, solid for the outer), the target or
 * pooled rate as a horizontal line, and the units as points coloured by their flag, labelled.
 *
 * @param result - a `funnel` result
 * @param options - `{ title?, yTitle?, xTitle?, limits?, width?, height? }`
 * @returns a Vega-Lite spec (render with `renderSvg`)
 * @throws TiltakError `INVALID_INPUT` when `result` is not a funnel result
 * @see docs/methods/compare/funnel.md
 *
 * @example
 * ```ts
 * import { funnel as funnelLimits } from "@tiltak/compare";
 * import { funnel, renderSvg } from "@tiltak/plot";
 * const result = funnelLimits([{ id: "NorA 2024", x: 27, n: 84 }, { id: "Ny sjanse 2024", x: 43, n: 91 }], { target: 0.6 });
 * (await renderSvg(funnel(result, { title: "Exit to work" }))).includes("NorA 2024"); // => true
 * funnel({} as never); // => throws INVALID_INPUT "result must be a compare.funnel result (with units, curves, target), got {}"
 * ```
 */
export function funnel(result: FunnelResult, options: FunnelChartOptions = {}): VegaLiteSpec {
  if (
    typeof result !== "object" ||
    result === null ||
    !Array.isArray(result.units) ||
    !Array.isArray(result.curves) ||
    typeof result.target !== "number"
  )
    invalidInput("result", "must be a compare.funnel result (with units, curves, target)", result);
  const which = options.limits ?? result.method;
  if (which === "adjusted" && !result.overdispersion)
    invalidInput(
      "options.limits",
      'must not be "adjusted" for a result without overdispersion adjustment',
      which,
    );
  const pick = (row: FunnelResult["curves"][number], side: "Lower" | "Upper"): number =>
    which === "adjusted"
      ? (row[`adjusted${side}`] as number)
      : which === "exact"
        ? row[`exact${side}`]
        : row[`normal${side}`];
  const curves = result.curves.flatMap((row) => [
    {
      n: row.n,
      side: "lower",
      level: `${+(row.level * 100).toFixed(1)} %`,
      value: pick(row, "Lower"),
    },
    {
      n: row.n,
      side: "upper",
      level: `${+(row.level * 100).toFixed(1)} %`,
      value: pick(row, "Upper"),
    },
  ]);
  const units = result.units.map((unit) => ({
    id: unit.id,
    label: unit.label,
    n: unit.n,
    x: unit.x,
    rate: unit.rate,
    flag:
      unit.flag === "within"
        ? "within limits"
        : `${unit.flag} (beyond ${+((unit.flagLevel ?? 0) * 100).toFixed(1)} %)`,
  }));
  const x = { field: "n", type: "quantitative" as const, title: options.xTitle ?? "Denominator (n)" };
  const y = {
    type: "quantitative" as const,
    title: options.yTitle ?? "Rate",
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
  };
  return {
    $schema: vegaLiteSchema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    width: options.width ?? 480,
    height: options.height ?? 320,
    description: `Funnel plot around ${result.targetSource === "given" ? "the target" : "the pooled rate"} ${(result.target * 100).toFixed(1)} %, ${which} limits at ${result.levels.map((l) => `${l * 100} %`).join(" and ")}`,
    layer: [
      {
        data: { values: curves },
        mark: { type: "line", color: "#888", clip: true },
        encoding: {
          x,
          y: { field: "value", ...y },
          detail: [{ field: "side" }, { field: "level" }],
          strokeDash: { field: "level", type: "nominal", title: "Control limits" },
        },
      },
      {
        data: { values: [{ target: result.target }] },
        mark: { type: "rule", color: "#1f77b4" },
        encoding: { y: { field: "target", ...y } },
      },
      {
        data: { values: units },
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          x,
          y: { field: "rate", ...y },
          color: {
            field: "flag",
            type: "nominal",
            title: "Unit",
            scale: { scheme: "set1" },
          },
          tooltip: [
            { field: "label", type: "nominal" },
            { field: "x", type: "quantitative", title: "events" },
            { field: "n", type: "quantitative" },
            { field: "rate", type: "quantitative", format: ".1%" },
            { field: "flag", type: "nominal" },
          ],
        },
      },
      {
        data: { values: units },
        mark: { type: "text", align: "left", dx: 6, dy: -6, fontSize: 10 },
        encoding: { x, y: { field: "rate", ...y }, text: { field: "label" } },
      },
    ],
  } as VegaLiteSpec;
}
