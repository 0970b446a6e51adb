import { invalidInput, TiltakError } from "./errors.js";

/**
 * Options of {@link findRoot}.
 */
export interface FindRootOptions {
  /** Lower end of the starting bracket. */
  lower: number;
  /** Upper end of the starting bracket. */
  upper: number;
  /**
   * How far the bracket may grow when `f(lower)` and `f(upper)` have the same sign. The bracket
   * doubles its distance from the start outwards, towards these limits, until the sign changes.
   * Default: no growth (the limits are `lower` and `upper`).
   */
  limits?: { lower?: number; upper?: number };
  /** Absolute tolerance in x; default 1e-10. */
  tolerance?: number;
  /** Relative tolerance in x; default `Number.EPSILON` (2^-52), as R's `uniroot`. */
  relativeTolerance?: number;
  /** Most iterations before `NOT_CONVERGED`; default 1000. */
  maxIterations?: number;
  /** What x is, for error messages, e.g. `"n"`; default `"x"`. */
  name?: string;
}

/**
 * The result of {@link findRoot}.
 */
export interface RootResult {
  /** The root: a point where f changes sign, to the requested tolerance. */
  root: number;
  /** f at the root. */
  value: number;
  /** Iterations of Brent's method. */
  iterations: number;
  /** Evaluations of f, bracketing included. */
  evaluations: number;
  /** The bracket that was searched. */
  bracket: [number, number];
}

/**
 * Finds a root of `f` by Brent's method (Brent 1973, ch. 4: inverse quadratic interpolation and the
 * secant step, safeguarded by bisection), first widening the bracket towards `limits` when needed.
 * The iteration is netlib's `zeroin`, as in R's `uniroot`: from the same bracket and tolerance it takes
 * the same steps and returns the same root.
 *
 * When f has the same sign at both limits there is no root to find, and the function throws
 * `NO_SOLUTION` with both end values in `details`: it never returns a bracket end as if it were a
 * solution (the failure mode of statsmodels issue #9378).
 *
 * @param f - a continuous function of one variable
 * @param options - bracket, limits and tolerances
 * @throws TiltakError `NO_SOLUTION` when no sign change exists within the limits; `NOT_CONVERGED` after
 *   `maxIterations`; `INVALID_INPUT` for a bad bracket
 *
 * @example
 * ```ts
 * import { findRoot } from "@tiltak/core";
 * findRoot((x) => x * x - 2, { lower: 0, upper: 1, limits: { upper: 10 } }).root; // => 1.4142135624
 * ```
 */
export function findRoot(f: (x: number) => number, options: FindRootOptions): RootResult {
  const name = options.name ?? "x";
  const tolerance = options.tolerance ?? 1e-10;
  const relativeTolerance = options.relativeTolerance ?? Number.EPSILON;
  const maxIterations = options.maxIterations ?? 1000;
  let a = options.lower;
  let b = options.upper;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) {
    invalidInput("bracket", "must be finite numbers with lower < upper", [a, b]);
  }
  const lowerLimit = Math.min(options.limits?.lower ?? a, a);
  const upperLimit = Math.max(options.limits?.upper ?? b, b);
  let evaluations = 0;
  const evaluate = (x: number): number => {
    evaluations += 1;
    const y = f(x);
    if (Number.isNaN(y)) {
      throw new TiltakError(
        "NOT_CONVERGED",
        `the function of ${name} is not a number at ${name} = ${x}`,
        [],
        { x },
      );
    }
    return y;
  };

  let fa = evaluate(a);
  let fb = evaluate(b);
  // The explored range [lo, hi] only ever grows; [a, b] is the last segment added to it, which holds the
  // sign change once one is found.
  let lo = a;
  let fLo = fa;
  let hi = b;
  let fHi = fb;
  let step = b - a;
  while (Math.sign(fa) === Math.sign(fb) && fa !== 0 && fb !== 0 && (lo > lowerLimit || hi < upperLimit)) {
    step *= 2;
    // Widen towards whichever limit is still open, on the side where |f| is smaller (closer to a root).
    const growUpper = hi < upperLimit && (lo <= lowerLimit || Math.abs(fHi) <= Math.abs(fLo));
    if (growUpper) {
      const x = Math.min(upperLimit, hi + step);
      const fx = evaluate(x);
      a = hi;
      fa = fHi;
      b = x;
      fb = fx;
      hi = x;
      fHi = fx;
    } else {
      const x = Math.max(lowerLimit, lo - step);
      const fx = evaluate(x);
      b = lo;
      fb = fLo;
      a = x;
      fa = fx;
      lo = x;
      fLo = fx;
    }
  }
  if (fa === 0) return { root: a, value: 0, iterations: 0, evaluations, bracket: [a, b] };
  if (fb === 0) return { root: b, value: 0, iterations: 0, evaluations, bracket: [a, b] };
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new TiltakError(
      "NO_SOLUTION",
      `no ${name} in [${lowerLimit}, ${upperLimit}] solves the equation: the target is outside the reachable range`,
      [],
      { lower: lowerLimit, upper: upperLimit, valueAtLower: fLo, valueAtUpper: fHi },
    );
  }
  return brent(evaluate, a, b, fa, fb, tolerance, relativeTolerance, maxIterations, name, () => evaluations);
}

// Brent's zeroin in the form of the public-domain C translation of netlib's `zeroin` (Brent 1973, ch. 4),
// which R's `uniroot` also uses: the same steps and the same stopping test, so a root found here with
// `tolerance = tol` and `relativeTolerance = Number.EPSILON` is the root `uniroot(…, tol = tol)` finds from
// the same bracket, to the last digit. Reference implementations that stop at a loose tolerance (metafor's
// Paule–Mandel τ², for one) are reproduced exactly this way.
function brent(
  f: (x: number) => number,
  a0: number,
  b0: number,
  fa0: number,
  fb0: number,
  tolerance: number,
  relativeTolerance: number,
  maxIterations: number,
  name: string,
  evaluations: () => number,
): RootResult {
  let a = a0;
  let b = b0;
  let fa = fa0;
  let fb = fb0;
  let c = a;
  let fc = fa;
  for (let iteration = 1; iteration <= maxIterations + 1; iteration++) {
    const previousStep = b - a;
    // Keep b the best estimate: |f(b)| <= |f(c)|, with the root between b and c.
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * relativeTolerance * Math.abs(b) + tolerance / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tol || fb === 0) {
      return { root: b, value: fb, iterations: iteration - 1, evaluations: evaluations(), bracket: [a0, b0] };
    }
    // Interpolate only when the previous step was large enough and went the right way.
    if (Math.abs(previousStep) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        // Two distinct points: the secant step.
        const ratio = fb / fa;
        p = cb * ratio;
        q = 1 - ratio;
      } else {
        // Three points: inverse quadratic interpolation.
        const qa = fa / fc;
        const qb = fb / fc;
        const ratio = fb / fa;
        p = ratio * (cb * qa * (qa - qb) - (b - a) * (qb - 1));
        q = (qa - 1) * (qb - 1) * (ratio - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the interpolated point only inside 3/4 of the bracket and shorter than half the last step.
      if (p < 0.75 * cb * q - Math.abs(tol * q) / 2 && p < Math.abs((previousStep * q) / 2)) step = p / q;
    }
    if (Math.abs(step) < tol) step = step > 0 ? tol : -tol;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  throw new TiltakError(
    "NOT_CONVERGED",
    `the search for ${name} did not converge in ${maxIterations} iterations (last ${name} = ${b})`,
    [],
    { last: b },
  );
}
