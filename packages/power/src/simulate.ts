import {
  createRng,
  defaultRngAlgorithm,
  describeValue,
  integerAtLeast,
  invalidInput,
  isTiltakError,
  numberIn,
  parseOptions,
  type Rng,
  type RngAlgorithm,
  rngAlgorithms,
  TiltakError,
  type TiltakErrorCode,
  type TiltakIssue,
  tiltakVersion,
} from "@tiltak/core";
import { normal, studentT } from "@tiltak/stats";
import * as z from "zod/mini";
import { openReplicatePool, type ReplicatePool, tasksPerThread } from "./simulate-threads.js";

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

/**
 * A built-in simulator described as data, so it can be sent to worker threads: `{ kind: "two-arm", … }`
 * with the options of {@link twoArmSimulator}. A function returned by `twoArmSimulator` carries its spec,
 * so it can be passed as `simulate` with `workers > 1` too; a hand-written function cannot cross threads.
 */
export type SimulatorSpec = { kind: "two-arm" } & TwoArmSimulatorOptions;

/**
 * Replicates that share one generator: replicates `b·100 + 1 … (b + 1)·100` (block `b`, from 0) draw from
 * `createRng(\`${seed}/${b}\`)`. Fixed for the life of the package, so a seed gives the same result with
 * any number of workers, and the first k replicates of a run are those of a run of k replicates.
 *
 * @example
 * ```ts
 * import { replicatesPerStream } from "@tiltak/power";
 * replicatesPerStream; // => 100
 * ```
 */
export const replicatesPerStream: number = 100;

/** Options of {@link simulatePower}. */
export interface SimulatePowerOptions {
  /**
   * Generates one data set with the given generator, analyses it and returns the p-value (or `{ p }`).
   * Draw every random number from `rng`, so the run is reproducible from `seed`. Or a {@link SimulatorSpec}
   * (needed with `workers > 1` unless the function came from {@link twoArmSimulator}).
   */
  simulate: ((rng: Rng) => SimulationOutcome) | SimulatorSpec;
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
  /**
   * Threads to run on ({@link simulatePowerAsync} only): worker threads in Node (a tinypool pool kept
   * between calls), Web Workers in a browser. Default 1 (this thread). The result does not depend on it.
   */
  workers?: number | undefined;
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
  simulate: z.custom<((rng: Rng) => SimulationOutcome) | SimulatorSpec>(
    (value) =>
      typeof value === "function" ||
      (typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "two-arm"),
    { error: 'must be a function (rng) => p-value or a simulator spec { kind: "two-arm", … }' },
  ),
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
  workers: z.optional(integerAtLeast(1)),
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
    seed: o.seed,
    algorithm: o.algorithm ?? defaultRngAlgorithm,
    tiltakVersion,
    method: "Monte Carlo power: share of replicates with p <= sigLevel",
  };
}

/** Specs of the functions {@link twoArmSimulator} returned, so they can be sent to worker threads. */
const specOfFunction = new WeakMap<object, SimulatorSpec>();

function simulatorOf(simulate: SimulatePowerOptions["simulate"]): (rng: Rng) => SimulationOutcome {
  if (typeof simulate === "function") return simulate;
  const { kind: _kind, ...options } = simulate;
  return twoArmSimulator(options);
}

function specOf(simulate: SimulatePowerOptions["simulate"]): SimulatorSpec | undefined {
  return typeof simulate === "function" ? specOfFunction.get(simulate) : simulate;
}

/**
 * Runs replicates `index`, `index + 1`, … in order (the first a multiple of {@link replicatesPerStream}):
 * each returns whether its replicate rejected, drawing from the generator of its block.
 */
function replicateRunner(
  simulate: (rng: Rng) => SimulationOutcome,
  seed: string,
  algorithm: RngAlgorithm,
  sigLevel: number,
): (index: number) => boolean {
  let block = -1;
  let rng: Rng | undefined;
  return (index) => {
    const b = Math.floor(index / replicatesPerStream);
    if (b !== block || rng === undefined) {
      block = b;
      rng = createRng(`${seed}/${b}`, { algorithm });
    }
    return pValueOf(simulate(rng), index + 1) <= sigLevel;
  };
}

/** One share of a simulation for a thread: replicates `first … first + count − 1` (0-based). */
export interface ReplicateTask {
  /** The simulator, as data. */
  spec: SimulatorSpec;
  /** Seed of the run. */
  seed: string;
  /** Generator algorithm. */
  algorithm: RngAlgorithm;
  /** Significance level. */
  sigLevel: number;
  /** First replicate, 0-based; a multiple of {@link replicatesPerStream}. */
  first: number;
  /** Number of replicates, >= 1. */
  count: number;
}

/** What a thread returns for a {@link ReplicateTask}: counts, or the error a replicate threw. */
export interface ReplicateTaskResult {
  /** Replicates done. */
  done: number;
  /** Rejections among them. */
  rejections: number;
  /** The error of the first failing replicate, if one failed (errors do not keep their class across threads). */
  error?: { code: TiltakErrorCode; message: string; issues: TiltakIssue[] } | undefined;
}

