import { findRoot, invalidInput, parseOptions, type RootResult, TiltakError } from "@tiltak/core";
import { chiSquare, fisherF, normal, studentT } from "@tiltak/stats";
import * as z from "zod/mini";

/**
 * The heterogeneity estimators of {@link metaAnalysis}, with `metafor::rma`'s names: `FE` (fixed/common
 * effect, τ² = 0), `DL` (DerSimonian–Laird), `REML` (restricted maximum likelihood, the default), `ML`,
 * `PM` (Paule–Mandel), `HE` (Hedges), `SJ` (Sidik–Jonkman).
 *
 * @example
 * ```ts
 * import { metaAnalysisMethods } from "@tiltak/compare";
 * metaAnalysisMethods.includes("REML"); // => true
 * ```
 */
export const metaAnalysisMethods: readonly ["FE", "DL", "REML", "PM", "HE", "SJ", "ML"] = [
  "FE",
  "DL",
  "REML",
  "PM",
  "HE",
  "SJ",
  "ML",
] as const;

/** One of {@link metaAnalysisMethods}. */
export type MetaAnalysisMethod = (typeof metaAnalysisMethods)[number];

/** Options of {@link metaAnalysis}. */
export interface MetaAnalysisOptions {
  /** Effect sizes (e.g. `effectSizes(…).yi`). */
  yi: number[];
  /** Sampling variances, > 0. Give `vi` or `sei`. */
  vi?: number[] | undefined;
  /** Standard errors, > 0 (instead of `vi`). */
  sei?: number[] | undefined;
  /** Estimator of τ². Default `REML`, as `rma`. */
  method?: MetaAnalysisMethod | undefined;
  /** Confidence level, in (0, 1) or, as metafor, in percent (1, 100). Default 0.95. */
  level?: number | undefined;
  /** `z` (default) or `knha` (Knapp–Hartung: t with k − 1 df and a scaled variance, as `rma(test = "knha")`). */
  test?: "z" | "knha" | undefined;
  /** A subgroup label per study: adds per-group results and the between-group Q test. */
  subgroups?: string[] | undefined;
  /** Study labels, echoed (for forest plots). */
  slab?: string[] | undefined;
}

/** One meta-analytic fit (the pooled result, or one subgroup's). */
export interface MetaAnalysisFit {
  /** The estimator. */
  method: MetaAnalysisMethod;
  /** The test: `z` or `knha`. */
  test: "z" | "knha";
  /** The confidence level, in (0, 1). */
  level: number;
  /** Number of studies. */
  k: number;
  /** The pooled effect (μ̂). */
  estimate: number;
  /** Its standard error. */
  se: number;
  /** Wald statistic estimate / se (a t statistic under `knha`). */
  z: number;
  /** Two-sided p-value (normal, or t with `df` under `knha`). */
  p: number;
  /** Degrees of freedom of the t reference (k − 1) under `knha`; `null` for `z`. */
  df: number | null;
  /** Lower confidence bound. */
  ciLower: number;
  /** Upper confidence bound. */
  ciUpper: number;
  /** Cochran's Q (with inverse-variance weights 1/vᵢ). */
  Q: number;
  /** Its degrees of freedom, k − 1. */
  QDf: number;
  /** P(χ²ₖ₋₁ > Q). */
  QP: number;
  /** Estimated between-study variance τ² (0 for FE). */
  tau2: number;
  /** √τ². */
  tau: number;
  /** I² in percent: 100·τ²/(τ² + ṽ) with metafor's typical variance ṽ; for FE, 100·(Q − (k−1))/Q truncated at 0. */
  I2: number;
  /** H² = (τ² + ṽ)/ṽ; for FE, Q/(k − 1). */
  H2: number;
  /** Lower bound of the prediction interval for a new study's true effect. */
  piLower: number;
  /** Upper bound of the prediction interval. */
  piUpper: number;
  /** Weights in percent, as `weights(rma)`. */
  weights: number[];
  /** Fisher-scoring iterations (ML, REML) or root-finding iterations (PM); 0 otherwise. */
  iterations: number;
}

/**
 * The subgroup difference under a common τ²: the mixed-effects model with the subgroup as a categorical
 * moderator, as `rma(yi, vi, mods = ~ factor(group), method, test)`.
 */
