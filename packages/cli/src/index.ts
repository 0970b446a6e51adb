/**
 * The `tiltak` command: allocation lists, assignment and verification from the terminal. The only tiltak
 * package that touches the file system.
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
export { type CsvTable, parseCsv } from "./csv.js";
export { readJson, readText, refuseOverwrite, writeFileAtomic } from "./files.js";
export { runCli } from "./main.js";
export { findPersonalIds, isNorwegianIdNumber, type PersonalIdHit } from "./personal-ids.js";
