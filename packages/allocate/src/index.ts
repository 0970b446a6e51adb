/**
 * Randomised allocation that evaluators can trust and prove: allocation lists made before recruitment
 * (permuted blocks within strata, as R `blockrand` and Sealed Envelope), assignment of known units
 * (simple, complete, blocked, cluster, as R `randomizr`), Pocock–Simon minimisation for units arriving one
 * by one, a salted commitment (HMAC-SHA256) for every result and its verification, and covariate balance.
 *
 * @packageDocumentation
 */
export { allocate } from "./assign.js";
export {
  type BalanceCovariate,
  type BalanceResult,
  type BalanceRow,
  balance,
} from "./balance.js";
export {
  commitmentConstruction,
  newSeed,
  type PublicCommitment,
  type PublicFactor,
  publicCommitment,
  seedWeaknesses,
} from "./commitment.js";
export { allocationList, listColumns, listStrata } from "./list.js";
export {
  type Assignment,
  createMinimiser,
  type ImbalanceMeasure,
  imbalanceScores,
  type Minimiser,
  type MinimiserPlan,
  type MinimiserState,
  minimisationProbabilities,
  minimiserPlanSchema,
  restoreMinimiser,
} from "./minimise.js";
export {
  type AllocationPlan,
  type ArmSpec,
  allocationPlanSchema,
  type Design,
  type LevelValue,
} from "./plan.js";
export { type ArmSampler, armSampler, type SampledResult } from "./redraw.js";
export {
  type AllocationMeta,
  type AllocationMethod,
  type AllocationResult,
  allocationCsv,
  canonicalCsv,
  type ListRow,
  type MinimisationRow,
  type UnitRow,
} from "./result.js";
export {
  type AllocationDifference,
  type CommitmentCheck,
  type VerifiableResult,
  type VerifyCheck,
  type VerifyOptions,
  type VerifyReport,
  verifyAllocation,
} from "./verify.js";
