import {
  type AllocationPlan,
  type AllocationResult,
  allocate,
  allocationList,
  type LevelValue,
  type ListRow,
  type PublicCommitment,
  publicCommitment,
  type UnitRow,
} from "@tiltak/allocate";
import {
  type AnyOutcomeKey,
  anyOutcomeKeys,
  type DenominatorKind,
  denominatorKinds,
  outcomeRates,
  type ProgrammeYear,
  type ProgrammeYearInput,
} from "@tiltak/compare";
import {
  integerAtLeast,
  invalidInput,
  numberIn,
  parseOptions,
  type TableInput,
  TiltakError,
  tiltakVersion,
  toRecords,
} from "@tiltak/core";
import {
  type ClusterProportionsOptions,
  type ClusterRandomisedOptions,
  clusterProportions,
  clusterRandomised,
  cohenH,
  type SteppedWedgeOptions,
  steppedWedge,
  type TTestOptions,
  type TwoProportionsOptions,
  tTest,
  twoProportions,
} from "@tiltak/power";
import {
  assessReadiness,
  type CheckResult,
  checkTheory,
  type Finding,
  type Indicator,
  type ProgrammeTheory,
  type ReadinessAnswers,
  type ReadinessResult,
  type TheorySpec,
} from "@tiltak/theory";
import * as z from "zod/mini";

/** The primary outcome: a name, its kind, and ideally the theory indicator it is. */
export interface PlanOutcome {
  /** Id of the theory indicator this outcome is (its baseline and target are used when given). */
  indicator?: string | undefined;
  /** The outcome's name as the protocol states it, e.g. `"exit to paid work"`. */
  name: string;
  /** `"binary"` (a share, analysed as a risk difference) or `"continuous"` (a mean difference). */
  kind: "binary" | "continuous";
}

/** Where the baseline comes from: a rate, a programme-year record (binary) or a standard deviation (continuous). */
export type PlanBaseline =
  | { rate: number; source?: string | undefined }
  | {
      record: ProgrammeYear | ProgrammeYearInput;
      outcome: AnyOutcomeKey;
      denominator: DenominatorKind;
    }
  | { sd: number; mean?: number | undefined; source?: string | undefined };

/** The effect the trial is powered for: a target rate (binary), a standardised `d`, or a raw `difference`. */
export type PlanEffect = { rate: number } | { d: number } | { difference: number };

/** The trial design. */
export interface PlanDesign {
  /** `"individual"` (units randomised one by one), `"cluster"` (whole clusters) or `"stepped-wedge"`. */
  kind: "individual" | "cluster" | "stepped-wedge";
  /** Two arms: the intervention first, the comparison second; default `["intervention", "control"]`. */
  arms?: string[] | undefined;
  /**
   * Stratification factors. Without `units`: each factor with its levels (`{ office: ["Bergen", "Oslo"] }`),
   * a list being made for every stratum; with `units`: the unit fields (`["office"]`).
   */
  strata?: Record<string, LevelValue[]> | string[] | undefined;
  /** Permuted-block sizes (multiples of 2); default 2, 4, 6 and 8 for lists of individuals. */
  blockSizes?: number[] | undefined;
  /** Cluster designs: individuals analysed per cluster (or per cluster and period, stepped wedge). */
  clusterSize?: number | undefined;
  /** Cluster designs: the intra-cluster correlation, in [0, 1). */
  icc?: number | undefined;
  /** Cluster designs: coefficient of variation of the cluster sizes (binary outcomes); default 0. */
  cv?: number | undefined;
  /** Stepped wedge: the number of steps (sequences), >= 2. */
  steps?: number | undefined;
  /** With `units`: the unit field holding the cluster; default `"id"` (the units are the clusters). */
  cluster?: string | undefined;
  /** With `units`: the unit field holding the id; default `"id"`. */
  idField?: string | undefined;
}

/** Options of {@link planTrial}. */
export interface PlanTrialOptions {
  /** The programme theory (its indicator gives the outcome's baseline and target; it is checked for readiness). */
  theory?: TheorySpec | ProgrammeTheory | undefined;
  /** Answers about the planned study for {@link assessReadiness} (the sample size is filled in). */
  readiness?: ReadinessAnswers | undefined;
  /** The primary outcome. */
  outcome: PlanOutcome;
  /** The baseline: `{ rate }`, `{ record, outcome, denominator }` (binary) or `{ sd }` (continuous). */
  baseline?: PlanBaseline | undefined;
  /** The effect to detect: `{ rate }` (target rate), `{ d }` or `{ difference }`. */
  effect?: PlanEffect | undefined;
  /** The design. */
  design: PlanDesign;
  /** Two-sided significance level in (0, 1); default 0.05. */
  sigLevel?: number | undefined;
  /** Power in (0, 1); default 0.8. */
  power?: number | undefined;
  /** Share expected lost to follow-up, in [0, 1); default 0. */
  attrition?: number | undefined;
  /** The allocation seed (required; it stays in the sealed certificate). */
  seed: string;
  /** Slots per stratum of the list; default the whole recruitment in every stratum. */
  listSize?: number | undefined;
  /** Known units to allocate now (with `allocate`) instead of a list made before recruitment. */
  units?: TableInput | undefined;
  /** Stepped wedge: clusters to start the search from (default `steps`); the smallest number reaching the power is used. */
  clusters?: number | undefined;
}

