import { parseOptions } from "@tiltak/core";
import type { z as classic } from "zod";
import * as z from "zod/mini";

/**
 * Parses options with a zod/mini schema through core's `parseOptions` (one `INVALID_INPUT` error naming
 * every offending parameter). Core's signature names the classic schema type; both share zod's core, and
 * `parseOptions` only calls `safeParse`.
 */
export function parseMini<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  return parseOptions(schema as unknown as classic.ZodType<T>, input);
}

/** A finite number in (lower, upper) (open) or [lower, upper) etc., with a message naming the interval. */
export function numberBetween(
  lower: number,
  upper: number,
  bounds: "()" | "[]" | "(]" | "[)",
): z.ZodMiniNumber<number> {
  const show = (value: number): string =>
    value === Number.POSITIVE_INFINITY ? "Inf" : value === Number.NEGATIVE_INFINITY ? "-Inf" : String(value);
  const text = `${bounds[0]}${show(lower)}, ${show(upper)}${bounds[1]}`;
  return z
    .number({ error: `must be a finite number in ${text}` })
    .check(
      z.refine(
        (value: number) =>
          Number.isFinite(value) &&
          (bounds[0] === "(" ? value > lower : value >= lower) &&
          (bounds[1] === ")" ? value < upper : value <= upper),
        { error: `must be in ${text}` },
      ),
    );
}

/** An integer no smaller than `minimum`. */
export function integerFrom(minimum: number): z.ZodMiniNumber<number> {
  return z.number({ error: `must be an integer >= ${minimum}` }).check(
    z.refine((value: number) => Number.isInteger(value) && value >= minimum, {
      error: `must be an integer >= ${minimum}`,
    }),
  );
}
