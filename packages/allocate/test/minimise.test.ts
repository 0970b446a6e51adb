// Pocock–Simon minimisation: imbalance scores against R Minirand 0.1.3 (the scoring rule of
// Minirand(), written out in test/reference/allocate/generate.R, abs 1e-12), probabilities, exact restore, the
// realised pBest over fixed seeds (5 SE), and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createMinimiser,
  imbalanceScores,
  type MinimiserPlan,
  minimisationProbabilities,
  restoreMinimiser,
  verifyAllocation,
} from "../src/index.js";

describe("minimisation: scores and probabilities", () => {
  it("matches Minirand's range and variance scores for minirand-01 (abs 1e-12)", () => {
    // Earlier patients (sex, age, arm): (1,1,1) (1,0,1) (0,1,2) (0,0,2); new patient sex 1, age 1; covwt 0.5, 0.5.
    // Counts per arm of earlier patients sharing each level: sex = 1 → [2, 0]; age = 1 → [1, 1].
    const counts = [
      [2, 0],
      [1, 1],
    ];
    const range = imbalanceScores(counts, [1, 1], [0.5, 0.5], "range");
    const variance = imbalanceScores(counts, [1, 1], [0.5, 0.5], "variance");
    for (const [i, value] of range.entries())
      expect(value).toBeCloseToRel([2, 1][i] as number, { abs: 1e-12 });
    for (const [i, value] of variance.entries())
      expect(value).toBeCloseToRel([2.5, 0.5][i] as number, { abs: 1e-12 });
  });

  it("the same case through the minimiser: arm 2 preferred with pBest", () => {
    const minimiser = createMinimiser({
      arms: ["1", "2"],
      factors: ["sex", "age"],
      weights: [0.5, 0.5],
      pBest: 0.8,
      seed: "m",
    });
    const history: [string, string, string][] = [
      ["1", "1", "1"],
      ["1", "0", "1"],
      ["0", "1", "2"],
      ["0", "0", "2"],
    ];
    const state = minimiser.state();
    state.rows = history.map(([sex, age, arm], i) => ({ unitId: `p${i}`, arm, sex, age }));
    const restored = restoreMinimiser(state);
    const next = restored.assign({ id: "p5", sex: 1, age: 1 });
    expect(next.imbalance).toEqual([2, 1]);
    expect(next.probabilities).toEqual([0.19999999999999996, 0.8]);
  });

  it("divides counts by the ratios and splits pBest among tied arms", () => {
    expect(imbalanceScores([[2, 1]], [2, 1], [1], "range")).toEqual([0.5, 1]);
    expect(minimisationProbabilities([1, 1, 2, 3], 0.8)).toEqual([
      0.4, 0.4, 0.09999999999999998, 0.09999999999999998,
    ]);
    expect(minimisationProbabilities([5, 5], 0.8)).toEqual([0.5, 0.5]);
  });

  it("realises pBest: the preferred arm is chosen with probability 0.8 over fixed seeds (5 SE)", () => {
    const seeds = 5000;
    let preferred = 0;
    for (let s = 0; s < seeds; s++) {
      const minimiser = createMinimiser({ arms: ["A", "B"], factors: ["g"], pBest: 0.8, seed: `p-${s}` });
      const first = minimiser.assign({ id: 1, g: "F" });
      const second = minimiser.assign({ id: 2, g: "F" });
      if (second.arm !== first.arm) preferred++;
    }
    const se = Math.sqrt((0.8 * 0.2) / seeds);
    expect(Math.abs(preferred / seeds - 0.8)).toBeLessThanOrEqual(5 * se);
  });

  it("keeps small rolling intakes balanced: |A − B| per level stays small with pBest = 1 (deterministic when untied)", () => {
    const minimiser = createMinimiser({ arms: ["A", "B"], factors: ["g", "o"], pBest: 1, seed: "tight" });
    const arms: string[] = [];
    for (let i = 0; i < 40; i++)
      arms.push(minimiser.assign({ id: i, g: i % 3 === 0 ? "F" : "M", o: i % 2 }).arm);
    const a = arms.filter((arm) => arm === "A").length;
    expect(Math.abs(a - (40 - a))).toBeLessThanOrEqual(2);
  });
});

