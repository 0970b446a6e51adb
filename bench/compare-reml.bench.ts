// REML random-effects meta-analysis at k = 2000 studies: tiltak's metaAnalysis against
// metafor::rma(method = "REML"), timed inside Rscript so that R's start-up is not counted. The data are
// simulated once with a fixed seed (createRng("compare-reml-bench")) and written to a temporary CSV that
// R reads, so both fit the same numbers; the bench also prints both tau² estimates. Prints the ratio
// R / tiltak (above 1 means tiltak is faster; the issue asks for at least 100).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { metaAnalysis } from "@tiltak/compare";
import { createRng } from "@tiltak/core";

const k = 2000;
const rng = createRng("compare-reml-bench");
const yi: number[] = [];
const vi: number[] = [];
for (let i = 0; i < k; i++) {
  const v = 0.01 + 0.19 * rng.uniform();
  vi.push(v);
  yi.push(0.2 + Math.sqrt(0.05 + v) * rng.normal());
}
const dir = mkdtempSync(join(tmpdir(), "tiltak-reml-"));
const csv = join(dir, "data.csv");
writeFileSync(csv, `yi,vi\n${yi.map((y, i) => `${y},${vi[i]}`).join("\n")}\n`);

for (let r = 0; r < 20; r++) metaAnalysis({ yi, vi, method: "REML" }); // warm-up
const repeats = 200;
const times: number[] = [];
let fit = metaAnalysis({ yi, vi, method: "REML" });
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  fit = metaAnalysis({ yi, vi, method: "REML" });
  times.push((performance.now() - start) / 1000);
}
times.sort((a, b) => a - b);
const tiltak = times[Math.floor(repeats / 2)] as number;

const rRepeats = 1; // one fit: at k = 2000 a single rma() takes seconds to minutes on the shared machine
const script = `
suppressPackageStartupMessages(library(metafor))
d <- read.csv("${csv}")
t <- c()
for (r in 1:${rRepeats}) {
  t0 <- proc.time()[["elapsed"]]
  fit <- rma(yi, vi, data = d, method = "REML")
  t <- c(t, proc.time()[["elapsed"]] - t0)
}
cat(median(t), sprintf("%.15g", fit$tau2), sprintf("%.15g", fit$b), "\\n")
`;
const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
const [rTime, rTau2, rEstimate] = run.stdout.trim().split(/\s+/).map(Number);
console.log(`metaAnalysis REML, k = ${k} studies (seed "compare-reml-bench")`);
console.log(
  `  tiltak: ${(tiltak * 1000).toFixed(3)} ms (median of ${repeats}); tau2 ${fit.tau2}, estimate ${fit.estimate}, ${fit.iterations} iterations`,
);
if (run.status === 0 && Number.isFinite(rTime)) {
  console.log(
    `  metafor::rma: ${(rTime as number).toFixed(3)} s (${rRepeats} fit); tau2 ${rTau2}, estimate ${rEstimate}`,
  );
  console.log(
    `  |Δtau2| = ${Math.abs(fit.tau2 - (rTau2 as number)).toExponential(2)}, |Δestimate| = ${Math.abs(fit.estimate - (rEstimate as number)).toExponential(2)}`,
  );
  const ratio = (rTime as number) / tiltak;
  console.log(
    `  ratio R / tiltak: ${ratio.toFixed(0)} (${ratio >= 100 ? "meets" : "misses"} the 100× target)`,
  );
} else {
  console.log(`  R unavailable: ${run.stderr}`);
}
