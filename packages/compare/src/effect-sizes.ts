import { invalidInput, parseOptions } from "@tiltak/core";
import * as z from "zod/mini";

/**
 * The effect-size measures of {@link effectSizes}, with `metafor::escalc`'s names: for two groups with
 * binary outcomes `RR` (log risk ratio), `OR` (log odds ratio), `RD` (risk difference); for one group
 * `PR` (raw proportion), `PLO` (logit), `PAS` (arcsine square root), `PFT` (Freeman–Tukey double
 * arcsine); for two groups with means `MD` (mean difference) and `SMD` (Hedges' g, bias-corrected).
 *
 * @example
 * ```ts
 * import { effectSizeMeasures } from "@tiltak/compare";
 * effectSizeMeasures.length; // => 9
 * ```
 */
export const effectSizeMeasures: readonly ["RR", "OR", "RD", "PLO", "PR", "PAS", "PFT", "MD", "SMD"] = [
  "RR",
  "OR",
  "RD",
  "PLO",
  "PR",
  "PAS",
  "PFT",
  "MD",
  "SMD",
] as const;

/** One of {@link effectSizeMeasures}. */
export type EffectSizeMeasure = (typeof effectSizeMeasures)[number];

/** Where the zero-cell correction `add` goes, as `escalc`'s `to`. */
export type AddTo = "only0" | "all" | "if0all" | "none";

interface CommonOptions {
  /** Added to the cells (counts) of studies selected by `to`. Default 1/2, but 0 for `PAS` and `PFT` (as escalc). */
  add?: number | undefined;
  /** Which studies get `add`: `only0` (default: studies with a zero cell), `all`, `if0all` (all studies if any has a zero cell), `none`. */
  to?: AddTo | undefined;
  /** Study labels, echoed (for forest plots). */
  slab?: string[] | undefined;
}

/** Options of {@link effectSizes} for two groups with a binary outcome (a 2×2 table per study). */
export interface TwoByTwoEffectOptions extends CommonOptions {
  /** `RR`, `OR` or `RD`. */
  measure: "RR" | "OR" | "RD";
  /** Events in group 1. */
  ai: number[];
  /** Non-events in group 1 (or give `n1i`). */
  bi?: number[] | undefined;
  /** Events in group 2. */
  ci: number[];
  /** Non-events in group 2 (or give `n2i`). */
  di?: number[] | undefined;
  /** Size of group 1, instead of `bi` (bi = n1i − ai), as escalc. */
  n1i?: number[] | undefined;
  /** Size of group 2, instead of `di` (di = n2i − ci). */
  n2i?: number[] | undefined;
}

/** Options of {@link effectSizes} for one group with a binary outcome. */
export interface ProportionEffectOptions extends CommonOptions {
  /** `PR`, `PLO`, `PAS` or `PFT`. */
  measure: "PR" | "PLO" | "PAS" | "PFT";
  /** Events. */
  xi: number[];
  /** Group sizes (or give `mi`). */
  ni?: number[] | undefined;
  /** Non-events, instead of `ni` (ni = xi + mi), as escalc. */
  mi?: number[] | undefined;
}

/** Options of {@link effectSizes} for two groups with a continuous outcome. */
export interface MeanEffectOptions {
  /** `MD` or `SMD`. */
  measure: "MD" | "SMD";
  /** Means, group 1. */
  m1i: number[];
  /** Standard deviations, group 1. */
  sd1i: number[];
  /** Sizes, group 1. */
  n1i: number[];
  /** Means, group 2. */
  m2i: number[];
  /** Standard deviations, group 2. */
  sd2i: number[];
  /** Sizes, group 2. */
  n2i: number[];
  /** Study labels, echoed. */
  slab?: string[] | undefined;
}

/** Options of {@link effectSizes}. */
export type EffectSizeOptions = TwoByTwoEffectOptions | ProportionEffectOptions | MeanEffectOptions;

