// Quick start: from a real programme's annual figures to a randomised pilot, in four steps.
//
//   1. check NorA 2024's flows and its exit rates against its targets (compare), with the denominator
//      made explicit: shares of exits, as the report counts them, or of participants;
//   2. draw NorA's programme theory (theory + plot);
//   3. compute the sample size of a pilot on its main outcome, exit to work (power);
//   4. make a stratified allocation list for that pilot, with its sealed certificate and public commitment
//      (allocate).
//
// Writes a short report (Markdown + SVG + CSV + JSON) into examples/output/quickstart/ and prints where.
//
//   pnpm demo                                  (or: node scripts/run-examples.mjs quickstart)
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { allocate, compare, core, datasets, plot, power, theory } from "tiltak";

const outDir = join("examples", "output", "quickstart");
await mkdir(outDir, { recursive: true });
const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? "—" : core.formatPercent(x, { digits });
const say = (line = ""): void => console.log(line);
const md: string[] = [];

// ---------------------------------------------------------------------------------------------------
// 1. Flows and rates against the targets
// ---------------------------------------------------------------------------------------------------
const nora = datasets.programmeYears.find((record) => record.id === "nora-2024");
if (!nora) throw new Error("nora-2024 is missing from @tiltak/datasets");
const p = nora.participants;
// The record's citation: the document's bibliographic identity and the sections (as printed) it is read from.
const noraCitation = datasets.programmeYearCitations[nora.id];
const noraSections = (noraCitation?.source.locator?.section ?? nora.source.lines)
  .split("; ")
  .map((section) => `«${section}»`)
  .join(", ");

say(`tiltak quick start — ${nora.programme}, ${nora.period.start.slice(0, 4)}`);
say(`source: ${nora.source.document.split(" — ")[0]} (${nora.source.lines})`);
say();
say("1. Flows and rates against the targets");
say(
  `   ${p.unique} unique participants, ${p.newReferrals} new referrals, ${nora.exits.total} ${nora.exits.definitionLabel ?? "exits"} (planned exits), ${p.activeEnd} active at year end`,
);

const flows = compare.checkFlows(nora);
for (const finding of flows.findings) say(`   check ${finding.rule}: ${finding.message}`);
if (flows.findings.length === 0) say("   stock–flow identities hold");

const byExits = compare.outcomeRates(nora, { denominator: "exits" });
const byParticipants = compare.outcomeRates(nora, { denominator: "participants" });
const rateRow = (rows: typeof byExits, outcome: string) => rows.find((row) => row.outcome === outcome);
say();
say("   outcome     count  of exits (95% CI)               of participants   target");
for (const outcome of ["work", "education"]) {
  const e = rateRow(byExits, outcome);
  const q = rateRow(byParticipants, outcome);
  if (!e || !q) continue;
  const target =
    e.target === undefined
      ? "—"
      : `${pct(e.target, 0)} ${e.meetsTarget ? "met" : e.belowTarget ? "not met (whole CI below)" : "not met"}`;
  say(
    `   ${outcome.padEnd(10)} ${String(e.count).padStart(5)}  ${`${e.count}/${e.denominator} = ${pct(e.rate)} (${pct(e.lower)}–${pct(e.upper)})`.padEnd(32)} ${`${q.count}/${q.denominator} = ${pct(q.rate)}`.padEnd(17)} ${target}`,
  );
}
const work = rateRow(byExits, "work");
const workOfParticipants = rateRow(byParticipants, "work");
if (!work || !workOfParticipants) throw new Error("outcomeRates gave no work row");
say();
say(
  `   NorA's 60% work target: ${work.count} of ${work.denominator} planned exits went to work (${pct(work.rate)}), ${(100 * (0.6 - work.rate)).toFixed(1)} percentage points short;`,
);
say(
  `   counted against all ${workOfParticipants.denominator} participants it is ${pct(workOfParticipants.rate)} — say which denominator a target means.`,
);
for (const flag of nora.flags ?? []) if (flag.code === "denominator-wording") say(`   note: ${flag.message}`);

