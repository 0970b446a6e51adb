import { findRoot, isTiltakError, numberIn, TiltakError } from "@tiltak/core";
import { normal } from "@tiltak/stats";
import * as z from "zod/mini";

/**
 * How one solvable parameter is searched for: the starting bracket, how far the bracket may grow,
 * and on which scale. (Internal to the package; the solvers are the public functions.)
 */
export interface SolveSpec {
  /** Starting bracket for Brent's method. */
  bracket: [number, number];
  /** Limits the bracket may grow to (default: the bracket itself). */
  limits?: [number, number];
  /** Search on the square-root scale (sample sizes); default linear. */
  scale?: "linear" | "sqrt";
}

/** The tolerance every solve in this package uses (absolute, in the solved parameter). */
export const solveTolerance: number = 1e-10;

/** A solvable number: a value, or `undefined` / `null` (missing, to be solved). */
export const solvable = (schema: z.ZodMiniNumber): z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniNumber>> =>
  z.optional(z.nullable(schema));

/** Schema pieces shared by every power function. */
export const powerSchema: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniNumber>> = solvable(
  numberIn(0, 1, "()"),
);
export const sigLevelSchema: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniNumber>> = solvable(
  numberIn(0, 1, "()"),
);

/**
 * Finds which one of `keys` is missing (undefined or null) and throws `INVALID_INPUT` when not
 * exactly one is. `values` must already have defaults applied (sigLevel = 0.05 unless null).
 */
export function missingKey<K extends string>(
  values: Record<K, number | null | undefined>,
  keys: readonly K[],
): K {
  const missing = keys.filter((key) => values[key] === undefined || values[key] === null);
  if (missing.length !== 1) {
    const list = keys.join(", ");
    const detail = missing.length === 0 ? "none is missing" : `missing: ${missing.join(", ")}`;
    throw new TiltakError(
      "INVALID_INPUT",
      `exactly one of ${list} must be missing (left out, or null; pass sigLevel: null to solve for sigLevel), ${detail}`,
      (missing.length === 0 ? keys : missing).map((key) => ({
        path: [key],
        message: missing.length === 0 ? "one parameter must be left out to be solved" : "is missing",
      })),
      { missing },
    );
  }
  return missing[0] as K;
}

/** Φ⁻¹(p), with p clipped into (0, 1) so that powers of exactly 0 or 1 stay finite. */
function probitOf(p: number): number {
  return normal.quantile(Math.min(Math.max(p, 1e-300), 1 - 2 ** -53));
}

function show(x: number): string {
  if (Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-4)) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

/**
 * Solves `power(x) = target` for the parameter `name` with {@link findRoot} (Brent, tolerance 1e-10).
 * When no value in the limits reaches the target it throws `NO_SOLUTION` saying why (the target is
 * already exceeded at the smallest value, or is beyond what the largest value attains): a bracket end is
 * never returned as an answer.
 */
