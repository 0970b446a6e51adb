import type { ProgrammeYear } from "@tiltak/compare";
import { at, type CitedProgrammeYear, cited, withoutProvenance } from "./cited.js";
import { outcomes, participants } from "./outcomes.js";

/**
 * One NAV office's referrals to Ny sjanse, 2015–2024, as printed in the (uncaptioned) table of section
 * 3.1 «Antall henvisninger» of the Ny sjanse annual report for 2024.
 */
export interface ReferralRow {
  /** The referring NAV office. */
  office: string;
  /** Where the row is printed: section and row label (a locator as text, not line numbers). */
  lines: string;
  /** The row's line range in the project's text extraction, read only by `pnpm audit:sources`. */
  extractLines: string;
  /** Referrals by year, 2015 first. */
  counts: readonly number[];
}

/**
 * The years of the Ny sjanse referral table, in column order.
 *
 * @example
 * ```ts
 * import { referralYears } from "@tiltak/datasets";
 * referralYears.length; // => 10
 * referralYears[0]; // => 2015
 * ```
 */
export const referralYears: readonly number[] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

/**
 * Ny sjanse referrals by NAV office and year, 2015–2024 (Ny sjanse annual report 2024, section 3.1
 * «Antall henvisninger», the table of referrals by office). In the text extraction NAV Bergen Nord's
 * 2020 value (7) stands on a line of its own.

 *
 * @example
 * ```ts
 * import { nySjanseReferralsByOffice } from "@tiltak/datasets";
 * nySjanseReferralsByOffice.map((row) => row.office); // => ["NAV Bergen Sør", "NAV Bergenhus", "NAV Bergen Vest", "NAV Årstad", "NAV Bergen Nord"]
 * nySjanseReferralsByOffice[3]?.counts[0]; // => 48
 * ```
 */
/** The locator of one office's row. */
function row(office: string): string {
  return `${at("nySjanse2024", { section: "3.1" })}, table of referrals by NAV office, row «${office}»`;
}

export const nySjanseReferralsByOffice: readonly ReferralRow[] = [
  {
    office: "NAV Bergen Sør",
    lines: row("NAV Bergen Sør"),
    extractLines: "210-214",
    counts: [9, 7, 4, 18, 21, 7, 2, 10, 22, 17],
  },
  {
    office: "NAV Bergenhus",
    lines: row("NAV Bergenhus"),
    extractLines: "216-220",
    counts: [22, 37, 28, 26, 26, 10, 16, 18, 25, 34],
  },
  {
    office: "NAV Bergen Vest",
    lines: row("NAV Bergen Vest"),
    extractLines: "222-226",
    counts: [25, 23, 27, 36, 41, 17, 44, 34, 19, 14],
  },
  {
    office: "NAV Årstad",
    lines: row("NAV Årstad"),
    extractLines: "228",
    counts: [48, 41, 26, 32, 22, 18, 24, 7, 10, 13],
  },
  {
    office: "NAV Bergen Nord",
    lines: row("NAV Bergen Nord"),
    extractLines: "230-238",
    counts: [10, 5, 4, 18, 19, 7, 15, 13, 9, 8],
  },
];

/**
 * The stated yearly totals of the referral table (row «Totalt», section 3.1), 2015 first.
 *
 * @example
 * ```ts
 * import { nySjanseReferralTotals } from "@tiltak/datasets";
 * nySjanseReferralTotals[0]; // => 116
 * nySjanseReferralTotals[9]; // => 86
 * ```
 */
export const nySjanseReferralTotals: readonly number[] = [116, 119, 91, 130, 129, 59, 101, 82, 85, 86];

function referralYear(index: number): CitedProgrammeYear {
  const year = referralYears[index] as number;
  const total = nySjanseReferralTotals[index] as number;
  const rowSum = nySjanseReferralsByOffice.reduce((acc, row) => acc + (row.counts[index] as number), 0);
  const byOffice = nySjanseReferralsByOffice.map((row) => `${row.office} ${row.counts[index]}`).join(", ");
  const flags: NonNullable<ProgrammeYear["flags"]> = [
    {
      code: "referrals-only",
      message: `The 2024 report gives only referrals for ${year} (by office: ${byOffice}); participants and exits of ${year} are not reported.`,
    },
  ];
  if (rowSum !== total)
    flags.push({
      code: "rows-do-not-sum",
      path: "participants.newReferrals",
      message: `The office rows sum to ${rowSum}, but the stated total for ${year} is ${total} (row «Totalt»), ${total - rowSum} more; the report does not explain the difference (perhaps referrals from outside the five current NAV offices).`,
    });
  const record: Omit<ProgrammeYear, "source"> = {
    id: `ny-sjanse-${year}`,
    programme: "Ny sjanse – Kvalifiseringssenter for innvandrere",
    organisation: "Bergen kommune, NAV Bergenhus",
    municipality: "Bergen",
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    targetGroup: {
      description:
        "Immigrants on the qualification programme (KVP), referred by their local NAV office in Bergen.",
      tags: ["immigrants", "kvp"],
    },
    participants: participants({
      newReferrals: total,
      definition: `Antall henvisninger i ${year}, stated total (row «Totalt»)`,
    }),
    exits: { total: null, definition: "unspecified", byOutcome: outcomes({}), reported: [] },
    targets: {},
    targetsDenominator: "exits",
    reportedRates: [],
    flags,
  };
  return cited("nySjanse2024", record, { section: "3.1" }, "164-240", [
    {
      path: "participants.newReferrals",
      where: { section: "3.1" },
      lines: "240",
      label: `Totalt ${nySjanseReferralTotals.join(" ")}`,
      gloss: `stated total of referrals in ${year}`,
    },
  ]);
}

/**
 * The Ny sjanse referral series 2015–2023, one record per year with only `newReferrals` (the stated
 * yearly total); 2024 is the full record `ny-sjanse-2024`. The office breakdown is in
 * {@link nySjanseReferralsByOffice}.

 *
 * @example
 * ```ts
 * import { nySjanseReferralSeries } from "@tiltak/datasets";
 * nySjanseReferralSeries.map((record) => record.participants.newReferrals); // => [116, 119, 91, 130, 129, 59, 101, 82, 85]
 * nySjanseReferralSeries[0]?.id; // => "ny-sjanse-2015"
 * nySjanseReferralSeries[1]?.flags?.[1]?.code; // => "rows-do-not-sum"
 * ```
 */
export const nySjanseReferralSeries: readonly ProgrammeYear[] = referralYears
  .slice(0, -1)
  .map((_, index) => withoutProvenance(referralYear(index)));

/** The referral series with the provenance of each record. */
export const nySjanseReferralSeriesCited: readonly CitedProgrammeYear[] = referralYears
  .slice(0, -1)
  .map((_, index) => referralYear(index));
