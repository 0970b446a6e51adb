import { type Alternative, alternativeSchema, numberIn, parseOptions } from "@tiltak/core";
import { noncentralT, normal } from "@tiltak/stats";
import * as z from "zod/mini";
import {
  aroundGuess,
  powerSchema,
  recruit,
  type SolveSpec,
  sigLevelSchema,
  sigLevelSpec,
  solvable,
  solveDesign,
  withDefaultSigLevel,
} from "./solve.js";

/** The design of a t test: two independent groups, one sample, or paired observations. */
export type TestType = "two-sample" | "one-sample" | "paired";

const testTypeSchema: z.ZodMiniType<TestType> = z.enum(["two-sample", "one-sample", "paired"]);

/**
 * Power of a t test with `df` degrees of freedom and noncentrality `ncp`, counting both rejection
 * regions when two-sided (pwr 1.3; R `power.t.test(strict = TRUE)`).
 */
export function tPower(df: number, ncp: number, sigLevel: number, alternative: Alternative): number {
  // P(T > q) + P(T <= −q) with q = qt(1 − α/2, df) (one region when one-sided), from @tiltak/stats,
  // which starts both series from the central coverage 1 − α known at the critical value.
  return noncentralT.power(sigLevel, df, ncp, alternative);
}

const nSpec: SolveSpec = { bracket: [2 + 1e-10, 200], limits: [2 + 1e-10, 1e9], scale: "sqrt" };
const nLimits: [number, number] = [2 + 1e-10, 1e9];

/**
 * A starting bracket for n around Guenther's (1981) normal approximation
 * n ≈ g·(z(1 − α/k) + z(power))²/d² + z(1 − α/k)²/(2g) (g = 2 for two samples, k = 2 when two-sided).
 */
function nGuess(d: number, sigLevel: number, power: number, g: number, alternative: Alternative): SolveSpec {
  const za = -normal.quantile(alternative === "two-sided" ? sigLevel / 2 : sigLevel);
  const zb = normal.quantile(power);
  const n0 = (g * (za + zb) ** 2) / (d * d) + (za * za) / (2 * g);
  return aroundGuess(n0, Math.max(0.05, 0.001 * n0), nLimits);
}
function effectSpec(alternative: Alternative, scale = 1): SolveSpec {
  if (alternative === "two-sided")
    return { bracket: [1e-7 * scale, 10 * scale], limits: [1e-10 * scale, 1e3 * scale] };
  if (alternative === "greater")
    return { bracket: [-5 * scale, 10 * scale], limits: [-5 * scale, 1e3 * scale] };
  return { bracket: [-10 * scale, 5 * scale], limits: [-1e3 * scale, 5 * scale] };
}

function groups(type: TestType): number {
  return type === "two-sample" ? 2 : 1;
}

function methodOf(type: TestType): string {
  return `${type === "two-sample" ? "Two-sample" : type === "one-sample" ? "One-sample" : "Paired"} t test power calculation`;
}

