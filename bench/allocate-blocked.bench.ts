// Allocating 10^6 units blocked within 100 strata (digest and salted commitment included) against vectorised
// base R, timed inside Rscript so that R's start-up is not counted. Prints the times and the ratio R / tiltak
// (above 1 means tiltak is faster) for three cases:
//
// 1. integer ids, complete randomisation within each stratum;
// 2. integer ids, permuted blocks of random size 2 or 4 within each stratum (`blockSizes: [2, 4]`);
// 3. string ids like "P0001234", permuted blocks of random size 2 or 4.
//
// R builds a data frame of the same ids and strata and fills its arm column with
// ave(…, stratum, FUN = function(v) sample(rep(arms, length.out = …))) — complete randomisation within strata,
// the comparison the issue names — and, for the block cases, also with a vectorised permuted-block draw
// (block sizes sampled, arms of each block permuted by order(block, runif(…))), the like-for-like one.
//
// Both CPU time (user + system of the whole process, so Web Crypto's hashing thread counts too) and elapsed
// time are reported, as the minimum and the median over all repetitions. The two sides alternate in rounds
// (tiltak, R, tiltak, R, …; each round a warm-up call and then `repeats` timed calls in one process), so a
// slow spell of a shared machine falls on both rather than on one. The load average is printed before and
// after.
//
// `allocate` returns its rows as an accessor that builds the 10^6 row objects on first read (the digest,
// CSV and certificate come from typed columns); a second tiltak line for case 1 times allocate followed by
// reading `rows`, which is the cost a caller who wants the row objects pays in all.
//
// Each case then also times the first call in a fresh process, 5 processes a side (alternating): tiltak's
// allocate call (not loading modules or building the units) and R's first draw (no warm-up), which is what
// a one-off script or `tiltak allocate` pays.
//
// Run: npx tsx --conditions=@tiltak/source bench/allocate-blocked.bench.ts [case numbers, e.g. 2 3]
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { type AllocationPlan, allocate } from "@tiltak/allocate";

const n = 1_000_000;
const strata = 100;
const rounds = 3;
const repeats = 5;
const coldRuns = 5;
const only = process.argv.slice(2).map(Number);

interface Times {
  elapsed: number[];
  cpu: number[];
}
const empty = (): Times => ({ elapsed: [], cpu: [] });
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

interface Case {
  name: string;
  stringIds: boolean;
  blockSizes?: number[];
}
const cases: Case[] = [
  { name: "1. integer ids, complete within strata", stringIds: false },
  { name: "2. integer ids, blocks of random size 2 or 4", stringIds: false, blockSizes: [2, 4] },
  { name: "3. string ids, blocks of random size 2 or 4", stringIds: true, blockSizes: [2, 4] },
];

const stringId = (i: number): string => `P${String(i + 1).padStart(7, "0")}`;
function makeUnits(c: Case): { id: number | string; stratum: string }[] {
  const units = new Array<{ id: number | string; stratum: string }>(n);
  for (let i = 0; i < n; i++) units[i] = { id: c.stringIds ? stringId(i) : i + 1, stratum: `s${i % strata}` };
  return units;
}
const planFor = (c: Case): AllocationPlan => ({
  design: "blocked",
  arms: ["A", "B"],
  strata: ["stratum"],
  seed: "bench",
  ...(c.blockSizes === undefined ? {} : { blockSizes: c.blockSizes }),
});

async function timeTiltak(
  plan: AllocationPlan,
  units: readonly Record<string, unknown>[],
  readRows: boolean,
  into: Times,
): Promise<string> {
  const first = await allocate(plan, units); // warm-up at full size (compiles the hot loops, settles the heap)
  if (readRows && first.rows.length !== n) throw new Error("rows");
  let digest = "";
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
  return digest;
}

