import { integerAtLeast, invalidInput, numberIn, parseOptions, TiltakError } from "@tiltak/core";
import { noncentralT, studentT } from "@tiltak/stats";
import * as z from "zod/mini";
import { missingKey, powerSchema, recruit, solvable, solveParameter } from "./solve.js";
import type { BaseRAlternative } from "./t-test.js";
import { pooledProportionPower } from "./z-tests.js";

const unitInterval = numberIn(0, 1, "[)");
const share = numberIn(0, 1, "()");
const positiveNumber = numberIn(0, Number.POSITIVE_INFINITY, "()");

/**
 * The PowerUp! multiplier M = t(1 − α/2, df) + t(power, df) (one-tailed: t(1 − α, df)), Bloom (1995),
 * Dong & Maynard (2013).
 */
export function mdesMultiplier(df: number, sigLevel: number, power: number, twoTailed: boolean): number {
  const t1 = -studentT.quantile(twoTailed ? sigLevel / 2 : sigLevel, df);
  return t1 + studentT.quantile(power, df);
}

/** PowerUp!'s power: the noncentral t with ncp = mdes / SE (both tails when two-tailed). */
export function multilevelPower(
  mdes: number,
  se: number,
  df: number,
  sigLevel: number,
  twoTailed: boolean,
): number {
  const ncp = Math.abs(mdes) / se;
  if (!twoTailed) return noncentralT.sf(-studentT.quantile(sigLevel, df), df, ncp);
  const q = -studentT.quantile(sigLevel / 2, df);
  return noncentralT.sf(q, df, ncp) + noncentralT.cdf(-q, df, ncp);
}

interface MultilevelDesign {
  /** Name of the number of top-level units ("clusters" or "sites"). */
  unitsName: string;
  /** Covariates at the top level, which cost degrees of freedom. */
  covariates: number;
  /** df from the number of units. */
  df: (units: number) => number;
  /** Standardised standard error of the impact estimate from the number of units. */
  se: (units: number) => number;
}

interface MultilevelSolved {
  units: number;
  mdes: number;
  power: number;
  df: number;
  standardError: number;
  multiplier: number;
  solved: "units" | "mdes" | "power";
}

function solveMultilevel(
  design: MultilevelDesign,
  given: {
    units: number | null | undefined;
    mdes: number | null | undefined;
    power: number | null | undefined;
  },
  sigLevel: number,
  twoTailed: boolean,
): MultilevelSolved {
  const key = missingKey({ [design.unitsName]: given.units, mdes: given.mdes, power: given.power }, [
    design.unitsName,
    "mdes",
    "power",
  ]);
  let units = given.units ?? Number.NaN;
  let mdes = given.mdes ?? Number.NaN;
  let power = given.power ?? Number.NaN;
  let solved: MultilevelSolved["solved"];
  const offset = -design.df(0) - design.covariates;
  const checkDf = (): void => {
    if (!(design.df(units) > 0))
      invalidInput(
        design.unitsName,
        `must leave df = ${design.unitsName} − covariates − ${offset} > 0 (at least ${design.covariates + offset + 1} with ${design.covariates} covariates)`,
        units,
      );
  };
  if (key === "power") {
    checkDf();
    power = multilevelPower(mdes, design.se(units), design.df(units), sigLevel, twoTailed);
    solved = "power";
  } else if (key === "mdes") {
    checkDf();
    mdes = mdesMultiplier(design.df(units), sigLevel, power, twoTailed) * design.se(units);
    solved = "mdes";
  } else {
    // The smallest admissible number of units leaves df = 1.
    const lowest = design.covariates + offset + 1;
    units = solveParameter(
      design.unitsName,
      (j) => mdesMultiplier(design.df(j), sigLevel, power, twoTailed) * design.se(j),
      Math.abs(mdes),
      { bracket: [lowest, lowest + 100], limits: [lowest, 1e7] },
      "mdes",
    );
    solved = "units";
  }
  const df = design.df(units);
  return {
    units,
    mdes: Math.abs(mdes),
    power,
    df,
    standardError: design.se(units),
    multiplier: mdesMultiplier(df, sigLevel, power, twoTailed),
    solved,
  };
}

/**
 * Options of {@link clusterRandomised}: a two-level cluster-randomised trial (PowerUp! CRA2). Leave out
 * exactly one of `clusters`, `mdes`, `power`.
 */
