import type { SourceRef } from "@tiltak/theory";
import {
  type Contents,
  groruddalenContents,
  nibrContents,
  nora2021Contents,
  nora2024Contents,
  nySjanse2024Contents,
} from "./contents.js";

/** A source document's bibliographic identity (title, authors or publisher, year, series and number). */
export type SourceDocument = NonNullable<SourceRef["reference"]>;

/** Where in a document, as printed: chapter or section (number and title), table, figure. */
export type SourceLocator = NonNullable<SourceRef["locator"]>;

/**
 * NorA – Norsk og Arbeid (Bergen kommune, Nav Årstad): annual report for 2024. The document has no
 * title page; it begins with «Oppsummering», so the title is supplied in square brackets.
 */
const nora2024Document: SourceDocument = {
  id: "nora-2024",
  title: "[NorA – Norsk og Arbeid: årsrapport 2024]",
  publisher: "Bergen kommune, Nav Årstad",
  year: 2024,
  language: "nb",
};

/** NorA – Norsk og Arbeid (Bergen kommune, NAV Årstad): «Årsrapport 2021». */
const nora2021Document: SourceDocument = {
  id: "nora-2021",
  title: "Årsrapport 2021",
  subtitle: "NorA – Norsk og Arbeid",
  publisher: "Bergen kommune, NAV Årstad",
  year: 2021,
  language: "nb",
};

/** «Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere» (with Mat & prat and Jobbsjansen). */
const nySjanse2024Document: SourceDocument = {
  id: "ny-sjanse-2024",
  title: "Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere",
  publisher: "Bergen kommune, NAV Bergenhus",
  year: 2024,
  language: "nb",
};

/**
 * NIBR-rapport 2020:13 «Åtte kommuner – åtte tiltak for integrering», authors as on its summary page
 * (Oslo, October 2020; the first of three sub-reports of OsloMet's evaluation of municipal integration
 * measures for IMDi).
 */
const nibrDocument: SourceDocument = {
  id: "nibr-2020-13",
  title: "Åtte kommuner – åtte tiltak for integrering",
  authors: [
    "Søholt, Susanne",
    "Liodden, Tone",
    "Leirvik, Mariann Stærkebye",
    "Vilhjalmsdottir, Sigridur",
    "Staver, Anne Balke",
  ],
  publisher: "By- og regionforskningsinstituttet NIBR, OsloMet – storbyuniversitetet",
  year: 2020,
  series: "NIBR-rapport",
  number: "2020:13",
  language: "nb",
};

/** The final report of the Groruddalen pre-study (forstudie), 2013–2014. */
const groruddalenDocument: SourceDocument = {
  id: "groruddalen-2014",
  title: "Sluttrapport fra forstudie",
  subtitle: "Program for økt sysselsetting, kvalifisering og bedrede levekår i Groruddalen",
  publisher: "Bydelene Alna, Bjerke, Grorud og Stovner, NAV Oslo og IMDi Øst",
  year: 2014,
  language: "nb",
};

/**
 * The five source documents the bundled programme-years and theories are read from, each with its
 * bibliographic identity: the NorA annual reports for 2024 (`nora-2024`) and 2021 (`nora-2021`), the
 * Ny sjanse annual report for 2024 (`ny-sjanse-2024`, with Jobbsjansen), NIBR-rapport 2020:13
 * (`nibr-2020-13`) and the Groruddalen pre-study report (`groruddalen-2014`). Every `source` and
 * citation in the datasets carries one of these as `reference`.
 *
 * @see docs/guides/datasets.md
 *
 * @example
 * ```ts
 * import { sourceDocuments } from "@tiltak/datasets";
 * sourceDocuments.map((d) => d.id); // => ["nora-2024", "nora-2021", "ny-sjanse-2024", "nibr-2020-13", "groruddalen-2014"]
 * sourceDocuments[3]?.series; // => "NIBR-rapport"
 * sourceDocuments[3]?.number; // => "2020:13"
 * ```
 */
export const sourceDocuments: readonly SourceDocument[] = [
  nora2024Document,
  nora2021Document,
  nySjanse2024Document,
  nibrDocument,
  groruddalenDocument,
];

/** Authors as "Søholt et al." (three or more), "A & B" or the publisher when there are none. */
function creator(reference: SourceDocument): string {
  const families = (reference.authors ?? []).map((author) => author.split(",")[0] ?? author);
  if (families.length === 0) return reference.publisher;
  if (families.length === 1) return families[0] as string;
  if (families.length === 2) return `${families[0]} & ${families[1]}`;
  return `${families[0]} et al.`;
}

/**
 * The one-line citation of a document: `Søholt et al. (2020). Åtte kommuner – åtte tiltak for
 * integrering. NIBR-rapport 2020:13. By- og regionforskningsinstituttet NIBR, OsloMet – storbyuniversitetet.`
 */
function citation(reference: SourceDocument): string {
  const series = reference.series ? ` ${reference.series} ${reference.number ?? ""}`.trimEnd() : "";
  const title = reference.subtitle ? `${reference.title}: ${reference.subtitle}` : reference.title;
  const publisher = reference.authors ? ` ${reference.publisher}.` : "";
  return `${creator(reference)} (${reference.year}). ${title}.${series ? `${series}.` : ""}${publisher}`;
}

/** A source document with its contents table (the keys a locator may use). */
interface DocumentEntry {
  reference: SourceDocument;
  citation: string;
  contents: Contents;
  /** Whether the top-level divisions are called chapters (NIBR) rather than sections. */
  chapters: boolean;
}

