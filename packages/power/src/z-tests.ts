import { type Alternative, alternativeSchema, numberIn, parseOptions } from "@tiltak/core";
import { normal } from "@tiltak/stats";
import * as z from "zod/mini";
import {
  powerSchema,
  recruit,
  type SolveSpec,
  sigLevelSchema,
  sigLevelSpec,
  solvable,
  solveDesign,
  withDefaultSigLevel,
} from "./solve.js";
import type { BaseRAlternative } from "./t-test.js";

/**
 * Power of a z test whose statistic is shifted by `shift` standard errors under the alternative
 * (pwr 1.3's `pwr.norm.test`, `pwr.p.test`, `pwr.2p.test`): both rejection regions when two-sided.
 */
export function zPower(shift: number, sigLevel: number, alternative: Alternative): number {
  if (alternative === "two-sided") {
    const q = -normal.quantile(sigLevel / 2);
    return normal.sf(q - shift) + normal.cdf(-q - shift);
  }
  if (alternative === "greater") return normal.sf(-normal.quantile(sigLevel) - shift);
  return normal.cdf(normal.quantile(sigLevel) - shift);
}

function effectSpec(alternative: Alternative): SolveSpec {
  if (alternative === "two-sided") return { bracket: [1e-10, 10], limits: [1e-10, 1e3] };
  if (alternative === "greater") return { bracket: [-5, 10], limits: [-5, 1e3] };
  return { bracket: [-10, 5], limits: [-1e3, 5] };
}

const realNumber = numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()");