export interface ClusterRandomisedOptions {
  /** Intraclass correlation ρ, the share of outcome variance between clusters, in [0, 1). */
  icc: number;
  /** Individuals per cluster (average; harmonic mean for unequal sizes), > 0. */
  clusterSize: number;
  /** Total number of clusters J, both arms together. */
  clusters?: number | null | undefined;
  /** Share of clusters treated, P in (0, 1); default 0.5. */
  treatedShare?: number | undefined;
  /** R² explained by individual-level covariates, in [0, 1); default 0. */
  r2Individual?: number | undefined;
  /** R² explained by cluster-level covariates, in [0, 1); default 0. */
  r2Cluster?: number | undefined;
  /** Number of cluster-level covariates g (each costs one df); default 0. */
  clusterCovariates?: number | undefined;
  /** Minimum detectable effect size, in standard deviations of the outcome. */
  mdes?: number | null | undefined;
  /** Power in (0, 1); for `mdes` and `clusters` the PowerUp! multiplier is used. */
  power?: number | null | undefined;
  /** Significance level in (0, 1); default 0.05. */
  sigLevel?: number | undefined;
  /** `"two-sided"` (default) or one-sided (`"one-sided"`, `"greater"` or `"less"`: PowerUp!'s one-tailed test on |mdes|). */
  alternative?: BaseRAlternative | undefined;
}

/**
 * Schema of {@link ClusterRandomisedOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { clusterRandomisedOptions } from "@tiltak/power";
 * clusterRandomisedOptions.safeParse({ icc: 0.05, clusterSize: 15, clusters: 20, power: 0.8 }).success; // => true
 * clusterRandomisedOptions.safeParse({ icc: 1.2, clusterSize: 15 }).success; // => false
 * ```
 */
export const clusterRandomisedOptions: z.ZodMiniType<ClusterRandomisedOptions> = z.strictObject({
  icc: unitInterval,
  clusterSize: numberIn(1, Number.POSITIVE_INFINITY, "[)"),
  clusters: solvable(numberIn(0, Number.POSITIVE_INFINITY, "()")),
  treatedShare: z.optional(share),
  r2Individual: z.optional(unitInterval),
  r2Cluster: z.optional(unitInterval),
  clusterCovariates: z.optional(integerAtLeast(0)),
  mdes: solvable(positiveNumber),
  power: powerSchema,
  sigLevel: z.optional(numberIn(0, 1, "()")),
  alternative: z.optional(z.enum(["two-sided", "one-sided", "less", "greater"])),
});

/** Result of {@link clusterRandomised}. */
export interface ClusterRandomisedResult {
  icc: number;
  clusterSize: number;
  clusters: number;
  treatedShare: number;
  r2Individual: number;
  r2Cluster: number;
  clusterCovariates: number;
  mdes: number;
  power: number;
  sigLevel: number;
  alternative: BaseRAlternative;
  /** Degrees of freedom, clusters − clusterCovariates − 2. */
  df: number;
  /** Standard error of the impact estimate in effect-size units. */
  standardError: number;
  /** The multiplier M = t(1 − α/2, df) + t(power, df). */
  multiplier: number;
  method: string;
  note: string;
  /** When clusters was solved: the integer number of clusters to recruit (rounded up, total). */
  clustersRecruit?: number;
}

/**
 * Minimum detectable effect size, power or number of clusters of a two-level cluster-randomised
 * trial, by the formulas of PowerUp! CRA2 (Dong & Maynard 2013; R `PowerUpR::mdes.cra2`,
 * `power.cra2`, `mrss.cra2`):
 *
 * SE = √(ρ(1 − R²₂)/(P(1 − P)J) + (1 − ρ)(1 − R²₁)/(P(1 − P)Jn)), df = J − g − 2,
 * MDES = M·SE with M = t(1 − α/2, df) + t(power, df); power = the noncentral t with ncp = mdes/SE and
 * the same df. Solving for `clusters` finds the (real) J whose MDES equals `mdes` (PowerUpR iterates
 * to the same J and rounds it; here `clustersRecruit` rounds it up).
 *
 * @param options - {@link ClusterRandomisedOptions}
 * @returns {@link ClusterRandomisedResult}
 * @throws TiltakError `INVALID_INPUT` (including df <= 0); `NO_SOLUTION`
 * @see docs/methods/power/cluster.md; Dong & Maynard (2013); Bloom (1995)
 *
 * @example
 * ```ts
 * import { clusterRandomised } from "@tiltak/power";
 * clusterRandomised({ icc: 0.17, clusterSize: 15, clusters: 20, power: 0.8 }).mdes; // => 0.6290064177
 * clusterRandomised({ icc: 0.17, clusterSize: 15, clusters: 20, mdes: 0.629 }).power; // => 0.8000707502
 * clusterRandomised({ icc: 0.05, clusterSize: 15, mdes: 0.4, power: 0.8 }).clustersRecruit; // => 25
 * ```
 */
