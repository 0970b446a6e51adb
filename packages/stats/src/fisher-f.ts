import betainc from "@stdlib/math-base-special-betainc";
import betaln from "@stdlib/math-base-special-betaln";
import fPdf from "@stdlib/stats-base-dists-f-pdf";
import fQuantile from "@stdlib/stats-base-dists-f-quantile";
import { checkPositive, checkProbability, checkX } from "./validate.js";

/**
 * Fisher's F distribution with `df1` and `df2` degrees of freedom, as R `pf`, `qf`, `df`.
 */
export interface FisherFDistribution {
  /** P(F <= x), as R `pf(x, df1, df2)`. */
  cdf(x: number, df1: number, df2: number): number;
  /** P(F > x), as R `pf(x, df1, df2, lower.tail = FALSE)`. */
  sf(x: number, df1: number, df2: number): number;
  /** The p-quantile, as R `qf(p, df1, df2)`. */
  quantile(p: number, df1: number, df2: number): number;
  /** The density, as R `df(x, df1, df2)`. */
  pdf(x: number, df1: number, df2: number): number;
}

/**
 * P(F <= x) or P(F > x) for the central F, through the regularised incomplete beta on whichever
 * side keeps precision (as R's `pf`: when df1·x > df2 the complementary beta I_{df2/(df2+df1 x)}(df2/2, df1/2)
 * is used).
 */
function fTail(x: number, df1: number, df2: number, lower: boolean): number {
  if (x <= 0) return lower ? 0 : 1;
  if (x === Number.POSITIVE_INFINITY) return lower ? 1 : 0;
  if (df1 * x > df2) {
    return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, lower);
  }
  return betainc((df1 * x) / (df2 + df1 * x), df1 / 2, df2 / 2, true, !lower);
}

/**
 * The F density on the log scale, for arguments where stdlib's direct formula overflows
 * (e.g. x = 1e300 with df1 = 1e9): log f = (d1/2) log(d1/d2) + (d1/2 − 1) log x
 * − ((d1 + d2)/2) log(1 + d1 x/d2) − log B(d1/2, d2/2).
 */
function fPdfLog(x: number, df1: number, df2: number): number {
  const y = (df1 * x) / df2;
  const log1pY = Number.isFinite(y) ? Math.log1p(y) : Math.log(df1) + Math.log(x) - Math.log(df2);
  const logDensity =
    (df1 / 2) * Math.log(df1 / df2) +
    (df1 / 2 - 1) * Math.log(x) -
    ((df1 + df2) / 2) * log1pY -
    betaln(df1 / 2, df2 / 2);
  const density = Math.exp(logDensity);
  return Number.isNaN(density) ? 0 : density;
}

/**
 * Fisher's F distribution: `fisherF.cdf(x, df1, df2)`, `fisherF.sf(x, df1, df2)`,
 * `fisherF.quantile(p, df1, df2)`, `fisherF.pdf(x, df1, df2)`, as R's `pf`, `qf`, `df`.
 *
 * The cdf and sf are regularised incomplete beta functions (`@stdlib/math-base-special-betainc`),
 * evaluated on the side of the beta that avoids cancellation, as R does; quantile and density come
 * from `@stdlib/stats-base-dists-f-*`.
 *
 * @throws TiltakError `INVALID_INPUT` when `df1` or `df2` <= 0 or not finite, `x` is NaN, or `p` is
 *   outside [0, 1]
 * @see https://www.r-project.org/ R `?pf`
 *
 * @example
 * ```ts
 * import { fisherF } from "@tiltak/stats";
 * fisherF.cdf(3, 2, 20); // => 0.927461849713594
 * fisherF.sf(3, 2, 20); // => 0.072538150286406
 * fisherF.quantile(0.95, 2, 20); // => 3.492828476736
 * fisherF.pdf(1, 2, 20); // => 0.350493899481
 * fisherF.cdf(1, 2, -1); // => throws INVALID_INPUT "df2 must be a finite number > 0, got -1"
 * ```
 */
export const fisherF: FisherFDistribution = {
  cdf(x: number, df1: number, df2: number): number {
    checkX("x", x);
    checkPositive("df1", df1);
    checkPositive("df2", df2);
    return fTail(x, df1, df2, true);
  },
  sf(x: number, df1: number, df2: number): number {
    checkX("x", x);
    checkPositive("df1", df1);
    checkPositive("df2", df2);
    return fTail(x, df1, df2, false);
  },
  quantile(p: number, df1: number, df2: number): number {
    checkProbability("p", p);
    checkPositive("df1", df1);
    checkPositive("df2", df2);
    if (p === 0) return 0;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return fQuantile(p, df1, df2);
  },
  pdf(x: number, df1: number, df2: number): number {
    checkX("x", x);
    checkPositive("df1", df1);
    checkPositive("df2", df2);
    if (x < 0 || x === Number.POSITIVE_INFINITY) return 0;
    const density = fPdf(x, df1, df2);
    return Number.isNaN(density) ? fPdfLog(x, df1, df2) : density;
  },
};
