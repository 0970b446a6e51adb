// The charts of the method pages: each spec's data are checked against the library that made them
// (allocation lists, the seeded generator, findRoot, the distributions, Fisher's test, simulatePower,
// checkFlows). Tolerance: values are copied, so they must be equal (1e-12 relative where computed twice).
import { allocate, allocationList, createMinimiser } from "@tiltak/allocate";
import { checkFlows } from "@tiltak/compare";
import { createRng, findRoot } from "@tiltak/core";
import { programmeYears } from "@tiltak/datasets";
import { powerCurve as curve, simulatePower, tTest, twoArmSimulator } from "@tiltak/power";
import { fisherExact, studentT } from "@tiltak/stats";
import { describe, expect, it } from "vitest";
import {
  allocationImbalance,
  allocationMap,
  distributionCurves,
  histogram,
  intervals,
  renderSvg,
  rootTrace,
  simulatedPower,
  stockFlow,
} from "../src/index.js";

type Values<T> = { data: { values: T[] } };
type Layered<T> = { layer: Values<T>[] };

describe("plot.allocationImbalance", () => {
  it("is 0 at the end of every permuted block and |#A − #B| for a simple list (same seed)", async () => {
    const plan = { arms: ["A", "B"], blockSizes: [2, 4, 6], size: 60, seed: "imbalance-test" };
    const blocked = await allocationList(plan);
    const { blockSizes: _, ...simplePlan } = plan;
    const simple = await allocationList({ ...simplePlan, design: "simple" });
    const spec = allocationImbalance([
      { label: "blocks", arms: blocked.rows.map((r) => r.arm) },
      { label: "simple", arms: simple.rows.map((r) => r.arm) },
    ]) as unknown as Values<{ series: string; sequence: number; imbalance: number }>;
    const rows = spec.data.values;
    expect(rows).toHaveLength(blocked.rows.length + simple.rows.length);
    const byBlock = rows.filter((r) => r.series === "blocks");
    blocked.rows.forEach((row, i) => {
      const next = blocked.rows[i + 1];
      if (next === undefined || next.block !== row.block) expect(byBlock[i]?.imbalance).toBe(0);
      expect(byBlock[i]?.imbalance).toBeLessThanOrEqual(row.blockSize / 2);
    });
    let a = 0;
    let b = 0;
    rows
      .filter((r) => r.series === "simple")
      .forEach((r, i) => {
        if (simple.rows[i]?.arm === "A") a++;
        else b++;
        expect(r.imbalance).toBe(Math.abs(a - b));
      });
  });

  it("sums the imbalance over groups and divides counts by the ratios", () => {
    const spec = allocationImbalance(
      [{ label: "2:1 in two strata", arms: ["A", "A", "B", "A"], groups: ["x", "y", "x", "x"] }],
      { arms: ["A", "B"], ratios: [2, 1] },
    ) as unknown as Values<{ imbalance: number }>;
    // Counts over ratios: x (A) 1/2 − 0; + y (A) 1/2; x (A, B) 1 − 1/2 and y 1/2; x (A, B, A) 1 − 1 and y 1/2.
    expect(spec.data.values.map((r) => r.imbalance)).toEqual([0.5, 1, 1, 0.5]);
  });

  it("follows a minimiser factor by factor", () => {
    const minimiser = createMinimiser({ arms: ["A", "B"], factors: ["sex"], pBest: 1, seed: "m" });
    const units = Array.from({ length: 20 }, (_, i) => ({ id: i, sex: i % 3 === 0 ? "F" : "M" }));
    const arms = units.map((u) => minimiser.assign(u).arm);
    const spec = allocationImbalance([
      { label: "sex", arms, groups: units.map((u) => u.sex) },
    ]) as unknown as Values<{ imbalance: number }>;
    // With pBest = 1 every level is kept within one unit of balance.
    for (const row of spec.data.values) expect(row.imbalance).toBeLessThanOrEqual(2);
  });

  it("draws the mean of replicates that share a label and a design", () => {
    const spec = allocationImbalance([
      { label: "coin", design: "simple", arms: ["A", "A"] },
      { label: "coin", design: "simple", arms: ["A", "B"] },
      { label: "coin", design: "other", arms: ["B", "B"] },
    ]) as unknown as Values<{ design: string; imbalance: number }>;
    expect(spec.data.values.filter((r) => r.design === "simple").map((r) => r.imbalance)).toEqual([1, 1]);
    expect(spec.data.values.filter((r) => r.design === "other").map((r) => r.imbalance)).toEqual([1, 2]);
  });

  it("refuses sequences it cannot read", () => {
    expect(() => allocationImbalance([])).toThrow(/series must be a non-empty array/);
    expect(() => allocationImbalance([{ label: "x", arms: ["A"], groups: [] }])).toThrow(
      /one group per unit/,
    );
  });
});

