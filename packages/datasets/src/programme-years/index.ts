import type { ProgrammeYear } from "@tiltak/compare";
import type { CitedProgrammeYear, ProgrammeYearCitation } from "./cited.js";
import { jobbsjansen2024, jobbsjansen2024Cited } from "./jobbsjansen-2024.js";
import { nora2021, nora2021Cited } from "./nora-2021.js";
import {
  broenTilJobb2021,
  broenTilJobb2021Cited,
  overgangsveileder2021,
  overgangsveileder2021Cited,
} from "./nora-2021-subprojects.js";
import { nora2024, nora2024Cited } from "./nora-2024.js";
import { nySjanse2024, nySjanse2024Cited } from "./ny-sjanse-2024.js";
import { nySjanseReferralSeries, nySjanseReferralSeriesCited } from "./ny-sjanse-referrals.js";

export type { FigureCitation, ProgrammeYearCitation } from "./cited.js";
export { jobbsjansen2024 } from "./jobbsjansen-2024.js";
export { nora2021 } from "./nora-2021.js";
export { broenTilJobb2021, overgangsveileder2021 } from "./nora-2021-subprojects.js";
export { nora2024 } from "./nora-2024.js";
export { nySjanse2024 } from "./ny-sjanse-2024.js";
export {
  nySjanseReferralSeries,
  nySjanseReferralsByOffice,
  nySjanseReferralTotals,
  type ReferralRow,
  referralYears,
} from "./ny-sjanse-referrals.js";
export { noraReport2021, noraReport2024, nySjanseReport2024 } from "./sources.js";

const cited: CitedProgrammeYear[] = [
  nora2021Cited,
  nora2024Cited,
  nySjanse2024Cited,
  jobbsjansen2024Cited,
  ...nySjanseReferralSeriesCited,
  broenTilJobb2021Cited,
  overgangsveileder2021Cited,
];

/**
 * Programme-years transcribed from the source documents, each with `source: { document, lines }`: the
 * document's citation by name and the locator (sections as printed) as text. The full citations (the
 * document's bibliographic reference, and the locator and printed label of every cited figure) are in
 * {@link programmeYearCitations}. Data-quality flags mark where a document contradicts itself. The
 * records: `nora-2021`, `nora-2024`, `ny-sjanse-2024`, `jobbsjansen-2024`, the Ny sjanse referral
 * series `ny-sjanse-2015` … `ny-sjanse-2023`, and NorA's 2021 sub-projects `broen-til-jobb-2021` and
 * `overgangsveileder-2021`.
 *
 * @see docs/guides/datasets.md
 *
 * @example
 * ```ts
 * import { programmeYears } from "@tiltak/datasets";
 * const nora = programmeYears.find((record) => record.id === "nora-2024");
 * nora?.exits.byOutcome.work; // => 27
 * nora?.exits.total; // => 84
 * nora?.targets.work; // => 0.6
 * programmeYears.find((record) => record.id === "ny-sjanse-2015")?.participants.newReferrals; // => 116
 * nora?.source.lines; // => "Innledning; NorA - norsk og arbeid; Målgruppe NorA; Resultater 2024; Arbeidsrettet oppfølging"
 * ```
 */
export const programmeYears: ProgrammeYear[] = [
  nora2021,
  nora2024,
  nySjanse2024,
  jobbsjansen2024,
  ...nySjanseReferralSeries,
  broenTilJobb2021,
  overgangsveileder2021,
];

/**
 * The provenance of every programme-year, by record id: the document's bibliographic `reference`, the
 * citation of the record (`source`) and of every cited figure (`figures`: record path, the label as
 * printed in Norwegian with an English gloss, chapter/section, table or figure, pages where the text
 * prints them). `extractLines` in each citation are line ranges in the project's plain-text
 * extraction of the document, read only by the source audit (`pnpm audit:sources`); cite the
 * reference and the locator.
 *
 * @see docs/guides/datasets.md
 *
 * @example
 * ```ts
 * import { programmeYearCitations } from "@tiltak/datasets";
 * const nora = programmeYearCitations["nora-2024"];
 * nora?.reference.title; // => "[NorA – Norsk og Arbeid: årsrapport 2024]"
 * const work = nora?.figures.find((figure) => figure.path === "exits.byOutcome.work");
 * work?.label; // => "27 deltakere avsluttet til lønnet arbeid"
 * work?.gloss; // => "exits to work"
 * work?.locator?.section; // => "Resultater 2024"
 * programmeYearCitations["nibr-2020-13"]; // => undefined
 * programmeYearCitations["nora-2021"]?.figures[0]?.pages; // => "6–8"
 * ```
 */
export const programmeYearCitations: Record<string, ProgrammeYearCitation> = Object.fromEntries(
  cited.map((record) => [record.id, record.provenance]),
);