/** Result of {@link effectSizes}. */
export interface EffectSizeResult {
  /** The measure. */
  measure: EffectSizeMeasure;
  /** The effect size per study (on the log scale for RR, OR, logit for PLO). */
  yi: number[];
  /** Its sampling variance per study (escalc's default `vtype = "LS"`). */
  vi: number[];
  /** Number of studies. */
  k: number;
  /** The correction added (0 for MD and SMD). */
  add: number;
  /** Where it was added. */
  to: AddTo;
  /** 0-based indices of the studies whose cells were corrected. */
  corrected: number[];
  /** Study labels, when given. */
  slab?: string[] | undefined;
  /** Always `"metafor::escalc"`: the implementation matched. */
  method: "metafor::escalc";
}

const nonNegativeArray = z
  .array(z.number().check(z.minimum(0, { error: "must be >= 0" })))
  .check(z.minLength(1, { error: "must have at least 1 study" }));
const positiveArray = z
  .array(z.number().check(z.positive({ error: "must be > 0" })))
  .check(z.minLength(1, { error: "must have at least 1 study" }));
const finiteArray = z.array(z.number()).check(z.minLength(1, { error: "must have at least 1 study" }));
const common = {
  add: z.optional(z.number().check(z.minimum(0))),
  to: z._default(z.enum(["only0", "all", "if0all", "none"]), "only0"),
  slab: z.optional(z.array(z.string())),
};

const twoByTwoSchema = z.strictObject({
  measure: z.enum(["RR", "OR", "RD"]),
  ai: nonNegativeArray,
  bi: nonNegativeArray,
  ci: nonNegativeArray,
  di: nonNegativeArray,
  ...common,
});
const proportionSchema = z.strictObject({
  measure: z.enum(["PR", "PLO", "PAS", "PFT"]),
  xi: nonNegativeArray,
  ni: positiveArray,
  ...common,
});
const meanSchema = z.strictObject({
  measure: z.enum(["MD", "SMD"]),
  m1i: finiteArray,
  sd1i: nonNegativeArray,
  n1i: positiveArray,
  m2i: finiteArray,
  sd2i: nonNegativeArray,
  n2i: positiveArray,
  slab: z.optional(z.array(z.string())),
});

/**
 * The zod schema of {@link EffectSizeOptions}: one of three shapes, told apart by `measure`.
 *
 * @example
 * ```ts
 * import { effectSizeOptions } from "@tiltak/compare";
 * effectSizeOptions.safeParse({ measure: "OR", ai: [1], bi: [2], ci: [3], di: [4] }).success; // => true
 * ```
 */
export const effectSizeOptions: z.ZodMiniType<
  | (Omit<TwoByTwoEffectOptions, "to" | "bi" | "di" | "n1i" | "n2i"> & {
      bi: number[];
      di: number[];
      to: AddTo;
    })
  | (Omit<ProportionEffectOptions, "to" | "ni" | "mi"> & { ni: number[]; to: AddTo })
  | MeanEffectOptions
> = z.discriminatedUnion("measure", [twoByTwoSchema, proportionSchema, meanSchema]);

function sameLength(lengths: Record<string, number>): number {
  const entries = Object.entries(lengths);
  const k = (entries[0] as [string, number])[1];
  for (const [name, length] of entries)
    if (length !== k)
      invalidInput(
        name,
        `must have the same length as ${(entries[0] as [string, number])[0]} (${k})`,
        `length ${length}`,
      );
  return k;
}

function finite(value: number, measure: string, index: number, why: string): number {
  if (!Number.isFinite(value))
    invalidInput(
      ["study", index],
      `must give a finite ${measure} (${why}; use add > 0 or another measure)`,
      `${value} at study ${index}`,
    );
  return value;
}

