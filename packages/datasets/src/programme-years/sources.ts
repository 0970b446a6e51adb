import { citations } from "../references.js";

/**
 * The citation of NorA – Norsk og Arbeid's annual report for 2024 (Bergen kommune, Nav Årstad), the
 * source of `nora-2024`. Its bibliographic identity is `sourceDocuments[0]` (`nora-2024`).
 *
 * @example
 * ```ts
 * import { noraReport2024 } from "@tiltak/datasets";
 * noraReport2024; // => "Bergen kommune, Nav Årstad (2024). [NorA – Norsk og Arbeid: årsrapport 2024]."
 * ```
 */
export const noraReport2024: string = citations.nora2024;

/**
 * The citation of NorA's «Årsrapport 2021» (Bergen kommune, NAV Årstad), the source of `nora-2021` and
 * the 2021 sub-projects.
 *
 * @example
 * ```ts
 * import { noraReport2021 } from "@tiltak/datasets";
 * noraReport2021; // => "Bergen kommune, NAV Årstad (2021). Årsrapport 2021: NorA – Norsk og Arbeid."
 * ```
 */
export const noraReport2021: string = citations.nora2021;

/**
 * The citation of «Årsrapport 2024 for Ny sjanse, Kvalifiseringssenter for innvandrere» (Bergen
 * kommune, NAV Bergenhus; with Mat & prat and Jobbsjansen), the source of `ny-sjanse-2024`,
 * `jobbsjansen-2024` and the referral series.
 *
 * @example
 * ```ts
 * import { nySjanseReport2024 } from "@tiltak/datasets";
 * nySjanseReport2024.includes("Årsrapport 2024 for Ny sjanse"); // => true
 * ```
 */
export const nySjanseReport2024: string = citations.nySjanse2024;
