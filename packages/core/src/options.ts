import * as z from "zod/mini";
import { describeValue, formatPath, TiltakError, type TiltakIssue } from "./errors.js";

/**
 * Parses an options object with a zod schema. On failure it throws one `INVALID_INPUT`
 * {@link TiltakError} whose message names every offending parameter, what it accepts and what it got,
 * e.g. `sigLevel must be in (0, 1), got 1.2`.
 *
 * Schemas built with {@link numberIn}, {@link integerAtLeast} and friends phrase their own messages as
 * "must be …"; zod's built-in issues are rephrased the same way, by tiltak itself: the messages do not
 * depend on which zod locale (if any) is loaded, so `zod/mini` (no locale) and classic `zod` give the same
 * text.
 *
 * @param schema - the zod schema of the options
 * @param input - what the user passed
 * @returns the parsed (and defaulted) options
 * @throws TiltakError `INVALID_INPUT`
 *
 * @example
 * ```ts
 * import { parseOptions, numberIn } from "@tiltak/core";
 * import * as z from "zod/mini";
 * const schema = z.object({ sigLevel: numberIn(0, 1, "()") });
 * parseOptions(schema, { sigLevel: 0.05 }).sigLevel; // => 0.05
 * parseOptions(schema, { sigLevel: 1.2 }); // => throws INVALID_INPUT "sigLevel must be in (0, 1), got 1.2"
 * ```
 */
export function parseOptions<T>(schema: z.core.$ZodType<T>, input: unknown): T {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  throw zodToTiltakError(result.error);
}

/**
 * Turns a zod error into an `INVALID_INPUT` {@link TiltakError} with one issue per zod issue.
 *
 * @example
 * ```ts
 * import { zodToTiltakError } from "@tiltak/core";
 * import * as z from "zod/mini";
 * const result = z.object({ n: z.number() }).safeParse({ n: "10" }, { reportInput: true });
 * result.success ? "" : zodToTiltakError(result.error).message; // => "n must be a number, got \"10\""
 * ```
 */
