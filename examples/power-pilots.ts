// Power for two pilots of the kind NIBR-rapport 2020:13 describes (chapters 5–12):
//
//   A. a Kystbyen-style whole-class intervention (mother-tongue support that works best when the whole
//      class gets it, chapter 9): classes of about 15, randomised whole, ICC 0.05-0.10;
//   B. a Stranna-style oversubscribed course (about two-thirds of applicants rejected, chapter 11):
//      an individual lottery among eligible applicants, the others get ordinary follow-up.
//
// It prints the plans and writes two power curves as SVG through @tiltak/plot.
//
//   node scripts/run-examples.mjs power-pilots
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as plot from "@tiltak/plot";
import * as power from "@tiltak/power";

const outDir = join("examples", "output", "power-pilots");
await mkdir(outDir, { recursive: true });
const say = (line = ""): void => console.log(line);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

// A. Whole-class intervention -----------------------------------------------------------------------
// Planning values (assumptions): 15 learners per class, ICC 0.05 (optimistic) or 0.10 (cautious) for the
// oral Norwegian test score, the intake mapping explaining 30 % of learner-level variance, half the
// classes treated, two-sided α = 0.05, power 0.8, and an effect worth detecting of 0.4 SD.
say("A. Whole-class intervention (Kystbyen-style): classes of 15, randomised whole");
const clusterSize = 15;
for (const icc of [0.05, 0.1]) {
  const deff = power.designEffect({ clusterSize, icc });
  const deffUnequal = power.designEffect({ clusterSize, icc, cv: 0.3 });
  const plan = power.clusterRandomised({ icc, clusterSize, r2Individual: 0.3, mdes: 0.4, power: 0.8 });
  say(
    `   ICC ${icc}: design effect ${deff.toFixed(2)} (${deffUnequal.toFixed(2)} if class sizes vary with cv 0.3); ` +
      `MDES 0.4 SD needs J = ${plan.clusters.toFixed(2)} → ${plan.clustersRecruit} classes, ${(plan.clustersRecruit ?? 0) * clusterSize} learners`,
  );
  const eight = power.clusterRandomised({ icc, clusterSize, r2Individual: 0.3, clusters: 8, power: 0.8 });
  say(
    `      with the 8 classes two centres can offer in a year, the MDES is ${eight.mdes.toFixed(2)} SD (df ${eight.df})`,
  );
}
// A binary outcome, e.g. passing the oral test at A2 or better: 50 % → 70 %.
const binary = power.clusterProportions({ p1: 0.5, p2: 0.7, clusterSize, icc: 0.1, power: 0.8 });
say(
  `   pass rate 50 % → 70 % (ICC 0.10): ${binary.clustersRecruit} classes (design effect ${binary.designEffect.toFixed(2)}, ` +
    `effective n ${binary.effectiveN.toFixed(0)} per arm)`,
);
const check = power.simulatePower({
  simulate: power.twoArmSimulator({
    outcome: "binary",
    clusters: binary.clustersRecruit ?? 0,
    clusterSize,
    icc: 0.1,
    p1: 0.5,
    p2: 0.7,
  }),
  reps: 2000,
  seed: "power-pilots-kystbyen",
});
say(
  `   simulated (beta-binomial classes, t test on class proportions, 2000 replicates): power ${check.power.toFixed(3)} ` +
    `(95 % CI ${check.ci[0].toFixed(3)}-${check.ci[1].toFixed(3)})`,
);
const classRows = power.powerCurve(
  power.clusterRandomised,
  { clusterSize, r2Individual: 0.3, mdes: 0.4 },
  {
    vary: "clusters",
    from: 6,
    to: 60,
    points: 55,
    integer: true,
    series: { vary: "icc", values: [0.05, 0.1] },
  },
);
const classSvg = join(outDir, "classes-power-curve.svg");
await writeFile(
  classSvg,
  await plot.renderSvg(
    plot.powerCurve(classRows, {
      title: "Whole-class design: power for 0.4 SD by number of classes",
      xTitle: "classes",
    }),
  ),
);
say(`   power curve: ${classSvg}`);

// B. Oversubscribed course lottery ----------------------------------------------------------------------
say();
say("B. Course lottery (Stranna-style): 90 eligible referrals a year, half drawn to the course");
// "With 90 referrals a year for two years, what difference can we detect?" 180 applicants, 90 per arm.
const perArm = 90;
const mdes = power.tTest({ n: perArm, power: 0.8 });
say(
  `   standardised difference detectable with ${perArm} per arm: d = ${mdes.d.toFixed(3)} (power 0.8, two-sided)`,
);
const p2 = power.proportions({ n: perArm, p1: 0.3, power: 0.8 });
say(`   transition to upper secondary 30 % under ordinary follow-up: detectable ${pct(p2.p2)} or more`);
// Places are limited: with 20 places for 30 applicants per run the lottery is 2:1, not 1:1.
const unequal = power.twoProportions2n({ h: power.cohenH(0.5, 0.3), n1: 120, n2: 60 });
say(`   a 2:1 lottery (120 course, 60 control) for 30 % → 50 %: power ${unequal.power.toFixed(3)}`);
// Attrition: the report counts 25 → 17 in one run; plan for 20 % lost.
const needed = power.proportions({ p1: 0.3, p2: 0.5, power: 0.8 });
say(
  `   30 % → 50 % needs ${needed.nRecruit} per arm analysed; with 20 % attrition recruit ` +
    `${power.inflateForAttrition({ n: needed.nRecruit ?? 0, attrition: 0.2 })} per arm`,
);
const lotteryRows = power.powerCurve(
  power.proportions,
  { p1: 0.3 },
  {
    vary: "n",
    from: 20,
    to: 200,
    points: 37,
    integer: true,
    series: { vary: "p2", values: [0.45, 0.5, 0.6] },
  },
);
const lotterySvg = join(outDir, "lottery-power-curve.svg");
await writeFile(
  lotterySvg,
  await plot.renderSvg(
    plot.powerCurve(lotteryRows, {
      title: "Course lottery: power against applicants per arm",
      xTitle: "per arm",
    }),
  ),
);
say(`   power curve: ${lotterySvg}`);
say();
say(`wrote ${outDir}`);
