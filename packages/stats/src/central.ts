import betaln from "@stdlib/math-base-special-betaln";
import erfcinv from "@stdlib/math-base-special-erfcinv";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalPdf from "@stdlib/stats-base-dists-normal-pdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tPdf from "@stdlib/stats-base-dists-t-pdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { checkFinite, checkPositive, checkProbability, checkX } from "./validate.js";

/**
 * The normal distribution: `cdf`, upper tail `sf`, `quantile`, `pdf`, with R's positional
 * parameters (`pnorm(x, mean, sd)`, `pnorm(x, mean, sd, lower.tail = FALSE)`, `qnorm`, `dnorm`).
 */
export interface NormalDistribution {
  /** P(X <= x), as R `pnorm(x, mean, sd)`. */
  cdf(x: number, mean?: number, sd?: number): number;
  /** P(X > x) computed in the upper tail, as R `pnorm(x, mean, sd, lower.tail = FALSE)`. */
  sf(x: number, mean?: number, sd?: number): number;
  /** The p-quantile, as R `qnorm(p, mean, sd)`; `-Infinity` at 0 and `Infinity` at 1. */
  quantile(p: number, mean?: number, sd?: number): number;
  /** The density, as R `dnorm(x, mean, sd)`. */
  pdf(x: number, mean?: number, sd?: number): number;
}

/**
 * Student's t distribution with `df` degrees of freedom (non-integer allowed), as R `pt`, `qt`, `dt`.
 */
export interface StudentTDistribution {
  /** P(T <= x), as R `pt(x, df)`. */
  cdf(x: number, df: number): number;
  /** P(T > x), as R `pt(x, df, lower.tail = FALSE)`. */
  sf(x: number, df: number): number;
  /** The p-quantile, as R `qt(p, df)`. */
  quantile(p: number, df: number): number;
  /** The density, as R `dt(x, df)`. */
  pdf(x: number, df: number): number;
}

/**
 * Φ⁻¹(p) through the inverse complementary error function, Φ⁻¹(p) = −√2 · erfc⁻¹(2p), evaluated in
 * the tail that holds p so that tiny and near-one probabilities keep full relative accuracy
 * (stdlib's `normal-quantile` goes through erf⁻¹(2p − 1), which returns −∞ for p < 1e-17).
 */
function standardNormalQuantile(p: number): number {
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return p <= 0.5 ? -Math.SQRT2 * erfcinv(2 * p) : Math.SQRT2 * erfcinv(2 * (1 - p));
}

/**
 * Newton steps on F(x) = p from stdlib's quantile, each kept only if it reduces the residual. The
 * residual is formed in the tail that holds p (cdf(x) − p below ½, (1 − p) − sf(x) above, with 1 − p
 * exact there), so the steps never act on cancelled digits. stdlib's t quantile can be off near the
 * median for small df (it returns 0 for p = ½ − 1e-10 at df = 0.2); one or two steps restore full
 * precision, and where stdlib is already exact nothing changes.
 */
function polishQuantile(
  start: number,
  p: number,
  cdf: (x: number) => number,
  sf: (x: number) => number,
  pdf: (x: number) => number,
): number {
  const residual = (x: number): number => (p <= 0.5 ? cdf(x) - p : 1 - p - sf(x));
  let x = start;
  let r = residual(x);
  for (let step = 0; step < 3 && r !== 0 && Number.isFinite(x); step++) {
    const density = pdf(x);
    if (!(density > 0) || !Number.isFinite(density)) break;
    const next = x - r / density;
    const nextResidual = residual(next);
    if (!(Math.abs(nextResidual) < Math.abs(r))) break;
    x = next;
    r = nextResidual;
  }
  return x;
}

/** log √π = log Γ(½). */
const logSqrtPi = 0.5723649429247001;

