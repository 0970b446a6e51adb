import type { ProgrammeYear } from "@tiltak/compare";
import type { SourceRef } from "@tiltak/theory";
import { citations, cite, locatorText, type SourceDocument, type Where } from "../references.js";

/** One cited figure of a programme-year: where in the record, the printed label, and where in the document. */
export interface FigureCitation extends SourceRef {
  /** The field of the record the figure is in, e.g. `participants.unique` or `exits.reported[0]`. */
  path: string;
  /** The figure's label or sentence as printed, in Norwegian. */
  label: string;
  /** An English gloss of the label. */
  gloss: string;
}

/**
 * The provenance of one programme-year: the bibliographic identity of its document, the citation of
 * the record as a whole (the sections it is read from) and one citation per cited figure (locator,
 * pages, printed label with its gloss).
 */
export interface ProgrammeYearCitation {
  /** The bibliographic identity of the document. */
  reference: SourceDocument;
  /** The record as a whole. */
  source: SourceRef;
  /** Every cited figure, with its locator and printed label. */
  figures: FigureCitation[];
}

/** A programme-year together with its provenance (internal: compare's schema keeps only its own fields). */
export interface CitedProgrammeYear extends ProgrammeYear {
  /** The record's citations. */
  provenance: ProgrammeYearCitation;
}

/**
 * The plain programme-year, without `provenance` (compare's `programmeYearSchema` drops fields it does
 * not know and flags them, so the published records carry only compare's fields).
 *
 * @param record - a cited record
 * @returns the record as a `ProgrammeYear`
 */
export function withoutProvenance(record: CitedProgrammeYear): ProgrammeYear {
  const { provenance: _provenance, ...plain } = record;
  return plain;
}

/** A figure to cite: record path, locator keys, extract line ranges (audit only), printed label, gloss. */
export interface FigureSpec {
  /** The field of the record. */
  path: string;
  /** Locator keys into the document's contents. */
  where: Where;
  /** Extract line ranges, read only by `pnpm audit:sources`. */
  lines: string;
  /** The label as printed. */
  label: string;
  /** English gloss. */
  gloss: string;
}

/**
 * Completes a programme-year with its citations.
 *
 * @param document - which of the three annual reports
 * @param record - the record without `source`
 * @param where - the sections the record as a whole is read from
 * @param lines - their extract line ranges (audit only)
 * @param figures - the cited figures
 * @returns the record with `source` and `provenance`
 */
export function cited(
  document: "nora2024" | "nora2021" | "nySjanse2024",
  record: Omit<ProgrammeYear, "source">,
  where: Where,
  lines: string,
  figures: FigureSpec[],
): CitedProgrammeYear {
  const source = cite(document, where, lines);
  return {
    ...record,
    source: { document: citations[document], lines: locatorText(source.locator ?? {}, source.pages) },
    provenance: {
      reference: source.reference as SourceDocument,
      source,
      figures: figures.map((figure) => ({
        path: figure.path,
        label: figure.label,
        gloss: figure.gloss,
        ...cite(document, figure.where, figure.lines),
      })),
    },
  };
}

/**
 * The locator of a reported line or rate as text, for compare's `lines` field.
 *
 * @param document - which annual report
 * @param where - locator keys
 * @returns e.g. `"3.2 Resultater pr. 31.12.2024"`
 */
export function at(document: "nora2024" | "nora2021" | "nySjanse2024", where: Where): string {
  const source = cite(document, where, "");
  return locatorText(source.locator ?? {}, source.pages);
}