describe("plot.allocationMap", () => {
  it("draws every slot of a list in its stratum and outlines every block", async () => {
    const list = await allocationList({
      arms: ["NorA", "usual"],
      strata: { office: ["Bergen", "Oslo"] },
      blockSizes: [2, 4],
      size: 12,
      seed: "map-test",
    });
    const spec = allocationMap(list.rows) as unknown as Layered<{
      group: string;
      position: number;
      arm: string;
    }>;
    const [cells, blocks] = spec.layer;
    expect(cells?.data.values).toHaveLength(list.rows.length);
    list.rows.forEach((row, i) => {
      expect(cells?.data.values[i]).toMatchObject({
        group: row.stratum,
        position: row.sequence,
        arm: row.arm,
      });
    });
    expect(blocks?.data.values).toHaveLength(new Set(list.rows.map((r) => `${r.stratum}#${r.block}`)).size);
    expect((await renderSvg(spec as never)).startsWith("<svg")).toBe(true);
  });

  it("shows whole blocks only when the rows are cut at maxPerRow", async () => {
    const list = await allocationList({ arms: ["A", "B"], blockSizes: [2, 4, 6], size: 40, seed: "cut" });
    const spec = allocationMap(list.rows, { maxPerRow: 15 }) as unknown as Layered<{
      position: number;
      block?: number;
      x0: number;
      x1: number;
    }>;
    const [cells, blocks] = spec.layer;
    const shown = cells?.data.values.length ?? 0;
    expect(shown).toBeLessThanOrEqual(15);
    // Every block drawn is whole: its outline spans its size, and the next slot starts a block not drawn.
    const lastShown = list.rows[shown - 1];
    expect(list.rows[shown]?.block).not.toBe(lastShown?.block);
    for (const b of blocks?.data.values ?? []) {
      const size = list.rows.find((r) => r.block === b.block)?.blockSize;
      expect(b.x1 - b.x0).toBe(size);
    }
  });

  it("draws clusters as rows whose length is their size, grouped by arm", async () => {
    const units = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, class: "3A" })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, class: "3B" })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, class: "3C" })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `d${i}`, class: "3D" })),
    ];
    const result = await allocate(
      { design: "cluster", cluster: "class", arms: ["T", "C"], seed: "c" },
      units,
    );
    const spec = allocationMap(result.rows, {
      by: "cluster",
      sort: "arm",
      rowLabel: "count",
    }) as unknown as Layered<{
      group: string;
      arm: string;
    }>;
    const cells = spec.layer[0]?.data.values ?? [];
    expect(cells.filter((c) => c.group === "3A (7)")).toHaveLength(7);
    for (const c of cells) {
      const cluster = c.group.slice(0, 2);
      expect(c.arm).toBe(result.rows.find((r) => r.cluster === cluster)?.arm);
    }
  });
});