/** Options of {@link normalMean}; leave out exactly one of `d`, `n`, `power`, `sigLevel`. */
export interface NormalMeanOptions {
  /** Effect size d = (mean − null mean) / σ, σ known. */
  d?: number | null | undefined;
  /** Number of observations, >= 1. */
  n?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link NormalMeanOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { normalMeanOptions } from "@tiltak/power";
 * normalMeanOptions.safeParse({ d: 0.3, power: 0.8 }).success; // => true
 * normalMeanOptions.safeParse({ d: 0.3, power: 0.8, alternative: "two.sided" }).success; // => false
 * ```
 */
export const normalMeanOptions: z.ZodMiniType<NormalMeanOptions> = z.strictObject({
  d: solvable(realNumber),
  n: solvable(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link normalMean}. */
export interface NormalMeanResult {
  d: number;
  n: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  /** When n was solved: the integer to recruit. */
  nRecruit?: number;
}

/**
 * Power of the z test for a mean with known variance, as R `pwr::pwr.norm.test`: the statistic is
 * shifted by d·√n. Two-sided power counts both rejection regions.
 *
 * @param options - {@link NormalMeanOptions}
 * @returns {@link NormalMeanResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { normalMean } from "@tiltak/power";
 * normalMean({ d: 0.3, power: 0.8 }).n; // => 87.20956
 * normalMean({ d: 0.3, n: 50, alternative: "greater" }).power; // => 0.6831290
 * ```
 */
export function normalMean(options: NormalMeanOptions): NormalMeanResult {
  const o = parseOptions(normalMeanOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const d = alternative === "two-sided" && typeof o.d === "number" ? Math.abs(o.d) : o.d;
  const { solved, values } = solveDesign(
    { d, n: o.n, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["d", "n", "power", "sigLevel"],
    (v) => zPower(v.d * Math.sqrt(v.n), v.sigLevel, alternative),
    {
      d: effectSpec(alternative),
      n: { bracket: [1 + 1e-10, 200], limits: [1 + 1e-10, 1e9], scale: "sqrt" },
      sigLevel: sigLevelSpec,
    },
  );
  const result: NormalMeanResult = {
    ...values,
    alternative,
    method: "Mean power calculation for normal distribution with known variance",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link oneProportion}; leave out exactly one of `h`, `n`, `power`, `sigLevel`. */
export interface OneProportionOptions {
  /** Cohen's h between the alternative and the null proportion ({@link cohenH}). */
  h?: number | null | undefined;
  /** Number of observations, >= 1. */
  n?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link OneProportionOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { oneProportionOptions } from "@tiltak/power";
 * oneProportionOptions.safeParse({ h: 0.3, power: 0.8 }).success; // => true
 * oneProportionOptions.safeParse({ h: 0.3, n: 0.5 }).success; // => false
 * ```
 */
export const oneProportionOptions: z.ZodMiniType<OneProportionOptions> = z.strictObject({
  h: solvable(realNumber),
  n: solvable(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link oneProportion}. */
export interface OneProportionResult {
  h: number;
  n: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  /** When n was solved: the integer to recruit. */
  nRecruit?: number;
}

/**
 * Power of the test of one proportion against a constant, with the arcsine transformation, as R
 * `pwr::pwr.p.test`: shift h·√n, h = {@link cohenH}(p, p0).
 *
 * @param options - {@link OneProportionOptions}
 * @returns {@link OneProportionResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/proportions.md
 *
 * @example
 * ```ts
 * import { cohenH, oneProportion } from "@tiltak/power";
 * oneProportion({ h: cohenH(0.75, 0.5), power: 0.8, alternative: "greater" }).n; // => 22.55126
 * oneProportion({ h: cohenH(0.75, 0.5), n: 40, sigLevel: 0.01 }).power; // => 0.7690434
 * ```
 */
export function oneProportion(options: OneProportionOptions): OneProportionResult {
  const o = parseOptions(oneProportionOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const h = alternative === "two-sided" && typeof o.h === "number" ? Math.abs(o.h) : o.h;
  const { solved, values } = solveDesign(
    { h, n: o.n, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["h", "n", "power", "sigLevel"],
    (v) => zPower(v.h * Math.sqrt(v.n), v.sigLevel, alternative),
    {
      h: effectSpec(alternative),
      n: { bracket: [2 + 1e-10, 200], limits: [2 + 1e-10, 1e9], scale: "sqrt" },
      sigLevel: sigLevelSpec,
    },
  );
  const result: OneProportionResult = {
    ...values,
    alternative,
    method: "proportion power calculation for binomial distribution (arcsine transformation)",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link twoProportions}; leave out exactly one of `h`, `n`, `power`, `sigLevel`. */
export interface TwoProportionsOptions {
  /** Cohen's h = {@link cohenH}(p1, p2). */
  h?: number | null | undefined;
  /** Observations in *each* group, >= 2. */
  n?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`; `"greater"` means p1 > p2 (h > 0). */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link TwoProportionsOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { twoProportionsOptions } from "@tiltak/power";
 * twoProportionsOptions.safeParse({ h: 0.3, power: 0.8 }).success; // => true
 * twoProportionsOptions.safeParse({ h: 0.3, power: 80 }).success; // => false
 * ```
 */
export const twoProportionsOptions: z.ZodMiniType<TwoProportionsOptions> = z.strictObject({
  h: solvable(realNumber),
  n: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link twoProportions}. */
export interface TwoProportionsResult {
  h: number;
  n: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  note: string;
  /** When n was solved: the integer to recruit in each group. */
  nRecruit?: number;
}

/**
 * Two proportions, equal group sizes, arcsine transformation, as R `pwr::pwr.2p.test`: shift
 * h·√(n/2), `n` per group. For rare outcomes it can differ noticeably from the pooled-normal
 * approximation of {@link proportions} (R `power.prop.test`); see the method page.
 *
 * @param options - {@link TwoProportionsOptions}
 * @returns {@link TwoProportionsResult}, `nRecruit` per group when `n` was solved
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/proportions.md; Cohen (1988), ch. 6
 *
 * @example
 * ```ts
 * import { cohenH, twoProportions } from "@tiltak/power";
 * twoProportions({ h: cohenH(0.7, 0.5), power: 0.8 }).n; // => 92.69608
 * twoProportions({ h: 0.3, n: 80 }).power; // => 0.4751009
 * ```
 */
export function twoProportions(options: TwoProportionsOptions): TwoProportionsResult {
  const o = parseOptions(twoProportionsOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const h = alternative === "two-sided" && typeof o.h === "number" ? Math.abs(o.h) : o.h;
  const { solved, values } = solveDesign(
    { h, n: o.n, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["h", "n", "power", "sigLevel"],
    (v) => zPower(v.h * Math.sqrt(v.n / 2), v.sigLevel, alternative),
    {
      h: effectSpec(alternative),
      n: { bracket: [2 + 1e-10, 200], limits: [2 + 1e-10, 1e9], scale: "sqrt" },
      sigLevel: sigLevelSpec,
    },
  );
  const result: TwoProportionsResult = {
    ...values,
    alternative,
    method: "Difference of proportion power calculation for binomial distribution (arcsine transformation)",
    note: "same sample sizes (n is number in *each* group)",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link twoProportions2n}; leave out exactly one of `h`, `n1`, `n2`, `power`, `sigLevel`. */
export interface TwoProportions2nOptions {
  /** Cohen's h = {@link cohenH}(p1, p2). */
  h?: number | null | undefined;
  /** Size of group 1, >= 2. */
  n1?: number | null | undefined;
  /** Size of group 2, >= 2. */
  n2?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link TwoProportions2nOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { twoProportions2nOptions } from "@tiltak/power";
 * twoProportions2nOptions.safeParse({ h: 0.3, n1: 100, power: 0.8 }).success; // => true
 * twoProportions2nOptions.safeParse({ h: 0.3, n1: 100, n3: 5 }).success; // => false
 * ```
 */
export const twoProportions2nOptions: z.ZodMiniType<TwoProportions2nOptions> = z.strictObject({
  h: solvable(realNumber),
  n1: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  n2: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link twoProportions2n}. */
export interface TwoProportions2nResult {
  h: number;
  n1: number;
  n2: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  note: string;
  /** When n1 was solved: the integer to recruit in group 1. */
  n1Recruit?: number;
  /** When n2 was solved: the integer to recruit in group 2. */
  n2Recruit?: number;
}

/**
 * Two proportions, unequal group sizes, arcsine transformation, as R `pwr::pwr.2p2n.test`: shift
 * h·√(n1·n2/(n1 + n2)). Solve `n2` for a fixed `n1` (for example a fixed number of places on a course).
 *
 * @param options - {@link TwoProportions2nOptions}
 * @returns {@link TwoProportions2nResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/proportions.md
 *
 * @example
 * ```ts
 * import { twoProportions2n } from "@tiltak/power";
 * twoProportions2n({ h: 0.52, n1: 35, n2: 50, alternative: "greater" }).power; // => 0.7625743
 * twoProportions2n({ h: 0.3, n1: 100, power: 0.8 }).n2; // => 681.8340
 * ```
 */
export function twoProportions2n(options: TwoProportions2nOptions): TwoProportions2nResult {
  const o = parseOptions(twoProportions2nOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const h = alternative === "two-sided" && typeof o.h === "number" ? Math.abs(o.h) : o.h;
  const nSpec: SolveSpec = { bracket: [2 + 1e-10, 200], limits: [2 + 1e-10, 1e9], scale: "sqrt" };
  const { solved, values } = solveDesign(
    { h, n1: o.n1, n2: o.n2, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["h", "n1", "n2", "power", "sigLevel"],
    (v) => zPower(v.h * Math.sqrt((v.n1 * v.n2) / (v.n1 + v.n2)), v.sigLevel, alternative),
    { h: effectSpec(alternative), n1: nSpec, n2: nSpec, sigLevel: sigLevelSpec },
  );
  const result: TwoProportions2nResult = {
    ...values,
    alternative,
    method: "difference of proportion power calculation for binomial distribution (arcsine transformation)",
    note: "different sample sizes",
  };
  if (solved === "n1") result.n1Recruit = recruit(values.n1);
  if (solved === "n2") result.n2Recruit = recruit(values.n2);
  return result;
}

/** Options of {@link proportions}; leave out exactly one of `n`, `p1`, `p2`, `power`, `sigLevel`. */
export interface ProportionsOptions {
  /** Observations in *each* group, >= 2. */
  n?: number | null | undefined;
  /** Proportion in group 1 (for example control), in (0, 1). */
  p1?: number | null | undefined;
  /** Proportion in group 2 (for example treatment), in (0, 1). */
  p2?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /**
   * Default `"two-sided"`. R's `power.prop.test` has one one-sided test, on |p1 − p2|; `"one-sided"`,
   * `"greater"` and `"less"` all mean that test here.
   */
  alternative?: BaseRAlternative | undefined;
}

const openProbability = numberIn(0, 1, "()");

/**
 * Schema of {@link ProportionsOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { proportionsOptions } from "@tiltak/power";
 * proportionsOptions.safeParse({ p1: 0.5, p2: 0.7, power: 0.8 }).success; // => true
 * proportionsOptions.safeParse({ p1: 0, p2: 0.7, power: 0.8 }).success; // => false
 * ```
 */
export const proportionsOptions: z.ZodMiniType<ProportionsOptions> = z.strictObject({
  n: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  p1: solvable(openProbability),
  p2: solvable(openProbability),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(z.enum(["two-sided", "one-sided", "less", "greater"])),
});

/** Result of {@link proportions}. */
export interface ProportionsResult {
  n: number;
  p1: number;
  p2: number;
  sigLevel: number;
  power: number;
  alternative: BaseRAlternative;
  method: string;
  note: string;
  /** When n was solved: the integer to recruit in each group. */
  nRecruit?: number;
}

/** Power of R's `power.prop.test(strict = TRUE)` (pooled variance under H0, unpooled under H1). */
export function pooledProportionPower(
  n: number,
  p1: number,
  p2: number,
  sigLevel: number,
  twoSided: boolean,
): number {
  const d = Math.abs(p1 - p2);
  const pbar = (p1 + p2) / 2;
  const null2 = Math.sqrt(2 * pbar * (1 - pbar));
  const alt = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  if (!twoSided) return normal.cdf((Math.sqrt(n) * d + normal.quantile(sigLevel) * null2) / alt);
  const q = -normal.quantile(sigLevel / 2);
  return normal.cdf((Math.sqrt(n) * d - q * null2) / alt) + normal.sf((Math.sqrt(n) * d + q * null2) / alt);
}

/**
 * Power and sample size for comparing two proportions with the pooled-normal approximation, as R
 * `power.prop.test(strict = TRUE)`: both rejection regions when two-sided. `n` is per group. Solve for
 * `n`, `p2` (the detectable proportion for a given `p1`; searched in (p1, 1)), `p1` (in (0, p2)),
 * `power` or `sigLevel`.
 *
 * @param options - {@link ProportionsOptions}
 * @returns {@link ProportionsResult}, `nRecruit` per group when `n` was solved
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/proportions.md
 *
 * @example
 * ```ts
 * import { proportions } from "@tiltak/power";
 * proportions({ p1: 0.5, p2: 0.75, power: 0.9 }).n; // => 76.70692
 * proportions({ p1: 0.5, p2: 0.7, power: 0.8 }).nRecruit; // => 93
 * proportions({ n: 50, p1: 0.5, p2: 0.75 }).power; // => 0.7401672
 * ```
 */
export function proportions(options: ProportionsOptions): ProportionsResult {
  const o = parseOptions(proportionsOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const twoSided = alternative === "two-sided";
  const p1Known = typeof o.p1 === "number" ? o.p1 : undefined;
  const p2Known = typeof o.p2 === "number" ? o.p2 : undefined;
  const { solved, values } = solveDesign(
    { n: o.n, p1: o.p1, p2: o.p2, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["n", "p1", "p2", "power", "sigLevel"],
    (v) => pooledProportionPower(v.n, v.p1, v.p2, v.sigLevel, twoSided),
    {
      n: { bracket: [2, 200], limits: [2, 1e9], scale: "sqrt" },
      p1: { bracket: [1e-10, (p2Known ?? 0.5) - 1e-10] },
      p2: { bracket: [(p1Known ?? 0.5) + 1e-10, 1 - 1e-10] },
      sigLevel: sigLevelSpec,
    },
  );
  const result: ProportionsResult = {
    ...values,
    alternative,
    method: "Two-sample comparison of proportions power calculation",
    note: "n is number in *each* group",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}
