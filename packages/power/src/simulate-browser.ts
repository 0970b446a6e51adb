import type { ReplicateTask, ReplicateTaskResult } from "./simulate.js";
import { type ReplicatePool, tasksPerThread } from "./simulate-threads.js";

interface Pending {
  resolve: (result: ReplicateTaskResult) => void;
  reject: (error: unknown) => void;
}

/**
 * `workers` module Web Workers running `simulate-worker` (bundlers see the `new URL(…, import.meta.url)`
 * pattern and emit the worker as its own chunk); they are terminated when the run is over. Each worker is
 * given up to {@link tasksPerThread} tasks at a time (it answers them in order).
 */
export function openPool(workers: number): ReplicatePool {
  const threads: { worker: Worker; pending: Map<number, Pending> }[] = [];
  let nextId = 0;
  for (let i = 0; i < workers; i++) {
    const worker = new Worker(new URL("./simulate-worker.js", import.meta.url), { type: "module" });
    const pending = new Map<number, Pending>();
    worker.onmessage = (event: MessageEvent<{ id: number; result: ReplicateTaskResult }>): void => {
      const task = pending.get(event.data.id);
      pending.delete(event.data.id);
      task?.resolve(event.data.result);
    };
    worker.onerror = (event: ErrorEvent): void => {
      for (const task of pending.values()) task.reject(new Error(`Web Worker failed: ${event.message}`));
      pending.clear();
    };
    threads.push({ worker, pending });
  }
  return {
    run: (task: ReplicateTask): Promise<ReplicateTaskResult> =>
      new Promise((resolve, reject) => {
        let thread = threads[0];
        for (const candidate of threads)
          if (thread === undefined || candidate.pending.size < thread.pending.size) thread = candidate;
        if (thread === undefined || thread.pending.size >= tasksPerThread) {
          reject(new Error("no free Web Worker (more tasks in flight than the workers take)"));
          return;
        }
        const id = nextId++;
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, task });
      }),
    close: async (): Promise<void> => {
      for (const { worker, pending } of threads) {
        worker.terminate();
        for (const { reject } of pending.values())
          reject(new Error("the simulation's Web Workers were closed"));
        pending.clear();
      }
    },
  };
}