const levelValue = z.union([z.string(), z.number(), z.boolean()]);

const outcomeSchema = z.strictObject({
  indicator: z.optional(z.string().check(z.minLength(1))),
  name: z.string().check(z.minLength(1)),
  kind: z.enum(["binary", "continuous"]),
});

const designSchema = z.strictObject({
  kind: z.enum(["individual", "cluster", "stepped-wedge"]),
  arms: z.optional(z.array(z.string().check(z.minLength(1)))),
  strata: z.optional(
    z.union([z.record(z.string(), z.array(levelValue)), z.array(z.string().check(z.minLength(1)))]),
  ),
  blockSizes: z.optional(z.array(integerAtLeast(1))),
  clusterSize: z.optional(numberIn(1, Number.POSITIVE_INFINITY, "[)")),
  icc: z.optional(numberIn(0, 1, "[)")),
  cv: z.optional(numberIn(0, Number.POSITIVE_INFINITY, "[)")),
  steps: z.optional(integerAtLeast(2)),
  cluster: z.optional(z.string().check(z.minLength(1))),
  idField: z.optional(z.string().check(z.minLength(1))),
});

/**
 * Schema of {@link PlanTrialOptions} (zod/mini): the shape; {@link planTrial} adds the checks that depend
 * on the outcome's kind and the design, with messages naming the parameter.
 *
 * @example
 * ```ts
 * import { planTrialOptions } from "@tiltak/plan";
 * planTrialOptions.safeParse({ outcome: { name: "work", kind: "binary" }, baseline: { rate: 0.32 }, effect: { rate: 0.45 }, design: { kind: "individual" }, seed: "s" }).success; // => true
 * planTrialOptions.safeParse({ outcome: { name: "work", kind: "binary" }, design: { kind: "individual" }, seed: "s", power: 80 }).success; // => false
 * ```
 */
