import gammainc from "@stdlib/math-base-special-gammainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import { invertCdf } from "./invert.js";
import { checkNonNegative, checkPositive, checkProbability, checkX } from "./validate.js";

/**
 * The noncentral chi-square distribution with `df` degrees of freedom and noncentrality `ncp`, as
 * R's `pchisq(x, df, ncp)` and `qchisq(p, df, ncp)`.
 */
export interface NoncentralChiSquareDistribution {
  /** P(X <= x), as R `pchisq(x, df, ncp)`. */
  cdf(x: number, df: number, ncp: number): number;
  /** P(X > x), as R `pchisq(x, df, ncp, lower.tail = FALSE)`. */
  sf(x: number, df: number, ncp: number): number;
  /** The p-quantile, as R `qchisq(p, df, ncp)`. */
  quantile(p: number, df: number, ncp: number): number;
}

/** log(DBL_MIN) as R's `_dbl_min_exp` = ln 2 · DBL_MIN_EXP (−1021): below it exp() underflows. */
const logMin = Math.LN2 * -1021;
/** log(sqrt(2 pi)). */
const logSqrtTwoPi = 0.9189385332046728;
/** Below this ncp: the Poisson mixture; at or above: Ding's series (as R). */
const mixtureLimit = 80;
/** Terms of the Poisson mixture (R sums i = 0, …, 109: ppois(110, 40, lower = FALSE) is 2e-20). */
const mixtureTerms = 110;

/**
 * P(χ²_{df+2i} <= x) (or > x) for i = 0, …, 109. Two regularised incomplete gamma functions and the
 * exact recurrence P(s, y) − P(s + 1, y) = Q(s + 1, y) − Q(s, y) = y^s e^{−y} / Γ(s + 1), y = x/2,
 * run in the direction in which every step adds a positive term (downwards for the lower tail,
 * upwards for the upper tail), so no digits cancel. The terms are carried on the log scale.
 */
function centralTails(x: number, df: number, lowerTail: boolean): Float64Array {
  const y = x / 2;
  const a = df / 2;
  const logY = Math.log(y);
  const logTerms = new Float64Array(mixtureTerms);
  logTerms[0] = a * logY - y - gammaln(a + 1);
  for (let i = 1; i < mixtureTerms; i++) {
    logTerms[i] = (logTerms[i - 1] as number) + logY - Math.log(a + i);
  }
  const tails = new Float64Array(mixtureTerms);
  if (lowerTail) {
    const last = mixtureTerms - 1;
    tails[last] = gammainc(y, a + last, true, false);
    for (let i = last - 1; i >= 0; i--) {
      tails[i] = (tails[i + 1] as number) + Math.exp(logTerms[i] as number);
    }
  } else {
    tails[0] = gammainc(y, a, true, true);
    for (let i = 1; i < mixtureTerms; i++) {
      tails[i] = (tails[i - 1] as number) + Math.exp(logTerms[i - 1] as number);
    }
  }
  for (let i = 0; i < mixtureTerms; i++) tails[i] = Math.min(tails[i] as number, 1);
  return tails;
}

/**
 * Noncentral chi-square tail probability, following the two regimes of R's `pnchisq`.
 *
 * - ncp < 80: the Poisson mixture Σ_i w_i P(χ²_{df+2i} <= x), w_i = e^{−λ} λ^i / i!, λ = ncp/2,
 *   over i = 0..109, divided by Σ w_i (renormalised, so that results near 1 stay exact), in the
 *   requested tail directly (each central term is computed in that tail, by a cancellation-free
 *   recurrence from one incomplete gamma function).
 * - ncp >= 80: Ding's (1992) series, AS 275: Σ_n v_n t_n with v_n = Σ_{k<=n} e^{−λ} λ^k/k! and
 *   t_n = e^{−x/2} (x/2)^{df/2+n} / Γ(df/2+n+1), stopped when the truncation bound
 *   t·x/(df + 2n − x) <= 1e-12 and the last term <= 8ε times the sum; terms that underflow are
 *   carried on the log scale until they become representable. The upper tail is 1 − (lower).
 */
