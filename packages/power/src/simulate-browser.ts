import type { ReplicateTask, ReplicateTaskResult } from "./simulate.js";
import type { ReplicatePool } from "./simulate-threads.js";

/**
 * `workers` module Web Workers running `simulate-worker` (bundlers see the `new URL(…, import.meta.url)`
 * pattern and emit the worker as its own chunk); they are terminated when the run is over.
 */
export function openBrowserPool(workers: number): ReplicatePool {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const pending = new Map<
    number,
    { resolve: (r: ReplicateTaskResult) => void; reject: (e: unknown) => void }
  >();
  let nextId = 0;
  for (let i = 0; i < workers; i++) {
    const worker = new Worker(new URL("./simulate-worker.js", import.meta.url), { type: "module" });
    all.push(worker);
    idle.push(worker);
  }
  const settle = (worker: Worker, id: number): void => {
    idle.push(worker);
    pending.delete(id);
  };
  return {
    run: (task: ReplicateTask): Promise<ReplicateTaskResult> =>
      new Promise((resolve, reject) => {
        const worker = idle.pop();
        if (worker === undefined) {
          reject(new Error("no idle Web Worker (more tasks in flight than workers)"));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.onmessage = (event: MessageEvent<{ id: number; result: ReplicateTaskResult }>): void => {
          settle(worker, id);
          resolve(event.data.result);
        };
        worker.onerror = (event: ErrorEvent): void => {
          settle(worker, id);
          reject(new Error(`Web Worker failed: ${event.message}`));
        };
        worker.postMessage({ id, task });
      }),
    close: async (): Promise<void> => {
      for (const worker of all) worker.terminate();
      for (const { reject } of pending.values())
        reject(new Error("the simulation's Web Workers were closed"));
    },
  };
}