/**
 * Effect sizes and sampling variances per study, exactly as `metafor::escalc` (3.8) with its defaults
 * (`vtype = "LS"`, `add = 1/2`, `to = "only0"`: 1/2 is added to every cell of a study that has a zero
 * cell, and only to those; `add = 0` by default for `PAS` and `PFT`).
 *
 * Formulas (Viechtbauer 2010; metafor's documentation), with p₁ = a/(a+b), p₂ = c/(c+d), p = x/n:
 * RR: yᵢ = ln p₁ − ln p₂, vᵢ = 1/a − 1/(a+b) + 1/c − 1/(c+d); OR: yᵢ = ln(ad/bc), vᵢ = 1/a + 1/b + 1/c + 1/d;
 * RD: yᵢ = p₁ − p₂, vᵢ = p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂; PR: p, p(1−p)/n; PLO: ln(x/(n−x)), 1/x + 1/(n−x);
 * PAS: asin √p, 1/(4n); PFT: ½[asin √(x/(n+1)) + asin √((x+1)/(n+1))], 1/(4n+2); MD: m₁ − m₂,
 * s₁²/n₁ + s₂²/n₂; SMD (Hedges 1981): g = c(m)·(m₁ − m₂)/s_p with m = n₁+n₂−2, the exact bias correction
 * c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)), and vᵢ = 1/n₁ + 1/n₂ + g²/(2(n₁+n₂)).
 *
 * R equivalent: `metafor::escalc(measure, ai, bi, ci, di)` / `escalc(measure, xi = , ni = )` /
 * `escalc(measure, m1i, sd1i, n1i, m2i, sd2i, n2i)`.
 *
 * @param options - `{ measure, ai, bi, ci, di }` (or `n1i`, `n2i` for `bi`, `di`), `{ measure, xi, ni }` (or `mi`) or `{ measure, m1i, sd1i, n1i, m2i, sd2i, n2i }`, plus `add`, `to`, `slab`
 * @returns `{ measure, yi, vi, k, add, to, corrected, method }`
 * @throws TiltakError `INVALID_INPUT` for unequal lengths, negative counts, events above group sizes,
 *   or a study whose effect is infinite or undefined (e.g. a zero cell with `to: "none"`)
 * @see docs/methods/compare/effect-sizes.md
 *
 * @example
 * ```ts
 * import { effectSizes } from "@tiltak/compare";
 * const or = effectSizes({ measure: "OR", ai: [4], bi: [119], ci: [11], di: [128] });
 * or.yi[0]; // => -0.9386941
 * or.vi[0]; // => 0.35712495
 * effectSizes({ measure: "RR", ai: [0], bi: [10], ci: [3], di: [7] }).corrected; // => [0]
 * effectSizes({ measure: "PR", xi: [42], ni: [84] }).yi; // => [0.5]
 * effectSizes({ measure: "RR", ai: [4], n1i: [123], ci: [11], n2i: [139] }).yi[0]; // => -0.8893113
 * effectSizes({ measure: "PR", xi: [90], ni: [84] }); // => throws INVALID_INPUT "xi[0] must be <= ni[0] (84), got 90"
 * ```
 */
export function effectSizes(options: EffectSizeOptions): EffectSizeResult {
  const parsed = parseOptions(effectSizeOptions, fromGroupSizes(options));
  if (parsed.measure === "MD" || parsed.measure === "SMD") return meanEffects(parsed as MeanEffectOptions);
  if (parsed.measure === "RR" || parsed.measure === "OR" || parsed.measure === "RD")
    return twoByTwoEffects(parsed as TwoByTwoParsed);
  return proportionEffects(parsed as ProportionParsed);
}

type TwoByTwoParsed = Omit<TwoByTwoEffectOptions, "to" | "bi" | "di" | "n1i" | "n2i"> & {
  bi: number[];
  di: number[];
  to: AddTo;
};
type ProportionParsed = Omit<ProportionEffectOptions, "to" | "ni" | "mi"> & { ni: number[]; to: AddTo };