/**
 * Hill's (1970) approximation to the upper quantile |t| of Student's t with `df` degrees of freedom
 * at two-sided tail probability `twoSided` (Hill, G. W. (1970), Algorithm 396: Student's
 * t-quantiles, Communications of the ACM 13(10), 619–620; the starting value of R's `qt`). Exact at
 * df = 1 and 2; for df >= 3 its relative error is below 2e-5 away from the median.
 */
function hillT(twoSided: number, df: number): number {
  if (df === 1) {
    const angle = (twoSided * Math.PI) / 2;
    return Math.cos(angle) / Math.sin(angle);
  }
  if (df === 2) return Math.sqrt(2 / (twoSided * (2 - twoSided)) - 2);
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = (d * twoSided) ** (2 / df);
  if (y > 0.05 + a) {
    // Asymptotic (Cornish–Fisher type) expansion around the normal quantile.
    const x = standardNormalQuantile(0.5 * twoSided);
    y = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    // Small tail probabilities: the series in P^(2/df).
    y =
      (((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
        (df + 1)) /
        (df + 2) +
      1 / y;
  }
  return Math.sqrt(df * y);
}

/**
 * The t quantile from Hill's start, refined by second-order Newton (Halley) steps on the cdf residual
 * formed in the tail that holds p: h = −Δ(1 − Δ·c) with Δ = (F(q) − p)/f(q) and
 * c = −f′(q)/(2f(q)) = (ν + 1)q/(2(ν + q²)). Convergence is cubic: for df >= 3 one step takes Hill's
 * error (< 2e-5) to rounding level; steps continue while a correction exceeds 1e-5 relative. Returns
 * NaN outside its regime (df < 2 or > 1e8, p within 0.05 of ½ or beyond 1e-250 of 0 or 1) so
 * that the caller keeps the general path there.
 */
function fastTQuantile(p: number, df: number): number {
  const lower = p <= 0.5;
  const tail = lower ? p : 1 - p;
  if (!(df >= 2 && df <= 1e8 && tail >= 1e-250 && tail <= 0.45)) return Number.NaN;
  const start = hillT(2 * tail, df);
  let q = lower ? -start : start;
  // The density f(q) = (1 + q²/ν)^(−(ν+1)/2) / (√ν B(½, ν/2)), its constant computed once. It only scales
  // the step, so its rounding (about 1e-13 relative for large ν) moves q by that fraction of a step
  // that is itself below 1e-5 relative: far below the last digit.
  // log B(½, ν/2) = log Γ(½) + log Γ(ν/2) − log Γ((ν+1)/2); the difference of log-gammas is cheaper
  // than betaln and, up to ν = 1e4, loses under 1e-11 relative to cancellation.
  const logScale =
    (df <= 1e4 ? gammaln(df / 2 + 0.5) - gammaln(df / 2) - logSqrtPi : -betaln(0.5, df / 2)) -
    0.5 * Math.log(df);
  for (let step = 0; step < 6; step++) {
    const residual = lower ? tCdf(q, df) - p : tail - tCdf(-q, df);
    const density = Math.exp(logScale - ((df + 1) / 2) * Math.log1p((q * q) / df));
    if (!(density > 0) || !Number.isFinite(q)) return Number.NaN;
    const delta = residual / density;
    const h = -delta * (1 - (delta * q * (df + 1)) / (2 * (df + q * q)));
    q += h;
    if (!(Math.abs(h) > 1e-5 * Math.abs(q))) return q;
  }
  return Number.NaN;
}

function standardise(x: number, mean: number, sd: number): number {
  checkX("x", x);
  checkFinite("mean", mean);
  checkPositive("sd", sd);
  return (x - mean) / sd;
}

/**
 * The normal distribution N(mean, sd²): `normal.cdf(x, mean = 0, sd = 1)`, `normal.sf`,
 * `normal.quantile(p, mean = 0, sd = 1)` and `normal.pdf`, as R's `pnorm`, `qnorm`, `dnorm`.
 *
 * Built on `@stdlib/stats-base-dists-normal-*` (erfc-based cdf, accurate in both tails) and the
 * inverse complementary error function for the quantile (full relative accuracy down to p = 1e-300); `sf(x)` is
 * Φ(−z), not 1 − Φ(z), so upper tails keep their relative accuracy. Matches R to about 1e-14
 * relative (see `docs/methods/stats/central-distributions.md`).
 *
 * @throws TiltakError `INVALID_INPUT` when `x` is NaN or not a number, `mean` is not finite,
 *   `sd` <= 0, or `p` is outside [0, 1]
 * @see https://www.r-project.org/ R `?pnorm`
 *
 * @example
 * ```ts
 * import { normal } from "@tiltak/stats";
 * normal.cdf(1.959963984540054); // => 0.975
 * normal.quantile(0.975); // => 1.959963984540
 * normal.sf(10); // => 7.61985302416e-24
 * normal.pdf(0); // => 0.3989422804014327
 * normal.cdf(110, 100, 15); // => 0.7475074624530771
 * normal.quantile(1.5); // => throws INVALID_INPUT "p must be a probability in [0, 1], got 1.5"
 * ```
 */
export const normal: NormalDistribution = {
  cdf(x: number, mean = 0, sd = 1): number {
    return normalCdf(standardise(x, mean, sd), 0, 1);
  },
  sf(x: number, mean = 0, sd = 1): number {
    return normalCdf(-standardise(x, mean, sd), 0, 1);
  },
  quantile(p: number, mean = 0, sd = 1): number {
    checkProbability("p", p);
    checkFinite("mean", mean);
    checkPositive("sd", sd);
    return mean + sd * standardNormalQuantile(p);
  },
  pdf(x: number, mean = 0, sd = 1): number {
    return normalPdf(standardise(x, mean, sd), 0, 1) / sd;
  },
};

/**
 * Student's t distribution: `studentT.cdf(x, df)`, `studentT.sf(x, df)`, `studentT.quantile(p, df)`,
 * `studentT.pdf(x, df)`, as R's `pt`, `qt`, `dt` (any real `df > 0`).
 *
 * Built on `@stdlib/stats-base-dists-t-*` (regularised incomplete beta); `sf(x, df)` is
 * `cdf(−x, df)` by symmetry, so it is accurate in the upper tail. The quantile, for df in [2, 1e8] and
 * p at least 0.05 from ½, is Hill's (1970) Algorithm 396 approximation (R's starting value) refined by
 * Halley steps on the cdf — one incomplete beta per call, matching R's `qt` to about 1e-14; elsewhere
 * (df < 2, near the median, extreme tails) it is stdlib's, refined by Newton steps on the cdf (stdlib
 * alone loses digits near the median for small df). See `docs/methods/stats/central-distributions.md`.
 *
 * @throws TiltakError `INVALID_INPUT` when `df` <= 0 or not finite, `x` is NaN, or `p` is outside [0, 1]
 * @see https://www.r-project.org/ R `?pt`
 *
 * @example
 * ```ts
 * import { studentT } from "@tiltak/stats";
 * studentT.cdf(2, 10); // => 0.9633059826146297
 * studentT.sf(2, 10); // => 0.0366940173853702
 * studentT.quantile(0.975, 10); // => 2.228138851986
 * studentT.pdf(0, 10); // => 0.389108383966031
 * studentT.cdf(1, 0); // => throws INVALID_INPUT "df must be a finite number > 0, got 0"
 * ```
 */
export const studentT: StudentTDistribution = {
  cdf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    return tCdf(x, df);
  },
  sf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    return tCdf(-x, df);
  },
  quantile(p: number, df: number): number {
    checkProbability("p", p);
    checkPositive("df", df);
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    const fast = fastTQuantile(p, df);
    if (!Number.isNaN(fast)) return fast;
    return polishQuantile(
      tQuantile(p, df),
      p,
      (t) => tCdf(t, df),
      (t) => tCdf(-t, df),
      (t) => tPdf(t, df),
    );
  },
  pdf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    if (!Number.isFinite(x)) return 0;
    return tPdf(x, df);
  },
};
