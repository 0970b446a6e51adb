// simulatePowerAsync on worker threads: the result for a seed is the same with any number of workers
// (replicates draw from per-block generators, never from the order tasks finish), progress and cancellation
// work across threads, and what cannot cross a thread is refused clearly. Exact comparisons: no tolerance.
import { isTiltakError } from "@tiltak/core";
import {
  type ReplicateTask,
  replicatesPerStream,
  runReplicateTask,
  type SimulatorSpec,
  simulatePower,
  simulatePowerAsync,
  twoArmSimulator,
} from "@tiltak/power";
import { describe, expect, it } from "vitest";

// The first run starts the worker threads, which load tiltak from its TypeScript source: allow for that.
const slow = 120000;

const binary: SimulatorSpec = { kind: "two-arm", outcome: "binary", n: 40, p1: 0.3, p2: 0.55 };
const clustered: SimulatorSpec = {
  kind: "two-arm",
  outcome: "continuous",
  clusters: 10,
  clusterSize: 8,
  icc: 0.1,
  delta: 0.5,
};

describe("simulatePowerAsync with workers", () => {
  it(
    "gives identical results with 1, 2 and 3 workers, equal to the synchronous run",
    async () => {
      for (const spec of [binary, clustered]) {
        const reps = 2345; // not a multiple of the block size: the last block is partial
        const sync = simulatePower({ simulate: spec, reps, seed: "same-everywhere" });
        for (const workers of [1, 2, 3]) {
          const threaded = await simulatePowerAsync({
            simulate: spec,
            reps,
            seed: "same-everywhere",
            workers,
          });
          expect(threaded).toEqual(sync);
        }
      }
      // A function from twoArmSimulator carries its spec, so it may cross threads too.
      const { kind: _kind, ...options } = binary;
      const viaFunction = await simulatePowerAsync({
        simulate: twoArmSimulator(options),
        reps: 700,
        seed: "fn",
        workers: 2,
      });
      expect(viaFunction).toEqual(simulatePower({ simulate: binary, reps: 700, seed: "fn" }));
    },
    slow,
  );

  it(
    "reports progress as tasks finish, ending at the full count",
    async () => {
      const seen: { done: number; rejections: number }[] = [];
      const result = await simulatePowerAsync({
        simulate: binary,
        reps: 3000,
        seed: "progress",
        workers: 2,
        progressEvery: 500,
        onProgress: ({ done, rejections }) => seen.push({ done, rejections }),
      });
      expect(seen.length).toBeGreaterThanOrEqual(6);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]?.done).toBeGreaterThan(seen[i - 1]?.done as number);
        expect(seen[i]?.rejections).toBeGreaterThanOrEqual(seen[i - 1]?.rejections as number);
      }
      expect(seen.at(-1)).toEqual({ done: 3000, rejections: result.rejections });
    },
    slow,
  );

  it(
    "stops on cancellation with a partial result of whole tasks, and throws if nothing was done",
    async () => {
      const controller = new AbortController();
      const result = await simulatePowerAsync({
        simulate: binary,
        reps: 20000,
        seed: "cancel",
        workers: 2,
        progressEvery: 100,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      expect(result.cancelled).toBe(true);
      expect(result.requestedReps).toBe(20000);
      expect(result.reps).toBeGreaterThan(0);
      expect(result.reps).toBeLessThan(20000);
      expect(result.reps % replicatesPerStream).toBe(0);
      await expect(
        simulatePowerAsync({
          simulate: binary,
          reps: 1000,
          seed: "x",
          workers: 2,
          signal: AbortSignal.abort(),
        }),
      ).rejects.toThrow(/cancelled before the first replicate/);
    },
    slow,
  );

  it("refuses what cannot cross a thread, and threads in the synchronous function", async () => {
    const error = await simulatePowerAsync({ simulate: () => 0.5, reps: 10, seed: "x", workers: 2 }).catch(
      (e: unknown) => e,
    );
    expect(isTiltakError(error, "INVALID_INPUT")).toBe(true);
    expect((error as Error).message).toMatch(/simulate is a hand-written function, which cannot be sent/);
    expect(() => simulatePower({ simulate: binary, reps: 10, seed: "x", workers: 2 })).toThrow(
      /workers must be 1 in the synchronous simulatePower \(use simulatePowerAsync for threads\), got 2/,
    );
    // A bad spec is caught on this thread before any worker starts.
    await expect(
      simulatePowerAsync({
        simulate: { kind: "two-arm", outcome: "binary", n: 40 },
        reps: 10,
        seed: "x",
        workers: 2,
      }),
    ).rejects.toThrow(/p1 is required/);
    // A hand-written function still runs with workers: 1.
    expect((await simulatePowerAsync({ simulate: () => 0.01, reps: 10, seed: "x", workers: 1 })).power).toBe(
      1,
    );
  });

  it("a task's counts are those of the same replicates in a whole run; tasks start on a block", () => {
    const task = { spec: binary, seed: "t", algorithm: "xor4096" as const, sigLevel: 0.05 };
    const whole = simulatePower({ simulate: binary, reps: 450, seed: "t" });
    let rejections = 0;
    for (const [first, count] of [
      [0, 200],
      [200, 100],
      [300, 150],
    ] as const)
      rejections += runReplicateTask({ ...task, first, count }).rejections;
    expect(rejections).toBe(whole.rejections);
    expect(runReplicateTask({ ...task, first: 50, count: 10 }).error?.message).toMatch(
      /first must be a multiple of 100, got 50/,
    );
  });
});

describe("the browser's Web Worker pool", () => {
  // A stand-in for the Web Worker API: each "worker" answers its messages in order, later, on this thread,
  // with what simulate-worker answers in a real Web Worker. It checks the pool's bookkeeping: tasks per
  // worker, answers matched to tasks by id, refusal past capacity, and closing.
  class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { message: string }) => void) | null = null;
    private queue: Promise<void> = Promise.resolve();
    postMessage(message: { id: number; task: ReplicateTask }): void {
      this.queue = this.queue
        .then(() => new Promise((resolve) => setTimeout(resolve, 1)))
        .then(() => this.onmessage?.({ data: { id: message.id, result: runReplicateTask(message.task) } }));
    }
    terminate(): void {}
  }
  const spec = { kind: "two-arm", outcome: "binary", n: 40, p1: 0.3, p2: 0.6 } as const;
  const task = (first: number): ReplicateTask => ({
    spec,
    seed: "pool",
    algorithm: "xor4096",
    sigLevel: 0.05,
    first,
    count: 100,
  });

  it("gives each worker two tasks at a time and returns each task's own counts", async () => {
    const original = (globalThis as { Worker?: unknown }).Worker;
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    try {
      const { openPool } = await import("../src/simulate-browser.js");
      const pool = openPool(2);
      const runs = [0, 100, 200, 300].map((first) => pool.run(task(first)));
      await expect(pool.run(task(400))).rejects.toThrow(/no free Web Worker/);
      const results = await Promise.all(runs);
      for (const [i, result] of results.entries()) expect(result).toEqual(runReplicateTask(task(100 * i)));
      const total = results.reduce((sum, r) => sum + r.rejections, 0);
      expect(total).toBe(simulatePower({ simulate: spec, reps: 400, seed: "pool" }).rejections);
      const pending = pool.run(task(400));
      await pool.close();
      await expect(pending).rejects.toThrow(/closed/);
    } finally {
      (globalThis as { Worker?: unknown }).Worker = original;
    }
  });
});
