import { invalidInput } from "@tiltak/core";
import type { TrialPlan } from "@tiltak/plan";
import {
  clusterProportions,
  clusterRandomised,
  type PowerCurveRow,
  powerCurve as powerCurveRows,
  steppedWedge,
  tTest,
  twoProportions,
} from "@tiltak/power";
import { powerCurve } from "./power-curve.js";
import type { VegaLiteSpec } from "./render.js";

/** Options of {@link planSummary}. */
export interface PlanSummaryOptions {
  /** The chart title; default the outcome and the chosen size. */
  title?: string | undefined;
  /** Points on the curve; default 30. */
  points?: number | undefined;
  /** Width and height in pixels; default 480 × 300. */
  width?: number | undefined;
  height?: number | undefined;
}

const functions: Record<string, (options: never) => { power: number }> = {
  twoProportions,
  tTest,
  clusterRandomised,
  clusterProportions,
  steppedWedge,
};

/**
 * The power curve of a plan ({@link TrialPlan} from `@tiltak/plan`): power against the sample size (per arm
 * for individual designs, clusters in all for cluster and stepped-wedge designs), computed by rerunning the
 * plan's own power call (`sampleSize.call`) at each point, with the target power dashed and the chosen size
 * marked by a vertical rule. Render it with {@link renderSvg}.
 *
 * @param plan - a plan from `planTrial`
 * @param options - {@link PlanSummaryOptions}
 * @returns a Vega-Lite spec
 * @throws TiltakError `INVALID_INPUT` for a value that is not a plan
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { planTrial } from "@tiltak/plan";
 * import { planSummary, renderSvg } from "@tiltak/plot";
 * const plan = await planTrial({ outcome: { name: "work", kind: "binary" }, baseline: { rate: 0.32 }, effect: { rate: 0.45 }, design: { kind: "individual" }, listSize: 4, seed: "summary-doc" });
 * const spec = planSummary(plan);
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * planSummary({}); // => throws INVALID_INPUT "plan must be a plan from planTrial (with its sample size), got {}"
 * ```
 */
export function planSummary(plan: TrialPlan, options: PlanSummaryOptions = {}): VegaLiteSpec {
  const call = plan?.sampleSize?.call;
  const fn = call === undefined ? undefined : functions[call.fn];
  if (fn === undefined || call === undefined)
    invalidInput("plan", "must be a plan from planTrial (with its sample size)", plan);
  const { power: target, ...base } = call.options as Record<string, unknown>;
  const size = plan.sampleSize;
  const byUnits = size.unit === "units";
  const vary = byUnits ? "n" : "clusters";
  const chosen = byUnits ? Math.ceil(size.perArm) : (size.clusters as number);
  const low = byUnits
    ? Math.max(2, Math.floor(chosen / 4))
    : plan.design.kind === "stepped-wedge"
      ? (plan.design.steps as number)
      : 4;
  const { [vary]: _, ...fixed } = base;
  const rows: PowerCurveRow[] = powerCurveRows(fn as never, fixed as never, {
    vary,
    from: low,
    to: Math.max(low + 2, 2 * chosen),
    points: options.points ?? 30,
    integer: true,
  });
  const spec = powerCurve(rows, {
    x: vary,
    target: typeof target === "number" ? target : 0.8,
    xTitle: byUnits ? "Analysed per arm" : "Clusters (all arms)",
    title:
      options.title ??
      `${plan.outcome.name}: power by sample size (chosen ${chosen}${byUnits ? " per arm" : " clusters"})`,
    width: options.width,
    height: options.height,
  }) as VegaLiteSpec & { layer: unknown[] };
  spec.layer.push(
    {
      data: { values: [{ chosen, power: size.power }] },
      mark: { type: "rule", color: "#c0392b" },
      encoding: { x: { field: "chosen", type: "quantitative" } },
    },
    {
      data: { values: [{ chosen, power: size.power, label: `${chosen}: power ${size.power.toFixed(3)}` }] },
      mark: { type: "text", align: "left", dx: 6, dy: -6, color: "#c0392b" },
      encoding: {
        x: { field: "chosen", type: "quantitative" },
        y: { field: "power", type: "quantitative" },
        text: { field: "label", type: "nominal" },
      },
    },
  );
  return spec;
}
