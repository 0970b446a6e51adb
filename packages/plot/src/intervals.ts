import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** One estimate of {@link intervals}. */
export interface IntervalRow {
  /** The row's label on the y axis, e.g. `"odds ratio (Fisher, conditional MLE)"`. */
  label: string;
  /** The point estimate. */
  estimate: number;
  /** The interval's ends; leave out (or `null`) to draw the point alone. */
  lower?: number | null | undefined;
  upper?: number | null | undefined;
  /** Rows with different panels are drawn in separate panels, one above the other, each with its own x scale. */
  panel?: string | undefined;
}

/** Options of {@link intervals}. */
export interface IntervalsOptions {
  /** A vertical reference line (no effect: 0 for a difference, 1 for a ratio), or one per panel. */
  reference?: number | Readonly<Record<string, number>> | null | undefined;
  /** A shaded band, e.g. [−0.1, 0.1] for negligible standardised differences, or one per panel. */
  band?: readonly [number, number] | Readonly<Record<string, readonly [number, number]>> | undefined;
  /** The x range shown (every panel), e.g. symmetric around the reference; default fitted to the data. */
  xDomain?: readonly [number, number] | undefined;
  /** A logarithmic x axis (ratios): `true` for every panel, or the panels that get one. */
  log?: boolean | readonly string[] | undefined;
  /** The x-axis title; with panels the panel name is used, or this map from panel to title. */
  xTitle?: string | Readonly<Record<string, string>> | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Width in pixels (default 360) and the height of a row (default 26). */
  width?: number | undefined;
  rowHeight?: number | undefined;
}

const perPanel = <T>(
  value: T | Readonly<Record<string, T>> | undefined,
  panel: string,
  isValue: (v: unknown) => v is T,
): T | undefined =>
  value === undefined ? undefined : isValue(value) ? value : (value as Readonly<Record<string, T>>)[panel];

/**
 * Estimates with their confidence intervals as a Vega-Lite spec: one row per estimate, a point with a
 * horizontal bar from `lower` to `upper`, an optional reference line (the value of no effect) and band, and
 * separate panels (each with its own scale, logarithmic for ratios) for estimates on different scales — the
 * odds ratio and the risk difference of one 2×2 table, say.
 *
 * @param rows - the estimates `{ label, estimate, lower?, upper?, panel? }`
 * @param options - {@link IntervalsOptions}
 * @returns a Vega-Lite spec (one layered chart, or a vertical concatenation of one per panel)
 * @throws TiltakError `INVALID_INPUT` for no rows, or an estimate or bound that is not a finite number (or a
 *   value ≤ 0 on a logarithmic axis)
 * @see docs/methods/stats/two-by-two.md
 *
 * @example
 * ```ts
 * import { intervals, renderSvg } from "@tiltak/plot";
 * const spec = intervals([{ label: "risk difference", estimate: 0.143, lower: 0.012, upper: 0.268 }], { reference: 0 });
 * (await renderSvg(spec)).includes("risk difference"); // => true
 * intervals([{ label: "odds ratio", estimate: 0, lower: 0, upper: 2 }], { log: true }); // => throws INVALID_INPUT "rows[0].estimate must be a number > 0 on a logarithmic axis, got 0"
 * ```
 */
export function intervals(rows: readonly IntervalRow[], options: IntervalsOptions = {}): VegaLiteSpec {
  if (!Array.isArray(rows) || rows.length === 0)
    invalidInput("rows", "must be a non-empty array of estimates { label, estimate, lower?, upper? }", rows);
  const panels = [...new Set(rows.map((row) => row.panel ?? ""))];
  const isLog = (panel: string): boolean =>
    options.log === true || (Array.isArray(options.log) && options.log.includes(panel));
  rows.forEach((row, index) => {
    for (const key of ["estimate", "lower", "upper"] as const) {
      const value = row[key];
      if (key !== "estimate" && (value === undefined || value === null)) continue;
      if (typeof value !== "number" || !Number.isFinite(value))
        invalidInput(["rows", index, key], "must be a finite number", value);
      if (isLog(row.panel ?? "") && !(value > 0))
        invalidInput(["rows", index, key], "must be a number > 0 on a logarithmic axis", value);
    }
  });
  const isNumber = (v: unknown): v is number => typeof v === "number";
  const isPair = (v: unknown): v is readonly [number, number] => Array.isArray(v);
  const isText = (v: unknown): v is string => typeof v === "string";
  const chart = (panel: string): unknown => {
    const values = rows
      .filter((row) => (row.panel ?? "") === panel)
      .map((row) => ({
        label: row.label,
        estimate: row.estimate,
        lower: row.lower ?? null,
        upper: row.upper ?? null,
      }));
    const reference = perPanel(options.reference ?? undefined, panel, isNumber);
    const band = perPanel(options.band, panel, isPair);
    const title = perPanel(options.xTitle, panel, isText) ?? (panel === "" ? "Estimate" : panel);
    const x = {
      type: "quantitative" as const,
      title,
      scale: {
        ...(isLog(panel) ? { type: "log" as const } : { zero: false }),
        ...(options.xDomain ? { domain: [...options.xDomain] } : {}),
      },
    };
    const y = {
      field: "label",
      type: "nominal" as const,
      title: null,
      sort: values.map((v) => v.label),
      axis: { labelLimit: 400 },
    };
    const layers: unknown[] = [];
    if (band)
      layers.push({
        data: { values: [{ from: band[0], to: band[1] }] },
        mark: { type: "rect", color: "#bbb", opacity: 0.25 },
        encoding: { x: { field: "from", ...x }, x2: { field: "to" } },
      });
    if (reference !== undefined)
      layers.push({
        data: { values: [{ reference }] },
        mark: { type: "rule", color: "#888", strokeDash: [4, 3] },
        encoding: { x: { field: "reference", ...x } },
      });
    layers.push(
      {
        data: { values },
        transform: [{ filter: "datum.lower !== null && datum.upper !== null" }],
        mark: { type: "rule", strokeWidth: 2, color: "#4c78a8" },
        encoding: { x: { field: "lower", ...x }, x2: { field: "upper" }, y },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 70, color: "#1f3b63", opacity: 1 },
        encoding: {
          x: { field: "estimate", ...x },
          y,
          tooltip: [
            { field: "label", type: "nominal" },
            { field: "estimate", type: "quantitative", format: ".4~g" },
            { field: "lower", type: "quantitative", format: ".4~g" },
            { field: "upper", type: "quantitative", format: ".4~g" },
          ],
        },
      },
    );
    return {
      width: options.width ?? 360,
      height: { step: options.rowHeight ?? 26 },
      layer: layers,
    };
  };
  const head = {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
  };
  if (panels.length === 1) return { ...head, ...(chart(panels[0] as string) as object) } as VegaLiteSpec;
  return { ...head, vconcat: panels.map(chart), spacing: 18 } as VegaLiteSpec;
}
