// plot.powerCurve: the Vega-Lite spec drawn from power.powerCurve rows, and its SVG rendering.
import { powerCurve, renderSvg } from "@tiltak/plot";
import { clusterRandomised, powerCurve as curve, tTest } from "@tiltak/power";
import { describe, expect, it } from "vitest";

interface Layer {
  mark: { type: string };
  data?: { values: Record<string, number>[] };
  encoding: Record<string, { field: string; scale?: { domain?: number[] } }>;
}

describe("plot.powerCurve", () => {
  const rows = curve(
    tTest,
    {},
    { vary: "n", from: 10, to: 100, points: 10, series: { vary: "d", values: [0.3, 0.5, 0.8] } },
  );

  it("draws power against the varied parameter, one line per series, with a rule at 0.8", () => {
    const spec = powerCurve(rows) as unknown as { data: { values: unknown[] }; layer: Layer[] };
    expect(spec.data.values).toHaveLength(30);
    const [line, rule] = spec.layer;
    expect(line?.mark.type).toBe("line");
    expect(line?.encoding.x?.field).toBe("n");
    expect(line?.encoding.y?.field).toBe("power");
    expect(line?.encoding.y?.scale?.domain).toEqual([0, 1]);
    expect(line?.encoding.color?.field).toBe("series");
    expect(rule?.mark.type).toBe("rule");
    expect(rule?.data?.values[0]?.target).toBe(0.8);
  });

  it("renders to SVG with one line per series", async () => {
    const svg = await renderSvg(powerCurve(rows, { title: "Two-sample t test" }));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Two-sample t test");
    expect(svg).toContain("d = 0.8");
  });

  it("takes other outputs (an MDES curve) and an explicit x field, without a target line", () => {
    const mdesRows = curve(
      clusterRandomised,
      { icc: 0.1, clusterSize: 15, power: 0.8 },
      { vary: "clusters", from: 10, to: 40, points: 4, output: "mdes" },
    );
    const spec = powerCurve(mdesRows, { y: "mdes", x: "clusters" }) as unknown as { layer: Layer[] };
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0]?.encoding.y?.field).toBe("mdes");
  });

  it("rejects rows that are not power-curve rows", () => {
    expect(() => powerCurve([])).toThrow(/rows must be a non-empty array/);
    expect(() => powerCurve([{ n: 10 }])).toThrow(/numeric "power" field/);
  });
});
