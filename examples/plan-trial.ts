// Plan two trials with one call each, from programme theory to protocol and analysis (@tiltak/plan), in
// place of the hand wiring an earlier example (plan-pilot.ts) did step by step:
//
//   1. NorA (Norsk og Arbeid, Bergen): individuals randomised, binary outcome "exit to paid work", the
//      baseline 27 of 84 planned exits from the nora-2024 record, powered for 45 % (the theory's target is
//      60 %), 20 % attrition, stratified by NAV office.
//   2. Kystbyen (mother-tongue support in Norwegian training, NIBR-rapport 2020:13 chapter 9): whole classes
//      randomised within centre, oral test score (continuous, MDES 0.5 SD), ICC 0.15, classes of 12.
//
// For each: the plan (JSON), the SPIRIT protocol sections in English and bokmål, the power curve, and a
// dress rehearsal of the analysis on simulated outcomes (analyseTrial with its randomisation inference).
//
//   node scripts/run-examples.mjs plan-trial
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { allocate, core, datasets, plan as planning, plot } from "tiltak";

const quiet = process.env.TILTAK_EXAMPLE_QUIET === "1";
const say = (line = ""): void => {
  if (!quiet) console.log(line);
};
const outDir = join("examples", "output", "plan-trial");
await mkdir(outDir, { recursive: true });

const noraRecord = datasets.programmeYears.find((record) => record.id === "nora-2024");
const noraTheory = datasets.theories.find((theory) => theory.id === "nora");
const kystbyen = datasets.theories.find((theory) => theory.id === "nibr-kystbyen");
if (!noraRecord || !noraTheory || !kystbyen)
  throw new Error("nora-2024, nora or nibr-kystbyen is missing from datasets");

// Seeds for concealed lists must be unguessable: newSeed() draws one from Web Crypto. (A new seed every run:
// the arms differ from run to run, the numbers of the plan do not.)
const seedFor = (): string => allocate.newSeed();

// 1. NorA ---------------------------------------------------------------------------------------------
const nora = await planning.planTrial({
  theory: noraTheory,
  outcome: { indicator: "indicator-exits-to-work", name: "exit to paid work", kind: "binary" },
  baseline: { record: noraRecord, outcome: "work", denominator: "exits" },
  effect: { rate: 0.45 },
  design: {
    kind: "individual",
    arms: ["NorA", "usual follow-up"],
    strata: { office: ["Årstad", "Fana", "Ytrebygda"] },
  },
  power: 0.8,
  attrition: 0.2,
  seed: seedFor(),
});
const noraSize = nora.sampleSize;
say(
  `1. NorA — ${nora.outcome.name}: baseline ${nora.baseline.count}/${nora.baseline.denominator}, target ${nora.effect.rate}`,
);
say(
  `   power.${noraSize.call.fn}(${JSON.stringify(noraSize.call.options)}) → n = ${noraSize.perArm.toFixed(2)} per arm; recruit ${noraSize.recruitPerArm} per arm (${noraSize.recruitTotal} in all, ${noraSize.attrition * 100} % attrition)`,
);
const noraVerified = await allocate.verifyAllocation(nora.allocation, {
  commitment: nora.commitment.commitment,
});
say(
  `   list: ${nora.allocation.rows.length} slots in 3 strata; published commitment ${nora.commitment.commitment.slice(0, 16)}…, verified against it: ${noraVerified.ok}`,
);
for (const warning of nora.warnings) say(`   warning: ${warning}`);
say(`   readiness for an RCT: ${nora.readiness?.assessment.rct.verdict} (ready: ${nora.readiness?.ready})`);