export function clusterRandomised(options: ClusterRandomisedOptions): ClusterRandomisedResult {
  const o = parseOptions(clusterRandomisedOptions, options);
  const p = o.treatedShare ?? 0.5;
  const r21 = o.r2Individual ?? 0;
  const r22 = o.r2Cluster ?? 0;
  const g = o.clusterCovariates ?? 0;
  const sigLevel = o.sigLevel ?? 0.05;
  const alternative = o.alternative ?? "two-sided";
  const rho = o.icc;
  const n = o.clusterSize;
  const design: MultilevelDesign = {
    unitsName: "clusters",
    covariates: g,
    df: (j) => j - g - 2,
    se: (j) =>
      Math.sqrt((rho * (1 - r22)) / (p * (1 - p) * j) + ((1 - rho) * (1 - r21)) / (p * (1 - p) * j * n)),
  };
  const s = solveMultilevel(
    design,
    { units: o.clusters, mdes: o.mdes, power: o.power },
    sigLevel,
    alternative === "two-sided",
  );
  const result: ClusterRandomisedResult = {
    icc: rho,
    clusterSize: n,
    clusters: s.units,
    treatedShare: p,
    r2Individual: r21,
    r2Cluster: r22,
    clusterCovariates: g,
    mdes: s.mdes,
    power: s.power,
    sigLevel,
    alternative,
    df: s.df,
    standardError: s.standardError,
    multiplier: s.multiplier,
    method: "Two-level cluster-randomised trial (PowerUp! CRA2)",
    note: "clusters is the total number of clusters (both arms); clusterSize is individuals per cluster",
  };
  if (s.solved === "units") result.clustersRecruit = recruit(s.units);
  return result;
}

/**
 * Options of {@link multisiteRandomised}: individuals randomised within sites (blocks) whose
 * effects vary at random (PowerUp! BIRA2). Leave out exactly one of `sites`, `mdes`, `power`.
 */
export interface MultisiteRandomisedOptions {
  /** Intraclass correlation ρ between sites, in [0, 1). */
  icc: number;
  /** Individuals per site, > 0 (n). */
  siteSize: number;
  /** Number of sites J. */
  sites?: number | null | undefined;
  /**
   * Treatment-effect heterogeneity ω: the variance of the site-level treatment effects relative to the
   * between-site variance of the outcome (PowerUp!'s `omega2`), >= 0.
   */
  heterogeneity: number;
  /** Share treated within each site, P in (0, 1); default 0.5. */
  treatedShare?: number | undefined;
  /** R² explained by individual-level covariates, in [0, 1); default 0. */
  r2Individual?: number | undefined;
  /** Share of the effect heterogeneity explained by site covariates, in [0, 1); default 0 (`r2t2`). */
  r2Heterogeneity?: number | undefined;
  /** Number of site-level covariates g; default 0. */
  siteCovariates?: number | undefined;
  /** Minimum detectable effect size in outcome SDs. */
  mdes?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Significance level; default 0.05. */
  sigLevel?: number | undefined;
  /** Default `"two-sided"`; `"one-sided"`, `"greater"` and `"less"` give PowerUp!'s one-tailed test on |mdes|. */
  alternative?: BaseRAlternative | undefined;
}

/**
 * Schema of {@link MultisiteRandomisedOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { multisiteRandomisedOptions } from "@tiltak/power";
 * multisiteRandomisedOptions.safeParse({ icc: 0.1, heterogeneity: 0.3, siteSize: 20, sites: 10, power: 0.8 }).success; // => true
 * multisiteRandomisedOptions.safeParse({ icc: 0.1, siteSize: 20 }).success; // => false
 * ```
 */