describe("minimisation: state and restore", () => {
  it("state is plain JSON and a restored minimiser continues exactly (any split point)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.constantFrom("F", "M"), o: fc.constantFrom("Bergen", "Oslo") }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.nat(),
        fc.constantFrom<"range" | "variance">("range", "variance"),
        (people, cut, imbalance) => {
          const plan: MinimiserPlan = {
            arms: ["A", "B", "C"],
            factors: ["g", "o"],
            pBest: 0.7,
            imbalance,
            seed: "restore",
          };
          const units = people.map((p, i) => ({ id: `u${i}`, ...p }));
          const straight = createMinimiser(plan);
          const expected = units.map((unit) => straight.assign(unit).arm);
          const split = cut % (units.length + 1);
          const first = createMinimiser(plan);
          const got = units.slice(0, split).map((unit) => first.assign(unit).arm);
          const saved = JSON.stringify(first.state());
          const second = restoreMinimiser(JSON.parse(saved));
          for (const unit of units.slice(split)) got.push(second.assign(unit).arm);
          expect(got).toEqual(expected);
          expect(JSON.parse(JSON.stringify(straight.state()))).toEqual(straight.state());
        },
      ),
      { numRuns: 50 },
    );
  });

  it("a minimisation sequence verifies, and an edited arm is found", async () => {
    const minimiser = createMinimiser({
      arms: ["A", "B"],
      factors: { g: ["F", "M"] },
      pBest: 0.8,
      seed: "v",
    });
    for (let i = 0; i < 12; i++) minimiser.assign({ id: i, g: i % 2 ? "F" : "M" });
    const result = await minimiser.result();
    expect((await verifyAllocation(result)).ok).toBe(true);
    const rows = result.rows.map((row, i) => (i === 5 ? { ...row, arm: row.arm === "A" ? "B" : "A" } : row));
    const report = await verifyAllocation({ ...result, rows });
    expect(report.ok).toBe(false);
    expect(report.differences[0]).toMatchObject({ row: 5, column: "arm" });
  });
});

describe("minimisation: bad input", () => {
  const plan: MinimiserPlan = { arms: ["A", "B"], factors: ["g"], pBest: 0.8, seed: "x" };
  it("refuses bad plans", () => {
    const { seed: _seed, ...noSeed } = plan;
    expect(() => createMinimiser(noSeed as MinimiserPlan)).toThrow(/^seed is required/);
    expect(() => createMinimiser({ ...plan, pBest: 1.2 })).toThrow(/^pBest must be in \(0, 1\], got 1\.2/);
    expect(() => createMinimiser({ ...plan, factors: [] })).toThrow(/^factors must name at least one factor/);
    expect(() => createMinimiser({ ...plan, arms: ["A"] })).toThrow(/^arms must list at least two arms/);
    expect(() => createMinimiser({ ...plan, weights: [1, 2] })).toThrow(
      /^weights must have one weight per factor/,
    );
    expect(() => createMinimiser({ ...plan, factors: ["arm"] })).toThrow(
      /^factors\[0\] must be a distinct field name/,
    );
  });
  it("refuses units without id or factor, repeated ids and undeclared levels", () => {
    const minimiser = createMinimiser({ ...plan, factors: { g: ["F", "M"] } });
    expect(() => minimiser.assign({ g: "F" })).toThrow(/^unit\.id must be the unit's id/);
    expect(() => minimiser.assign({ id: 1 })).toThrow(
      /^unit\.g must hold the unit's level of the factor "g"/,
    );
    expect(() => minimiser.assign({ id: 1, g: "X" })).toThrow(
      /^unit\.g must be one of the levels F, M, got "X"/,
    );
    minimiser.assign({ id: 1, g: "F" });
    expect(() => minimiser.assign({ id: 1, g: "M" })).toThrow(/^unit\.id must be a unit not yet assigned/);
    expect(() => restoreMinimiser({} as never)).toThrow(/^state must be a saved minimiser state/);
  });
});
