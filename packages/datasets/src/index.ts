/**
 * Programme data transcribed from the source documents, with provenance: programme-years (NorA,
 * Ny sjanse, Jobbsjansen) and programme theories.
 *
 * @packageDocumentation
 */
export {
  broenTilJobb2021,
  type FigureCitation,
  jobbsjansen2024,
  nora2021,
  nora2024,
  noraReport2021,
  noraReport2024,
  nySjanse2024,
  nySjanseReferralSeries,
  nySjanseReferralsByOffice,
  nySjanseReferralTotals,
  nySjanseReport2024,
  overgangsveileder2021,
  type ProgrammeYearCitation,
  programmeYearCitations,
  programmeYears,
  type ReferralRow,
  referralYears,
} from "./programme-years/index.js";
export { type SourceDocument, type SourceLocator, sourceDocuments } from "./references.js";
export { theories } from "./theories/index.js";
