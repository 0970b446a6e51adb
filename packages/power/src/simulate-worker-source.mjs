// Worker-thread entry when tiltak runs from its TypeScript source (tests, benches, notebooks without a
// build): registers tsx so the worker can load simulate-worker.ts. Built packages load simulate-worker.js.
import { register } from "tsx/esm/api";

register();
const worker = await import("./simulate-worker.ts");
export default worker.default;
