import { invalidInput, type TableInput, TiltakError, toRecords } from "@tiltak/core";
import type { TrialPlan } from "./plan-trial.js";

/** One allocated unit as {@link analyseTrial} reads it: its id, arm, stratum and cluster. */
export interface AllocatedUnit {
  /** The id data rows name: the unit's id for known units, the slot's id (`"3"`, or `"office=Oslo#3"` with strata) for a list. */
  unitId: string;
  /** The arm (or, in a stepped wedge, the sequence). */
  arm: string;
  /** The stratum label (`"all"` without strata). */
  stratum: string;
  /** The cluster, in cluster designs (a list's slots are clusters: the cluster is the slot's id). */
  cluster?: string;
}

/** The id of a list slot: its sequence, or `stratum#sequence` when the list has strata. */
function slotId(stratum: string, sequence: unknown): string {
  return stratum === "all" ? String(sequence) : `${stratum}#${String(sequence)}`;
}

/**
 * The units of a plan's allocation, in the allocation's row order, with the ids that {@link analyseTrial}
 * and {@link randomisationInference} look data rows up by. A list made before recruitment has no unit ids:
 * each slot is named by its sequence within its stratum (`"7"`, or `"office=Oslo#7"` with strata), and the
 * n-th person recruited in a stratum takes the n-th slot. In cluster designs a list's slots are clusters.
 *
 * @param plan - a {@link TrialPlan}
 * @returns one row per allocation row: `{ unitId, arm, stratum, cluster? }`
 * @throws TiltakError `INVALID_INPUT` when the plan has no allocation rows
 *
 * @example
 * ```ts
 * import { allocatedUnits, planTrial } from "@tiltak/plan";
 * const plan = await planTrial({ outcome: { name: "work", kind: "binary" }, baseline: { rate: 0.3 }, effect: { rate: 0.5 }, design: { kind: "individual", strata: { office: ["Bergen", "Oslo"] } }, seed: "units-doc" });
 * allocatedUnits(plan)[0]?.unitId; // => "office=Bergen#1"
 * ```
 */
export function allocatedUnits(plan: TrialPlan): AllocatedUnit[] {
  const allocation = plan?.allocation;
  if (allocation === undefined || !Array.isArray(allocation.rows))
    invalidInput("plan", "must be a plan from planTrial (with its allocation)", plan);
  const clustered = plan.design.kind !== "individual";
  const rows = allocation.rows as unknown as Record<string, unknown>[];
  if (allocation.meta.method === "allocationList")
    return rows.map((row) => {
      const stratum = String(row.stratum);
      const unitId = slotId(stratum, row.sequence);
      const unit: AllocatedUnit = { unitId, arm: String(row.arm), stratum };
      if (clustered) unit.cluster = unitId;
      return unit;
    });
  return rows.map((row) => {
    const unit: AllocatedUnit = {
      unitId: String(row.unitId),
      arm: String(row.arm),
      stratum: row.stratum === undefined ? "all" : String(row.stratum),
    };
    if (row.cluster !== undefined) unit.cluster = String(row.cluster);
    return unit;
  });
}

/** A data row: the unit, its outcome, and (cluster designs, individuals not in the allocation) its cluster. */
export interface TrialDataRow {
  /** The unit's id, as in {@link allocatedUnits}. */
  unitId: string | number;
  /** The outcome: 0/1 (or false/true) for binary outcomes, a finite number for continuous ones. */
  outcome: number | boolean;
  /** Cluster designs whose allocation lists the clusters: the allocated cluster this individual belongs to. */
  cluster?: string | number;
}

/** Data resolved against the allocation: per data row its allocation row, outcome and cluster index. */
export interface ResolvedData {
  /** The plan's arms (or sequences), in order. */
  arms: string[];
  /** Allocation row of each data row. */
  row: Int32Array;
  /** Arm index of each data row, as allocated. */
  arm: Int32Array;
  /** The outcome of each data row. */
  outcome: Float64Array;
  /** Dense cluster index of each data row (cluster designs), else null. */
  cluster: Int32Array | null;
  /** Cluster labels by dense index. */
  clusterLabels: string[];
  /** The allocated units. */
  units: AllocatedUnit[];
}