/** Options of {@link tTest}; leave out exactly one of `n`, `d`, `power`, `sigLevel` (`sigLevel: null`). */
export interface TTestOptions {
  /** Observations per group (two-sample), pairs (paired) or observations (one-sample); >= 2. */
  n?: number | null | undefined;
  /** Cohen's d: difference in means over the standard deviation. */
  d?: number | null | undefined;
  /** Significance level in (0, 1); default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sample"`. */
  type?: TestType | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link TTestOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { tTestOptions } from "@tiltak/power";
 * tTestOptions.safeParse({ d: 0.5, power: 0.8, type: "paired" }).success; // => true
 * tTestOptions.safeParse({ d: 0.5, power: 0.8, type: "welch" }).success; // => false
 * ```
 */
export const tTestOptions: z.ZodMiniType<TTestOptions> = z.strictObject({
  n: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  d: solvable(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  type: z.optional(testTypeSchema),
  alternative: z.optional(alternativeSchema),
});

/**
 * The starting bracket for n: around the normal approximation when the effect points the tested way,
 * otherwise the default. (A module-level function returning the spec function, so that no named closure
 * is created per call.)
 */
function nSpecFor(
  g: number,
  alternative: Alternative,
): (v: Record<"d" | "sigLevel" | "power", number>) => SolveSpec {
  return (v) =>
    v.d * (alternative === "less" ? -1 : 1) > 0 ? nGuess(v.d, v.sigLevel, v.power, g, alternative) : nSpec;
}

/** Result of {@link tTest}: every parameter, the solved one filled in. */
export interface TTestResult {
  n: number;
  d: number;
  sigLevel: number;
  power: number;
  type: TestType;
  alternative: Alternative;
  method: string;
  /** What n counts, as pwr says it. */
  note?: string;
  /** When n was solved: the integer to recruit (rounded up), in the same unit as `n`. */
  nRecruit?: number;
}

/**
 * Power, sample size, effect size or significance level of a t test of means with Cohen's d, as R
 * `pwr::pwr.t.test` (pwr 1.3): noncentral t with df = (n − 1)·g and ncp = d·√(n/g), g = 2 for two
 * samples, 1 otherwise. Two-sided power counts both rejection regions.
 *
 * `n` is per group for `"two-sample"` (the total is 2n), the number of pairs for `"paired"`.
 * Solves with Brent's method to 1e-10 (pwr's `uniroot` stops at about 1e-4).
 *
 * @param options - {@link TTestOptions}; exactly one of `n`, `d`, `power`, `sigLevel` missing
 * @returns {@link TTestResult}, with `nRecruit` (rounded up, per group) when `n` was solved
 * @throws TiltakError `INVALID_INPUT` for bad values or not exactly one missing parameter;
 *   `NO_SOLUTION` when no value reaches the target (for example the power is already exceeded at n = 2)
 * @see docs/methods/power/t-tests.md; Cohen (1988), ch. 2
 *
 * @example
 * ```ts
 * import { tTest } from "@tiltak/power";
 * tTest({ d: 0.5, power: 0.8 }).n; // => 63.76561
 * tTest({ d: 0.5, power: 0.8 }).nRecruit; // => 64
 * tTest({ n: 30, d: 0.5 }).power; // => 0.4778965
 * tTest({ n: 20, d: 0.4, type: "paired", alternative: "greater" }).power; // => 0.5318141
 * tTest({ d: 7, power: 0.8 }); // => throws NO_SOLUTION
 * ```
 */
export function tTest(options: TTestOptions): TTestResult {
  const o = parseOptions(tTestOptions, options);
  const type = o.type ?? "two-sample";
  const alternative = o.alternative ?? "two-sided";
  const g = groups(type);
  const d = alternative === "two-sided" && typeof o.d === "number" ? Math.abs(o.d) : o.d;
  const { solved, values } = solveDesign(
    { n: o.n, d, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["n", "d", "power", "sigLevel"],
    (v) => tPower((v.n - 1) * g, Math.sqrt(v.n / g) * v.d, v.sigLevel, alternative),
    {
      n: nSpecFor(g, alternative),
      d: effectSpec(alternative),
      sigLevel: sigLevelSpec,
    },
  );
  // Built field by field: an object spread of `values` costs more than the rest of a power calculation.
  const result: TTestResult = {
    n: values.n,
    d: values.d,
    sigLevel: values.sigLevel,
    power: values.power,
    type,
    alternative,
    method: methodOf(type),
  };
  if (type === "two-sample") result.note = "n is number in *each* group";
  if (type === "paired") result.note = "n is number of *pairs*";
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}

/** Options of {@link tTest2n}; leave out exactly one of `n1`, `n2`, `d`, `power`, `sigLevel`. */
export interface TTest2nOptions {
  /** Size of group 1, >= 2. */
  n1?: number | null | undefined;
  /** Size of group 2, >= 2. */
  n2?: number | null | undefined;
  /** Cohen's d. */
  d?: number | null | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sided"`. */
  alternative?: Alternative | undefined;
}

/**
 * Schema of {@link TTest2nOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { tTest2nOptions } from "@tiltak/power";
 * tTest2nOptions.safeParse({ n1: 50, d: 0.5, power: 0.8 }).success; // => true
 * tTest2nOptions.safeParse({ n1: 1, d: 0.5, power: 0.8 }).success; // => false
 * ```
 */
