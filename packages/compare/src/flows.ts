import { parseOptions } from "@tiltak/core";
import { components, denominatorValue, outcomeCount, partitionKeys, pct } from "./counts.js";
import {
  type AnyOutcomeKey,
  denominatorKinds,
  type ProgrammeYear,
  type ProgrammeYearInput,
  programmeYearSchema,
} from "./programme-year.js";

/** The identities {@link checkFlows} tests. */
export type FlowRule =
  | "stock-flow"
  | "entries"
  | "categories-total"
  | "category-exceeds-total"
  | "work-split"
  | "reported-count"
  | "reported-percent"
  | "reported-rate";

/** One identity that does not hold. */
export interface FlowFinding {
  /** The identity. */
  rule: FlowRule;
  /**
   * How far it is off, in the identity's unit: people for counts (left side − right side, e.g.
   * 221 − (84 + 133) = 4), percentage points for reported percentages, and the rate difference
   * (reported − recomputed) for reported rates.
   */
  gap: number;
  /** What does not add up, with the figures. */
  message: string;
  /** `error`: reported figures contradict each other; `warning`: the gap may be figures the document does not report. */
  severity: "error" | "warning";
  /** The fields involved. */
  paths: string[];
}

/** An identity that could not be tested because a figure is missing. */
export interface FlowNotChecked {
  /** The identity. */
  rule: FlowRule;
  /** Which figure is missing (and what can still be said). */
  message: string;
}

/** Result of {@link checkFlows}. */
export interface FlowCheck {
  /** The record's id. */
  id: string;
  /** The method: `"stock-flow identities"`. */
  method: string;
  /** Whether every testable identity holds (no findings). */
  ok: boolean;
  /** Identities that do not hold. */
  findings: FlowFinding[];
  /** Identities that could not be tested. */
  notChecked: FlowNotChecked[];
}

/**
 * The participants who left without a planned exit, as the stock–flow identity counts them: 0 when
 * `exits.definition` is `"all"` (they are inside `exits.total`), else `participants.unplannedExits`, else the
 * sum of the reported no-shows, drop-outs and moves, else `null` (not reported).
 *
 * @param record - a validated programme-year (from {@link programmeYearSchema})
 *
 * @example
 * ```ts
 * import { programmeYearSchema, unplannedExits } from "@tiltak/compare";
 * import { parseOptions } from "@tiltak/core";
 * const base = { id: "x", programme: "X", period: { start: "2024-01-01", end: "2024-12-31" }, exits: { total: 10, definition: "planned" }, source: { document: "d", lines: "l" } };
 * unplannedExits(parseOptions(programmeYearSchema, { ...base, participants: { unique: 40, dropOuts: 3, moved: 2 } })); // => 5
 * unplannedExits(parseOptions(programmeYearSchema, { ...base, participants: { unique: 40 } })); // => null
 * ```
 */
export function unplannedExits(record: ProgrammeYear): number | null {
  if (record.exits.definition === "all") return 0;
  const p = record.participants;
  if (p.unplannedExits !== null) return p.unplannedExits;
  const parts = [p.noShows, p.dropOuts, p.moved].filter((x): x is number => x !== null);
  return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : null;
}

