import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** One curve of {@link distributionCurves}: a function of x, e.g. a density or a cdf from `@tiltak/stats`. */
export interface DistributionSeries {
  /** The legend label, e.g. `"t, 3 df"`. */
  label: string;
  /** The function to draw, e.g. `(x) => studentT.pdf(x, 3)`. */
  f: (x: number) => number;
}

/** Options of {@link distributionCurves}. */
export interface DistributionCurvesOptions {
  /** The range of x. */
  from: number;
  to: number;
  /** Points per curve; default 161. */
  points?: number | undefined;
  /** The y range shown, e.g. [0, 0.6] when one density's peak would flatten the others; lines are clipped to it. */
  yDomain?: readonly [number, number] | undefined;
  /** Vertical dashed lines at these x, e.g. a test's critical values. */
  xRules?: readonly number[] | undefined;
  /** A logarithmic y axis (for tail probabilities); points where f is 0 are then left out. */
  logY?: boolean | undefined;
  /** Axis titles; default "x" and "f(x)". */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Width and height in pixels; default 420 × 240. */
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * Curves of distribution functions as a Vega-Lite spec: each series' function (a density, a cdf, an upper
 * tail) evaluated at evenly spaced points from `from` to `to`, one line per series. The values in the spec's
 * data are the functions' own, so a chart of `studentT.pdf` shows exactly what the library computes.
 *
 * @param series - the functions to draw, with their labels
 * @param options - {@link DistributionCurvesOptions}; `from` and `to` are required
 * @returns a Vega-Lite spec whose data are rows `{ series, x, y }`
 * @throws TiltakError `INVALID_INPUT` for no series, `from >= to`, fewer than 2 points, or a function that
 *   returns something other than a finite number
 * @see docs/methods/stats/central-distributions.md
 *
 * @example
 * ```ts
 * import { distributionCurves, renderSvg } from "@tiltak/plot";
 * const spec = distributionCurves([{ label: "uniform", f: (x) => (x >= 0 && x <= 1 ? 1 : 0) }], { from: -1, to: 2, points: 31 });
 * (spec.data as { values: unknown[] }).values.length; // => 31
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * distributionCurves([], { from: 0, to: 1 }); // => throws INVALID_INPUT "series must be a non-empty array of { label, f }, got []"
 * ```
 */
export function distributionCurves(
  series: readonly DistributionSeries[],
  options: DistributionCurvesOptions,
): VegaLiteSpec {
  if (!Array.isArray(series) || series.length === 0)
    invalidInput("series", "must be a non-empty array of { label, f }", series);
  const { from, to } = options;
  if (!(Number.isFinite(from) && Number.isFinite(to) && from < to))
    invalidInput("options.from", `must be a finite number less than options.to (${to})`, from);
  const points = options.points ?? 161;
  if (!(Number.isInteger(points) && points >= 2))
    invalidInput("options.points", "must be an integer >= 2", points);
  const values: { series: string; x: number; y: number }[] = [];
  series.forEach((s, index) => {
    if (typeof s?.f !== "function") invalidInput(["series", index, "f"], "must be a function of x", s?.f);
    for (let i = 0; i < points; i++) {
      const x = from + ((to - from) * i) / (points - 1);
      const y = s.f(x);
      if (typeof y !== "number" || !Number.isFinite(y))
        invalidInput(["series", index, "f"], `must return a finite number (at x = ${x})`, y);
      if (options.logY && !(y > 0)) continue;
      values.push({ series: s.label, x, y });
    }
  });
  const curves = {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 420,
    height: options.height ?? 240,
    data: { values },
    mark: { type: "line", strokeWidth: 1.6, ...(options.yDomain ? { clip: true } : {}) },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        title: options.xTitle ?? "x",
        scale: { domain: [from, to], nice: false },
      },
      y: {
        field: "y",
        type: "quantitative",
        title: options.yTitle ?? "f(x)",
        ...(options.logY ? { scale: { type: "log" }, axis: { format: ".0e" } } : {}),
        ...(options.yDomain
          ? { scale: { domain: [...options.yDomain], ...(options.logY ? { type: "log" } : {}) } }
          : {}),
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: series.map((s) => s.label),
        legend: { orient: "bottom", direction: "vertical", labelLimit: 360 },
      },
      tooltip: [
        { field: "series", type: "nominal" },
        { field: "x", type: "quantitative", format: ".3~f" },
        { field: "y", type: "quantitative", format: ".4~g" },
      ],
    },
  };
  if (options.xRules === undefined || options.xRules.length === 0) return curves as VegaLiteSpec;
  const { data, mark, encoding, ...top } = curves;
  return {
    ...top,
    layer: [
      { data, mark, encoding },
      {
        data: { values: options.xRules.map((x) => ({ x })) },
        mark: { type: "rule", color: "#888", strokeDash: [4, 3] },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
    ],
  } as VegaLiteSpec;
}