export interface MixedEffectsSubgroupTest {
  /** The test of equal subgroup means: Wald QM (χ² with `QMdf` df), or under `knha` the F statistic QM/(s²·QMdf). */
  QM: number;
  /** Numerator degrees of freedom, groups − 1. */
  QMdf: number;
  /** Denominator degrees of freedom (k − groups) under `knha`; `null` for `z`. */
  QMdf2: number | null;
  /** Its p-value. */
  QMp: number;
  /** The common (residual) τ² of the model with subgroup means. */
  tau2: number;
  /** Residual heterogeneity QE = Σ within-group Q. */
  QE: number;
  /** Its degrees of freedom, k − groups. */
  QEdf: number;
  /** P(χ²_QEdf > QE). */
  QEp: number;
  /** Residual I² in percent. */
  I2: number;
  /** Residual H². */
  H2: number;
}

/** Between-group heterogeneity for subgroup analysis. */
export interface SubgroupTest {
  /** Q between groups with a separate τ² per group: the FE Q of the group estimates with their standard errors. */
  Qb: number;
  /** Its degrees of freedom, number of groups − 1. */
  df: number;
  /** P(χ²_df > Qb). */
  p: number;
  /** The same question under a common τ² (meta-regression on the subgroup). */
  commonTau2: MixedEffectsSubgroupTest;
}

/** Result of {@link metaAnalysis}. */
export interface MetaAnalysisResult extends MetaAnalysisFit {
  /** The effect sizes, echoed. */
  yi: number[];
  /** The sampling variances, echoed (squared `sei` if those were given). */
  vi: number[];
  /** Per-study lower confidence bounds yᵢ − z·√vᵢ (normal z at `level`, as metafor's forest plot). */
  studyLower: number[];
  /** Per-study upper confidence bounds yᵢ + z·√vᵢ. */
  studyUpper: number[];
  /** Study labels, when given. */
  slab?: string[] | undefined;
  /** Per-group fits (same method and test), when `subgroups` is given, in order of first appearance. */
  subgroups?: (MetaAnalysisFit & { group: string; indices: number[] })[] | undefined;
  /** The between-group Q test, when `subgroups` is given. */
  subgroupTest?: SubgroupTest | undefined;
  /** The implementation matched. */
  reference: "metafor::rma";
}

const positiveArray = z
  .array(z.number().check(z.positive({ error: "must be > 0" })))
  .check(z.minLength(1, { error: "must have at least 1 study" }));

/**
 * The zod schema of {@link MetaAnalysisOptions}.
 *
 * @example
 * ```ts
 * import { metaAnalysisOptions } from "@tiltak/compare";
 * metaAnalysisOptions.safeParse({ yi: [0.1], vi: [0.01], method: "XX" }).success; // => false
 * ```
 */
export const metaAnalysisOptions: z.ZodMiniType<
  Omit<MetaAnalysisOptions, "method" | "level" | "test"> & {
    method: MetaAnalysisMethod;
    level: number;
    test: "z" | "knha";
  }
> = z.strictObject({
  yi: z.array(z.number()).check(z.minLength(1, { error: "must have at least 1 study" })),
  vi: z.optional(positiveArray),
  sei: z.optional(positiveArray),
  method: z._default(z.enum(metaAnalysisMethods), "REML"),
  level: z._default(
    z.number().check(
      z.refine((value) => (value > 0 && value < 1) || (value > 1 && value < 100), {
        error: "must be in (0, 1) or, in percent, in (1, 100)",
      }),
    ),
    0.95,
  ),
  test: z._default(z.enum(["z", "knha"]), "z"),
  subgroups: z.optional(z.array(z.string())),
  slab: z.optional(z.array(z.string())),
});

const threshold = 1e-5; // metafor: control$threshold (Fisher scoring convergence on |Δτ²|)
const rootTolerance = Number.EPSILON ** 0.25; // metafor: control$tol, passed to uniroot
const maxIterations = 100; // metafor: control$maxiter
const tau2Max = 100; // metafor: control$tau2.max (upper end of the PM search)

