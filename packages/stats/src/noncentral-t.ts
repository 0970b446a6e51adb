import betainc from "@stdlib/math-base-special-betainc";
import expm1 from "@stdlib/math-base-special-expm1";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { invertCdf } from "./invert.js";
import { checkFinite, checkPositive, checkProbability, checkX } from "./validate.js";

/**
 * The noncentral t distribution with `df` degrees of freedom and noncentrality `ncp`, as R's
 * `pt(x, df, ncp)` and `qt(p, df, ncp)`.
 */
export interface NoncentralTDistribution {
  /** P(T <= x), as R `pt(x, df, ncp)`. */
  cdf(x: number, df: number, ncp: number): number;
  /** P(T > x), as R `pt(x, df, ncp, lower.tail = FALSE)`. */
  sf(x: number, df: number, ncp: number): number;
  /** The p-quantile, as R `qt(p, df, ncp)`. */
  quantile(p: number, df: number, ncp: number): number;
}

/** Iteration limit and error bound of the series (Lenth 1989, as used by R since 2.x). */
const maxTerms = 1000;
const errorBound = 1e-12;
/** log(sqrt(pi)). */
const logSqrtPi = 0.5723649429247001;
/** sqrt(2 / pi). */
const sqrtTwoOverPi = 0.7978845608028654;
/** Above this df the normal approximation of Abramowitz & Stegun 26.7.10 is used (as R). */
const largeDf = 4e5;
/**
 * Above this δ² the Poisson weights exp(−δ²/2) underflow (2·ln 2·1021, so |δ| > 37.62), and the
 * normal approximation is used instead (as R).
 */
const largeDelta2 = 2 * Math.LN2 * 1021;

/** The starting terms of the series at (x, b), which depend on t² and df but not on δ or the tail. */
interface SeriesStart {
  x: number;
  b: number;
  /** (1 − x)^b. */
  oneMinusXPowB: number;
  /** I_x(1/2, b). */
  betaOdd: number;
  /** 2 (1 − x)^b x^(1/2) / B(1/2, b), the first odd increment. */
  gOdd: number;
}

/**
 * The last series start computed. A two-sided power evaluates P(T > q) and P(T <= −q) at the same df
 * one after the other; both sums start from the same x = q²/(q² + df), so the incomplete beta and the
 * log-gamma terms are computed once. The values are those the direct computation gives, bit for bit.
 */
let lastStart: SeriesStart = { x: Number.NaN, b: Number.NaN, oneMinusXPowB: 0, betaOdd: 0, gOdd: 0 };

function seriesStart(x: number, b: number): SeriesStart {
  if (lastStart.x === x && lastStart.b === b) return lastStart;
  const oneMinusXPowB = (1 - x) ** b;
  const logBetaHalfB = logSqrtPi + gammaln(b) - gammaln(0.5 + b);
  lastStart = {
    x,
    b,
    oneMinusXPowB,
    betaOdd: betainc(x, 0.5, b, true, false),
    gOdd: 2 * oneMinusXPowB * Math.exp(0.5 * Math.log(x) - logBetaHalfB),
  };
  return lastStart;
}

/**
 * Lower- or upper-tail probability of the noncentral t, AS 243 (Lenth 1989) with the modifications R
 * made: the twin series of Guenther (1978) for the odd and even Poisson terms, started at j = 0,
 * with the stopping rule on the remaining Poisson mass and error bound 1e-12; δ < 0 and t < 0
 * handled by reflection, P(T <= t; ν, δ) = 1 − P(T <= −t; ν, −δ); and the normal approximation of
 * Abramowitz & Stegun (1964) 26.7.10 for very large df or |δ|.
 *
 * The upper tail is formed as 1 − (lower tail) on the side the series is summed, exactly as R does,
 * so results agree with R's `pt(..., lower.tail = FALSE)` (and share its absolute accuracy of about
 * 1e-16 when that tail is tiny).
 */
