/**
 * Infrastructure every tiltak package shares: the error class, option parsing with zod, the seeded
 * random generator, Brent root finding, table input, digests and number formatting in English and bokmål.
 *
 * @packageDocumentation
 */
export {
  bytesToHex,
  canonicalJson,
  hexToBytes,
  hmacSha256Hex,
  randomSalt,
  type Sha256AndHmac,
  secureRandomBytes,
  sha256AndHmac,
  sha256Hex,
} from "./digest.js";
export {
  describeValue,
  errorCodes,
  formatPath,
  invalidInput,
  isTiltakError,
  TiltakError,
  type TiltakErrorCode,
  type TiltakIssue,
} from "./errors.js";
export { type FormatOptions, formatNumber, formatPercent, type Language } from "./format.js";
export {
  type Alternative,
  alternativeSchema,
  type Bounds,
  inInterval,
  integerAtLeast,
  intervalText,
  numberAbove,
  numberIn,
  parseOptions,
  zodToTiltakError,
} from "./options.js";
export {
  createRng,
  defaultRngAlgorithm,
  type Rng,
  type RngAlgorithm,
  type RngState,
  randomnessRecord,
  restoreRng,
  rngAlgorithms,
  tiltakVersion,
} from "./rng.js";
export { type FindRootOptions, findRoot, type RootResult } from "./root.js";
export { sum } from "./sum.js";
export { type TableInput, type TableRecord, toRecords } from "./table.js";