/**
 * Random- and fixed-effects meta-analysis without moderators, as `metafor::rma` (3.8): τ² by `FE`, `DL`,
 * `REML` (default), `ML`, `PM`, `HE` or `SJ`; the pooled estimate with inverse-variance weights
 * 1/(vᵢ + τ²); Wald or Knapp–Hartung (`test: "knha"`) inference; Cochran's Q; I² and H² with metafor's
 * typical within-study variance ṽ = (k − 1)/(Σw − Σw²/Σw); the prediction interval μ̂ ± c·√(se² + τ²)
 * (c from the normal, or t with k − 1 df under `knha`); and subgroup analysis (per-group fits and
 * Q-between, the FE Q of the group estimates, as `rma(estimates, sei = ses, method = "FE")`).
 *
 * Estimators: DerSimonian & Laird (1986); Hedges (1983, method of moments with unit weights);
 * Sidik & Jonkman (2005, one step from τ²₀ = Σ(yᵢ − ȳ)²/k); Paule & Mandel (1982, Q(τ²) = k − 1 solved by
 * Brent's method in R's `uniroot` form on [0, 100] with metafor's tolerance ε^¼); ML and REML by Fisher
 * scoring from the Hedges estimate (truncated at 0), step-halving to stay ≥ 0, stopping when
 * |Δτ²| < 10⁻⁵ (at most 100 iterations), with metafor's check against the likelihood at τ² = 0
 * (Viechtbauer 2005). All computations are O(k) on typed arrays.
 *
 * R equivalent: `metafor::rma(yi, vi, method = method, level = 95, test = "z" | "knha")`.
 *
 * @param options - `{ yi, vi | sei, method?, level?, test?, subgroups?, slab? }`
 * @returns the fit: `{ estimate, se, ciLower, ciUpper, z, p, Q, QP, tau2, I2, H2, piLower, piUpper, k, method, … }`
 * @throws TiltakError `INVALID_INPUT` (unequal lengths, non-positive variances, `knha` with k < 2);
 *   `NOT_CONVERGED` when Fisher scoring does not converge in 100 iterations
 * @see docs/methods/compare/meta-analysis.md
 *
 * @example
 * ```ts
 * import { metaAnalysis } from "@tiltak/compare";
 * const fit = metaAnalysis({ yi: [-0.89, -1.59, -1.35, -1.44, -0.22], vi: [0.33, 0.19, 0.42, 0.02, 0.05], method: "DL" });
 * fit.tau2; // => 0.42460602
 * fit.estimate; // => -1.06767902
 * fit.I2; // => 82.43116
 * metaAnalysis({ yi: [0.1, 0.2], vi: [0.01, -1] }); // => throws INVALID_INPUT "vi[1] must be > 0, got -1"
 * ```
 */
export function metaAnalysis(options: MetaAnalysisOptions): MetaAnalysisResult {
  const parsed = parseOptions(metaAnalysisOptions, options);
  const { yi, method, test } = parsed;
  const level = parsed.level > 1 ? parsed.level / 100 : parsed.level;
  const k = yi.length;
  let vi: number[];
  if (parsed.vi !== undefined && parsed.sei !== undefined)
    invalidInput("sei", "must be left out when vi is given (give one of vi, sei)", "both");
  if (parsed.vi !== undefined) vi = parsed.vi;
  else if (parsed.sei !== undefined) vi = parsed.sei.map((se) => se * se);
  else invalidInput("vi", "is required (or sei): sampling variances, one per study", undefined);
  if (vi.length !== k)
    invalidInput(parsed.vi ? "vi" : "sei", `must have the same length as yi (${k})`, `length ${vi.length}`);
  if (parsed.slab !== undefined && parsed.slab.length !== k)
    invalidInput("slab", `must have one label per study (${k})`, `length ${parsed.slab.length}`);
  const y = Float64Array.from(yi);
  const v = Float64Array.from(vi);
  const fit = fitModel(y, v, method, level, test);
  const zStudy = normal.quantile(1 - (1 - level) / 2);
  const studyLower = yi.map((y, i) => y - zStudy * Math.sqrt(vi[i] as number));
  const studyUpper = yi.map((y, i) => y + zStudy * Math.sqrt(vi[i] as number));
  const result: MetaAnalysisResult = { ...fit, yi, vi, studyLower, studyUpper, reference: "metafor::rma" };
  if (parsed.slab !== undefined) result.slab = parsed.slab;
  if (parsed.subgroups !== undefined) {
    const labels = parsed.subgroups;
    if (labels.length !== k)
      invalidInput("subgroups", `must have one label per study (${k})`, `length ${labels.length}`);
    const order: string[] = [];
    const members = new Map<string, number[]>();
    labels.forEach((label, index) => {
      let list = members.get(label);
      if (list === undefined) {
        list = [];
        members.set(label, list);
        order.push(label);
      }
      list.push(index);
    });
    if (order.length < 2) invalidInput("subgroups", "must name at least 2 groups", labels);
    const groups = order.map((group) => {
      const indices = members.get(group) as number[];
      if (test === "knha" && indices.length < 2)
        invalidInput(
          "subgroups",
          `must give each group >= 2 studies with test "knha" (group "${group}" has 1)`,
          group,
        );
      const gy = Float64Array.from(indices, (i) => y[i] as number);
      const gv = Float64Array.from(indices, (i) => v[i] as number);
      return { group, indices, ...fitModel(gy, gv, method, level, test) };
    });
    const between = fitModel(
      Float64Array.from(groups, (g) => g.estimate),
      Float64Array.from(groups, (g) => g.se * g.se),
      "FE",
      level,
      "z",
    );
    result.subgroups = groups;
    const groupIndex = Int32Array.from(labels, (label) => order.indexOf(label));
    result.subgroupTest = {
      Qb: between.Q,
      df: between.QDf,
      p: between.QP,
      commonTau2: mixedEffectsSubgroups(y, v, groupIndex, order.length, method, test),
    };
  }
  return result;
}