function inconsistent(message: string, path: (string | number)[]): never {
  throw new TiltakError("INCONSISTENT_DATA", message, [{ path, message }]);
}

/** Looks every data row up in the plan's allocation; errors name the unit. */
export function resolveData(plan: TrialPlan, data: TableInput): ResolvedData {
  const units = allocatedUnits(plan);
  const records = (Array.isArray(data) ? data : toRecords(data, "data")) as Record<string, unknown>[];
  if (records.length === 0) invalidInput("data", "must hold at least one row { unitId, outcome }", data);
  const arms = plan.allocation.plan.arms as string[];
  const armIndex = new Map<string, number>(
    arms.map((name, i) => [typeof name === "string" ? name : String((name as { name: string }).name), i]),
  );
  const byId = new Map<string, number>();
  units.forEach((unit, i) => {
    byId.set(unit.unitId, i);
  });
  const byCluster = new Map<string, number>();
  units.forEach((unit, i) => {
    if (unit.cluster !== undefined && !byCluster.has(unit.cluster)) byCluster.set(unit.cluster, i);
  });
  const clustered = plan.design.kind !== "individual";
  const binary = plan.outcome.kind === "binary";
  const n = records.length;
  const row = new Int32Array(n);
  const arm = new Int32Array(n);
  const outcome = new Float64Array(n);
  const cluster = clustered ? new Int32Array(n) : null;
  const clusterCodes = new Map<string, number>();
  const clusterLabels: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const record = records[i] as Record<string, unknown>;
    if (typeof record !== "object" || record === null)
      invalidInput(["data", i], "must be a row { unitId, outcome }", record);
    const id = record.unitId;
    if ((typeof id !== "string" && typeof id !== "number") || id === "")
      invalidInput(["data", i, "unitId"], "must be the unit's id (a non-empty string or a number)", id);
    const key = String(id);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      inconsistent(`unit ${JSON.stringify(key)} is listed twice in the data (rows ${earlier} and ${i})`, [
        "data",
        i,
        "unitId",
      ]);
    seen.set(key, i);
    let index = byId.get(key);
    if (index === undefined && clustered && record.cluster !== undefined) {
      index = byCluster.get(String(record.cluster));
      if (index === undefined)
        inconsistent(
          `unit ${JSON.stringify(key)} names cluster ${JSON.stringify(String(record.cluster))}, which is not in the allocation`,
          ["data", i, "cluster"],
        );
    }
    if (index === undefined)
      inconsistent(
        `unit ${JSON.stringify(key)} is not in the allocation${clustered ? " (give its allocated cluster as `cluster`)" : ""}`,
        ["data", i, "unitId"],
      );
    const unit = units[index] as AllocatedUnit;
    let value = record.outcome;
    if (typeof value === "boolean") value = value ? 1 : 0;
    if (typeof value !== "number" || !Number.isFinite(value))
      invalidInput(
        ["data", i, "outcome"],
        `must be a finite number (unit ${JSON.stringify(key)})`,
        record.outcome,
      );
    if (binary && value !== 0 && value !== 1)
      invalidInput(
        ["data", i, "outcome"],
        `must be 0 or 1 for a binary outcome (unit ${JSON.stringify(key)})`,
        value,
      );
    row[i] = index;
    arm[i] = armIndex.get(unit.arm) as number;
    outcome[i] = value;
    if (cluster !== null) {
      const label = unit.cluster ?? unit.unitId;
      let code = clusterCodes.get(label);
      if (code === undefined) {
        code = clusterLabels.length;
        clusterCodes.set(label, code);
        clusterLabels.push(label);
      }
      cluster[i] = code;
    }
  }
  return { arms, row, arm, outcome, cluster, clusterLabels, units };
}
