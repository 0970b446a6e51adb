import binomcoefln from "@stdlib/math-base-special-binomcoefln";
import { type Alternative, alternativeSchema, findRoot, numberIn, parseOptions, sum } from "@tiltak/core";
import * as z from "zod/mini";
import { chiSquare } from "./chi-square.js";

/** Options of {@link fisherExact}. */
export interface FisherExactOptions {
  /** A 2×2 table of non-negative integer counts, `[[a, b], [c, d]]` (rows are groups). */
  table: number[][];
  /** Alternative hypothesis about the odds ratio against 1; default `"two-sided"`. */
  alternative?: Alternative;
  /** Confidence level of the odds-ratio interval, in (0, 1); default 0.95. */
  level?: number;
}

/** Result of {@link fisherExact}. */
export interface FisherExactResult {
  /** The p-value, as R `fisher.test(...)$p.value`. */
  p: number;
  /**
   * Conditional maximum-likelihood estimate of the odds ratio: 0 at the lower end of the support, and
   * `null` at the upper end, where R reports `Inf` (results are plain JSON, which has no infinity).
   */
  oddsRatio: number | null;
  /** Lower limit of the conditional confidence interval for the odds ratio (0 when open-ended). */
  ciLower: number;
  /** Upper limit; `null` where R reports `Inf` (one-sided `"greater"`, or the upper end of the support). */
  ciUpper: number | null;
  /** Confidence level of the interval. */
  level: number;
  /** The alternative tested. */
  alternative: Alternative;
  /**
   * The same estimate and limits solved to machine precision. `oddsRatio`, `ciLower` and `ciUpper`
   * above reproduce R, whose `uniroot` stops at tolerance 1.2e-4 in its root variable; these are the
   * exact solutions of the same equations (they can differ from R's in the 4th digit).
   */
  precise: { oddsRatio: number | null; ciLower: number; ciUpper: number | null };
  /** The table (echoed). */
  table: number[][];
  /** Always `"fisher-exact"`. */
  method: "fisher-exact";
}

const countSchema = z.number().check(
  z.refine((value) => Number.isInteger(value) && value >= 0, {
    error: "must be a non-negative integer count",
  }),
);

/**
 * Schema of {@link FisherExactOptions}.
 *
 * @example
 * ```ts
 * import { fisherExactOptions } from "@tiltak/stats";
 * fisherExactOptions.safeParse({ table: [[3, 1], [1, 3]] }).success; // => true
 * fisherExactOptions.safeParse({ table: [[3, 1, 2], [1, 3, 2]] }).success; // => false
 * ```
 */
export const fisherExactOptions: z.ZodMiniType<FisherExactOptions> = z
  .strictObject({
    table: z
      .array(z.array(countSchema).check(z.length(2, { error: "must have 2 columns" })))
      .check(z.length(2, { error: "must be a 2x2 table [[a, b], [c, d]]" })),
    alternative: z.optional(alternativeSchema),
    level: z.optional(numberIn(0, 1, "()")),
  })
  .check((ctx) => {
    const total = ctx.value.table.flat().reduce((a, b) => a + b, 0);
    if (total === 0) {
      ctx.issues.push({
        code: "custom",
        path: ["table"],
        message: "must contain at least one count > 0",
        input: ctx.value.table,
      });
    }
  }) as unknown as z.ZodMiniType<FisherExactOptions>;