md.push(
  `# tiltak quick start: ${nora.programme}, ${nora.period.start.slice(0, 4)}`,
  "",
  `Source: ${nora.source.document} Sections ${noraSections}.`,
  "",
  "## 1. Flows and rates against the targets",
  "",
  `${p.unique} unique participants, ${p.newReferrals} new referrals, ${nora.exits.total} planned exits, ${p.activeEnd} active at year end.`,
  "",
  ...(flows.findings.length === 0
    ? ["The stock–flow identities hold."]
    : flows.findings.map(
        (finding) =>
          `- **${finding.rule}** (gap ${Number.isInteger(finding.gap) ? finding.gap : finding.gap.toFixed(3)}): ${finding.message}`,
      )),
  "",
  "| outcome | count | share of planned exits (95 % CI) | share of participants | target | met? |",
  "|---|---:|---|---|---:|---|",
  ...byExits.map((e) => {
    const q = rateRow(byParticipants, e.outcome);
    return `| ${e.outcome} | ${e.count} | ${e.count}/${e.denominator} = ${pct(e.rate)} (${pct(e.lower)}–${pct(e.upper)}) | ${q ? `${q.count}/${q.denominator} = ${pct(q.rate)}` : "—"} | ${e.target === undefined ? "—" : pct(e.target, 0)} | ${e.meetsTarget === undefined ? "—" : e.meetsTarget ? "yes" : "no"} |`;
  }),
  "",
  `The report's "50 % av deltakerne" (work and education) is 42 of the 84 planned exits; of the ${p.unique} participants it is ${pct(42 / (p.unique ?? 1))}.`,
  "",
);

// ---------------------------------------------------------------------------------------------------
// 2. The programme theory
// ---------------------------------------------------------------------------------------------------
const programmeTheory =
  datasets.theories.find((t) => t.id === "nora") ?? datasets.theories.find((t) => t.id === "nibr-kystbyen");
if (!programmeTheory) throw new Error("no programme theory in @tiltak/datasets");
const theoryCheck = theory.checkTheory(programmeTheory);
const errors = theoryCheck.findings.filter((f) => f.severity === "error");
const theorySvg = await plot.theorySvg(programmeTheory);
await writeFile(join(outDir, "theory.svg"), theorySvg);
say();
say(`2. Programme theory: ${programmeTheory.title} (${programmeTheory.id})`);
say(
  `   ${programmeTheory.nodes.length} elements, ${programmeTheory.links.length} links, ${programmeTheory.indicators.length} indicators; checkTheory: ${errors.length} errors, ${theoryCheck.findings.length - errors.length} warnings/notes`,
);
say(`   diagram: ${join(outDir, "theory.svg")}`);
md.push(
  "## 2. The programme theory",
  "",
  `${programmeTheory.title} (\`${programmeTheory.id}\`): ${programmeTheory.nodes.length} elements, ${programmeTheory.links.length} links, ${programmeTheory.indicators.length} indicators. \`checkTheory\`: ${errors.length} errors, ${theoryCheck.findings.length - errors.length} other findings.`,
  "",
  "![programme theory](theory.svg)",
  "",
);

// ---------------------------------------------------------------------------------------------------
// 3. Sample size for a pilot on the main outcome
// ---------------------------------------------------------------------------------------------------
const control = work.rate; // 27/84: today's exit-to-work share
const hoped = 0.45; // the smallest improvement worth finding: 32 % → 45 %
const h = power.cohenH(hoped, control);
const pilot = power.twoProportions({ h, power: 0.8, sigLevel: 0.05, alternative: "two-sided" });
const perArm = Math.ceil(pilot.n);
const years = (2 * perArm) / (p.newReferrals ?? 1);
const toTarget = power.twoProportions({ h: power.cohenH(0.6, control), power: 0.8, sigLevel: 0.05 });
say();
say("3. Sample size for a pilot (exit to work, NorA vs usual follow-up)");
say(
  `   control ${pct(control)} (NorA 2024) vs ${pct(hoped, 0)}: Cohen's h = ${h.toFixed(3)}; two-sided α = 0.05, power 0.8`,
);
say(
  `   → ${perArm} per arm, ${2 * perArm} in all (pwr.2p.test n = ${pilot.n.toFixed(2)}): ${years.toFixed(1)} years of referrals at ${p.newReferrals} a year`,
);
say(
  `   (a jump to the 60% target itself would need ${Math.ceil(toTarget.n)} per arm; realistic effects need pooled years or sites)`,
);
const curveRows = power.powerCurve(
  power.twoProportions,
  { h, sigLevel: 0.05 },
  {
    vary: "n",
    from: 10,
    to: 300,
    points: 30,
    integer: true,
  },
);
const curveSvg = await plot.renderSvg(
  plot.powerCurve(curveRows, {
    title: `NorA pilot: power to detect ${pct(control, 0)} → ${pct(hoped, 0)} exits to work`,
    xTitle: "Participants per arm",
  }),
);
await writeFile(join(outDir, "power-curve.svg"), curveSvg);
say(`   power curve: ${join(outDir, "power-curve.svg")}`);
md.push(
  "## 3. Sample size for a pilot",
  "",
  `Main outcome: exit to work. Control rate ${pct(control)} (NorA 2024, 27 of 84 planned exits); the smallest improvement worth detecting is to ${pct(hoped, 0)} (Cohen's h = ${h.toFixed(3)}). With a two-sided test at α = 0.05 and power 0.8 (\`power.twoProportions\`, as R \`pwr.2p.test\`), the pilot needs **${perArm} participants per arm** (${2 * perArm} in all): ${years.toFixed(1)} years of NorA's referrals at ${p.newReferrals} a year. Detecting a jump all the way to the 60 % target would need ${Math.ceil(toTarget.n)} per arm; effects of realistic size need several years or sites pooled.`,
  "",
  "Caution: the rate is a share of planned exits; a trial's outcome is measured on everyone randomised, where the rate is lower (27 of 221 participants), so a real protocol should fix the outcome's denominator first.",
  "",
  "![power curve](power-curve.svg)",
  "",
);