/**
 * Tests a programme-year's stock–flow identities and internal consistency:
 * `stock-flow` (unique = exits + unplanned exits + active at end; with `exits.definition: "all"` the
 * unplanned exits are inside the exits), `entries` (unique = carried in + started, or new referrals),
 * `categories-total` (the outcome categories sum to `exits.total`), `category-exceeds-total`,
 * `work-split` (work = full-time + part-time), `reported-count` (reported lines agree with `byOutcome`),
 * `reported-percent` (reported percentages reproduce from count / total within their rounding) and
 * `reported-rate` (each stated rate reproduces over the denominator it claims; the message says which
 * denominators do reproduce it).
 *
 * On NorA 2024 it finds the 4 participants unaccounted for (221 − 84 − 133) and that "50 % of
 * participants" is 42 of 84 exits (19.0 % of the 221 participants); on Ny sjanse 2024 that the
 * categories sum to 87 against the stated 91.
 *
 * @param record - a programme-year (validated with {@link programmeYearSchema}: a malformed record throws)
 * @returns `{ id, ok, findings: [{ rule, gap, message, severity, paths }], notChecked }`
 * @throws TiltakError `INVALID_INPUT` for a malformed record (negative counts, rates outside [0, 1])
 * @see docs/methods/compare/flows.md
 *
 * @example
 * ```ts
 * import { checkFlows } from "@tiltak/compare";
 * const check = checkFlows({ id: "nora-2024", programme: "NorA", period: { start: "2024-01-01", end: "2024-12-31" }, participants: { unique: 221, activeEnd: 133, newReferrals: 91 }, exits: { total: 84, definition: "planned", byOutcome: { work: 27, education: 15, labourMarketMeasure: 4, healthBenefit: 17, otherFollowUp: 21 } }, source: { document: "NorA annual report 2024", lines: "Resultater 2024" } });
 * check.ok; // => false
 * check.findings[0]?.rule; // => "stock-flow"
 * check.findings[0]?.gap; // => 4
 * ```
 */
