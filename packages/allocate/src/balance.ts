import { invalidInput, sum, type TableInput, type TableRecord, toRecords } from "@tiltak/core";

/** One line of a balance table: a covariate (and level, for categories) in one arm. */
export interface BalanceRow {
  /** The covariate's field name. */
  covariate: string;
  /** The level, for a categorical covariate; `null` for a numeric one. */
  level: string | null;
  /** The arm. */
  arm: string;
  /** Units in the arm with a value of the covariate. */
  n: number;
  /** Units in the arm without a value (null, undefined, empty text). */
  missing: number;
  /** Categorical: units in the arm at this level; numeric: `null`. */
  count: number | null;
  /** Categorical: count / n; numeric: `null`. */
  proportion: number | null;
  /** Numeric: the mean; categorical: `null`. */
  mean: number | null;
  /** Numeric: the sample standard deviation (divisor n − 1), `null` when n < 2. */
  sd: number | null;
  /**
   * Standardised difference from the reference arm (the first arm): numeric
   * (m − m_ref) / √((s² + s_ref²) / 2), categorical (p − p_ref) / √((p(1−p) + p_ref(1−p_ref)) / 2)
   * (Austin 2009). `null` for the reference arm and when the pooled spread is 0 while the values differ.
   */
  standardisedDifference: number | null;
}

/** Per-covariate summary of a balance table. */
export interface BalanceCovariate {
  /** The covariate's field name. */
  name: string;
  /** `"numeric"` when every present value is a number (or text that reads as one), else `"categorical"`. */
  type: "numeric" | "categorical";
  /** The largest absolute standardised difference over arms (and levels); `null` if none could be computed. */
  maxAbsStandardisedDifference: number | null;
}

/** The result of {@link balance}. */
export interface BalanceResult {
  /** `"standardised differences (Austin 2009)"`. */
  method: string;
  /** The arms, in plan order. */
  arms: string[];
  /** The reference arm (the first). */
  reference: string;
  /** Units in the allocation. */
  units: number;
  /** One summary per covariate. */
  covariates: BalanceCovariate[];
  /** The balance table. */
  rows: BalanceRow[];
}

function isMissing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (typeof value === "number" && Number.isNaN(value))
  );
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/**
 * Covariate balance of an allocation: per arm, counts and means (numeric covariates) or counts and
 * proportions per level (categorical), with standardised differences from the first arm (Austin 2009,
 * "Balance diagnostics for comparing the distribution of baseline covariates", Stat Med 28:3083).
 *
 * @param result - an allocation with rows `{ unitId, arm }` (from {@link allocate} or a minimiser)
 * @param units - the units (any table) with the id field of the plan (`idField`, default `id`)
 * @param covariates - field names to summarise (or one name)
 * @throws TiltakError `INVALID_INPUT` when a row's unit is not among the units, or a covariate list is empty
 * @see docs/methods/allocate/balance.md
 *
 * @example
 * ```ts
 * import { balance } from "@tiltak/allocate";
 * const result = { plan: { arms: ["A", "B"] }, rows: [{ unitId: 1, arm: "A" }, { unitId: 2, arm: "A" }, { unitId: 3, arm: "B" }, { unitId: 4, arm: "B" }] };
 * const units = [{ id: 1, age: 30 }, { id: 2, age: 40 }, { id: 3, age: 35 }, { id: 4, age: 45 }];
 * const table = balance(result, units, ["age"]);
 * table.rows[1].mean; // => 40
 * table.rows[1].standardisedDifference; // => 0.7071
 * ```
 */