interface Sums {
  /** Σw */
  s1: number;
  /** Σw² */
  s2: number;
  /** Σw³ */
  s3: number;
  /** weighted mean */
  mu: number;
  /** Σw(y − μ)² */
  rss: number;
  /** Σw²(y − μ)² */
  rss2: number;
}

function weightedSums(y: Float64Array, v: Float64Array, tau2: number): Sums {
  const k = y.length;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let swy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2);
    s1 += w;
    s2 += w * w;
    s3 += w * w * w;
    swy += w * (y[i] as number);
  }
  const mu = swy / s1;
  let rss = 0;
  let rss2 = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2);
    const r = (y[i] as number) - mu;
    rss += w * r * r;
    rss2 += w * w * r * r;
  }
  return { s1, s2, s3, mu, rss, rss2 };
}

function hedgesTau2(y: Float64Array, v: Float64Array): number {
  const k = y.length;
  let mean = 0;
  let sumV = 0;
  for (let i = 0; i < k; i++) {
    mean += y[i] as number;
    sumV += v[i] as number;
  }
  mean /= k;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += ((y[i] as number) - mean) ** 2;
  return (rss - (sumV - sumV / k)) / (k - 1);
}

function estimateTau2(
  y: Float64Array,
  v: Float64Array,
  method: MetaAnalysisMethod,
): { tau2: number; iterations: number } {
  const k = y.length;
  if (method === "FE" || k === 1) return { tau2: 0, iterations: 0 };
  if (method === "DL") {
    const s = weightedSums(y, v, 0);
    return { tau2: Math.max(0, (s.rss - (k - 1)) / (s.s1 - s.s2 / s.s1)), iterations: 0 };
  }
  if (method === "HE") return { tau2: Math.max(0, hedgesTau2(y, v)), iterations: 0 };
  if (method === "SJ") {
    let mean = 0;
    for (let i = 0; i < k; i++) mean += y[i] as number;
    mean /= k;
    let tau0 = 0;
    for (let i = 0; i < k; i++) tau0 += ((y[i] as number) - mean) ** 2;
    tau0 /= k;
    const s = weightedSums(y, v, tau0);
    return { tau2: Math.max(0, (tau0 * s.rss) / (k - 1)), iterations: 0 };
  }
  if (method === "PM") {
    const target = k - 1;
    const q = (tau2: number): number => weightedSums(y, v, tau2).rss - target;
    const q0 = q(0);
    if (q0 < 0) return { tau2: 0, iterations: 0 };
    let upper = tau2Max;
    let qUpper = q(upper);
    while (qUpper > 0) {
      upper *= 2;
      qUpper = q(upper);
      if (upper > 1e12)
        throw new TiltakError("NOT_CONVERGED", "Paule–Mandel: Q(tau2) stays above k − 1 for tau2 up to 1e12");
    }
    const root = pauleMandelRoot(q, upper, maxIterations);
    return { tau2: Math.max(0, root.root), iterations: root.iterations };
  }
  // ML and REML: Fisher scoring as metafor.
  let tau2 = Math.max(0, hedgesTau2(y, v));
  let change = threshold + 1;
  let iterations = 0;
  while (change > threshold) {
    iterations += 1;
    if (iterations > maxIterations)
      throw new TiltakError(
        "NOT_CONVERGED",
        `${method}: Fisher scoring did not converge in ${maxIterations} iterations (last tau2 ${tau2})`,
      );
    const old = tau2;
    const s = weightedSums(y, v, tau2);
    let adjust: number;
    if (method === "ML") adjust = (s.rss2 - s.s1) / s.s2;
    else {
      const trP = s.s1 - s.s2 / s.s1;
      const trPP = s.s2 - (2 * s.s3) / s.s1 + (s.s2 * s.s2) / (s.s1 * s.s1);
      adjust = (s.rss2 - trP) / trPP;
    }
    if (Number.isNaN(adjust)) adjust = 0;
    while (tau2 + adjust < 0) adjust /= 2;
    tau2 += adjust;
    change = Math.abs(old - tau2);
  }
  // metafor's ll0check: fall back to tau2 = 0 when its likelihood is higher.
  if (tau2 > threshold) {
    const ll = (t2: number): number => {
      const s = weightedSums(y, v, t2);
      let logDet = 0;
      for (let i = 0; i < k; i++) logDet += Math.log((v[i] as number) + t2);
      const n = method === "REML" ? k - 1 : k;
      const reml = method === "REML" ? -0.5 * Math.log(s.s1) : 0;
      return -0.5 * n * Math.log(2 * Math.PI) - 0.5 * logDet + reml - 0.5 * s.rss;
    };
    if (ll(0) - ll(tau2) > rootTolerance) tau2 = 0;
  }
  return { tau2: Math.max(0, tau2), iterations };
}