function noncentralTTail(t: number, df: number, ncp: number, lowerTail: boolean): number {
  if (ncp === 0) return lowerTail ? tCdf(t, df) : tCdf(-t, df);
  if (t === Number.POSITIVE_INFINITY) return lowerTail ? 1 : 0;
  if (t === Number.NEGATIVE_INFINITY) return lowerTail ? 0 : 1;

  let reflected: boolean;
  let tt: number;
  let delta: number;
  if (t >= 0) {
    reflected = false;
    tt = t;
    delta = ncp;
  } else {
    // P(T <= t) <= P(T <= 0) = Φ(−δ), which is 0 in double precision for δ > 40.
    if (ncp > 40) return lowerTail ? 0 : 1;
    reflected = true;
    tt = -t;
    delta = -ncp;
  }
  // The series is the lower tail at (tt, delta); the requested tail is its complement when exactly
  // one of "reflected" and "upper tail" holds.
  const seriesIsRequested = lowerTail !== reflected;

  if (df > largeDf || delta * delta > largeDelta2) {
    // A&S 26.7.10: T(1 − 1/(4ν)) is approximately N(δ, 1 + T²/(2ν)).
    const s = 1 / (4 * df);
    const variance = 1 + tt * tt * 2 * s;
    const sd = Number.isFinite(variance) ? Math.sqrt(variance) : Math.hypot(1, tt * Math.sqrt(2 * s));
    let z = (tt * (1 - s) - delta) / sd;
    // For |t| near the overflow limit, the same ratio with numerator and denominator divided by t.
    if (Number.isNaN(z)) z = (1 - s - delta / tt) / Math.sqrt(1 / (tt * tt) + 2 * s);
    return seriesIsRequested ? normalCdf(z, 0, 1) : normalCdf(-z, 0, 1);
  }

  let total = 0;
  const t2 = t * t;
  const x = Number.isFinite(t2) ? t2 / (t2 + df) : 1;
  if (x > 0) {
    const lambda = delta * delta;
    // Poisson weights of the odd (p) and even (q) terms.
    let p = 0.5 * Math.exp(-0.5 * lambda);
    if (p === 0) return seriesIsRequested ? 0 : 1;
    let q = sqrtTwoOverPi * p * delta;
    // Poisson mass not yet summed.
    let remaining = 0.5 - p;
    if (remaining < 1e-7) remaining = -0.5 * expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const start = seriesStart(x, b);
    const oneMinusXPowB = start.oneMinusXPowB;
    // I_x(a, b) for a = 1/2 (odd) and a = 1 (even), and the increments between successive a.
    let xOdd = start.betaOdd;
    let gOdd = start.gOdd;
    const bx = b * x;
    let xEven = bx < Number.EPSILON ? bx : 1 - oneMinusXPowB;
    let gEven = bx * oneMinusXPowB;
    total = p * xOdd + q * xEven;
    for (let j = 1; j <= maxTerms; j++) {
      a += 1;
      xOdd -= gOdd;
      xEven -= gEven;
      gOdd *= (x * (a + b - 1)) / a;
      gEven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * j);
      q *= lambda / (2 * j + 1);
      total += p * xOdd + q * xEven;
      remaining -= p;
      // Rounding has exhausted the Poisson mass: stop (R warns about precision here).
      if (remaining < -1e-10) break;
      if (remaining <= 0 && j > 1) break;
      const bound = 2 * remaining * (xOdd - gOdd);
      if (Math.abs(bound) < errorBound) break;
    }
  }
  total += normalCdf(-delta, 0, 1);
  const lower = Math.min(total, 1);
  return seriesIsRequested ? lower : 0.5 - lower + 0.5;
}

/**
 * The noncentral t distribution: `noncentralT.cdf(x, df, ncp)`, `noncentralT.sf(x, df, ncp)` and
 * `noncentralT.quantile(p, df, ncp)`, matching R's `pt(x, df, ncp)`, `pt(x, df, ncp, lower.tail = FALSE)`
 * and `qt(p, df, ncp)` to 1e-9 relative.
 *
 * The cdf is Lenth's algorithm AS 243 (1989) in the form R uses (Guenther's 1978 twin series for
 * the odd and even Poisson-weighted incomplete beta terms, error bound 1e-12, at most 1000 terms),
 * with the normal approximation of Abramowitz & Stegun 26.7.10 when df > 4e5 or |ncp| > 37.62.
 * `ncp = 0` gives the central t. The quantile inverts the cdf with Brent's method (`findRoot`).
 * Power of t tests: `noncentralT.sf(qt, df, ncp)`.
 *
 * @throws TiltakError `INVALID_INPUT` when `df` <= 0 or not finite, `ncp` is not finite, `x` is NaN,
 *   or `p` is outside [0, 1]
 * @see docs/methods/stats/noncentral-t.md
 *
 * @example
 * ```ts
 * import { noncentralT } from "@tiltak/stats";
 * noncentralT.cdf(2, 10, 1); // => 0.8076115625
 * noncentralT.sf(2.0484071417952445, 28, 2.7386127875258306); // => 0.7529210156
 * noncentralT.quantile(0.5, 10, 1); // => 1.0257209228
 * noncentralT.cdf(1, 0, 1); // => throws INVALID_INPUT "df must be a finite number > 0, got 0"
 * ```
 */
export const noncentralT: NoncentralTDistribution = {
  cdf(x: number, df: number, ncp: number): number {
    checkX("x", x);
    checkPositive("df", df);
    checkFinite("ncp", ncp);
    return noncentralTTail(x, df, ncp, true);
  },
  sf(x: number, df: number, ncp: number): number {
    checkX("x", x);
    checkPositive("df", df);
    checkFinite("ncp", ncp);
    return noncentralTTail(x, df, ncp, false);
  },
  quantile(p: number, df: number, ncp: number): number {
    checkProbability("p", p);
    checkPositive("df", df);
    checkFinite("ncp", ncp);
    if (p === 0) return Number.NEGATIVE_INFINITY;
    // As R's qnt: within machine epsilon of 1 is +Inf.
    if (p > 1 - Number.EPSILON) return Number.POSITIVE_INFINITY;
    // R's qnt starts its bracket at [min(-1, -ncp), max(1, ncp)].
    const start = p < noncentralTTail(0, df, ncp, true) ? Math.min(-1, -ncp) : Math.max(1, ncp);
    return invertCdf((t) => noncentralTTail(t, df, ncp, true), p, start, "real");
  },
};