// ---------------------------------------------------------------------------------------------------
// 4. A stratified allocation list, its sealed certificate and its public commitment
// ---------------------------------------------------------------------------------------------------
// The seed below is fixed so that this script prints the rows docs/guides/quickstart.md shows. It is a
// guessable seed (words and a year): for a real trial, whose list must stay concealed until each slot is
// used, take the seed from allocate.newSeed() (or `tiltak allocate seed`) and keep it sealed. The result
// then warns about this seed in `list.warnings`.
// 60 of NorA's 91 referrals in 2024 were women (NorA annual report 2024, «Resultater 2024»): every stratum gets as many slots as the
// larger gender's strata need, so no stratum runs out before the pilot is full.
const womenShare = 60 / 91;
const plan = {
  design: "blocked" as const,
  arms: ["NorA", "usual follow-up"],
  strata: { gender: ["F", "M"], route: ["KVP", "social assistance"] },
  size: Math.ceil((2 * perArm * womenShare) / 2), // the women's two strata must hold their share of the pilot
  blockSizes: [2, 4, 6],
  seed: "nora-pilot-2025",
  title: "NorA pilot: allocation list for new referrals, stratified by gender and income route",
};
const list = await allocate.allocationList(plan);
// What is published before recruitment: the commitment (HMAC-SHA256 keyed by a secret salt), never the
// seed, the salt or the digest. Its value changes on every run (a fresh salt); the list does not.
const published = allocate.publicCommitment(list);
// After unblinding, the sealed certificate is revealed and anyone checks it against the publication.
const verified = await allocate.verifyAllocation(list, { commitment: published.commitment });
await writeFile(join(outDir, "allocation.csv"), allocate.allocationCsv(list));
await writeFile(
  join(outDir, "allocation.sealed.json"),
  `${JSON.stringify({ plan: list.plan, meta: list.meta }, null, 2)}\n`,
);
await writeFile(join(outDir, "allocation.commitment.json"), `${JSON.stringify(published, null, 2)}\n`);
const armCounts = new Map<string, number>(plan.arms.map((arm) => [arm, 0]));
for (const row of list.rows) armCounts.set(row.arm, (armCounts.get(row.arm) ?? 0) + 1);
say();
say("4. Stratified allocation list");
say(
  `   ${list.rows.length} slots in 4 strata (gender × route), permuted blocks of ${plan.blockSizes.join("/")}: ${[...armCounts].map(([arm, n]) => `${arm} ${n}`).join(", ")}`,
);
say(
  `   seed "${list.meta.seed}" (${list.meta.algorithm}; fixed to reproduce this guide); verified against the published commitment: ${verified.ok}`,
);
say(
  `   list: ${join(outDir, "allocation.csv")}; sealed: allocation.sealed.json; publish: allocation.commitment.json`,
);
md.push(
  "## 4. A stratified allocation list",
  "",
  `${list.rows.length} slots in 4 strata (gender × income route), permuted blocks of ${plan.blockSizes.join(", ")}; ${[...armCounts].map(([arm, n]) => `${arm} ${n}`).join(", ")}. Seed \`${list.meta.seed}\`, algorithm \`${list.meta.algorithm}\`.`,
  "",
  `Publish the commitment before recruitment ([allocation.commitment.json](allocation.commitment.json): \`${published.commitment}\`, HMAC-SHA256 keyed by a secret salt); keep the seed, the salt and the digest sealed ([allocation.sealed.json](allocation.sealed.json)) until the list is revealed. Then anyone can recompute the list from the plan and seed and check it against the commitment (\`allocate.verifyAllocation\`: ${verified.ok ? "ok" : "FAILED"}).`,
  "",
  "First rows of the list ([allocation.csv](allocation.csv)):",
  "",
  "| sequence | stratum | block | block size | arm |",
  "|---:|---|---:|---:|---|",
  ...list.rows
    .slice(0, 6)
    .map((row) => `| ${row.sequence} | ${row.stratum} | ${row.block} | ${row.blockSize} | ${row.arm} |`),
  "",
);

await writeFile(join(outDir, "report.md"), `${md.join("\n")}\n`);
say();
say(
  `report: ${join(outDir, "report.md")} (with theory.svg, power-curve.svg, allocation.csv, allocation.sealed.json, allocation.commitment.json)`,
);
if (!verified.ok) process.exit(1);
