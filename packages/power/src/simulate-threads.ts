import type { ReplicateTask, ReplicateTaskResult } from "./simulate.js";

/**
 * Tasks a thread is given at a time: it runs one and holds the next, so it never waits for the main thread
 * between tasks (tasks are synchronous: a thread still runs one at a time).
 */
export const tasksPerThread = 2;

/** Threads that run {@link ReplicateTask}s, at most {@link tasksPerThread} tasks per thread at a time. */
export interface ReplicatePool {
  /** Runs one task on the thread with the fewest tasks. */
  run(task: ReplicateTask): Promise<ReplicateTaskResult>;
  /** Called when the run is over: frees the threads, or keeps them for the next run. */
  close(): Promise<void>;
}

function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof process?.versions?.node === "string";
}

/**
 * A pool of `workers` threads: worker threads (tinypool) in Node, Web Workers in a browser, `undefined`
 * where neither exists (the run then stays on this thread, with the same result). The runners are loaded
 * only here, so the package stays isomorphic and a single-thread run loads neither.
 */
export async function openReplicatePool(workers: number): Promise<ReplicatePool | undefined> {
  // "#replicate-pool" is the package's own import map (package.json "imports"): the tinypool runner under
  // the "node" condition, the Web Worker runner otherwise, so a browser bundle never sees node: modules.
  if (!isNode() && typeof Worker !== "function") return undefined;
  return (await import("#replicate-pool")).openPool(workers);
}
