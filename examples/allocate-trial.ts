// An allocation list for a two-office NorA-style trial (NorA vs ordinary follow-up, 1:1), stratified by
// gender and office, made before recruitment and committed to by a salted commitment. The example follows
// the whole workflow of docs/methods/allocate/verification.md: a seed nobody can guess, the list, the
// sealed certificate (kept by the trial statistician) and the public commitment (published before
// recruitment); after unblinding, verification against the published commitment; then one edited cell,
// which verification names.
//
// The seed comes from Web Crypto (allocate.newSeed()), because this list must stay concealed: a typed seed
// ("nora-pilot-2025") could be guessed and the whole list recomputed. So the list, and the counts printed,
// differ from run to run; what the example asserts (every check passing, the edited cell found) does not.
// Writes into examples/output/allocate-trial/ and prints where.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AllocationPlan,
  allocationCsv,
  allocationList,
  newSeed,
  publicCommitment,
  verifyAllocation,
} from "@tiltak/allocate";

const out = join(dirname(fileURLToPath(import.meta.url)), "output", "allocate-trial");
mkdirSync(out, { recursive: true });
const quiet = process.env.TILTAK_EXAMPLE_QUIET === "1";
const say = (text: string): void => {
  if (!quiet) console.log(text);
};

// NorA reports about 84 exits a year from one office; a two-office pilot might recruit ~60 per office.
// Permuted blocks of 2 or 4 keep each gender × office stratum balanced while the next arm stays hard to
// guess; each stratum gets at least 40 slots so that no stratum runs out during recruitment.
const plan: AllocationPlan = {
  design: "blocked",
  arms: ["NorA", "ordinary follow-up"],
  strata: { gender: ["female", "male"], office: ["Årstad", "Fana"] },
  blockSizes: [2, 4],
  size: 40,
  seed: newSeed(),
  title: "NorA two-office pilot: allocation list",
};

// 1. Make the list. meta holds the seed, the digest and a secret salt: all of it stays sealed.
const list = await allocationList(plan);
if (list.warnings !== undefined) throw new Error("a seed from newSeed() is never flagged as guessable");
const csv = allocationCsv(list);
const listPath = join(out, "list.csv");
writeFileSync(listPath, csv);
writeFileSync(
  join(out, "list.sealed.json"),
  `${JSON.stringify({ format: "tiltak-allocation-certificate/2", file: "list.csv", method: list.meta.method, plan: list.plan, seed: list.meta.seed, algorithm: list.meta.algorithm, tiltakVersion: list.meta.tiltakVersion, digest: list.meta.digest, salt: list.meta.salt, commitment: list.meta.commitment, createdAt: list.meta.createdAt, rows: list.rows.length, columns: list.meta.columns }, null, 2)}\n`,
);

// 2. The public commitment: arms, strata, size, algorithm and HMAC-SHA256(salt, list). No seed, salt,
//    digest or block sizes, so nobody who enrols participants can enumerate the list or predict an arm.
const published = publicCommitment(list);
writeFileSync(
  join(out, "list.commitment.json"),
  `${JSON.stringify({ ...published, file: "list.csv" }, null, 2)}\n`,
);

const strata = [...new Set(list.rows.map((row) => row.stratum))];
say(
  `Allocation list: ${list.rows.length} slots in ${strata.length} strata (this run's; the seed is new every run)`,
);
for (const stratum of strata) {
  const rows = list.rows.filter((row) => row.stratum === stratum);
  const nora = rows.filter((row) => row.arm === "NorA").length;
  say(`  ${stratum.padEnd(28)} ${rows.length} slots, ${nora} NorA, ${rows.length - nora} ordinary`);
}
say(`Publish before recruitment: commitment ${published.commitment} (${published.construction})`);

// 3. After unblinding the sealed certificate is revealed; anyone recomputes the list from its plan, seed
//    and salt and checks it against the commitment published before recruitment.
const check = await verifyAllocation(list, { commitment: published.commitment });
if (!check.ok || !check.commitment.ok) throw new Error("a fresh list must verify against its commitment");
say(`Verification against the published commitment: ok = ${check.ok} (${check.commitment.reason})`);

// Someone changes one cell of the file (row 8: the eighth slot of the first stratum).
const lines = readFileSync(listPath, "utf8").split("\n");
const cells = (lines[8] as string).split(",");
cells[4] = cells[4] === "NorA" ? "ordinary follow-up" : "NorA";
lines[8] = cells.join(",");
const editedPath = join(out, "list-edited.csv");
writeFileSync(editedPath, lines.join("\n"));
const [header, ...body] = readFileSync(editedPath, "utf8").trimEnd().split("\n");
const columns = (header as string).split(",");
const editedRows = body.map((line) =>
  Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])),
);
const tampered = await verifyAllocation(
  { rows: editedRows, plan: list.plan, meta: list.meta },
  { commitment: published.commitment },
);
const first = tampered.differences[0];
if (tampered.ok || first === undefined || first.row !== 7 || first.column !== "arm")
  throw new Error("the one-cell edit must be found at row 8, column arm");
if (!tampered.failed.includes("publishedCommitment"))
  throw new Error("the edited list is not the committed one");
say(
  `Verification after a one-cell edit: ok = ${tampered.ok}; failed: ${tampered.failed.join(", ")}; row ${(first.row as number) + 1}, column ${first.column}: expected "${first.expected}", found "${first.found}"`,
);
console.log(
  `allocate-trial: wrote ${listPath}, list.sealed.json (keep sealed), list.commitment.json (publish) and list-edited.csv in ${out}`,
);
