/**
 * Pictures as data: Vega-Lite specs for power curves, forest and funnel plots, theory diagrams, and
 * their rendering to SVG in any JavaScript runtime.
 *
 * @packageDocumentation
 */

export { type ForestOptions, forest } from "./forest.js";
export { type FunnelChartOptions, funnel } from "./funnel.js";
export { type PlanSummaryOptions, planSummary } from "./plan-summary.js";
export { type PowerCurveChartOptions, powerCurve } from "./power-curve.js";
export { renderDot, renderSvg, type VegaLiteSpec } from "./render.js";
export { type TheoryChartOptions, theory, theorySvg } from "./theory.js";
export { type RateTrendOptions, type RateTrendRow, rateTrend } from "./trend.js";
