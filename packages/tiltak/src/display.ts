import { invalidInput, toRecords } from "@tiltak/core";

/**
 * A Jupyter MIME bundle: MIME type → content. Front ends show the richest type they can render
 * (JupyterLab renders `application/vnd.vegalite.v5+json` natively; others fall back to the SVG, the HTML
 * or the plain text).
 */
export type MimeBundle = Record<string, unknown>;

/** Options of {@link mimeBundle} and {@link display}. */
export interface DisplayOptions {
  /** A caption shown above a table and used as the plain-text form of a figure. */
  title?: string;
  /** Significant digits of numbers in tables (default 4). */
  digits?: number;
  /** At most this many rows of a table are shown (default 50); the rest are counted in a note. */
  maxRows?: number;
}

const vegaLiteType = "application/vnd.vegalite.v5+json";

/** A Vega-Lite spec: a `$schema` naming Vega-Lite, or the top-level keys only a view specification has. */
function isVegaLite(value: object): boolean {
  const schema = (value as { $schema?: unknown }).$schema;
  if (typeof schema === "string") return schema.includes("vega-lite");
  return ["mark", "layer", "hconcat", "vconcat", "concat", "facet", "repeat"].some((key) => key in value);
}

/** A programme theory: `nodes` and `links` arrays beside an `id` (the shape of `@tiltak/theory`). */
function isTheory(value: object): boolean {
  const candidate = value as { id?: unknown; nodes?: unknown; links?: unknown };
  return typeof candidate.id === "string" && Array.isArray(candidate.nodes) && Array.isArray(candidate.links);
}

/** An Arquero-like table (anything with `objects()`) or an array whose items are all plain records. */
function isTable(value: unknown): boolean {
  if (Array.isArray(value))
    return (
      value.length > 0 && value.every((row) => typeof row === "object" && row !== null && !Array.isArray(row))
    );
  return typeof (value as { objects?: unknown } | null)?.objects === "function";
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell's text: numbers to `digits` significant digits (integers whole), null as an empty cell. */
function cellText(value: unknown, digits: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(digits)));
  }
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return value.map((item) => cellText(item, digits)).join(", ");
  return JSON.stringify(value);
}

function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  return columns;
}

