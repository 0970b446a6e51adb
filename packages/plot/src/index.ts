/**
 * Pictures as data: Vega-Lite specs for power curves, forest and funnel plots, theory diagrams, and
 * their rendering to SVG in any JavaScript runtime.
 *
 * @packageDocumentation
 */
export { renderDot, renderSvg, type VegaLiteSpec } from "./render.js";
