import { invalidInput } from "@tiltak/core";
import { type VegaLiteSpec, vegaLiteSchema } from "./render.js";

/** One allocation sequence for {@link allocationImbalance}. */
export interface ImbalanceSeries {
  /** The series' name in the legend, e.g. `"permuted blocks"` or `"gender, minimisation"`. */
  label: string;
  /** The arm of each unit (or slot), in the order they were allocated. */
  arms: readonly string[];
  /**
   * Each unit's group (its stratum, or its level of one factor), as long as `arms`. The imbalance is then
   * counted within each group and summed over the groups. Default: one group.
   */
  groups?: readonly string[] | undefined;
  /** A second grouping drawn as the line's dash, e.g. the design when the colour shows the factor. */
  design?: string | undefined;
}

/** Options of {@link allocationImbalance}. */
export interface AllocationImbalanceOptions {
  /** The arms, in plan order; default every arm the series hold, in the order first met. */
  arms?: readonly string[] | undefined;
  /** The arms' ratios, in the order of `arms`; default 1 each (counts are divided by them, as in minimisation). */
  ratios?: readonly number[] | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** Axis titles; default "Units allocated" and "Imbalance (max − min of arm counts)". */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** Width and height in pixels; default 420 × 240. */
  width?: number | undefined;
  height?: number | undefined;
}

/** One row of the running imbalance: after `sequence` units, the series' imbalance. */
interface ImbalanceRow {
  series: string;
  design: string | null;
  sequence: number;
  imbalance: number;
}

/**
 * The running imbalance of allocation sequences as a Vega-Lite spec: after each unit t, the spread of the arm
 * counts, D(t) = Σ_g (max_k n_gk(t)/r_k − min_k n_gk(t)/r_k), summed over the groups g (strata or factor levels;
 * one group by default), with n_gk(t) the units of group g among the first t in arm k and r_k the arm's ratio.
 * One step line per series: a list in permuted blocks returns to 0 at the end of every block, a simple (coin)
 * list wanders. Series with the same label and design are replicates (other seeds, other intakes) and are
 * drawn as their mean at each t. Render it with {@link renderSvg}.
 *
 * @param series - sequences of arms, e.g. `list.rows.map((row) => row.arm)` of an `allocationList` result,
 *   with optional groups (its `stratum`) and a design name
 * @param options - {@link AllocationImbalanceOptions}
 * @returns a Vega-Lite spec whose data are rows `{ series, design, sequence, imbalance }` (means over replicates)
 * @throws TiltakError `INVALID_INPUT` for no series, an empty sequence, groups of another length, or ratios
 *   that do not match the arms
 * @see docs/methods/allocate/blocked-list.md
 *
 * @example
 * ```ts
 * import { allocationImbalance } from "@tiltak/plot";
 * const spec = allocationImbalance([{ label: "blocks of 2", arms: ["A", "B", "B", "A"] }, { label: "coin", arms: ["A", "A", "A", "B"] }]);
 * (spec.data as { values: { imbalance: number }[] }).values.map((row) => row.imbalance).join(" "); // => "1 0 1 0 1 2 3 2"
 * allocationImbalance([]); // => throws INVALID_INPUT "series must be a non-empty array of allocation sequences, got []"
 * ```
 */
