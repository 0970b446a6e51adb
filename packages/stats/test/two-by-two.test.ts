/**
 * fisherExact and chiSquareTest against R 4.2 (generate.R).
 *
 * Tolerances: everything 1e-9 relative. `oddsRatio`, `ciLower`, `ciUpper` against fisher.test's own
 * values (R's uniroot at its default tolerance 2^-13, reproduced step by step); `precise.*` against
 * the same equations solved in R with uniroot(tol = 1e-15).
 */

import type { Alternative } from "@tiltak/core";
import { describe, expect, it } from "vitest";
import { chiSquareTest, fisherExact } from "../src/index.js";
import { reference, rNumber } from "./reference.js";

/** R's Inf is null in tiltak's (plain JSON) results. */
const rLimit = (value: number | string): number | null => {
  const n = rNumber(value);
  return Number.isFinite(n) ? n : null;
};

function expectLimit(got: number | null, want: number | string, label: string): void {
  const expected = rLimit(want);
  if (expected === null) expect.soft(got, label).toBeNull();
  else expect.soft(got, label).toBeCloseToRel(expected, { rel: 1e-9 });
}

interface FisherCase {
  table: [[number, number], [number, number]];
  alternative: "two.sided" | "less" | "greater";
  level: number;
  p: number;
  r_estimate: number | string;
  r_conf_int: [number | string, number | string];
  estimate: number | string;
  conf_int: [number | string, number | string];
}

describe("fisherExact matches R fisher.test", () => {
  const { cases } = reference<FisherCase>("fisher.json");
  const alternatives: Record<FisherCase["alternative"], Alternative> = {
    "two.sided": "two-sided",
    less: "less",
    greater: "greater",
  };
  for (const alt of ["two.sided", "less", "greater"] as const) {
    const group = cases.filter((c) => c.alternative === alt);
    it(`${alt}: p, odds ratio and interval (${group.length} tables)`, () => {
      expect(group.length).toBeGreaterThan(20);
      for (const c of group) {
        const r = fisherExact({ table: c.table, alternative: alternatives[alt], level: c.level });
        const label = `${JSON.stringify(c.table)} ${alt} ${c.level}`;
        expect.soft(r.p, `${label} p`).toBeCloseToRel(c.p, { rel: 1e-9 });
        expectLimit(r.oddsRatio, c.r_estimate, `${label} R OR`);
        expectLimit(r.ciLower, c.r_conf_int[0], `${label} R lower`);
        expectLimit(r.ciUpper, c.r_conf_int[1], `${label} R upper`);
        const { precise } = r;
        expectLimit(precise.oddsRatio, c.estimate, `${label} OR`);
        expectLimit(precise.ciLower, c.conf_int[0], `${label} lower`);
        expectLimit(precise.ciUpper, c.conf_int[1], `${label} upper`);
        expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
      }
    });
  }
  it("large tables (support of 50 001 values) work and match R", () => {
    // R 4.2: fisher.test(matrix(c(20000, 30000, 35000, 25000), 2, byrow = TRUE))
    const r = fisherExact({
      table: [
        [20000, 30000],
        [35000, 25000],
      ],
    });
    expect(r.p).toBe(0);
    expect(r.oddsRatio).toBeCloseToRel(0.47619194694205302, { rel: 1e-9 });
    expect(r.ciLower).toBeCloseToRel(0.46480787365915943, { rel: 1e-9 });
    expect(r.ciUpper).toBeCloseToRel(0.48785918450305299, { rel: 1e-9 });
  });
  it("an infinite estimate or limit (R's Inf) is null, so results are plain JSON", () => {
    const r = fisherExact({
      table: [
        [5, 0],
        [2, 6],
      ],
    });
    expect(r.oddsRatio).toBeNull();
    expect(r.ciUpper).toBeNull();
    expect(r.ciLower).toBeGreaterThan(0);
    expect(
      fisherExact({
        table: [
          [27, 15],
          [57, 69],
        ],
        alternative: "greater",
      }).ciUpper,
    ).toBeNull();
  });
  it("a zero margin gives p = 1, estimate 0 and (0, Inf), as R", () => {
    const r = fisherExact({
      table: [
        [0, 0],
        [3, 4],
      ],
    });
    expect(r.p).toBe(1);
    expect(r.oddsRatio).toBe(0);
    expect([r.ciLower, r.ciUpper]).toEqual([0, null]);
  });
  it("rejects tables that are not 2x2 counts", () => {
    expect(() =>
      fisherExact({
        table: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ).toThrow(/table\[0\] must have 2 columns/);
    expect(() => fisherExact({ table: [[1, 2]] })).toThrow(/table must be a 2x2 table/);
    expect(() =>
      fisherExact({
        table: [
          [1, 2.5],
          [1, 1],
        ],
      }),
    ).toThrow(/table\[0\]\[1\] must be a non-negative integer count/);
    expect(() =>
      fisherExact({
        table: [
          [0, 0],
          [0, 0],
        ],
      }),
    ).toThrow(/table must contain at least one count > 0/);
    expect(() =>
      fisherExact({
        table: [
          [1, 2],
          [3, 4],
        ],
        alternative: "two.sided" as never,
      }),
    ).toThrow(/^alternative must be one of/);
  });
});

describe("chiSquareTest matches R chisq.test", () => {
  const { cases } = reference<{
    table: number[][];
    correct: boolean;
    statistic: number;
    df: number;
    p: number;
    expected: number[][];
  }>("chisq-test.json");
  it(`${cases.length} tables, with and without Yates`, () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const r = chiSquareTest({ table: c.table, correct: c.correct });
      const label = `${JSON.stringify(c.table)} correct=${c.correct}`;
      expect.soft(r.statistic, label).toBeCloseToRel(c.statistic, { rel: 1e-9 });
      expect.soft(r.df, label).toBe(c.df);
      expect.soft(r.p, label).toBeCloseToRel(c.p, { rel: 1e-9 });
      expect.soft(r.correct, label).toBe(c.correct && c.table.length === 2 && c.table[0]?.length === 2);
      c.expected.forEach((row, i) => {
        row.forEach((e, j) => {
          expect.soft(r.expected[i]?.[j], label).toBeCloseToRel(e, { rel: 1e-12 });
        });
      });
    }
  });
  it("defaults to Yates' correction for 2x2, as R", () => {
    const table = [
      [27, 57],
      [15, 69],
    ];
    expect(chiSquareTest({ table }).statistic).toBe(chiSquareTest({ table, correct: true }).statistic);
    expect(chiSquareTest({ table }).statistic).toBeLessThan(
      chiSquareTest({ table, correct: false }).statistic,
    );
  });
  it("rejects degenerate tables", () => {
    expect(() => chiSquareTest({ table: [[1, 2]] })).toThrow(/^table must have at least 2 rows/);
    expect(() => chiSquareTest({ table: [[1, 2], [3]] })).toThrow(
      /table\[1\] must have 2 columns like the first row/,
    );
    expect(() =>
      chiSquareTest({
        table: [
          [0, 0],
          [3, 4],
        ],
      }),
    ).toThrow(/table\[0\] must not sum to 0/);
    expect(() =>
      chiSquareTest({
        table: [
          [0, 1],
          [0, 4],
        ],
      }),
    ).toThrow(/column 0 must not sum to 0/);
    expect(() =>
      chiSquareTest({
        table: [
          [-1, 1],
          [2, 4],
        ],
      }),
    ).toThrow(/table\[0\]\[0\] must be in \[0, Inf\)/);
  });
});