function noncentralChiSquareTail(
  x: number,
  df: number,
  ncp: number,
  lowerTail: boolean,
  errmax = 1e-12,
  reltol = 8 * Number.EPSILON,
  maxTerms = 1_000_000,
): number {
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Number.POSITIVE_INFINITY) return lowerTail ? 1 : 0;

  if (ncp < mixtureLimit) {
    const tails = centralTails(x, df, lowerTail);
    const lambda = 0.5 * ncp;
    let weight = Math.exp(-lambda);
    let total = 0;
    let totalWeight = 0;
    for (let i = 0; i < mixtureTerms; ) {
      totalWeight += weight;
      total += weight * (tails[i] as number);
      i += 1;
      weight *= lambda / i;
    }
    return total / totalWeight;
  }

  const lambda = 0.5 * ncp;
  let lambdaSmall = -lambda < logMin;
  let u = 0;
  let logU = 0;
  let logLambda = 0;
  if (lambdaSmall) {
    logU = -lambda;
    logLambda = Math.log(lambda);
  } else {
    u = Math.exp(-lambda);
  }
  let v = u;
  const x2 = 0.5 * x;
  const f2 = 0.5 * df;
  let logT: number;
  const d = x2 - f2;
  if (f2 * Number.EPSILON > 0.125 && Math.abs(d) < Math.sqrt(Number.EPSILON) * f2) {
    // Very large df with x close to df: avoid the cancellation in f2·log(x2) − x2.
    logT = (1 - d) * (2 - d / (f2 + 1)) - logSqrtTwoPi - 0.5 * Math.log(f2 + 1);
  } else {
    logT = f2 * Math.log(x2) - x2 - gammaln(f2 + 1);
  }
  let tSmall = logT < logMin;
  let logX = 0;
  let t = 0;
  let sum = 0;
  let term = 0;
  if (tSmall) {
    // x beyond the mean plus 5 standard deviations: the lower tail is 1 in double precision.
    if (x > df + ncp + 5 * Math.sqrt(2 * (df + 2 * ncp))) return lowerTail ? 1 : 0;
    logX = Math.log(x);
  } else {
    t = Math.exp(logT);
    term = v * t;
    sum = term;
  }
  let f2n = df + 2;
  let fx2n = df - x + 2;
  for (let n = 1; n <= maxTerms; n++, f2n += 2, fx2n += 2) {
    if (fx2n > 0) {
      const bound = (t * x) / fx2n;
      if (bound <= errmax && term <= reltol * sum) break;
    }
    if (lambdaSmall) {
      logU += logLambda - Math.log(n);
      if (logU >= logMin) {
        u = Math.exp(logU);
        v = u;
        lambdaSmall = false;
      }
    } else {
      u *= lambda / n;
      v += u;
    }
    if (tSmall) {
      logT += logX - Math.log(f2n);
      if (logT >= logMin) {
        t = Math.exp(logT);
        tSmall = false;
      }
    } else {
      t *= x / f2n;
    }
    if (!lambdaSmall && !tSmall) {
      term = v * t;
      sum += term;
    }
  }
  if (lowerTail) return Math.min(sum, 1);
  return Math.max(0.5 - sum + 0.5, 0);
}

/** @internal Used by the noncentral F for df2 > 1e8. */
export function noncentralChiSquareProbability(
  x: number,
  df: number,
  ncp: number,
  lowerTail: boolean,
): number {
  return noncentralChiSquareTail(x, df, ncp, lowerTail);
}

/** @internal The quantile, shared with the noncentral F for df2 > 1e8. */
export function noncentralChiSquareQuantile(p: number, df: number, ncp: number): number {
  if (p === 0) return 0;
  if (p > 1 - Number.EPSILON) return Number.POSITIVE_INFINITY;
  // Pearson's (1959) approximation as the starting point, as R does.
  const b = (ncp * ncp) / (df + 3 * ncp);
  const c = (df + 3 * ncp) / (df + 2 * ncp);
  const ff = (df + 2 * ncp) / (c * c);
  let start = b + c * gammaQuantileStart(p, ff);
  if (!(start > 0) || !Number.isFinite(start)) start = 1;
  return invertCdf(
    (x) => noncentralChiSquareTail(x, df, ncp, true, 1e-13, 4 * Number.EPSILON),
    p,
    start,
    "positive",
  );
}

/** A rough chi-square quantile for the starting bracket (Wilson–Hilferty). */
function gammaQuantileStart(p: number, df: number): number {
  // z from a simple rational approximation is enough for a bracket.
  const z = approximateNormalQuantile(p);
  const h = 2 / (9 * df);
  return df * Math.max(1 - h + z * Math.sqrt(h), 0.01) ** 3;
}

function approximateNormalQuantile(p: number): number {
  // Abramowitz & Stegun 26.2.23, |error| < 4.5e-4: only used to start the search.
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  const z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3);
  return p < 0.5 ? -z : z;
}

/**
 * The noncentral chi-square distribution: `noncentralChiSquare.cdf(x, df, ncp)`, `.sf(x, df, ncp)`
 * and `.quantile(p, df, ncp)`, matching R's `pchisq(x, df, ncp)`, `pchisq(…, lower.tail = FALSE)` and
 * `qchisq(p, df, ncp)` to 1e-9 relative.
 *
 * For ncp < 80 the cdf is the Poisson mixture of central chi-square probabilities (110 terms,
 * renormalised, each term in the requested tail); for ncp >= 80 it is Ding's (1992) algorithm AS 275,
 * exactly the split R uses. The quantile inverts the cdf with Brent's method, started from
 * Pearson's (1959) approximation. `ncp = 0` gives the central chi-square.
 *
 * @throws TiltakError `INVALID_INPUT` when `df` <= 0 or not finite, `ncp` < 0 or not finite, `x` is
 *   NaN, or `p` is outside [0, 1]
 * @see docs/methods/stats/noncentral-chi-square-f.md
 *
 * @example
 * ```ts
 * import { noncentralChiSquare } from "@tiltak/stats";
 * noncentralChiSquare.cdf(5, 3, 2); // => 0.5934051801
 * noncentralChiSquare.sf(3.841458820694124, 1, 7.84886); // => 0.7999999746
 * noncentralChiSquare.quantile(0.5, 3, 2); // => 4.1375151234
 * noncentralChiSquare.cdf(5, 3, -1); // => throws INVALID_INPUT "ncp must be a finite number >= 0, got -1"
 * ```
 */
export const noncentralChiSquare: NoncentralChiSquareDistribution = {
  cdf(x: number, df: number, ncp: number): number {
    checkX("x", x);
    checkPositive("df", df);
    checkNonNegative("ncp", ncp);
    return noncentralChiSquareTail(x, df, ncp, true);
  },
  sf(x: number, df: number, ncp: number): number {
    checkX("x", x);
    checkPositive("df", df);
    checkNonNegative("ncp", ncp);
    return noncentralChiSquareTail(x, df, ncp, false);
  },
  quantile(p: number, df: number, ncp: number): number {
    checkProbability("p", p);
    checkPositive("df", df);
    checkNonNegative("ncp", ncp);
    return noncentralChiSquareQuantile(p, df, ncp);
  },
};
