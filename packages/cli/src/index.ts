/**
 * The `tiltak` command: power, programme theories, outcome comparisons, bundled data and allocation from
 * the terminal. The only tiltak package that touches the file system.
 *
 * @packageDocumentation
 */

export {
  type AllocationCertificate,
  allocateSeedCommand,
  type CliIo,
  certificatePath,
  listCommand,
  publicCommitmentPath,
  sealedCertificatePath,
  unitsCommand,
  verifyCommand,
} from "./allocate-command.js";
export { minimiseCommand } from "./allocate-minimise-command.js";
export {
  type CommandIo,
  checkOutput,
  type FlagValues,
  formatKeyValues,
  formatTable,
  formatValue,
  type InputData,
  kebabCase,
  numberColumn,
  parseChoiceFlag,
  parseNumberFlag,
  parseNumberListFlag,
  readInput,
  readJsonInput,
  usageError,
  writeOutput,
} from "./common.js";
export {
  compareEffectSizesCommand,
  compareFlowsCommand,
  compareFunnelCommand,
  compareMetaCommand,
  compareProportionsCommand,
  compareRatesCommand,
  inputRows,
} from "./compare-command.js";
export { bashCompletion, completionCommand } from "./completion.js";
export { type CsvTable, formatCsv, parseCsv } from "./csv.js";
export {
  type DatasetEntry,
  dataExportCommand,
  dataListCommand,
  dataShowCommand,
  datasetEntries,
} from "./data-command.js";
export { readJson, readText, refuseOverwrite, writeFileAtomic } from "./files.js";
export { buildProgram, runCli } from "./main.js";
export { findPersonalIds, isNorwegianIdNumber, type PersonalIdHit } from "./personal-ids.js";
export {
  flagsToOptions,
  formatPowerResult,
  powerCommand,
  powerCurveCommand,
  powerSimulateCommand,
} from "./power-command.js";
export {
  type PowerFlag,
  type PowerFlagKind,
  type PowerTest,
  powerTests,
  simulateFlags,
} from "./power-spec.js";
export {
  theoryCheckCommand,
  theoryCompareCommand,
  theoryDrawCommand,
  theoryReadinessCommand,
  theorySchemaCommand,
} from "./theory-command.js";
