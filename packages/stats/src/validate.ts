import { invalidInput } from "@tiltak/core";

/**
 * Positional-argument checks shared by the distribution functions. Each throws an `INVALID_INPUT`
 * `TiltakError` naming the parameter, what it accepts and what it got.
 *
 * @internal
 */

/** A number that is not NaN (±Infinity allowed): the `x` of a cdf. */
export function checkX(name: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    invalidInput(name, "must be a number (not NaN)", value);
  }
  return value;
}

/** A probability in [0, 1]. */
export function checkProbability(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    invalidInput(name, "must be a probability in [0, 1]", value);
  }
  return value;
}

/** A probability strictly inside (0, 1): a significance level. */
export function checkOpenProbability(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    invalidInput(name, "must be a probability in (0, 1)", value);
  }
  return value;
}

/** A finite number. */
export function checkFinite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    invalidInput(name, "must be a finite number", value);
  }
  return value;
}

/** A finite number > 0. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !(value > 0)) {
    invalidInput(name, "must be a finite number > 0", value);
  }
  return value;
}

/** A finite number >= 0. */
export function checkNonNegative(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !(value >= 0)) {
    invalidInput(name, "must be a finite number >= 0", value);
  }
  return value;
}
