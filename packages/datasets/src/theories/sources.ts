import type { SourceRef } from "@tiltak/theory";

/**
 * The documents the programme theories are read from. Each is a plain-text extraction of a public
 * report, kept in the repository's sibling folder `../shared/seeds/`; every `source.lines` in a theory
 * refers to line numbers in that file (`"5147-5173"`, several ranges separated by commas).
 */

/** Seed 003: NIBR-rapport 2020:13, the process evaluation of eight municipal integration projects. */
export const nibrReport: string =
  "003_1b63eb96aa8e21c3.txt — NIBR-rapport 2020:13 «Åtte kommuner – åtte tiltak for integrering» (Søholt, Liodden, Leirvik, Vilhjalmsdottir & Staver, NIBR/OsloMet 2020)";

/** Seed 004: final report of the Groruddalen pre-study (forstudie) 2013–2014. */
export const groruddalenReport: string =
  "004_7748a3a4a80f8987.txt — Sluttrapport fra forstudie: Program for økt sysselsetting, kvalifisering og bedrede levekår i Groruddalen (2014)";

/** Seed 000: NorA (Norsk og Arbeid), Bergen kommune, annual report 2024. */
export const nora2024Report: string =
  "000_4c3068cd3386deb4.txt — NorA – Norsk og Arbeid, Bergen kommune (NAV Årstad): årsrapport 2024";

/** Seed 001: NorA (Norsk og Arbeid), Bergen kommune, "Årsrapport 2021". */
export const nora2021Report: string =
  "001_e6bd37a64f9cf878.txt — NorA – Norsk og Arbeid, Bergen kommune (NAV Årstad): Årsrapport 2021";

/** Seed 002: "Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere". */
export const nySjanseReport: string =
  "002_4b5fdc313ce39912.txt — Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere (Bergen kommune)";

/**
 * A source reference into NIBR-rapport 2020:13 (seed 003).
 *
 * @param lines - line ranges in the seed file, e.g. `"4931-4935"` or `"2064-2186, 2321-2339"`
 * @returns `{ document, lines }`
 */
export function nibr(lines: string): SourceRef {
  return { document: nibrReport, lines };
}

/**
 * A source reference into the Groruddalen pre-study (seed 004).
 *
 * @param lines - line ranges in the seed file
 * @returns `{ document, lines }`
 */
export function groruddalen(lines: string): SourceRef {
  return { document: groruddalenReport, lines };
}

/**
 * A source reference into NorA's annual report 2024 (seed 000).
 *
 * @param lines - line ranges in the seed file
 * @returns `{ document, lines }`
 */
export function nora2024(lines: string): SourceRef {
  return { document: nora2024Report, lines };
}

/**
 * A source reference into NorA's annual report 2021 (seed 001).
 *
 * @param lines - line ranges in the seed file
 * @returns `{ document, lines }`
 */
export function nora2021(lines: string): SourceRef {
  return { document: nora2021Report, lines };
}

/**
 * A source reference into Ny sjanse's annual report 2024 (seed 002).
 *
 * @param lines - line ranges in the seed file
 * @returns `{ document, lines }`
 */
export function nySjanse(lines: string): SourceRef {
  return { document: nySjanseReport, lines };
}

/** A data-quality flag: a place where the document contradicts itself or cannot be read unambiguously. */
export interface DataQualityFlag {
  /** Short id, unique within the theory. */
  id: string;
  /** What is wrong and how the record handles it. */
  message: string;
  /** Where. */
  source: SourceRef;
}
