import { invalidInput, parseOptions, type TableInput, toRecords } from "@tiltak/core";
import { chiSquare, fisherF, normal } from "@tiltak/stats";
import * as z from "zod/mini";

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
  /**
   * Adjust the limits for overdispersion (Spiegelhalter 2005, §3.5): `multiplicative` (φ from the
   * winsorised z-scores) or `additive` (random-effects τ²); default `none`. Adjusted limits are normal
   * limits, and the flags then use them.
   */
  overdispersion?: "none" | "multiplicative" | "additive" | undefined;
  /** Share winsorised at each end before estimating overdispersion; default 0.1 (10 % and 90 %). */
  winsorise?: number | undefined;
}

/** The overdispersion estimate of {@link funnel}. */
export interface FunnelOverdispersion {
  /** `multiplicative` or `additive`. */
  method: "multiplicative" | "additive";
  /** φ̂ = mean of the squared winsorised z-scores. */
  phi: number;
  /** The factor applied to the variance for `multiplicative`: max(1, φ̂) (limits are never narrowed). */
  phiApplied: number;
  /** τ̂² = max(0, (Iφ̂ − (I − 1)) / (Σw − Σw²/Σw)), w = n/(θ(1 − θ)), for `additive`; 0 otherwise. */
  tau2: number;
  /** The test statistic Iφ̂. */
  statistic: number;
  /** Its χ² degrees of freedom: I when the target is given, I − 1 when it is the pooled rate. */
  df: number;
  /** P(χ²_df > Iφ̂): small values are evidence of overdispersion. */
  p: number;
  /** Share winsorised at each end. */
  winsorise: number;
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
  /** Overdispersion-adjusted lower limit (only with `overdispersion`), clipped to [0, 1]. */
  adjustedLower?: number | undefined;
  /** Overdispersion-adjusted upper limit. */
  adjustedUpper?: number | undefined;
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
  /** The limits the flags use (`adjusted` with overdispersion). */
  method: "exact" | "normal" | "adjusted";
  /** The overdispersion estimate, or `null` without adjustment. */
  overdispersion: FunnelOverdispersion | null;
  /** Each unit with its limits and flag. */
  units: FunnelUnitResult[];
  /** The limits over a grid of n, for drawing: one row per n. */
  curves: ({ n: number } & FunnelLimit)[];
  /** The reference. */
  reference: "Spiegelhalter (2005)";
}

const unitSchema = z.object({
  id: z.optional(z.union([z.string(), z.number()])),
  label: z.optional(z.union([z.string(), z.number()])),
  name: z.optional(z.union([z.string(), z.number()])),
  x: z.optional(z.number().check(z.minimum(0))),
  events: z.optional(z.number().check(z.minimum(0))),
  n: z.number().check(z.positive()),
});

const funnelOptionsSchema: z.ZodMiniType<{
  target?: number | undefined;
  levels: number[];
  method: "exact" | "normal";
  points: number;
  overdispersion: "none" | "multiplicative" | "additive";
  winsorise: number;
}> = z.strictObject({
  target: z.optional(z.number().check(z.gt(0), z.lt(1))),
  levels: z._default(z.array(z.number().check(z.gt(0), z.lt(1))).check(z.minLength(1)), [0.95, 0.998]),
  method: z._default(z.enum(["exact", "normal"]), "exact"),
  points: z._default(z.int().check(z.minimum(2), z.maximum(10000)), 100),
  overdispersion: z._default(z.enum(["none", "multiplicative", "additive"]), "none"),
  winsorise: z._default(z.number().check(z.minimum(0), z.lt(0.5)), 0.1),
});

/** R's default (type 7) quantile of sorted values. */
function quantile7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low] as number;
  const b = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return a + (h - low) * (b - a);
}

