import { effectSizes, funnel as funnelLimits, metaAnalysis } from "@tiltak/compare";
import { describe, expect, it } from "vitest";
import { forest, funnel, rateTrend, renderSvg } from "../src/index.js";

// dat.bcg (Colditz et al. 1994), the first six trials
const bcg = effectSizes({
  measure: "RR",
  ai: [4, 6, 3, 62, 33, 180],
  bi: [119, 300, 228, 13536, 5036, 1361],
  ci: [11, 29, 11, 248, 47, 372],
  di: [128, 274, 209, 12619, 5761, 1079],
  slab: [
    "Aronson",
    "Ferguson & Simes",
    "Rosenthal",
    "Hart & Sutherland",
    "Frimodt-Moller",
    "Stein & Aronson",
  ],
});
const meta = metaAnalysis({ yi: bcg.yi, vi: bcg.vi, slab: bcg.slab, method: "REML" });

type Layer = { data: { values: Record<string, number | string>[] }; mark: { type: string } };

describe("plot.forest", () => {
  it("draws one row per study plus the pooled row, on the ratio scale when exponentiated", async () => {
    const spec = forest(meta, { exponentiate: true, title: "BCG" }) as unknown as { layer: Layer[] };
    const squares = spec.layer.find((layer) => layer.mark.type === "square");
    expect(squares?.data.values).toHaveLength(6);
    const first = squares?.data.values[0] as { estimate: number; lower: number; upper: number };
    expect(first.estimate).toBeCloseToRel(Math.exp(bcg.yi[0] as number), { rel: 1e-12 });
    expect(first.lower).toBeLessThan(first.estimate);
    expect(first.upper).toBeGreaterThan(first.estimate);
    const diamond = spec.layer.find((layer) => layer.mark.type === "point");
    if (diamond === undefined) throw new Error("no pooled diamond");
    expect((diamond.data.values[0] as { estimate: number }).estimate).toBeCloseToRel(
      Math.exp(meta.estimate),
      { rel: 1e-12 },
    );
    const svg = await renderSvg(spec as never);
    expect(svg).toContain("Aronson");
    expect(svg).toContain("REML model");
  });
  it("uses the effect scale by default with a reference line at 0", () => {
    const spec = forest(meta) as unknown as { layer: Layer[] };
    expect(spec.layer[0]?.data.values[0]).toEqual({ reference: 0 });
  });
  it("takes the pooled label and the weight legend's title in another language", async () => {
    const svg = await renderSvg(
      forest(meta, { pooledLabel: "REML-modell", weightTitle: "Vekt (%)", xTitle: "Risikoratio" }) as never,
    );
    for (const text of ["REML-modell", "Vekt (%)", "Risikoratio"]) expect(svg).toContain(text);
    expect(svg).not.toContain("REML model");
  });
  it("rejects what is not a meta-analysis", () => {
    expect(() => forest({ yi: [1] } as never)).toThrow(/meta must be a metaAnalysis result/);
  });
});

describe("plot.funnel", () => {
  const result = funnelLimits(
    [
      { id: "NorA 2021", x: 44, n: 102 },
      { id: "NorA 2024", x: 27, n: 84 },
      { id: "Ny sjanse 2024", x: 43, n: 91 },
    ],
    { target: 0.6 },
  );
  it("draws both levels' limits, the target and the flagged units", async () => {
    const spec = funnel(result, { title: "Exit to work against the 60 % target" }) as unknown as {
      layer: Layer[];
    };
    const lines = spec.layer[0]?.data.values ?? [];
    expect(new Set(lines.map((row) => row.level))).toEqual(new Set(["95 %", "99.8 %"]));
    expect(lines.length).toBe(result.curves.length * 2);
    expect(spec.layer[1]?.data.values[0]).toEqual({ target: 0.6 });
    const points = spec.layer[2]?.data.values ?? [];
    expect(points.map((p) => p.flag)).toEqual([
      "low (beyond 99.8 %)",
      "low (beyond 99.8 %)",
      "low (beyond 95 %)",
    ]);
    const svg = await renderSvg(spec as never);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Ny sjanse 2024");
  });
  it("can draw the normal limits", () => {
    const spec = funnel(result, { limits: "normal" }) as unknown as { layer: Layer[] };
    const row = result.curves[result.curves.length - 1];
    const drawn = spec.layer[0]?.data.values
      .filter((v) => v.n === row?.n && v.side === "upper")
      .map((v) => v.value);
    expect(drawn).toContain(row?.normalUpper);
  });
});

describe("plot.rateTrend", () => {
  it("draws rates, intervals and targets by year", async () => {
    const rows = [
      {
        programme: "NorA",
        period: { start: "2021-01-01", end: "2021-12-31" },
        rate: 44 / 102,
        lower: 0.34,
        upper: 0.53,
        target: 0.6,
      },
      {
        programme: "NorA",
        period: { start: "2024-01-01", end: "2024-12-31" },
        rate: 27 / 84,
        lower: 0.23,
        upper: 0.43,
        target: 0.6,
      },
      { programme: "Ny sjanse", year: 2024, rate: 43 / 91, target: null },
    ];
    const spec = rateTrend(rows) as unknown as { data: { values: { year: number; series: string }[] } };
    expect(spec.data.values.map((v) => [v.series, v.year])).toEqual([
      ["NorA", 2021],
      ["NorA", 2024],
      ["Ny sjanse", 2024],
    ]);
    expect((await renderSvg(spec as never)).startsWith("<svg")).toBe(true);
  });
  it("rejects rates outside [0, 1] and rows without a year", () => {
    expect(() => rateTrend([{ year: 2024, rate: 1.4 }])).toThrow(
      /rows\[0\].rate must be in \[0, 1\], got 1.4/,
    );
    expect(() => rateTrend([])).toThrow(/rows must be a non-empty array/);
  });
});

describe("plot.funnel with overdispersion", () => {
  it("draws the adjusted limits and refuses them for an unadjusted result", () => {
    const units = [
      { id: "a", x: 44, n: 102 },
      { id: "b", x: 27, n: 84 },
      { id: "c", x: 43, n: 91 },
      { id: "d", x: 70, n: 120 },
    ];
    const adjusted = funnelLimits(units, { target: 0.6, overdispersion: "additive" });
    const spec = funnel(adjusted) as unknown as { layer: Layer[] };
    const last = adjusted.curves[adjusted.curves.length - 1];
    const drawn = spec.layer[0]?.data.values
      .filter((v) => v.n === last?.n && v.side === "upper")
      .map((v) => v.value);
    expect(drawn).toContain(last?.adjustedUpper);
    const plain = funnelLimits(units, { target: 0.6 });
    expect(() => funnel(plain, { limits: "adjusted" })).toThrow(/must not be "adjusted"/);
  });
});