/** escalc's alternative inputs: group sizes n1i, n2i instead of bi, di; mi instead of ni. */
function fromGroupSizes(options: EffectSizeOptions): unknown {
  if (typeof options !== "object" || options === null) return options;
  const input = { ...(options as unknown as Record<string, unknown>) };
  const complement = (count: string, size: string, target: string, add: boolean): void => {
    if (input[size] === undefined) return;
    if (input[target] !== undefined)
      invalidInput(
        size,
        `must be left out when ${target} is given (give one of ${target}, ${size})`,
        input[size],
      );
    const sizes = input[size];
    const counts = input[count];
    if (!Array.isArray(sizes) || !Array.isArray(counts)) return;
    input[target] = sizes.map((value, i) => {
      const other = counts[i];
      if (typeof value !== "number" || typeof other !== "number") return value;
      if (!add && other > value) invalidInput([count, i], `must be <= ${size}[${i}] (${value})`, other);
      return add ? other + value : value - other;
    });
    delete input[size];
  };
  if (input.measure === "RR" || input.measure === "OR" || input.measure === "RD") {
    complement("ai", "n1i", "bi", false);
    complement("ci", "n2i", "di", false);
  } else if (
    input.measure === "PR" ||
    input.measure === "PLO" ||
    input.measure === "PAS" ||
    input.measure === "PFT"
  ) {
    complement("xi", "mi", "ni", true);
  }
  return input;
}

function withSlab(result: EffectSizeResult, slab: string[] | undefined): EffectSizeResult {
  if (slab === undefined) return result;
  if (slab.length !== result.k)
    invalidInput("slab", `must have one label per study (${result.k})`, `length ${slab.length}`);
  return { ...result, slab };
}

function selectCorrected(hasZero: boolean[], to: AddTo, add: number): boolean[] {
  if (add === 0 || to === "none") return hasZero.map(() => false);
  if (to === "all") return hasZero.map(() => true);
  if (to === "if0all") {
    const any = hasZero.some(Boolean);
    return hasZero.map(() => any);
  }
  return hasZero;
}

function twoByTwoEffects(options: TwoByTwoParsed): EffectSizeResult {
  const { measure, ai, bi, ci, di, to } = options;
  const add = options.add ?? 0.5;
  const k = sameLength({ ai: ai.length, bi: bi.length, ci: ci.length, di: di.length });
  for (let i = 0; i < k; i++) {
    if ((ai[i] as number) + (bi[i] as number) <= 0)
      invalidInput(["ai", i], "and bi must give a group size > 0", `ai = ${ai[i]}, bi = ${bi[i]}`);
    if ((ci[i] as number) + (di[i] as number) <= 0)
      invalidInput(["ci", i], "and di must give a group size > 0", `ci = ${ci[i]}, di = ${di[i]}`);
  }
  const hasZero = ai.map((a, i) => a === 0 || bi[i] === 0 || ci[i] === 0 || di[i] === 0);
  const corrected = selectCorrected(hasZero, to, add);
  const yi: number[] = [];
  const vi: number[] = [];
  for (let i = 0; i < k; i++) {
    const plus = corrected[i] ? add : 0;
    const a = (ai[i] as number) + plus;
    const b = (bi[i] as number) + plus;
    const c = (ci[i] as number) + plus;
    const d = (di[i] as number) + plus;
    const n1 = a + b;
    const n2 = c + d;
    const p1 = a / n1;
    const p2 = c / n2;
    let y: number;
    let v: number;
    if (measure === "RR") {
      y = Math.log(p1) - Math.log(p2);
      v = 1 / a - 1 / n1 + 1 / c - 1 / n2;
    } else if (measure === "OR") {
      y = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
      v = 1 / a + 1 / b + 1 / c + 1 / d;
    } else {
      y = p1 - p2;
      v = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
    }
    yi.push(finite(y, measure, i, "a zero cell"));
    vi.push(finite(v, measure, i, "a zero cell"));
  }
  return withSlab(
    { measure, yi, vi, k, add, to, corrected: indices(corrected), method: "metafor::escalc" },
    options.slab,
  );
}