function fitModel(
  y: Float64Array,
  v: Float64Array,
  method: MetaAnalysisMethod,
  level: number,
  test: "z" | "knha",
): MetaAnalysisFit {
  const k = y.length;
  if (test === "knha" && k < 2)
    invalidInput("test", 'must be "z" when there is only one study (knha needs k >= 2)', test);
  const { tau2, iterations } = estimateTau2(y, v, method);
  const random = weightedSums(y, v, tau2);
  const estimate = random.mu;
  let variance = 1 / random.s1;
  let df: number | null = null;
  if (test === "knha") {
    const s2w = random.rss <= Number.EPSILON ? 0 : random.rss / (k - 1);
    variance *= s2w;
    df = k - 1;
  }
  const se = Math.sqrt(variance);
  if (!(se > 0))
    invalidInput("test", 'must be "z" when the studies agree exactly (the Knapp–Hartung scale is 0)', test);
  const z = estimate / se;
  const alpha = 1 - level;
  let p: number;
  let crit: number;
  if (df === null) {
    p = 2 * normal.sf(Math.abs(z));
    crit = normal.quantile(1 - alpha / 2);
  } else {
    p = 2 * studentT.sf(Math.abs(z), df);
    crit = studentT.quantile(1 - alpha / 2, df);
  }
  const fixed = method === "FE" ? random : weightedSums(y, v, 0);
  let Q = 0;
  let QP = 1;
  let I2 = 0;
  let H2 = 1;
  if (k > 1) {
    Q = Math.max(0, fixed.rss);
    QP = chiSquare.sf(Q, k - 1);
    if (method === "FE") {
      I2 = Math.max(0, (100 * (Q - (k - 1))) / Q);
      H2 = Q / (k - 1);
    } else {
      const typical = (k - 1) / (fixed.s1 - fixed.s2 / fixed.s1);
      I2 = (100 * tau2) / (typical + tau2);
      H2 = tau2 / typical + 1;
    }
  }
  const piSe = Math.sqrt(variance + tau2);
  const weights: number[] = new Array(k);
  for (let i = 0; i < k; i++) weights[i] = 100 / ((v[i] as number) + tau2) / random.s1;
  return {
    method,
    test,
    level,
    k,
    estimate,
    se,
    z,
    p,
    df,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    Q,
    QDf: k - 1,
    QP,
    tau2,
    tau: Math.sqrt(tau2),
    I2: Number.isFinite(I2) ? I2 : 0,
    H2: Number.isFinite(H2) ? H2 : 1,
    piLower: estimate - crit * piSe,
    piUpper: estimate + crit * piSe,
    weights,
    iterations,
  };
}