export const planTrialOptions: z.ZodMiniType<PlanTrialOptions> = z.strictObject({
  theory: z.optional(z.custom<TheorySpec>((value) => typeof value === "object" && value !== null)),
  readiness: z.optional(z.custom<ReadinessAnswers>((value) => typeof value === "object" && value !== null)),
  outcome: outcomeSchema,
  baseline: z.optional(
    z.union([
      z.strictObject({ rate: numberIn(0, 1, "()"), source: z.optional(z.string()) }),
      z.strictObject({
        record: z.custom<ProgrammeYear>((value) => typeof value === "object" && value !== null),
        outcome: z.enum(anyOutcomeKeys as [AnyOutcomeKey, ...AnyOutcomeKey[]]),
        denominator: z.enum(denominatorKinds as unknown as [DenominatorKind, ...DenominatorKind[]]),
      }),
      z.strictObject({
        sd: numberIn(0, Number.POSITIVE_INFINITY, "()"),
        mean: z.optional(numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()")),
        source: z.optional(z.string()),
      }),
    ]),
  ),
  effect: z.optional(
    z.union([
      z.strictObject({ rate: numberIn(0, 1, "()") }),
      z.strictObject({ d: numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()") }),
      z.strictObject({ difference: numberIn(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, "()") }),
    ]),
  ),
  design: designSchema,
  sigLevel: z.optional(numberIn(0, 1, "()")),
  power: z.optional(numberIn(0, 1, "()")),
  attrition: z.optional(numberIn(0, 1, "[)")),
  seed: z
    .string({ error: "must be a non-empty string (the allocation seed; tiltak never draws without one)" })
    .check(
      z.minLength(1, {
        error: "must be a non-empty string (the allocation seed; tiltak never draws without one)",
      }),
    ),
  listSize: z.optional(integerAtLeast(1)),
  units: z.optional(z.custom<TableInput>((value) => typeof value === "object" && value !== null)),
  clusters: z.optional(integerAtLeast(2)),
});

/** The baseline as the plan uses it. */
export interface PlanBaselineResult {
  /** Binary: the baseline rate (control arm's expected share). */
  rate?: number;
  /** Binary from a record: the count of the outcome. */
  count?: number;
  /** Binary from a record: the denominator's value. */
  denominator?: number;
  /** Binary from a record: what the denominator counts (`exits`, `participants`, …). */
  denominatorKind?: string;
  /** Lower bound of the 95 % Wilson interval of the rate (from `@tiltak/compare` `outcomeRates`). */
  lower?: number;
  /** Upper bound of that interval. */
  upper?: number;
  /** Continuous: the standard deviation of the outcome. */
  sd?: number;
  /** Continuous: the baseline mean, when given. */
  mean?: number;
  /** Where the baseline comes from, in words (record id, theory indicator, or the source given). */
  source?: string;
}

/** The effect the plan is powered for. */
export interface PlanEffectResult {
  /** Binary: the target rate in the intervention arm. */
  rate?: number;
  /** The difference intervention − control (risk difference, or mean difference when the sd is known). */
  difference?: number;
  /** Binary: Cohen's h between the target and the baseline (`power.cohenH`). */
  h?: number;
  /** Continuous: Cohen's d (difference / sd). */
  d?: number;
  /** Where the effect comes from: `"options"` or `"theory indicator <id>"`. */
  source: string;
}

/** The power function called, and its options, so that a reader can rerun it. */
export interface PowerCall {
  /** The `@tiltak/power` function, e.g. `"twoProportions"`. */
  fn: "twoProportions" | "tTest" | "clusterRandomised" | "clusterProportions" | "steppedWedge";
  /** The options it was called with. */
  options: Record<string, unknown>;
}

/** The sample size, from the power function's own n to the number to recruit. */
export interface PlanSampleSize {
  /** What `perArm` and `total` count: `"units"` (individual designs) or `"clusters"`. */
  unit: "units" | "clusters";
  /** The power function's own n per arm (individuals, or clusters), not rounded. */
  perArm: number;
  /** Both arms, not rounded. */
  total: number;
  /** Units to recruit per arm: ⌈⌈perArm⌉ / (1 − attrition)⌉ for individuals; clusters × recruited units per cluster for clusters. */
  recruitPerArm: number;
  /** Units to recruit in all. */
  recruitTotal: number;
  /** Cluster designs: whole clusters per arm (⌈perArm⌉; stepped wedge: clusters per sequence are in `clustersPerStep`). */
  clustersPerArm?: number;
  /** Cluster designs: clusters in all. */
  clusters?: number;
  /** Cluster designs: units analysed per cluster (per period in a stepped wedge). */
  unitsPerCluster?: number;
  /** Cluster designs: units to recruit per cluster, ⌈unitsPerCluster / (1 − attrition)⌉. */
  recruitPerCluster?: number;
  /** Stepped wedge: clusters switching at each step. */
  clustersPerStep?: number[];
  /** The share expected lost to follow-up. */
  attrition: number;
  /** Power reached by the numbers analysed (the power function's, at the rounded-up n). */
  power: number;
  /** Two-sided significance level. */
  sigLevel: number;
  /** The method, as the power function names it. */
  method: string;
  /** The call to rerun: `power[fn](options)`. */
  call: PowerCall;
}

/** The pre-specified primary analysis. */
export interface PlanAnalysis {
  /** The test: `"prop.test"` (two proportions, no continuity correction), `"welch-t"`, `"cluster-t"` or `"mixed-model"` (stepped wedge; not run by {@link analyseTrial}). */
  test: "prop.test" | "welch-t" | "cluster-t" | "mixed-model";
  /** The effect measure: `"risk difference"` or `"mean difference"` (intervention − control). */
  effectMeasure: "risk difference" | "mean difference";
  /** The unit of analysis. */
  unit: "individual" | "cluster";
  /** Always `"two-sided"`. */
  alternative: "two-sided";
  /** Significance level. */
  sigLevel: number;
  /** Confidence level of the interval, 1 − sigLevel. */
  level: number;
  /** How strata and clusters are accounted for, in words. */
  adjustment: string;
  /** The R call the analysis matches. */
  rEquivalent: string;
  /** The randomisation inference that will accompany it. */
  /**
   * The randomisation inference that will accompany it: re-draws, statistic, how the allocation is re-drawn,
   * and the seed of the re-draws (published with the protocol: it reveals nothing about the allocation).
   */
  randomisation: { reps: number; statistic: string; redraw: string; seed: string };
}

/** Readiness of the theory: the NIBR scorecard and the theory's check, and whether they allow a trial. */
export interface PlanReadiness {
  /** False when the check finds an error or the scorecard says the theory is not ready for an RCT. */
  ready: boolean;
  /** `assessReadiness(theory, answers)`. */
  assessment: ReadinessResult;
  /** `checkTheory(theory)`. */
  check: CheckResult;
  /** The check's findings of severity error or warning. */
  findings: Finding[];
}

/** A plan: every step of the chain, plain JSON. */
export interface TrialPlan {
  /** `"planTrial"`. */
  method: "planTrial";
  /** The tiltak version that made it. */
  tiltakVersion: string;
  /** The theory's id and title, when a theory was given. */
  theory: { id: string; title: string } | null;
  /** The primary outcome (with the indicator's definition when it is one). */
  outcome: PlanOutcome & { definition?: string; target?: number };
  /** The design as given, with the arms filled in. */
  design: PlanDesign & { arms: string[] };
  /** Readiness, when a theory was given; else `null`. */
  readiness: PlanReadiness | null;
  /** The baseline. */
  baseline: PlanBaselineResult;
  /** The effect powered for. */
  effect: PlanEffectResult;
  /** The sample size. */
  sampleSize: PlanSampleSize;
  /** The allocation (`allocationList`, or `allocate` for known units): rows, plan and the sealed meta (seed, salt, digest). */
  allocation: AllocationResult<ListRow> | AllocationResult<UnitRow>;
  /** What to publish before recruitment: `allocate.publicCommitment(allocation)` (never the seed, salt or block sizes). */
  commitment: PublicCommitment;
  /** The pre-specified primary analysis. */
  analysis: PlanAnalysis;
  /** Assumptions, in words. */
  assumptions: string[];
  /** Warnings, in words. */
  warnings: string[];
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)} %`;
}

function findIndicator(theory: TheorySpec | undefined, id: string | undefined): Indicator | undefined {
  if (id === undefined) return undefined;
  if (theory === undefined)
    invalidInput(["outcome", "indicator"], "needs a theory to look the indicator up in", id);
  const indicator = (theory.indicators ?? []).find((candidate) => candidate.id === id);
  if (indicator === undefined)
    invalidInput(
      ["outcome", "indicator"],
      `must be the id of an indicator of theory ${theory.id} (${(theory.indicators ?? []).map((i) => i.id).join(", ") || "it has none"})`,
      id,
    );
  return indicator;
}

function numeric(value: number | string | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Plans a randomised trial from the programme theory to the pre-specified analysis, in one typed chain:
 * readiness of the theory (`@tiltak/theory` `assessReadiness` and `checkTheory`), the baseline (a rate, or
 * a programme-year record through `@tiltak/compare` `outcomeRates` with its Wilson interval), the sample
 * size by the `@tiltak/power` function that fits the design (`twoProportions` as R `pwr.2p.test`, `tTest`
 * as `pwr.t.test`, `clusterRandomised` as PowerUp! CRA2, `clusterProportions`, `steppedWedge` as
 * `swCRTdesign::swPwr`) with the call recorded so it can be rerun, inflation for attrition, the allocation
 * (`@tiltak/allocate` `allocationList` sized to the recruitment, or `allocate` for known units) with its
 * sealed certificate and commitment, and the primary analysis and randomisation inference that
 * {@link analyseTrial} will run. No other tool goes end to end: pwr and PowerUpR stop at n, randomizr and
 * Sealed Envelope at the list, ri2 and ritest start from data.
 *
 * The number to recruit per arm is ⌈⌈n⌉ / (1 − attrition)⌉ for individual designs; for cluster designs
 * ⌈J/2⌉ clusters per arm, each recruiting ⌈m / (1 − attrition)⌉ units. A theory whose check finds an error
 * is reported (`readiness.ready: false`), not thrown.
 *
 * @param options - {@link PlanTrialOptions}
 * @returns a {@link TrialPlan} (plain JSON; its `allocation.meta` holds the seed and salt, so keep the plan sealed and publish {@link toProtocol} and `commitment`)
 * @throws TiltakError `INVALID_INPUT` for bad options (a target rate for a continuous outcome, a cluster design without `icc`, more than two arms, …); `NO_SOLUTION` when no sample size reaches the power
 * @see docs/methods/plan/index.md
 *
 * @example
 * ```ts
 * import { planTrial } from "@tiltak/plan";
 * import { cohenH, twoProportions } from "@tiltak/power";
 * const plan = await planTrial({ outcome: { name: "exit to paid work", kind: "binary" }, baseline: { rate: 27 / 84 }, effect: { rate: 0.45 }, design: { kind: "individual" }, attrition: 0.2, seed: "nora-trial-2025" });
 * plan.sampleSize.perArm === twoProportions({ h: cohenH(0.45, 27 / 84), power: 0.8, sigLevel: 0.05 }).n; // => true
 * plan.sampleSize.perArm; // => 223.47
 * plan.sampleSize.recruitPerArm; // => 280
 * plan.sampleSize.call.fn; // => "twoProportions"
 * await planTrial({ outcome: { name: "score", kind: "continuous" }, baseline: { sd: 1 }, effect: { rate: 0.4 }, design: { kind: "individual" }, seed: "s" }); // => throws INVALID_INPUT "effect must be { d } or { difference } for a continuous outcome (a target rate is for binary outcomes), got {\"rate\":0.4}"
 * ```
 */
export async function planTrial(options: PlanTrialOptions): Promise<TrialPlan> {
  const o = parseOptions(planTrialOptions, options);
  const sigLevel = o.sigLevel ?? 0.05;
  const power = o.power ?? 0.8;
  if (power <= sigLevel) invalidInput("power", `must be in (sigLevel, 1) = (${sigLevel}, 1)`, power);
  const attrition = o.attrition ?? 0;
  const arms = o.design.arms ?? ["intervention", "control"];
  if (arms.length !== 2)
    invalidInput(
      ["design", "arms"],
      "must name exactly two arms: the intervention first, the comparison second",
      arms,
    );
  if (arms[0] === arms[1]) invalidInput(["design", "arms", 1], "must differ from the first arm", arms[1]);
  const kind = o.outcome.kind;
  const warnings: string[] = [];
  const assumptions: string[] = [];
  const indicator = findIndicator(o.theory, o.outcome.indicator);

  // Baseline ------------------------------------------------------------------------------------------
  const baseline: PlanBaselineResult = {};
  const b = o.baseline as PlanBaseline | undefined;
  if (kind === "binary") {
    if (b !== undefined && "sd" in b)
      invalidInput(
        "baseline",
        "must be { rate } or { record, outcome, denominator } for a binary outcome",
        b,
      );
    if (b !== undefined && "record" in b) {
      const row = outcomeRates(b.record, { denominator: b.denominator, outcomes: [b.outcome] })[0];
      if (row === undefined) invalidInput(["baseline", "outcome"], "has no rate in the record", b.outcome);
      Object.assign(baseline, {
        rate: row.rate,
        count: row.count,
        denominator: row.denominator,
        denominatorKind: row.denominatorKind,
        lower: row.lower,
        upper: row.upper,
        source: `record ${row.id}: ${row.count} of ${row.denominator} ${row.denominatorKind} (${b.outcome})`,
      });
      warnings.push(
        `the baseline comes from a single programme year (${row.id}, ${row.count} of ${row.denominator}); its 95 % interval is ${percent(row.lower)} to ${percent(row.upper)}`,
      );
      if (row.denominator < 100)
        warnings.push(
          `the baseline rests on ${row.denominator} ${row.denominatorKind}: the control arm's rate may differ from it by more than the effect`,
        );
    } else if (b !== undefined && "rate" in b) {
      baseline.rate = b.rate;
      baseline.source = b.source ?? "given";
    } else {
      const value = numeric(indicator?.baseline?.value);
      if (value === undefined || value <= 0 || value >= 1)
        invalidInput(
          "baseline",
          "is required for a binary outcome: { rate } or { record, outcome, denominator } (the indicator has no baseline rate)",
          b,
        );
      baseline.rate = value;
      baseline.source = `theory indicator ${indicator?.id} (${indicator?.baseline?.date})`;
    }
  } else {
    if (b === undefined || !("sd" in b))
      invalidInput(
        "baseline",
        "must be { sd } for a continuous outcome (the outcome's standard deviation)",
        b,
      );
    baseline.sd = b.sd;
    if (b.mean !== undefined) baseline.mean = b.mean;
    baseline.source = b.source ?? "given";
  }

  // Effect --------------------------------------------------------------------------------------------
  const effect: PlanEffectResult = { source: "options" };
  const e = o.effect as PlanEffect | undefined;
  const target = numeric(indicator?.targets?.[0]?.value);
  if (kind === "binary") {
    const p0 = baseline.rate as number;
    let p1: number;
    if (e === undefined) {
      if (target === undefined || target <= 0 || target >= 1)
        invalidInput(
          "effect",
          "is required: { rate } or { difference } (the indicator has no target rate)",
          e,
        );
      p1 = target;
      effect.source = `theory indicator ${indicator?.id}`;
    } else if ("rate" in e) p1 = e.rate;
    else if ("difference" in e) p1 = p0 + e.difference;
    else invalidInput("effect", "must be { rate } or { difference } for a binary outcome, not { d }", e);
    if (!(p1 > 0 && p1 < 1)) invalidInput("effect", `must give a target rate in (0, 1), got ${p1}`, e);
    if (p1 === p0) invalidInput("effect", "must give a target rate different from the baseline", e);
    effect.rate = p1;
    effect.difference = p1 - p0;
    effect.h = cohenH(p1, p0);
    if (target !== undefined && e !== undefined && Math.abs(target - p1) > 1e-12)
      warnings.push(
        `the trial is powered for ${percent(p1)}, not for the theory's target of ${percent(target)} (indicator ${indicator?.id})`,
      );
    if (
      baseline.lower !== undefined &&
      baseline.upper !== undefined &&
      p1 >= baseline.lower &&
      p1 <= baseline.upper
    )
      warnings.push(
        `the target ${percent(p1)} lies inside the baseline's 95 % interval (${percent(baseline.lower)} to ${percent(baseline.upper)}): the baseline is too uncertain to tell the target from it`,
      );
  } else {
    const sd = baseline.sd as number;
    if (e === undefined || "rate" in e)
      invalidInput(
        "effect",
        "must be { d } or { difference } for a continuous outcome (a target rate is for binary outcomes)",
        e,
      );
    if ("d" in e) {
      effect.d = e.d;
      effect.difference = e.d * sd;
    } else {
      effect.difference = e.difference;
      effect.d = e.difference / sd;
    }
    if (effect.d === 0) invalidInput("effect", "must not be zero", e);
  }

  // Sample size ---------------------------------------------------------------------------------------
  const design = o.design;
  const sampleSize = sizeFor(design.kind, kind, {
    baseline,
    effect,
    design,
    sigLevel,
    power,
    attrition,
    clustersFrom: o.clusters,
  });
  if (attrition > 0)
    assumptions.push(
      `${percent(attrition)} of those recruited are lost to follow-up, at random and equally in both arms`,
    );
  if (kind === "binary")
    assumptions.push(
      `the control arm's rate is the baseline's ${percent(baseline.rate as number)} (${baseline.source})`,
    );
  else
    assumptions.push(`the outcome's standard deviation is ${baseline.sd} in both arms (${baseline.source})`);
  if (design.kind !== "individual")
    assumptions.push(
      `the intra-cluster correlation is ${design.icc}${design.cv ? `, cluster sizes vary with coefficient of variation ${design.cv}` : ""}`,
    );

  // Readiness -----------------------------------------------------------------------------------------
  let readiness: PlanReadiness | null = null;
  if (o.theory !== undefined) {
    const answers: ReadinessAnswers = {
      randomisationUnit: design.kind === "individual" ? "individual" : "class",
      ...(o.readiness ?? {}),
      requiredSampleSize: sampleSize.recruitTotal,
    };
    const assessment = assessReadiness(o.theory, answers);
    const check = checkTheory(o.theory);
    const findings = check.findings.filter((finding) => finding.severity !== "info");
    const ready = check.ok && assessment.rct.verdict !== "not-ready";
    readiness = { ready, assessment, check, findings };
    if (!check.ok)
      warnings.push(
        `the theory's check finds ${check.counts.error} error(s): ${check.findings
          .filter((finding) => finding.severity === "error")
          .map((finding) => finding.message)
          .join("; ")}`,
      );
    if (assessment.rct.verdict === "not-ready")
      warnings.push(`the theory is not ready for an RCT: blocking ${assessment.rct.blocking.join(", ")}`);
  }

  // Allocation ----------------------------------------------------------------------------------------
  const allocation = await allocationFor(o, design, arms, sampleSize);
  for (const warning of allocation.warnings ?? []) warnings.push(`allocation: ${warning}`);

  // Analysis ------------------------------------------------------------------------------------------
  const analysis = analysisFor(design.kind, kind, sigLevel, design);
  const outcome: TrialPlan["outcome"] = { ...o.outcome };
  if (indicator?.definition !== undefined) outcome.definition = indicator.definition;
  if (target !== undefined) outcome.target = target;
  return {
    method: "planTrial",
    tiltakVersion,
    theory: o.theory === undefined ? null : { id: o.theory.id, title: o.theory.title },
    outcome,
    design: { ...design, arms },
    readiness,
    baseline,
    effect,
    sampleSize,
    allocation,
    commitment: publicCommitment(allocation),
    analysis,
    assumptions,
    warnings,
  };
}