describe("plot.histogram", () => {
  it("counts the generator's draws bin by bin, with the uniform expectation", () => {
    const rng = createRng("histogram-test");
    const draws = Array.from({ length: 5000 }, () => rng.uniform());
    const spec = histogram(draws, { bins: 10, domain: [0, 1], expected: "uniform" }) as unknown as Layered<{
      count: number;
      expected: number;
    }>;
    const rows = spec.layer[0]?.data.values ?? [];
    const counts = new Array<number>(10).fill(0);
    for (const u of draws) counts[Math.floor(u * 10)] = (counts[Math.floor(u * 10)] as number) + 1;
    expect(rows.map((r) => r.count)).toEqual(counts);
    for (const r of rows) expect(r.expected).toBe(500);
  });

  it("gives integers a bin each and takes expected counts per bin", () => {
    const spec = histogram([1, 2, 2, 3, 3, 3], {
      discrete: true,
      expected: [1, 2, 3],
    }) as unknown as Layered<{
      lower: number;
      count: number;
    }>;
    expect(spec.layer[0]?.data.values.map((r) => [r.lower + 0.5, r.count])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(() => histogram([1, 2], { discrete: true, expected: [1] })).toThrow(/one expected count per bin/);
  });
});

describe("plot.rootTrace", () => {
  it("draws findRoot's own evaluations on the t-test sample-size equation", () => {
    const f = (n: number): number => tTest({ n, d: 0.5 }).power - 0.8;
    const search = { lower: 2, upper: 10, limits: { upper: 1e7 }, name: "n" };
    const seen: number[] = [];
    const reference = findRoot((n) => {
      seen.push(n);
      return f(n);
    }, search);
    const trace = rootTrace(f, search);
    expect(trace.evaluations.map((e) => e.x)).toEqual(seen);
    expect(trace.root.root).toBe(reference.root);
    expect(trace.root.root).toBeCloseToRel(tTest({ d: 0.5, power: 0.8 }).n, { rel: 1e-9 });
    expect(trace.evaluations[0]?.phase).toBe("bracket");
    expect(trace.evaluations.at(-1)?.phase).toBe("Brent");
    const points = (trace.spec as unknown as Layered<{ x: number }>).layer[2]?.data.values ?? [];
    expect(points).toHaveLength(seen.length);
  });
});

describe("plot.distributionCurves", () => {
  it("holds the library's densities at every point", () => {
    const spec = distributionCurves(
      [3, 30].map((df) => ({ label: `t, ${df} df`, f: (x: number) => studentT.pdf(x, df) })),
      { from: -4, to: 4, points: 81 },
    ) as unknown as Values<{ series: string; x: number; y: number }>;
    expect(spec.data.values).toHaveLength(162);
    for (const row of spec.data.values)
      expect(row.y).toBe(studentT.pdf(row.x, row.series === "t, 3 df" ? 3 : 30));
  });

  it("draws dashed lines at critical values beside the curves", () => {
    const crit = studentT.quantile(0.975, 10);
    const spec = distributionCurves([{ label: "t, 10 df", f: (x) => studentT.sf(x, 10) }], {
      from: -4,
      to: 4,
      xRules: [-crit, crit],
    }) as unknown as Layered<{ x: number; y?: number }>;
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[1]?.data.values.map((v) => v.x)).toEqual([-crit, crit]);
    const atCrit = spec.layer[0]?.data.values.find((v) => Math.abs(v.x - 0) < 1e-12);
    expect(atCrit?.y).toBe(studentT.sf(0, 10));
  });

  it("clips the curves to a y range when one is given", () => {
    const spec = distributionCurves([{ label: "peak", f: (x) => 1 / x }], {
      from: 0.1,
      to: 1,
      yDomain: [0, 2],
    }) as unknown as { mark: { clip?: boolean }; encoding: { y: { scale: { domain: number[] } } } };
    expect(spec.mark.clip).toBe(true);
    expect(spec.encoding.y.scale.domain).toEqual([0, 2]);
  });

  it("leaves out zeros on a log axis and refuses a bad range", () => {
    const spec = distributionCurves([{ label: "step", f: (x) => (x < 0 ? 0 : 1) }], {
      from: -1,
      to: 1,
      points: 5,
      logY: true,
    }) as unknown as Values<unknown>;
    expect(spec.data.values).toHaveLength(3);
    expect(() => distributionCurves([{ label: "x", f: (x) => x }], { from: 1, to: 0 })).toThrow(
      /options.from/,
    );
  });
});

