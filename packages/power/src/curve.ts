import { integerAtLeast, invalidInput, numberIn, parseOptions } from "@tiltak/core";
import * as z from "zod/mini";

/** One row of a power curve: the varied parameter, the output (default `power`) and, with several series, the series label and value. */
export type PowerCurveRow = Record<string, number | string>;

/** Options of {@link powerCurve}. */
export interface PowerCurveOptions {
  /** The parameter to vary along the x axis, e.g. `"n"`. */
  vary: string;
  /** First value of `vary`. */
  from: number;
  /** Last value of `vary`. */
  to: number;
  /** Number of points, >= 2; default 20. */
  points?: number | undefined;
  /** Round the varied values to integers (duplicates dropped); default false. */
  integer?: boolean | undefined;
  /** Several curves: one per value of another parameter, e.g. `{ vary: "d", values: [0.2, 0.5, 0.8] }`. */
  series?: { vary: string; values: number[] } | undefined;
  /** The result field to plot; default `"power"` (for example `"mdes"` for an MDES curve). */
  output?: string | undefined;
}

/**
 * Schema of {@link PowerCurveOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { powerCurveOptions } from "@tiltak/power";
 * powerCurveOptions.safeParse({ vary: "n", from: 10, to: 100, points: 10 }).success; // => true
 * powerCurveOptions.safeParse({ vary: "n", from: 10, to: 100, points: 1 }).success; // => false
 * ```
 */
export const powerCurveOptions: z.ZodMiniType<PowerCurveOptions> = z.strictObject({
  vary: z.string().check(z.minLength(1)),
  from: numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()"),
  to: numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()"),
  points: z.optional(integerAtLeast(2)),
  integer: z.optional(z.boolean()),
  series: z.optional(
    z.strictObject({
      vary: z.string().check(z.minLength(1)),
      values: z
        .array(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()"))
        .check(z.minLength(1)),
    }),
  ),
  output: z.optional(z.string().check(z.minLength(1))),
});

/**
 * Power (or another output such as `mdes`) against one parameter, optionally for several values of a
 * second parameter: rows `{ series?, [series.vary]?, [vary], power }` ready for `plot.powerCurve(rows)`
 * (`@tiltak/plot`) or a table. `fn` is any function of this package; `base` holds its other options
 * (the output, e.g. `power`, is removed so that it is computed at every point).
 *
 * @param fn - a power function, e.g. `tTest` or `clusterRandomised`
 * @param base - the fixed options of `fn`
 * @param options - {@link PowerCurveOptions}
 * @returns rows, in the order of the series, then of `vary`
 * @throws TiltakError `INVALID_INPUT` for bad options; any error `fn` throws at a point
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { powerCurve, tTest } from "@tiltak/power";
 * const rows = powerCurve(tTest, { d: 0.5 }, { vary: "n", from: 10, to: 100, points: 10 });
 * rows.length; // => 10
 * rows[9]; // => { n: 100, power: 0.9404272 }
 * powerCurve(tTest, { n: 50 }, { vary: "d", from: 0, to: 1, points: 3, series: { vary: "sigLevel", values: [0.05, 0.01] } })[0]; // => { series: "sigLevel = 0.05", sigLevel: 0.05, d: 0, power: 0.05 }
 * ```
 */
export function powerCurve<O extends object>(
  fn: (options: O) => object,
  base: Partial<O>,
  options: PowerCurveOptions,
): PowerCurveRow[] {
  if (typeof fn !== "function") invalidInput("fn", "must be a power function such as tTest", fn);
  if (typeof base !== "object" || base === null) invalidInput("base", "must be an options object", base);
  const o = parseOptions(powerCurveOptions, options);
  const output = o.output ?? "power";
  const points = o.points ?? 20;
  const xs: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = o.from + ((o.to - o.from) * i) / (points - 1);
    const value = o.integer ? Math.round(x) : Number(x.toPrecision(15));
    if (!xs.includes(value)) xs.push(value);
  }
  const rest: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  delete rest[output];
  const rows: PowerCurveRow[] = [];
  const seriesValues = o.series?.values ?? [undefined];
  for (const s of seriesValues) {
    for (const x of xs) {
      const call: Record<string, unknown> = { ...rest, [o.vary]: x };
      if (o.series !== undefined && s !== undefined) call[o.series.vary] = s;
      const result = fn(call as O) as Record<string, unknown>;
      const y = result[output];
      if (typeof y !== "number")
        invalidInput("output", `must name a numeric field of the result of fn`, output);
      const row: PowerCurveRow = {};
      if (o.series !== undefined && s !== undefined) {
        row.series = `${o.series.vary} = ${s}`;
        row[o.series.vary] = s;
      }
      row[o.vary] = x;
      row[output] = y;
      rows.push(row);
    }
  }
  return rows;
}
