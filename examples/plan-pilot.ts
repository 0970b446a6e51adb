// Plan a pilot: from the «Kystbyen» programme theory (mother-tongue support in Norwegian training,
// NIBR-rapport 2020:13, chapter 9) to a cluster-randomised design.
//
// The report says mother-tongue support works best when the whole class gets it at once (NIBR-rapport 2020:13, chapter 9,
// «Kystbyen»): randomising learners within a class would both contaminate the control
// group and break the model, so the unit of randomisation is the class. One centre has about 50
// spor 1 learners a year (chapter 9), so a trial needs several centres.
//
//   1. readiness: is the theory ready for a pilot or a trial? (theory.assessReadiness)
//   2. design effect of randomising classes of ~12 learners (power.designEffect)
//   3. the number of classes needed (power.clusterRandomised, as PowerUp! CRA2)
//   4. allocation of classes to arms, stratified by centre, with a verifiable commitment (allocate)
//
//   node scripts/run-examples.mjs plan-pilot
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { allocate, datasets, plot, power, theory } from "tiltak";

const outDir = join("examples", "output", "plan-pilot");
await mkdir(outDir, { recursive: true });
const say = (line = ""): void => console.log(line);
const md: string[] = [];

const kystbyen = datasets.theories.find((t) => t.id === "nibr-kystbyen");
if (!kystbyen) throw new Error("nibr-kystbyen is missing from @tiltak/datasets");
say(`plan a pilot — ${kystbyen.title} (${kystbyen.id})`);

// 1. Readiness --------------------------------------------------------------------------------------
// Planning values (assumptions, stated here once): classes of about 12 learners (Kystbyen admitted 15,
// 13 sat the oral test), intra-class correlation 0.15 for test scores, the intake mapping (level,
// earlier tests; chapter 9) explaining 30 % of learner-level variance, class sizes varying with cv 0.25.
const clusterSize = 12;
const icc = 0.15;
const r2Individual = 0.3;
const cv = 0.25;
const mdes = 0.5;
const solved = power.clusterRandomised({
  icc,
  clusterSize,
  clusters: null,
  treatedShare: 0.5,
  r2Individual,
  mdes,
  power: 0.8,
  sigLevel: 0.05,
});
const classes = solved.clustersRecruit ?? Math.ceil(solved.clusters);
const learners = classes * clusterSize;
// Kystbyen lost 3 of its 15 learners (NIBR-rapport 2020:13, chapter 9): plan for 20 % attrition.
const attrition = 0.2;
const recruit = power.inflateForAttrition({ n: learners, attrition });
// About 50 spor 1 learners a year in one centre (chapter 9), recruiting over two school years.
const eligiblePerYear = 50;
const sites = Math.ceil(recruit / (eligiblePerYear * 2));
const readiness = theory.assessReadiness(kystbyen, {
  requiredSampleSize: recruit,
  eligiblePerPeriod: eligiblePerYear,
  periods: 2,
  sites,
  comparator: "treatment-as-usual",
  randomisationUnit: "class",
  deliveredTo: "groups",
  contaminationRisk: "low",
  participantsAware: true,
  followUpMonths: 12,
});
say();
say(
  `1. Readiness (NIBR template): pilot ${readiness.pilot.verdict} (${readiness.pilot.met}/${readiness.pilot.total} met), RCT ${readiness.rct.verdict} (${readiness.rct.met}/${readiness.rct.total} met)`,
);
for (const item of readiness.items) {
  const evidence = item.evidence.length > 88 ? `${item.evidence.slice(0, 87)}…` : item.evidence;
  say(`   ${item.status.padEnd(8)} ${item.item.padEnd(19)} ${evidence}`);
}
if (readiness.rct.blocking.length > 0) say(`   blocking an RCT: ${readiness.rct.blocking.join(", ")}`);
md.push(
  `# Plan a pilot: ${kystbyen.title}`,
  "",
  `Theory \`${kystbyen.id}\`. Mother-tongue support is delivered to the whole class at once, so the class is the unit of randomisation; the comparison is ordinary Norwegian teaching.`,
  "",
  "## 1. Readiness",
  "",
  `Pilot: **${readiness.pilot.verdict}** (${readiness.pilot.met} of ${readiness.pilot.total} items met). RCT: **${readiness.rct.verdict}** (${readiness.rct.met} of ${readiness.rct.total})${readiness.rct.blocking.length > 0 ? `; blocking: ${readiness.rct.blocking.join(", ")}` : ""}.`,
  "",
  "| item | status | evidence | next step |",
  "|---|---|---|---|",
  ...readiness.items.map((item) => `| ${item.item} | ${item.status} | ${item.evidence} | ${item.next} |`),
  "",
);

// 2. Design effect ----------------------------------------------------------------------------------
const deff = power.designEffect({ clusterSize, icc });
const deffUnequal = power.designEffect({ clusterSize, icc, cv });
say();
say(
  `2. Design effect: 1 + (m − 1)·ρ = 1 + ${clusterSize - 1}·${icc} = ${deff.toFixed(2)}; with unequal classes (cv ${cv}) ${deffUnequal.toFixed(2)}`,
);

