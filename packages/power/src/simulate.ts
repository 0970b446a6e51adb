import {
  createRng,
  describeValue,
  integerAtLeast,
  invalidInput,
  numberIn,
  parseOptions,
  type Rng,
  type RngAlgorithm,
  rngAlgorithms,
  TiltakError,
  tiltakVersion,
} from "@tiltak/core";
import { normal, studentT } from "@tiltak/stats";
import * as z from "zod/mini";

/** What a simulator returns for one replicate: the p-value, or an object holding it as `p`. */
export type SimulationOutcome = number | { p: number };

/** Progress of a running simulation, passed to `onProgress`. */
export interface SimulationProgress {
  /** Replicates done so far. */
  done: number;
  /** Replicates requested. */
  reps: number;
  /** Rejections so far (p <= sigLevel). */
  rejections: number;
  /** The running estimate of power. */
  power: number;
}

/** Options of {@link simulatePower}. */
export interface SimulatePowerOptions {
  /**
   * Generates one data set with the given generator, analyses it and returns the p-value (or `{ p }`).
   * Draw every random number from `rng`, so the run is reproducible from `seed`.
   */
  simulate: (rng: Rng) => SimulationOutcome;
  /** Number of replicates, an integer >= 1. */
  reps: number;
  /** Seed string of the generator (required: every result can be reproduced). */
  seed: string;
  /** Significance level: a replicate rejects when p <= sigLevel; default 0.05. */
  sigLevel?: number | undefined;
  /** Level of the Wilson interval for the power; default 0.95. */
  level?: number | undefined;
  /** Called every `progressEvery` replicates and at the end. */
  onProgress?: ((progress: SimulationProgress) => void) | undefined;
  /** How often `onProgress` is called, in replicates; default max(1, reps/100) rounded. */
  progressEvery?: number | undefined;
  /** Stops the run between replicates when aborted; the result then covers the replicates done. */
  signal?: AbortSignal | undefined;
  /** Generator algorithm; default core's default (`xor4096`). */
  algorithm?: RngAlgorithm | undefined;
}

/**
 * Schema of {@link SimulatePowerOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { simulatePowerOptions } from "@tiltak/power";
 * simulatePowerOptions.safeParse({ simulate: () => 0.5, reps: 100, seed: "s" }).success; // => true
 * simulatePowerOptions.safeParse({ simulate: () => 0.5, reps: 100 }).success; // => false
 * ```
 */
export const simulatePowerOptions: z.ZodMiniType<SimulatePowerOptions> = z.strictObject({
  simulate: z.custom<(rng: Rng) => SimulationOutcome>((value) => typeof value === "function", {
    error: "must be a function (rng) => p-value",
  }),
  reps: integerAtLeast(1),
  seed: z
    .string({ error: "must be a non-empty string" })
    .check(z.minLength(1, { error: "must be a non-empty string" })),
  sigLevel: z.optional(numberIn(0, 1, "()")),
  level: z.optional(numberIn(0, 1, "()")),
  onProgress: z.optional(
    z.custom<(progress: SimulationProgress) => void>((value) => typeof value === "function", {
      error: "must be a function",
    }),
  ),
  progressEvery: z.optional(integerAtLeast(1)),
  signal: z.optional(
    z.custom<AbortSignal>(
      (value) =>
        typeof value === "object" && value !== null && typeof (value as AbortSignal).aborted === "boolean",
      { error: "must be an AbortSignal" },
    ),
  ),
  algorithm: z.optional(z.enum(rngAlgorithms as [RngAlgorithm, ...RngAlgorithm[]])),
});

/** Result of {@link simulatePower}. */
export interface SimulatePowerResult {
  /** Share of replicates with p <= sigLevel. */
  power: number;
  /** Monte Carlo standard error, √(power(1 − power)/reps). */
  mcse: number;
  /** Wilson score interval for the power at `level`. */
  ci: [number, number];
  /** Level of `ci`. */
  level: number;
  /** Replicates done (fewer than `requestedReps` only when cancelled). */
  reps: number;
  /** Replicates asked for. */
  requestedReps: number;
  /** Rejections counted. */
  rejections: number;
  /** Whether the run was cancelled through `signal` before all replicates were done. */
  cancelled: boolean;
  sigLevel: number;
  seed: string;
  algorithm: RngAlgorithm;
  tiltakVersion: string;
  method: string;
}

