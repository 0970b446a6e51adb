// Runs the side-by-side benchmarks in bench/ (each prints its ratios against the peer implementation).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const benches = readdirSync(join(root, "bench"))
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
const tsx = join(root, "node_modules", ".bin", "tsx");
for (const name of benches) {
  console.log(`\n== ${name}`);
  spawnSync(tsx, ["--conditions=@tiltak/source", join("bench", name)], { cwd: root, stdio: "inherit" });
}