export function zodToTiltakError(error: z.core.$ZodError): TiltakError {
  const issues: TiltakIssue[] = error.issues.flatMap((issue) =>
    describeIssue(issue as unknown as LooseIssue),
  );
  const message = issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`).join("; ");
  return new TiltakError("INVALID_INPUT", message, issues);
}

interface LooseIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  errors?: LooseIssue[][];
}

function describeIssue(issue: LooseIssue): TiltakIssue[] {
  const path = issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
  const got = `, got ${describeValue(issue.input)}`;
  switch (issue.code) {
    case "invalid_type": {
      const accepts = issue.message.startsWith("must ")
        ? issue.message
        : `must be ${article(issue.expected)}`;
      if (issue.input === undefined)
        return [{ path, message: `is required: it ${accepts.replace(/^must/, "must")}` }];
      return [{ path, message: `${accepts}${got}` }];
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map((value) => describeValue(value)).join(" | ");
      return [{ path, message: `must be one of ${values}${got}` }];
    }
    case "unrecognized_keys":
      return (issue.keys ?? []).map((key) => ({
        path: [...path, key],
        message: "is not an accepted option (check its spelling)",
      }));
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const op = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      const what = issue.origin === "array" || issue.origin === "string" ? "length " : "";
      const custom = issue.message.startsWith("must ")
        ? issue.message
        : `must have ${what}${op} ${String(bound)}`;
      return [{ path, message: `${custom}${got}` }];
    }
    case "invalid_union":
      return [
        {
          path,
          message: `${issue.message.startsWith("must ") ? issue.message : "does not match any accepted form"}${got}`,
        },
      ];
    default: {
      const message =
        issue.message.startsWith("must ") || issue.message.startsWith("is ")
          ? issue.message
          : `is invalid: ${builtInText(issue)}`;
      return [{ path, message: message.includes(", got ") ? message : `${message}${got}` }];
    }
  }
}

/** zod's English text for the issues tiltak does not rephrase, so no zod locale needs to be loaded. */
function builtInText(issue: LooseIssue): string {
  const loose = issue as LooseIssue & { format?: string; pattern?: string; divisor?: number };
  switch (issue.code) {
    case "invalid_format":
      if (loose.format === "regex") return `Invalid string: must match pattern ${loose.pattern}`;
      return `Invalid ${formatNames[loose.format ?? ""] ?? loose.format}`;
    case "not_multiple_of":
      return `Invalid number: must be a multiple of ${loose.divisor}`;
    case "invalid_key":
      return `Invalid key in ${issue.origin}`;
    case "invalid_element":
      return `Invalid value in ${issue.origin}`;
    default:
      return issue.message === "" ? "Invalid input" : issue.message;
  }
}

const formatNames: Record<string, string> = {
  datetime: "ISO datetime",
  date: "ISO date",
  time: "ISO time",
  duration: "ISO duration",
  email: "email address",
  url: "URL",
  uuid: "UUID",
};

function article(expected: string | undefined): string {
  if (expected === undefined) return "a valid value";
  if (expected === "array" || expected === "object") return `an ${expected}`;
  if (expected === "int") return "an integer";
  return `a ${expected}`;
}

/**
 * The boundary of an interval: `"()"` open, `"[]"` closed, or half-open.
 */
export type Bounds = "()" | "[]" | "(]" | "[)";

/**
 * A finite number in an interval, with the message `must be in (0, 1)` when it is outside.
 *
 * @param lower - lower end (may be `-Infinity`)
 * @param upper - upper end (may be `Infinity`)
 * @param bounds - which ends are included; default closed `"[]"`
 *
 * @example
 * ```ts
 * import { numberIn } from "@tiltak/core";
 * numberIn(0, 1, "()").safeParse(1).success; // => false
 * numberIn(0, 1, "(]").safeParse(1).success; // => true
 * ```
 */
export function numberIn(lower: number, upper: number, bounds: Bounds = "[]"): z.ZodMiniNumber {
  const text = intervalText(lower, upper, bounds);
  return z.number({ error: `must be a finite number in ${text}` }).check(
    z.refine((value) => inInterval(value, lower, upper, bounds), {
      error: `must be in ${text}`,
    }),
  ) as unknown as z.ZodMiniNumber;
}

/**
 * An integer no smaller than `minimum`, with the message `must be an integer >= 2`.
 *
 * @example
 * ```ts
 * import { integerAtLeast } from "@tiltak/core";
 * integerAtLeast(2).safeParse(2.5).success; // => false
 * integerAtLeast(2).safeParse(3).success; // => true
 * ```
 */
export function integerAtLeast(minimum: number): z.ZodMiniNumber {
  return z.number({ error: `must be an integer >= ${minimum}` }).check(
    z.refine((value) => Number.isInteger(value) && value >= minimum, {
      error: `must be an integer >= ${minimum}`,
    }),
  ) as unknown as z.ZodMiniNumber;
}

/**
 * A finite number greater than `minimum` (default 0, exclusive), with the message `must be > 0`.
 *
 * @example
 * ```ts
 * import { numberAbove } from "@tiltak/core";
 * numberAbove(1).safeParse(1).success; // => false
 * numberAbove(1).safeParse(1.5).success; // => true
 * ```
 */
export function numberAbove(minimum = 0): z.ZodMiniNumber {
  return numberIn(minimum, Number.POSITIVE_INFINITY, "()");
}

/**
 * The direction of a test: `"two-sided"`, `"less"` or `"greater"`, as R's `alternative`.
 */
export type Alternative = "two-sided" | "less" | "greater";

/**
 * Schema for {@link Alternative}.
 *
 * @example
 * ```ts
 * import { alternativeSchema } from "@tiltak/core";
 * alternativeSchema.parse("greater"); // => "greater"
 * ```
 */
export const alternativeSchema: z.ZodMiniType<Alternative> = z.enum(["two-sided", "less", "greater"]);

/**
 * Whether `value` lies in the interval with the given bounds.
 *
 * @example
 * ```ts
 * import { inInterval } from "@tiltak/core";
 * inInterval(0, 0, 1, "(]"); // => false
 * ```
 */
export function inInterval(value: number, lower: number, upper: number, bounds: Bounds = "[]"): boolean {
  if (!Number.isFinite(value)) return false;
  const aboveLower = bounds[0] === "(" ? value > lower : value >= lower;
  const belowUpper = bounds[1] === ")" ? value < upper : value <= upper;
  return aboveLower && belowUpper;
}

/**
 * Writes an interval as users read it: `(0, 1)`, `[0, 1]`, `(0, Inf)`.
 *
 * @example
 * ```ts
 * import { intervalText } from "@tiltak/core";
 * intervalText(0, Number.POSITIVE_INFINITY, "()"); // => "(0, Inf)"
 * ```
 */
export function intervalText(lower: number, upper: number, bounds: Bounds = "[]"): string {
  const show = (value: number): string =>
    value === Number.POSITIVE_INFINITY ? "Inf" : value === Number.NEGATIVE_INFINITY ? "-Inf" : String(value);
  return `${bounds[0]}${show(lower)}, ${show(upper)}${bounds[1]}`;
}
