// Runs every example in examples/ (TypeScript through tsx, with the source export condition) so that
// none of them can rot. An example fails the run if it exits non-zero.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const examples = readdirSync(join(root, "examples"))
  .filter((name) => name.endsWith(".ts") && !name.startsWith("_"))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
const tsx = join(root, "node_modules", ".bin", "tsx");
let failed = 0;
for (const name of examples) {
  const started = performance.now();
  const run = spawnSync(tsx, ["--conditions=@tiltak/source", join("examples", name)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TILTAK_EXAMPLE_QUIET: "1" },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) {
    console.log(`example ${name}: ok (${seconds} s)`);
  } else {
    failed++;
    console.log(`example ${name}: FAILED (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  }
}
// Notebooks (examples/*.ipynb) run in the real Deno kernel: `pnpm test:notebooks`.
console.log(`examples: ${examples.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