function pValueOf(outcome: SimulationOutcome, replicate: number): number {
  const p = typeof outcome === "number" ? outcome : outcome?.p;
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    const message = `must return a p-value in [0, 1] (or { p }), got ${describeValue(p)} in replicate ${replicate}`;
    throw new TiltakError("INVALID_INPUT", `simulate ${message}`, [{ path: ["simulate"], message }]);
  }
  return p;
}

function finish(
  rejections: number,
  done: number,
  o: SimulatePowerOptions,
  rng: Rng,
  cancelled: boolean,
): SimulatePowerResult {
  if (done === 0)
    throw new TiltakError("NOT_CONVERGED", "simulation was cancelled before the first replicate finished", [
      { path: ["signal"], message: "aborted before any replicate" },
    ]);
  const level = o.level ?? 0.95;
  const power = rejections / done;
  // Wilson (1927) score interval.
  const z = -normal.quantile((1 - level) / 2);
  const z2 = z * z;
  const centre = (power + z2 / (2 * done)) / (1 + z2 / done);
  const half = (z / (1 + z2 / done)) * Math.sqrt((power * (1 - power)) / done + z2 / (4 * done * done));
  return {
    power,
    mcse: Math.sqrt((power * (1 - power)) / done),
    ci: [Math.max(0, centre - half), Math.min(1, centre + half)],
    level,
    reps: done,
    requestedReps: o.reps,
    rejections,
    cancelled,
    sigLevel: o.sigLevel ?? 0.05,
    seed: rng.seed,
    algorithm: rng.algorithm,
    tiltakVersion,
    method: "Monte Carlo power: share of replicates with p <= sigLevel",
  };
}

/**
 * Power by simulation: runs `simulate(rng)` `reps` times on one seeded generator from `@tiltak/core`
 * (so the same seed gives the same result on every platform) and reports the share of p-values at or
 * below `sigLevel`, its Monte Carlo standard error √(p(1 − p)/reps) and a Wilson interval.
 *
 * Runs synchronously. `onProgress` is called every `progressEvery` replicates; if `signal` is aborted
 * (for example from inside `onProgress`), the run stops after the current replicate and returns a
 * **partial result** with `cancelled: true` and `reps` = the replicates done (it throws
 * `NOT_CONVERGED` only if no replicate was done). Use {@link simulatePowerAsync} to be cancellable from
 * outside (it yields to the event loop between chunks).
 *
 * @param options - {@link SimulatePowerOptions}
 * @returns {@link SimulatePowerResult}
 * @throws TiltakError `INVALID_INPUT` for bad options or a simulator that returns no p-value
 * @see docs/methods/power/simulation.md
 *
 * @example
 * ```ts
 * import { simulatePower, twoArmSimulator } from "@tiltak/power";
 * const simulate = twoArmSimulator({ outcome: "binary", n: 100, p1: 0.5, p2: 0.7 });
 * const result = simulatePower({ simulate, reps: 2000, seed: "stranna-2025" });
 * result.power > 0.75 && result.power < 0.87; // => true
 * result.reps; // => 2000
 * simulatePower({ simulate: () => 2, reps: 10, seed: "x" }); // => throws INVALID_INPUT
 * ```
 */
export function simulatePower(options: SimulatePowerOptions): SimulatePowerResult {
  const o = parseOptions(simulatePowerOptions, options);
  const rng = createRng(o.seed, o.algorithm === undefined ? {} : { algorithm: o.algorithm });
  const sigLevel = o.sigLevel ?? 0.05;
  const every = o.progressEvery ?? Math.max(1, Math.round(o.reps / 100));
  let rejections = 0;
  let done = 0;
  while (done < o.reps) {
    if (o.signal?.aborted) return finish(rejections, done, o, rng, true);
    if (pValueOf(o.simulate(rng), done + 1) <= sigLevel) rejections++;
    done++;
    if (o.onProgress !== undefined && (done % every === 0 || done === o.reps))
      o.onProgress({ done, reps: o.reps, rejections, power: rejections / done });
  }
  return finish(rejections, done, o, rng, false);
}

