import betainc from "@stdlib/math-base-special-betainc";
import expm1 from "@stdlib/math-base-special-expm1";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { type Alternative, invalidInput } from "@tiltak/core";
import { studentT } from "./central.js";
import { invertCdf } from "./invert.js";
import { checkFinite, checkOpenProbability, checkPositive, checkProbability, checkX } from "./validate.js";

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
  /**
   * Power of the t test at level `sigLevel`: the probability that T ~ t(df, ncp) falls in the
   * rejection region cut by the central t (both regions when two-sided), as pwr's `pwr.t.test`.
   */
  power(sigLevel: number, df: number, ncp: number, alternative?: Alternative): number;
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

/**
 * The starting terms of the series at (x, b) = (t²/(t² + ν), ν/2), which depend on t² and ν but not on
 * δ or the tail: (1 − x)^b, I_x(1/2, b), and the first odd increment 2 (1 − x)^b x^(1/2) / B(1/2, b).
 * A two-sided power evaluates P(T > q) and P(T <= −q) at the same ν one after the other; both sums
 * start from the same x, so the last start is kept (in module scalars, allocation-free) and the
 * incomplete beta and log-gamma terms are computed once. The values are those the direct computation
 * gives, bit for bit.
 */
let startX = Number.NaN;
let startB = Number.NaN;
/** The I_x(1/2, b) the caller supplied (see {@link noncentralTTail}), or NaN when it was computed. */
let startKnown = Number.NaN;
let startOneMinusXPowB = 0;
let startBetaOdd = 0;
let startGOdd = 0;

function computeSeriesStart(x: number, b: number, known: number): void {
  if (
    startX === x &&
    startB === b &&
    (startKnown === known || (Number.isNaN(startKnown) && Number.isNaN(known)))
  ) {
    return;
  }
  const oneMinusXPowB = (1 - x) ** b;
  const logBetaHalfB = logSqrtPi + gammaln(b) - gammaln(0.5 + b);
  startBetaOdd = Number.isNaN(known) ? betainc(x, 0.5, b, true, false) : known;
  startGOdd = 2 * oneMinusXPowB * Math.exp(0.5 * Math.log(x) - logBetaHalfB);
  startOneMinusXPowB = oneMinusXPowB;
  startX = x;
  startB = b;
  startKnown = known;
}

/**
 * Lower- or upper-tail probability of the noncentral t, AS 243 (Lenth 1989) with the modifications R
 * made: the twin series of Guenther (1978) for the odd and even Poisson terms, started at j = 0,
 * with the stopping rule on the remaining Poisson mass and error bound 1e-12; δ < 0 and t < 0
 * handled by reflection, P(T <= t; ν, δ) = 1 − P(T <= −t; ν, −δ); and the normal approximation of
 * Abramowitz & Stegun (1964) 26.7.10 for very large df or |δ|.
 *
 * `centralCoverage`, when given, is the central probability P(|T_df| <= |t|) = I_x(1/2, df/2) with
 * x = t²/(t² + df), known exactly when t is a critical value of the central t (1 − α two-sided, |1 − 2α|
 * one-sided); the series then starts from it instead of computing the incomplete beta.
 *
 * The upper tail is formed as 1 − (lower tail) on the side the series is summed, exactly as R does,
 * so results agree with R's `pt(..., lower.tail = FALSE)` (and share its absolute accuracy of about
 * 1e-16 when that tail is tiny).
 */
