/**
 * Programme theories as data: a typed model (zod, with a published JSON Schema), semantic checks with
 * their sources, causal chains, comparison across theories, pilot and RCT readiness, and exports to
 * Mermaid, Graphviz DOT, dagitty, Kumu, logframe rows and Markdown.
 *
 * @packageDocumentation
 */

export {
  type ChainNode,
  type ChainPath,
  type ChainsOptions,
  type ChainsResult,
  chains,
  chainsOptionsSchema,
} from "./chains.js";
export {
  type CheckOptions,
  type CheckResult,
  checkOptionsSchema,
  checkTheory,
  type Finding,
  type RuleInfo,
  type Severity,
  type TheoryRule,
  theoryRules,
} from "./check.js";
export {
  type ComparedElement,
  type CompareTheoriesOptions,
  type CompareTheoriesResult,
  compareTheories,
  compareTheoriesOptionsSchema,
  normaliseLabel,
  type TheoryMatrix,
} from "./compare.js";
export {
  columns,
  type DagittyOptions,
  type DiagramOptions,
  dagittyOptionsSchema,
  diagramOptionsSchema,
  type KumuBlueprint,
  kindStyles,
  type LogframeRow,
  type MarkdownOptions,
  markdownOptionsSchema,
  nodeLabel,
  toDagitty,
  toDot,
  toKumu,
  toLogframe,
  toMarkdown,
  toMermaid,
  wrapText,
} from "./export.js";
export { theoryJsonSchema } from "./json-schema.js";
export {
  type Amount,
  type Assumption,
  type CmoConfiguration,
  type Component,
  type DatedValue,
  defineTheory,
  type Evidence,
  type Factor,
  type Horizon,
  horizons,
  type Implementation,
  type Indicator,
  type IndicatorMeasure,
  indicatorMeasures,
  type Labels,
  type LinkKind,
  linkKinds,
  type NodeKind,
  nodeKinds,
  type ProgrammeTheory,
  type SourceRef,
  type TargetGroup,
  type TargetGroupSize,
  type TheoryLink,
  type TheoryNode,
  type TheorySpec,
  type TheoryVersion,
  type Transfer,
  theorySchema,
  type Uncertainty,
} from "./model.js";
export {
  assessReadiness,
  type ReadinessAnswers,
  type ReadinessItem,
  type ReadinessItemName,
  type ReadinessResult,
  type ReadinessStatus,
  type ReadinessVerdict,
  readinessAnswersSchema,
} from "./readiness.js";
export { type VocabularyEntry, workingMethodTags } from "./vocabulary.js";