function proportionEffects(options: ProportionParsed): EffectSizeResult {
  const { measure, xi, ni, to } = options;
  const add = options.add ?? (measure === "PAS" || measure === "PFT" ? 0 : 0.5);
  const k = sameLength({ xi: xi.length, ni: ni.length });
  for (let i = 0; i < k; i++)
    if ((xi[i] as number) > (ni[i] as number))
      invalidInput(["xi", i], `must be <= ni[${i}] (${ni[i]})`, xi[i]);
  const hasZero = xi.map((x, i) => x === 0 || (ni[i] as number) - x === 0);
  const corrected = selectCorrected(hasZero, to, add);
  const yi: number[] = [];
  const vi: number[] = [];
  for (let i = 0; i < k; i++) {
    const plus = corrected[i] ? add : 0;
    const x = (xi[i] as number) + plus;
    const m = (ni[i] as number) - (xi[i] as number) + plus;
    const n = x + m;
    const p = x / n;
    let y: number;
    let v: number;
    if (measure === "PR") {
      y = p;
      v = (p * (1 - p)) / n;
    } else if (measure === "PLO") {
      y = Math.log(p / (1 - p));
      v = 1 / x + 1 / m;
    } else if (measure === "PAS") {
      y = Math.asin(Math.sqrt(p));
      v = 1 / (4 * n);
    } else {
      y = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
      v = 1 / (4 * n + 2);
    }
    yi.push(finite(y, measure, i, "zero events or zero non-events"));
    vi.push(finite(v, measure, i, "zero events or zero non-events"));
  }
  return withSlab(
    { measure, yi, vi, k, add, to, corrected: indices(corrected), method: "metafor::escalc" },
    options.slab,
  );
}

/**
 * Hedges' exact small-sample correction c(m) = Γ(m/2) / (√(m/2) Γ((m − 1)/2)), computed on the log scale.
 */
function hedgesCorrection(m: number): number {
  return Math.exp(logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - logGamma((m - 1) / 2));
}

// Lanczos approximation (g = 7, n = 9; Godfrey's coefficients), accurate to ~1e-15 relative for x > 0.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let series = lanczos[0] as number;
  for (let i = 1; i < 9; i++) series += (lanczos[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

function meanEffects(options: MeanEffectOptions): EffectSizeResult {
  const { measure, m1i, sd1i, n1i, m2i, sd2i, n2i } = options;
  const k = sameLength({
    m1i: m1i.length,
    sd1i: sd1i.length,
    n1i: n1i.length,
    m2i: m2i.length,
    sd2i: sd2i.length,
    n2i: n2i.length,
  });
  const yi: number[] = [];
  const vi: number[] = [];
  for (let i = 0; i < k; i++) {
    const n1 = n1i[i] as number;
    const n2 = n2i[i] as number;
    const s1 = sd1i[i] as number;
    const s2 = sd2i[i] as number;
    const difference = (m1i[i] as number) - (m2i[i] as number);
    if (measure === "MD") {
      yi.push(difference);
      vi.push(finite((s1 * s1) / n1 + (s2 * s2) / n2, measure, i, "infinite variance"));
      continue;
    }
    const m = n1 + n2 - 2;
    if (!(m > 1)) invalidInput(["n1i", i], "and n2i must satisfy n1i + n2i > 3 for SMD", `${n1} + ${n2}`);
    const pooled = Math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / m);
    if (!(pooled > 0))
      invalidInput(["sd1i", i], "and sd2i must give a pooled SD > 0 for SMD", `${s1}, ${s2}`);
    const g = hedgesCorrection(m) * (difference / pooled);
    yi.push(finite(g, measure, i, "undefined"));
    vi.push(1 / n1 + 1 / n2 + (g * g) / (2 * (n1 + n2)));
  }
  return withSlab(
    { measure, yi, vi, k, add: 0, to: "none", corrected: [], method: "metafor::escalc" },
    options.slab,
  );
}

function indices(flags: boolean[]): number[] {
  const out: number[] = [];
  flags.forEach((flag, index) => {
    if (flag) out.push(index);
  });
  return out;
}