function noncentralTTail(
  t: number,
  df: number,
  ncp: number,
  lowerTail: boolean,
  centralCoverage = Number.NaN,
): number {
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
    computeSeriesStart(x, b, centralCoverage);
    const oneMinusXPowB = startOneMinusXPowB;
    // I_x(a, b) for a = 1/2 (odd) and a = 1 (even), and the increments between successive a.
    let xOdd = startBetaOdd;
    let gOdd = startGOdd;
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
 * P(T > q) + P(T <= −q) for q > 0 with one pass of the series. Both tails are complements of the
 * series at (q, ±δ) (the second by reflection), and those two series share every quantity but the sign
 * of the even Poisson weights q_j ∝ δ, and stop at the same term (the stopping rule depends on δ², not δ).
 * So with A = Σ p_j I_x(j + ½, ν/2) and B = Σ q_j I_x(j + 1, ν/2) summed once, the lower tails are
 * A + B + Φ(−δ) and A − B + Φ(δ), each complemented exactly as {@link noncentralTTail} does; the sums
 * differ from two separate passes only in rounding order. Returns NaN where that function leaves the
 * series (ncp = 0, the normal approximation for large df or |δ|, x = 0), for the caller to fall back.
 */
function twoSidedSeries(q: number, df: number, ncp: number, centralCoverage: number): number {
  const lambda = ncp * ncp;
  if (ncp === 0 || !(q > 0) || df > largeDf || lambda > largeDelta2) return Number.NaN;
  const t2 = q * q;
  const x = Number.isFinite(t2) ? t2 / (t2 + df) : 1;
  let p = 0.5 * Math.exp(-0.5 * lambda);
  if (!(x > 0) || p === 0) return Number.NaN;
  let w = sqrtTwoOverPi * p * ncp;
  let remaining = 0.5 - p;
  if (remaining < 1e-7) remaining = -0.5 * expm1(-0.5 * lambda);
  let a = 0.5;
  const b = 0.5 * df;
  computeSeriesStart(x, b, centralCoverage);
  const oneMinusXPowB = startOneMinusXPowB;
  let xOdd = startBetaOdd;
  let gOdd = startGOdd;
  const bx = b * x;
  let xEven = bx < Number.EPSILON ? bx : 1 - oneMinusXPowB;
  let gEven = bx * oneMinusXPowB;
  let odd = p * xOdd;
  let even = w * xEven;
  for (let j = 1; j <= maxTerms; j++) {
    a += 1;
    xOdd -= gOdd;
    xEven -= gEven;
    gOdd *= (x * (a + b - 1)) / a;
    gEven *= (x * (a + b - 0.5)) / (a + 0.5);
    p *= lambda / (2 * j);
    w *= lambda / (2 * j + 1);
    odd += p * xOdd;
    even += w * xEven;
    remaining -= p;
    if (remaining < -1e-10) break;
    if (remaining <= 0 && j > 1) break;
    const bound = 2 * remaining * (xOdd - gOdd);
    if (Math.abs(bound) < errorBound) break;
  }
  const lowerAtQ = Math.min(odd + even + normalCdf(-ncp, 0, 1), 1);
  const lowerReflected = Math.min(odd - even + normalCdf(ncp, 0, 1), 1);
  return 0.5 - lowerAtQ + 0.5 + (0.5 - lowerReflected + 0.5);
}

/**
 * The central t quantile at (p, df), remembering the last one: a search for the effect size, the power
 * or with fixed n evaluates the power at one df and sigLevel many times, and the quantile is most of
 * the cost of an evaluation. The same arguments give the same value, so the cache changes no result.
 */
let criticalP = Number.NaN;
let criticalDf = Number.NaN;
let criticalQ = Number.NaN;

function criticalValue(p: number, df: number): number {
  if (p !== criticalP || df !== criticalDf) {
    criticalQ = studentT.quantile(p, df);
    criticalP = p;
    criticalDf = df;
  }
  return criticalQ;
}

/**
 * The central coverage P(|T_df| <= |q|) at a critical value q, where it is known exactly (1 − α
 * two-sided, |1 − 2α| one-sided), or NaN (compute it) where x = q²/(q² + df) lies within 1e-4 of 1: there
 * the series works from a rounded x, and computing the incomplete beta at that same x keeps the
 * result identical to `sf`/`cdf` (and to R's `pt`).
 */
function knownCoverage(q: number, df: number, coverage: number): number {
  return q * q < 1e4 * df ? coverage : Number.NaN;
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
 * `noncentralT.power(sigLevel, df, ncp, alternative = "two-sided")` is the power of the t test, as pwr's
 * `pwr.t.test`: `sf(q) + cdf(−q)` at the central critical value q (one tail when one-sided), the
 * series started from the central coverage 1 − α that is known there and the two tails summed in one
 * pass (equal to the direct sum to 2e-15 absolute; see `docs/methods/stats/noncentral-t.md`).
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
 * noncentralT.power(0.05, 58, 1.9364916731037085); // => 0.4778965
 * noncentralT.power(0.05, 19, 1.7888543819998317, "greater"); // => 0.5318141
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
  power(sigLevel: number, df: number, ncp: number, alternative: Alternative = "two-sided"): number {
    checkOpenProbability("sigLevel", sigLevel);
    checkPositive("df", df);
    checkFinite("ncp", ncp);
    if (alternative === "two-sided") {
      const q = -criticalValue(sigLevel / 2, df);
      const coverage = knownCoverage(q, df, 1 - sigLevel);
      const both = twoSidedSeries(q, df, ncp, coverage);
      if (!Number.isNaN(both)) return both;
      return noncentralTTail(q, df, ncp, false, coverage) + noncentralTTail(-q, df, ncp, true, coverage);
    }
    if (alternative !== "greater" && alternative !== "less") {
      return invalidInput("alternative", 'must be "two-sided", "less" or "greater"', alternative);
    }
    const q = criticalValue(sigLevel, df);
    const coverage = knownCoverage(q, df, Math.abs(1 - 2 * sigLevel));
    return alternative === "greater"
      ? noncentralTTail(-q, df, ncp, false, coverage)
      : noncentralTTail(q, df, ncp, true, coverage);
  },
};
