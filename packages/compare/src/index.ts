/**
 * Outcome records of programmes (programme-years), stock–flow checks, outcome rates with explicit
 * denominators, two-programme comparisons, meta-analysis as `metafor` and funnel plots.
 *
 * @packageDocumentation
 */

export {
  type AddTo,
  type EffectSizeMeasure,
  type EffectSizeOptions,
  type EffectSizeResult,
  effectSizeMeasures,
  effectSizeOptions,
  effectSizes,
  type MeanEffectOptions,
  type ProportionEffectOptions,
  type TwoByTwoEffectOptions,
} from "./effect-sizes.js";
export {
  checkFlows,
  type FlowCheck,
  type FlowFinding,
  type FlowNotChecked,
  type FlowRule,
  unplannedExits,
} from "./flows.js";
export {
  type FunnelFlag,
  type FunnelLimit,
  type FunnelOptions,
  type FunnelOverdispersion,
  type FunnelResult,
  type FunnelUnit,
  type FunnelUnitInput,
  type FunnelUnitResult,
  funnel,
} from "./funnel.js";
export {
  type MetaAnalysisFit,
  type MetaAnalysisMethod,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
  type MixedEffectsSubgroupTest,
  metaAnalysis,
  metaAnalysisMethods,
  metaAnalysisOptions,
  type SubgroupTest,
} from "./meta-analysis.js";
export {
  type AnyOutcomeKey,
  anyOutcomeKeys,
  type BackSolveOptions,
  type BackSolveResult,
  backSolveCount,
  type CompositeOutcomeKey,
  type Count,
  compositeOutcomes,
  type DenominatorKind,
  defineProgrammeYear,
  denominatorKinds,
  type ExitDefinition,
  type Exits,
  exitDefinitions,
  type OutcomeKey,
  outcomeKeys,
  type Participants,
  ProgrammeYear,
  type ProgrammeYearInput,
  programmeYearSchema,
  type RecordFlag,
  type ReportedOutcome,
  type ReportedRate,
  type TargetGroup,
} from "./programme-year.js";
export {
  type CompareProgrammesOptions,
  type CompareProgrammesResult,
  type CompareProportionsOptions,
  type CompareProportionsResult,
  type ComparisonCaution,
  type ComparisonRow,
  compareProgrammes,
  compareProportions,
  type Interval,
} from "./programmes.js";
export {
  type OutcomeRate,
  type OutcomeRateRows,
  type OutcomeRatesOptions,
  outcomeRates,
  type ProportionMethod,
} from "./rates.js";
export {
  type InvalidSpell,
  type ParsedSpellsOptions,
  type ProgrammeYearsFromSpellsOptions,
  parseSpellsOptions,
  programmeYearsFromCounts,
  programmeYearsFromSpells,
  type ResolvedPeriod,
  resolveSpellPeriods,
  type SpellCell,
  type SpellCounts,
  type SpellFields,
  type SpellPeriod,
  type SpellRecordGroup,
  type SpellReferralCell,
  type SpellsResult,
  spellsOptionsSchema,
  type UnmappedReason,
} from "./spells.js";
