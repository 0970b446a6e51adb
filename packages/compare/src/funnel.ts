import { invalidInput, parseOptions, type TableInput, toRecords } from "@tiltak/core";
import { fisherF, normal } from "@tiltak/stats";
import { z } from "zod";

/**
 * One unit (programme, municipality, year) on a funnel plot: `x` events out of `n`. As input, `id` or
 * `label` names the unit and `events` may stand for `x`.
 */
export interface FunnelUnit {
  /** The unit's identifier (defaults to its label, or its position). */
  id: string;
  /** A label for the unit (defaults to its id). */
  label: string;
  /** Events (e.g. exits to work). */
  x: number;
  /** Denominator (e.g. exits). */
  n: number;
}

/** Input form of a {@link FunnelUnit}. */
export interface FunnelUnitInput {
  /** The unit's identifier. */
  id?: string | number | undefined;
  /** A label. */
  label?: string | number | undefined;
  /** A name (alias of `label`). */
  name?: string | number | undefined;
  /** Events. */
  x?: number | undefined;
  /** Events (alias of `x`). */
  events?: number | undefined;
  /** Denominator. */
  n: number;
}

/** Options of {@link funnel}. */
export interface FunnelOptions {
  /** The target rate in (0, 1) to draw the funnel around; default the pooled rate Σx / Σn. */
  target?: number | undefined;
  /** Control-limit levels in (0, 1); default `[0.95, 0.998]` (≈ 2 and 3 standard deviations). */
  levels?: number[] | undefined;
  /** Limits the flags use: `exact` (binomial, default) or `normal`. */
  method?: "exact" | "normal" | undefined;
  /** Points per curve for plotting the limits over n (log-spaced from 1 to 1.1 × the largest n). Default 100. */
  points?: number | undefined;
}

/** Control limits at one level. */
export interface FunnelLimit {
  /** Two-sided level, e.g. 0.95. */
  level: number;
  /** Exact binomial lower limit (Spiegelhalter 2005, with interpolation). */
  exactLower: number;
  /** Exact binomial upper limit. */
  exactUpper: number;
  /** Normal-approximation lower limit θ − z√(θ(1−θ)/n), clipped to [0, 1]. */
  normalLower: number;
  /** Normal-approximation upper limit. */
  normalUpper: number;
}

/** Where a unit falls: inside all limits, or beyond the limit of a level on the high or low side. */
export type FunnelFlag = "within" | "high" | "low";

/** One unit with its limits and flag. */
export interface FunnelUnitResult extends FunnelUnit {
  /** x / n. */
  rate: number;
  /** z-score (rate − θ)/√(θ(1−θ)/n). */
  z: number;
  /** Control limits at each level, at this unit's n. */
  limits: FunnelLimit[];
  /** `high` or `low` when outside the limits of `flagLevel`; `within` otherwise. */
  flag: FunnelFlag;
  /** The widest level whose limits the unit falls outside of, or `null`. */
  flagLevel: number | null;
}

/** Result of {@link funnel}. */
export interface FunnelResult {
  /** The centre line θ. */
  target: number;
  /** Whether θ was given or is the pooled rate. */
  targetSource: "given" | "pooled";
  /** The levels. */
  levels: number[];
  /** The limits the flags use. */
  method: "exact" | "normal";
  /** Each unit with its limits and flag. */
  units: FunnelUnitResult[];
  /** The limits over a grid of n, for drawing: one row per n. */
  curves: ({ n: number } & FunnelLimit)[];
  /** The reference. */
  reference: "Spiegelhalter (2005)";
}

const unitSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  label: z.union([z.string(), z.number()]).optional(),
  name: z.union([z.string(), z.number()]).optional(),
  x: z.number().min(0).finite().optional(),
  events: z.number().min(0).finite().optional(),
  n: z.number().positive().finite(),
});

