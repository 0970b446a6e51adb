// Allocating 10^6 units blocked within 100 strata (complete randomisation within each stratum, digest
// included) against vectorised base R: ave(…, stratum, FUN = function(v) sample(rep(arms, length.out = …))),
// timed inside Rscript so that R's start-up is not counted. Prints both times and the ratio R / tiltak
// (above 1 means tiltak is faster). Both CPU time (user + system, robust when the machine is shared) and
// elapsed time are reported, as the minimum and the median of several repetitions on each side (tiltak
// after a full-size warm-up run, R after one warm-up call, both in the same process loop).
import { spawnSync } from "node:child_process";
import { allocate } from "@tiltak/allocate";

const n = 1_000_000;
const strata = 100;
const repeats = 9;

const units = new Array<{ id: number; stratum: string }>(n);
for (let i = 0; i < n; i++) units[i] = { id: i + 1, stratum: `s${i % strata}` };
const plan = { design: "blocked" as const, arms: ["A", "B"], strata: ["stratum"], seed: "bench" };

await allocate(plan, units); // warm-up at full size (compiles the hot loops, settles the heap)
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
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const tiltak = { elapsed: Math.min(...times), cpu: Math.min(...cpu) };
const tiltakMedian = { elapsed: median(times), cpu: median(cpu) };

const script = `
n <- ${n}; s <- rep(sprintf("s%d", 0:${strata - 1}), length.out = n)
set.seed(1)
draw <- function() ave(rep(0L, n), s, FUN = function(v) sample(rep(c(1L, 2L), length.out = length(v))))
invisible(draw()) # warm-up
t <- c(); u <- c()
for (r in 1:${repeats}) {
  d <- system.time(arm <- draw(), gcFirst = FALSE)
  t <- c(t, d[["elapsed"]]); u <- c(u, d[["user.self"]] + d[["sys.self"]])
}
cat(min(t), min(u), median(t), median(u))
`;
const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
const [rElapsed, rCpu, rElapsedMedian, rCpuMedian] = run.stdout.trim().split(/\s+/).map(Number) as [
  number,
  number,
  number,
  number,
];
const verdict = (ratio: number): string => (ratio >= 1 ? "tiltak at least as fast" : "tiltak slower");
const line = (label: string, best: { elapsed: number; cpu: number }, mid: { elapsed: number; cpu: number }) =>
  `  ${label} CPU min ${best.cpu.toFixed(3)} s, median ${mid.cpu.toFixed(3)} s; elapsed min ${best.elapsed.toFixed(3)} s, median ${mid.elapsed.toFixed(3)} s`;
console.log(
  `allocate blocked, ${n} units in ${strata} strata (digest ${digest.slice(0, 12)}…), ${repeats} repetitions`,
);
console.log(line("tiltak:       ", tiltak, tiltakMedian));
if (run.status === 0 && [rElapsed, rCpu, rElapsedMedian, rCpuMedian].every(Number.isFinite)) {
  console.log(
    line("R ave(sample):", { elapsed: rElapsed, cpu: rCpu }, { elapsed: rElapsedMedian, cpu: rCpuMedian }),
  );
  const ratio = (label: string, r: number, t: number): void =>
    console.log(`  ratio R / tiltak, ${label}: ${(r / t).toFixed(2)} (${verdict(r / t)})`);
  ratio("CPU min     ", rCpu, tiltak.cpu);
  ratio("CPU median  ", rCpuMedian, tiltakMedian.cpu);
  ratio("elapsed min ", rElapsed, tiltak.elapsed);
  ratio("elapsed med.", rElapsedMedian, tiltakMedian.elapsed);
} else {
  console.log(`  R unavailable: ${run.stderr}`);
}