/** The conditional (noncentral hypergeometric) distribution of the first cell given the margins. */
class Conditional {
  readonly lo: number;
  readonly hi: number;
  readonly size: number;
  readonly logDensity: Float64Array;
  private readonly work: Float64Array;
  constructor(m: number, n: number, k: number) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.size = this.hi - this.lo + 1;
    this.logDensity = new Float64Array(this.size);
    this.work = new Float64Array(this.size);
    const logTotal = binomcoefln(m + n, k);
    for (let i = 0; i < this.size; i++) {
      const s = this.lo + i;
      this.logDensity[i] = binomcoefln(m, s) + binomcoefln(n, k - s) - logTotal;
    }
  }
  /**
   * Probabilities of the support under odds ratio psi (0 < psi < Inf), scaled by the largest term
   * before exponentiating, as R's `dnhyper`. The array is reused between calls.
   */
  density(psi: number): Float64Array {
    const logPsi = Math.log(psi);
    const d = this.work;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      const value = (this.logDensity[i] as number) + logPsi * (this.lo + i);
      d[i] = value;
      if (value > max) max = value;
    }
    for (let i = 0; i < this.size; i++) d[i] = Math.exp((d[i] as number) - max);
    const total = sum(d);
    for (let i = 0; i < this.size; i++) d[i] = (d[i] as number) / total;
    return d;
  }
  mean(psi: number): number {
    if (psi === 0) return this.lo;
    if (psi === Number.POSITIVE_INFINITY) return this.hi;
    const d = this.density(psi);
    for (let i = 0; i < this.size; i++) d[i] = (d[i] as number) * (this.lo + i);
    return sum(d);
  }
  /** P(X <= q) (or P(X >= q) when `upper`) under odds ratio psi. */
  tail(q: number, psi: number, upper: boolean): number {
    if (psi === 0) return Number(upper ? q <= this.lo : q >= this.lo);
    if (psi === Number.POSITIVE_INFINITY) return Number(upper ? q <= this.hi : q >= this.hi);
    const d = this.density(psi);
    const cut = q - this.lo;
    return upper ? sum(d.subarray(Math.max(0, cut))) : sum(d.subarray(0, Math.max(0, cut + 1)));
  }
}

/** R's default `uniroot` tolerance, `.Machine$double.eps^0.25` = 2^-13. */
const rUnirootTolerance = 2 ** -13;

/**
 * Solves g(t) = 0 for t in [lower, 1]: R's way or to machine precision. core's `findRoot` runs netlib's
 * `zeroin` as R's `uniroot` does, so at R's default tolerance it stops where `fisher.test` stops and the
 * estimate and limits are the ones R reports.
 */
function rootIn(g: (t: number) => number, lower: number, precise: boolean): number {
  if (!precise) {
    return findRoot(g, {
      lower,
      upper: 1,
      tolerance: rUnirootTolerance,
      relativeTolerance: Number.EPSILON,
      name: "odds ratio",
    }).root;
  }
  return findRoot(g, { lower, upper: 1, tolerance: 1e-300, name: "odds ratio" }).root;
}

/**
 * Fisher's exact test for a 2×2 table, as R `fisher.test`: the p-value from the conditional
 * (hypergeometric) distribution of the first cell given the margins, the conditional
 * maximum-likelihood estimate of the odds ratio, and its conditional confidence interval
 * (Cornfield 1956; the "exact" limits that invert the two one-sided tests).
 *
 * The two-sided p-value is R's: the sum of the probabilities of all tables no more probable than
 * the observed one, with relative tolerance 1 + 1e-7. One-sided p-values are the conditional tails.
 * The estimate solves E[X | psi] = x and the limits solve P(X >= x | psi) = alpha and
 * P(X <= x | psi) = alpha (alpha = (1 − level)/2 for two-sided), on R's scale (psi in [0, 1], or 1/psi)
 * with Brent's zero finder at R's `uniroot` tolerance 2^-13, so `oddsRatio`, `ciLower` and `ciUpper`
 * are the numbers `fisher.test` reports. That tolerance leaves R's values up to a few percent from the
 * exact solutions for extreme tables; `precise` holds the exact solutions (machine precision).
 * At the ends of the support the estimate is 0 or infinite and the interval is open-ended, as in R; an
 * infinite estimate or upper limit (R's `Inf`) is returned as `null`, so that the result is plain JSON.
 *
 * @param options - `{ table: [[a, b], [c, d]], alternative = "two-sided", level = 0.95 }`
 * @returns `{ p, oddsRatio, ciLower, ciUpper, level, alternative, precise, table, method }`
 * @throws TiltakError `INVALID_INPUT` when the table is not 2×2, has negative or non-integer counts,
 *   or is all zero
 * @see docs/methods/stats/two-by-two.md
 *
 * @example
 * ```ts
 * import { fisherExact } from "@tiltak/stats";
 * // Exits to work: 27 of 84 in one programme, 15 of 84 in another.
 * const f = fisherExact({ table: [[27, 57], [15, 69]] });
 * f.p; // => 0.0492506435
 * f.oddsRatio; // => 2.16883058
 * [f.ciLower, f.ciUpper]; // => [1.002291974, 4.840427402]
 * fisherExact({ table: [[3, 1], [1, 3]], alternative: "greater" }).p; // => 0.2428571429
 * fisherExact({ table: [[3, -1], [1, 3]] }); // => throws INVALID_INPUT
 * ```
 */