/**
 * Runs one {@link ReplicateTask}: what each worker thread of {@link simulatePowerAsync} does. Counts are the
 * same as those of the same replicates in a run on one thread, because every block of
 * {@link replicatesPerStream} replicates has its own generator.
 *
 * @param task - {@link ReplicateTask}
 * @returns {@link ReplicateTaskResult}; a failing replicate is returned as `error`, not thrown
 *
 * @example
 * ```ts
 * import { runReplicateTask, simulatePower } from "@tiltak/power";
 * const spec = { kind: "two-arm", outcome: "binary", n: 50, p1: 0.3, p2: 0.6 } as const;
 * const a = runReplicateTask({ spec, seed: "s", algorithm: "xor4096", sigLevel: 0.05, first: 0, count: 100 });
 * const b = runReplicateTask({ spec, seed: "s", algorithm: "xor4096", sigLevel: 0.05, first: 100, count: 100 });
 * a.rejections + b.rejections === simulatePower({ simulate: spec, reps: 200, seed: "s" }).rejections; // => true
 * ```
 */
export function runReplicateTask(task: ReplicateTask): ReplicateTaskResult {
  let done = 0;
  let rejections = 0;
  try {
    if (!(Number.isInteger(task.first) && task.first >= 0 && task.first % replicatesPerStream === 0))
      invalidInput("first", `must be a multiple of ${replicatesPerStream}`, task.first);
    const replicate = replicateRunner(simulatorOf(task.spec), task.seed, task.algorithm, task.sigLevel);
    for (; done < task.count; done++) if (replicate(task.first + done)) rejections++;
    return { done, rejections };
  } catch (error) {
    if (!isTiltakError(error)) throw error;
    return { done, rejections, error: { code: error.code, message: error.message, issues: error.issues } };
  }
}

/**
 * Power by simulation: runs `simulate(rng)` `reps` times and reports the share of p-values at or below
 * `sigLevel`, its Monte Carlo standard error √(p(1 − p)/reps) and a Wilson interval. Replicates come in
 * blocks of {@link replicatesPerStream}, block `b` drawing from `createRng(\`${seed}/${b}\`)` (`@tiltak/core`),
 * so the same seed gives the same result on every platform and with any number of worker threads
 * ({@link simulatePowerAsync}).
 *
 * Runs synchronously on this thread. `onProgress` is called every `progressEvery` replicates; if `signal` is
 * aborted (for example from inside `onProgress`), the run stops after the current replicate and returns a
 * **partial result** with `cancelled: true` and `reps` = the replicates done (it throws
 * `NOT_CONVERGED` only if no replicate was done). Use {@link simulatePowerAsync} to be cancellable from
 * outside (it yields to the event loop between chunks) or to use several threads.
 *
 * @param options - {@link SimulatePowerOptions}
 * @returns {@link SimulatePowerResult}
 * @throws TiltakError `INVALID_INPUT` for bad options, `workers > 1` (use {@link simulatePowerAsync}) or a
 * simulator that returns no p-value
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
 * simulatePower({ simulate, reps: 10, seed: "x", workers: 2 }); // => throws INVALID_INPUT "workers must be 1 in the synchronous simulatePower (use simulatePowerAsync for threads), got 2"
 * ```
 */
export function simulatePower(options: SimulatePowerOptions): SimulatePowerResult {
  const o = parseOptions(simulatePowerOptions, options);
  if ((o.workers ?? 1) > 1)
    invalidInput(
      "workers",
      "must be 1 in the synchronous simulatePower (use simulatePowerAsync for threads)",
      o.workers,
    );
  const replicate = replicateRunner(
    simulatorOf(o.simulate),
    o.seed,
    o.algorithm ?? defaultRngAlgorithm,
    o.sigLevel ?? 0.05,
  );
  const every = o.progressEvery ?? Math.max(1, Math.round(o.reps / 100));
  let rejections = 0;
  let done = 0;
  while (done < o.reps) {
    if (o.signal?.aborted) return finish(rejections, done, o, true);
    if (replicate(done)) rejections++;
    done++;
    if (o.onProgress !== undefined && (done % every === 0 || done === o.reps))
      o.onProgress({ done, reps: o.reps, rejections, power: rejections / done });
  }
  return finish(rejections, done, o, false);
}

