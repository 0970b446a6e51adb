/**
 * Pictures as data: Vega-Lite specs for power curves, forest and funnel plots, theory diagrams, allocation
 * sequences, distributions, estimates with intervals and stock–flow bars, and their rendering to SVG in any
 * JavaScript runtime.
 *
 * @packageDocumentation
 */

export {
  type AllocationImbalanceOptions,
  type AllocationMapOptions,
  type AllocationMapRow,
  allocationImbalance,
  allocationMap,
  type ImbalanceSeries,
} from "./allocation.js";
export {
  type DistributionCurvesOptions,
  type DistributionSeries,
  distributionCurves,
} from "./distribution.js";
export { type ForestOptions, forest } from "./forest.js";
export { type FunnelChartOptions, funnel } from "./funnel.js";
export { type HistogramOptions, histogram } from "./histogram.js";
export { type IntervalRow, type IntervalsOptions, intervals } from "./intervals.js";
export { type PlanSummaryOptions, planSummary } from "./plan-summary.js";
export { type PowerCurveChartOptions, powerCurve } from "./power-curve.js";
export { renderDot, renderSvg, type VegaLiteSpec } from "./render.js";
export { type RootEvaluation, type RootTraceOptions, rootTrace } from "./root-trace.js";
export { type SimulatedPowerPoint, simulatedPower } from "./simulated-power.js";
export { type StockFlowOptions, stockFlow } from "./stock-flow.js";
export { type TheoryChartOptions, theory, theorySvg } from "./theory.js";
export { type RateTrendOptions, type RateTrendRow, rateTrend } from "./trend.js";
