import { type ReplicateTask, type ReplicateTaskResult, runReplicateTask } from "./simulate.js";

/** The task function of a Node worker thread (tinypool calls the default export). */
export default function runTask(task: ReplicateTask): ReplicateTaskResult {
  return runReplicateTask(task);
}

interface WorkerScope {
  WorkerGlobalScope?: unknown;
  addEventListener(
    type: "message",
    listener: (event: { data: { id: number; task: ReplicateTask } }) => void,
  ): void;
  postMessage(message: { id: number; result: ReplicateTaskResult }): void;
}

// In a browser Web Worker: answer each { id, task } message with { id, result }.
const scope = globalThis as unknown as WorkerScope;
if (scope.WorkerGlobalScope !== undefined && typeof scope.postMessage === "function") {
  scope.addEventListener("message", (event) => {
    scope.postMessage({ id: event.data.id, result: runReplicateTask(event.data.task) });
  });
}