// 2. Kystbyen ------------------------------------------------------------------------------------------
const centres = ["Kystbyen", "Centre B", "Centre C"];
const classes = Array.from({ length: 36 }, (_, i) => ({
  id: `class-${String(i + 1).padStart(2, "0")}`,
  centre: centres[i % centres.length] as string,
}));
const kystbyenTrial = {
  theory: kystbyen,
  readiness: {
    comparator: "treatment-as-usual" as const,
    deliveredTo: "groups" as const,
    contaminationRisk: "low" as const,
    followUpMonths: 12,
  },
  outcome: { name: "oral Norwegian test score", kind: "continuous" as const },
  baseline: { sd: 1, source: "standardised score" },
  effect: { d: 0.5 },
  design: {
    kind: "cluster" as const,
    arms: ["mother-tongue support", "usual teaching"],
    clusterSize: 12,
    icc: 0.15,
    strata: ["centre"],
  },
  attrition: 0.2,
};
// The number of classes is known only once the sample size is: size the trial first (without units it makes a
// list of class slots), then allocate exactly that many known classes, within centre.
const sizing = await planning.planTrial({
  ...kystbyenTrial,
  design: { ...kystbyenTrial.design, strata: undefined },
  seed: seedFor(),
});
const needed = sizing.sampleSize.clusters as number;
const kystPlan = await planning.planTrial({
  ...kystbyenTrial,
  units: classes.slice(0, needed),
  seed: seedFor(),
});
const kystSize = kystPlan.sampleSize;
say();
say(`2. Kystbyen — classes randomised within centre`);
say(
  `   power.${kystSize.call.fn}(${JSON.stringify(kystSize.call.options)}) → J = ${kystSize.total.toFixed(2)}; ${kystSize.clustersPerArm} classes per arm, ${kystSize.recruitPerCluster} learners recruited per class (${kystSize.recruitTotal} in all)`,
);
say(
  `   allocation verified against its commitment: ${(await allocate.verifyAllocation(kystPlan.allocation, { commitment: kystPlan.commitment.commitment })).ok}`,
);

// Protocols and pictures -------------------------------------------------------------------------------
for (const [name, trial] of [
  ["nora", nora],
  ["kystbyen", kystPlan],
] as const) {
  for (const lang of ["en", "nb"] as const)
    await writeFile(join(outDir, `${name}-protocol.${lang}.md`), planning.toProtocol(trial, { lang }));
  await writeFile(join(outDir, `${name}-power.svg`), await plot.renderSvg(plot.planSummary(trial)));
  // The plan holds the seed and salt in allocation.meta: it is the sealed record, not for publication.
  await writeFile(join(outDir, `${name}-plan.sealed.json`), `${JSON.stringify(trial, null, 2)}\n`);
  await writeFile(join(outDir, `${name}-commitment.json`), `${JSON.stringify(trial.commitment, null, 2)}\n`);
}

// A dress rehearsal of the analyses on simulated outcomes ---------------------------------------------
const rng = core.createRng("plan-trial-example-outcomes");
const noraUnits = planning.allocatedUnits(nora);
const recruited = new Map<string, number>();
const noraData = noraUnits.flatMap((unit) => {
  const seen = recruited.get(unit.stratum) ?? 0;
  if (seen >= Math.ceil(noraSize.recruitTotal / 3)) return [];
  recruited.set(unit.stratum, seen + 1);
  if (rng.uniform() < noraSize.attrition) return [];
  const rate = unit.arm === "NorA" ? 0.45 : (nora.baseline.rate as number);
  return [{ unitId: unit.unitId, outcome: rng.uniform() < rate ? 1 : 0 }];
});
const noraResult = planning.analyseTrial(nora, noraData, { reps: 2000, seed: "nora-rehearsal" });
const kystData = planning.allocatedUnits(kystPlan).flatMap((unit) => {
  const classEffect = 0.39 * rng.normal();
  return Array.from({ length: 12 }, (_, j) => ({
    unitId: `${unit.unitId}-learner-${j + 1}`,
    cluster: unit.unitId,
    outcome: (unit.arm === "mother-tongue support" ? 0.5 : 0) + classEffect + 0.92 * rng.normal(),
  }));
});
const kystResult = planning.analyseTrial(kystPlan, kystData, { reps: 2000, seed: "kystbyen-rehearsal" });
const show = (result: typeof noraResult): string =>
  `${result.estimate.measure} ${result.estimate.value.toFixed(3)} [${result.estimate.lower.toFixed(3)}, ${result.estimate.upper.toFixed(3)}], p = ${result.p.toFixed(4)} (${result.test}); randomisation p = ${result.randomisation.p.toFixed(4)} ± ${result.randomisation.mcError.toFixed(4)}${result.randomisation.exact ? " (exact)" : ` (${result.randomisation.reps} re-draws)`}`;
say();
say(`3. Dress rehearsal on simulated outcomes`);
say(`   NorA (${noraData.length} analysed): ${show(noraResult)}`);
say(`   Kystbyen (${kystData.length} learners): ${show(kystResult)}`);
await writeFile(
  join(outDir, "rehearsal.json"),
  `${JSON.stringify({ nora: noraResult, kystbyen: kystResult }, null, 2)}\n`,
);
say();
say(`protocols, power curves, sealed plans and the rehearsal: ${outDir}`);
if (!noraVerified.ok) process.exit(1);
