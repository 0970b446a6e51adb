// Tolerance: 1e-9 relative against R's qbinom/pbinom (Spiegelhalter's interpolated limits) and qnorm.
import { describe, expect, it } from "vitest";
import { funnel } from "../src/index.js";
import { reference } from "./reference.js";

interface Limit {
  level: number;
  exactLower: number;
  exactUpper: number;
  normalLower: number;
  normalUpper: number;
}
const ref = reference<{ cases: { target: number; n: number; limits: Limit[] }[] }>("funnel.json");

describe("funnel limits match R (Spiegelhalter 2005)", () => {
  for (const c of ref.cases) {
    it(`target ${c.target}, n ${c.n}`, () => {
      const result = funnel([{ label: "unit", x: 0, n: c.n }], { target: c.target });
      const limits = result.units[0]?.limits ?? [];
      expect(limits.map((l) => l.level)).toEqual([0.95, 0.998]);
      c.limits.forEach((expected, i) => {
        const got = limits[i] as Limit;
        for (const key of ["exactLower", "exactUpper", "normalLower", "normalUpper"] as const)
          expect(got[key], key).toBeCloseToRel(expected[key], { rel: 1e-9, abs: 1e-12 });
      });
    });
  }
});

describe("funnel flags and structure", () => {
  const units = [
    { id: "nora-2021", events: 44, n: 102 },
    { id: "nora-2024", events: 27, n: 84 },
    { id: "ny-sjanse-2024", events: 43, n: 91 },
  ];
  it("flags all three programmes low against the 60 % work target", () => {
    const result = funnel(units, { target: 0.6 });
    expect(result.targetSource).toBe("given");
    expect(result.units.map((u) => [u.id, u.flag, u.flagLevel])).toEqual([
      ["nora-2021", "low", 0.998],
      ["nora-2024", "low", 0.998],
      ["ny-sjanse-2024", "low", 0.95],
    ]);
  });
  it("centres on the pooled rate when no target is given", () => {
    const result = funnel(units);
    expect(result.targetSource).toBe("pooled");
    expect(result.target).toBeCloseToRel(114 / 277, { rel: 1e-15 });
    expect(result.units.every((u) => u.flag === "within" || u.flagLevel !== null)).toBe(true);
  });
  it("limits widen as n shrinks and contain the target", () => {
    const result = funnel(units, { target: 0.6 });
    const byLevel = result.curves.filter((row) => row.level === 0.95);
    for (const row of byLevel) {
      expect(row.exactLower).toBeLessThanOrEqual(0.6);
      expect(row.exactUpper).toBeGreaterThanOrEqual(0.6);
    }
    const first = byLevel.find((row) => row.n === 10) ?? byLevel[0];
    const last = byLevel[byLevel.length - 1];
    if (first === undefined || last === undefined) throw new Error("no curve rows");
    expect(first.normalUpper - first.normalLower).toBeGreaterThan(last.normalUpper - last.normalLower);
  });
  it("uses the normal limits when asked", () => {
    const result = funnel(units, { target: 0.6, method: "normal" });
    expect(result.method).toBe("normal");
    expect(result.units[2]?.flag).toBe("low");
  });
  it("rejects bad units and targets", () => {
    expect(() => funnel([{ id: "a", x: 5, n: 4 }])).toThrow(/units\[0\].x must be <= n \(4\), got 5/);
    expect(() => funnel([])).toThrow(/at least one unit/);
    expect(() => funnel(units, { target: 1.2 })).toThrow(/target/);
    expect(() => funnel([{ id: "a", x: 0, n: 4 }])).toThrow(/pooled rate/);
  });
});

interface OverdispersionCase {
  target: number | null;
  method: "multiplicative" | "additive";
  x: number[];
  n: number[];
  theta: number;
  phi: number;
  tau2: number;
  statistic: number;
  df: number;
  p: number;
  lower95: number[];
  upper95: number[];
  lower998: number[];
  upper998: number[];
}
const od = reference<{ overdispersion: OverdispersionCase[] }>("funnel.json").overdispersion;

describe("overdispersion-adjusted limits (Spiegelhalter 2005, 3.5), against the formulas in R", () => {
  for (const c of od) {
    it(`${c.method}, target ${c.target ?? "pooled"}`, () => {
      const units = c.x.map((x, i) => ({ id: `u${i}`, x, n: c.n[i] as number }));
      const result = funnel(units, {
        ...(c.target === null ? {} : { target: c.target }),
        overdispersion: c.method,
      });
      const o = result.overdispersion;
      if (o === null) throw new Error("no overdispersion estimate");
      expect(result.method).toBe("adjusted");
      expect(result.target).toBeCloseToRel(c.theta, { rel: 1e-12 });
      expect(o.phi).toBeCloseToRel(c.phi, { rel: 1e-9 });
      expect(o.tau2).toBeCloseToRel(c.tau2, { rel: 1e-9, abs: 1e-15 });
      expect(o.statistic).toBeCloseToRel(c.statistic, { rel: 1e-9 });
      expect(o.df).toBe(c.df);
      expect(o.p).toBeCloseToRel(c.p, { rel: 1e-9 });
      result.units.forEach((unit, i) => {
        const [l95, l998] = unit.limits;
        expect(l95?.adjustedLower).toBeCloseToRel(c.lower95[i] as number, { rel: 1e-9 });
        expect(l95?.adjustedUpper).toBeCloseToRel(c.upper95[i] as number, { rel: 1e-9 });
        expect(l998?.adjustedLower).toBeCloseToRel(c.lower998[i] as number, { rel: 1e-9, abs: 1e-15 });
        expect(l998?.adjustedUpper).toBeCloseToRel(c.upper998[i] as number, { rel: 1e-9 });
        // adjusted limits are never narrower than the normal ones
        expect(l95?.adjustedLower as number).toBeLessThanOrEqual((l95?.normalLower as number) + 1e-15);
      });
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    });
  }
  it("flags fewer units once the limits are widened", () => {
    const c = od[0] as OverdispersionCase;
    const units = c.x.map((x, i) => ({ id: `u${i}`, x, n: c.n[i] as number }));
    const plain = funnel(units, { target: 0.6 }).units.filter((u) => u.flag !== "within").length;
    const adjusted = funnel(units, { target: 0.6, overdispersion: "multiplicative" }).units.filter(
      (u) => u.flag !== "within",
    ).length;
    expect(adjusted).toBeLessThan(plain);
  });
});