export const multisiteRandomisedOptions: z.ZodMiniType<MultisiteRandomisedOptions> = z.strictObject({
  icc: unitInterval,
  siteSize: numberIn(1, Number.POSITIVE_INFINITY, "[)"),
  sites: solvable(numberIn(0, Number.POSITIVE_INFINITY, "()")),
  heterogeneity: numberIn(0, Number.POSITIVE_INFINITY, "[)"),
  treatedShare: z.optional(share),
  r2Individual: z.optional(unitInterval),
  r2Heterogeneity: z.optional(unitInterval),
  siteCovariates: z.optional(integerAtLeast(0)),
  mdes: solvable(positiveNumber),
  power: powerSchema,
  sigLevel: z.optional(numberIn(0, 1, "()")),
  alternative: z.optional(z.enum(["two-sided", "one-sided", "less", "greater"])),
});

/** Result of {@link multisiteRandomised}. */
export interface MultisiteRandomisedResult {
  icc: number;
  siteSize: number;
  sites: number;
  heterogeneity: number;
  treatedShare: number;
  r2Individual: number;
  r2Heterogeneity: number;
  siteCovariates: number;
  mdes: number;
  power: number;
  sigLevel: number;
  alternative: BaseRAlternative;
  /** Degrees of freedom, sites − siteCovariates − 1. */
  df: number;
  standardError: number;
  multiplier: number;
  method: string;
  note: string;
  /** When sites was solved: the integer number of sites to recruit. */
  sitesRecruit?: number;
}

/**
 * MDES, power or number of sites of a multisite (blocked) individually randomised trial with random
 * site effects, PowerUp! BIRA2 (Dong & Maynard 2013; R `PowerUpR::mdes.bira2`):
 * SE = √(ρω(1 − R²ₜ₂)/J + (1 − ρ)(1 − R²₁)/(P(1 − P)Jn)), df = J − g − 1, MDES = M·SE.
 * With ω = 0 (no effect variation) the first term vanishes.
 *
 * @param options - {@link MultisiteRandomisedOptions}
 * @returns {@link MultisiteRandomisedResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/cluster.md; Dong & Maynard (2013)
 *
 * @example
 * ```ts
 * import { multisiteRandomised } from "@tiltak/power";
 * multisiteRandomised({ icc: 0.17, heterogeneity: 0.5, siteSize: 15, sites: 20, power: 0.8 }).mdes; // => 0.3655854374
 * ```
 */
export function multisiteRandomised(options: MultisiteRandomisedOptions): MultisiteRandomisedResult {
  const o = parseOptions(multisiteRandomisedOptions, options);
  const p = o.treatedShare ?? 0.5;
  const r21 = o.r2Individual ?? 0;
  const r2t2 = o.r2Heterogeneity ?? 0;
  const g = o.siteCovariates ?? 0;
  const sigLevel = o.sigLevel ?? 0.05;
  const alternative = o.alternative ?? "two-sided";
  const rho = o.icc;
  const omega = o.heterogeneity;
  const n = o.siteSize;
  const design: MultilevelDesign = {
    unitsName: "sites",
    covariates: g,
    df: (j) => j - g - 1,
    se: (j) => Math.sqrt((rho * omega * (1 - r2t2)) / j + ((1 - rho) * (1 - r21)) / (p * (1 - p) * j * n)),
  };
  const s = solveMultilevel(
    design,
    { units: o.sites, mdes: o.mdes, power: o.power },
    sigLevel,
    alternative === "two-sided",
  );
  const result: MultisiteRandomisedResult = {
    icc: rho,
    siteSize: n,
    sites: s.units,
    heterogeneity: omega,
    treatedShare: p,
    r2Individual: r21,
    r2Heterogeneity: r2t2,
    siteCovariates: g,
    mdes: s.mdes,
    power: s.power,
    sigLevel,
    alternative,
    df: s.df,
    standardError: s.standardError,
    multiplier: s.multiplier,
    method: "Multisite blocked individual random assignment, random block effects (PowerUp! BIRA2)",
    note: "sites is the number of sites (blocks); siteSize is individuals per site, both arms",
  };
  if (s.solved === "units") result.sitesRecruit = recruit(s.units);
  return result;
}

/** Options of {@link designEffect}. */
export interface DesignEffectOptions {
  /** Mean cluster size m, >= 1. */
  clusterSize: number;
  /** Intraclass correlation ρ in [0, 1]. */
  icc: number;
  /** Coefficient of variation of the cluster sizes (SD / mean), >= 0; default 0 (equal sizes). */
  cv?: number | undefined;
}

/**
 * Schema of {@link DesignEffectOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { designEffectOptions } from "@tiltak/power";
 * designEffectOptions.safeParse({ clusterSize: 15, icc: 0.05, cv: 0.3 }).success; // => true
 * designEffectOptions.safeParse({ clusterSize: 15, icc: -0.1 }).success; // => false
 * ```
 */
