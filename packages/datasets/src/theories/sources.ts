import type { SourceRef } from "@tiltak/theory";
import { cite, citeRecord, type Where } from "../references.js";

/**
 * Citation helpers for the theories: each takes the locator keys (chapter or section, table, figure,
 * pages; the printed titles are in `../contents.ts`) and the line ranges of the project's text
 * extraction (`"5147-5173"`, several ranges separated by commas), which only `pnpm audit:sources` reads.
 */

/**
 * A citation into NIBR-rapport 2020:13 «Åtte kommuner – åtte tiltak for integrering».
 *
 * @param where - chapter (and table, figure, pages), e.g. `{ chapter: "9", table: "9.1" }`
 * @param lines - extract line ranges, for the audit only
 * @returns the source, with `reference`, `locator` and `extractLines`
 */
export function nibr(where: Where, lines: string): SourceRef {
  return cite("nibr", where, lines);
}

/**
 * A citation into the Groruddalen pre-study report (2014).
 *
 * @param where - section (and figure), e.g. `{ section: "7.1" }`
 * @param lines - extract line ranges, for the audit only
 * @returns the source
 */
export function groruddalen(where: Where, lines: string): SourceRef {
  return cite("groruddalen", where, lines);
}

/**
 * A citation into NorA's annual report for 2024.
 *
 * @param where - section heading as printed, e.g. `{ section: "Resultater 2024" }`
 * @param lines - extract line ranges, for the audit only
 * @returns the source
 */
export function nora2024(where: Where, lines: string): SourceRef {
  return cite("nora2024", where, lines);
}

/**
 * A citation into NorA's «Årsrapport 2021».
 *
 * @param where - section number, e.g. `{ section: "2.2" }` (pages come from its table of contents)
 * @param lines - extract line ranges, for the audit only
 * @returns the source
 */
export function nora2021(where: Where, lines: string): SourceRef {
  return cite("nora2021", where, lines);
}

/**
 * A citation into the Ny sjanse annual report for 2024.
 *
 * @param where - section number, e.g. `{ section: "3.2" }`
 * @param lines - extract line ranges, for the audit only
 * @returns the source
 */
export function nySjanse(where: Where, lines: string): SourceRef {
  return cite("nySjanse2024", where, lines);
}

export { citeRecord };

/** A data-quality flag: a place where the document contradicts itself or cannot be read unambiguously. */
export interface DataQualityFlag {
  /** Short id, unique within the theory. */
  id: string;
  /** What is wrong and how the record handles it. */
  message: string;
  /** Where. */
  source: SourceRef;
}
