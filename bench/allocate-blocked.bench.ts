// Allocating 10^6 units blocked within 100 strata (complete randomisation within each stratum, digest and
// salted commitment included) against vectorised base R: ave(…, stratum, FUN = function(v) sample(rep(arms, length.out = …))),
// timed inside Rscript so that R's start-up is not counted. Prints both times and the ratio R / tiltak
// (above 1 means tiltak is faster).
//
// Both CPU time (user + system of the whole process, so Web Crypto's hashing thread counts too) and elapsed
// time are reported, as the minimum and the median over all repetitions. The two sides alternate in rounds
// (tiltak, R, tiltak, R, …; each round a warm-up call and then `repeats` timed calls in one process), so a
// slow spell of a shared machine falls on both rather than on one.
//
// `allocate` returns its rows as an accessor that builds the 10^6 row objects on first read (the digest,
// CSV and certificate come from typed columns); a second tiltak line times allocate followed by reading
// `rows`, which is the cost a caller who wants the row objects pays in all.
//
// Run: npx tsx --conditions=@tiltak/source bench/allocate-blocked.bench.ts
import { spawnSync } from "node:child_process";
import { allocate } from "@tiltak/allocate";

const n = 1_000_000;
const strata = 100;
const rounds = 3;
const repeats = 7;

const units = new Array<{ id: number; stratum: string }>(n);
for (let i = 0; i < n; i++) units[i] = { id: i + 1, stratum: `s${i % strata}` };
const plan = { design: "blocked" as const, arms: ["A", "B"], strata: ["stratum"], seed: "bench" };

interface Times {
  elapsed: number[];
  cpu: number[];
}
const empty = (): Times => ({ elapsed: [], cpu: [] });

let digest = "";
async function timeTiltak(readRows: boolean, into: Times): Promise<void> {
  const first = await allocate(plan, units); // warm-up at full size (compiles the hot loops, settles the heap)
  if (readRows && first.rows.length !== n) throw new Error("rows");
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await allocate(plan, units);
    if (readRows && result.rows.length !== n) throw new Error("rows");
    const used = process.cpuUsage(cpuStart);
    into.elapsed.push((performance.now() - start) / 1000);
    into.cpu.push((used.user + used.system) / 1e6);
    digest = result.meta.digest;
  }
}

const script = `
n <- ${n}; s <- rep(sprintf("s%d", 0:${strata - 1}), length.out = n)
set.seed(1)
draw <- function() ave(rep(0L, n), s, FUN = function(v) sample(rep(c(1L, 2L), length.out = length(v))))
invisible(draw()) # warm-up
for (r in 1:${repeats}) {
  d <- system.time(arm <- draw(), gcFirst = FALSE)
  cat(d[["elapsed"]], d[["user.self"]] + d[["sys.self"]], "\\n")
}
`;
function timeR(into: Times): string | null {
  const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
  if (run.status !== 0) return run.error?.message ?? run.stderr;
  for (const line of run.stdout.trim().split("\n")) {
    const [elapsed, cpu] = line.trim().split(/\s+/).map(Number) as [number, number];
    into.elapsed.push(elapsed);
    into.cpu.push(cpu);
  }
  return null;
}

const tiltak = empty();
const withRows = empty();
const r = empty();
let rProblem: string | null = null;
for (let round = 0; round < rounds; round++) {
  await timeTiltak(false, tiltak);
  rProblem ??= timeR(r);
  await timeTiltak(true, withRows);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const summary = (times: Times) => ({
  cpu: { min: Math.min(...times.cpu), median: median(times.cpu) },
  elapsed: { min: Math.min(...times.elapsed), median: median(times.elapsed) },
});
const line = (label: string, times: Times): string => {
  const s = summary(times);
  return `  ${label} CPU min ${s.cpu.min.toFixed(3)} s, median ${s.cpu.median.toFixed(3)} s; elapsed min ${s.elapsed.min.toFixed(3)} s, median ${s.elapsed.median.toFixed(3)} s`;
};
console.log(
  `allocate blocked, ${n} units in ${strata} strata (digest ${digest.slice(0, 12)}…), ${rounds} alternating rounds × ${repeats} repetitions`,
);
console.log(line("tiltak:             ", tiltak));
console.log(line("tiltak + read rows: ", withRows));
if (rProblem === null && r.cpu.length > 0 && r.cpu.every(Number.isFinite)) {
  console.log(line("R ave(sample):      ", r));
  const ratio = (label: string, rValue: number, tValue: number): void =>
    console.log(
      `  ratio R / tiltak, ${label}: ${(rValue / tValue).toFixed(2)} (${rValue / tValue >= 1 ? "tiltak at least as fast" : "tiltak slower"})`,
    );
  const t = summary(tiltak);
  const rows = summary(withRows);
  const rs = summary(r);
  ratio("CPU min              ", rs.cpu.min, t.cpu.min);
  ratio("CPU median           ", rs.cpu.median, t.cpu.median);
  ratio("elapsed min          ", rs.elapsed.min, t.elapsed.min);
  ratio("elapsed median       ", rs.elapsed.median, t.elapsed.median);
  ratio("CPU median, rows read", rs.cpu.median, rows.cpu.median);
} else {
  console.log(`  R unavailable: ${rProblem}`);
}
