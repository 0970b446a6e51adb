import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/**
 * One rate at one time point. `compare.compareProgrammes(…).rows` and `compare.outcomeRates` rows (with a
 * period or year added) fit this shape.
 */
export interface RateTrendRow {
  /** The year (or give `period`). */
  year?: number | undefined;
  /** The period; its start year is used when `year` is missing. */
  period?: { start: string; end?: string | undefined } | undefined;
  /** The programme (the series); falls back to `id`. */
  programme?: string | undefined;
  /** The record id. */
  id?: string | undefined;
  /** The outcome (a second series dimension when several are given). */
  outcome?: string | undefined;
  /** The rate in [0, 1]; rows with a null rate are skipped. */
  rate: number | null;
  /** Lower confidence bound. */
  lower?: number | null | undefined;
  /** Upper confidence bound. */
  upper?: number | null | undefined;
  /** The target, drawn as a dashed step line per series. */
  target?: number | null | undefined;
}

/** Options of {@link rateTrend}. */
export interface RateTrendOptions {
  /** The chart title. */
  title?: string | undefined;
  /** The y-axis title. Default "Rate". */
  yTitle?: string | undefined;
  /** Chart width in pixels. Default 480. */
  width?: number | undefined;
  /** Chart height in pixels. Default 300. */
  height?: number | undefined;
}

/**
 * Rates against targets over years as a Vega-Lite spec: one line per programme (and outcome, when rows
 * hold several), points with confidence-interval bars where `lower`/`upper` are given, and each series'
 * target as a dashed line.
 *
 * @param rows - rates by year: `[{ year or period, programme or id, outcome?, rate, lower?, upper?, target? }]`
 * @param options - `{ title?, yTitle?, width?, height? }`
 * @returns a Vega-Lite spec (render with `renderSvg`)
 * @throws TiltakError `INVALID_INPUT` when a row has no year and no period, or a rate outside [0, 1]
 * @see docs/methods/compare/rates.md
 *
 * @example
 * ```ts
 * import { rateTrend, renderSvg } from "@tiltak/plot";
 * const rows = [{ programme: "NorA", year: 2021, rate: 44 / 102, lower: 0.34, upper: 0.53, target: 0.6 }, { programme: "NorA", year: 2024, rate: 27 / 84, lower: 0.23, upper: 0.43, target: 0.6 }];
 * (await renderSvg(rateTrend(rows))).startsWith("<svg"); // => true
 * rateTrend([{ programme: "NorA", rate: 0.3 }]); // => throws INVALID_INPUT "rows[0].year must be given (or a period with a start date), got undefined"
 * ```
 */
export function rateTrend(rows: RateTrendRow[], options: RateTrendOptions = {}): VegaLiteSpec {
  if (!Array.isArray(rows) || rows.length === 0)
    invalidInput("rows", "must be a non-empty array of rates", rows);
  const outcomes = new Set(rows.map((row) => row.outcome ?? ""));
  const values = rows.flatMap((row, index) => {
    if (row.rate === null) return [];
    const year =
      row.year ?? (row.period?.start !== undefined ? Number(row.period.start.slice(0, 4)) : undefined);
    if (year === undefined || !Number.isFinite(year))
      invalidInput(["rows", index, "year"], "must be given (or a period with a start date)", row.year);
    if (!(row.rate >= 0 && row.rate <= 1))
      invalidInput(["rows", index, "rate"], "must be in [0, 1]", row.rate);
    const programme = row.programme ?? row.id ?? "series";
    const series = outcomes.size > 1 ? `${programme}: ${row.outcome ?? ""}` : programme;
    return [
      {
        year,
        series,
        rate: row.rate,
        lower: row.lower ?? null,
        upper: row.upper ?? null,
        target: row.target ?? null,
      },
    ];
  });
  const x = { field: "year", type: "ordinal" as const, title: "Year" };
  const y = {
    type: "quantitative" as const,
    title: options.yTitle ?? "Rate",
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
  };
  const color = { field: "series", type: "nominal" as const, title: null };
  return {
    $schema: vegaLiteSchema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values },
    layer: [
      {
        mark: { type: "line", point: { filled: true, size: 50 } },
        encoding: { x, y: { field: "rate", ...y }, color },
      },
      {
        transform: [{ filter: "datum.lower !== null && datum.upper !== null" }],
        mark: { type: "rule" },
        encoding: { x, y: { field: "lower", ...y }, y2: { field: "upper" }, color },
      },
      {
        transform: [{ filter: "datum.target !== null" }],
        mark: { type: "line", strokeDash: [5, 4], opacity: 0.8 },
        encoding: { x, y: { field: "target", ...y }, color },
      },
    ],
  } as VegaLiteSpec;
}