export const designEffectOptions: z.ZodMiniType<DesignEffectOptions> = z.strictObject({
  clusterSize: numberIn(1, Number.POSITIVE_INFINITY, "[)"),
  icc: numberIn(0, 1, "[]"),
  cv: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "[)")),
});

/**
 * The design effect of cluster randomisation, 1 + ((cv² + 1)·m − 1)·ρ (Eldridge, Ashby & Kerry 2006),
 * which reduces to Kish's 1 + (m − 1)·ρ for equal cluster sizes. Multiply an individually randomised
 * sample size by it (or divide the sample by it for the effective sample size).
 *
 * @param options - {@link DesignEffectOptions}
 * @returns the design effect, >= 1
 * @throws TiltakError `INVALID_INPUT`
 * @see docs/methods/power/cluster.md; Eldridge et al. (2006)
 *
 * @example
 * ```ts
 * import { designEffect } from "@tiltak/power";
 * designEffect({ clusterSize: 15, icc: 0.05 }); // => 1.7
 * designEffect({ clusterSize: 15, icc: 0.1, cv: 0.4 }); // => 2.64
 * designEffect({ clusterSize: 15, icc: 1.5 }); // => throws INVALID_INPUT "icc must be in [0, 1], got 1.5"
 * ```
 */
export function designEffect(options: DesignEffectOptions): number {
  const o = parseOptions(designEffectOptions, options);
  const cv = o.cv ?? 0;
  return 1 + ((cv * cv + 1) * o.clusterSize - 1) * o.icc;
}

/** Options of {@link inflateForAttrition}. */
export interface InflateForAttritionOptions {
  /** The sample size needed at analysis, > 0. */
  n: number;
  /** Expected share lost to follow-up, in [0, 1). */
  attrition: number;
}

/**
 * Schema of {@link InflateForAttritionOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { inflateForAttritionOptions } from "@tiltak/power";
 * inflateForAttritionOptions.safeParse({ n: 128, attrition: 0.2 }).success; // => true
 * inflateForAttritionOptions.safeParse({ n: 128, attrition: 1 }).success; // => false
 * ```
 */
export const inflateForAttritionOptions: z.ZodMiniType<InflateForAttritionOptions> = z.strictObject({
  n: positiveNumber,
  attrition: numberIn(0, 1, "[)"),
});

/**
 * The number to recruit so that `n` remain after the expected attrition: ⌈n / (1 − attrition)⌉.
 * (Attrition that depends on the arm or the outcome also biases the estimate; recruiting more does not
 * fix that.)
 *
 * @param options - {@link InflateForAttritionOptions}
 * @returns the integer to recruit
 * @throws TiltakError `INVALID_INPUT`
 * @see docs/methods/power/t-tests.md
 *
 * @example
 * ```ts
 * import { inflateForAttrition } from "@tiltak/power";
 * inflateForAttrition({ n: 128, attrition: 0.2 }); // => 160
 * inflateForAttrition({ n: 70, attrition: 0.3 }); // => 100
 * inflateForAttrition({ n: 100, attrition: 1 }); // => throws INVALID_INPUT "attrition must be in [0, 1), got 1"
 * ```
 */
export function inflateForAttrition(options: InflateForAttritionOptions): number {
  const o = parseOptions(inflateForAttritionOptions, options);
  return recruit(o.n / (1 - o.attrition));
}

/** Options of {@link clusterProportions}: leave out exactly one of `clusters` and `power`. */
export interface ClusterProportionsOptions {
  /** Proportion in the control arm, in (0, 1). */
  p1: number;
  /** Proportion in the treated arm, in (0, 1). */
  p2: number;
  /** Mean individuals per cluster, >= 1. */
  clusterSize: number;
  /** Intraclass correlation ρ in [0, 1). */
  icc: number;
  /** Coefficient of variation of cluster sizes; default 0. */
  cv?: number | undefined;
  /** Total clusters, both arms (split equally). */
  clusters?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Significance level; default 0.05. */
  sigLevel?: number | undefined;
  /** Default `"two-sided"`. */
  alternative?: BaseRAlternative | undefined;
}