function estimateOverdispersion(
  units: FunnelUnit[],
  theta: number,
  method: "multiplicative" | "additive",
  share: number,
  targetGiven: boolean,
): FunnelOverdispersion {
  const count = units.length;
  const df = targetGiven ? count : count - 1;
  if (df < 1)
    invalidInput("overdispersion", "needs at least 2 units when the target is the pooled rate", count);
  const z = units.map((u) => (u.x / u.n - theta) / Math.sqrt((theta * (1 - theta)) / u.n));
  const sorted = [...z].sort((a, b) => a - b);
  const low = quantile7(sorted, share);
  const high = quantile7(sorted, 1 - share);
  const phi = z.reduce((acc, value) => acc + Math.min(Math.max(value, low), high) ** 2, 0) / count;
  const statistic = count * phi;
  let tau2 = 0;
  if (method === "additive") {
    let s1 = 0;
    let s2 = 0;
    for (const u of units) {
      const w = u.n / (theta * (1 - theta));
      s1 += w;
      s2 += w * w;
    }
    tau2 = Math.max(0, (statistic - (count - 1)) / (s1 - s2 / s1));
  }
  return {
    method,
    phi,
    phiApplied: method === "multiplicative" ? Math.max(1, phi) : 1,
    tau2,
    statistic,
    df,
    p: chiSquare.sf(statistic, df),
    winsorise: share,
  };
}

function withAdjusted(
  limits: FunnelLimit[],
  n: number,
  theta: number,
  od: FunnelOverdispersion | null,
): FunnelLimit[] {
  if (od === null) return limits;
  const variance = od.phiApplied * ((theta * (1 - theta)) / n) + od.tau2;
  return limits.map((limit) => {
    const half = normal.quantile(1 - (1 - limit.level) / 2) * Math.sqrt(variance);
    return { ...limit, adjustedLower: Math.max(0, theta - half), adjustedUpper: Math.min(1, theta + half) };
  });
}

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
 * With many units (municipalities), true rates vary more than binomially; `overdispersion` then widens
 * the limits (Spiegelhalter 2005, §3.5): z-scores zᵢ = (pᵢ − θ)/√(θ(1−θ)/nᵢ) are winsorised at 10 % and
 * 90 % (R's default quantiles), φ̂ = Σz²/I, and the limits become θ ± z·√(φ·θ(1−θ)/n) with φ = max(1, φ̂)
 * (`multiplicative`), or θ ± z·√(θ(1−θ)/n + τ̂²) with the DerSimonian–Laird-type
 * τ̂² = max(0, (Iφ̂ − (I − 1))/(Σw − Σw²/Σw)), w = n/(θ(1−θ)) (`additive`). Iφ̂ is tested against χ²
 * with I df (I − 1 when θ is the pooled rate).
 *
 * R equivalent: `qbinom`/`pbinom` with the interpolation above (as in the `FunnelPlotR` and
 * `berryFunctions::funnelPlot` conventions for proportions).
 *
 * @param units - `[{ id or label, x (or events), n }]` (or any table input)
 * @param options - `{ target?, levels?, method?, points?, overdispersion?, winsorise? }`
 * @returns `{ target, targetSource, levels, method, overdispersion, units: [{ id, label, x, n, rate, z, limits, flag, flagLevel }], curves }`
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
 * funnel([{ id: "a", x: 30, n: 100 }, { id: "b", x: 60, n: 100 }, { id: "c", x: 45, n: 100 }], { overdispersion: "multiplicative" }).overdispersion?.phi; // => 3.87879
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
  const od =
    parsed.overdispersion === "none"
      ? null
      : estimateOverdispersion(
          list,
          theta,
          parsed.overdispersion,
          parsed.winsorise,
          targetSource === "given",
        );
  const flagMethod: "exact" | "normal" | "adjusted" = od === null ? parsed.method : "adjusted";
  const resultUnits = list.map((unit): FunnelUnitResult => {
    const rate = unit.x / unit.n;
    const limits = withAdjusted(limitsAt(unit.n, theta, levels), unit.n, theta, od);
    let flag: FunnelFlag = "within";
    let flagLevel: number | null = null;
    for (const limit of limits) {
      const lower =
        flagMethod === "adjusted"
          ? (limit.adjustedLower as number)
          : flagMethod === "exact"
            ? limit.exactLower
            : limit.normalLower;
      const upper =
        flagMethod === "adjusted"
          ? (limit.adjustedUpper as number)
          : flagMethod === "exact"
            ? limit.exactUpper
            : limit.normalUpper;
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
    .flatMap((n) => withAdjusted(limitsAt(n, theta, levels), n, theta, od).map((limit) => ({ n, ...limit })));
  return {
    target: theta,
    targetSource,
    levels,
    method: flagMethod,
    overdispersion: od,
    units: resultUnits,
    curves,
    reference: "Spiegelhalter (2005)",
  };
}