export function fisherExact(options: FisherExactOptions): FisherExactResult {
  const parsed = parseOptions(fisherExactOptions, options);
  const alternative = parsed.alternative ?? "two-sided";
  const level = parsed.level ?? 0.95;
  const [[a, b], [c, d]] = parsed.table as [[number, number], [number, number]];
  const dist = new Conditional(a + c, b + d, a + b);
  const { lo, hi } = dist;
  const x = a;

  let p: number;
  if (alternative === "less") p = dist.tail(x, 1, false);
  else if (alternative === "greater") p = dist.tail(x, 1, true);
  else {
    const density = dist.density(1);
    const observed = (density[x - lo] as number) * (1 + 1e-7);
    p = sum(density.filter((value) => value <= observed));
  }
  p = Math.min(1, p);

  const upperLimit = (alpha: number, precise: boolean): number => {
    if (x === hi) return Number.POSITIVE_INFINITY;
    const atOne = dist.tail(x, 1, false);
    if (atOne < alpha) return rootIn((t) => dist.tail(x, t, false) - alpha, 0, precise);
    if (atOne > alpha) return 1 / rootIn((t) => dist.tail(x, 1 / t, false) - alpha, Number.EPSILON, precise);
    return 1;
  };
  const lowerLimit = (alpha: number, precise: boolean): number => {
    if (x === lo) return 0;
    const atOne = dist.tail(x, 1, true);
    if (atOne > alpha) return rootIn((t) => dist.tail(x, t, true) - alpha, 0, precise);
    if (atOne < alpha) return 1 / rootIn((t) => dist.tail(x, 1 / t, true) - alpha, Number.EPSILON, precise);
    return 1;
  };
  const interval = (precise: boolean): [number, number] => {
    if (alternative === "less") return [0, upperLimit(1 - level, precise)];
    if (alternative === "greater") return [lowerLimit(1 - level, precise), Number.POSITIVE_INFINITY];
    return [lowerLimit((1 - level) / 2, precise), upperLimit((1 - level) / 2, precise)];
  };
  const estimate = (precise: boolean): number => {
    if (x === lo) return 0;
    if (x === hi) return Number.POSITIVE_INFINITY;
    const mu = dist.mean(1);
    if (mu > x) return rootIn((t) => dist.mean(t) - x, 0, precise);
    if (mu < x) return 1 / rootIn((t) => dist.mean(1 / t) - x, Number.EPSILON, precise);
    return 1;
  };
  const [ciLower, ciUpper] = interval(false);
  const [preciseLower, preciseUpper] = interval(true);
  const oddsRatio = estimate(false);
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  const preciseOddsRatio = estimate(true);
  return {
    p,
    oddsRatio: finite(oddsRatio),
    ciLower,
    ciUpper: finite(ciUpper),
    level,
    alternative,
    precise: { oddsRatio: finite(preciseOddsRatio), ciLower: preciseLower, ciUpper: finite(preciseUpper) },
    table: parsed.table.map((row) => [...row]),
    method: "fisher-exact",
  };
}

/** Options of {@link chiSquareTest}. */
export interface ChiSquareTestOptions {
  /** An r×c table (r, c >= 2) of non-negative counts, rows as arrays; every row and column sum > 0. */
  table: number[][];
  /** Yates' continuity correction for 2×2 tables (ignored for larger tables, as R); default true. */
  correct?: boolean;
}

/** Result of {@link chiSquareTest}. */
export interface ChiSquareTestResult {
  /** Pearson's X² (with Yates' correction when applied). */
  statistic: number;
  /** Degrees of freedom, (r − 1)(c − 1). */
  df: number;
  /** Upper-tail chi-square p-value. */
  p: number;
  /** Expected counts under independence, row sum × column sum / total. */
  expected: number[][];
  /** Whether Yates' correction was applied (only for 2×2 with `correct: true`). */
  correct: boolean;
  /** The table (echoed). */
  table: number[][];
  /** Always `"pearson-chi-square"`. */
  method: "pearson-chi-square";
}

