import type { AnyOutcomeKey, DenominatorKind, OutcomeKey, ProgrammeYear } from "./programme-year.js";
import { compositeOutcomes, outcomeKeys } from "./programme-year.js";

/** Canonical outcomes that partition the exits (work's parts are inside `work`). */
export const partitionKeys: readonly OutcomeKey[] = outcomeKeys.filter(
  (key) => key !== "workFullTime" && key !== "workPartTime",
);

/** The canonical outcomes an outcome (canonical or composite) covers. */
export function components(outcome: AnyOutcomeKey): readonly OutcomeKey[] {
  if (outcome in compositeOutcomes) return compositeOutcomes[outcome as keyof typeof compositeOutcomes];
  if (outcome === "workFullTime" || outcome === "workPartTime") return ["work"];
  return [outcome as OutcomeKey];
}

function reportedSum(record: ProgrammeYear, outcome: AnyOutcomeKey): number | null {
  let total: number | null = null;
  for (const line of record.exits.reported)
    if (line.outcome === outcome && line.count !== undefined) total = (total ?? 0) + line.count;
  return total;
}

/**
 * The count of exits to an outcome: `byOutcome` for canonical outcomes (work falls back to full-time +
 * part-time), the sum of the components for composites, and the reported lines mapped to the outcome
 * when the structured figure is missing. `null` when the record does not give it.
 */
export function outcomeCount(record: ProgrammeYear, outcome: AnyOutcomeKey): number | null {
  if (outcome in compositeOutcomes) {
    const parts = compositeOutcomes[outcome as keyof typeof compositeOutcomes].map((key) =>
      outcomeCount(record, key),
    );
    if (parts.every((part) => part !== null)) return parts.reduce<number>((a, b) => a + (b as number), 0);
    return reportedSum(record, outcome);
  }
  const key = outcome as OutcomeKey;
  const direct = record.exits.byOutcome[key];
  if (direct !== null) return direct;
  if (key === "work") {
    const full = record.exits.byOutcome.workFullTime;
    const part = record.exits.byOutcome.workPartTime;
    if (full !== null && part !== null) return full + part;
  }
  return reportedSum(record, key);
}

/** The denominator's value in a record, and the field it comes from. */
export function denominatorValue(
  record: ProgrammeYear,
  kind: DenominatorKind,
): { value: number | null; field: string } {
  switch (kind) {
    case "exits":
      return { value: record.exits.total, field: "exits.total" };
    case "participants":
      return { value: record.participants.unique, field: "participants.unique" };
    case "activeEnd":
      return { value: record.participants.activeEnd, field: "participants.activeEnd" };
    default:
      return { value: record.participants.newReferrals, field: "participants.newReferrals" };
  }
}

/** Percent with one decimal, for messages. */
export function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
