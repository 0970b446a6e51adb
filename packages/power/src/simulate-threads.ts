import type { ReplicateTask, ReplicateTaskResult } from "./simulate.js";

/** Threads that run {@link ReplicateTask}s, at most one task per thread at a time. */
export interface ReplicatePool {
  /** Runs one task on an idle thread. */
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
  if (isNode()) return (await import("./simulate-node.js")).openNodePool(workers);
  if (typeof Worker === "function") return (await import("./simulate-browser.js")).openBrowserPool(workers);
  return undefined;
}