// 3. Classes needed ---------------------------------------------------------------------------------
const individual = power.tTest({ d: mdes, power: 0.8, sigLevel: 0.05, type: "two-sample" });
const perArm = Math.ceil(individual.n);
const achieved = power.clusterRandomised({
  icc,
  clusterSize,
  clusters: classes,
  r2Individual,
  mdes,
  power: null,
});
say();
say(
  `3. Classes needed for an MDES of ${mdes} SD (power 0.8, two-sided α 0.05, ICC ${icc}, learner-level R² ${r2Individual}): J = ${solved.clusters.toFixed(2)} → ${classes} classes, ${learners} learners`,
);
say(
  `   power with ${classes} classes: ${achieved.power.toFixed(3)}; individually randomised it would take ${perArm} per arm (${2 * perArm} in all), ×${deff.toFixed(2)} ≈ ${Math.ceil(2 * perArm * deff)} before the covariate`,
);
say(
  `   with ${100 * attrition} % attrition (Kystbyen lost 3 of 15, NIBR 2020:13 chapter 9): recruit ${recruit} learners (${classes} classes of ~${Math.round(recruit / classes)} at the start); at ~${eligiblePerYear} spor 1 learners a year per centre, ${sites} centres over 2 school years`,
);
const curve = power.powerCurve(
  power.clusterRandomised,
  { icc, clusterSize, r2Individual, mdes },
  { vary: "clusters", from: 6, to: 40, points: 35, integer: true },
);
const curveSpec = plot.powerCurve(curve, {
  title: `Power by number of classes (m = ${clusterSize}, ICC ${icc}, MDES ${mdes} SD)`,
  xTitle: "Classes randomised (both arms)",
});
await writeFile(join(outDir, "power-curve.svg"), await plot.renderSvg(curveSpec));
say(`   power curve: ${join(outDir, "power-curve.svg")}`);
md.push(
  "## 2. Design effect",
  "",
  `Classes of m = ${clusterSize}, intra-class correlation ρ = ${icc} (a planning value; the report gives none): design effect 1 + (m − 1)ρ = **${deff.toFixed(2)}**; with unequal class sizes (cv ${cv}) 1 + ((cv² + 1)m − 1)ρ = **${deffUnequal.toFixed(2)}**.`,
  "",
  "## 3. Number of classes",
  "",
  `Two-level cluster-randomised design (\`power.clusterRandomised\`, as PowerUp! CRA2), half the classes treated, the intake mapping as a learner-level covariate (R² = ${r2Individual}). To detect ${mdes} SD on the oral Norwegian test with power 0.8 at α = 0.05 (two-sided) takes **${classes} classes** (J = ${solved.clusters.toFixed(2)}), ${learners} learners; with ${classes} classes the power is ${achieved.power.toFixed(3)}. Individually randomised, ${2 * perArm} learners would do, but the model cannot be given to half a class. Kystbyen lost 3 of its 15 learners (NIBR-rapport 2020:13, chapter 9); with ${100 * attrition} % attrition, recruit **${recruit} learners** (\`power.inflateForAttrition\`): about ${eligiblePerYear} spor 1 learners a year per centre means ${sites} centres over two school years.`,
  "",
  "![power by number of classes](power-curve.svg)",
  "",
);

// 4. Allocation of classes --------------------------------------------------------------------------
const centres = [
  "Kystbyen",
  "Centre B",
  "Centre C",
  "Centre D",
  "Centre E",
  "Centre F",
  "Centre G",
  "Centre H",
].slice(0, sites);
const units = Array.from({ length: classes }, (_, index) => ({
  id: `class-${String(index + 1).padStart(2, "0")}`,
  centre: centres[index % centres.length] as string,
}));
// All classes are allocated at once, in one go, so there is no sequence to conceal, and the seed is fixed
// so that the printed allocation can be reproduced. A list used slot by slot during recruitment must
// instead take its seed from allocate.newSeed() (see examples/allocate-trial.ts).
const allocation = await allocate.allocate(
  {
    design: "cluster",
    cluster: "id",
    strata: ["centre"],
    arms: ["mother-tongue support", "usual teaching"],
    seed: "kystbyen-pilot-2025",
    title: "Kystbyen pilot: classes to mother-tongue support or usual teaching, within centre",
  },
  units,
);
// Published: the commitment (HMAC-SHA256 keyed by the secret salt), not the digest or the seed.
const published = allocate.publicCommitment(allocation);
const verified = await allocate.verifyAllocation(allocation, { commitment: published.commitment });
await writeFile(join(outDir, "allocation.csv"), allocate.allocationCsv(allocation));
await writeFile(
  join(outDir, "allocation.sealed.json"),
  `${JSON.stringify({ plan: allocation.plan, meta: allocation.meta }, null, 2)}\n`,
);
await writeFile(join(outDir, "allocation.commitment.json"), `${JSON.stringify(published, null, 2)}\n`);
say();
say(
  `4. Allocation of ${classes} classes in ${centres.length} centres (stratified by centre, seed "${allocation.meta.seed}")`,
);
for (const centre of centres) {
  const rows = allocation.rows.filter((row) => row.stratum === `centre=${centre}`);
  say(`   ${centre.padEnd(9)} ${rows.map((row) => `${row.unitId}: ${row.arm}`).join(", ")}`);
}
say(`   verified against the published commitment: ${verified.ok}`);
md.push(
  "## 4. Allocation of classes",
  "",
  `${classes} classes in ${centres.length} centres, randomised within centre (seed \`${allocation.meta.seed}\`, fixed so that this report can be reproduced; commitment in [allocation.commitment.json](allocation.commitment.json), verified: ${verified.ok}).`,
  "",
  "| class | centre | arm |",
  "|---|---|---|",
  ...allocation.rows.map(
    (row) => `| ${row.unitId} | ${(row.stratum ?? "").replace("centre=", "")} | ${row.arm} |`,
  ),
  "",
);
await writeFile(join(outDir, "report.md"), `${md.join("\n")}\n`);
say();
say(
  `report: ${join(outDir, "report.md")} (with power-curve.svg, allocation.csv, allocation.sealed.json, allocation.commitment.json)`,
);
if (!verified.ok) process.exit(1);