export function allocationImbalance(
  series: readonly ImbalanceSeries[],
  options: AllocationImbalanceOptions = {},
): VegaLiteSpec {
  if (!Array.isArray(series) || series.length === 0)
    invalidInput("series", "must be a non-empty array of allocation sequences", series);
  const arms = [...(options.arms ?? [])];
  for (const s of series) for (const arm of s.arms ?? []) if (!arms.includes(arm)) arms.push(arm);
  const ratios = options.ratios ?? arms.map(() => 1);
  if (ratios.length !== arms.length || !ratios.every((r) => r > 0))
    invalidInput("options.ratios", `must be ${arms.length} positive numbers, one per arm`, ratios);
  const values: ImbalanceRow[] = [];
  series.forEach((s, index) => {
    const sequence: readonly string[] = s.arms;
    if (!Array.isArray(sequence) || sequence.length === 0)
      invalidInput(["series", index, "arms"], "must be a non-empty array of arms", s.arms);
    if (s.groups !== undefined && s.groups.length !== s.arms.length)
      invalidInput(
        ["series", index, "groups"],
        `must give one group per unit (${s.arms.length})`,
        s.groups.length,
      );
    const counts = new Map<string, number[]>();
    const spread = (row: readonly number[]): number => {
      const scaled = row.map((n, k) => n / (ratios[k] as number));
      return Math.max(...scaled) - Math.min(...scaled);
    };
    let total = 0;
    sequence.forEach((arm: string, t: number) => {
      const group = s.groups?.[t] ?? "";
      let row = counts.get(group);
      if (row === undefined) {
        row = arms.map(() => 0);
        counts.set(group, row);
      }
      // Only the unit's own group changes, so the sum is updated by that group's change.
      total -= spread(row);
      row[arms.indexOf(arm)] = (row[arms.indexOf(arm)] as number) + 1;
      total += spread(row);
      values.push({
        series: s.label,
        design: s.design ?? null,
        sequence: t + 1,
        imbalance: Math.round(total * 1e9) / 1e9,
      });
    });
  });
  // Series that share a label and a design are replicates (other seeds, other intakes): draw their mean.
  const key = (row: ImbalanceRow): string => `${row.series}\u0000${row.design ?? ""}\u0000${row.sequence}`;
  const sums = new Map<string, { row: ImbalanceRow; total: number; count: number }>();
  for (const row of values) {
    const entry = sums.get(key(row));
    if (entry === undefined) sums.set(key(row), { row, total: row.imbalance, count: 1 });
    else {
      entry.total += row.imbalance;
      entry.count += 1;
    }
  }
  const averaged = [...sums.values()].map(({ row, total, count }) => ({
    ...row,
    imbalance: Math.round((total / count) * 1e9) / 1e9,
  }));
  const hasDesign = series.some((s) => s.design !== undefined);
  return {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 420,
    height: options.height ?? 240,
    data: { values: averaged },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 1.6 },
    encoding: {
      x: { field: "sequence", type: "quantitative", title: options.xTitle ?? "Units allocated" },
      y: {
        field: "imbalance",
        type: "quantitative",
        title: options.yTitle ?? "Imbalance (max − min of arm counts)",
        scale: { zero: true },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: [...new Set(series.map((s) => s.label))],
        legend: { orient: "bottom", direction: "vertical", labelLimit: 360 },
      },
      ...(hasDesign
        ? {
            strokeDash: {
              field: "design",
              type: "nominal",
              title: null,
              legend: { orient: "bottom", direction: "vertical", labelLimit: 360 },
            },
          }
        : {}),
      tooltip: [
        { field: "series", type: "nominal" },
        { field: "sequence", type: "quantitative" },
        { field: "imbalance", type: "quantitative" },
      ],
    },
  } as VegaLiteSpec;
}

/** Options of {@link allocationMap}. */
export interface AllocationMapOptions {
  /**
   * The row field whose values make the rows of the map (a stratum, a cluster); default `"stratum"` when the
   * rows have one, else one row for all.
   */
  by?: string | undefined;
  /** How the map's rows are ordered: by label (default), or `"arm"` (by arm, then the larger first). */
  sort?: "label" | "arm" | undefined;
  /** The arms in plan order, for the colours; default in the order first met. */
  arms?: readonly string[] | undefined;
  /**
   * Show at most this many slots per row (the first ones). When the rows have blocks, a block that would be
   * cut is left out whole, so every outline drawn is a whole block.
   */
  maxPerRow?: number | undefined;
  /** Label of a map row: `"label"` (default) or `"count"` (the label with its number of units). */
  rowLabel?: "label" | "count" | undefined;
  /** The chart title. */
  title?: string | undefined;
  /** The x-axis title; default "Position in the list" (with `sequence`) or "Unit". */
  xTitle?: string | undefined;
  /** Width in pixels; default 420. Each map row is `rowHeight` (default 22) high. */
  width?: number | undefined;
  rowHeight?: number | undefined;
}

/** A row of an allocation: its arm, and the fields the map reads (other fields, such as `stratum` or `cluster`, are read by name with `by`). */
export interface AllocationMapRow {
  /** The arm. */
  arm: string;
  /** The position in a list (`allocationList` rows); otherwise the order within the map row. */
  sequence?: number | undefined;
  /** The block, for lists and blocked assignments in permuted blocks: blocks are outlined. */
  block?: number | undefined;
}

/**
 * An allocation drawn as a map: one line of coloured cells per stratum (or cluster, or any field named by
 * `by`), one cell per unit or slot in order, coloured by arm, with each permuted block outlined. It shows
 * what a list is made of: block sizes and the balance inside each block for `allocationList`, the counts
 * within each stratum for a blocked `allocate`, and the clusters with their sizes for a cluster design.
 *
 * @param rows - rows of an allocation result (`{ arm, sequence?, block?, stratum?, cluster?, … }`)
 * @param options - {@link AllocationMapOptions}
 * @returns a Vega-Lite spec; its data are the cells `{ group, position, arm }` and the blocks' outlines
 * @throws TiltakError `INVALID_INPUT` for no rows or a row without an arm
 * @see docs/methods/allocate/blocked-list.md
 *
 * @example
 * ```ts
 * import { allocationList } from "@tiltak/allocate";
 * import { allocationMap, renderSvg } from "@tiltak/plot";
 * const list = await allocationList({ arms: ["A", "B"], strata: { site: ["north", "south"] }, blockSizes: [2, 4], size: 8, seed: "map-doc" });
 * const spec = allocationMap(list.rows);
 * (await renderSvg(spec)).startsWith("<svg"); // => true
 * allocationMap([{ sequence: 1 }] as never); // => throws INVALID_INPUT "rows[0].arm must be the unit's arm (text), got undefined"
 * ```
 */
