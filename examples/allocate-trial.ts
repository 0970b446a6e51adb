// An allocation list for a two-office NorA-style trial (NorA vs ordinary follow-up, 1:1), stratified by
// gender and office, made before recruitment and committed to by its SHA-256 digest. The example
// verifies the list, then edits one cell and shows the verification failing on exactly that cell.
// Writes into examples/output/allocate-trial/ and prints where.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AllocationPlan, allocationCsv, allocationList, verifyAllocation } from "@tiltak/allocate";

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
  seed: "nora-two-office-pilot-2025-09-01",
  title: "NorA two-office pilot: allocation list",
};

const list = await allocationList(plan);
const csv = allocationCsv(list);
const listPath = join(out, "list.csv");
writeFileSync(listPath, csv);
writeFileSync(
  join(out, "list.certificate.json"),
  `${JSON.stringify({ format: "tiltak-allocation-certificate/1", file: "list.csv", method: list.meta.method, plan: list.plan, seed: list.meta.seed, algorithm: list.meta.algorithm, tiltakVersion: list.meta.tiltakVersion, digest: list.meta.digest, createdAt: list.meta.createdAt, rows: list.rows.length, columns: list.meta.columns }, null, 2)}\n`,
);

const strata = [...new Set(list.rows.map((row) => row.stratum))];
say(`Allocation list: ${list.rows.length} slots in ${strata.length} strata`);
for (const stratum of strata) {
  const rows = list.rows.filter((row) => row.stratum === stratum);
  const nora = rows.filter((row) => row.arm === "NorA").length;
  say(`  ${stratum.padEnd(28)} ${rows.length} slots, ${nora} NorA, ${rows.length - nora} ordinary`);
}
say(`Commitment (publish before recruitment): SHA-256 ${list.meta.digest}`);

// Later: anyone with the plan and the seed recomputes the list and compares every cell.
const check = await verifyAllocation(list);
if (!check.ok) throw new Error("a fresh list must verify");
say(`Verification of the list as made: ok = ${check.ok}`);

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
const tampered = await verifyAllocation({ rows: editedRows, plan: list.plan, meta: list.meta });
const first = tampered.differences[0];
if (tampered.ok || first === undefined || first.row !== 7 || first.column !== "arm")
  throw new Error("the one-cell edit must be found at row 8, column arm");
say(
  `Verification after a one-cell edit: ok = ${tampered.ok}; row ${(first.row as number) + 1}, column ${first.column}: expected "${first.expected}", found "${first.found}"`,
);
console.log(`allocate-trial: wrote ${listPath}, list.certificate.json and list-edited.csv in ${out}`);
