import { invalidInput } from "@tiltak/core";

function probability(name: string, p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) invalidInput(name, "must be a probability in [0, 1]", p);
}

/**
 * Cohen's h for two proportions: h = 2·asin(√p1) − 2·asin(√p2), the arcsine-transformed difference
 * used by {@link twoProportions} and {@link oneProportion}, as R `pwr::ES.h(p1, p2)` (Cohen 1988, ch. 6).
 * Conventional sizes: 0.2 small, 0.5 medium, 0.8 large.
 *
 * @param p1 - first proportion in [0, 1] (in a one-proportion test: the alternative)
 * @param p2 - second proportion in [0, 1] (in a one-proportion test: the null value)
 * @returns h, positive when p1 > p2
 * @throws TiltakError `INVALID_INPUT` when a proportion is outside [0, 1]
 * @see docs/methods/power/proportions.md
 *
 * @example
 * ```ts
 * import { cohenH } from "@tiltak/power";
 * cohenH(0.75, 0.5); // => 0.5235988
 * cohenH(0.5, 0.7); // => -0.4115168
 * cohenH(1.5, 0.5); // => throws INVALID_INPUT "p1 must be a probability in [0, 1], got 1.5"
 * ```
 */
export function cohenH(p1: number, p2: number): number {
  probability("p1", p1);
  probability("p2", p2);
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/** The object form of {@link cohenD}'s arguments. */
export interface CohenDOptions {
  mean1: number;
  mean2: number;
  /** The common SD (or give `sd1` and `sd2`). */
  sd?: number | undefined;
  sd1?: number | undefined;
  sd2?: number | undefined;
  n1?: number | undefined;
  n2?: number | undefined;
}

/**
 * Cohen's d: the difference of two means in standard deviations, (mean1 − mean2) / sd. With one `sd`
 * it is divided by that SD; with `sd1` and `sd2` by the pooled SD
 * √(((n1 − 1)·sd1² + (n2 − 1)·sd2²) / (n1 + n2 − 2)) (equal groups when `n1`, `n2` are left out).
 *
 * Also accepts one object, `cohenD({ mean1, mean2, sd })` or `cohenD({ mean1, mean2, sd1, sd2, n1?, n2? })`.
 *
 * @param mean1 - mean of group 1 (for example treatment), or the object form
 * @param mean2 - mean of group 2 (for example control)
 * @param sd1 - the common SD, or group 1's SD when `sd2` is given; > 0
 * @param sd2 - group 2's SD (optional); > 0
 * @param n1 - size of group 1, for the pooled SD (optional, >= 2)
 * @param n2 - size of group 2, for the pooled SD (optional, >= 2)
 * @returns d
 * @throws TiltakError `INVALID_INPUT` for a non-positive SD or a non-finite mean
 * @see docs/methods/power/t-tests.md; Cohen (1988), ch. 2
 *
 * @example
 * ```ts
 * import { cohenD } from "@tiltak/power";
 * cohenD(105, 100, 10); // => 0.5
 * cohenD(105, 100, 8, 12); // => 0.4902903
 * cohenD(105, 100, 8, 12, 30, 10); // => 0.5489954
 * cohenD({ mean1: 105, mean2: 100, sd: 10 }); // => 0.5
 * ```
 */
export function cohenD(
  mean1: number | CohenDOptions,
  mean2?: number,
  sd1?: number,
  sd2?: number,
  n1?: number,
  n2?: number,
): number {
  if (typeof mean1 === "object" && mean1 !== null) {
    const o = mean1;
    const twoSds = o.sd === undefined;
    return cohenD(
      o.mean1,
      o.mean2,
      (twoSds ? o.sd1 : o.sd) as number,
      twoSds ? o.sd2 : undefined,
      o.n1,
      o.n2,
    );
  }
  if (typeof mean1 !== "number" || !Number.isFinite(mean1))
    invalidInput("mean1", "must be a finite number", mean1);
  if (typeof mean2 !== "number" || !Number.isFinite(mean2))
    invalidInput("mean2", "must be a finite number", mean2);
  if (typeof sd1 !== "number" || !(sd1 > 0 && Number.isFinite(sd1)))
    invalidInput("sd1", "must be a finite number > 0", sd1);
  if (sd2 === undefined) return (mean1 - mean2) / sd1;
  if (!(sd2 > 0 && Number.isFinite(sd2))) invalidInput("sd2", "must be a finite number > 0", sd2);
  const a = n1 ?? 2;
  const b = n2 ?? 2;
  if (!(a >= 2)) invalidInput("n1", "must be a number >= 2", n1);
  if (!(b >= 2)) invalidInput("n2", "must be a number >= 2", n2);
  const pooled = Math.sqrt(((a - 1) * sd1 * sd1 + (b - 1) * sd2 * sd2) / (a + b - 2));
  return (mean1 - mean2) / pooled;
}

/** The tests of {@link conventionalEffectSize}, as R `pwr::cohen.ES(test)` (`"anova"` also accepted). */
export type ConventionalTest = "p" | "t" | "r" | "anov" | "anova" | "chisq" | "f2";

/** Cohen's three conventional sizes. */
export type ConventionalSize = "small" | "medium" | "large";

const conventions: Record<string, [number, number, number]> = {
  p: [0.2, 0.5, 0.8],
  t: [0.2, 0.5, 0.8],
  r: [0.1, 0.3, 0.5],
  anov: [0.1, 0.25, 0.4],
  anova: [0.1, 0.25, 0.4],
  chisq: [0.1, 0.3, 0.5],
  f2: [0.02, 0.15, 0.35],
};

/**
 * Cohen's (1988) conventional effect sizes, as R `pwr::cohen.ES(test, size)$effect.size`:
 * h for proportions (`"p"`) and d for t tests (`"t"`) 0.2/0.5/0.8; r and w (`"r"`, `"chisq"`)
 * 0.1/0.3/0.5; f (`"anov"`) 0.1/0.25/0.4; f² (`"f2"`) 0.02/0.15/0.35. Conventions are a last resort:
 * an effect size from the programme's own pilot or from comparable programmes is better.
 *
 * @param test - `"p" | "t" | "r" | "anov" | "chisq" | "f2"`
 * @param size - `"small" | "medium" | "large"`
 * @returns the effect size
 * @throws TiltakError `INVALID_INPUT` for an unknown test or size
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { conventionalEffectSize } from "@tiltak/power";
 * conventionalEffectSize("t", "medium"); // => 0.5
 * conventionalEffectSize("f2", "large"); // => 0.35
 * conventionalEffectSize("z", "large"); // => throws INVALID_INPUT
 * ```
 */
export function conventionalEffectSize(test: ConventionalTest, size: ConventionalSize): number {
  const row = conventions[test];
  if (row === undefined || !Object.hasOwn(conventions, test))
    invalidInput("test", 'must be one of "p" | "t" | "r" | "anov" | "chisq" | "f2"', test);
  const index = size === "small" ? 0 : size === "medium" ? 1 : size === "large" ? 2 : -1;
  if (index < 0) invalidInput("size", 'must be one of "small" | "medium" | "large"', size);
  return row[index as 0 | 1 | 2];
}