/**
 * {@link simulatePower} that yields to the event loop every `progressEvery` replicates, so a page or
 * notebook stays responsive and `signal` can cancel the run from outside. Same seed, same result as
 * the synchronous version.
 *
 * @param options - {@link SimulatePowerOptions}
 * @returns a promise of {@link SimulatePowerResult}; a cancelled run resolves with `cancelled: true`
 * @see docs/methods/power/simulation.md
 *
 * @example
 * ```ts
 * import { simulatePower, simulatePowerAsync, twoArmSimulator } from "@tiltak/power";
 * const simulate = twoArmSimulator({ outcome: "continuous", n: 64, delta: 0.5 });
 * const a = await simulatePowerAsync({ simulate, reps: 500, seed: "s" });
 * a.power === simulatePower({ simulate, reps: 500, seed: "s" }).power; // => true
 * ```
 */
export async function simulatePowerAsync(options: SimulatePowerOptions): Promise<SimulatePowerResult> {
  const o = parseOptions(simulatePowerOptions, options);
  const rng = createRng(o.seed, o.algorithm === undefined ? {} : { algorithm: o.algorithm });
  const sigLevel = o.sigLevel ?? 0.05;
  const every = o.progressEvery ?? Math.max(1, Math.round(o.reps / 100));
  let rejections = 0;
  let done = 0;
  while (done < o.reps) {
    if (o.signal?.aborted) return finish(rejections, done, o, rng, true);
    if (pValueOf(o.simulate(rng), done + 1) <= sigLevel) rejections++;
    done++;
    if (done % every === 0 || done === o.reps) {
      o.onProgress?.({ done, reps: o.reps, rejections, power: rejections / done });
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
  return finish(rejections, done, o, rng, false);
}

/**
 * A binomial(n, p) draw by inversion (sequential search from 0 on the recurrence
 * P(k + 1) = P(k)·(n − k)/(k + 1)·p/q), one uniform per draw; p > 1/2 by symmetry, and large n split
 * into chunks so that qⁿ never underflows. Exact; O(np) work. For writing simulators for
 * {@link simulatePower}.
 *
 * @param rng - a generator from `createRng` (`@tiltak/core`)
 * @param n - number of trials, an integer >= 0
 * @param p - success probability in [0, 1]
 * @returns the number of successes
 * @throws TiltakError `INVALID_INPUT` for a bad `n` or `p`
 * @see docs/methods/power/simulation.md
 *
 * @example
 * ```ts
 * import { createRng } from "@tiltak/core";
 * import { drawBinomial } from "@tiltak/power";
 * const x = drawBinomial(createRng("draw"), 500, 0.3);
 * Number.isInteger(x) && x >= 0 && x <= 500; // => true
 * drawBinomial(createRng("draw"), 10, 1.5); // => throws INVALID_INPUT "p must be a probability in [0, 1], got 1.5"
 * ```
 */
export function drawBinomial(rng: Rng, n: number, p: number): number {
  if (!(Number.isInteger(n) && n >= 0)) invalidInput("n", "must be an integer >= 0", n);
  if (!(p >= 0 && p <= 1)) invalidInput("p", "must be a probability in [0, 1]", p);
  if (p <= 0 || n === 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - drawBinomial(rng, n, 1 - p);
  const q = 1 - p;
  const logQ = Math.log(q);
  const chunk = Math.max(1, Math.floor(-600 / logQ));
  let total = 0;
  let remaining = n;
  while (remaining > 0) {
    const m = Math.min(remaining, chunk);
    remaining -= m;
    const ratio = p / q;
    let pk = Math.exp(m * logQ);
    let cumulative = pk;
    const u = rng.uniform();
    let k = 0;
    while (u >= cumulative && k < m) {
      pk *= (ratio * (m - k)) / (k + 1);
      k++;
      cumulative += pk;
    }
    total += k;
  }
  return total;
}

/** A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), with the boost for shape < 1. */
function drawGamma(rng: Rng, shape: number): number {
  if (shape < 1) return drawGamma(rng, shape + 1) * (1 - rng.uniform()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Options of {@link twoArmSimulator}. */
export interface TwoArmSimulatorOptions {
  /** `"binary"` or `"continuous"`. */
  outcome: "binary" | "continuous";
  /** Individually randomised: participants per arm (or give `n1` and `n2`). */
  n?: number | undefined;
  /** Individually randomised: participants in the control arm. */
  n1?: number | undefined;
  /** Individually randomised: participants in the treated arm. */
  n2?: number | undefined;
  /** Cluster randomised: total clusters, split evenly (the treated arm gets the odd one). */
  clusters?: number | undefined;
  /** Cluster randomised: individuals per cluster. */
  clusterSize?: number | undefined;
  /** Cluster randomised: intracluster correlation in [0, 1). */
  icc?: number | undefined;
  /** Binary: proportion in the control arm. */
  p1?: number | undefined;
  /** Binary: proportion in the treated arm. */
  p2?: number | undefined;
  /** Continuous: difference in means, treated minus control. */
  delta?: number | undefined;
  /** Continuous: total standard deviation of the outcome; default 1. */
  sd?: number | undefined;
}

/**
 * Schema of {@link TwoArmSimulatorOptions} (zod), for validating options before calling.
 *
 * @example
 * ```ts
 * import { twoArmSimulatorOptions } from "@tiltak/power";
 * twoArmSimulatorOptions.safeParse({ outcome: "binary", n: 100, p1: 0.5, p2: 0.7 }).success; // => true
 * twoArmSimulatorOptions.safeParse({ outcome: "count", n: 100 }).success; // => false
 * ```
 */
export const twoArmSimulatorOptions: z.ZodMiniType<TwoArmSimulatorOptions> = z.strictObject({
  outcome: z.enum(["binary", "continuous"]),
  n: z.optional(integerAtLeast(2)),
  n1: z.optional(integerAtLeast(1)),
  n2: z.optional(integerAtLeast(1)),
  clusters: z.optional(integerAtLeast(4)),
  clusterSize: z.optional(integerAtLeast(1)),
  icc: z.optional(numberIn(0, 1, "[)")),
  p1: z.optional(numberIn(0, 1, "[]")),
  p2: z.optional(numberIn(0, 1, "[]")),
  delta: z.optional(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
  sd: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "()")),
});

function tTestP(mean1: number, mean2: number, ss: number, n1: number, n2: number): number {
  const df = n1 + n2 - 2;
  const variance = ss / df;
  if (!(variance > 0)) return mean1 === mean2 ? 1 : 0;
  const t = (mean2 - mean1) / Math.sqrt(variance * (1 / n1 + 1 / n2));
  return 2 * studentT.cdf(-Math.abs(t), df);
}

/**
 * A ready-made data generator and analysis for {@link simulatePower}: a two-arm trial with a binary or
 * continuous outcome, individually or cluster randomised. Each call draws one trial and returns its
 * two-sided p-value:
 *
 * - individual, binary: two binomial counts; the two-proportion z test with pooled variance (equal to
 *   the chi-square test without continuity correction, R `prop.test(correct = FALSE)`);
 * - individual, continuous: normal outcomes; the pooled-variance two-sample t test;
 * - cluster, binary: each cluster's proportion from a beta distribution with the given mean and ICC
 *   (beta-binomial), then a binomial count; the t test on cluster proportions (df = clusters − 2);
 * - cluster, continuous: random cluster effects N(0, icc·sd²) and individual errors; the t test on
 *   cluster means (df = clusters − 2).
 *
 * @param options - {@link TwoArmSimulatorOptions}
 * @returns a function `(rng) => p-value`
 * @throws TiltakError `INVALID_INPUT` for a missing or inconsistent parameter
 * @see docs/methods/power/simulation.md
 *
 * @example
 * ```ts
 * import { createRng } from "@tiltak/core";
 * import { twoArmSimulator } from "@tiltak/power";
 * const simulate = twoArmSimulator({ outcome: "binary", clusters: 20, clusterSize: 15, icc: 0.05, p1: 0.5, p2: 0.7 });
 * const p = simulate(createRng("kystbyen"));
 * p >= 0 && p <= 1; // => true
 * twoArmSimulator({ outcome: "binary", n: 100 }); // => throws INVALID_INPUT
 * ```
 */
export function twoArmSimulator(options: TwoArmSimulatorOptions): (rng: Rng) => number {
  const o = parseOptions(twoArmSimulatorOptions, options);
  const clustered = o.clusters !== undefined || o.clusterSize !== undefined || o.icc !== undefined;
  if (o.outcome === "binary") {
    if (o.p1 === undefined)
      invalidInput("p1", "is required for a binary outcome (control proportion in [0, 1])", o.p1);
    if (o.p2 === undefined)
      invalidInput("p2", "is required for a binary outcome (treated proportion in [0, 1])", o.p2);
    if (o.delta !== undefined || o.sd !== undefined)
      invalidInput("delta", "and sd are for continuous outcomes; give p1 and p2", o.delta ?? o.sd);
  } else {
    if (o.delta === undefined)
      invalidInput("delta", "is required for a continuous outcome (difference in means)", o.delta);
    if (o.p1 !== undefined || o.p2 !== undefined)
      invalidInput("p1", "and p2 are for binary outcomes; give delta (and sd)", o.p1 ?? o.p2);
  }
  const sd = o.sd ?? 1;
  if (clustered) {
    if (o.clusters === undefined)
      invalidInput("clusters", "is required for a cluster-randomised trial (an integer >= 4)", o.clusters);
    if (o.clusterSize === undefined)
      invalidInput("clusterSize", "is required for a cluster-randomised trial", o.clusterSize);
    if (o.icc === undefined)
      invalidInput("icc", "is required for a cluster-randomised trial (in [0, 1))", o.icc);
    if (o.n !== undefined || o.n1 !== undefined || o.n2 !== undefined)
      invalidInput(
        "n",
        "is for individually randomised trials; give clusters and clusterSize",
        o.n ?? o.n1 ?? o.n2,
      );
    const j1 = Math.floor(o.clusters / 2);
    const j2 = o.clusters - j1;
    const m = o.clusterSize;
    const icc = o.icc;
    const clusterValue =
      o.outcome === "binary"
        ? (rng: Rng, p: number): number => {
            let pj = p;
            if (icc > 0 && p > 0 && p < 1) {
              const a = (p * (1 - icc)) / icc;
              const b = ((1 - p) * (1 - icc)) / icc;
              const x = drawGamma(rng, a);
              pj = x / (x + drawGamma(rng, b));
            }
            return drawBinomial(rng, m, pj) / m;
          }
        : (rng: Rng, mean: number): number =>
            mean + sd * Math.sqrt(icc) * rng.normal() + sd * Math.sqrt((1 - icc) / m) * rng.normal();
    const mean1 = o.outcome === "binary" ? (o.p1 as number) : 0;
    const mean2 = o.outcome === "binary" ? (o.p2 as number) : (o.delta as number);
    return (rng: Rng): number => {
      let s1 = 0;
      let ss1 = 0;
      for (let j = 0; j < j1; j++) {
        const y = clusterValue(rng, mean1);
        s1 += y;
        ss1 += y * y;
      }
      let s2 = 0;
      let ss2 = 0;
      for (let j = 0; j < j2; j++) {
        const y = clusterValue(rng, mean2);
        s2 += y;
        ss2 += y * y;
      }
      const ss = ss1 - (s1 * s1) / j1 + ss2 - (s2 * s2) / j2;
      return tTestP(s1 / j1, s2 / j2, Math.max(0, ss), j1, j2);
    };
  }
  const n1 = o.n1 ?? o.n;
  const n2 = o.n2 ?? o.n;
  if (n1 === undefined || n2 === undefined)
    invalidInput(
      "n",
      "is required: participants per arm (or n1 and n2), or clusters for a cluster trial",
      o.n,
    );
  if (o.outcome === "binary") {
    const p1 = o.p1 as number;
    const p2 = o.p2 as number;
    return (rng: Rng): number => {
      const x1 = drawBinomial(rng, n1, p1);
      const x2 = drawBinomial(rng, n2, p2);
      const pooled = (x1 + x2) / (n1 + n2);
      if (pooled <= 0 || pooled >= 1) return 1;
      const z = (x2 / n2 - x1 / n1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
      return 2 * normal.cdf(-Math.abs(z));
    };
  }
  const delta = o.delta as number;
  return (rng: Rng): number => {
    let s1 = 0;
    let ss1 = 0;
    for (let i = 0; i < n1; i++) {
      const y = sd * rng.normal();
      s1 += y;
      ss1 += y * y;
    }
    let s2 = 0;
    let ss2 = 0;
    for (let i = 0; i < n2; i++) {
      const y = delta + sd * rng.normal();
      s2 += y;
      ss2 += y * y;
    }
    const ss = ss1 - (s1 * s1) / n1 + ss2 - (s2 * s2) / n2;
    return tTestP(s1 / n1, s2 / n2, Math.max(0, ss), n1, n2);
  };
}