function tableBundle(
  rows: readonly Record<string, unknown>[],
  options: Required<DisplayOptions>,
): MimeBundle {
  const columns = columnsOf(rows);
  const shown = rows.slice(0, options.maxRows);
  const cells = shown.map((row) => columns.map((column) => cellText(row[column], options.digits)));
  const numeric = columns.map((column) =>
    shown.every((row) => typeof row[column] === "number" || row[column] == null),
  );
  const note = rows.length > shown.length ? `${rows.length - shown.length} more rows not shown` : "";
  const caption = options.title === "" ? "" : `<caption>${escapeHtml(options.title)}</caption>`;
  const head = `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const body = cells
    .map(
      (line) =>
        `<tr>${line.map((cell, i) => `<td${numeric[i] ? ' style="text-align:right"' : ""}>${escapeHtml(cell)}</td>`).join("")}</tr>`,
    )
    .join("");
  const html = `<table>${caption}${head}<tbody>${body}</tbody></table>${note === "" ? "" : `<p>${note}</p>`}`;
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => (line[i] as string).length)),
  );
  const pad = (text: string, i: number): string =>
    numeric[i] ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number);
  const plain = [
    ...(options.title === "" ? [] : [options.title]),
    columns.map(pad).join("  ").trimEnd(),
    ...cells.map((line) => line.map(pad).join("  ").trimEnd()),
    ...(note === "" ? [] : [note]),
  ].join("\n");
  return { "text/html": html, "text/plain": plain };
}

/** A result object as a two-column table of its fields, with arrays of records as tables below it. */
function objectBundle(value: Record<string, unknown>, options: Required<DisplayOptions>): MimeBundle {
  const scalars: Record<string, unknown>[] = [];
  const parts: MimeBundle[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (isTable(field)) parts.push(tableBundle(toRecords(field as never, key), { ...options, title: key }));
    else if (typeof field === "object" && field !== null && !Array.isArray(field))
      scalars.push({ field: key, value: cellText(field, options.digits) });
    else scalars.push({ field: key, value: field });
  }
  const main = tableBundle(scalars, options);
  return {
    "text/html": [main["text/html"], ...parts.map((part) => part["text/html"])].join("\n"),
    "text/plain": [main["text/plain"], ...parts.map((part) => part["text/plain"])].join("\n\n"),
  };
}

/**
 * The Jupyter MIME bundle for a tiltak value: a Vega-Lite spec (from `plot.*`) as
 * `application/vnd.vegalite.v5+json` with an SVG fallback, a programme theory as an SVG diagram (Graphviz),
 * rows (an array of records or an Arquero table) as an HTML table, a result object as a table of its
 * fields, and anything else as text. Plotting code loads only when a figure is asked for.
 *
 * @param value - a Vega-Lite spec, a theory, rows, a result object, or text
 * @param options - `{ title?, digits?, maxRows? }`
 * @returns a plain object from MIME type to content; always has `text/plain`
 * @throws TiltakError `INVALID_INPUT` for `undefined`, a function or a symbol
 *
 * @example
 * ```ts
 * import { mimeBundle } from "tiltak";
 * const bundle = await mimeBundle([{ outcome: "work", count: 27, rate: 0.32143 }]);
 * Object.keys(bundle); // => ["text/html", "text/plain"]
 * (bundle["text/plain"] as string).split("\n")[1]; // => "work        27  0.3214"
 * ```
 */
export async function mimeBundle(value: unknown, options: DisplayOptions = {}): Promise<MimeBundle> {
  const settings: Required<DisplayOptions> = {
    title: options.title ?? "",
    digits: options.digits ?? 4,
    maxRows: options.maxRows ?? 50,
  };
  if (value === undefined || typeof value === "function" || typeof value === "symbol")
    invalidInput("value", "must be a spec, a theory, rows, a result object or text", value);
  if (typeof value !== "object" || value === null) return { "text/plain": cellText(value, settings.digits) };
  if (isTable(value)) return tableBundle(toRecords(value as never, "value"), settings);
  if (Array.isArray(value)) return { "text/plain": cellText(value, settings.digits) };
  if (isVegaLite(value)) {
    const { renderSvg } = await import("@tiltak/plot");
    const svg = await renderSvg(value as never);
    return { [vegaLiteType]: value, "image/svg+xml": svg, "text/plain": settings.title || "Vega-Lite chart" };
  }
  if (isTheory(value)) {
    const { theorySvg } = await import("@tiltak/plot");
    const svg = await theorySvg(value as never);
    const title = (value as { title?: unknown }).title;
    return {
      "image/svg+xml": svg,
      "text/plain": settings.title || (typeof title === "string" ? title : "theory"),
    };
  }
  return objectBundle(value as Record<string, unknown>, settings);
}

/**
 * Shows a tiltak value in a notebook: in the Deno Jupyter kernel through `Deno.jupyter.display` with the
 * bundle of {@link mimeBundle}; elsewhere (a script) it prints the plain-text form. It returns nothing, so a
 * cell that ends with it shows the value once.
 *
 * @param value - what to show: a Vega-Lite spec, a theory, rows, a result object or text
 * @param options - `{ title?, digits?, maxRows? }`
 *
 * @example
 * ```ts
 * import { display, power } from "tiltak";
 * await display(power.tTest({ d: 0.5, power: 0.8 }), { title: "Two-sample t test" });
 * ```
 */
export async function display(value: unknown, options: DisplayOptions = {}): Promise<void> {
  const bundle = await mimeBundle(value, options);
  const deno = (
    globalThis as { Deno?: { jupyter?: { display?: (b: MimeBundle, o: { raw: true }) => unknown } } }
  ).Deno;
  if (typeof deno?.jupyter?.display === "function") await deno.jupyter.display(bundle, { raw: true });
  else console.log(bundle["text/plain"]);
}
