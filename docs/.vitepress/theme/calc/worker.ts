/// <reference lib="webworker" />

import { drawSeed } from "./allocation-task.js";
import type { TaskError } from "./state.js";
import { tasks, theoryChoices } from "./tasks.js";

/** The page posts `{ id, task, state, upload? }`; the worker answers `{ id, output }` or `{ id, error }`. */
self.onmessage = async (event: MessageEvent) => {
  const { id, task, state, upload } = event.data as {
    id: number;
    task: string;
    state: Record<string, string>;
    upload?: string;
  };
  try {
    if (task === "newSeed") {
      self.postMessage({ id, output: drawSeed() });
      return;
    }
    if (task === "theoryChoices") {
      self.postMessage({ id, output: theoryChoices() });
      return;
    }
    const fn = tasks[task];
    if (fn === undefined) throw new Error(`no calculator task "${task}"`);
    const output = await fn(state, upload);
    self.postMessage({ id, output });
  } catch (thrown) {
    const error = thrown as { code?: string; message?: string };
    const message: TaskError = {
      code: error.code ?? "INVALID_INPUT",
      message: error.message ?? String(thrown),
    };
    self.postMessage({ id, error: message });
  }
};
