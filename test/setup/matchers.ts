import { expect } from "vitest";

/** Tolerance of {@link toBeCloseToRel}: passes when |actual − expected| <= max(abs, rel·|expected|). */
export interface RelativeTolerance {
  /** Relative tolerance; default 1e-9. */
  rel?: number;
  /** Absolute floor, for expected values at or near zero; default 0. */
  abs?: number;
}

expect.extend({
  toBeCloseToRel(received: unknown, expected: number, tolerance: RelativeTolerance = {}) {
    const rel = tolerance.rel ?? 1e-9;
    const abs = tolerance.abs ?? 0;
    const actual = received as number;
    const bothInfinite = actual === expected;
    const delta = Math.abs(actual - expected);
    const allowed = Math.max(abs, rel * Math.abs(expected));
    const pass = typeof actual === "number" && !Number.isNaN(actual) && (bothInfinite || delta <= allowed);
    return {
      pass,
      message: () =>
        `expected ${String(actual)} ${pass ? "not " : ""}to be within max(abs ${abs}, rel ${rel} × |${expected}|) = ${allowed} of ${expected}; ` +
        `Δ = ${delta}, relative Δ = ${expected === 0 ? "n/a" : delta / Math.abs(expected)}`,
    };
  },
});

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers with `any` as its default; the augmentation must match.
  interface Matchers<T = any> {
    /** Compares numbers by relative error: |actual − expected| <= max(abs, rel·|expected|). */
    toBeCloseToRel(expected: number, tolerance?: RelativeTolerance): T;
  }
}
