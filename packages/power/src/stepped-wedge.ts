import { integerAtLeast, invalidInput, numberIn, parseOptions, TiltakError } from "@tiltak/core";
import { normal } from "@tiltak/stats";
import * as z from "zod/mini";
import { missingKey, powerSchema, solvable, solveParameter } from "./solve.js";

/** Options of {@link steppedWedge}; leave out exactly one of `effect` and `power`. */
export interface SteppedWedgeOptions {
  /** Number of clusters I, >= steps; spread as evenly as possible over the sequences (earlier sequences get the extra ones). */
  clusters: number;
  /**
   * Number of steps S (sequences), >= 2 (with one sequence, treatment is confounded with time); the design
   * has S + 1 periods, all clusters in control in the first.
   */
  steps: number;
  /**
   * Clusters switching at each step (swCRTdesign's `swDsn(c(...))`), summing to `clusters` with one entry
   * per step; default: as even as possible, earlier sequences taking the extra ones.
   */
  clustersPerStep?: number[] | undefined;
  /** Individuals measured per cluster and period (K), > 0. */
  clusterSize: number;
  /** `"continuous"` (default) or `"binary"`. */
  outcome?: "continuous" | "binary" | undefined;
  /**
   * Within-period intracluster correlation, (τ² + γ²)/(τ² + γ² + σ²), in [0, 1). Give `icc` or `tau`.
   */
  icc?: number | undefined;
  /** Cluster autocorrelation τ²/(τ² + γ²) in (0, 1]; default 1 (no cluster-period effects, as Hussey & Hughes). */
  cac?: number | undefined;
  /** Standard deviation τ of the random cluster intercepts, instead of `icc`. */
  tau?: number | undefined;
  /**
   * Continuous outcomes: the individual-level (residual) standard deviation σ, as swCRTdesign's `sigma`;
   * default 1. For binary outcomes σ² = p̄(1 − p̄), p̄ the mean of the two proportions.
   */
  sd?: number | undefined;
  /** Binary outcomes: the proportion under control, in (0, 1). */
  p0?: number | undefined;
  /** Treatment effect θ: difference in means (continuous) or in proportions (binary, p1 = p0 + θ). */
  effect?: number | null | undefined;
  /** Power in (0, 1). */
  power?: number | null | undefined;
  /** Two-sided significance level; default 0.05. */
  sigLevel?: number | undefined;
}

/**
 * Schema of {@link SteppedWedgeOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { steppedWedgeOptions } from "@tiltak/power";
 * steppedWedgeOptions.safeParse({ clusters: 12, steps: 4, clusterSize: 20, icc: 0.05, power: 0.8 }).success; // => true
 * steppedWedgeOptions.safeParse({ clusters: 12, steps: 1, clusterSize: 20, icc: 0.05 }).success; // => false
 * ```
 */
export const steppedWedgeOptions: z.ZodMiniType<SteppedWedgeOptions> = z.strictObject({
  clusters: integerAtLeast(1),
  steps: integerAtLeast(2),
  clusterSize: numberIn(0, Number.POSITIVE_INFINITY, "()"),
  clustersPerStep: z.optional(z.array(integerAtLeast(0)).check(z.minLength(2))),
  outcome: z.optional(z.enum(["continuous", "binary"])),
  icc: z.optional(numberIn(0, 1, "[)")),
  cac: z.optional(numberIn(0, 1, "(]")),
  tau: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "[)")),
  sd: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "()")),
  p0: z.optional(numberIn(0, 1, "()")),
  effect: solvable(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
  power: powerSchema,
  sigLevel: z.optional(numberIn(0, 1, "()")),
});