export function balance(
  result: { rows: readonly { unitId: unknown; arm: unknown }[]; plan?: unknown },
  units: TableInput,
  covariates: readonly string[] | string,
): BalanceResult {
  if (typeof covariates === "string") covariates = [covariates];
  if (typeof result !== "object" || result === null || !Array.isArray(result.rows))
    invalidInput("result", "must be an allocation result with rows { unitId, arm }", result);
  if (!Array.isArray(covariates) || covariates.length === 0)
    invalidInput("covariates", "must name at least one unit field", covariates);
  const plan = (result.plan ?? {}) as { idField?: unknown; arms?: unknown };
  const idField = typeof plan.idField === "string" ? plan.idField : "id";
  const records = toRecords(units, "units");
  const byId = new Map<string, TableRecord>();
  for (const record of records) byId.set(String(record[idField]), record);
  const arms: string[] = [];
  if (Array.isArray(plan.arms))
    for (const arm of plan.arms)
      arms.push(typeof arm === "string" ? arm : String((arm as { name: unknown }).name));
  for (const row of result.rows) if (!arms.includes(String(row.arm))) arms.push(String(row.arm));
  const groups = arms.map(() => [] as TableRecord[]);
  result.rows.forEach((row, index) => {
    const unit = byId.get(String(row.unitId));
    if (unit === undefined)
      invalidInput(
        ["result", "rows", index, "unitId"],
        `must be among the units (idField "${idField}")`,
        row.unitId,
      );
    (groups[arms.indexOf(String(row.arm))] as TableRecord[]).push(unit);
  });
  const rows: BalanceRow[] = [];
  const summaries: BalanceCovariate[] = [];
  for (const covariate of covariates) {
    const present = groups.flatMap((group) =>
      group.map((unit) => unit[covariate]).filter((v) => !isMissing(v)),
    );
    const numeric = present.length > 0 && present.every((value) => asNumber(value) !== undefined);
    let maxAbs: number | null = null;
    const track = (value: number | null): void => {
      if (value !== null && (maxAbs === null || Math.abs(value) > maxAbs)) maxAbs = Math.abs(value);
    };
    if (numeric) {
      const stats = groups.map((group) => {
        const values = group
          .map((unit) => unit[covariate])
          .filter((v) => !isMissing(v))
          .map((v) => asNumber(v) as number);
        const n = values.length;
        const mean = n > 0 ? sum(values) / n : null;
        const sd =
          n > 1 && mean !== null ? Math.sqrt(sum(values.map((v) => (v - mean) ** 2)) / (n - 1)) : null;
        return { n, missing: group.length - n, mean, sd };
      });
      const ref = stats[0] as (typeof stats)[number];
      stats.forEach((stat, a) => {
        const difference = a === 0 ? null : standardised(stat.mean, ref.mean, stat.sd, ref.sd);
        track(difference);
        rows.push({
          covariate,
          level: null,
          arm: arms[a] as string,
          n: stat.n,
          missing: stat.missing,
          count: null,
          proportion: null,
          mean: stat.mean,
          sd: stat.sd,
          standardisedDifference: difference,
        });
      });
    } else {
      const levels = [...new Set(present.map((v) => String(v)))].sort();
      for (const level of levels) {
        const stats = groups.map((group) => {
          const values = group.map((unit) => unit[covariate]).filter((v) => !isMissing(v));
          const count = values.filter((v) => String(v) === level).length;
          return {
            n: values.length,
            missing: group.length - values.length,
            count,
            p: values.length > 0 ? count / values.length : null,
          };
        });
        const ref = stats[0] as (typeof stats)[number];
        stats.forEach((stat, a) => {
          const sdOf = (p: number | null): number | null => (p === null ? null : Math.sqrt(p * (1 - p)));
          const difference = a === 0 ? null : standardised(stat.p, ref.p, sdOf(stat.p), sdOf(ref.p));
          track(difference);
          rows.push({
            covariate,
            level,
            arm: arms[a] as string,
            n: stat.n,
            missing: stat.missing,
            count: stat.count,
            proportion: stat.p,
            mean: null,
            sd: null,
            standardisedDifference: difference,
          });
        });
      }
    }
    summaries.push({
      name: covariate,
      type: numeric ? "numeric" : "categorical",
      maxAbsStandardisedDifference: maxAbs,
    });
  }
  return {
    method: "standardised differences (Austin 2009)",
    arms,
    reference: arms[0] as string,
    units: result.rows.length,
    covariates: summaries,
    rows,
  };
}

function standardised(
  value: number | null,
  reference: number | null,
  sd: number | null,
  sdReference: number | null,
): number | null {
  if (value === null || reference === null || sd === null || sdReference === null) return null;
  const pooled = Math.sqrt((sd * sd + sdReference * sdReference) / 2);
  if (pooled === 0) return value === reference ? 0 : null;
  return (value - reference) / pooled;
}