interface SizeInputs {
  baseline: PlanBaselineResult;
  effect: PlanEffectResult;
  design: PlanDesign;
  sigLevel: number;
  power: number;
  attrition: number;
  clustersFrom: number | undefined;
}

function inflate(n: number, attrition: number): number {
  // ⌈n / (1 − a)⌉, with a guard against 0.3 / 0.7-style rounding just above an integer.
  const value = n / (1 - attrition);
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-9 * Math.max(1, value) ? rounded : Math.ceil(value);
}

function requireDesign<K extends keyof PlanDesign>(
  design: PlanDesign,
  key: K,
  what: string,
): NonNullable<PlanDesign[K]> {
  const value = design[key];
  if (value === undefined)
    invalidInput(["design", key], `is required for a ${design.kind} design: ${what}`, value);
  return value as NonNullable<PlanDesign[K]>;
}

function sizeFor(designKind: PlanDesign["kind"], kind: PlanOutcome["kind"], s: SizeInputs): PlanSampleSize {
  const { sigLevel, power, attrition, design } = s;
  if (designKind === "individual") {
    let call: PowerCall;
    let n: number;
    let method: string;
    if (kind === "binary") {
      const options: TwoProportionsOptions = { h: s.effect.h as number, power, sigLevel };
      const result = twoProportions(options);
      call = { fn: "twoProportions", options: { ...options } };
      n = result.n;
      method = result.method;
    } else {
      const options: TTestOptions = { d: s.effect.d as number, power, sigLevel, type: "two-sample" };
      const result = tTest(options);
      call = { fn: "tTest", options: { ...options } };
      n = result.n;
      method = result.method;
    }
    const recruitPerArm = inflate(Math.ceil(n), attrition);
    const reached =
      kind === "binary"
        ? twoProportions({ h: s.effect.h as number, n: Math.ceil(n), sigLevel }).power
        : tTest({ d: s.effect.d as number, n: Math.ceil(n), sigLevel }).power;
    return {
      unit: "units",
      perArm: n,
      total: 2 * n,
      recruitPerArm,
      recruitTotal: 2 * recruitPerArm,
      attrition,
      power: reached,
      sigLevel,
      method,
      call,
    };
  }
  const clusterSize = requireDesign(design, "clusterSize", "units analysed per cluster");
  const icc = requireDesign(design, "icc", "the intra-cluster correlation");
  const recruitPerCluster = inflate(Math.ceil(clusterSize), attrition);
  if (designKind === "cluster") {
    let call: PowerCall;
    let clusters: number;
    let method: string;
    let reachedAt: (j: number) => number;
    if (kind === "binary") {
      const options: ClusterProportionsOptions = {
        p1: s.baseline.rate as number,
        p2: s.effect.rate as number,
        clusterSize,
        icc,
        power,
        sigLevel,
      };
      if (design.cv !== undefined) options.cv = design.cv;
      const result = clusterProportions(options);
      call = { fn: "clusterProportions", options: { ...options } };
      clusters = result.clusters;
      method = result.method;
      const { power: _p, ...rest } = options;
      reachedAt = (j) => clusterProportions({ ...rest, clusters: j }).power;
    } else {
      const options: ClusterRandomisedOptions = {
        icc,
        clusterSize,
        mdes: Math.abs(s.effect.d as number),
        power,
        sigLevel,
      };
      const result = clusterRandomised(options);
      call = { fn: "clusterRandomised", options: { ...options } };
      clusters = result.clusters;
      method = result.method;
      const { power: _p, ...rest } = options;
      reachedAt = (j) => clusterRandomised({ ...rest, clusters: j, power: null }).power;
    }
    const clustersPerArm = Math.ceil(clusters / 2);
    return {
      unit: "clusters",
      perArm: clusters / 2,
      total: clusters,
      clustersPerArm,
      clusters: 2 * clustersPerArm,
      unitsPerCluster: clusterSize,
      recruitPerCluster,
      recruitPerArm: clustersPerArm * recruitPerCluster,
      recruitTotal: 2 * clustersPerArm * recruitPerCluster,
      attrition,
      power: reachedAt(2 * clustersPerArm),
      sigLevel,
      method,
      call,
    };
  }
  // Stepped wedge: the smallest number of clusters (from `clusters`, default `steps`) whose power reaches the target.
  const steps = requireDesign(design, "steps", "the number of steps (sequences), >= 2");
  const base: SteppedWedgeOptions = { clusters: steps, steps, clusterSize, icc, sigLevel, effect: 0 };
  if (kind === "binary") {
    base.outcome = "binary";
    base.p0 = s.baseline.rate as number;
    base.effect = s.effect.difference as number;
  } else {
    base.sd = s.baseline.sd as number;
    base.effect = s.effect.difference as number;
  }
  let clusters = Math.max(steps, s.clustersFrom ?? steps);
  let result = steppedWedge({ ...base, clusters });
  while (result.power < power) {
    clusters += 1;
    if (clusters > 10_000)
      throw new TiltakError(
        "NO_SOLUTION",
        `no stepped-wedge design with up to 10000 clusters reaches power ${power}`,
        [{ path: ["power"], message: "is not reached with up to 10000 clusters" }],
      );
    result = steppedWedge({ ...base, clusters });
  }
  const options: SteppedWedgeOptions = { ...base, clusters };
  return {
    unit: "clusters",
    perArm: clusters,
    total: clusters,
    clusters,
    clustersPerStep: result.clustersPerStep,
    unitsPerCluster: clusterSize,
    recruitPerCluster,
    recruitPerArm: clusters * recruitPerCluster,
    recruitTotal: clusters * recruitPerCluster,
    attrition,
    power: result.power,
    sigLevel,
    method: result.method,
    call: { fn: "steppedWedge", options: { ...options } },
  };
}

