import { type Alternative, alternativeSchema, integerAtLeast, numberIn, parseOptions } from "@tiltak/core";
import {
  chiSquare as chiSquareDistribution,
  fisherF,
  noncentralChiSquare,
  noncentralF,
  normal,
  studentT,
} from "@tiltak/stats";
import * as z from "zod/mini";
import {
  powerSchema,
  recruit,
  sigLevelSchema,
  sigLevelSpec,
  solvable,
  solveDesign,
  withDefaultSigLevel,
} from "./solve.js";

const positive = numberIn(0, Number.POSITIVE_INFINITY, "[)");

/** Options of {@link correlation}; leave out exactly one of `n`, `r`, `power`, `sigLevel`. */
export interface CorrelationOptions {
  /** Number of observations (pairs), >= 4. */
  n?: number | null | undefined;
  /** Correlation coefficient under the alternative, in (−1, 1). */
  r?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link CorrelationOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { correlationOptions } from "@tiltak/power";
 * correlationOptions.safeParse({ r: 0.3, power: 0.8 }).success; // => true
 * correlationOptions.safeParse({ r: 1.3, power: 0.8 }).success; // => false
 * ```
 */
export const correlationOptions: z.ZodMiniType<CorrelationOptions> = z.strictObject({
  n: solvable(numberIn(4, Number.POSITIVE_INFINITY, "[)")),
  r: solvable(numberIn(-1, 1, "()")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link correlation}. */
export interface CorrelationResult {
  n: number;
  r: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  /** When n was solved: the integer to recruit. */
  nRecruit?: number;
}

function correlationPower(n: number, r: number, sigLevel: number, alternative: Alternative): number {
  const alpha = alternative === "two-sided" ? sigLevel / 2 : sigLevel;
  const t = -studentT.quantile(alpha, n - 2);
  const zrc = Math.atanh(Math.sqrt((t * t) / (t * t + n - 2)));
  const signed = alternative === "less" ? -r : r;
  const zr = Math.atanh(signed) + signed / (2 * (n - 1));
  const root = Math.sqrt(n - 3);
  if (alternative === "two-sided") return normal.cdf((zr - zrc) * root) + normal.cdf((-zr - zrc) * root);
  return normal.cdf((zr - zrc) * root);
}

/**
 * Power of the test of a correlation, as R `pwr::pwr.r.test`: Fisher's z with the bias term
 * r/(2(n − 1)) and the exact t critical value with n − 2 df (an approximation, as in pwr).
 *
 * @param options - {@link CorrelationOptions}
 * @returns {@link CorrelationResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/correlation-chisq-anova-f2.md; Cohen (1988), ch. 3
 *
 * @example
 * ```ts
 * import { correlation } from "@tiltak/power";
 * correlation({ r: 0.3, power: 0.8 }).n; // => 84.07364
 * correlation({ r: 0.3, n: 50, alternative: "greater" }).power; // => 0.6911
 * ```
 */
export function correlation(options: CorrelationOptions): CorrelationResult {
  const o = parseOptions(correlationOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const r = alternative === "two-sided" && typeof o.r === "number" ? Math.abs(o.r) : o.r;
  const { solved, values } = solveDesign(
    { n: o.n, r, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["n", "r", "power", "sigLevel"],
    (v) => correlationPower(v.n, v.r, v.sigLevel, alternative),
    {
      n: { bracket: [4 + 1e-10, 200], limits: [4 + 1e-10, 1e9], scale: "sqrt" },
      r: alternative === "two-sided" ? { bracket: [1e-10, 1 - 1e-10] } : { bracket: [-1 + 1e-10, 1 - 1e-10] },
      // pwr's formula takes |critical t| and is only meaningful for a one-sided level below 0.5.
      sigLevel: alternative === "two-sided" ? sigLevelSpec : { bracket: [1e-10, 0.5] },
    },
  );
  const result: CorrelationResult = {
    ...values,
    alternative,
    method: "approximate correlation power calculation (arctangh transformation)",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link chiSquare}; leave out exactly one of `w`, `N`, `power`, `sigLevel`. */
export interface ChiSquareOptions {
  /** Cohen's w, >= 0. */
  w?: number | null | undefined;
  /** Total number of observations, >= 1. */
  N?: number | null | undefined;
  /** Degrees of freedom of the test (integer >= 1). */
  df: number;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
}

/**
 * Schema of {@link ChiSquareOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { chiSquareOptions } from "@tiltak/power";
 * chiSquareOptions.safeParse({ w: 0.3, df: 2, power: 0.8 }).success; // => true
 * chiSquareOptions.safeParse({ w: 0.3, power: 0.8 }).success; // => false
 * ```
 */
export const chiSquareOptions: z.ZodMiniType<ChiSquareOptions> = z.strictObject({
  w: solvable(positive),
  N: solvable(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  df: integerAtLeast(1),
  sigLevel: sigLevelSchema,
  power: powerSchema,
});

/** Result of {@link chiSquare}. */
export interface ChiSquareResult {
  w: number;
  N: number;
  df: number;
  sigLevel: number;
  power: number;
  method: string;
  note: string;
  /** When N was solved: the integer to recruit (total). */
  NRecruit?: number;
}

/**
 * Power of a chi-square test (goodness of fit or contingency table), as R `pwr::pwr.chisq.test`:
 * noncentral chi-square with ncp = N·w². `N` is the total number of observations.
 *
 * @param options - {@link ChiSquareOptions}
 * @returns {@link ChiSquareResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/correlation-chisq-anova-f2.md; Cohen (1988), ch. 7
 *
 * @example
 * ```ts
 * import { chiSquare } from "@tiltak/power";
 * chiSquare({ w: 0.289, N: 100, df: 3 }).power; // => 0.6750777
 * chiSquare({ w: 0.3, df: 1, power: 0.8 }).N; // => 87.20956
 * ```
 */
export function chiSquare(options: ChiSquareOptions): ChiSquareResult {
  const o = parseOptions(chiSquareOptions, options);
  const df = o.df;
  const { solved, values } = solveDesign(
    { w: o.w, N: o.N, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["w", "N", "power", "sigLevel"],
    (v) => noncentralChiSquare.sf(chiSquareDistribution.quantile(1 - v.sigLevel, df), df, v.N * v.w * v.w),
    {
      w: { bracket: [1e-10, 10], limits: [1e-10, 1e9] },
      N: { bracket: [1 + 1e-10, 200], limits: [1 + 1e-10, 1e9], scale: "sqrt" },
      sigLevel: sigLevelSpec,
    },
  );
  const result: ChiSquareResult = {
    w: values.w,
    N: values.N,
    df,
    sigLevel: values.sigLevel,
    power: values.power,
    method: "Chi squared power calculation",
    note: "N is the number of observations",
  };
  if (solved === "N") result.NRecruit = recruit(values.N);
  return result;
}

/** Options of {@link anova}; leave out exactly one of `k`, `n`, `f`, `power`, `sigLevel`. */
export interface AnovaOptions {
  /** Number of groups, >= 2. */
  k?: number | null | undefined;
  /** Observations in *each* group, >= 2. */
  n?: number | null | undefined;
  /** Cohen's f (SD of the group means, dividing by k, over the within-group SD), >= 0. */
  f?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
}

/**
 * Schema of {@link AnovaOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { anovaOptions } from "@tiltak/power";
 * anovaOptions.safeParse({ k: 3, f: 0.25, power: 0.8 }).success; // => true
 * anovaOptions.safeParse({ k: 1, f: 0.25, power: 0.8 }).success; // => false
 * ```
 */
export const anovaOptions: z.ZodMiniType<AnovaOptions> = z.strictObject({
  k: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  n: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  f: solvable(positive),
  sigLevel: sigLevelSchema,
  power: powerSchema,
});

/** Result of {@link anova}. */
export interface AnovaResult {
  k: number;
  n: number;
  f: number;
  sigLevel: number;
  power: number;
  method: string;
  note: string;
  /** When n was solved: the integer to recruit in each group. */
  nRecruit?: number;
}

/**
 * Balanced one-way analysis of variance, as R `pwr::pwr.anova.test`: noncentral F(k − 1, k(n − 1))
 * with λ = k·n·f². `n` is per group (statsmodels and G*Power use the total, k·n).
 *
 * @param options - {@link AnovaOptions}
 * @returns {@link AnovaResult}, `nRecruit` per group when `n` was solved
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/correlation-chisq-anova-f2.md; Cohen (1988), ch. 8
 *
 * @example
 * ```ts
 * import { anova } from "@tiltak/power";
 * anova({ k: 4, n: 20, f: 0.28 }).power; // => 0.5149793
 * anova({ k: 3, f: 0.25, power: 0.8 }).nRecruit; // => 53
 * ```
 */
export function anova(options: AnovaOptions): AnovaResult {
  const o = parseOptions(anovaOptions, options);
  const { solved, values } = solveDesign(
    { k: o.k, n: o.n, f: o.f, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["k", "n", "f", "power", "sigLevel"],
    (v) => {
      const df1 = v.k - 1;
      const df2 = (v.n - 1) * v.k;
      return noncentralF.sf(fisherF.quantile(1 - v.sigLevel, df1, df2), df1, df2, v.k * v.n * v.f * v.f);
    },
    {
      k: { bracket: [2 + 1e-10, 100] },
      n: { bracket: [2 + 1e-10, 200], limits: [2 + 1e-10, 1e9], scale: "sqrt" },
      f: { bracket: [1e-7, 10], limits: [1e-7, 1e7] },
      sigLevel: sigLevelSpec,
    },
  );
  const result: AnovaResult = {
    ...values,
    method: "Balanced one-way analysis of variance power calculation",
    note: "n is number in each group",
  };
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link linearModel}; leave out exactly one of `u`, `v`, `f2`, `power`, `sigLevel`. */
export interface LinearModelOptions {
  /** Numerator degrees of freedom (number of tested predictors), >= 1. */
  u?: number | null | undefined;
  /** Denominator degrees of freedom, n − u − 1, >= 1. */
  v?: number | null | undefined;
  /** Cohen's f² = R²/(1 − R²) (or the increment form), >= 0. */
  f2?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
}

/**
 * Schema of {@link LinearModelOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { linearModelOptions } from "@tiltak/power";
 * linearModelOptions.safeParse({ u: 3, f2: 0.15, power: 0.8 }).success; // => true
 * linearModelOptions.safeParse({ u: 0, f2: 0.15, power: 0.8 }).success; // => false
 * ```
 */
export const linearModelOptions: z.ZodMiniType<LinearModelOptions> = z.strictObject({
  u: solvable(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  v: solvable(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  f2: solvable(positive),
  sigLevel: sigLevelSchema,
  power: powerSchema,
});

/** Result of {@link linearModel}. */
export interface LinearModelResult {
  u: number;
  v: number;
  f2: number;
  sigLevel: number;
  power: number;
  method: string;
  note: string;
  /** When v was solved: the integer denominator df to reach, ⌈v⌉. */
  vRecruit?: number;
  /** When v was solved: the total sample size to recruit, u + ⌈v⌉ + 1 (for integer u). */
  nRecruit?: number;
}

/**
 * The F test of a linear model (R² or R² change), as R `pwr::pwr.f2.test`: noncentral F(u, v) with
 * λ = f²·(u + v + 1). The sample size is n = u + v + 1.
 *
 * @param options - {@link LinearModelOptions}
 * @returns {@link LinearModelResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/correlation-chisq-anova-f2.md; Cohen (1988), ch. 9
 *
 * @example
 * ```ts
 * import { linearModel } from "@tiltak/power";
 * linearModel({ u: 3, v: 60, f2: 0.15 }).power; // => 0.7109605
 * linearModel({ u: 5, f2: 0.15, power: 0.8 }).nRecruit; // => 92
 * ```
 */
export function linearModel(options: LinearModelOptions): LinearModelResult {
  const o = parseOptions(linearModelOptions, options);
  const { solved, values } = solveDesign(
    { u: o.u, v: o.v, f2: o.f2, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["u", "v", "f2", "power", "sigLevel"],
    (x) => noncentralF.sf(fisherF.quantile(1 - x.sigLevel, x.u, x.v), x.u, x.v, x.f2 * (x.u + x.v + 1)),
    {
      u: { bracket: [1 + 1e-10, 100] },
      v: { bracket: [1 + 1e-10, 200], limits: [1 + 1e-10, 1e9], scale: "sqrt" },
      f2: { bracket: [1e-7, 10], limits: [1e-7, 1e7] },
      sigLevel: sigLevelSpec,
    },
  );
  const result: LinearModelResult = {
    ...values,
    method: "Multiple regression power calculation",
    note: "n = u + v + 1 observations",
  };
  if (solved === "v") {
    result.vRecruit = recruit(values.v);
    result.nRecruit = Math.ceil(values.u) + result.vRecruit + 1;
  }
  return result;
}