export function checkFlows(record: ProgrammeYear | ProgrammeYearInput): FlowCheck {
  const r = parseOptions(programmeYearSchema, record);
  const findings: FlowFinding[] = [];
  const notChecked: FlowNotChecked[] = [];
  const p = r.participants;
  const total = r.exits.total;

  // stock-flow: unique = exits + unplanned + activeEnd
  const unplannedParts = [p.noShows, p.dropOuts, p.moved].filter((x): x is number => x !== null);
  const unplanned = unplannedExits(r);
  const unplannedText =
    r.exits.definition === "all"
      ? "(exits include unplanned ones)"
      : p.unplannedExits !== null
        ? `unplanned exits ${p.unplannedExits}`
        : unplannedParts.length > 0
          ? `unplanned exits ${unplanned} (no-shows ${p.noShows ?? "n/r"}, drop-outs ${p.dropOuts ?? "n/r"}, moved ${p.moved ?? "n/r"})`
          : "unplanned exits not reported";
  if (p.unique !== null && total !== null && p.activeEnd !== null) {
    const gap = p.unique - (total + (unplanned ?? 0) + p.activeEnd);
    if (gap !== 0) {
      const missing = unplanned === null && gap > 0;
      findings.push({
        rule: "stock-flow",
        gap,
        severity: missing ? "warning" : "error",
        paths: ["participants.unique", "exits.total", "participants.activeEnd"],
        message: missing
          ? `${gap} participant${gap === 1 ? "" : "s"} unaccounted for: unique ${p.unique} − exits ${total} − active at end ${p.activeEnd} = ${gap}; ${unplannedText}, so these may be unreported drop-outs, moves or no-shows`
          : `unique ${p.unique} ≠ exits ${total} + ${unplannedText} + active at end ${p.activeEnd} (= ${p.unique - gap}): off by ${gap}`,
      });
    }
  } else {
    const missing = [
      p.unique === null ? "participants.unique" : null,
      total === null ? "exits.total" : null,
      p.activeEnd === null ? "participants.activeEnd" : null,
    ].filter((x) => x !== null);
    let extra = "";
    if (p.unique !== null && total !== null && p.activeEnd === null)
      extra = `; implied active at end: ${p.unique - total - (unplanned ?? 0)}${unplanned === null ? " (or fewer, by the unreported unplanned exits)" : ""}`;
    notChecked.push({ rule: "stock-flow", message: `not reported: ${missing.join(", ")}${extra}` });
  }

  // entries: unique = carriedIn + started (or newReferrals)
  const entered = p.started ?? p.newReferrals;
  if (p.unique !== null && p.carriedIn !== null && entered !== null) {
    const gap = p.unique - (p.carriedIn + entered);
    if (gap !== 0)
      findings.push({
        rule: "entries",
        gap,
        severity: "error",
        paths: [
          "participants.unique",
          "participants.carriedIn",
          p.started !== null ? "participants.started" : "participants.newReferrals",
        ],
        message: `unique ${p.unique} ≠ carried in ${p.carriedIn} + ${p.started !== null ? "started" : "new referrals"} ${entered}: off by ${gap}`,
      });
  } else {
    const implied =
      p.unique !== null && entered !== null ? `; implied carried in: ${p.unique - entered}` : "";
    notChecked.push({
      rule: "entries",
      message: `not reported: ${[p.unique === null ? "participants.unique" : null, p.carriedIn === null ? "participants.carriedIn" : null, entered === null ? "participants.newReferrals" : null].filter((x) => x !== null).join(", ")}${implied}`,
    });
  }

  // categories
  const byOutcome = r.exits.byOutcome;
  const work = outcomeCount(r, "work");
  const categoryCounts = partitionKeys
    .map((key) => ({ key, count: key === "work" ? work : byOutcome[key] }))
    .filter((entry): entry is { key: (typeof partitionKeys)[number]; count: number } => entry.count !== null);
  let categorySum: number | null = null;
  let categorySource = "exits.byOutcome";
  if (categoryCounts.length > 0) categorySum = categoryCounts.reduce((a, b) => a + b.count, 0);
  else {
    // fall back to reported lines whose outcomes do not overlap
    const covered = new Set<string>();
    let sum = 0;
    let usable = r.exits.reported.length > 0;
    for (const line of r.exits.reported) {
      if (line.count === undefined) continue;
      const parts = components(line.outcome);
      if (parts.some((part) => covered.has(part))) {
        usable = false;
        break;
      }
      for (const part of parts) covered.add(part);
      sum += line.count;
    }
    if (usable && covered.size > 0) {
      categorySum = sum;
      categorySource = "exits.reported";
    }
  }
  if (total !== null) {
    for (const entry of categoryCounts)
      if (entry.count > total)
        findings.push({
          rule: "category-exceeds-total",
          gap: total - entry.count,
          severity: "error",
          paths: [`exits.byOutcome.${entry.key}`, "exits.total"],
          message: `exits to ${entry.key} (${entry.count}) exceed exits.total (${total})`,
        });
    if (categorySum !== null) {
      const gap = total - categorySum;
      if (gap !== 0) {
        const hint =
          gap > 0 && p.moved !== null && gap === p.moved && byOutcome.moved === null
            ? `; the gap equals the ${p.moved} who moved, so the total may include moves that the categories leave out`
            : gap > 0
              ? "; some exits are not classified"
              : "; the categories exceed the total";
        findings.push({
          rule: "categories-total",
          gap,
          severity: "error",
          paths: ["exits.total", categorySource],
          message: `outcome categories sum to ${categorySum}, not the stated exits.total ${total} (gap ${gap})${hint}`,
        });
      }
    } else notChecked.push({ rule: "categories-total", message: "no outcome categories reported" });
  } else notChecked.push({ rule: "categories-total", message: "not reported: exits.total" });

  // work split
  const { workFullTime, workPartTime } = byOutcome;
  if (byOutcome.work !== null && workFullTime !== null && workPartTime !== null) {
    const gap = byOutcome.work - (workFullTime + workPartTime);
    if (gap !== 0)
      findings.push({
        rule: "work-split",
        gap,
        severity: "error",
        paths: ["exits.byOutcome.work", "exits.byOutcome.workFullTime", "exits.byOutcome.workPartTime"],
        message: `work ${byOutcome.work} ≠ full-time ${workFullTime} + part-time ${workPartTime}`,
      });
  }

  // reported lines against byOutcome
  const reportedByOutcome = new Map<AnyOutcomeKey, number>();
  for (const line of r.exits.reported)
    if (line.count !== undefined)
      reportedByOutcome.set(line.outcome, (reportedByOutcome.get(line.outcome) ?? 0) + line.count);
  for (const [outcome, reportedCount] of reportedByOutcome) {
    const structured = outcome in byOutcome ? byOutcome[outcome as keyof typeof byOutcome] : null;
    if (structured !== null && structured !== reportedCount)
      findings.push({
        rule: "reported-count",
        gap: reportedCount - structured,
        severity: "error",
        paths: [`exits.byOutcome.${outcome}`, "exits.reported"],
        message: `reported lines mapped to ${outcome} sum to ${reportedCount}, but exits.byOutcome.${outcome} is ${structured}`,
      });
  }

  // reported percentages against count / total
  r.exits.reported.forEach((line, index) => {
    if (line.count === undefined || line.percent === undefined || total === null || total === 0) return;
    const decimals = decimalsOf(line.percent);
    const tolerance = 0.5 * 10 ** -decimals + 1e-9;
    const recomputed = (100 * line.count) / total;
    if (Math.abs(recomputed - line.percent) > tolerance) {
      const alternatives: string[] = [];
      if (categorySum !== null && categorySum !== total && categorySum > 0) {
        const alt = (100 * line.count) / categorySum;
        if (Math.abs(alt - line.percent) <= tolerance)
          alternatives.push(
            `it does reproduce over the ${categorySum} classified exits (${alt.toFixed(1)} %)`,
          );
      }
      findings.push({
        rule: "reported-percent",
        gap: line.percent - recomputed,
        severity: "error",
        paths: [`exits.reported[${index}].percent`],
        message: `"${line.label}" is reported as ${line.percent} % but ${line.count}/${total} = ${recomputed.toFixed(1)} %${alternatives.length > 0 ? `; ${alternatives.join("; ")}` : ""}`,
      });
    }
  });

  // reported rates against their claimed denominator
  r.reportedRates.forEach((stated, index) => {
    const count = outcomeCount(r, stated.outcome);
    if (count === null) {
      notChecked.push({
        rule: "reported-rate",
        message: `reportedRates[${index}]: no count for ${stated.outcome}`,
      });
      return;
    }
    const tolerance = 0.5 * 10 ** -(stated.decimals + 2) + 1e-12;
    const fits: string[] = [];
    for (const kind of denominatorKinds) {
      const { value } = denominatorValue(r, kind);
      if (value !== null && value > 0 && Math.abs(count / value - stated.rate) <= tolerance)
        fits.push(`${kind} (${count}/${value} = ${pct(count / value)})`);
    }
    const label = stated.label !== undefined ? `"${stated.label}"` : `${pct(stated.rate)} ${stated.outcome}`;
    if (stated.denominator === "unspecified") {
      if (fits.length === 0)
        findings.push({
          rule: "reported-rate",
          gap: Number.NaN,
          severity: "error",
          paths: [`reportedRates[${index}]`],
          message: `${label} (${stated.outcome} ${count}) reproduces over none of exits, participants, activeEnd, referrals`,
        });
      return;
    }
    const { value, field } = denominatorValue(r, stated.denominator);
    if (value === null || value === 0) {
      notChecked.push({ rule: "reported-rate", message: `reportedRates[${index}]: ${field} not reported` });
      return;
    }
    const recomputed = count / value;
    if (Math.abs(recomputed - stated.rate) > tolerance)
      findings.push({
        rule: "reported-rate",
        gap: stated.rate - recomputed,
        severity: "error",
        paths: [`reportedRates[${index}]`, field],
        message: `${label}: ${stated.outcome} is ${count}/${value} = ${pct(recomputed)} of ${stated.denominator}, not ${pct(stated.rate)}${fits.length > 0 ? `; the stated rate reproduces over ${fits.join(", ")}` : ""}`,
      });
  });

  // NaN gaps (rate reproducing over nothing) are reported as the distance to the nearest base
  for (const finding of findings) if (Number.isNaN(finding.gap)) finding.gap = nearestGap(r, finding);
  return { id: r.id, method: "stock-flow identities", ok: findings.length === 0, findings, notChecked };
}

function nearestGap(record: ProgrammeYear, finding: FlowFinding): number {
  const index = Number(/reportedRates\[(\d+)\]/.exec(finding.paths[0] ?? "")?.[1] ?? 0);
  const stated = record.reportedRates[index];
  if (stated === undefined) return 0;
  const count = outcomeCount(record, stated.outcome) ?? 0;
  let best = Number.POSITIVE_INFINITY;
  for (const kind of denominatorKinds) {
    const { value } = denominatorValue(record, kind);
    if (value !== null && value > 0) {
      const gap = stated.rate - count / value;
      if (Math.abs(gap) < Math.abs(best)) best = gap;
    }
  }
  return Number.isFinite(best) ? best : 0;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
