import { integerAtLeast, invalidInput, parseOptions, type TableInput } from "@tiltak/core";
import { chiSquare, normal, studentT } from "@tiltak/stats";
import * as z from "zod/mini";
import type { TrialPlan } from "./plan-trial.js";
import { type RandomisationResult, randomisationInference } from "./randomisation.js";
import { resolveData } from "./units.js";

/** Options of {@link analyseTrial}. */
export interface AnalyseTrialOptions {
  /** Re-draws (or allocations to enumerate) of the randomisation inference; default the plan's (10000). */
  reps?: number | undefined;
  /** Seed of the re-draws; default the plan's pre-specified one (`plan.analysis.randomisation.seed`). */
  seed?: string | undefined;
}

/**
 * Schema of {@link AnalyseTrialOptions} (zod/mini).
 *
 * @example
 * ```ts
 * import { analyseTrialOptions } from "@tiltak/plan";
 * analyseTrialOptions.safeParse({ reps: 2000 }).success; // => true
 * analyseTrialOptions.safeParse({ reps: 0.5 }).success; // => false
 * ```
 */
export const analyseTrialOptions: z.ZodMiniType<AnalyseTrialOptions> = z.strictObject({
  reps: z.optional(integerAtLeast(1)),
  seed: z.optional(z.string().check(z.minLength(1))),
});

/** One arm's summary. */
export interface ArmSummary {
  /** The arm's name. */
  arm: string;
  /** Units with an outcome. */
  n: number;
  /** Binary outcomes: units with the outcome. */
  events?: number;
  /** Mean outcome (the share, for binary outcomes). */
  mean: number;
  /** Standard deviation of the outcome (of the cluster means, in cluster designs); `null` with fewer than two. */
  sd: number | null;
  /** Cluster designs: clusters with data. */
  clusters?: number;
}

/** Result of {@link analyseTrial}. */
export interface TrialAnalysis {
  /** `"analyseTrial"`. */
  method: "analyseTrial";
  /** The pre-specified test that was run. */
  test: TrialPlan["analysis"]["test"];
  /** The R call it matches. */
  rEquivalent: string;
  /** Per arm, in plan order (intervention first). */
  arms: ArmSummary[];
  /** The effect (first arm − second) with its confidence interval. */
  estimate: { measure: string; value: number; lower: number; upper: number; level: number };
  /** The test statistic: X² (prop.test) or t. */
  statistic: number;
  /** Degrees of freedom (t tests; 1 for prop.test). */
  df: number;
  /** Two-sided p of the pre-specified test. */
  p: number;
  /** The randomisation inference. */
  randomisation: RandomisationResult;
  /** Warnings, in words. */
  warnings: string[];
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number | null; variance: number } {
  const n = values.length;
  let total = 0;
  for (const value of values) total += value;
  const mean = total / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  const variance = n > 1 ? squares / (n - 1) : Number.NaN;
  return { mean, sd: n > 1 ? Math.sqrt(variance) : null, variance };
}

/**
 * Runs the primary analysis a plan pre-specified, on the trial's outcomes, with its randomisation
 * inference. Arms come from the plan's allocation (data rows name units, see {@link allocatedUnits}):
 *
 * - individual design, binary outcome: the risk difference with the Wald interval and the chi-square test
 *   without continuity correction, as R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`;
 * - individual design, continuous outcome: the mean difference with Welch's t test, as R `t.test(y1, y2)`;
 * - cluster design: the cluster-level analysis, a t test with pooled variance on the cluster means (shares),
 *   df = clusters − 2, as R `t.test(m1, m2, var.equal = TRUE)` on the cluster summaries (Hayes & Moulton 2017, ch. 9).
 *
 * A stepped-wedge plan's mixed model is not run here (INVALID_INPUT).
 *
 * @param plan - a {@link TrialPlan}
 * @param data - rows `{ unitId, outcome, cluster? }`
 * @param options - {@link AnalyseTrialOptions}
 * @returns {@link TrialAnalysis}
 * @throws TiltakError `INCONSISTENT_DATA` for a unit not in the allocation or listed twice (the message names it); `INVALID_INPUT` for bad outcomes, an arm without data, or a stepped-wedge plan
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { allocatedUnits, analyseTrial, planTrial } from "@tiltak/plan";
 * const plan = await planTrial({ outcome: { name: "work", kind: "binary" }, baseline: { rate: 0.3 }, effect: { rate: 0.5 }, design: { kind: "individual" }, listSize: 40, seed: "analyse-doc" });
 * const data = allocatedUnits(plan).slice(0, 40).map((unit, i) => ({ unitId: unit.unitId, outcome: i % 3 === 0 ? 1 : 0 }));
 * const result = analyseTrial(plan, data, { reps: 2000, seed: "ri" });
 * result.test; // => "prop.test"
 * result.arms.reduce((n, arm) => n + arm.n, 0); // => 40
 * analyseTrial(plan, [{ unitId: "999", outcome: 1 }]); // => throws INCONSISTENT_DATA "unit \"999\" is not in the allocation"
 * ```
 */