const rScript = (c: Case, blocks: boolean, cold = false): string => `
n <- ${n}; s <- rep(sprintf("s%d", 0:${strata - 1}), length.out = n)
ids <- ${c.stringIds ? 'sprintf("P%07d", 1:n)' : "1:n"}
set.seed(1)
complete <- function(v) sample(rep(c(1L, 2L), length.out = length(v)))
blocks <- function(v) {
  m <- length(v)
  sizes <- sample(c(2L, 4L), ceiling(m / 2), replace = TRUE)
  block <- rep.int(seq_along(sizes), sizes)
  arm <- rep_len(c(1L, 2L), length(block))
  arm[order(block, runif(length(block)))][seq_len(m)]
}
draw <- function() {
  df <- data.frame(id = ids, stratum = s)
  df$arm <- ave(rep(0L, n), s, FUN = ${blocks ? "blocks" : "complete"})
  df
}
${cold ? "" : "invisible(draw()) # warm-up"}
for (r in 1:${cold ? 1 : repeats}) {
  d <- system.time(df <- draw(), gcFirst = FALSE)
  cat(d[["elapsed"]], d[["user.self"]] + d[["sys.self"]], "\\n")
}
`;
function timeR(script: string, into: Times): string | null {
  const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
  if (run.status !== 0) return run.error?.message ?? run.stderr;
  for (const line of run.stdout.trim().split("\n")) {
    const [elapsed, cpu] = line.trim().split(/\s+/).map(Number) as [number, number];
    into.elapsed.push(elapsed);
    into.cpu.push(cpu);
  }
  return null;
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
  return `  ${label.padEnd(28)} CPU min ${s.cpu.min.toFixed(3)} s, median ${s.cpu.median.toFixed(3)} s; elapsed min ${s.elapsed.min.toFixed(3)} s, median ${s.elapsed.median.toFixed(3)} s`;
};
const ratios = (label: string, r: Times, t: Times): void => {
  const rs = summary(r);
  const ts = summary(t);
  const show = (a: number, b: number): string => `${(a / b).toFixed(2)}`;
  console.log(
    `  ratio R / tiltak vs ${label.padEnd(20)} CPU min ${show(rs.cpu.min, ts.cpu.min)}, median ${show(rs.cpu.median, ts.cpu.median)}; elapsed min ${show(rs.elapsed.min, ts.elapsed.min)}, median ${show(rs.elapsed.median, ts.elapsed.median)}`,
  );
};

// A first call in a fresh process (what `tiltak allocate` or a one-off script pays: nothing compiled, no
// memory yet): this file re-run as a child with TILTAK_BENCH_COLD set to the case number times one call.
const coldCase = process.env.TILTAK_BENCH_COLD;
if (coldCase !== undefined) {
  const c = cases[Number(coldCase) - 1] as Case;
  const units = makeUnits(c);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await allocate(planFor(c), units);
  const used = process.cpuUsage(cpuStart);
  console.log(`${(performance.now() - start) / 1000} ${(used.user + used.system) / 1e6}`);
  process.exit(0);
}
function timeColdTiltak(caseNumber: number, into: Times): void {
  const run = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1, 2)], {
    encoding: "utf8",
    env: { ...process.env, TILTAK_BENCH_COLD: String(caseNumber) },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const [elapsed, cpu] = run.stdout.trim().split(/\s+/).map(Number) as [number, number];
  into.elapsed.push(elapsed);
  into.cpu.push(cpu);
}

console.log(`load average before (1, 5, 15 min): ${load()}`);
for (const [index, c] of cases.entries()) {
  if (only.length > 0 && !only.includes(index + 1)) continue;
  const units = makeUnits(c);
  const plan = planFor(c);
  const tiltak = empty();
  const withRows = empty();
  const rComplete = empty();
  const rBlocks = empty();
  let problem: string | null = null;
  let digest = "";
  for (let round = 0; round < rounds; round++) {
    digest = await timeTiltak(plan, units, false, tiltak);
    problem ??= timeR(rScript(c, false), rComplete);
    if (c.blockSizes !== undefined) problem ??= timeR(rScript(c, true), rBlocks);
    if (c.blockSizes === undefined) await timeTiltak(plan, units, true, withRows);
  }
  console.log(
    `${c.name}: ${n} units in ${strata} strata (digest ${digest.slice(0, 12)}…), ${rounds} alternating rounds × ${repeats} repetitions`,
  );
  console.log(line("tiltak:", tiltak));
  if (c.blockSizes === undefined) console.log(line("tiltak + read rows:", withRows));
  if (problem !== null) {
    console.log(`  R unavailable: ${problem}`);
    continue;
  }
  console.log(line("R ave(sample):", rComplete));
  if (c.blockSizes !== undefined) console.log(line("R ave(permuted blocks):", rBlocks));
  ratios("ave(sample)", rComplete, tiltak);
  if (c.blockSizes !== undefined) ratios("permuted blocks", rBlocks, tiltak);
  if (c.blockSizes === undefined) ratios("ave, rows read", rComplete, withRows);
  // first calls in fresh processes, alternating
  const coldTiltak = empty();
  const coldR = empty();
  const coldBlocks = empty();
  for (let round = 0; round < coldRuns; round++) {
    timeColdTiltak(index + 1, coldTiltak);
    timeR(rScript(c, false, true), coldR);
    if (c.blockSizes !== undefined) timeR(rScript(c, true, true), coldBlocks);
  }
  console.log(`  first call in a fresh process, ${coldRuns} processes each:`);
  console.log(line("tiltak, first call:", coldTiltak));
  console.log(line("R ave(sample), first:", coldR));
  if (c.blockSizes !== undefined) console.log(line("R permuted blocks, first:", coldBlocks));
  ratios("ave(sample), first", coldR, coldTiltak);
  if (c.blockSizes !== undefined) ratios("blocks, first", coldBlocks, coldTiltak);
}
console.log(`load average after (1, 5, 15 min): ${load()}`);
