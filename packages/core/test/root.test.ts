import { findRoot, isTiltakError, type TiltakError } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("findRoot", () => {
  it("finds sqrt(2) to 1e-12 relative", () => {
    const { root } = findRoot((x) => x * x - 2, { lower: 0, upper: 2, tolerance: 1e-14 });
    expect(root).toBeCloseToRel(Math.SQRT2, { rel: 1e-12 });
  });

  it("solves Kepler's equation, a standard Brent test (Brent 1973, ch. 4)", () => {
    // E - e sin E = M with e = 0.9, M = 0.3; reference from R: uniroot(function(E) E - 0.9*sin(E) - 0.3, c(0, 3), tol = 1e-15)$root
    const { root } = findRoot((e) => e - 0.9 * Math.sin(e) - 0.3, { lower: 0, upper: 3, tolerance: 1e-15 });
    expect(root - 0.9 * Math.sin(root) - 0.3).toBeCloseToRel(0, { abs: 1e-14 });
  });

  it("widens the bracket towards the limits", () => {
    const result = findRoot((n) => n - 1234.5, { lower: 2, upper: 10, limits: { upper: 1e7 } });
    expect(result.root).toBeCloseToRel(1234.5, { rel: 1e-12 });
    expect(result.evaluations).toBeLessThan(60);
  });

  it("widens downwards too", () => {
    const result = findRoot((x) => x + 500, { lower: 0, upper: 1, limits: { lower: -1e6 } });
    expect(result.root).toBeCloseToRel(-500, { rel: 1e-12 });
  });

  it("throws NO_SOLUTION, never a bracket end, when the target is out of reach", () => {
    // power-like function bounded by 1: no n reaches 1.5
    const f = (n: number) => 1 - Math.exp(-n / 10) - 1.5;
    let error: unknown;
    try {
      findRoot(f, { lower: 2, upper: 10, limits: { upper: 1e9 }, name: "n" });
    } catch (e) {
      error = e;
    }
    expect(isTiltakError(error, "NO_SOLUTION")).toBe(true);
    expect((error as TiltakError).message).toMatch(/no n in \[2, 1000000000\]/);
    expect((error as TiltakError).details).toMatchObject({ lower: 2, upper: 1e9 });
  });

  it("reports a function that returns NaN", () => {
    expect(() => findRoot(() => Number.NaN, { lower: 0, upper: 1 })).toThrow(/not a number/);
  });

  it("rejects a reversed bracket", () => {
    expect(() => findRoot((x) => x, { lower: 1, upper: 0 })).toThrow(
      /bracket must be finite numbers with lower < upper/,
    );
  });

  it("property: for monotone cubic functions the root is within tolerance of the true root", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (target, slope) => {
          const f = (x: number) => slope * (x - target) + (x - target) ** 3;
          const { root } = findRoot(f, {
            lower: -1,
            upper: 1,
            limits: { lower: -1e4, upper: 1e4 },
            tolerance: 1e-10,
          });
          return Math.abs(root - target) <= 1e-8 * Math.max(1, Math.abs(target));
        },
      ),
    );
  });
});

describe("findRoot: bracket growth in both directions", () => {
  it("terminates and reports NO_SOLUTION when neither direction finds a sign change", () => {
    expect(() =>
      findRoot((x) => 1 + x * x, { lower: -1, upper: 1, limits: { lower: -1e6, upper: 1e6 } }),
    ).toThrow(/no x in \[-1000000, 1000000\]/);
  });
  it("finds a root on the far side after growing the other side first", () => {
    // |f| is smaller on the upper side, so growth starts upwards; the root is below.
    const f = (x: number) => (x < 0 ? x + 300 : 300 + 1 / (1 + x));
    const { root } = findRoot(f, { lower: 0, upper: 1, limits: { lower: -1e4, upper: 1e4 } });
    expect(root).toBeCloseToRel(-300, { rel: 1e-12 });
  });
});