export function allocationMap(
  rows: readonly AllocationMapRow[],
  options: AllocationMapOptions = {},
): VegaLiteSpec {
  if (!Array.isArray(rows) || rows.length === 0)
    invalidInput("rows", "must be a non-empty array of allocation rows", rows);
  const field = (row: AllocationMapRow, name: string): unknown =>
    (row as unknown as Record<string, unknown>)[name];
  const by = options.by ?? (rows.some((row) => field(row, "stratum") !== undefined) ? "stratum" : undefined);
  const arms = [...(options.arms ?? [])];
  const groups = new Map<string, { arm: string; position: number; block: number | null }[]>();
  rows.forEach((row, index) => {
    if (typeof row?.arm !== "string")
      invalidInput(["rows", index, "arm"], "must be the unit's arm (text)", row?.arm);
    if (!arms.includes(row.arm)) arms.push(row.arm);
    const group = by === undefined ? "all" : String(field(row, by) ?? "—");
    let cells = groups.get(group);
    if (cells === undefined) {
      cells = [];
      groups.set(group, cells);
    }
    const position = typeof row.sequence === "number" ? row.sequence : cells.length + 1;
    cells.push({ arm: row.arm, position, block: typeof row.block === "number" ? row.block : null });
  });
  const max = options.maxPerRow ?? Number.POSITIVE_INFINITY;
  const armOf = (cells: { arm: string }[]): number => Math.min(...cells.map((c) => arms.indexOf(c.arm)));
  let order = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (options.sort === "arm") {
    order = order.sort((a, b) => {
      const ca = groups.get(a) ?? [];
      const cb = groups.get(b) ?? [];
      return armOf(ca) - armOf(cb) || cb.length - ca.length || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  const label = (group: string): string =>
    options.rowLabel === "count" ? `${group} (${groups.get(group)?.length ?? 0})` : group;
  const cells: { group: string; position: number; arm: string; x0: number; x1: number }[] = [];
  const blocks: { group: string; block: number; x0: number; x1: number }[] = [];
  for (const group of order) {
    const all = groups.get(group) ?? [];
    // A block's last position: a block that does not fit under maxPerRow is left out whole.
    const blockEnd = new Map<number, number>();
    for (const c of all)
      if (c.block !== null) blockEnd.set(c.block, Math.max(blockEnd.get(c.block) ?? 0, c.position));
    const shown = all.filter(
      (c) => (c.block === null ? c.position : (blockEnd.get(c.block) as number)) <= max,
    );
    for (const c of shown)
      cells.push({
        group: label(group),
        position: c.position,
        arm: c.arm,
        x0: c.position - 0.5,
        x1: c.position + 0.5,
      });
    const byBlock = new Map<number, number[]>();
    for (const c of shown)
      if (c.block !== null) byBlock.set(c.block, [...(byBlock.get(c.block) ?? []), c.position]);
    for (const [block, positions] of byBlock)
      blocks.push({
        group: label(group),
        block,
        x0: Math.min(...positions) - 0.5,
        x1: Math.max(...positions) + 0.5,
      });
  }
  const longest = Math.max(...cells.map((c) => c.position));
  const x = {
    field: "x0",
    type: "quantitative" as const,
    title:
      options.xTitle ??
      (rows.some((row) => typeof row.sequence === "number") ? "Position in the list" : "Unit"),
    scale: { domain: [0.5, longest + 0.5], nice: false, zero: false },
    axis: { tickMinStep: 1, format: "d" },
  };
  const y = {
    field: "group",
    type: "nominal" as const,
    title: null,
    sort: order.map(label),
    axis: by === undefined ? null : { labelLimit: 300 },
  };
  const layers: unknown[] = [
    {
      data: { values: cells },
      mark: { type: "rect", stroke: "white", strokeWidth: 0.6 },
      encoding: {
        x,
        x2: { field: "x1" },
        y,
        color: {
          field: "arm",
          type: "nominal",
          title: "Arm",
          sort: arms,
          legend: { orient: "bottom", labelLimit: 360 },
        },
        tooltip: [
          { field: "group", type: "nominal", title: by ?? "group" },
          { field: "position", type: "quantitative" },
          { field: "arm", type: "nominal" },
        ],
      },
    },
  ];
  if (blocks.length > 0)
    layers.push({
      data: { values: blocks },
      mark: { type: "rect", fill: null, stroke: "#222", strokeWidth: 1.4 },
      encoding: { x, x2: { field: "x1" }, y },
    });
  return {
    $schema: vegaLiteSchema,
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 420,
    height: { step: options.rowHeight ?? 22 },
    layer: layers,
  } as VegaLiteSpec;
}
