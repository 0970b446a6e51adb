/**
 * tiltak: every package as a namespace.
 *
 * ```ts
 * import { power, allocate, theory, compare, plan, datasets, plot } from "tiltak";
 * ```
 *
 * @packageDocumentation
 */
export * as allocate from "@tiltak/allocate";
export * as compare from "@tiltak/compare";
export * as core from "@tiltak/core";
export * as datasets from "@tiltak/datasets";
export * as plan from "@tiltak/plan";
export * as plot from "@tiltak/plot";
export * as power from "@tiltak/power";
export * as stats from "@tiltak/stats";
export * as theory from "@tiltak/theory";
export { type DisplayOptions, display, type MimeBundle, mimeBundle } from "./display.js";
export { toTable } from "./table.js";
