/**
 * Power, sample size and minimum detectable effects for pilots and trials: the `pwr` family and base
 * R's `power.t.test` / `power.prop.test`, cluster and multisite designs (PowerUp!), design effects,
 * stepped-wedge designs (Hussey & Hughes 2007), simulation and power curves.
 *
 * Every function takes one options object with exactly one solvable parameter missing (`sigLevel: null`
 * to solve for the significance level) and returns plain JSON with the missing one filled in.
 *
 * @packageDocumentation
 */
export {
  type ClusterProportionsOptions,
  type ClusterProportionsResult,
  type ClusterRandomisedOptions,
  type ClusterRandomisedResult,
  clusterProportions,
  clusterProportionsOptions,
  clusterRandomised,
  clusterRandomisedOptions,
  type DesignEffectOptions,
  designEffect,
  designEffectOptions,
  type InflateForAttritionOptions,
  inflateForAttrition,
  inflateForAttritionOptions,
  type MultisiteRandomisedOptions,
  type MultisiteRandomisedResult,
  multisiteRandomised,
  multisiteRandomisedOptions,
} from "./cluster.js";
export { type PowerCurveOptions, type PowerCurveRow, powerCurve, powerCurveOptions } from "./curve.js";
export {
  type CohenDOptions,
  type ConventionalSize,
  type ConventionalTest,
  cohenD,
  cohenH,
  conventionalEffectSize,
} from "./effect-size.js";
export {
  type AnovaOptions,
  type AnovaResult,
  anova,
  anovaOptions,
  type ChiSquareOptions,
  type ChiSquareResult,
  type CorrelationOptions,
  type CorrelationResult,
  chiSquare,
  chiSquareOptions,
  correlation,
  correlationOptions,
  type LinearModelOptions,
  type LinearModelResult,
  linearModel,
  linearModelOptions,
} from "./f-tests.js";
export {
  drawBinomial,
  type ReplicateTask,
  type ReplicateTaskResult,
  replicatesPerStream,
  runReplicateTask,
  type SimulatePowerOptions,
  type SimulatePowerResult,
  type SimulationOutcome,
  type SimulationProgress,
  type SimulatorSpec,
  simulatePower,
  simulatePowerAsync,
  simulatePowerOptions,
  type TwoArmSimulatorOptions,
  twoArmSimulator,
  twoArmSimulatorOptions,
} from "./simulate.js";
export {
  type SteppedWedgeOptions,
  type SteppedWedgeResult,
  steppedWedge,
  steppedWedgeOptions,
} from "./stepped-wedge.js";
export {
  type BaseRAlternative,
  type MeansOptions,
  type MeansResult,
  means,
  meansOptions,
  type TestType,
  type TTest2nOptions,
  type TTest2nResult,
  type TTestOptions,
  type TTestResult,
  tTest,
  tTest2n,
  tTest2nOptions,
  tTestOptions,
} from "./t-test.js";
export {
  type NormalMeanOptions,
  type NormalMeanResult,
  normalMean,
  normalMeanOptions,
  type OneProportionOptions,
  type OneProportionResult,
  oneProportion,
  oneProportionOptions,
  type ProportionsOptions,
  type ProportionsResult,
  proportions,
  proportionsOptions,
  type TwoProportions2nOptions,
  type TwoProportions2nResult,
  type TwoProportionsOptions,
  type TwoProportionsResult,
  twoProportions,
  twoProportions2n,
  twoProportions2nOptions,
  twoProportionsOptions,
} from "./z-tests.js";