/** Result of {@link steppedWedge}. */
export interface SteppedWedgeResult {
  clusters: number;
  steps: number;
  /** steps + 1. */
  periods: number;
  clusterSize: number;
  outcome: "continuous" | "binary";
  /** Clusters in each sequence (sequence s switches to treatment at period s + 1). */
  clustersPerStep: number[];
  icc: number;
  cac: number;
  tau: number;
  /** Individual-level SD σ (binary: √(p̄(1 − p̄))). */
  sd: number;
  p0?: number;
  p1?: number;
  effect: number;
  power: number;
  sigLevel: number;
  /** Var(θ̂) of the generalised least squares estimator (Hussey & Hughes 2007, eq. 8). */
  variance: number;
  method: string;
}

/**
 * Power or detectable effect of a complete stepped-wedge cluster-randomised trial, by the variance of
 * the generalised least squares estimator of Hussey & Hughes (2007), their closed form (eq. 8):
 *
 * Var(θ̂) = I·σ²(σ² + Tτ²) / ((IU − W)σ² + (U² + ITU − TW − IV)τ²)
 *
 * with I clusters, T = steps + 1 periods, σ² = γ² + σ_e²/K the variance of a cluster-period mean,
 * U = Σ X, W = Σ_j (Σ_i X_ij)², V = Σ_i (Σ_j X_ij)²; power = Φ(|θ|/SE − z) + Φ(−|θ|/SE − z), z =
 * z(1 − α/2), as R `swCRTdesign::swPwr` (random intercepts, optional cluster-period effects through
 * `cac`). Binary outcomes use σ_e² = p̄(1 − p̄) (normal approximation, as swPwr).
 *
 * @param options - {@link SteppedWedgeOptions}
 * @returns {@link SteppedWedgeResult}
 * @throws TiltakError `INVALID_INPUT`; `NO_SOLUTION`
 * @see docs/methods/power/stepped-wedge.md; Hussey & Hughes (2007)
 *
 * @example
 * ```ts
 * import { steppedWedge } from "@tiltak/power";
 * const sw = steppedWedge({ clusters: 24, steps: 4, clusterSize: 120, outcome: "binary", p0: 0.05, effect: -0.015, tau: 0.01 });
 * sw.power; // => 0.786189592503
 * sw.variance; // => 2.96823135962e-05
 * steppedWedge({ clusters: 24, steps: 4, clusterSize: 120, sd: 0.1, icc: 0.02, cac: 0.125, effect: -0.015 }).power; // => 0.917188610958
 * steppedWedge({ clusters: 10, steps: 3, clustersPerStep: [4, 2, 4], clusterSize: 20, icc: 0.05, power: 0.8 }).clustersPerStep; // => [4, 2, 4]
 * ```
 */
