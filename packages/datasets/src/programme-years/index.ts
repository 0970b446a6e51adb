import type { CitedProgrammeYear } from "./cited.js";
import { jobbsjansen2024 } from "./jobbsjansen-2024.js";
import { nora2021 } from "./nora-2021.js";
import { broenTilJobb2021, overgangsveileder2021 } from "./nora-2021-subprojects.js";
import { nora2024 } from "./nora-2024.js";
import { nySjanse2024 } from "./ny-sjanse-2024.js";
import { nySjanseReferralSeries } from "./ny-sjanse-referrals.js";

export type { CitedProgrammeYear, FigureCitation } from "./cited.js";
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

/**
 * Programme-years transcribed from the source documents, each with `source: { document, lines }` (the
 * document's citation and the locator as text) and `provenance` (bibliographic reference, locators and
 * printed labels of every cited figure) and data-quality flags where the document contradicts itself: `nora-2021`, `nora-2024`,
 * `ny-sjanse-2024`, `jobbsjansen-2024`, the Ny sjanse referral series `ny-sjanse-2015` …
 * `ny-sjanse-2023`, and NorA's 2021 sub-projects `broen-til-jobb-2021` and `overgangsveileder-2021`.
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
 * const work = nora?.provenance.figures.find((figure) => figure.path === "exits.byOutcome.work");
 * work?.label; // => "27 deltakere avsluttet til lønnet arbeid"
 * work?.locator?.section; // => "Resultater 2024"
 * work?.reference?.title; // => "[NorA – Norsk og Arbeid: årsrapport 2024]"
 * ```
 */
export const programmeYears: CitedProgrammeYear[] = [
  nora2021,
  nora2024,
  nySjanse2024,
  jobbsjansen2024,
  ...nySjanseReferralSeries,
  broenTilJobb2021,
  overgangsveileder2021,
];
