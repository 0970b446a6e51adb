/**
 * From programme theory to protocol and analysis, as one typed chain: `planTrial` (readiness, baseline,
 * sample size with the call that reruns it, allocation with its commitment, the pre-specified analysis),
 * `toProtocol` (the SPIRIT 2013 items the plan answers, in English and bokmål), `analyseTrial` (the
 * pre-specified analysis, matching R) and `randomisationInference` (re-draws of the same design).
 *
 * @packageDocumentation
 */
export {
  type AnalyseTrialOptions,
  type ArmSummary,
  analyseTrial,
  analyseTrialOptions,
  type TrialAnalysis,
} from "./analyse.js";
export {
  type PlanAnalysis,
  type PlanBaseline,
  type PlanBaselineResult,
  type PlanDesign,
  type PlanEffect,
  type PlanEffectResult,
  type PlanOutcome,
  type PlanReadiness,
  type PlanSampleSize,
  type PlanTrialOptions,
  type PowerCall,
  planTrial,
  planTrialOptions,
  type TrialPlan,
} from "./plan-trial.js";
export { type ProtocolOptions, protocolOptions, toProtocol } from "./protocol.js";
export {
  type ArmStatistic,
  type RandomisationOptions,
  type RandomisationResult,
  randomisationInference,
  randomisationOptions,
} from "./randomisation.js";
export { type AllocatedUnit, allocatedUnits, type TrialDataRow } from "./units.js";
