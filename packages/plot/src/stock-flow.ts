import {
  checkFlows,
  type ProgrammeYear,
  type ProgrammeYearInput,
  programmeYearSchema,
  unplannedExits,
} from "@tiltak/compare";
import { invalidInput, parseOptions } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** Options of {@link stockFlow}. */
export interface StockFlowOptions {
  /**
   * `"out"` (default): one bar per record, where the participants went (exits, unplanned exits, active at
   * the end); `"both"`: also a bar of where they came from (carried in, started).
   */
  sides?: "out" | "both" | undefined;
  /** The label of a record; default its `id`. */
  label?: ((record: ProgrammeYear) => string) | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** The x-axis title; default "Participants". */
  xTitle?: string | undefined;
  /** Width in pixels (default 400) and the height of a bar's row (default 30). */
  width?: number | undefined;
  rowHeight?: number | undefined;
}

const parts = [
  "carried in",
  "started",
  "exits",
  "unplanned exits",
  "active at end",
  "not reported",
  "unaccounted for",
] as const;
const colours = ["#9ecae9", "#4c78a8", "#54a24b", "#eeca3b", "#f58518", "#d9d9d9", "#e45756"];

/**
 * A programme-year's stock and flows as a Vega-Lite spec: for each record, a bar of where the unique
 * participants went — exits, unplanned exits, still active at the end — with a tick at the number of unique
 * participants. When the parts do not add up to it, what is missing is drawn as "not reported" (a part the
 * record lacks) or "unaccounted for" (every part reported, the identity broken), and the gap `checkFlows`
 * finds is written beside the bar. With `sides: "both"`, a second bar shows where they came from (carried in
 * and started).
 *
 * @param records - programme-year records (`ProgrammeYear`, or input that `programmeYearSchema` accepts)
 * @param options - {@link StockFlowOptions}
 * @returns a Vega-Lite spec whose first layer's data are the segments `{ record, side, part, count }`
 * @throws TiltakError `INVALID_INPUT` for no records or a malformed record
 * @see docs/methods/compare/flows.md
 *
 * @example
 * ```ts
 * import { programmeYears } from "@tiltak/datasets";
 * import { renderSvg, stockFlow } from "@tiltak/plot";
 * const nora = programmeYears.filter((r) => r.id === "nora-2024");
 * const spec = stockFlow(nora);
 * (await renderSvg(spec)).includes("gap 4"); // => true
 * stockFlow([]); // => throws INVALID_INPUT "records must be a non-empty array of programme-year records, got []"
 * ```
 */
export function stockFlow(
  records: readonly (ProgrammeYear | ProgrammeYearInput)[],
  options: StockFlowOptions = {},
): VegaLiteSpec {
  if (!Array.isArray(records) || records.length === 0)
    invalidInput("records", "must be a non-empty array of programme-year records", records);
  const segments: {
    record: string;
    side: string;
    row: string;
    part: string;
    order: number;
    count: number;
  }[] = [];
  const ticks: { row: string; unique: number; end: number; note: string }[] = [];
  const rows: string[] = [];
  for (const input of records) {
    const r = parseOptions(programmeYearSchema, input);
    const check = checkFlows(r);
    const name = options.label?.(r) ?? r.id;
    const p = r.participants;
    // as checkFlows counts them: 0 (no segment) when the exits include the unplanned ones
    const unplanned = unplannedExits(r);
    const bar = (side: string, known: [string, number | null][], complete: boolean, note: string): void => {
      const row = options.sides === "both" ? `${name} · ${side}` : name;
      rows.push(row);
      let end = 0;
      for (const [part, count] of known) {
        if (count === null || count === 0) continue;
        segments.push({ record: name, side, row, part, order: parts.indexOf(part as never), count });
        end += count;
      }
      const unique = p.unique;
      if (unique !== null && unique > end) {
        const part = complete ? "unaccounted for" : "not reported";
        segments.push({ record: name, side, row, part, order: parts.indexOf(part), count: unique - end });
      }
      if (unique !== null) ticks.push({ row, unique, end: Math.max(end, unique), note });
    };
    if (options.sides === "both") {
      const entries = check.findings.find((f) => f.rule === "entries");
      const entered = p.started ?? p.newReferrals;
      bar(
        "in",
        [
          ["carried in", p.carriedIn],
          ["started", entered],
        ],
        p.carriedIn !== null && entered !== null,
        entries ? `gap ${entries.gap}` : p.carriedIn !== null && entered !== null ? "adds up" : "",
      );
    }
    const stock = check.findings.find((f) => f.rule === "stock-flow");
    const checked = !check.notChecked.some((n) => n.rule === "stock-flow");
    bar(
      "out",
      [
        ["exits", r.exits.total],
        ["unplanned exits", unplanned],
        ["active at end", p.activeEnd],
      ],
      checked,
      stock ? `gap ${String(stock.gap).replace("-", "−")}` : checked ? "adds up" : "not checked",
    );
  }
  const y = { field: "row", type: "nominal" as const, title: null, sort: rows, axis: { labelLimit: 300 } };
  const x = { type: "quantitative" as const, title: options.xTitle ?? "Participants" };
  return {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 400,
    height: { step: options.rowHeight ?? 30 },
    layer: [
      {
        data: { values: segments },
        mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          y,
          x: { field: "count", ...x, stack: "zero" },
          order: { field: "order", type: "quantitative" },
          color: {
            field: "part",
            type: "nominal",
            title: null,
            // Only the parts drawn get a legend entry, each keeping its colour.
            scale: {
              domain: parts.filter((part) => segments.some((segment) => segment.part === part)),
              range: colours.filter((_, i) => segments.some((segment) => segment.part === parts[i])),
            },
            legend: { orient: "bottom", columns: 2, labelLimit: 200 },
          },
          tooltip: [
            { field: "record", type: "nominal" },
            { field: "part", type: "nominal" },
            { field: "count", type: "quantitative" },
          ],
        },
      },
      {
        data: { values: ticks },
        mark: { type: "tick", color: "#111", thickness: 2.5 },
        encoding: { y, x: { field: "unique", ...x } },
      },
      {
        data: { values: ticks },
        mark: { type: "text", align: "left", dx: 6, fontSize: 11 },
        encoding: { y, x: { field: "end", ...x }, text: { field: "note", type: "nominal" } },
      },
    ],
  } as VegaLiteSpec;
}
