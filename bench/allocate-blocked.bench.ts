// Allocating 10^6 units blocked within 100 strata (complete randomisation within each stratum, digest
// included) against vectorised base R: ave(…, stratum, FUN = function(v) sample(rep(arms, length.out = …))),
// timed inside Rscript so that R's start-up is not counted. Prints both times and the ratio R / tiltak
// (above 1 means tiltak is faster). Both CPU time (user + system, robust when the machine is shared) and
// elapsed time are reported, best of five for each.
import { spawnSync } from "node:child_process";
import { allocate } from "@tiltak/allocate";

const n = 1_000_000;
const strata = 100;
const repeats = 5;

const units = new Array<{ id: number; stratum: string }>(n);
for (let i = 0; i < n; i++) units[i] = { id: i + 1, stratum: `s${i % strata}` };
const plan = { design: "blocked" as const, arms: ["A", "B"], strata: ["stratum"], seed: "bench" };

await allocate(plan, units.slice(0, 10_000)); // warm-up
const times: number[] = [];
const cpu: number[] = [];
let digest = "";
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await allocate(plan, units);
  const used = process.cpuUsage(cpuStart);
  times.push((performance.now() - start) / 1000);
  cpu.push((used.user + used.system) / 1e6);
  digest = result.meta.digest;
}
const tiltak = Math.min(...times);
const tiltakCpu = Math.min(...cpu);

const script = `
n <- ${n}; s <- rep(sprintf("s%d", 0:${strata - 1}), length.out = n)
set.seed(1)
t <- c(); u <- c()
for (r in 1:${repeats}) {
  t0 <- proc.time()
  arm <- ave(rep(0L, n), s, FUN = function(v) sample(rep(c(1L, 2L), length.out = length(v))))
  d <- proc.time() - t0
  t <- c(t, d[["elapsed"]]); u <- c(u, d[["user.self"]] + d[["sys.self"]])
}
cat(min(t), min(u))
`;
const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
const [r, rCpu] = run.stdout.trim().split(/\s+/).map(Number) as [number, number];
const verdict = (ratio: number): string => (ratio >= 1 ? "tiltak at least as fast" : "tiltak slower");
console.log(
  `allocate blocked, ${n} units in ${strata} strata (digest ${digest.slice(0, 12)}…), best of ${repeats}`,
);
console.log(`  tiltak:        elapsed ${tiltak.toFixed(3)} s, CPU ${tiltakCpu.toFixed(3)} s`);
if (run.status === 0 && Number.isFinite(r) && Number.isFinite(rCpu)) {
  console.log(`  R ave(sample): elapsed ${r.toFixed(3)} s, CPU ${rCpu.toFixed(3)} s`);
  console.log(`  ratio R / tiltak, elapsed: ${(r / tiltak).toFixed(2)} (${verdict(r / tiltak)})`);
  console.log(`  ratio R / tiltak, CPU:     ${(rCpu / tiltakCpu).toFixed(2)} (${verdict(rCpu / tiltakCpu)})`);
} else {
  console.log(`  R unavailable: ${run.stderr}`);
}