async function allocationFor(
  o: PlanTrialOptions,
  design: PlanDesign,
  arms: string[],
  size: PlanSampleSize,
): Promise<AllocationResult<ListRow> | AllocationResult<UnitRow>> {
  const sequences =
    design.kind === "stepped-wedge"
      ? (size.clustersPerStep ?? []).map((_, index) => `sequence ${index + 1}`)
      : arms;
  const title = `${o.outcome.name}: ${design.kind} randomisation to ${sequences.join(", ")}`;
  if (o.units !== undefined) {
    const units = Array.isArray(o.units) ? o.units : toRecords(o.units, "units");
    if (design.strata !== undefined && !Array.isArray(design.strata))
      invalidInput(
        ["design", "strata"],
        "must list unit fields (e.g. ['office']) when units are given",
        design.strata,
      );
    const strata = design.strata as string[] | undefined;
    const plan: AllocationPlan = { arms: sequences, seed: o.seed, title };
    if (design.idField !== undefined) plan.idField = design.idField;
    if (design.kind === "individual") {
      plan.design = strata !== undefined && strata.length > 0 ? "blocked" : "complete";
      if (strata !== undefined && strata.length > 0) plan.strata = strata;
      if (design.blockSizes !== undefined) plan.blockSizes = design.blockSizes;
    } else {
      plan.design = "cluster";
      plan.cluster = design.cluster ?? design.idField ?? "id";
      if (strata !== undefined && strata.length > 0) plan.strata = strata;
    }
    return allocate(plan, units);
  }
  if (Array.isArray(design.strata))
    invalidInput(
      ["design", "strata"],
      "must map each factor to its levels (e.g. { office: ['Bergen', 'Oslo'] }) for a list made before recruitment",
      design.strata,
    );
  const plan: AllocationPlan = { arms: sequences, seed: o.seed, title, size: 1 };
  if (design.strata !== undefined && Object.keys(design.strata).length > 0) plan.strata = design.strata;
  if (design.kind === "individual") {
    plan.design = "blocked";
    plan.blockSizes = design.blockSizes ?? [2, 4, 6, 8];
    plan.size = o.listSize ?? size.recruitTotal;
  } else {
    // The slots of a cluster list are clusters: one complete block per stratum, or permuted blocks.
    const clusters = size.clusters as number;
    if (plan.strata === undefined && design.blockSizes === undefined) {
      plan.design = "complete";
      plan.size = o.listSize ?? clusters;
    } else {
      plan.design = "blocked";
      plan.blockSizes = design.blockSizes ?? [sequences.length];
      plan.size = o.listSize ?? clusters;
    }
  }
  return allocationList(plan);
}

