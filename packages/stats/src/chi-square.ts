import gammainc from "@stdlib/math-base-special-gammainc";
import chisqCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import chisqPdf from "@stdlib/stats-base-dists-chisquare-pdf";
import chisqQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import { checkPositive, checkProbability, checkX } from "./validate.js";

/**
 * The chi-square distribution with `df` degrees of freedom, as R `pchisq`, `qchisq`, `dchisq`.
 */
export interface ChiSquareDistribution {
  /** P(X <= x), as R `pchisq(x, df)`. */
  cdf(x: number, df: number): number;
  /** P(X > x), as R `pchisq(x, df, lower.tail = FALSE)`. */
  sf(x: number, df: number): number;
  /** The p-quantile, as R `qchisq(p, df)`. */
  quantile(p: number, df: number): number;
  /** The density, as R `dchisq(x, df)`. */
  pdf(x: number, df: number): number;
}

/**
 * The chi-square distribution: `chiSquare.cdf(x, df)`, `chiSquare.sf(x, df)`,
 * `chiSquare.quantile(p, df)`, `chiSquare.pdf(x, df)`, as R's `pchisq`, `qchisq`, `dchisq`.
 *
 * Built on `@stdlib/stats-base-dists-chisquare-*`; `sf` is the regularised upper incomplete gamma
 * Q(df/2, x/2) computed directly, so small upper tails keep their digits.
 *
 * @throws TiltakError `INVALID_INPUT` when `df` <= 0 or not finite, `x` is NaN, or `p` is outside [0, 1]
 * @see https://www.r-project.org/ R `?pchisq`
 *
 * @example
 * ```ts
 * import { chiSquare } from "@tiltak/stats";
 * chiSquare.cdf(3.841458820694124, 1); // => 0.95
 * chiSquare.sf(100, 3); // => 1.554159431389605e-21
 * chiSquare.quantile(0.95, 1); // => 3.841458820694
 * chiSquare.pdf(2, 4); // => 0.18393972058572117
 * ```
 */
export const chiSquare: ChiSquareDistribution = {
  cdf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    if (x <= 0) return 0;
    if (x === Number.POSITIVE_INFINITY) return 1;
    return chisqCdf(x, df);
  },
  sf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    if (x <= 0) return 1;
    if (x === Number.POSITIVE_INFINITY) return 0;
    return gammainc(x / 2, df / 2, true, true);
  },
  quantile(p: number, df: number): number {
    checkProbability("p", p);
    checkPositive("df", df);
    if (p === 0) return 0;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return chisqQuantile(p, df);
  },
  pdf(x: number, df: number): number {
    checkX("x", x);
    checkPositive("df", df);
    if (x < 0 || x === Number.POSITIVE_INFINITY) return 0;
    return chisqPdf(x, df);
  },
};