/**
 * {@link simulatePower} that yields to the event loop at progress points (every `progressEvery` replicates,
 * at most once per 10 ms), so a page or notebook stays responsive and `signal` can cancel the run from
 * outside; with `workers > 1` it runs on that many threads (worker threads from a tinypool pool in Node,
 * kept between calls; Web Workers in a browser; this thread where neither exists). Same seed, same result
 * as the synchronous version, whatever the number of workers.
 *
 * With workers, the replicates are sent in tasks of whole blocks; `onProgress` is called as tasks finish
 * (so `done` moves in steps of a task), and on cancellation no new task starts, the running ones finish,
 * and the partial result covers the tasks done. A simulator crossing threads must be data: a
 * {@link SimulatorSpec} or a function from {@link twoArmSimulator}; a hand-written function with
 * `workers > 1` is an `INVALID_INPUT` error.
 *
 * @param options - {@link SimulatePowerOptions}
 * @returns a promise of {@link SimulatePowerResult}; a cancelled run resolves with `cancelled: true`
 * @throws TiltakError `INVALID_INPUT` for bad options, or a hand-written simulator with `workers > 1`
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
  const simulate = simulatorOf(o.simulate);
  const algorithm = o.algorithm ?? defaultRngAlgorithm;
  const sigLevel = o.sigLevel ?? 0.05;
  const every = o.progressEvery ?? Math.max(1, Math.round(o.reps / 100));
  const workers = o.workers ?? 1;
  if (workers > 1) {
    const spec = specOf(o.simulate);
    if (spec === undefined) {
      const message =
        'is a hand-written function, which cannot be sent to worker threads: with workers > 1 pass a simulator spec ({ kind: "two-arm", … }) or a function from twoArmSimulator';
      throw new TiltakError("INVALID_INPUT", `simulate ${message}`, [{ path: ["simulate"], message }]);
    }
    const pool = await openReplicatePool(workers);
    if (pool !== undefined) {
      try {
        return await runOnPool(pool, workers, { spec, seed: o.seed, algorithm, sigLevel }, every, o);
      } finally {
        await pool.close();
      }
    }
  }
  const replicate = replicateRunner(simulate, o.seed, algorithm, sigLevel);
  let rejections = 0;
  let done = 0;
  // Yield at a progress point once 10 ms have passed since the last yield (a timer costs about 1 ms).
  let yielded = performance.now();
  while (done < o.reps) {
    if (o.signal?.aborted) return finish(rejections, done, o, true);
    if (replicate(done)) rejections++;
    done++;
    if (done % every === 0 || done === o.reps) {
      o.onProgress?.({ done, reps: o.reps, rejections, power: rejections / done });
      if (performance.now() - yielded >= 10) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        yielded = performance.now();
      }
    }
  }
  return finish(rejections, done, o, false);
}

/** Sends the run to `pool` in tasks of whole blocks, at most `workers` at a time, in replicate order. */
async function runOnPool(
  pool: ReplicatePool,
  workers: number,
  run: Omit<ReplicateTask, "first" | "count">,
  every: number,
  o: SimulatePowerOptions,
): Promise<SimulatePowerResult> {
  const blocks = Math.ceil(o.reps / replicatesPerStream);
  // About eight tasks per worker: the threads finish within an eighth of a share of each other, while a task
  // of a simple design (a replicate takes about a microsecond) still far outweighs its two messages, and the
  // main thread, which wakes once per finished task, takes little of the cores from the workers (at 10^5
  // replicates of a two-arm trial on 2 cores, 4, 8 and 16 tasks per worker gave 1.76–1.79×, 1.70–1.81× and
  // 1.56–1.67× median speed-ups over one worker: eight keeps the balance of more tasks at nearly the cost of
  // fewer). A task is no longer than progressEvery only when the caller asked for that granularity.
  const perWorker = Math.floor(blocks / (8 * workers));
  const blocksPerTask = Math.max(
    1,
    o.progressEvery === undefined ? perWorker : Math.min(perWorker, Math.floor(every / replicatesPerStream)),
  );
  const taskSize = blocksPerTask * replicatesPerStream;
  const tasks = Math.ceil(o.reps / taskSize);
  let next = 0;
  let inFlight = 0;
  let done = 0;
  let rejections = 0;
  const failures: { task: number; error: unknown }[] = [];
  await new Promise<void>((resolve) => {
    const launch = (): void => {
      while (
        inFlight < tasksPerThread * workers &&
        next < tasks &&
        failures.length === 0 &&
        !o.signal?.aborted
      ) {
        const task = next++;
        const first = task * taskSize;
        inFlight++;
        pool
          .run({ ...run, first, count: Math.min(taskSize, o.reps - first) })
          .then(
            (result) => {
              if (result.error !== undefined) {
                const { code, message, issues } = result.error;
                failures.push({ task, error: new TiltakError(code, message, issues) });
                return;
              }
              const before = done;
              done += result.done;
              rejections += result.rejections;
              if (Math.floor(done / every) > Math.floor(before / every) || done === o.reps)
                o.onProgress?.({ done, reps: o.reps, rejections, power: rejections / done });
            },
            (error: unknown) => {
              failures.push({ task, error });
            },
          )
          .finally(() => {
            inFlight--;
            launch();
          });
      }
      if (inFlight === 0) resolve();
    };
    launch();
  });
  if (failures.length > 0) {
    // The failure of the earliest task: the error a run on one thread would have met first.
    failures.sort((a, b) => a.task - b.task);
    throw (failures[0] as { error: unknown }).error;
  }
  return finish(rejections, done, o, done < o.reps);
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
 * @returns a function `(rng) => p-value`, which carries its options, so it can run on worker threads
 * ({@link simulatePowerAsync} with `workers`)
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
  const simulate = twoArmFunction(o);
  specOfFunction.set(simulate, { kind: "two-arm", ...o });
  return simulate;
}

function twoArmFunction(o: TwoArmSimulatorOptions): (rng: Rng) => number {
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
