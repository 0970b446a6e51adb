import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** Number of equal bins over `domain`; default 20. Ignored with `discrete`. */
  bins?: number | undefined;
  /** The range the bins cover, [lower, upper); default [min, max] of the values. */
  domain?: readonly [number, number] | undefined;
  /** Integer values: one bin per integer from the least to the greatest value (or `domain`). */
  discrete?: boolean | undefined;
  /**
   * The count expected in each bin: `"uniform"` (n / bins), or one number per bin. It is drawn as a dashed
   * line with a band of ± 1.96 binomial standard deviations, √(e(1 − e/n)), around it.
   */
  expected?: "uniform" | readonly number[] | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Axis titles; default "Value" and "Count". */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** Width and height in pixels; default 420 × 220. */
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * A histogram of draws as a Vega-Lite spec, with the counts computed here (so the spec's data are the bin
 * counts) and, optionally, the count each bin should have with a 95 % binomial band: a check of a generator's
 * uniformity, or of a design's distribution of arm counts against the binomial.
 *
 * @param values - the draws (finite numbers)
 * @param options - {@link HistogramOptions}
 * @returns a Vega-Lite spec whose data are rows `{ lower, upper, count, expected, low, high }`
 * @throws TiltakError `INVALID_INPUT` for no values, a value that is not a finite number, or an `expected`
 *   array of the wrong length
 * @see docs/methods/core/random-numbers.md
 *
 * @example
 * ```ts
 * import { createRng } from "@tiltak/core";
 * import { histogram } from "@tiltak/plot";
 * const rng = createRng("histogram-doc");
 * const draws = Array.from({ length: 1000 }, () => rng.uniform());
 * const spec = histogram(draws, { bins: 10, domain: [0, 1], expected: "uniform" });
 * (spec.layer as { data: { values: { count: number }[] } }[])[0]?.data.values.reduce((s, r) => s + r.count, 0); // => 1000
 * histogram([]); // => throws INVALID_INPUT "values must be a non-empty array of finite numbers, got []"
 * ```
 */
export function histogram(values: readonly number[], options: HistogramOptions = {}): VegaLiteSpec {
  if (!Array.isArray(values) || values.length === 0)
    invalidInput("values", "must be a non-empty array of finite numbers", values);
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      invalidInput(["values", i], "must be a finite number", v);
  });
  let lo = options.domain?.[0] ?? Math.min(...values);
  let hi = options.domain?.[1] ?? Math.max(...values);
  let bins: number;
  if (options.discrete) {
    lo = Math.round(lo);
    hi = Math.round(hi);
    bins = hi - lo + 1;
  } else {
    bins = options.bins ?? 20;
    if (!(Number.isInteger(bins) && bins >= 1)) invalidInput("options.bins", "must be an integer >= 1", bins);
    if (!(hi > lo)) hi = lo + 1;
  }
  const width = options.discrete ? 1 : (hi - lo) / bins;
  const start = options.discrete ? lo - 0.5 : lo;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const index = Math.floor((v - start) / width);
    // The top edge of a continuous domain belongs to the last bin; values outside the domain are not counted.
    const bin = !options.discrete && v === hi ? bins - 1 : index;
    if (bin >= 0 && bin < bins) counts[bin] = (counts[bin] as number) + 1;
  }
  const n = counts.reduce((a, b) => a + b, 0);
  let expected: readonly number[] | undefined;
  if (options.expected === "uniform") expected = counts.map(() => n / bins);
  else if (options.expected !== undefined) {
    if (options.expected.length !== bins)
      invalidInput(
        "options.expected",
        `must give one expected count per bin (${bins})`,
        options.expected.length,
      );
    expected = options.expected;
  }
  const rows = counts.map((count, i) => {
    const e = expected?.[i] ?? null;
    const sd = e === null ? 0 : Math.sqrt(Math.max(0, e * (1 - e / n)));
    return {
      lower: start + i * width,
      upper: start + (i + 1) * width,
      middle: start + (i + 0.5) * width,
      count,
      expected: e,
      low: e === null ? null : Math.max(0, e - 1.959963984540054 * sd),
      high: e === null ? null : e + 1.959963984540054 * sd,
    };
  });
  const x = {
    field: "lower",
    type: "quantitative" as const,
    title: options.xTitle ?? "Value",
    scale: { domain: [start, start + bins * width], nice: false, zero: false },
  };
  const layers: unknown[] = [
    {
      data: { values: rows },
      mark: { type: "rect", color: "#4c78a8", stroke: "white", strokeWidth: 0.5 },
      encoding: {
        x,
        x2: { field: "upper" },
        y: { field: "count", type: "quantitative", title: options.yTitle ?? "Count", scale: { zero: true } },
        tooltip: [
          { field: "lower", type: "quantitative", format: ".3~f" },
          { field: "upper", type: "quantitative", format: ".3~f" },
          { field: "count", type: "quantitative" },
          ...(expected ? [{ field: "expected", type: "quantitative", format: ".1f" }] : []),
        ],
      },
    },
  ];
  if (expected)
    layers.push(
      {
        data: { values: rows },
        mark: { type: "rect", color: "#f58518", opacity: 0.22 },
        encoding: {
          x,
          x2: { field: "upper" },
          y: { field: "low", type: "quantitative" },
          y2: { field: "high" },
        },
      },
      {
        data: { values: rows },
        mark: { type: "rule", color: "#c0392b", strokeDash: [4, 3] },
        encoding: {
          x,
          x2: { field: "upper" },
          y: { field: "expected", type: "quantitative" },
        },
      },
    );
  return {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 420,
    height: options.height ?? 220,
    layer: layers,
  } as VegaLiteSpec;
}
