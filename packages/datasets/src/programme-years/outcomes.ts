import type { OutcomeKey, ProgrammeYear } from "@tiltak/compare";

/** Exits by canonical outcome. */
export type ByOutcome = ProgrammeYear["exits"]["byOutcome"];
/** Stock and flow of participants. */
export type ParticipantCounts = ProgrammeYear["participants"];

/**
 * Fills a `byOutcome` table: every canonical outcome the document does not report is `null` (not
 * reported), never a guessed 0.
 */
export function outcomes(reported: Partial<Record<OutcomeKey, number>>): ByOutcome {
  return {
    work: null,
    workFullTime: null,
    workPartTime: null,
    education: null,
    primarySchool: null,
    labourMarketMeasure: null,
    healthBenefit: null,
    socialAssistance: null,
    parentalLeave: null,
    supportedByFamily: null,
    otherFollowUp: null,
    moved: null,
    other: null,
    unknown: null,
    ...reported,
  };
}

/** A participants block with every count the document does not report set to `null`. */
export function participants(reported: Partial<ParticipantCounts>): ParticipantCounts {
  return {
    unique: null,
    activeEnd: null,
    newReferrals: null,
    carriedIn: null,
    started: null,
    noShows: null,
    dropOuts: null,
    moved: null,
    unplannedExits: null,
    applicants: null,
    offered: null,
    ...reported,
  };
}
