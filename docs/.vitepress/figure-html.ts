/** HTML for the method pages' figures and computed tables (see figures.ts and method-figures.ts). */
import { renderSvg, type VegaLiteSpec } from "@tiltak/plot";

/** A number with the Unicode minus sign, to the given decimals. */
export const fix = (value: number, digits = 3): string => value.toFixed(digits).replace("-", "−");

/** A plain HTML table. */
export function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${h}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A rendered SVG (or several, one under the other) with its caption. `wide` figures scroll instead of
 * shrinking; `"phone-scroll"` ones fit the page on a desktop and scroll on a phone, where shrinking them
 * would make their text unreadable (diagrams full of words).
 */
export const figure = (
  svg: string | string[],
  caption: string,
  wide: boolean | "phone-scroll" = false,
): string =>
  `<figure class="figure${wide === true ? " wide" : wide === "phone-scroll" ? " phone-scroll" : ""}" v-pre>${(Array.isArray(
    svg,
  )
    ? svg
    : [svg]
  )
    .map((s) => s.slice(s.indexOf("<svg")))
    .join("")}<figcaption>${caption}</figcaption></figure>`;

/**
 * A table computed by the library when the site is built, standing as the figure of a reference page where a
 * chart would mean nothing (errors, formatting, the command line). The browser tests look for this class.
 */
export const computedTable = (head: string[], rows: string[][], caption: string): string =>
  `<figure class="figure computed-table" v-pre>${table(head, rows)}<figcaption>${caption}</figcaption></figure>`;

/** Escapes text for HTML. */
export const html = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Larger type than Vega's default 10 px: figures shrink to a phone's width (about 340 px of a 480 px chart),
 * and 12 px labels stay legible there.
 */
const siteConfig = {
  axis: { labelFontSize: 12, titleFontSize: 12.5 },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 120 },
  title: { fontSize: 14.5, subtitleFontSize: 12 },
  header: { labelFontSize: 12, titleFontSize: 12.5 },
};

/** Legends below the chart rather than beside it, so the figure is as narrow as its plot. */
function legendsBelow(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(legendsBelow);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "encoding" && typeof value === "object" && value !== null) {
      const encoding: Record<string, unknown> = {};
      for (const [channel, def] of Object.entries(value)) {
        const legend = (def as { legend?: unknown } | null)?.legend;
        encoding[channel] =
          ["color", "fill", "shape", "strokeDash", "size"].includes(channel) &&
          typeof def === "object" &&
          def !== null &&
          legend !== null
            ? { ...def, legend: { ...(typeof legend === "object" ? legend : {}), orient: "bottom" } }
            : def;
      }
      out[key] = encoding;
    } else out[key] = legendsBelow(value);
  }
  return out;
}

/** Renders one of the library's Vega-Lite specs to SVG with the site's type sizes and legends below. */
export function siteSvg(spec: VegaLiteSpec): Promise<string> {
  const own = (spec as { config?: Record<string, unknown> }).config ?? {};
  return renderSvg({ ...(legendsBelow(spec) as object), config: { ...siteConfig, ...own } } as VegaLiteSpec);
}
