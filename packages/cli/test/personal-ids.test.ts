// Norwegian national identity numbers: two mod-11 check digits (weights 3 7 6 1 8 9 4 5 2 and
// 5 4 3 2 7 6 5 4 3 2) and a possible date, with D-numbers (day + 40), H-numbers (month + 40) and
// synthetic test numbers (month + 80). Valid examples are built by the rule, independently written here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalIds, isNorwegianIdNumber } from "../src/index.js";

function complete(nine: string): string | undefined {
  const digits = nine.split("").map(Number);
  const check = (weights: number[]): number => {
    const rest = weights.reduce((sum, w, i) => sum + w * (digits[i] as number), 0) % 11;
    return rest === 0 ? 0 : 11 - rest;
  };
  const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return undefined;
  digits.push(k1);
  const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === 10) return undefined;
  return `${nine}${k1}${k2}`;
}

describe("isNorwegianIdNumber", () => {
  it("accepts fødselsnummer, D-, H- and synthetic numbers with right check digits", () => {
    expect(isNorwegianIdNumber("01010100131")).toBe(true);
    expect(isNorwegianIdNumber("15076500565")).toBe(true);
    expect(isNorwegianIdNumber("41010100125")).toBe(true); // D-number
    expect(isNorwegianIdNumber(complete("014101001") as string)).toBe(true); // H-number
    expect(isNorwegianIdNumber(complete("018101002") as string)).toBe(true); // synthetic
    expect(isNorwegianIdNumber("010101 00131")).toBe(true);
    expect(isNorwegianIdNumber("010101-00131")).toBe(true);
  });
  it("refuses wrong check digits, impossible dates and other lengths", () => {
    expect(isNorwegianIdNumber("01010100132")).toBe(false);
    expect(isNorwegianIdNumber("01010100121")).toBe(false);
    expect(isNorwegianIdNumber(complete("320101001") ?? "x")).toBe(false); // day 32
    expect(isNorwegianIdNumber(complete("011301001") ?? "x")).toBe(false); // month 13
    expect(isNorwegianIdNumber("0101010013")).toBe(false);
    expect(isNorwegianIdNumber("010101001311")).toBe(false);
    expect(isNorwegianIdNumber("p-00131")).toBe(false);
  });
  it("agrees with the rule on random digit strings (fast-check)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (nine) => {
        const full = complete(nine);
        const day = Number(nine.slice(0, 2)) % 40;
        const month = Number(nine.slice(2, 4)) % 40;
        const dateOk = day >= 1 && day <= 31 && Number(nine.slice(0, 2)) <= 71 && month >= 1 && month <= 12;
        if (full === undefined) return;
        if (Number(nine.slice(2, 4)) <= 52 && Number(nine.slice(2, 4)) !== 0)
          expect(isNorwegianIdNumber(full)).toBe(dateOk);
        // changing the last digit always breaks the second check digit
        const broken = `${full.slice(0, 10)}${(Number(full[10]) + 1) % 10}`;
        expect(isNorwegianIdNumber(broken)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
  it("finds them in records by row and column", () => {
    expect(
      findPersonalIds([
        { id: "a", note: "15076500565" },
        { id: "01010100131", note: "" },
      ]),
    ).toEqual([
      { row: 1, column: "note" },
      { row: 2, column: "id" },
    ]);
  });
});