function entry(reference: SourceDocument, contents: Contents, chapters = false): DocumentEntry {
  return { reference, citation: citation(reference), contents, chapters };
}

/** The helper names of the five documents. */
export type DocumentName = "nora2024" | "nora2021" | "nySjanse2024" | "nibr" | "groruddalen";

const documents: Record<DocumentName, DocumentEntry> = {
  nora2024: entry(nora2024Document, nora2024Contents),
  nora2021: entry(nora2021Document, nora2021Contents),
  nySjanse2024: entry(nySjanse2024Document, nySjanse2024Contents),
  nibr: entry(nibrDocument, nibrContents, true),
  groruddalen: entry(groruddalenDocument, groruddalenContents),
};

/** The one-line citation of each document, by helper name. */
export const citations: Record<DocumentName, string> = {
  nora2024: documents.nora2024.citation,
  nora2021: documents.nora2021.citation,
  nySjanse2024: documents.nySjanse2024.citation,
  nibr: documents.nibr.citation,
  groruddalen: documents.groruddalen.citation,
};

/**
 * Keys into a document's contents: chapter (NIBR) or section (number, or the heading itself in the
 * unnumbered NorA 2024 report), table and figure numbers, and pages where the text prints them.
 */
export interface Where {
  /** NIBR chapter number(s), e.g. `"5"`. */
  chapter?: string | string[];
  /** Section number(s) (`"3.2"`) or unnumbered heading(s) (`"Resultater 2024"`). */
  section?: string | string[];
  /** Table number(s), e.g. `"9.1"`. */
  table?: string | string[];
  /** Figure number(s), e.g. `"5.3"`. */
  figure?: string | string[];
  /** Page(s) as printed, only where the text shows them for sure. */
  pages?: string;
}

function list(keys: string | string[] | undefined): string[] {
  return keys === undefined ? [] : Array.isArray(keys) ? keys : [keys];
}

function lookup(table: Record<string, string>, key: string, what: string, document: string): string {
  const title = table[key];
  if (title === undefined) throw new Error(`${document} has no ${what} ${key}`);
  return title;
}

/** Resolves the keys of `where` to the printed headings and captions. */
function locatorOf(document: DocumentEntry, where: Where): { locator: SourceLocator; pages?: string } {
  const { contents } = document;
  const id = document.reference.id;
  const locator: SourceLocator = {};
  const divisions = list(document.chapters ? where.chapter : where.section);
  if (list(document.chapters ? where.section : where.chapter).length > 0)
    throw new Error(`${id} is divided into ${document.chapters ? "chapters" : "sections"}`);
  const titles = divisions.map((key) => {
    const section = contents.sections[key];
    if (section === undefined)
      throw new Error(`${id} has no ${document.chapters ? "chapter" : "section"} ${key}`);
    return section;
  });
  const joined = titles.map((section) => section.title).join("; ");
  if (joined !== "") locator[document.chapters ? "chapter" : "section"] = joined;
  const tables = list(where.table).map((key) => lookup(contents.tables, key, "table", id));
  if (tables.length > 0) locator.table = tables.join("; ");
  const figures = list(where.figure).map((key) => lookup(contents.figures, key, "figure", id));
  if (figures.length > 0) locator.figure = figures.join("; ");
  const tocPages = [
    ...new Set(titles.flatMap((section) => (section.pages === undefined ? [] : [section.pages]))),
  ];
  const pages = where.pages ?? (tocPages.length > 0 ? tocPages.join(", ") : undefined);
  return pages === undefined ? { locator } : { locator, pages };
}

/** The words of a locator, for `source.lines` where a record-level source needs a locator as text. */
export function locatorText(locator: SourceLocator, pages?: string): string {
  const parts = [locator.chapter, locator.section, locator.table, locator.figure].filter(
    (part): part is string => part !== undefined,
  );
  if (pages !== undefined)
    parts.push(`${pages.includes("–") || pages.includes(",") ? "pp." : "p."} ${pages}`);
  return parts.length === 0 ? "the whole document" : parts.join(", ");
}

/**
 * A citation into one of the five documents: its bibliographic `reference`, the `locator` as printed
 * and `pages` where known; `extractLines` are line ranges in the project's text extraction, kept only
 * for `pnpm audit:sources`.
 */
export function cite(document: DocumentName, where: Where, extractLines: string): SourceRef {
  const entry = documents[document];
  const { locator, pages } = locatorOf(entry, where);
  const source: SourceRef = { document: entry.citation, reference: entry.reference, locator };
  if (pages !== undefined) source.pages = pages;
  source.extractLines = extractLines;
  return source;
}

/**
 * A record-level citation: as {@link cite}, with the locator also written out in `lines` (the
 * `{ document, lines }` shape of the datasets contract carries the locator as text, never line numbers).
 */
export function citeRecord(
  document: DocumentName,
  where: Where,
  extractLines: string,
  note?: string,
): SourceRef & { lines: string } {
  const source = cite(document, where, extractLines);
  const out: SourceRef & { lines: string } = {
    document: source.document,
    lines: locatorText(source.locator ?? {}, source.pages),
  };
  if (source.reference !== undefined) out.reference = source.reference;
  if (source.locator !== undefined) out.locator = source.locator;
  if (source.pages !== undefined) out.pages = source.pages;
  out.extractLines = extractLines;
  if (note !== undefined) out.note = note;
  return out;
}