interface GroupedSums {
  /** Σw per group */
  s1: Float64Array;
  /** weighted mean per group */
  mu: Float64Array;
  /** Σw(y − μ_g)² */
  rss: number;
  /** Σw²(y − μ_g)² */
  rss2: number;
  /** Σw over all studies */
  sumW: number;
  /** Σw² over all studies */
  sumW2: number;
  /** tr P = Σ_g (S1_g − S2_g/S1_g) */
  trP: number;
  /** tr PP = Σ_g (S2_g − 2 S3_g/S1_g + S2_g²/S1_g²) */
  trPP: number;
}

/** Sums for the model with one mean per group (X = group indicators, so X′WX is diagonal). */
function groupedSums(
  y: Float64Array,
  v: Float64Array,
  group: Int32Array,
  groups: number,
  tau2: number,
): GroupedSums {
  const s1 = new Float64Array(groups);
  const s2 = new Float64Array(groups);
  const s3 = new Float64Array(groups);
  const swy = new Float64Array(groups);
  const k = y.length;
  for (let i = 0; i < k; i++) {
    const g = group[i] as number;
    const w = 1 / ((v[i] as number) + tau2);
    s1[g] = (s1[g] as number) + w;
    s2[g] = (s2[g] as number) + w * w;
    s3[g] = (s3[g] as number) + w * w * w;
    swy[g] = (swy[g] as number) + w * (y[i] as number);
  }
  const mu = new Float64Array(groups);
  let trP = 0;
  let trPP = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let g = 0; g < groups; g++) {
    const a = s1[g] as number;
    const b = s2[g] as number;
    mu[g] = (swy[g] as number) / a;
    trP += a - b / a;
    trPP += b - (2 * (s3[g] as number)) / a + (b * b) / (a * a);
    sumW += a;
    sumW2 += b;
  }
  let rss = 0;
  let rss2 = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2);
    const r = (y[i] as number) - (mu[group[i] as number] as number);
    rss += w * r * r;
    rss2 += w * w * r * r;
  }
  return { s1, mu, rss, rss2, sumW, sumW2, trP, trPP };
}

function estimateTau2Grouped(
  y: Float64Array,
  v: Float64Array,
  group: Int32Array,
  groups: number,
  method: MetaAnalysisMethod,
): number {
  const k = y.length;
  const p = groups;
  if (method === "FE") return 0;
  if (method === "DL") {
    const s = groupedSums(y, v, group, groups, 0);
    return Math.max(0, (s.rss - (k - p)) / s.trP);
  }
  // Hedges with moderators: (RSS_OLS − tr(P_OLS V)) / (k − p)
  const hedges = (): number => {
    const n = new Float64Array(groups);
    const sy = new Float64Array(groups);
    const sv = new Float64Array(groups);
    for (let i = 0; i < k; i++) {
      const g = group[i] as number;
      n[g] = (n[g] as number) + 1;
      sy[g] = (sy[g] as number) + (y[i] as number);
      sv[g] = (sv[g] as number) + (v[i] as number);
    }
    let rss = 0;
    let trPV = 0;
    for (let i = 0; i < k; i++) {
      const g = group[i] as number;
      rss += ((y[i] as number) - (sy[g] as number) / (n[g] as number)) ** 2;
      trPV += v[i] as number;
    }
    for (let g = 0; g < groups; g++) trPV -= (sv[g] as number) / (n[g] as number);
    return (rss - trPV) / (k - p);
  };
  if (method === "HE") return Math.max(0, hedges());
  if (method === "SJ") {
    let mean = 0;
    for (let i = 0; i < k; i++) mean += y[i] as number;
    mean /= k;
    let tau0 = 0;
    for (let i = 0; i < k; i++) tau0 += ((y[i] as number) - mean) ** 2;
    tau0 /= k;
    return Math.max(0, (tau0 * groupedSums(y, v, group, groups, tau0).rss) / (k - p));
  }
  if (method === "PM") {
    const q = (tau2: number): number => groupedSums(y, v, group, groups, tau2).rss - (k - p);
    const q0 = q(0);
    if (q0 < 0) return 0;
    let upper = tau2Max;
    let qUpper = q(upper);
    while (qUpper > 0) {
      upper *= 2;
      qUpper = q(upper);
      if (upper > 1e12)
        throw new TiltakError("NOT_CONVERGED", "Paule–Mandel: Q(tau2) stays above k − p for tau2 up to 1e12");
    }
    return Math.max(0, pauleMandelRoot(q, upper, maxIterations).root);
  }
  let tau2 = Math.max(0, hedges());
  let change = threshold + 1;
  let iterations = 0;
  while (change > threshold) {
    iterations += 1;
    if (iterations > maxIterations)
      throw new TiltakError(
        "NOT_CONVERGED",
        `${method}: Fisher scoring did not converge in ${maxIterations} iterations`,
      );
    const old = tau2;
    const s = groupedSums(y, v, group, groups, tau2);
    let adjust = method === "ML" ? (s.rss2 - s.sumW) / s.sumW2 : (s.rss2 - s.trP) / s.trPP;
    if (Number.isNaN(adjust)) adjust = 0;
    while (tau2 + adjust < 0) adjust /= 2;
    tau2 += adjust;
    change = Math.abs(old - tau2);
  }
  if (tau2 > threshold) {
    const ll = (t2: number): number => {
      const s = groupedSums(y, v, group, groups, t2);
      let logDet = 0;
      for (let i = 0; i < k; i++) logDet += Math.log((v[i] as number) + t2);
      let reml = 0;
      if (method === "REML") for (let g = 0; g < groups; g++) reml -= 0.5 * Math.log(s.s1[g] as number);
      const n = method === "REML" ? k - p : k;
      return -0.5 * n * Math.log(2 * Math.PI) - 0.5 * logDet + reml - 0.5 * s.rss;
    };
    if (ll(0) - ll(tau2) > rootTolerance) tau2 = 0;
  }
  return Math.max(0, tau2);
}

