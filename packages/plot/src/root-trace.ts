import { type FindRootOptions, findRoot, invalidInput, type RootResult } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link rootTrace}. */
export interface RootTraceOptions {
  /** The range of x to draw f over; default the range the search evaluated. */
  from?: number | undefined;
  to?: number | undefined;
  /** Points on the curve of f; default 120. */
  points?: number | undefined;
  /** Axis titles; default "x" and "f(x)". */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Width and height in pixels; default 420 × 260. */
  width?: number | undefined;
  height?: number | undefined;
}

/** One evaluation of f by {@link findRoot}, in the order the search made it. */
export interface RootEvaluation {
  /** 1 for the first evaluation. */
  step: number;
  /** Where f was evaluated. */
  x: number;
  /** f(x). */
  f: number;
  /** `"bracket"` while the bracket is widened, `"Brent"` for the iterations of Brent's method. */
  phase: "bracket" | "Brent";
}

/**
 * How `findRoot` (`@tiltak/core`) finds a root, drawn: the function f over the searched range, the line
 * f = 0, and every point where the search evaluated f, numbered in order (the widening of the bracket, then
 * Brent's interpolation steps closing in on the root). The search is run here, with a recorder around f, so
 * the points are the root finder's own iterates.
 *
 * @param f - a continuous function of one variable
 * @param search - the options of `findRoot` (bracket, limits, tolerances)
 * @param options - {@link RootTraceOptions}
 * @returns `{ spec, root, evaluations }`: the Vega-Lite spec, `findRoot`'s result and the evaluations in order
 * @throws TiltakError as `findRoot` does (`NO_SOLUTION`, `NOT_CONVERGED`, `INVALID_INPUT`); `INVALID_INPUT`
 *   for a range with `from >= to`
 * @see docs/methods/core/root-finding.md
 *
 * @example
 * ```ts
 * import { rootTrace } from "@tiltak/plot";
 * const trace = rootTrace((x) => x * x - 2, { lower: 0, upper: 1, limits: { upper: 10 } });
 * trace.root.root; // => 1.4142135624
 * trace.evaluations.length === trace.root.evaluations; // => true
 * rootTrace((x) => x, { lower: 0, upper: 1 }, { from: 2, to: 1 }); // => throws INVALID_INPUT "options.from must be less than options.to (1), got 2"
 * ```
 */
export function rootTrace(
  f: (x: number) => number,
  search: FindRootOptions,
  options: RootTraceOptions = {},
): { spec: VegaLiteSpec; root: RootResult; evaluations: RootEvaluation[] } {
  if (options.from !== undefined && options.to !== undefined && !(options.from < options.to))
    invalidInput("options.from", `must be less than options.to (${options.to})`, options.from);
  const evaluations: RootEvaluation[] = [];
  let phase: RootEvaluation["phase"] = "bracket";
  const recorded = (x: number): number => {
    const y = f(x);
    evaluations.push({ step: evaluations.length + 1, x, f: y, phase });
    // The bracket is widened until f changes sign between the last two points; after that, Brent iterates.
    const last = evaluations.at(-2);
    if (phase === "bracket" && last !== undefined && Math.sign(last.f) !== Math.sign(y)) phase = "Brent";
    return y;
  };
  const root = findRoot(recorded, search);
  const xs = evaluations.map((e) => e.x);
  const from = options.from ?? Math.min(...xs);
  const to = options.to ?? Math.max(...xs);
  const points = options.points ?? 120;
  const curve = Array.from({ length: points }, (_, i) => {
    const x = from + ((to - from) * i) / (points - 1);
    return { x, f: f(x) };
  });
  const shown = evaluations.filter((e) => e.x >= from && e.x <= to);
  const x = {
    field: "x",
    type: "quantitative" as const,
    title: options.xTitle ?? "x",
    scale: { zero: false },
  };
  const y = { field: "f", type: "quantitative" as const, title: options.yTitle ?? "f(x)" };
  const spec = {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 420,
    height: options.height ?? 260,
    layer: [
      {
        data: { values: [{ f: 0 }] },
        mark: { type: "rule", color: "#888", strokeDash: [4, 3] },
        encoding: { y: { field: "f", type: "quantitative" } },
      },
      { data: { values: curve }, mark: { type: "line", color: "#4c78a8" }, encoding: { x, y } },
      {
        data: { values: shown },
        mark: { type: "point", filled: true, size: 60, opacity: 0.9 },
        encoding: {
          x,
          y,
          shape: { field: "phase", type: "nominal", title: null, legend: { orient: "bottom" } },
          color: {
            field: "phase",
            type: "nominal",
            title: null,
            scale: { domain: ["bracket", "Brent"], range: ["#f58518", "#c0392b"] },
            legend: { orient: "bottom" },
          },
          tooltip: [
            { field: "step", type: "quantitative" },
            { field: "x", type: "quantitative", format: ".6~f" },
            { field: "f", type: "quantitative", format: ".3~e" },
          ],
        },
      },
      {
        data: { values: shown.filter((e) => e.phase === "bracket" || e.step === evaluations.length) },
        mark: { type: "text", dy: -10, fontSize: 11 },
        encoding: { x, y, text: { field: "step", type: "quantitative" } },
      },
    ],
  } as VegaLiteSpec;
  return { spec, root, evaluations };
}