function analysisFor(
  designKind: PlanDesign["kind"],
  kind: PlanOutcome["kind"],
  sigLevel: number,
  design: PlanDesign,
): PlanAnalysis {
  const level = 1 - sigLevel;
  const stratified = design.strata !== undefined && Object.keys(design.strata).length > 0;
  const redraw = `the allocation re-drawn with the same design (${stratified ? "the same strata, " : ""}${design.kind === "individual" ? "the same block sizes" : "the same clusters"} and ratio) from seeds derived from the analysis seed and the replicate index; exact enumeration when the design's allocations are few enough`;
  const effectMeasure = kind === "binary" ? "risk difference" : "mean difference";
  const riSeed = "tiltak-randomisation-inference";
  if (designKind === "individual")
    return {
      test: kind === "binary" ? "prop.test" : "welch-t",
      effectMeasure,
      unit: "individual",
      alternative: "two-sided",
      sigLevel,
      level,
      adjustment: stratified
        ? "none in the test; the strata are respected by the randomisation inference, which re-draws within them"
        : "none",
      rEquivalent:
        kind === "binary"
          ? `prop.test(c(x1, x2), c(n1, n2), correct = FALSE, conf.level = ${level})`
          : `t.test(y1, y2, conf.level = ${level})`,
      randomisation: {
        reps: 10_000,
        statistic: `difference in means (${effectMeasure})`,
        redraw,
        seed: riSeed,
      },
    };
  if (designKind === "cluster")
    return {
      test: "cluster-t",
      effectMeasure,
      unit: "cluster",
      alternative: "two-sided",
      sigLevel,
      level,
      adjustment: `clusters: a t test on the cluster-level ${kind === "binary" ? "proportions" : "means"} (df = clusters − 2)${stratified ? "; strata respected by the randomisation inference" : ""}`,
      rEquivalent: `t.test(clusterMeans1, clusterMeans2, var.equal = TRUE, conf.level = ${level})`,
      randomisation: {
        reps: 10_000,
        statistic: "difference in the mean of cluster means",
        redraw,
        seed: riSeed,
      },
    };
  return {
    test: "mixed-model",
    effectMeasure,
    unit: "cluster",
    alternative: "two-sided",
    sigLevel,
    level,
    adjustment: "random cluster intercepts and fixed period effects (Hussey & Hughes 2007)",
    rEquivalent: "lme4::lmer(y ~ treatment + factor(period) + (1 | cluster))",
    randomisation: { reps: 10_000, statistic: "difference in means", redraw, seed: riSeed },
  };
}