export function analyseTrial(
  plan: TrialPlan,
  data: TableInput,
  options: AnalyseTrialOptions = {},
): TrialAnalysis {
  const o = parseOptions(analyseTrialOptions, options);
  if (plan?.method !== "planTrial") invalidInput("plan", "must be a plan from planTrial", plan);
  const analysis = plan.analysis;
  if (analysis.test === "mixed-model")
    invalidInput(
      "plan",
      "is a stepped-wedge plan: its mixed model (random cluster intercepts, period effects) is not run by analyseTrial",
      plan.design.kind,
    );
  const resolved = resolveData(plan, data);
  const binary = plan.outcome.kind === "binary";
  const arms = resolved.arms;
  const warnings: string[] = [];
  const values: number[][] = [[], []];
  const n = resolved.row.length;
  for (let i = 0; i < n; i++)
    (values[resolved.arm[i] as number] as number[]).push(resolved.outcome[i] as number);
  arms.forEach((arm, a) => {
    if ((values[a] as number[]).length === 0)
      invalidInput("data", `must hold outcomes in both arms; arm "${arm}" has none`, data);
  });
  const level = analysis.level;
  let summaries: ArmSummary[];
  let estimate: number;
  let lower: number;
  let upper: number;
  let statistic: number;
  let df: number;
  let p: number;
  if (analysis.test === "cluster-t") {
    const cluster = resolved.cluster as Int32Array;
    const k = resolved.clusterLabels.length;
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    const clusterArm = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = cluster[i] as number;
      sums[c] = (sums[c] as number) + (resolved.outcome[i] as number);
      counts[c] = (counts[c] as number) + 1;
      clusterArm[c] = resolved.arm[i] as number;
    }
    const means: number[][] = [[], []];
    for (let c = 0; c < k; c++)
      (means[clusterArm[c] as number] as number[]).push((sums[c] as number) / (counts[c] as number));
    const [m0, m1] = means as [number[], number[]];
    if (m0.length + m1.length < 3)
      invalidInput("data", "must cover at least three clusters for a cluster-level t test", k);
    const s0 = meanAndSd(m0);
    const s1 = meanAndSd(m1);
    df = m0.length + m1.length - 2;
    const pooled =
      ((m0.length - 1) * (Number.isNaN(s0.variance) ? 0 : s0.variance) +
        (m1.length - 1) * (Number.isNaN(s1.variance) ? 0 : s1.variance)) /
      df;
    const se = Math.sqrt(pooled * (1 / m0.length + 1 / m1.length));
    estimate = s0.mean - s1.mean;
    ({ statistic, p, lower, upper } = tStatistics(estimate, se, df, level));
    summaries = arms.map((arm, a) => {
      const own = values[a] as number[];
      const summary = a === 0 ? s0 : s1;
      const out: ArmSummary = {
        arm,
        n: own.length,
        mean: summary.mean,
        sd: summary.sd,
        clusters: (means[a] as number[]).length,
      };
      if (binary) out.events = own.reduce((acc, value) => acc + value, 0);
      return out;
    });
    if (df < 10)
      warnings.push(`only ${df + 2} clusters: the cluster-level t test has ${df} degrees of freedom`);
  } else if (binary) {
    const [y0, y1] = values as [number[], number[]];
    const x = [y0.reduce((a, b) => a + b, 0), y1.reduce((a, b) => a + b, 0)] as [number, number];
    const ns = [y0.length, y1.length] as [number, number];
    const shares = [x[0] / ns[0], x[1] / ns[1]] as [number, number];
    const pooled = (x[0] + x[1]) / (ns[0] + ns[1]);
    if (pooled === 0 || pooled === 1)
      invalidInput(
        "data",
        "must hold both outcomes (0 and 1): the chi-square test is undefined otherwise",
        pooled,
      );
    // Pearson's X² of the 2 × 2 table (prop.test, correct = FALSE).
    statistic = 0;
    for (let a = 0; a < 2; a++) {
      const expectedEvents = (ns[a] as number) * pooled;
      const expectedOthers = (ns[a] as number) * (1 - pooled);
      statistic +=
        ((x[a] as number) - expectedEvents) ** 2 / expectedEvents +
        ((ns[a] as number) - (x[a] as number) - expectedOthers) ** 2 / expectedOthers;
    }
    df = 1;
    p = chiSquare.sf(statistic, 1);
    estimate = shares[0] - shares[1];
    const width =
      normal.quantile(1 - (1 - level) / 2) *
      Math.sqrt((shares[0] * (1 - shares[0])) / ns[0] + (shares[1] * (1 - shares[1])) / ns[1]);
    lower = Math.max(estimate - width, -1);
    upper = Math.min(estimate + width, 1);
    summaries = arms.map((arm, a) => ({
      arm,
      n: ns[a] as number,
      events: x[a] as number,
      mean: shares[a] as number,
      sd: meanAndSd(values[a] as number[]).sd,
    }));
    const expectedSmallest = Math.min(...ns) * Math.min(pooled, 1 - pooled);
    if (expectedSmallest < 5)
      warnings.push(
        "an expected cell count is below 5: the chi-square approximation is rough (see the randomisation p)",
      );
  } else {
    const [y0, y1] = values as [number[], number[]];
    if (y0.length < 2 || y1.length < 2)
      invalidInput("data", "must hold at least two outcomes in each arm for a t test", data);
    const s0 = meanAndSd(y0);
    const s1 = meanAndSd(y1);
    const v0 = s0.variance / y0.length;
    const v1 = s1.variance / y1.length;
    const se = Math.sqrt(v0 + v1);
    if (se === 0)
      invalidInput("data", "must vary: every outcome is the same, so the t statistic is undefined", data);
    df = (v0 + v1) ** 2 / (v0 ** 2 / (y0.length - 1) + v1 ** 2 / (y1.length - 1));
    estimate = s0.mean - s1.mean;
    ({ statistic, p, lower, upper } = tStatistics(estimate, se, df, level));
    summaries = arms.map((arm, a) => ({
      arm,
      n: (values[a] as number[]).length,
      mean: (a === 0 ? s0 : s1).mean,
      sd: (a === 0 ? s0 : s1).sd,
    }));
  }
  const randomisation = randomisationInference({
    plan,
    data,
    reps: o.reps ?? analysis.randomisation.reps,
    seed: o.seed ?? analysis.randomisation.seed,
  });
  const allocated = resolved.units.length;
  if (plan.design.kind === "individual" && n < allocated && plan.allocation.meta.method === "allocate")
    warnings.push(`${allocated - n} of ${allocated} allocated units have no outcome (attrition)`);
  return {
    method: "analyseTrial",
    test: analysis.test,
    rEquivalent: analysis.rEquivalent,
    arms: summaries,
    estimate: { measure: analysis.effectMeasure, value: estimate, lower, upper, level },
    statistic,
    df,
    p,
    randomisation,
    warnings,
  };
}

/** The t statistic, its two-sided p and the `level` interval of an estimate with standard error `se` on `df`. */
function tStatistics(
  estimate: number,
  se: number,
  df: number,
  level: number,
): { statistic: number; p: number; lower: number; upper: number } {
  const statistic = estimate / se;
  const q = studentT.quantile(1 - (1 - level) / 2, df);
  return {
    statistic,
    p: 2 * studentT.sf(Math.abs(statistic), df),
    lower: estimate - q * se,
    upper: estimate + q * se,
  };
}