/**
 * The subgroup difference under a common τ² (a mixed-effects model with the subgroup as a categorical
 * moderator), as `rma(yi, vi, mods = ~ factor(group), method, test)`: QM (Wald, or F under knha) for
 * equal subgroup means, residual heterogeneity QE, and the common τ².
 */
function mixedEffectsSubgroups(
  y: Float64Array,
  v: Float64Array,
  group: Int32Array,
  groups: number,
  method: MetaAnalysisMethod,
  test: "z" | "knha",
): MixedEffectsSubgroupTest {
  const k = y.length;
  const p = groups;
  if (k <= p) invalidInput("subgroups", `must leave more studies (${k}) than groups (${p})`, groups);
  const tau2 = estimateTau2Grouped(y, v, group, groups, method);
  const s = groupedSums(y, v, group, groups, tau2);
  let pooled = 0;
  for (let g = 0; g < groups; g++) pooled += (s.s1[g] as number) * (s.mu[g] as number);
  pooled /= s.sumW;
  let QM = 0;
  for (let g = 0; g < groups; g++) QM += (s.s1[g] as number) * ((s.mu[g] as number) - pooled) ** 2;
  const fixed = groupedSums(y, v, group, groups, 0);
  const QE = Math.max(0, fixed.rss);
  const typical = (k - p) / fixed.trP;
  const I2 = method === "FE" ? Math.max(0, (100 * (QE - (k - p))) / QE) : (100 * tau2) / (typical + tau2);
  const H2 = method === "FE" ? QE / (k - p) : tau2 / typical + 1;
  const QMdf = groups - 1;
  let statistic = QM;
  let QMp: number;
  let QMdf2: number | null = null;
  if (test === "knha") {
    const s2w = s.rss <= Number.EPSILON ? 0 : s.rss / (k - p);
    if (!(s2w > 0))
      invalidInput(
        "test",
        'must be "z" when the studies agree exactly within groups (the Knapp–Hartung scale is 0)',
        test,
      );
    statistic = QM / s2w / QMdf;
    QMdf2 = k - p;
    QMp = fisherF.sf(statistic, QMdf, k - p);
  } else QMp = chiSquare.sf(QM, QMdf);
  return {
    QM: statistic,
    QMdf,
    QMdf2,
    QMp,
    tau2,
    QE,
    QEdf: k - p,
    QEp: chiSquare.sf(QE, k - p),
    I2: Number.isFinite(I2) ? I2 : 0,
    H2: Number.isFinite(H2) ? H2 : 1,
  };
}

// metafor solves Q(τ²) = k − p with `uniroot` on [0, upper] at its loose default tolerance ε^¼; core's
// findRoot runs the same zeroin iteration, so with the same bracket and tolerance it stops at the same τ².
function pauleMandelRoot(q: (tau2: number) => number, upper: number, maxIterations: number): RootResult {
  return findRoot(q, {
    lower: 0,
    upper,
    tolerance: rootTolerance,
    relativeTolerance: Number.EPSILON,
    maxIterations,
    name: "tau2",
  });
}
