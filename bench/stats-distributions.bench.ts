// The noncentral t cdf and the Clopper–Pearson interval, tiltak against R, side by side.
//
// Both sides run the same work in-process and time it per call: tiltak with performance.now() over
// repeated rounds, R with system.time() over many repetitions inside one Rscript, so R's start-up is
// not counted (R's pt is called once on the whole grid, vectorised, as R is used). Prints µs per call, the ratio R / tiltak (> 1: tiltak is faster), and the largest
// relative difference between the two sides' values.
//
//   npx tsx --conditions=@tiltak/source bench/stats-distributions.bench.ts
import { spawnSync } from "node:child_process";
import { noncentralT, proportionCI } from "@tiltak/stats";

const dfs = [3, 10, 30, 100];
const ncps = [-2, 0.5, 1, 2.5, 5];
const xs = [-3, -1, 0.5, 1, 2, 3, 5];
const grid = dfs.flatMap((df) => ncps.flatMap((ncp) => xs.map((x) => [x, df, ncp] as const)));
const pairs = [10, 84, 500, 2000].flatMap((n) =>
  [0, 1, Math.round(n / 10), Math.round(n / 3), Math.round(n / 2), n - 1, n].map((x) => [x, n] as const),
);
pairs.push([27, 84]);

function timePerCall(
  work: () => number[],
  calls: number,
  rounds: number,
): { perCall: number; values: number[] } {
  for (let r = 0; r < 5; r++) work(); // warm-up
  const times: number[] = [];
  let values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    values = work();
    times.push((performance.now() - start) / 1000 / calls);
  }
  times.sort((a, b) => a - b);
  return { perCall: times[Math.floor(rounds / 2)] as number, values };
}

const nct = timePerCall(() => grid.map(([x, df, ncp]) => noncentralT.cdf(x, df, ncp)), grid.length, 50);
const cp = timePerCall(
  () =>
    pairs.flatMap(([x, n]) => {
      const r = proportionCI({ x, n, method: "clopper-pearson" });
      return [r.lower, r.upper];
    }),
  pairs.length,
  50,
);

const rVector = (values: readonly number[]): string => `c(${values.join(", ")})`;
const script = `
g <- data.frame(x = ${rVector(grid.map((g) => g[0]))}, df = ${rVector(grid.map((g) => g[1]))}, ncp = ${rVector(grid.map((g) => g[2]))})
xs <- ${rVector(pairs.map((p) => p[0]))}; ns <- ${rVector(pairs.map((p) => p[1]))}
nct <- function() pt(g$x, g$df, g$ncp)
cp <- function() unlist(lapply(seq_along(xs), function(i) as.vector(binom.test(xs[i], ns[i])$conf.int)))
v1 <- nct(); v2 <- cp()
reps1 <- 200; reps2 <- 200
t1 <- system.time(for (r in 1:reps1) nct())[["elapsed"]] / (reps1 * nrow(g))
t2 <- system.time(for (r in 1:reps2) cp())[["elapsed"]] / (reps2 * length(xs))
cat(sprintf("%.6g", t1), sprintf("%.6g", t2), "|", sprintf("%.17g", v1), "|", sprintf("%.17g", v2), "\\n")
`;
const run = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });

// Relative differences are taken where the value is >= 1e-5: below that, R forms some tails (pt for
// x < 0) as 1 - (other tail), and both sides carry an absolute error of ~1e-16 there.
const maxRelative = (ours: number[], theirs: number[]): number =>
  Math.max(
    ...ours.map((v, i) =>
      v === theirs[i] || Math.abs(theirs[i] as number) < 1e-5
        ? 0
        : Math.abs(v - (theirs[i] as number)) / Math.abs(theirs[i] as number),
    ),
  );
const us = (seconds: number): string => `${(seconds * 1e6).toFixed(2)} µs`;

console.log(
  `noncentralT.cdf over ${grid.length} points (df ${dfs.join("/")}, ncp ${ncps.join("/")}, x ${xs.join("/")})`,
);
console.log(`  tiltak: ${us(nct.perCall)} per call (median of 50 rounds)`);
console.log(`proportionCI clopper-pearson over ${pairs.length} (x, n) pairs, n up to 2000`);
console.log(`  tiltak: ${us(cp.perCall)} per call (median of 50 rounds)`);
if (run.status === 0) {
  const [times, v1, v2] = run.stdout.trim().split("|");
  const [rNct, rCp] = (times as string).trim().split(/\s+/).map(Number) as [number, number];
  const rValues1 = (v1 as string).trim().split(/\s+/).map(Number);
  const rValues2 = (v2 as string).trim().split(/\s+/).map(Number);
  console.log("R (system.time over 200 repetitions of each grid inside one Rscript; pt vectorised):");
  console.log(
    `  pt(x, df, ncp): ${us(rNct)} per call; ratio R / tiltak ${(rNct / nct.perCall).toFixed(1)}; max relative difference ${maxRelative(nct.values, rValues1).toExponential(2)}, max absolute ${Math.max(...nct.values.map((v, i) => Math.abs(v - (rValues1[i] as number)))).toExponential(2)}`,
  );
  console.log(
    `  binom.test(x, n)$conf.int: ${us(rCp)} per call; ratio R / tiltak ${(rCp / cp.perCall).toFixed(1)}; max relative difference ${maxRelative(cp.values, rValues2).toExponential(2)}`,
  );
} else {
  console.log(`R unavailable (${run.error?.message ?? run.stderr.trim()}): tiltak timings only`);
}