export const tTest2nOptions: z.ZodMiniType<TTest2nOptions> = z.strictObject({
  n1: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  n2: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  d: solvable(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  alternative: z.optional(alternativeSchema),
});

/** Result of {@link tTest2n}. */
export interface TTest2nResult {
  n1: number;
  n2: number;
  d: number;
  sigLevel: number;
  power: number;
  alternative: Alternative;
  method: string;
  /** When n1 was solved: the integer to recruit in group 1. */
  n1Recruit?: number;
  /** When n2 was solved: the integer to recruit in group 2. */
  n2Recruit?: number;
}

/**
 * Two-sample t test with unequal group sizes, as R `pwr::pwr.t2n.test`: df = n1 + n2 − 2 and
 * ncp = d / √(1/n1 + 1/n2). Solve for `n2` (the usual "I have n1 controls, how many treated?"),
 * `n1`, `d`, `power` or `sigLevel`. An allocation ratio r = n2/n1 is expressed by giving both sizes.
 *
 * @param options - {@link TTest2nOptions}
 * @returns {@link TTest2nResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION` when no group size reaches the power
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { tTest2n } from "@tiltak/power";
 * tTest2n({ n1: 30, n2: 40, d: 0.356 }).power; // => 0.3064767
 * tTest2n({ n1: 50, d: 0.5, power: 0.8 }).n2; // => 87.70891
 * ```
 */
export function tTest2n(options: TTest2nOptions): TTest2nResult {
  const o = parseOptions(tTest2nOptions, options);
  const alternative = o.alternative ?? "two-sided";
  const d = alternative === "two-sided" && typeof o.d === "number" ? Math.abs(o.d) : o.d;
  const { solved, values } = solveDesign(
    { n1: o.n1, n2: o.n2, d, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["n1", "n2", "d", "power", "sigLevel"],
    (v) => tPower(v.n1 + v.n2 - 2, v.d / Math.sqrt(1 / v.n1 + 1 / v.n2), v.sigLevel, alternative),
    { n1: nSpec, n2: nSpec, d: effectSpec(alternative), sigLevel: sigLevelSpec },
  );
  const result: TTest2nResult = { ...values, alternative, method: "t test power calculation" };
  if (solved === "n1") result.n1Recruit = recruit(values.n1);
  if (solved === "n2") result.n2Recruit = recruit(values.n2);
  return result;
}

/** The alternative of base R's `power.t.test` / `power.prop.test`: ours, plus R's `"one-sided"`. */
export type BaseRAlternative = Alternative | "one-sided";

const baseRAlternativeSchema: z.ZodMiniType<BaseRAlternative> = z.enum([
  "two-sided",
  "one-sided",
  "less",
  "greater",
]);

/** Options of {@link means}; leave out exactly one of `n`, `delta`, `power`, `sigLevel`. */
export interface MeansOptions {
  /** Observations per group (two-sample) or pairs/observations; >= 2. */
  n?: number | null | undefined;
  /** True difference in means, in the outcome's units. */
  delta?: number | null | undefined;
  /** Standard deviation (of differences, for paired); default 1. */
  sd?: number | undefined;
  /** Significance level; default 0.05; `null` to solve for it. */
  sigLevel?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Default `"two-sample"`. */
  type?: TestType | undefined;
  /** Default `"two-sided"`; `"one-sided"` (R's name) is `"greater"`. */
  alternative?: BaseRAlternative | undefined;
}

/**
 * Schema of {@link MeansOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { meansOptions } from "@tiltak/power";
 * meansOptions.safeParse({ delta: 5, sd: 10, power: 0.8, alternative: "one-sided" }).success; // => true
 * meansOptions.safeParse({ delta: 5, sd: 0, power: 0.8 }).success; // => false
 * ```
 */
export const meansOptions: z.ZodMiniType<MeansOptions> = z.strictObject({
  n: solvable(numberIn(2, Number.POSITIVE_INFINITY, "[)")),
  delta: solvable(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
  sd: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "()")),
  sigLevel: sigLevelSchema,
  power: powerSchema,
  type: z.optional(testTypeSchema),
  alternative: z.optional(baseRAlternativeSchema),
});

/** Result of {@link means}. */
export interface MeansResult {
  n: number;
  delta: number;
  sd: number;
  sigLevel: number;
  power: number;
  type: TestType;
  alternative: BaseRAlternative;
  method: string;
  note?: string;
  /** When n was solved: the integer to recruit (per group for two samples). */
  nRecruit?: number;
}

/**
 * Power and sample size of a t test for a difference in means in the outcome's units, as R's
 * `power.t.test(strict = TRUE)`: ncp = √(n/g)·delta/sd, both rejection regions when two-sided.
 * One-sided (`"greater"`, or R's `"one-sided"`) tests delta > 0; `"less"` tests delta < 0.
 *
 * @param options - {@link MeansOptions}
 * @returns {@link MeansResult}, with `nRecruit` (per group for two samples) when `n` was solved
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { means } from "@tiltak/power";
 * means({ n: 20, delta: 1 }).power; // => 0.8689530
 * means({ delta: 1, power: 0.9 }).n; // => 22.02109
 * means({ delta: 5, sd: 10, power: 0.8, alternative: "one-sided" }).nRecruit; // => 51
 * ```
 */
export function means(options: MeansOptions): MeansResult {
  const o = parseOptions(meansOptions, options);
  const type = o.type ?? "two-sample";
  const alternative = o.alternative ?? "two-sided";
  const direction: Alternative = alternative === "one-sided" ? "greater" : alternative;
  const sd = o.sd ?? 1;
  const g = groups(type);
  const delta = direction === "two-sided" && typeof o.delta === "number" ? Math.abs(o.delta) : o.delta;
  const { solved, values } = solveDesign(
    { n: o.n, delta, sigLevel: withDefaultSigLevel(o.sigLevel), power: o.power },
    ["n", "delta", "power", "sigLevel"],
    (v) => tPower((v.n - 1) * g, (Math.sqrt(v.n / g) * v.delta) / sd, v.sigLevel, direction),
    {
      n: (v) =>
        v.delta * (direction === "less" ? -1 : 1) > 0
          ? nGuess(v.delta / sd, v.sigLevel, v.power, g, direction)
          : nSpec,
      delta: effectSpec(direction, sd),
      sigLevel: sigLevelSpec,
    },
  );
  const result: MeansResult = {
    n: values.n,
    delta: values.delta,
    sd,
    sigLevel: values.sigLevel,
    power: values.power,
    type,
    alternative,
    method: methodOf(type),
  };
  if (type === "two-sample") result.note = "n is number in *each* group";
  if (type === "paired") result.note = "n is number of *pairs*, sd is std.dev. of *differences* within pairs";
  if (solved === "n") result.nRecruit = recruit(values.n);
  return result;
}