const funnelOptionsSchema: z.ZodType<{
  target?: number | undefined;
  levels: number[];
  method: "exact" | "normal";
  points: number;
}> = z.strictObject({
  target: z.number().gt(0).lt(1).optional(),
  levels: z.array(z.number().gt(0).lt(1)).min(1).default([0.95, 0.998]),
  method: z.enum(["exact", "normal"]).default("exact"),
  points: z.int().min(2).max(10000).default(100),
});

/** P(X ≤ r) for X ~ Binomial(n, θ), via the F distribution of @tiltak/stats (I_{1−θ}(n − r, r + 1)). */
function binomialCdf(r: number, n: number, theta: number): number {
  if (r < 0) return 0;
  if (r >= n) return 1;
  const d1 = 2 * (n - r);
  const d2 = 2 * (r + 1);
  return fisherF.cdf((d2 * (1 - theta)) / (d1 * theta), d1, d2);
}

/** The p-quantile of Binomial(n, θ): smallest r with P(X ≤ r) ≥ p (with R's fuzz 1 − 64ε). */
function binomialQuantile(p: number, n: number, theta: number): number {
  const target = p * (1 - 64 * Number.EPSILON);
  const sd = Math.sqrt(n * theta * (1 - theta));
  let r = Math.max(0, Math.min(n, Math.floor(n * theta + normal.quantile(p) * sd)));
  if (binomialCdf(r, n, theta) >= target) {
    while (r > 0 && binomialCdf(r - 1, n, theta) >= target) r -= 1;
  } else {
    while (r < n && binomialCdf(r, n, theta) < target) r += 1;
  }
  return r;
}

/**
 * The exact binomial control limit at tail probability p for a unit of size n around θ, with
 * Spiegelhalter's (2005, appendix A.1.1) interpolation between the discrete quantiles:
 * r = qbinom(p, n, θ), α = (F(r) − p)/(F(r) − F(r − 1)), limit = (r − α)/n.
 */
function exactLimit(p: number, n: number, theta: number): number {
  if (!Number.isInteger(n)) {
    // non-integer n: no binomial; fall back to the normal limit
    return theta + normal.quantile(p) * Math.sqrt((theta * (1 - theta)) / n);
  }
  const r = binomialQuantile(p, n, theta);
  const upper = binomialCdf(r, n, theta);
  const lower = binomialCdf(r - 1, n, theta);
  const alpha = (upper - p) / (upper - lower);
  return (r - alpha) / n;
}

function limitsAt(n: number, theta: number, levels: number[]): FunnelLimit[] {
  return levels.map((level) => {
    const pLow = (1 - level) / 2;
    const pHigh = 1 - pLow;
    const half = normal.quantile(pHigh) * Math.sqrt((theta * (1 - theta)) / n);
    return {
      level,
      exactLower: exactLimit(pLow, n, theta),
      exactUpper: exactLimit(pHigh, n, theta),
      normalLower: Math.max(0, theta - half),
      normalUpper: Math.min(1, theta + half),
    };
  });
}

/**
 * Funnel-plot control limits for comparing institutions' rates (Spiegelhalter 2005, "Funnel plots for
 * comparing institutional performance", Stat Med 24:1185–1202): around a target θ (or the pooled rate),
 * the exact binomial limits with interpolation and the normal approximation θ ± z√(θ(1−θ)/n), at
 * 95 % and 99.8 % by default, per unit and over a grid of n for drawing; each unit is flagged `high` or
 * `low` when its rate lies beyond the widest level's limit it crosses (strictly), else `within`.
 * The binomial distribution function is computed exactly through the F distribution of `@tiltak/stats`.
 *
 * R equivalent: `qbinom`/`pbinom` with the interpolation above (as in the `FunnelPlotR` and
 * `berryFunctions::funnelPlot` conventions for proportions).
 *
 * @param units - `[{ id or label, x (or events), n }]` (or any table input)
 * @param options - `{ target?, levels?, method?, points? }`
 * @returns `{ target, targetSource, levels, method, units: [{ id, label, x, n, rate, z, limits, flag, flagLevel }], curves }`
 * @throws TiltakError `INVALID_INPUT` for x > n, no units, or a target outside (0, 1)
 * @see docs/methods/compare/funnel.md
 *
 * @example
 * ```ts
 * import { funnel } from "@tiltak/compare";
 * const result = funnel([{ label: "NorA 2021", x: 44, n: 102 }, { label: "NorA 2024", x: 27, n: 84 }, { label: "Ny sjanse 2024", x: 43, n: 91 }], { target: 0.6 });
 * result.units.map((u) => u.flag); // => ["low", "low", "low"]
 * result.units[1]?.flagLevel; // => 0.998
 * result.units[0]?.limits[0]?.exactLower; // => 0.49919
 * ```
 */
