const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (digits[i] as number) * (weights[i] as number);
  const digit = 11 - (total % 11);
  return digit === 11 ? 0 : digit;
}

/**
 * Whether a text is a Norwegian national identity number: a fødselsnummer, a D-number (day + 40) or an
 * H-number (month + 40), also synthetic test numbers (month + 80): 11 digits (optionally written
 * `DDMMYY NNNNN` or `DDMMYY-NNNNN`) whose date part is a possible day and month and whose two mod-11
 * check digits are right (weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2; Skatteetaten).
 *
 * @param text - a cell of a participant file
 *
 * @example
 * ```ts
 * import { isNorwegianIdNumber } from "@tiltak/cli";
 * isNorwegianIdNumber("01010100131"); // => true
 * isNorwegianIdNumber("41010100125"); // => true
 * isNorwegianIdNumber("01010100132"); // => false
 * isNorwegianIdNumber("p-0001"); // => false
 * ```
 */
export function isNorwegianIdNumber(text: string): boolean {
  const match = /^\s*(\d{6})[ -]?(\d{5})\s*$/.exec(text);
  if (match === null) return false;
  const digits = `${match[1]}${match[2]}`.split("").map(Number);
  let day = (digits[0] as number) * 10 + (digits[1] as number);
  let month = (digits[2] as number) * 10 + (digits[3] as number);
  if (day > 40) day -= 40; // D-number
  if (month > 80)
    month -= 80; // synthetic test number
  else if (month > 40) month -= 40; // H-number
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const k1 = checkDigit(digits, weights1);
  if (k1 === 10 || k1 !== digits[9]) return false;
  const k2 = checkDigit(digits, weights2);
  return k2 !== 10 && k2 === digits[10];
}

/** Where a personal id was found: row (from 1, the header not counted) and column. */
export interface PersonalIdHit {
  /** Data row, from 1. */
  row: number;
  /** Column name. */
  column: string;
}

/**
 * Scans records (as read from a CSV) for Norwegian national identity numbers.
 *
 * @param rows - records of text cells
 * @returns every cell that holds one (row from 1, column)
 *
 * @example
 * ```ts
 * import { findPersonalIds } from "@tiltak/cli";
 * findPersonalIds([{ id: "p1" }, { id: "01010100131" }]); // => [{ row: 2, column: "id" }]
 * ```
 */
export function findPersonalIds(rows: readonly Record<string, unknown>[]): PersonalIdHit[] {
  const hits: PersonalIdHit[] = [];
  rows.forEach((row, index) => {
    for (const [column, value] of Object.entries(row))
      if (typeof value === "string" && isNorwegianIdNumber(value)) hits.push({ row: index + 1, column });
  });
  return hits;
}
