// Structural properties of the analytic power functions, checked with fast-check over wide parameter
// ranges: power rises with the sample size and the effect size, equals sigLevel at zero effect
// (two-sided, both rejection regions counted), and solving for a parameter and recomputing returns the
// input. Tolerances: 1e-9 relative for round trips (the solver stops at 1e-10), 1e-12 absolute at zero effect.
import {
  anova,
  chiSquare,
  clusterRandomised,
  linearModel,
  means,
  multisiteRandomised,
  normalMean,
  oneProportion,
  proportions,
  steppedWedge,
  tTest,
  tTest2n,
  twoProportions,
  twoProportions2n,
} from "@tiltak/power";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const runs = { numRuns: 60, seed: 20261122 };
const n = fc.double({ min: 3, max: 2000, noNaN: true });
const effect = fc.double({ min: 0.01, max: 1.5, noNaN: true });
const alpha = fc.constantFrom(0.001, 0.01, 0.05, 0.1);
const type = fc.constantFrom("two-sample" as const, "one-sample" as const, "paired" as const);
const alternative = fc.constantFrom("two-sided" as const, "greater" as const);

describe("power rises with the sample size", () => {
  it("tTest, normalMean, twoProportions, oneProportion", () => {
    fc.assert(
      fc.property(n, n, effect, alpha, type, alternative, (a, b, d, sigLevel, t, alt) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        if (hi - lo < 1e-6) return;
        expect(tTest({ n: hi, d, sigLevel, type: t, alternative: alt }).power).toBeGreaterThanOrEqual(
          tTest({ n: lo, d, sigLevel, type: t, alternative: alt }).power - 1e-12,
        );
        expect(normalMean({ n: hi, d, sigLevel, alternative: alt }).power).toBeGreaterThanOrEqual(
          normalMean({ n: lo, d, sigLevel, alternative: alt }).power - 1e-12,
        );
        expect(twoProportions({ n: hi, h: d, sigLevel, alternative: alt }).power).toBeGreaterThanOrEqual(
          twoProportions({ n: lo, h: d, sigLevel, alternative: alt }).power - 1e-12,
        );
        expect(oneProportion({ n: hi, h: d, sigLevel }).power).toBeGreaterThanOrEqual(
          oneProportion({ n: lo, h: d, sigLevel }).power - 1e-12,
        );
      }),
      runs,
    );
  });
  it("anova, chiSquare, linearModel, proportions, clusterRandomised", () => {
    fc.assert(
      fc.property(n, n, effect, alpha, (a, b, f, sigLevel) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        if (hi - lo < 1e-6) return;
        expect(anova({ k: 3, n: hi, f, sigLevel }).power).toBeGreaterThanOrEqual(
          anova({ k: 3, n: lo, f, sigLevel }).power - 1e-9,
        );
        expect(chiSquare({ N: hi, w: f, df: 2, sigLevel }).power).toBeGreaterThanOrEqual(
          chiSquare({ N: lo, w: f, df: 2, sigLevel }).power - 1e-9,
        );
        expect(linearModel({ u: 2, v: hi, f2: f / 4, sigLevel }).power).toBeGreaterThanOrEqual(
          linearModel({ u: 2, v: lo, f2: f / 4, sigLevel }).power - 1e-9,
        );
        const p2 = Math.min(0.95, 0.3 + f / 3);
        expect(proportions({ n: hi, p1: 0.3, p2, sigLevel }).power).toBeGreaterThanOrEqual(
          proportions({ n: lo, p1: 0.3, p2, sigLevel }).power - 1e-12,
        );
        const jlo = 4 + lo / 20;
        const jhi = 4 + hi / 20;
        expect(
          clusterRandomised({ icc: 0.1, clusterSize: 15, clusters: jhi, mdes: f, sigLevel }).power,
        ).toBeGreaterThanOrEqual(
          clusterRandomised({ icc: 0.1, clusterSize: 15, clusters: jlo, mdes: f, sigLevel }).power - 1e-12,
        );
      }),
      runs,
    );
  });
});

describe("power rises with the effect size", () => {
  it("for every t test type and direction", () => {
    fc.assert(
      fc.property(
        effect,
        effect,
        fc.integer({ min: 3, max: 300 }),
        type,
        alternative,
        (a, b, size, t, alt) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(tTest({ n: size, d: hi, type: t, alternative: alt }).power).toBeGreaterThanOrEqual(
            tTest({ n: size, d: lo, type: t, alternative: alt }).power - 1e-12,
          );
          expect(means({ n: size, delta: hi, sd: 2, type: t }).power).toBeGreaterThanOrEqual(
            means({ n: size, delta: lo, sd: 2, type: t }).power - 1e-12,
          );
          expect(anova({ k: 4, n: size, f: hi }).power).toBeGreaterThanOrEqual(
            anova({ k: 4, n: size, f: lo }).power - 1e-9,
          );
          expect(
            steppedWedge({ clusters: 12, steps: 3, clusterSize: size, icc: 0.05, effect: hi / 4 }).power,
          ).toBeGreaterThanOrEqual(
            steppedWedge({ clusters: 12, steps: 3, clusterSize: size, icc: 0.05, effect: lo / 4 }).power -
              1e-12,
          );
        },
      ),
      runs,
    );
  });
});

