// powerCurve: rows for plot.powerCurve, over one parameter and optionally several series.
import { clusterRandomised, powerCurve, tTest, twoProportions } from "@tiltak/power";
import { describe, expect, it } from "vitest";

describe("powerCurve", () => {
  it("evaluates the function at evenly spaced points, with the power computed at each", () => {
    const rows = powerCurve(tTest, { d: 0.5, power: 0.8 }, { vary: "n", from: 10, to: 100, points: 10 });
    expect(rows.map((row) => row.n)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    rows.forEach((row) => {
      expect(row.power).toBeCloseToRel(tTest({ n: row.n as number, d: 0.5 }).power, { rel: 1e-15 });
    });
    expect(Object.keys(rows[0] as object)).toEqual(["n", "power"]);
  });
  it("draws one series per value of a second parameter, labelled", () => {
    const rows = powerCurve(
      twoProportions,
      {},
      { vary: "n", from: 20, to: 200, points: 4, series: { vary: "h", values: [0.2, 0.5] } },
    );
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ series: "h = 0.2", h: 0.2, n: 20 });
    expect(rows[7]).toMatchObject({ series: "h = 0.5", h: 0.5, n: 200 });
    expect(rows[7]?.power).toBeCloseToRel(twoProportions({ n: 200, h: 0.5 }).power, { rel: 1e-15 });
  });
  it("rounds to integers without duplicates, and draws other outputs (MDES by clusters)", () => {
    const rows = powerCurve(tTest, { d: 0.5 }, { vary: "n", from: 2, to: 5, points: 10, integer: true });
    expect(rows.map((row) => row.n)).toEqual([2, 3, 4, 5]);
    const mdes = powerCurve(
      clusterRandomised,
      { icc: 0.1, clusterSize: 15, power: 0.8 },
      { vary: "clusters", from: 10, to: 40, points: 4, output: "mdes" },
    );
    expect(mdes.map((row) => row.clusters)).toEqual([10, 20, 30, 40]);
    expect(mdes[1]?.mdes).toBeCloseToRel(
      clusterRandomised({ icc: 0.1, clusterSize: 15, clusters: 20, power: 0.8 }).mdes,
      {
        rel: 1e-15,
      },
    );
    expect((mdes[0]?.mdes as number) > (mdes[3]?.mdes as number)).toBe(true);
  });
  it("rejects bad options and passes on the function's own errors", () => {
    expect(() => powerCurve(tTest, { d: 0.5 }, { vary: "n", from: 10, to: 100, points: 1 })).toThrow(
      /points must be an integer >= 2/,
    );
    expect(() => powerCurve(tTest, { d: 0.5 }, { vary: "n", from: 0, to: 100, points: 3 })).toThrow(
      /n must be in \[2, Inf\)/,
    );
    expect(() => powerCurve(tTest, { d: 0.5 }, { vary: "n", from: 10, to: 20, output: "method" })).toThrow(
      /output must name a numeric field/,
    );
  });
});