describe("plot.intervals", () => {
  it("draws Fisher's odds ratio and its interval on a log axis beside a difference", async () => {
    const fisher = fisherExact({
      table: [
        [27, 57],
        [15, 69],
      ],
    });
    const spec = intervals(
      [
        {
          label: "odds ratio",
          estimate: fisher.oddsRatio as number,
          lower: fisher.ciLower,
          upper: fisher.ciUpper as number,
          panel: "Odds ratio",
        },
        { label: "difference", estimate: 27 / 84 - 15 / 84, panel: "Risk difference" },
      ],
      { log: ["Odds ratio"], reference: { "Odds ratio": 1, "Risk difference": 0 } },
    ) as unknown as { vconcat: Layered<{ estimate: number; lower: number | null }>[] };
    expect(spec.vconcat).toHaveLength(2);
    const points = spec.vconcat[0]?.layer.at(-1)?.data.values[0];
    expect(points?.estimate).toBe(fisher.oddsRatio);
    expect(points?.lower).toBe(fisher.ciLower);
    expect(spec.vconcat[1]?.layer.at(-1)?.data.values[0]?.lower).toBeNull();
    expect((await renderSvg(spec as never)).includes("Odds ratio")).toBe(true);
  });
});

describe("plot.intervals, a set range", () => {
  it("shows the x range asked for, with the band and the reference inside it", () => {
    const spec = intervals([{ label: "age", estimate: -0.12 }], {
      xDomain: [-0.25, 0.25],
      band: [-0.1, 0.1],
      reference: 0,
    }) as unknown as { layer: { encoding: { x: { scale: { domain?: number[] } } } }[] };
    for (const layer of spec.layer) expect(layer.encoding.x.scale.domain).toEqual([-0.25, 0.25]);
  });
});

describe("plot.simulatedPower", () => {
  it("puts simulatePower's points and intervals on the analytic curve", () => {
    const rows = curve(tTest, { d: 0.5 }, { vary: "n", from: 10, to: 80, points: 15 });
    const sims = [20, 40].map((n) => ({
      n,
      ...simulatePower({
        simulate: twoArmSimulator({ outcome: "continuous", n, delta: 0.5, sd: 1 }),
        reps: 400,
        seed: `sim-${n}`,
      }),
    }));
    const spec = simulatedPower(rows, sims) as unknown as Layered<{
      n: number;
      simulated: number;
      lower: number;
    }>;
    const points = spec.layer.at(-1)?.data.values ?? [];
    expect(points.map((p) => p.simulated)).toEqual(sims.map((s) => s.power));
    expect(points.map((p) => p.lower)).toEqual(sims.map((s) => s.ci[0]));
    expect(() => simulatedPower(rows, [{ power: 2, ci: [0, 1], n: 10 }])).toThrow(/simulated\[0\]\.power/);
  });
});

describe("plot.stockFlow", () => {
  it("draws each record's parts and checkFlows' gap", () => {
    const records = programmeYears.filter((r) => ["nora-2021", "nora-2024", "ny-sjanse-2024"].includes(r.id));
    const spec = stockFlow(records) as unknown as Layered<Record<string, string | number>>;
    const segments = (spec.layer[0]?.data.values ?? []) as { record: string; part: string; count: number }[];
    const part = (record: string, name: string) =>
      segments.find((s) => s.record === record && s.part === name)?.count;
    expect(part("nora-2024", "unaccounted for")).toBe(checkFlows(records[1] as never).findings[0]?.gap);
    expect(part("nora-2024", "unaccounted for")).toBe(4);
    expect(part("ny-sjanse-2024", "not reported")).toBe(212 - 91 - 6);
    expect(part("nora-2021", "unplanned exits")).toBe(20);
    const notes = Object.fromEntries((spec.layer[2]?.data.values ?? []).map((t) => [t.row, t.note]));
    expect(notes).toEqual({ "nora-2021": "gap −1", "nora-2024": "gap 4", "ny-sjanse-2024": "not checked" });
  });
});