export function steppedWedge(options: SteppedWedgeOptions): SteppedWedgeResult {
  const o = parseOptions(steppedWedgeOptions, options);
  const outcome = o.outcome ?? "continuous";
  if (o.steps > o.clusters) invalidInput("steps", `must be at most clusters (${o.clusters})`, o.steps);
  if ((o.icc === undefined) === (o.tau === undefined))
    throw new TiltakError(
      "INVALID_INPUT",
      "give exactly one of icc and tau (the between-cluster variation)",
      [{ path: ["icc"], message: "give exactly one of icc and tau" }],
    );
  if (o.tau !== undefined && o.cac !== undefined)
    invalidInput("cac", "is only used with icc, not with tau", o.cac);
  if (outcome === "binary") {
    if (o.p0 === undefined)
      invalidInput("p0", "is required for a binary outcome (a proportion in (0, 1))", o.p0);
    if (o.sd !== undefined) invalidInput("sd", "is not used for a binary outcome (σ² = p̄(1 − p̄))", o.sd);
  } else if (o.p0 !== undefined) invalidInput("p0", 'is only used with outcome: "binary"', o.p0);
  const key = missingKey({ effect: o.effect, power: o.power }, ["effect", "power"]);
  const sigLevel = o.sigLevel ?? 0.05;
  const cac = o.cac ?? 1;
  const steps = o.steps;
  const periods = steps + 1;
  const I = o.clusters;
  const K = o.clusterSize;

  let perStep = Array.from({ length: steps }, (_, s) => Math.floor(I / steps) + (s < I % steps ? 1 : 0));
  if (o.clustersPerStep !== undefined) {
    const given = o.clustersPerStep;
    const total = given.reduce((acc, x) => acc + x, 0);
    if (given.length !== steps)
      invalidInput("clustersPerStep", `must have one entry per step (${steps})`, given);
    if (total !== I) invalidInput("clustersPerStep", `must sum to clusters (${I})`, given);
    if (given.filter((x) => x > 0).length < 2)
      invalidInput(
        "clustersPerStep",
        "must switch clusters at two or more steps (otherwise treatment is confounded with time)",
        given,
      );
    perStep = [...given];
  }
  // Design sums: sequence s (1-based) is treated in periods s+1..T, i.e. T − s periods.
  let U = 0;
  let V = 0;
  const treatedInPeriod = new Array<number>(periods).fill(0);
  perStep.forEach((count, index) => {
    const s = index + 1;
    U += count * (periods - s);
    V += count * (periods - s) ** 2;
    for (let j = s; j < periods; j++) treatedInPeriod[j] = (treatedInPeriod[j] as number) + count;
  });
  const W = treatedInPeriod.reduce((acc, x) => acc + x * x, 0);
  const T = periods;

  const components = (effect: number): { sigmaE: number; tau2: number; gamma2: number } => {
    const sigmaE =
      outcome === "binary"
        ? Math.sqrt(((o.p0 as number) + effect / 2) * (1 - (o.p0 as number) - effect / 2))
        : (o.sd ?? 1);
    if (o.tau !== undefined) return { sigmaE, tau2: o.tau * o.tau, gamma2: 0 };
    const icc = o.icc as number;
    const between = (sigmaE * sigmaE * icc) / (1 - icc);
    return { sigmaE, tau2: cac * between, gamma2: (1 - cac) * between };
  };
  const varianceAt = (effect: number): number => {
    const { sigmaE, tau2, gamma2 } = components(effect);
    const s2 = gamma2 + (sigmaE * sigmaE) / K;
    return (I * s2 * (s2 + T * tau2)) / ((I * U - W) * s2 + (U * U + I * T * U - T * W - I * V) * tau2);
  };
  const z = -normal.quantile(sigLevel / 2);
  const powerAt = (effect: number): number => {
    const ratio = Math.abs(effect) / Math.sqrt(varianceAt(effect));
    return normal.cdf(ratio - z) + normal.cdf(-ratio - z);
  };
  if (I * U - W <= 0)
    invalidInput("clusters", "give a design with both control and treated cluster-periods", I);

  let effect: number;
  let power: number;
  if (key === "power") {
    effect = o.effect as number;
    if (outcome === "binary") {
      const p1 = (o.p0 as number) + effect;
      if (!(p1 > 0 && p1 < 1))
        invalidInput("effect", `must keep p1 = p0 + effect in (0, 1) (p1 = ${p1})`, effect);
    }
    power = powerAt(effect);
  } else {
    power = o.power as number;
    const upper = outcome === "binary" ? 1 - (o.p0 as number) - 1e-10 : 1e6 * (o.sd ?? 1);
    effect = solveParameter("effect", powerAt, power, {
      bracket: [1e-12, Math.min(upper, outcome === "binary" ? upper : 10 * (o.sd ?? 1))],
      limits: [1e-12, upper],
    });
  }
  const { sigmaE, tau2 } = components(effect);
  const result: SteppedWedgeResult = {
    clusters: I,
    steps,
    periods,
    clusterSize: K,
    outcome,
    clustersPerStep: perStep,
    icc: o.icc ?? tau2 / (tau2 + sigmaE * sigmaE),
    cac,
    tau: Math.sqrt(tau2),
    sd: sigmaE,
    effect,
    power,
    sigLevel,
    variance: varianceAt(effect),
    method: "Stepped-wedge cluster-randomised trial, GLS variance (Hussey & Hughes 2007)",
  };
  if (outcome === "binary") {
    result.p0 = o.p0 as number;
    result.p1 = (o.p0 as number) + effect;
  }
  return result;
}
