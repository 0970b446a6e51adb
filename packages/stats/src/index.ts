/**
 * The numerical core of tiltak: central and noncentral distributions (t, F, chi-square), proportion
 * intervals and the tests for 2×2 and r×c tables, each matching a named reference implementation
 * (R `stats`, statsmodels).
 *
 * @packageDocumentation
 */
export { type NormalDistribution, normal, type StudentTDistribution, studentT } from "./central.js";
export { type ChiSquareDistribution, chiSquare } from "./chi-square.js";
export { type FisherFDistribution, fisherF } from "./fisher-f.js";
export { type NoncentralChiSquareDistribution, noncentralChiSquare } from "./noncentral-chi-square.js";
export { type NoncentralFDistribution, noncentralF } from "./noncentral-f.js";
export { type NoncentralTDistribution, noncentralT } from "./noncentral-t.js";
export {
  type ProportionCIMethod,
  type ProportionCIOptions,
  type ProportionCIResult,
  type ProportionDifferenceCIOptions,
  type ProportionDifferenceCIResult,
  proportionCI,
  proportionCIMethods,
  proportionCIOptions,
  proportionDifferenceCI,
  proportionDifferenceCIOptions,
} from "./proportion.js";
export {
  type ChiSquareTestOptions,
  type ChiSquareTestResult,
  chiSquareTest,
  chiSquareTestOptions,
  type FisherExactOptions,
  type FisherExactResult,
  fisherExact,
  fisherExactOptions,
} from "./two-by-two.js";
