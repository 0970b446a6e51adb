/**
 * The error codes every tiltak package throws with.
 *
 * - `INVALID_INPUT`: an option or a record is outside what the function accepts.
 * - `NO_SOLUTION`: the requested target (power, sample size, effect) cannot be reached by any admissible value.
 * - `NOT_CONVERGED`: an iterative method stopped before meeting its tolerance.
 * - `INCONSISTENT_DATA`: figures contradict each other (for example, categories exceeding their total).
 * - `VERIFY_FAILED`: a recomputed allocation does not match the published one.
 *
 * @example
 * ```ts
 * import { errorCodes } from "@tiltak/core";
 * errorCodes.includes("NO_SOLUTION"); // => true
 * ```
 */
export const errorCodes: readonly [
  "INVALID_INPUT",
  "NO_SOLUTION",
  "NOT_CONVERGED",
  "INCONSISTENT_DATA",
  "VERIFY_FAILED",
] = ["INVALID_INPUT", "NO_SOLUTION", "NOT_CONVERGED", "INCONSISTENT_DATA", "VERIFY_FAILED"] as const;

/**
 * One of {@link errorCodes}.
 */
export type TiltakErrorCode = (typeof errorCodes)[number];

/**
 * One problem found in an input: where it is (`path`, as keys and indices from the options object)
 * and what is wrong with it.
 */
export interface TiltakIssue {
  /** Keys and array indices leading to the offending value, e.g. `["arms", 1, "ratio"]`. */
  path: (string | number)[];
  /** What the value must be, and what it was. */
  message: string;
}

/**
 * The one error class of tiltak. `code` says what kind of failure it is, `issues` lists every problem
 * found (with a path into the input), and `message` reads as a sentence naming the parameter and
 * what it accepts, e.g. `power must be in (0, 1), got 1.2`.
 *
 * @example
 * ```ts
 * import { TiltakError } from "@tiltak/core";
 * const error = new TiltakError("INVALID_INPUT", "n must be an integer >= 2, got 1", [
 *   { path: ["n"], message: "must be an integer >= 2, got 1" },
 * ]);
 * error.code; // => "INVALID_INPUT"
 * error.name; // => "TiltakError"
 * ```
 */
export class TiltakError extends Error {
  /** The kind of failure, stable across versions. */
  readonly code: TiltakErrorCode;
  /** Every problem found, each with the path of the offending value. */
  readonly issues: TiltakIssue[];
  /** Extra structured detail (for example the reachable range when there is no solution). */
  readonly details: Record<string, unknown> | undefined;

  /**
   * @param code - the kind of failure
   * @param message - a sentence naming the parameter, what it accepts and what it got
   * @param issues - every problem found; defaults to none
   * @param details - structured detail for programs that handle the error
   */
  constructor(
    code: TiltakErrorCode,
    message: string,
    issues: TiltakIssue[] = [],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "TiltakError";
    this.code = code;
    this.issues = issues;
    this.details = details;
  }

  /** A plain JSON view, so that errors survive notebooks and logs. */
  toJSON(): { name: string; code: TiltakErrorCode; message: string; issues: TiltakIssue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/**
 * Whether `value` is a {@link TiltakError}, optionally of a given code. Works across bundles where
 * `instanceof` would not.
 *
 * @example
 * ```ts
 * import { TiltakError, isTiltakError } from "@tiltak/core";
 * isTiltakError(new TiltakError("NO_SOLUTION", "no n reaches power 0.99"), "NO_SOLUTION"); // => true
 * isTiltakError(new Error("x")); // => false
 * ```
 */
export function isTiltakError(value: unknown, code?: TiltakErrorCode): value is TiltakError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return candidate.name === "TiltakError" && (code === undefined || candidate.code === code);
}

/**
 * Throws an `INVALID_INPUT` {@link TiltakError} for one parameter: the message reads
 * `<path> <accepts>, got <value>`.
 *
 * @param path - the parameter's path, e.g. `"n"` or `["arms", 0, "ratio"]`
 * @param accepts - what it must be, phrased to follow the name, e.g. `"must be an integer >= 2"`
 * @param got - the value received
 *
 * @example
 * ```ts
 * import { invalidInput } from "@tiltak/core";
 * invalidInput("x", "must be <= n (84)", 90); // => throws INVALID_INPUT "x must be <= n (84), got 90"
 * ```
 */
export function invalidInput(path: string | (string | number)[], accepts: string, got: unknown): never {
  const segments = typeof path === "string" ? [path] : path;
  const message = `${accepts}, got ${describeValue(got)}`;
  throw new TiltakError("INVALID_INPUT", `${formatPath(segments)} ${message}`, [{ path: segments, message }]);
}

/**
 * Renders a path the way users write it: `arms[1].ratio`.
 *
 * @example
 * ```ts
 * import { formatPath } from "@tiltak/core";
 * formatPath(["arms", 1, "ratio"]); // => "arms[1].ratio"
 * ```
 */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  if (path.length === 0) return "input";
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * A short, readable rendering of a received value for error messages (strings quoted, long values cut).
 *
 * @example
 * ```ts
 * import { describeValue } from "@tiltak/core";
 * describeValue("abc"); // => "\"abc\""
 * describeValue(Number.NaN); // => "NaN"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  if (typeof value === "function") return "a function";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
