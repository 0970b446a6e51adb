import { findRoot } from "@tiltak/core";

/** The largest |x| a quantile search visits. */
const searchLimit = 1e300;

/**
 * The p-quantile of a continuous distribution: the x with cdf(x) = p, found by Brent's method
 * (`findRoot` from core) on a bracket that is first widened by doubling, as R's `qnt`, `qnchisq` and
 * `qnbeta` widen theirs: the upper end doubles until cdf >= p, the lower end moves down (doubling its
 * distance on the real line, halving towards 0 on the positive half-line) until cdf <= p.
 *
 * When no finite x reaches p within ±1e300 (or down to 1e-300 on the half-line), the bound of the
 * support is returned: this only happens for p within rounding of 0 or 1.
 *
 * @internal
 */
export function invertCdf(
  cdf: (x: number) => number,
  p: number,
  start: number,
  support: "real" | "positive",
): number {
  const f = (x: number): number => cdf(x) - p;
  let upper = support === "real" ? Math.max(1, start) : Math.max(start, 1e-300);
  while (f(upper) < 0) {
    if (upper >= searchLimit) return Number.POSITIVE_INFINITY;
    upper = upper <= 0 ? 1 : Math.min(upper * 2, searchLimit);
  }
  let lower: number;
  if (support === "real") {
    lower = Math.min(-1, start);
    while (f(lower) > 0) {
      if (lower <= -searchLimit) return Number.NEGATIVE_INFINITY;
      lower = Math.max(lower * 2, -searchLimit);
    }
  } else {
    lower = Math.min(start, upper) / 2;
    while (f(lower) > 0) {
      if (lower <= 1e-300) return 0;
      lower /= 2;
    }
  }
  if (!(lower < upper)) return lower;
  if (support === "positive" && upper / lower > 1e3) {
    // A bracket over many orders of magnitude: locate the root on the log scale first (bisection
    // on a linear scale would need a step per binary digit of the ratio), then polish it below.
    const u = findRoot((t) => f(Math.exp(t)), {
      lower: Math.log(lower),
      upper: Math.log(upper),
      tolerance: 1e-13,
      name: "log x",
    }).root;
    const narrowLower = Math.exp(u - 1e-12);
    const narrowUpper = Math.exp(u + 1e-12);
    if (f(narrowLower) <= 0 && f(narrowUpper) >= 0) {
      lower = narrowLower;
      upper = narrowUpper;
    } else {
      return Math.exp(u);
    }
  }
  return findRoot(f, { lower, upper, tolerance: 1e-300, name: "x" }).root;
}
