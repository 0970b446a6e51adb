import { invalidInput } from "@tiltak/core";
import type { PowerCurveRow } from "@tiltak/power";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link powerCurve}. */
export interface PowerCurveChartOptions {
  /** The field on the x axis; default: the numeric field (other than `y`) with the most distinct values. */
  x?: string | undefined;
  /** The field on the y axis; default `"power"` (use e.g. `"mdes"` for an MDES curve). */
  y?: string | undefined;
  /** A horizontal reference line, e.g. the target power; default 0.8 for power, none otherwise; `null` for none. */
  target?: number | null | undefined;
  /** Axis titles; default the field names ("Power" for power). */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Width and height in pixels; default 480 × 300. */
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * A power curve as a Vega-Lite spec: power (y, fixed to [0, 1]) against the varied parameter, one line
 * per series (from `power.powerCurve(..., { series })`, coloured by `series`), and a dashed rule at the
 * target power 0.8. Render it with {@link renderSvg}, or display the spec in a notebook.
 *
 * @param rows - rows from `power.powerCurve` (`{ series?, [vary], power }`)
 * @param options - {@link PowerCurveChartOptions}
 * @returns a Vega-Lite spec
 * @throws TiltakError `INVALID_INPUT` for empty rows or rows without the y field
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { powerCurve as curve, tTest } from "@tiltak/power";
 * import { powerCurve, renderSvg } from "@tiltak/plot";
 * const rows = curve(tTest, {}, { vary: "n", from: 10, to: 120, points: 12, series: { vary: "d", values: [0.3, 0.5] } });
 * const spec = powerCurve(rows);
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * powerCurve([]); // => throws INVALID_INPUT "rows must be a non-empty array of power curve rows, got []"
 * ```
 */
export function powerCurve(rows: PowerCurveRow[], options: PowerCurveChartOptions = {}): VegaLiteSpec {
  if (!Array.isArray(rows) || rows.length === 0)
    invalidInput("rows", "must be a non-empty array of power curve rows", rows);
  const y = options.y ?? "power";
  if (!rows.every((row) => typeof row === "object" && row !== null && typeof row[y] === "number"))
    invalidInput("rows", `must all have a numeric "${y}" field (from power.powerCurve)`, rows[0]);
  const hasSeries = rows.some((row) => typeof row.series === "string");
  let x = options.x;
  if (x === undefined) {
    let best = -1;
    for (const key of Object.keys(rows[0] as PowerCurveRow)) {
      if (key === y || key === "series" || typeof (rows[0] as PowerCurveRow)[key] !== "number") continue;
      const distinct = new Set(rows.map((row) => row[key])).size;
      if (distinct > best) {
        best = distinct;
        x = key;
      }
    }
  }
  if (x === undefined) invalidInput("rows", "must have a numeric field to put on the x axis", rows[0]);
  const isPower = y === "power";
  const target = options.target === undefined ? (isPower ? 0.8 : null) : options.target;
  const yScale = isPower ? { domain: [0, 1] } : { zero: true };
  const line = {
    mark: { type: "line" as const, point: true },
    encoding: {
      x: { field: x, type: "quantitative" as const, title: options.xTitle ?? x },
      y: {
        field: y,
        type: "quantitative" as const,
        title: options.yTitle ?? (isPower ? "Power" : y),
        scale: yScale,
      },
      ...(hasSeries ? { color: { field: "series", type: "nominal" as const, title: null } } : {}),
      tooltip: [
        ...(hasSeries ? [{ field: "series", type: "nominal" as const }] : []),
        { field: x, type: "quantitative" as const },
        { field: y, type: "quantitative" as const, format: ".3f" },
      ],
    },
  };
  const layers: unknown[] = [line];
  if (target !== null)
    layers.push({
      data: { values: [{ target }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "#888" },
      encoding: { y: { field: "target", type: "quantitative" } },
    });
  return {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    layer: layers,
  } as VegaLiteSpec;
}
