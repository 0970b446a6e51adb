/**
 * The source documents the programme-year records are transcribed from. Each is a plain-text
 * extraction of a public annual report, kept in the repository's sibling folder `../shared/seeds/`;
 * line numbers in every `source.lines` refer to these files.
 */

/**
 * Seed 000: NorA (Norsk og Arbeid), Bergen kommune, annual report 2024 (no title line; begins "Oppsummering").
 *
 * @example
 * ```ts
 * import { noraReport2024 } from "@tiltak/datasets";
 * noraReport2024.startsWith("000_4c3068cd3386deb4.txt"); // => true
 * ```
 */
export const noraReport2024: string =
  "000_4c3068cd3386deb4.txt — NorA – Norsk og Arbeid, Bergen kommune (NAV Årstad): årsrapport 2024";

/**
 * Seed 001: NorA (Norsk og Arbeid), Bergen kommune, "Årsrapport 2021".
 *
 * @example
 * ```ts
 * import { noraReport2021 } from "@tiltak/datasets";
 * noraReport2021.startsWith("001_e6bd37a64f9cf878.txt"); // => true
 * ```
 */
export const noraReport2021: string =
  "001_e6bd37a64f9cf878.txt — NorA – Norsk og Arbeid, Bergen kommune (NAV Årstad): Årsrapport 2021";

/**
 * Seed 002: "Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere" (with Mat & prat and Jobbsjansen).
 *
 * @example
 * ```ts
 * import { nySjanseReport2024 } from "@tiltak/datasets";
 * nySjanseReport2024.startsWith("002_4b5fdc313ce39912.txt"); // => true
 * ```
 */
export const nySjanseReport2024: string =
  "002_4b5fdc313ce39912.txt — Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere (Bergen kommune, NAV Bergenhus)";
