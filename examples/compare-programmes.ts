// Compare programmes on a common denominator: NorA 2021, NorA 2024 and Ny sjanse 2024 (Bergen), exit
// to work against NorA's 60 % target, with a funnel plot.
//
// The three reports all say "av deltakerne" (of participants) but count shares of exits, and they
// define exits differently (planned; planned excluding moves). The example puts them side by side on
// both denominators, lists the comparability cautions, and draws a funnel plot (Spiegelhalter control
// limits around the 60 % target) to ask whether any programme is off the target by more than chance.
//
//   node scripts/run-examples.mjs compare-programmes
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compare, core, datasets, plot } from "tiltak";

const outDir = join("examples", "output", "compare-programmes");
await mkdir(outDir, { recursive: true });
const say = (line = ""): void => console.log(line);
const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? "—" : core.formatPercent(x, { digits: 1 });
const md: string[] = [];

const ids = ["nora-2021", "nora-2024", "ny-sjanse-2024"];
const records = ids.map((id) => {
  const record = datasets.programmeYears.find((r) => r.id === id);
  if (!record) throw new Error(`${id} is missing from @tiltak/datasets`);
  return record;
});
const target = 0.6;

say("compare programmes — exit to work, NorA 2021 / NorA 2024 / Ny sjanse 2024, against a 60 % target");
say();

// 1. Flows: what each report's own figures say about its denominators -------------------------------
say("1. Stock–flow checks (compare.checkFlows)");
md.push(
  "# Comparing programmes: exit to work against a 60 % target",
  "",
  "NorA 2021, NorA 2024 and Ny sjanse 2024 (Bergen), from `@tiltak/datasets`.",
  "",
  "## 1. Stock–flow checks",
  "",
);
for (const record of records) {
  const flows = compare.checkFlows(record);
  say(`   ${record.id}: ${flows.ok ? "consistent" : `${flows.findings.length} finding(s)`}`);
  for (const finding of flows.findings) say(`     - ${finding.rule}: ${finding.message}`);
  md.push(
    `- **${record.id}**: ${flows.ok ? "consistent" : flows.findings.map((f) => `${f.rule} — ${f.message}`).join("; ")}`,
  );
}
md.push("");

// 2. Rates on both denominators -----------------------------------------------------------------------
say();
say("2. Exit to work on two denominators (Wilson 95 % intervals)");
say("   programme        exits def.              of exits                      of participants");
const table: string[] = [
  "## 2. Exit to work on two denominators",
  "",
  "| programme | exits counted | work / exits (95 % CI) | work / participants (95 % CI) | 60 % target met? |",
  "|---|---|---|---|---|",
];
for (const record of records) {
  const e = compare.outcomeRates(record, { denominator: "exits" }).find((row) => row.outcome === "work");
  const q = compare
    .outcomeRates(record, { denominator: "participants" })
    .find((row) => row.outcome === "work");
  if (!e || !q) throw new Error(`${record.id}: no work rate`);
  const byExits = `${e.count}/${e.denominator} = ${pct(e.rate)} (${pct(e.lower)}–${pct(e.upper)})`;
  const byParticipants = `${q.count}/${q.denominator} = ${pct(q.rate)} (${pct(q.lower)}–${pct(q.upper)})`;
  say(
    `   ${record.id.padEnd(16)} ${record.exits.definition.padEnd(23)} ${byExits.padEnd(29)} ${byParticipants}`,
  );
  table.push(
    `| ${record.id} | ${record.exits.definition} (${record.exits.definitionLabel ?? ""}) | ${byExits} | ${byParticipants} | ${e.upper < target ? "no (the whole interval is below)" : e.rate >= target ? "yes" : "not shown"} |`,
  );
}
md.push(...table, "");

// 3. Pairwise comparisons and cautions ---------------------------------------------------------------
const comparison = compare.compareProgrammes(records, {
  outcome: "work",
  denominator: "exits",
  reference: "nora-2024",
});
say();
say(
  `3. Against NorA 2024 (compare.compareProgrammes, share of exits; risk difference with ${comparison.comparisons[0]?.riskDifference.method ?? ""} interval)`,
);
for (const c of comparison.comparisons) {
  const rd = c.riskDifference;
  say(
    `   ${c.id.padEnd(16)} ${(100 * rd.estimate).toFixed(1).padStart(5)} points (${(100 * rd.lower).toFixed(1)} to ${(100 * rd.upper).toFixed(1)}), Fisher p = ${c.fisher.p.toFixed(3)}`,
  );
}
say("   cautions:");
for (const caution of comparison.cautions) say(`   - [${caution.code}] ${caution.message}`);
md.push(
  "## 3. Against NorA 2024, and the cautions",
  "",
  "| programme | difference in exit-to-work share vs NorA 2024 (95 % CI) | Fisher p |",
  "|---|---|---:|",
  ...comparison.comparisons.map(
    (c) =>
      `| ${c.id} | ${(100 * c.riskDifference.estimate).toFixed(1)} points (${(100 * c.riskDifference.lower).toFixed(1)} to ${(100 * c.riskDifference.upper).toFixed(1)}) | ${c.fisher.p.toFixed(3)} |`,
  ),
  "",
  ...comparison.cautions.map(
    (caution) => `- **${caution.code}** (${caution.ids.join(", ")}): ${caution.message}`,
  ),
  "",
);

// 4. Funnel plot against the target -------------------------------------------------------------------
const units = records.map((record) => ({
  label: record.id,
  x: record.exits.byOutcome.work ?? 0,
  n: record.exits.total ?? 0,
}));
const funnel = compare.funnel(units, { target, levels: [0.95, 0.998] });
const svg = await plot.renderSvg(
  plot.funnel(funnel, {
    title: "Exit to work against the 60 % target (Bergen)",
    xTitle: "Exits counted (n)",
    yTitle: "Exits to work (share of exits)",
  }),
);
await writeFile(join(outDir, "funnel.svg"), svg);
say();
say("4. Funnel plot against the 60 % target (95 % and 99.8 % limits; share of exits)");
for (const unit of funnel.units) {
  const where =
    unit.flag === "within"
      ? "within the limits"
      : `${unit.flag === "low" ? "below" : "above"} the ${unit.flagLevel === null ? "" : `${100 * unit.flagLevel} % `}limit`;
  say(
    `   ${unit.label.padEnd(16)} ${unit.x}/${unit.n} = ${pct(unit.rate)}, z = ${unit.z.toFixed(2)}: ${where}`,
  );
}
say(`   funnel: ${join(outDir, "funnel.svg")}`);
md.push(
  "## 4. Funnel plot",
  "",
  "Exit-to-work share of exits against the number of exits, with Spiegelhalter (2005) control limits around the 60 % target (95 % and 99.8 %).",
  "",
  "![funnel plot](funnel.svg)",
  "",
);

await writeFile(join(outDir, "report.md"), `${md.join("\n")}\n`);
await writeFile(join(outDir, "comparison.json"), `${JSON.stringify(comparison, null, 2)}\n`);
say();
say(`report: ${join(outDir, "report.md")} (with funnel.svg, comparison.json)`);