/**
 * Schema of {@link ChiSquareTestOptions}.
 *
 * @example
 * ```ts
 * import { chiSquareTestOptions } from "@tiltak/stats";
 * chiSquareTestOptions.safeParse({ table: [[1, 2], [3, 4]], correct: false }).success; // => true
 * ```
 */
export const chiSquareTestOptions: z.ZodMiniType<ChiSquareTestOptions> = z
  .strictObject({
    table: z
      .array(
        z
          .array(numberIn(0, Number.POSITIVE_INFINITY, "[)"))
          .check(z.minLength(2, { error: "must have at least 2 columns" })),
      )
      .check(z.minLength(2, { error: "must have at least 2 rows" })),
    correct: z.optional(z.boolean()),
  })
  .check((ctx) => {
    const table = ctx.value.table;
    const columns = table[0]?.length ?? 0;
    table.forEach((row, i) => {
      if (row.length !== columns) {
        ctx.issues.push({
          code: "custom",
          path: ["table", i],
          message: `must have ${columns} columns like the first row, got ${row.length}`,
          input: row,
        });
      } else if (row.reduce((s, v) => s + v, 0) === 0) {
        ctx.issues.push({ code: "custom", path: ["table", i], message: "must not sum to 0", input: row });
      }
    });
    for (let j = 0; j < columns; j++) {
      if (table.every((row) => row.length === columns && row[j] === 0)) {
        ctx.issues.push({
          code: "custom",
          path: ["table"],
          message: `column ${j} must not sum to 0`,
          input: table.map((row) => row[j]),
        });
      }
    }
  }) as unknown as z.ZodMiniType<ChiSquareTestOptions>;

/**
 * Pearson's chi-square test of independence for an r×c table, as R `chisq.test(table, correct)`:
 * X² = Σ (|O − E| − Y)² / E with E = row sum × column sum / total, df = (r − 1)(c − 1), and
 * p = P(χ²_df > X²). Yates' correction Y = min(0.5, min |O − E|) is used only for 2×2 tables with
 * `correct: true` (the default, as R); otherwise Y = 0. Matches R to 1e-9 relative.
 *
 * @param options - `{ table, correct = true }`
 * @returns `{ statistic, df, p, expected, correct, table, method }`
 * @throws TiltakError `INVALID_INPUT` for fewer than 2 rows or columns, ragged rows, negative counts,
 *   or a row or column summing to 0
 * @see docs/methods/stats/two-by-two.md
 *
 * @example
 * ```ts
 * import { chiSquareTest } from "@tiltak/stats";
 * const t = chiSquareTest({ table: [[27, 57], [15, 69]] });
 * t.statistic; // => 3.841269841
 * t.p; // => 0.0500056356
 * chiSquareTest({ table: [[27, 57], [15, 69]], correct: false }).statistic; // => 4.571428571
 * chiSquareTest({ table: [[1, 2]] }); // => throws INVALID_INPUT "table must have at least 2 rows, got [[1,2]]"
 * ```
 */
export function chiSquareTest(options: ChiSquareTestOptions): ChiSquareTestResult {
  const parsed = parseOptions(chiSquareTestOptions, options);
  const table = parsed.table;
  const rows = table.length;
  const columns = (table[0] as number[]).length;
  const rowSums = table.map((row) => sum(row));
  const columnSums = Array.from({ length: columns }, (_, j) => sum(table.map((row) => row[j] as number)));
  const total = sum(rowSums);
  const expected = table.map((_, i) =>
    columnSums.map((columnSum) => ((rowSums[i] as number) * columnSum) / total),
  );
  const applyYates = (parsed.correct ?? true) && rows === 2 && columns === 2;
  let yates = 0;
  if (applyYates) {
    yates = Math.min(
      0.5,
      ...table.flatMap((row, i) => row.map((value, j) => Math.abs(value - (expected[i]?.[j] as number)))),
    );
  }
  const terms = table.flatMap((row, i) =>
    row.map((value, j) => {
      const e = expected[i]?.[j] as number;
      return (Math.abs(value - e) - yates) ** 2 / e;
    }),
  );
  const statistic = sum(terms);
  const df = (rows - 1) * (columns - 1);
  return {
    statistic,
    df,
    p: chiSquare.sf(statistic, df),
    expected,
    correct: applyYates,
    table: table.map((row) => [...row]),
    method: "pearson-chi-square",
  };
}