export function solveParameter(
  name: string,
  power: (x: number) => number,
  target: number,
  spec: SolveSpec,
  targetName = "power",
): number {
  const [lower, upper] = spec.limits ?? spec.bracket;
  // The equation is solved on scales where it is nearly linear, so that Brent's interpolation steps land
  // close to the root: powers on the probit scale (under a normal approximation Φ⁻¹(power) is linear in
  // the effect and in √n), sample sizes on the square-root scale. The root is the same.
  // (This runs once per solve and its function once per evaluation: it creates no named closures, which
  // tools that keep function names wrap in a per-call defineProperty, and keeps no memo, since findRoot
  // never evaluates a point twice.)
  const probit = targetName === "power";
  const targetY = probit ? probitOf(target) : target;
  const sqrt = spec.scale === "sqrt" && lower >= 0;
  try {
    const start0 = sqrt ? Math.sqrt(spec.bracket[0]) : spec.bracket[0];
    const start1 = sqrt ? Math.sqrt(spec.bracket[1]) : spec.bracket[1];
    // In u = √x an absolute tolerance of 1e-10 in x is 1e-10 / (2√x); the relative tolerance covers larger x.
    const tolerance = sqrt ? solveTolerance / (2 * Math.max(1, start1)) : solveTolerance;
    const u = findRoot(
      (v: number): number => {
        const value = power(sqrt ? v * v : v);
        return (probit ? probitOf(value) : value) - targetY;
      },
      {
        lower: start0,
        upper: start1,
        limits: { lower: sqrt ? Math.sqrt(lower) : lower, upper: sqrt ? Math.sqrt(upper) : upper },
        tolerance,
        relativeTolerance: 1e-13,
        name,
      },
    ).root;
    const root = sqrt ? u * u : u;
    return Math.min(Math.max(root, lower), upper);
  } catch (error) {
    if (!isTiltakError(error, "NO_SOLUTION")) throw error;
    const atLower = power(lower);
    const atUpper = power(upper);
    const low = Math.min(atLower, atUpper);
    const high = Math.max(atLower, atUpper);
    const where = `${name} in [${show(lower)}, ${show(upper)}]`;
    const lowAt = atLower <= atUpper ? lower : upper;
    const highAt = atLower <= atUpper ? upper : lower;
    const reason =
      target <= low
        ? `${targetName} is at least ${show(low)} (reached at ${name} = ${show(lowAt)}) for every ${where}, so the target ${show(target)} is already exceeded`
        : `${targetName} is at most ${show(high)} (at ${name} = ${show(highAt)}) for every ${where}, so the target ${show(target)} cannot be reached`;
    throw new TiltakError(
      "NO_SOLUTION",
      `no ${name} in [${show(lower)}, ${show(upper)}] gives ${targetName} = ${show(target)}: ${reason}`,
      [{ path: [name], message: reason }],
      { parameter: name, target, lower, upper, valueAtLower: atLower, valueAtUpper: atUpper },
    );
  }
}

/** Rounds a solved sample size up to the integer to recruit, forgiving root-finder noise. */
export function recruit(n: number): number {
  return Math.ceil(n - 1e-9 * Math.max(1, Math.abs(n)));
}

/** The default significance level: 0.05 when absent, null (to be solved) when null. */
export function withDefaultSigLevel(sigLevel: number | null | undefined): number | null {
  return sigLevel === undefined ? 0.05 : sigLevel;
}

/**
 * A starting bracket around a guess (for example a normal-approximation sample size), clipped to the
 * limits; the solver widens it when the root lies outside. A good guess saves most of Brent's steps.
 */
export function aroundGuess(guess: number, halfWidth: number, limits: [number, number]): SolveSpec {
  if (!Number.isFinite(guess) || !(halfWidth > 0))
    return { bracket: [limits[0], Math.min(limits[1], 200)], limits };
  const lower = Math.max(limits[0], guess - halfWidth);
  const upper = Math.min(limits[1], Math.max(guess + halfWidth, lower + halfWidth));
  return lower < upper
    ? { bracket: [lower, upper], limits }
    : { bracket: [limits[0], Math.min(limits[1], 200)], limits };
}

/** Brackets shared by the solvers (those of pwr 1.3, with room to grow). */
export const sigLevelSpec: SolveSpec = { bracket: [1e-10, 1 - 1e-10] };

/** A shallow copy of a plain record, key by key in its own order (cheaper here than an object spread). */
function copyRecord<K extends string, V>(record: Record<K, V>): Record<K, V> {
  const copy = {} as Record<K, V>;
  for (const key in record) copy[key] = record[key];
  return copy;
}

/**
 * The solving convention of every power function: `values` holds each solvable parameter (one of them
 * missing), `power` computes the power from a complete set; the missing one is computed or solved.
 */
export function solveDesign<K extends string>(
  values: Record<K | "power", number | null | undefined>,
  keys: readonly (K | "power")[],
  power: (values: Record<K | "power", number>) => number,
  specs: Record<K, SolveSpec | ((known: Record<K | "power", number>) => SolveSpec)>,
): { solved: K | "power"; values: Record<K | "power", number> } {
  const solved = missingKey(values, keys);
  const known = copyRecord(values) as Record<K | "power", number>;
  if (solved === "power") {
    known.power = power(known);
    return { solved, values: known };
  }
  const key = solved as K;
  const target = known.power;
  const spec = specs[key];
  // One trial record, updated in place for each evaluation (power functions only read it).
  const trial = copyRecord(known);
  known[key] = solveParameter(
    key,
    (x: number): number => {
      trial[key] = x;
      return power(trial);
    },
    target,
    typeof spec === "function" ? spec(known) : spec,
  );
  return { solved, values: known };
}
