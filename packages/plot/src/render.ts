import { TiltakError } from "@tiltak/core";
import type { Viz } from "@viz-js/viz";
import type { Spec } from "vega";
import type { TopLevelSpec } from "vega-lite";

// Vega, Vega-Lite and Graphviz (WebAssembly) are loaded by dynamic `import()` the first time a
// picture is rendered, so importing `@tiltak/plot` (or `tiltak`) costs nothing for them: the spec
// builders are plain functions, and only `renderSvg` / `renderDot` need the renderers.

/**
 * A Vega-Lite specification, as produced by this package's chart functions. Notebooks (Jupyter,
 * Observable, VS Code) display it natively; {@link renderSvg} turns it into SVG text.
 */
export type VegaLiteSpec = TopLevelSpec;

/** The Vega-Lite schema every chart of this package declares (one place to move it to a new version). */
export const vegaLiteSchema = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * Renders a Vega-Lite spec to standalone SVG text, headless (no browser, no canvas), so it runs in
 * Node, Deno and browsers alike.
 *
 * @param spec - a Vega-Lite spec
 * @returns the SVG document as text
 * @throws TiltakError `INVALID_INPUT` when Vega-Lite cannot compile the spec
 *
 * @example
 * ```ts
 * import { renderSvg } from "@tiltak/plot";
 * const svg = await renderSvg({
 *   data: { values: [{ n: 10, power: 0.2 }, { n: 50, power: 0.8 }] },
 *   mark: "line",
 *   encoding: { x: { field: "n", type: "quantitative" }, y: { field: "power", type: "quantitative" } },
 * });
 * svg.startsWith("<svg"); // => true
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  let compiled: Spec;
  try {
    compiled = vegaLite.compile(spec).spec;
  } catch (error) {
    throw new TiltakError(
      "INVALID_INPUT",
      `spec is not a valid Vega-Lite specification: ${(error as Error).message}`,
      [{ path: ["spec"], message: (error as Error).message }],
    );
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let vizPromise: Promise<Viz> | undefined;

/**
 * Renders Graphviz DOT text to SVG with Graphviz compiled to WebAssembly (`@viz-js/viz`), so theory
 * diagrams render the same in Node and in browsers.
 *
 * @param dot - a graph in the DOT language (for example from `theory.toDot`)
 * @returns the SVG document as text
 * @throws TiltakError `INVALID_INPUT` when Graphviz cannot parse the graph
 *
 * @example
 * ```ts
 * import { renderDot } from "@tiltak/plot";
 * const svg = await renderDot('digraph { rankdir=LR; problem -> activity -> outcome }');
 * svg.includes("<svg"); // => true
 * ```
 */
export async function renderDot(dot: string): Promise<string> {
  if (typeof dot !== "string" || dot.trim() === "") {
    throw new TiltakError("INVALID_INPUT", "dot must be a non-empty string of DOT text", [
      { path: ["dot"], message: "must be a non-empty string" },
    ]);
  }
  vizPromise ??= import("@viz-js/viz").then((viz) => viz.instance());
  const viz = await vizPromise;
  const result = viz.render(dot, { format: "svg" });
  if (result.status !== "success") {
    const messages = result.errors.map((error) => error.message).join("; ");
    throw new TiltakError("INVALID_INPUT", `dot could not be rendered by Graphviz: ${messages}`, [
      { path: ["dot"], message: messages },
    ]);
  }
  return result.output;
}