describe("power equals sigLevel at zero effect (two-sided, both rejection regions)", () => {
  it("for the t, z, F and chi-square tests", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5000 }), alpha, type, (size, sigLevel, t) => {
        const close = (x: number): void => {
          expect(x).toBeCloseToRel(sigLevel, { rel: 1e-9, abs: 1e-12 });
        };
        close(tTest({ n: size, d: 0, sigLevel, type: t }).power);
        close(tTest2n({ n1: size, n2: size + 7, d: 0, sigLevel }).power);
        close(means({ n: size, delta: 0, sigLevel, type: t }).power);
        close(normalMean({ n: size, d: 0, sigLevel }).power);
        close(oneProportion({ n: size, h: 0, sigLevel }).power);
        close(twoProportions({ n: size, h: 0, sigLevel }).power);
        close(twoProportions2n({ n1: size, n2: 2 * size, h: 0, sigLevel }).power);
        close(proportions({ n: size, p1: 0.3, p2: 0.3, sigLevel }).power);
        close(chiSquare({ N: size, w: 0, df: 3, sigLevel }).power);
        close(anova({ k: 3, n: size, f: 0, sigLevel }).power);
        close(linearModel({ u: 2, v: size, f2: 0, sigLevel }).power);
        close(
          clusterRandomised({ icc: 0.1, clusterSize: 10, clusters: 4 + size / 50, mdes: 1e-300, sigLevel })
            .power,
        );
      }),
      runs,
    );
  });
});

describe("solving, then recomputing, returns the input", () => {
  it("tTest: n, d and sigLevel", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.15, max: 2, noNaN: true }),
        fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        type,
        alternative,
        (d, power, t, alt) => {
          const solved = tTest({ d, power, type: t, alternative: alt });
          if (solved.n < 2.5) return;
          expect(tTest({ n: solved.n, d, type: t, alternative: alt }).power).toBeCloseToRel(power, {
            rel: 1e-9,
          });
          expect(solved.nRecruit).toBe(Math.ceil(solved.n - 1e-9 * solved.n));
          const dBack = tTest({ n: solved.n, power, type: t, alternative: alt }).d;
          expect(dBack).toBeCloseToRel(d, { rel: 1e-7 });
          const sig = tTest({ n: solved.n, d, power, sigLevel: null, type: t, alternative: alt }).sigLevel;
          expect(sig).toBeCloseToRel(0.05, { rel: 1e-7 });
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });
  it("proportions (n, p2), twoProportions2n (n2), clusterRandomised (clusters, mdes), multisiteRandomised (sites)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0.1, max: 0.3, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (p1, diff, power) => {
          const solved = proportions({ p1, p2: p1 + diff, power });
          expect(proportions({ n: solved.n, p1, p2: p1 + diff }).power).toBeCloseToRel(power, { rel: 1e-9 });
          expect(proportions({ n: solved.n, p1, power }).p2).toBeCloseToRel(p1 + diff, { rel: 1e-7 });
          const n2 = twoProportions2n({ h: diff * 2, n1: 400, power }).n2;
          expect(twoProportions2n({ h: diff * 2, n1: 400, n2 }).power).toBeCloseToRel(power, { rel: 1e-9 });
          const design = { icc: p1 / 3, clusterSize: 12, treatedShare: 0.4 };
          const j = clusterRandomised({ ...design, mdes: diff * 2, power }).clusters;
          expect(clusterRandomised({ ...design, clusters: j, power }).mdes).toBeCloseToRel(diff * 2, {
            rel: 1e-9,
          });
          const sites = multisiteRandomised({
            icc: p1 / 3,
            heterogeneity: 0.3,
            siteSize: 20,
            mdes: diff * 2,
            power,
          }).sites;
          expect(
            multisiteRandomised({ icc: p1 / 3, heterogeneity: 0.3, siteSize: 20, sites, power }).mdes,
          ).toBeCloseToRel(diff * 2, { rel: 1e-9 });
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
  it("steppedWedge: effect", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.double({ min: 0.3, max: 0.95, noNaN: true }),
        (steps, power) => {
          const design = { clusters: steps * 3, steps, clusterSize: 20, icc: 0.05 };
          const solved = steppedWedge({ ...design, power });
          expect(steppedWedge({ ...design, effect: solved.effect }).power).toBeCloseToRel(power, {
            rel: 1e-9,
          });
          const binary = steppedWedge({ ...design, outcome: "binary", p0: 0.3, power });
          expect(
            steppedWedge({ ...design, outcome: "binary", p0: 0.3, effect: binary.effect }).power,
          ).toBeCloseToRel(power, { rel: 1e-9 });
        },
      ),
      { numRuns: 30, seed: 3 },
    );
  });
});
