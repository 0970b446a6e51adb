import type { CalcState, TaskError, TaskOutput } from "./state.js";

let worker: Worker | undefined;
let counter = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: TaskError) => void }>();

function getWorker(): Worker {
  if (worker === undefined) {
    worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent) => {
      const { id, output, error } = event.data as { id: number; output?: unknown; error?: TaskError };
      const entry = pending.get(id);
      if (entry === undefined) return;
      pending.delete(id);
      if (error) entry.reject(error);
      else entry.resolve(output);
    };
  }
  return worker;
}

/** Runs a calculator task in the Web Worker (the library is bundled there, not on the page's thread). */
export function runTask(task: string, state: CalcState, upload?: string): Promise<TaskOutput> {
  const id = ++counter;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    getWorker().postMessage({ id, task, state: { ...state }, upload });
  });
}

/** The bundled programme theories, for the theory viewer's picker. */
export function theoryChoices(): Promise<{ id: string; title: string }[]> {
  const id = ++counter;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    getWorker().postMessage({ id, task: "theoryChoices", state: {} });
  });
}

/** A strong random seed from the library's `newSeed` (128 bits from Web Crypto). */
export function newSeed(): Promise<string> {
  const id = ++counter;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    getWorker().postMessage({ id, task: "newSeed", state: {} });
  });
}
