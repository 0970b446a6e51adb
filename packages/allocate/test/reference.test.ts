// Minimisation scores against R: test/reference/allocate/generate.R computes Minirand 0.1.3's imbalance
// rule (range, var and sd) for 41 configurations (2–4 arms, unequal ratios, 1–4 weighted factors).
// Tolerance: abs 1e-12.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { imbalanceScores, minimisationProbabilities } from "../src/index.js";

interface Case {
  counts: number[][];
  ratios: number[];
  weights: number[];
  range: number[];
  variance: number[];
  sd: number[];
}

const file = join(dirname(fileURLToPath(import.meta.url)), "../../../test/reference/allocate/minirand.json");
const reference = JSON.parse(readFileSync(file, "utf8")) as { meta: Record<string, string>; cases: Case[] };

describe("imbalanceScores against Minirand's rule (R, abs 1e-12)", () => {
  it("has the reference cases", () => {
    expect(reference.cases.length).toBe(41);
    expect(reference.meta.R).toMatch(/^R version 4/);
  });
  reference.cases.forEach((entry, index) => {
    it(`case ${index + 1}: ${entry.ratios.length} arms, ${entry.counts.length} factors`, () => {
      const range = imbalanceScores(entry.counts, entry.ratios, entry.weights, "range");
      const variance = imbalanceScores(entry.counts, entry.ratios, entry.weights, "variance");
      range.forEach((value, arm) => {
        expect(value).toBeCloseToRel(entry.range[arm] as number, { abs: 1e-12 });
      });
      variance.forEach((value, arm) => {
        expect(value).toBeCloseToRel(entry.variance[arm] as number, { abs: 1e-12 });
      });
      imbalanceScores(entry.counts, entry.ratios, entry.weights, "sd").forEach((value, arm) => {
        expect(value).toBeCloseToRel(entry.sd[arm] as number, { abs: 1e-12 });
      });
      // the probabilities always sum to 1 and favour the least imbalance
      const p = minimisationProbabilities(range, 0.85);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseToRel(1, { rel: 1e-12 });
      const best = Math.min(...range);
      range.forEach((score, arm) => {
        if (score === best) expect(p[arm]).toBeGreaterThanOrEqual(Math.max(...p) - 1e-15);
      });
    });
  });
});