/**
 * Schema of {@link ClusterProportionsOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { clusterProportionsOptions } from "@tiltak/power";
 * clusterProportionsOptions.safeParse({ p1: 0.5, p2: 0.7, clusterSize: 15, icc: 0.05, power: 0.8 }).success; // => true
 * clusterProportionsOptions.safeParse({ p1: 0.5, p2: 1.7, clusterSize: 15, icc: 0.05 }).success; // => false
 * ```
 */
export const clusterProportionsOptions: z.ZodMiniType<ClusterProportionsOptions> = z.strictObject({
  p1: share,
  p2: share,
  clusterSize: numberIn(1, Number.POSITIVE_INFINITY, "[)"),
  icc: unitInterval,
  cv: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "[)")),
  clusters: solvable(numberIn(0, Number.POSITIVE_INFINITY, "()")),
  power: powerSchema,
  sigLevel: z.optional(numberIn(0, 1, "()")),
  alternative: z.optional(z.enum(["two-sided", "one-sided", "less", "greater"])),
});

/** Result of {@link clusterProportions}. */
export interface ClusterProportionsResult {
  p1: number;
  p2: number;
  clusterSize: number;
  icc: number;
  cv: number;
  clusters: number;
  power: number;
  sigLevel: number;
  alternative: BaseRAlternative;
  /** The design effect used. */
  designEffect: number;
  /** Effective sample size per arm, clusters/2 · clusterSize / designEffect. */
  effectiveN: number;
  method: string;
  note: string;
  /** When clusters was solved: the even integer number of clusters to recruit (total). */
  clustersRecruit?: number;
}

/**
 * A binary outcome in a cluster-randomised trial, by the design effect (Donner & Klar 2000;
 * Eldridge et al. 2006): the power of R's `power.prop.test(strict = TRUE)` at the effective sample size
 * per arm, (clusters/2)·m / DE with DE = 1 + ((cv² + 1)m − 1)ρ. A normal-approximation method for
 * planning; with fewer than about 20 clusters per arm prefer {@link clusterRandomised} (t with
 * cluster df) or {@link simulatePower}.
 *
 * @param options - {@link ClusterProportionsOptions}
 * @returns {@link ClusterProportionsResult}; `clustersRecruit` is rounded up to an even number
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/cluster.md
 *
 * @example
 * ```ts
 * import { clusterProportions } from "@tiltak/power";
 * clusterProportions({ p1: 0.5, p2: 0.7, clusterSize: 15, icc: 0.05, power: 0.8 }).clustersRecruit; // => 22
 * ```
 */
export function clusterProportions(options: ClusterProportionsOptions): ClusterProportionsResult {
  const o = parseOptions(clusterProportionsOptions, options);
  if (o.p1 === o.p2) invalidInput("p2", "must differ from p1", o.p2);
  const sigLevel = o.sigLevel ?? 0.05;
  const alternative = o.alternative ?? "two-sided";
  const cv = o.cv ?? 0;
  const de = 1 + ((cv * cv + 1) * o.clusterSize - 1) * o.icc;
  const key = missingKey({ clusters: o.clusters, power: o.power }, ["clusters", "power"]);
  const powerAt = (j: number): number =>
    pooledProportionPower(((j / 2) * o.clusterSize) / de, o.p1, o.p2, sigLevel, alternative === "two-sided");
  let clusters: number;
  let power: number;
  if (key === "power") {
    clusters = o.clusters as number;
    if (((clusters / 2) * o.clusterSize) / de < 1)
      throw new TiltakError(
        "INVALID_INPUT",
        `clusters is too small: the effective sample size per arm is below 1`,
        [{ path: ["clusters"], message: "gives an effective sample size below 1 per arm" }],
      );
    power = powerAt(clusters);
  } else {
    power = o.power as number;
    const lowest = (2 * de) / o.clusterSize;
    clusters = solveParameter("clusters", powerAt, power, {
      bracket: [lowest, lowest + 100],
      limits: [lowest, 1e9],
    });
  }
  const result: ClusterProportionsResult = {
    p1: o.p1,
    p2: o.p2,
    clusterSize: o.clusterSize,
    icc: o.icc,
    cv,
    clusters,
    power,
    sigLevel,
    alternative,
    designEffect: de,
    effectiveN: ((clusters / 2) * o.clusterSize) / de,
    method: "Two proportions in a cluster-randomised trial (pooled normal with design effect)",
    note: "clusters is the total number of clusters, half in each arm",
  };
  if (key === "clusters") result.clustersRecruit = 2 * recruit(clusters / 2);
  return result;
}