export function funnel(units: TableInput | FunnelUnitInput[], options: FunnelOptions = {}): FunnelResult {
  const parsed = parseOptions(funnelOptionsSchema, options);
  const rows = toRecords(units as TableInput);
  if (rows.length === 0) invalidInput("units", "must contain at least one unit", rows);
  const list = rows.map((row, index): FunnelUnit => {
    const unit = unitSchema.safeParse(row);
    if (!unit.success)
      invalidInput(["units", index], "must be { id or label, x (or events) >= 0, n > 0 }", row);
    const { id, events, n } = unit.data;
    const label = unit.data.label ?? unit.data.name;
    const x = unit.data.x ?? events;
    if (x === undefined) invalidInput(["units", index, "x"], "is required (events, >= 0)", undefined);
    if (x > n) invalidInput(["units", index, "x"], `must be <= n (${n})`, x);
    const name = String(id ?? label ?? index + 1);
    return { id: name, label: label === undefined ? name : String(label), x, n };
  });
  let target = parsed.target;
  let targetSource: "given" | "pooled" = "given";
  if (target === undefined) {
    const x = list.reduce((a, u) => a + u.x, 0);
    const n = list.reduce((a, u) => a + u.n, 0);
    target = x / n;
    targetSource = "pooled";
    if (!(target > 0 && target < 1))
      invalidInput("target", "must be given when the pooled rate is 0 or 1 (no funnel around it)", target);
  }
  const theta = target;
  const levels = [...parsed.levels].sort((a, b) => a - b);
  const resultUnits = list.map((unit): FunnelUnitResult => {
    const rate = unit.x / unit.n;
    const limits = limitsAt(unit.n, theta, levels);
    let flag: FunnelFlag = "within";
    let flagLevel: number | null = null;
    for (const limit of limits) {
      const lower = parsed.method === "exact" ? limit.exactLower : limit.normalLower;
      const upper = parsed.method === "exact" ? limit.exactUpper : limit.normalUpper;
      if (rate > upper) {
        flag = "high";
        flagLevel = limit.level;
      } else if (rate < lower) {
        flag = "low";
        flagLevel = limit.level;
      }
    }
    return {
      ...unit,
      rate,
      z: (rate - theta) / Math.sqrt((theta * (1 - theta)) / unit.n),
      limits,
      flag,
      flagLevel,
    };
  });
  const maxN = Math.max(...list.map((u) => u.n)) * 1.1;
  const grid = new Set<number>();
  for (let i = 0; i < parsed.points; i++)
    grid.add(Math.max(1, Math.round(Math.exp((Math.log(maxN) * i) / (parsed.points - 1)))));
  const curves = [...grid]
    .sort((a, b) => a - b)
    .flatMap((n) => limitsAt(n, theta, levels).map((limit) => ({ n, ...limit })));
  return {
    target: theta,
    targetSource,
    levels,
    method: parsed.method,
    units: resultUnits,
    curves,
    reference: "Spiegelhalter (2005)",
  };
}
