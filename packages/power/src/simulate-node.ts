import Tinypool from "tinypool";
import type { ReplicateTask, ReplicateTaskResult } from "./simulate.js";
import { type ReplicatePool, tasksPerThread } from "./simulate-threads.js";

// Run from TypeScript source (tests, benches), the worker thread loads a small bootstrap that registers tsx
// and the same `@tiltak/source` export condition; built, it loads the compiled worker directly.
const fromSource = import.meta.url.endsWith(".ts");

let cached: { threads: number; pool: Tinypool } | undefined;

/**
 * A tinypool pool of worker threads running `simulate-worker`, kept between runs so a sweep over design
 * points starts its threads once (idle threads do not keep the process alive and end after 30 s). The
 * pool grows to the largest `workers` asked for; a run never has more than `workers` tasks in flight, so it
 * uses at most that many threads. A pool replaced by a larger one is left to finish its tasks and idle out.
 */
export function openPool(workers: number): ReplicatePool {
  if (cached === undefined || cached.threads < workers) {
    cached = {
      threads: workers,
      pool: new Tinypool({
        filename: new URL(
          fromSource ? "./simulate-worker-source.mjs" : "./simulate-worker.js",
          import.meta.url,
        ).href,
        minThreads: 0,
        maxThreads: workers,
        // A thread holds its next task while it runs one, so it starts the next at once instead of idling
        // while the main thread hears of the finished task and sends another.
        concurrentTasksPerWorker: tasksPerThread,
        idleTimeout: 30000,
        ...(fromSource ? { execArgv: ["--conditions=@tiltak/source"] } : {}),
      }),
    };
  }
  const pool = cached.pool;
  return {
    run: (task: ReplicateTask): Promise<ReplicateTaskResult> => pool.run(task),
    close: async (): Promise<void> => {},
  };
}
