/**
 * The figures and computed tables of the method pages of allocate, core, plan, power simulation, stats and
 * compare (flows, records, spells), drawn by the library when the site is built: every number in them is
 * computed here, on the pages' worked examples or on units drawn with the library's seeded generator.
 */
import {
  allocate,
  allocationList,
  balance,
  createMinimiser,
  publicCommitment,
  seedWeaknesses,
} from "@tiltak/allocate";
import { isNorwegianIdNumber } from "@tiltak/cli";
import { backSolveCount, outcomeRates, programmeYearsFromSpells } from "@tiltak/compare";
import { createRng, findRoot, formatNumber, formatPercent, isTiltakError } from "@tiltak/core";
import { programmeYears } from "@tiltak/datasets";
import { planTrial } from "@tiltak/plan";
import * as plot from "@tiltak/plot";
import { powerCurve, simulatePower, tTest, twoArmSimulator } from "@tiltak/power";
import {
  chiSquare,
  fisherExact,
  fisherF,
  noncentralT,
  normal,
  proportionCI,
  proportionDifferenceCI,
  studentT,
} from "@tiltak/stats";
import { computedTable, figure, fix, html, siteSvg } from "./figure-html.js";

const svg = siteSvg;
const code = (text: string): string => `<code>${html(text)}</code>`;

/** Participants arriving one by one, with the prognostic factors the pages stratify or minimise on. */
function arrivals(n: number, seed: string): { id: string; gender: string; office: string; age: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i + 1).padStart(3, "0")}`,
    gender: rng.uniform() < 0.55 ? "F" : "M",
    office: rng.uniform() < 0.5 ? "Bergen" : "Oslo",
    age: Math.round(38 + 10 * rng.normal()),
  }));
}

/** A stratum label as the list writes it (`gender=F;office=Bergen`), shortened for a chart's axis. */
const stratumText = (label: string): string =>
  label
    .split(";")
    .map((part) => part.split("=")[1] ?? part)
    .join(", ");

const countArms = (arms: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const arm of arms) counts.set(arm, (counts.get(arm) ?? 0) + 1);
  return counts;
};

/** The figures, by the key a page's ```` ```figure ```` block names. */
export async function methodFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  Object.assign(out, await allocationFigures());
  Object.assign(out, await coreFigures());
  Object.assign(out, await statsFigures());
  Object.assign(out, await powerAndPlanFigures());
  Object.assign(out, await compareFigures());
  return out;
}

async function allocationFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const arms = ["NorA", "usual"];

  // Which design when: four designs allocating the same 48 arrivals.
  const people = arrivals(48, "arrivals-2025");
  const seed = "design-comparison";
  const simple = (await allocate({ design: "simple", arms, seed }, people)).rows.map((r) => r.arm);
  const complete = (await allocate({ design: "complete", arms, seed }, people)).rows.map((r) => r.arm);
  const blocks = (await allocationList({ arms, blockSizes: [2, 4], size: 48, seed })).rows
    .slice(0, 48)
    .map((r) => r.arm);
  const minimiser = createMinimiser({ arms, factors: ["gender", "office"], pBest: 0.8, seed });
  const minimised = people.map((p) => minimiser.assign(p).arm);
  const designs: [string, string[]][] = [
    ["simple (a coin per unit)", simple],
    ["complete (exactly 24 each)", complete],
    ["permuted blocks of 2 and 4", blocks],
    ["minimisation (gender, office; pBest 0.8)", minimised],
  ];
  const finals = designs
    .map(([label, a]) => {
      const c = countArms(a);
      return `${label.split(" (")[0]} ${c.get("NorA") ?? 0}:${c.get("usual") ?? 0}`;
    })
    .join(", ");
  out["allocate-designs"] = figure(
    await svg(
      plot.allocationImbalance(
        designs.map(([label, a]) => ({ label, arms: a })),
        { title: "48 arrivals, one seed, four designs", yTitle: "|NorA − usual| so far" },
      ),
    ),
    `The same 48 arrivals allocated four ways with the seed ${code(seed)}: the difference between the arms after each arrival (${code("plot.allocationImbalance")}). Final counts NorA:usual — ${finals}. Complete randomisation is balanced only once everyone is allocated; blocks return to balance at the end of every block; minimisation keeps gender and office balanced as it goes.`,
  );

  // Allocation lists: the page's plan.
  const listPlan = {
    design: "blocked" as const,
    arms: [
      { name: "NorA", ratio: 2 },
      { name: "usual", ratio: 1 },
    ],
    strata: { gender: ["F", "M"], office: ["Bergen", "Oslo"] },
    blockSizes: [3, 6, 9],
    size: 40,
    seed: "nora-2025-pilot",
  };
  const list = await allocationList(listPlan);
  const slots = [...countArms(list.rows.map((r) => r.stratum))].map(([s, n]) => `${s}: ${n}`).join("; ");
  out["allocate-list-map"] = figure(
    await svg(
      plot.allocationMap(
        list.rows.map((r) => ({ ...r, stratum: stratumText(r.stratum) })),
        {
          arms,
          maxPerRow: 24,
          title: "The example list, first 24 slots",
          width: 340,
        },
      ),
    ),
    `The start of the list ${code("allocationList")} makes from the plan above, the whole blocks among each stratum's first 24 slots (${code("plot.allocationMap")}): one line per stratum, one cell per slot, each permuted block outlined. Every block holds exactly two NorA slots for each usual one, and every stratum is completed to whole blocks, so it has at least 40 slots (${slots}).`,
  );
  const { blockSizes: _sizes, design: _design, ...rest } = listPlan;
  const simpleList = await allocationList({ ...rest, design: "simple" });
  const maxOf = (rows: { arm: string; stratum: string }[]): number => {
    const spec = plot.allocationImbalance(
      [{ label: "x", arms: rows.map((r) => r.arm), groups: rows.map((r) => r.stratum) }],
      { arms, ratios: [2, 1] },
    ) as unknown as { data: { values: { imbalance: number }[] } };
    return Math.max(...spec.data.values.map((v) => v.imbalance));
  };
  out["allocate-list-imbalance"] = figure(
    await svg(
      plot.allocationImbalance(
        [
          {
            label: "permuted blocks of 3, 6, 9",
            arms: list.rows.map((r) => r.arm),
            groups: list.rows.map((r) => r.stratum),
          },
          {
            label: "simple (2:1 coin per slot)",
            arms: simpleList.rows.map((r) => r.arm),
            groups: simpleList.rows.map((r) => r.stratum),
          },
        ],
        {
          arms,
          ratios: [2, 1],
          title: "Imbalance along the list",
          xTitle: "Slots, stratum after stratum",
          yTitle: "Σ strata |NorA/2 − usual|",
        },
      ),
    ),
    `The same plan and seed as a blocked and as a simple list: the running imbalance Σ over strata of |n<sub>NorA</sub>/2 − n<sub>usual</sub>/1|. The blocked list never exceeds ${fix(maxOf(list.rows), 1)} (inside a block of b slots it can reach b/3: 3 for a block of 9) and is 0 at every block's end; the simple list reaches ${fix(maxOf(simpleList.rows), 1)}.`,
  );

  // Simple randomisation: the number of course places it gives 30 applicants, over 2000 seeds.
  const applicants = Array.from({ length: 30 }, (_, i) => ({ id: `a${i + 1}` }));
  const lottery = [
    { name: "course", ratio: 1 },
    { name: "usual", ratio: 2 },
  ];
  const placeCounts: number[] = [];
  for (let s = 0; s < 2000; s++) {
    const result = await allocate({ design: "simple", arms: lottery, seed: `lottery-${s}` }, applicants);
    placeCounts.push(result.rows.filter((r) => r.arm === "course").length);
  }
  const lo = Math.min(...placeCounts);
  const hi = Math.max(...placeCounts);
  const binomial = (k: number): number => {
    let log = 0;
    for (let i = 1; i <= k; i++) log += Math.log((30 - k + i) / i);
    return Math.exp(log + k * Math.log(1 / 3) + (30 - k) * Math.log(2 / 3));
  };
  const expected = Array.from({ length: hi - lo + 1 }, (_, i) => 2000 * binomial(lo + i));
  const mean = placeCounts.reduce((a, b) => a + b, 0) / placeCounts.length;
  const sd = Math.sqrt(placeCounts.reduce((a, b) => a + (b - mean) ** 2, 0) / (placeCounts.length - 1));
  const exactly10 = placeCounts.filter((c) => c === 10).length;
  out["allocate-simple"] = figure(
    await svg(
      plot.histogram(placeCounts, {
        discrete: true,
        domain: [lo, hi],
        expected,
        title: "Course places in 2000 lotteries",
        xTitle: "Applicants drawn for the course",
        yTitle: "Seeds",
      }),
    ),
    `How many of 30 applicants ${code("allocate")} with design ${code("simple")} sends to the course (ratio 1:2), for the seeds ${code("lottery-0")} … ${code("lottery-1999")} (${code("plot.histogram")}); dashed: the binomial(30, 1/3) expectation with its 95 % band. Mean ${fix(mean, 2)} (binomial 10), SD ${fix(sd, 2)} (binomial ${fix(Math.sqrt((30 * 2) / 9), 2)}); exactly 10 places in ${exactly10} of 2000 lists. Complete randomisation gives 10 every time.`,
  );

  // Complete randomisation: each unit's probability, N = 31, 1:2.
  const units31 = Array.from({ length: 31 }, (_, i) => ({ id: i + 1 }));
  const courseTimes = new Array<number>(31).fill(0);
  let elevens = 0;
  const seeds = 3000;
  for (let s = 0; s < seeds; s++) {
    const result = await allocate({ design: "complete", arms: lottery, seed: `complete-${s}` }, units31);
    let count = 0;
    result.rows.forEach((r, i) => {
      if (r.arm === "course") {
        courseTimes[i] = (courseTimes[i] as number) + 1;
        count++;
      }
    });
    if (count === 11) elevens++;
  }
  out["allocate-complete"] = figure(
    await svg(
      plot.intervals(
        courseTimes.map((x, i) => {
          const ci = proportionCI({ x, n: seeds });
          return { label: `unit ${i + 1}`, estimate: ci.estimate, lower: ci.lower, upper: ci.upper };
        }),
        {
          reference: 1 / 3,
          xTitle: "Share of 3000 lotteries (Wilson 95 %)",
          title: "Each unit's share of the course",
          rowHeight: 11,
          width: 380,
        },
      ),
    ),
    `${code("allocate")} with design ${code("complete")}, 31 units, course:usual 1:2, seeds ${code("complete-0")} … ${code("complete-2999")} (${code("plot.intervals")}). N·r/R = 10⅓: the course gets ⌊10⅓⌋ = 10 units plus the leftover with probability e/R = 1/3; it got 11 in ${elevens} of ${seeds} lists (${fix(elevens / seeds, 3)}), and each unit's share stays around 1/3 (dashed).`,
  );

  // Blocked: complete randomisation within office × gender.
  const intake = arrivals(40, "office-intake");
  const blocked = await allocate(
    { design: "blocked", arms, strata: ["office", "gender"], seed: "intake-2025" },
    intake,
  );
  const perStratum = new Map<string, Map<string, number>>();
  for (const r of blocked.rows) {
    const m = perStratum.get(r.stratum as string) ?? new Map<string, number>();
    m.set(r.arm, (m.get(r.arm) ?? 0) + 1);
    perStratum.set(r.stratum as string, m);
  }
  out["allocate-blocked"] = figure(
    await svg(
      plot.allocationMap(
        blocked.rows.map((r) => ({ ...r, stratum: stratumText(r.stratum as string) })),
        {
          arms,
          rowLabel: "count",
          title: "Arms within office × gender",
          width: 340,
          xTitle: "Participant in the stratum",
        },
      ),
    ),
    `${code('allocate({ design: "blocked", strata: ["office", "gender"], … })')} on 40 participants (${code("plot.allocationMap")}). NorA:usual per stratum — ${[
      ...perStratum,
    ]
      .map(([s, m]) => `${s} ${m.get("NorA") ?? 0}:${m.get("usual") ?? 0}`)
      .join(", ")}: within one of each other in every stratum, whatever the order of arrival.`,
  );

  // Cluster: classes of unequal size.
  const classRng = createRng("kystbyen-classes");
  const learners: { id: string; class: string }[] = [];
  for (let c = 1; c <= 12; c++) {
    const size = 6 + classRng.integer(13);
    for (let i = 0; i < size; i++)
      learners.push({ id: `k${c}-${i + 1}`, class: `class ${String(c).padStart(2, "0")}` });
  }
  const clusterArms = ["mother-tongue support", "ordinary teaching"];
  const clustered = await allocate(
    { design: "cluster", cluster: "class", arms: clusterArms, seed: "kystbyen-2025" },
    learners,
  );
  const learnersPerArm = countArms(clustered.rows.map((r) => r.arm));
  out["allocate-cluster"] = figure(
    await svg(
      plot.allocationMap(clustered.rows, {
        by: "cluster",
        sort: "arm",
        rowLabel: "count",
        arms: clusterArms,
        title: "12 classes randomised whole",
        width: 300,
        xTitle: "Learner",
      }),
    ),
    `${code('allocate({ design: "cluster", cluster: "class", … })')} on 12 classes of 6 to 18 learners (${code("plot.allocationMap")}, one line per class, its size in brackets). Each arm gets 6 classes, but ${clusterArms
      .map((a) => `${learnersPerArm.get(a) ?? 0} learners get ${a}`)
      .join(" and ")}: counts balance clusters, not units.`,
  );

  // Minimisation against simple randomisation, factor by factor, averaged over 200 intakes.
  const intakes = 200;
  const factorSeries: { label: string; design: string; arms: string[]; groups: string[] }[] = [];
  for (let s = 0; s < intakes; s++) {
    const rolling = arrivals(40, `rolling-intake-${s}`);
    const m = createMinimiser({ arms, factors: ["gender", "office"], pBest: 0.8, seed: `minimise-${s}` });
    const minArms = rolling.map((p) => m.assign(p).arm);
    const simpleArms = (await allocate({ design: "simple", arms, seed: `minimise-${s}` }, rolling)).rows.map(
      (r) => r.arm,
    );
    for (const factor of ["gender", "office"] as const)
      factorSeries.push(
        {
          label: factor,
          design: "minimisation, pBest 0.8",
          arms: minArms,
          groups: rolling.map((p) => p[factor]),
        },
        { label: factor, design: "simple", arms: simpleArms, groups: rolling.map((p) => p[factor]) },
      );
  }
  const minimisationSpec = plot.allocationImbalance(factorSeries, {
    arms,
    title: "Imbalance by factor, 200 intakes",
    yTitle: "mean Σ levels |NorA − usual|",
    xTitle: "Participants assigned",
  });
  const finalOf = (design: string, factor: string): string =>
    fix(
      (
        minimisationSpec as unknown as {
          data: { values: { series: string; design: string; sequence: number; imbalance: number }[] };
        }
      ).data.values.find((v) => v.series === factor && v.design.startsWith(design) && v.sequence === 40)
        ?.imbalance ?? Number.NaN,
      2,
    );
  out["allocate-minimisation"] = figure(
    await svg(minimisationSpec),
    `200 intakes of 40 arrivals with random gender and office, each minimised on both factors with pBest = 0.8 (seeds ${code("minimise-0")} … ${code("minimise-199")}) and allocated by a coin with the same seed (${code("plot.allocationImbalance")}): for each factor f, the mean over intakes of D<sub>f</sub>(t) = Σ<sub>levels</sub> |n<sub>NorA</sub> − n<sub>usual</sub>| after t participants. After 40: gender ${finalOf("minimisation", "gender")} against ${finalOf("simple", "gender")}, office ${finalOf("minimisation", "office")} against ${finalOf("simple", "office")}. Minimisation's imbalance stays near 2 all along; a coin's keeps growing, like √t.`,
  );

  // Verification: what is sealed, what is published.
  const vList = await allocationList({
    arms,
    strata: { office: ["Bergen", "Oslo"] },
    blockSizes: [2, 4],
    size: 40,
    seed: "kx7q3mzt5v2wbh4nyr6cpd2fja",
  });
  const published = publicCommitment(vList);
  const short = (hex: string): string => `${hex.slice(0, 8)}…${hex.slice(-4)}`;
  const dot = `digraph {
  rankdir=LR; bgcolor="transparent"; ranksep=0.3; nodesep=0.18;
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fillcolor="#f4f4f4", margin="0.08,0.04"];
  edge [fontname="Helvetica", fontsize=10, color="#555"];
  subgraph cluster_sealed { label="sealed certificate\n(the statistician, until revealed)"; fontname="Helvetica"; fontsize=11; style="rounded,dashed"; color="#c0392b";
    plan [label="plan: arms, strata,\nblock sizes 2 and 4"]; seed [label="seed\n${vList.meta.seed.slice(0, 8)}…"];
    salt [label="salt, 256 bits\n${short(vList.meta.salt)}"]; digest [label="digest SHA-256\n${short(vList.meta.digest)}"]; }
  list [label="list.csv\n${vList.rows.length} slots, used\none at a time,\nconcealed", fillcolor="#fff3cd"];
  subgraph cluster_public { label="published before\nrecruitment"; fontname="Helvetica"; fontsize=11; style="rounded"; color="#2e7d32";
    commitment [label="commitment\nHMAC-SHA256\n${short(published.commitment)}", fillcolor="#e8f5e9"];
    facts [label="arms ${published.arms.join(", ")}\nfactor ${published.factors.map((f) => f.name).join(", ")}\nlist size ${published.listSize}\n${published.algorithm}, tiltak ${published.tiltakVersion}", fillcolor="#e8f5e9"]; }
  plan -> list; seed -> list; list -> digest [label="SHA-256"]; list -> commitment [label="HMAC"]; salt -> commitment;
}`;
  out["allocate-verification"] = figure(
    await plot.renderDot(dot),
    `What is sealed and what is published, for a list made by ${code("allocationList")} with a seed from ${code("newSeed()")} (${code("plot.renderDot")}; the values are this list's own, shortened). The seed, the salt, the block sizes and the digest each let someone recompute or recognise the list, so they stay in the sealed certificate; ${code("publicCommitment(list)")} holds only the commitment and the facts on the right.`,
    "phone-scroll",
  );

  // Balance: standardised differences.
  const cohort = arrivals(120, "balance-units");
  const balanced = await allocate(
    { design: "blocked", arms, strata: ["office"], seed: "balance-example" },
    cohort,
  );
  const table = balance(balanced, cohort, ["age", "gender", "office"]);
  const rows = table.rows
    .filter((r) => r.arm !== table.reference && r.standardisedDifference !== null)
    .map((r) => ({
      label: r.level === null ? `${r.covariate} (mean)` : `${r.covariate} = ${r.level}`,
      estimate: r.standardisedDifference as number,
    }));
  out["allocate-balance"] = figure(
    await svg(
      plot.intervals(rows, {
        reference: 0,
        band: [-0.1, 0.1],
        xDomain: [-0.3, 0.3],
        xTitle: "Standardised difference, usual − NorA",
        title: "120 participants, blocked by office",
        width: 300,
      }),
    ),
    `${code("balance(result, units, ['age', 'gender', 'office'])")} for 120 participants allocated within office (${code("plot.intervals")}); the grey band is |d| < 0.1. Office is balanced by construction; age and gender are balanced only by chance (largest |d| ${fix(
      Math.max(...table.covariates.map((c) => c.maxAbsStandardisedDifference ?? 0)),
      3,
    )}).`,
  );

  // CLI: the checks the commands make, computed.
  const ids = [
    ["01010100131", "a fødselsnummer (11 digits, both check digits right)"],
    ["010101 00131", "the same, written with a space"],
    ["41010100125", "a D-number (day + 40)"],
    ["01010100132", "the last check digit wrong"],
    ["p-0001", "a pseudonymous id"],
    ["1234567", "a short number"],
  ];
  out["allocate-cli-ids"] = computedTable(
    ["cell in participants.csv", "what it is", "refused as a national identity number?"],
    ids.map(([cell, what]) => [
      code(cell as string),
      what as string,
      isNorwegianIdNumber(cell as string) ? "yes" : "no",
    ]),
    `${code("tiltak allocate units")} refuses a file with any cell that ${code("isNorwegianIdNumber")} (${code("@tiltak/cli")}) recognises; the last column was computed by it when this page was built.`,
  );
  const seedsToCheck = ["nora-2025-pilot", "20250101", "pilot", "kx7q3mzt5v2wbh4nyr6cpd2fja"];
  out["allocate-cli-seeds"] = computedTable(
    ["seed in plan.json", "warning printed by tiltak allocate list"],
    seedsToCheck.map((s) => {
      const weak = seedWeaknesses(s);
      return [code(s), weak.length === 0 ? "none" : `the seed ${weak.join(", ")}`];
    }),
    `The warnings come from ${code("seedWeaknesses(seed)")} (${code("@tiltak/allocate")}), computed when this page was built; the last seed is one ${code("tiltak allocate seed")} printed.`,
  );
  return out;
}

async function coreFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Random numbers: uniform() and normal() against their distributions.
  const n = 10000;
  const rng = createRng("nora-2025-pilot");
  const uniforms = Array.from({ length: n }, () => rng.uniform());
  const bins = 20;
  const counts = new Array<number>(bins).fill(0);
  for (const u of uniforms) counts[Math.floor(u * bins)] = (counts[Math.floor(u * bins)] as number) + 1;
  const x2 = counts.reduce((a, c) => a + (c - n / bins) ** 2 / (n / bins), 0);
  out["rng-uniform"] = figure(
    await svg(
      plot.histogram(uniforms, {
        bins,
        domain: [0, 1],
        expected: "uniform",
        title: `${n.toLocaleString("en")} draws of rng.uniform(), xor4096`,
        xTitle: "u",
        yTitle: "Draws per bin",
      }),
    ),
    `${code('createRng("nora-2025-pilot")')}: ${n.toLocaleString("en")} draws of ${code("uniform()")} in 20 bins (${code("plot.histogram")}), with the expected 500 per bin and its 95 % binomial band. Pearson's X² = ${fix(x2, 2)} on 19 df, p = ${fix(chiSquare.sf(x2, 19), 3)} (${code("chiSquare.sf")}).`,
  );
  const normals = Array.from({ length: n }, () => rng.normal());
  const edges = Array.from({ length: 33 }, (_, i) => -4 + i * 0.25);
  const expectedNormal = edges
    .slice(0, -1)
    .map((a, i) => n * (normal.cdf(edges[i + 1] as number) - normal.cdf(a)));
  out["rng-normal"] = figure(
    await svg(
      plot.histogram(normals, {
        bins: 32,
        domain: [-4, 4],
        expected: expectedNormal,
        title: `${n.toLocaleString("en")} draws of rng.normal()`,
        xTitle: "z",
        yTitle: "Draws per bin",
      }),
    ),
    `The next ${n.toLocaleString("en")} draws of the same generator, ${code("normal()")}, against n·(Φ(b) − Φ(a)) per bin (${code("normal.cdf")}). Mean ${fix(
      normals.reduce((a, b) => a + b, 0) / n,
      4,
    )}, variance ${fix(normals.reduce((a, b) => a + b * b, 0) / n, 4)}.`,
  );

  // Root finding: the t-test sample-size equation.
  const f = (size: number): number => tTest({ n: size, d: 0.5 }).power - 0.8;
  const search = { lower: 2, upper: 10, limits: { upper: 1e7 }, name: "n" };
  const trace = plot.rootTrace(f, search, {
    xTitle: "n per group",
    yTitle: "power(n) − 0.8",
    title: "findRoot on power(n) − 0.8, d = 0.5",
  });
  out["root-trace"] = figure(
    await svg(trace.spec),
    `${code("findRoot((n) => tTest({ n, d: 0.5 }).power - 0.8, { lower: 2, upper: 10, limits: { upper: 1e7 } })")} drawn by ${code("plot.rootTrace")}: the bracket grows from [2, 10] to the right (evaluations 1–${trace.evaluations.filter((e) => e.phase === "bracket").length}) until f changes sign, then Brent's method closes in. Root n = ${trace.root.root.toFixed(6)} after ${trace.root.iterations} iterations and ${trace.root.evaluations} evaluations.`,
  );
  out["root-trace-table"] = computedTable(
    ["evaluation", "phase", "n", "power(n) − 0.8"],
    trace.evaluations.map((e) => [
      String(e.step),
      e.phase,
      String(Number(e.x.toPrecision(12))),
      e.f === 0 ? "0" : e.f.toExponential(3).replace(/-/g, "−"),
    ]),
    "Every point where the search evaluated f, in order (computed when this page was built).",
  );

  // Formatting: the same numbers in both languages.
  const values: [string, number, Parameters<typeof formatNumber>[1], "number" | "percent"][] = [
    ["formatNumber(0.32143)", 0.32143, {}, "number"],
    ["formatPercent(27 / 84)", 27 / 84, {}, "percent"],
    ["formatNumber(12345.6, { digits: 1 })", 12345.6, { digits: 1 }, "number"],
    ["formatNumber(-0.5, { digits: 2 })", -0.5, { digits: 2 }, "number"],
    ["formatPercent(0.6, { digits: 0 })", 0.6, { digits: 0 }, "percent"],
    ["formatNumber(1234567, { digits: 0 })", 1234567, { digits: 0 }, "number"],
    ["formatNumber(1.005, { digits: 2 })", 1.005, { digits: 2 }, "number"],
  ];
  const show = (text: string): string => `<code class="nowrap">${html(text.replace(/\u00a0/g, "⍽"))}</code>`;
  out["formatting-table"] = computedTable(
    ["call", "en", "nb", "nb, nonBreaking: true"],
    values.map(([call, value, options, kind]) => {
      const fmt = kind === "number" ? formatNumber : formatPercent;
      return [
        code(call),
        show(fmt(value, { ...options, lang: "en" })),
        show(fmt(value, { ...options, lang: "nb" })),
        show(fmt(value, { ...options, lang: "nb", nonBreaking: true })),
      ];
    }),
    "Computed by @tiltak/core when this page was built; ⍽ marks a no-break space (U+00A0).",
  );

  // Errors: what the library throws for common mistakes.
  const attempts: [string, () => unknown][] = [
    ["tTest({ d: 0.5, power: 1.2 })", () => tTest({ d: 0.5, power: 1.2 })],
    [
      "tTest({ d: 0.5, power: 0.8, sig_level: 0.05 })",
      () => tTest({ d: 0.5, power: 0.8, sig_level: 0.05 } as never),
    ],
    ['tTest({ n: "10", d: 0.5 })', () => tTest({ n: "10", d: 0.5 } as never)],
    ["tTest({ n: 20, d: 0.5, power: 0.8 })", () => tTest({ n: 20, d: 0.5, power: 0.8 })],
    ["tTest({ n: 10, power: 0.01 })", () => tTest({ n: 10, power: 0.01 })],
    [
      "findRoot((x) => x * x - 2, { lower: 0, upper: 1, limits: { upper: 10 }, maxIterations: 2 })",
      () => findRoot((x) => x * x - 2, { lower: 0, upper: 1, limits: { upper: 10 }, maxIterations: 2 }),
    ],
    ["backSolveCount({ percent: 50, base: 0 })", () => backSolveCount({ percent: 50, base: 0 })],
    [
      'allocationList({ arms: [{ name: "A", ratio: -1 }, "B"], size: 4, seed: "s" })',
      () => allocationList({ arms: [{ name: "A", ratio: -1 }, "B"], size: 4, seed: "s" }),
    ],
  ];
  const errorRows: string[][] = [];
  for (const [call, run] of attempts) {
    try {
      await run();
      errorRows.push([code(call), "(no error)"]);
    } catch (error) {
      if (!isTiltakError(error)) throw error;
      errorRows.push([code(call), `${code(error.code)}<br>${html(error.message)}`]);
    }
  }
  out["errors-table"] = computedTable(
    ["call", "TiltakError: code and message"],
    errorRows,
    "Each call was made when this page was built; the code and message are the TiltakError it threw.",
  );
  return out;
}

async function statsFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out["central-t"] = figure(
    await svg(
      plot.distributionCurves(
        [
          { label: "t, 1 df (Cauchy)", f: (x) => studentT.pdf(x, 1) },
          { label: "t, 3 df", f: (x) => studentT.pdf(x, 3) },
          { label: "t, 10 df", f: (x) => studentT.pdf(x, 10) },
          { label: "normal", f: (x) => normal.pdf(x) },
        ],
        { from: -5, to: 5, xTitle: "x", yTitle: "density", title: "Student t densities and the normal" },
      ),
    ),
    `${code("studentT.pdf(x, df)")} for 1, 3 and 10 df and ${code("normal.pdf(x)")} (${code("plot.distributionCurves")}); the t quantiles a two-sided 5 % test uses: ${[
      1, 3, 10,
    ]
      .map((df) => `t<sub>0.975, ${df}</sub> = ${fix(studentT.quantile(0.975, df), 4)}`)
      .join(", ")}, z<sub>0.975</sub> = ${fix(normal.quantile(0.975), 4)}.`,
  );
  out["central-chisq-f"] = figure(
    [
      await svg(
        plot.distributionCurves(
          [1, 3, 5, 10].map((df) => ({ label: `χ², ${df} df`, f: (x: number) => chiSquare.pdf(x, df) })),
          {
            from: 0.05,
            to: 20,
            yDomain: [0, 0.6],
            xTitle: "x",
            yTitle: "density",
            title: "Chi-square densities",
            height: 200,
          },
        ),
      ),
      await svg(
        plot.distributionCurves(
          [
            [2, 20],
            [5, 20],
            [5, 100],
          ].map(([a, b]) => ({
            label: `F, ${a} and ${b} df`,
            f: (x: number) => fisherF.pdf(x, a as number, b as number),
          })),
          { from: 0.01, to: 5, xTitle: "x", yTitle: "density", title: "F densities", height: 200 },
        ),
      ),
    ],
    `${code("chiSquare.pdf(x, df)")} and ${code("fisherF.pdf(x, df1, df2)")}. Upper 5 % points: ${[
      1, 3, 5, 10,
    ]
      .map((df) => `χ²<sub>${df}</sub> ${fix(chiSquare.quantile(0.95, df), 3)}`)
      .join(", ")}; F<sub>5, 20</sub> ${fix(fisherF.quantile(0.95, 5, 20), 3)}.`,
  );
  out["central-tails"] = figure(
    await svg(
      plot.distributionCurves(
        [
          { label: "studentT.sf(x, 30)", f: (x) => studentT.sf(x, 30) },
          { label: "normal.sf(x), computed in the tail", f: (x) => normal.sf(x) },
          { label: "1 − normal.cdf(x), by subtraction", f: (x) => 1 - normal.cdf(x) },
        ],
        {
          from: 4,
          to: 12,
          points: 161,
          logY: true,
          xTitle: "x",
          yTitle: "upper tail probability",
          title: "Upper tails computed in the tail",
        },
      ),
    ),
    `Upper tails on a log scale (${code("plot.distributionCurves")}). ${code("normal.sf")} is computed in the tail (${code("normal.sf(10)")} = ${normal.sf(10).toExponential(2)}); the same tail as 1 − ${code("normal.cdf(x)")} is rounded to multiples of 2⁻⁵³ ≈ 1.1e-16 and is 0 from x ≈ 8.3 on, where the cdf rounds to 1 (its points at 0 cannot be drawn on a log axis). ${code("chiSquare.sf(x², 1)")} = 2·${code("normal.sf(x)")} holds in the far tail too: ${chiSquare.sf(100, 1).toExponential(3)} against ${(2 * normal.sf(10)).toExponential(3)} at x = 10.`,
  );

  // The stats overview: central and noncentral t, and where power comes from.
  const df = 38;
  const crit = studentT.quantile(0.975, df);
  const ncp = 0.8 * Math.sqrt(10);
  out["stats-overview"] = figure(
    await svg(
      plot.distributionCurves(
        [
          { label: "central t, 38 df", f: (x) => studentT.sf(x, df) },
          { label: `noncentral t, ncp ${fix(ncp, 2)}`, f: (x) => noncentralT.sf(x, df, ncp) },
        ],
        {
          from: -3,
          to: 7,
          xRules: [-crit, crit],
          xTitle: "t",
          yTitle: "upper tail P(T > t)",
          title: "t test, n = 20 per group, d = 0.8",
        },
      ),
    ),
    `How the distributions of this package make a power: for n = 20 per group and d = 0.8, the t statistic has 38 df and noncentrality d·√(n/2) = ${fix(ncp, 4)}. The two-sided 5 % critical values (dashed) are ± ${code("studentT.quantile(0.975, 38)")} = ± ${fix(crit, 4)}; the upper tail beyond the upper one is ${fix(studentT.sf(crit, df), 4)} under the null and ${fix(noncentralT.sf(crit, df, ncp), 4)} under the alternative (${code("noncentralT.sf")}); with the lower tail ${noncentralT.cdf(-crit, df, ncp).toExponential(2)} the power is ${fix(noncentralT.sf(crit, df, ncp) + noncentralT.cdf(-crit, df, ncp), 4)}, as ${code("tTest({ n: 20, d: 0.8 })")} gives ${fix(tTest({ n: 20, d: 0.8 }).power, 4)}.`,
  );

  // Proportion intervals: the five methods on the worked example and on a small count.
  const methods = ["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"] as const;
  const cases = [
    { x: 27, n: 84, panel: "27 of 84" },
    { x: 1, n: 12, panel: "1 of 12" },
  ];
  const intervalRows = cases.flatMap(({ x, n, panel }) =>
    methods.map((method) => {
      const ci = proportionCI({ x, n, method });
      return { label: method, estimate: ci.estimate, lower: ci.lower, upper: ci.upper, panel };
    }),
  );
  const wald = proportionCI({ x: 1, n: 12, method: "wald" });
  const wilson = proportionCI({ x: 1, n: 12 });
  const waldLow = 1 / 12 - normal.quantile(0.975) * Math.sqrt(((1 / 12) * (11 / 12)) / 12);
  out["proportion-ci-figure"] = figure(
    await svg(
      plot.intervals(intervalRows, {
        title: "95 % intervals by method",
        xTitle: Object.fromEntries(cases.map((c) => [c.panel, `Proportion, ${c.panel}`])),
        width: 320,
        rowHeight: 22,
      }),
    ),
    `${code("proportionCI({ x, n, method })")} for each method (${code("plot.intervals")}), on NorA 2024's 27 exits to work of 84 and on a small pilot's 1 of 12. For 27 of 84 the methods nearly agree. For 1 of 12 the Wald interval p̂ ± z√(p̂(1 − p̂)/n) reaches ${fix(waldLow, 3)} and is clipped to ${fix(wald.lower, 3)} to ${fix(wald.upper, 3)}, while Wilson's stays inside [0, 1] by construction (${fix(wilson.lower, 3)} to ${fix(wilson.upper, 3)}).`,
  );

  // Two by two: the worked example's estimates.
  const table: [[number, number], [number, number]] = [
    [27, 57],
    [15, 69],
  ];
  const fisher = fisherExact({ table });
  const diff = proportionDifferenceCI({ x1: 27, n1: 84, x2: 15, n2: 84 });
  const p1 = proportionCI({ x: 27, n: 84 });
  const p2 = proportionCI({ x: 15, n: 84 });
  out["two-by-two"] = figure(
    await svg(
      plot.intervals(
        [
          {
            label: "MLE, as R",
            estimate: fisher.oddsRatio as number,
            lower: fisher.ciLower,
            upper: fisher.ciUpper as number,
            panel: "Odds ratio (log scale)",
          },
          {
            label: "MLE, precise",
            estimate: fisher.precise.oddsRatio as number,
            lower: fisher.precise.ciLower,
            upper: fisher.precise.ciUpper as number,
            panel: "Odds ratio (log scale)",
          },
          {
            label: "ad/bc",
            estimate: (27 * 69) / (57 * 15),
            panel: "Odds ratio (log scale)",
          },
          {
            label: "27/84",
            estimate: p1.estimate,
            lower: p1.lower,
            upper: p1.upper,
            panel: "Proportion",
          },
          {
            label: "15/84",
            estimate: p2.estimate,
            lower: p2.lower,
            upper: p2.upper,
            panel: "Proportion",
          },
          {
            label: "difference",
            estimate: diff.estimate,
            lower: diff.lower,
            upper: diff.upper,
            panel: "Proportion",
          },
        ],
        {
          log: ["Odds ratio (log scale)"],
          reference: { "Odds ratio (log scale)": 1, Proportion: 0 },
          title: "[[27, 57], [15, 69]], 95 % intervals",
          width: 320,
        },
      ),
    ),
    `The worked example's estimates (${code("plot.intervals")}): Fisher's conditional maximum-likelihood odds ratio with its exact interval, as R reports it and solved precisely (MLE), ${fix(fisher.oddsRatio as number, 3)} (${fix(fisher.ciLower, 3)} to ${fix(fisher.ciUpper as number, 3)}, p = ${fix(fisher.p, 5)}), the sample odds ratio ad/bc = ${fix((27 * 69) / (57 * 15), 3)}, the two shares 27/84 and 15/84 with Wilson intervals and their difference with Newcombe's interval (${fix(diff.lower, 3)} to ${fix(diff.upper, 3)}). The dashed lines are no association.`,
  );
  return out;
}

async function powerAndPlanFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Simulation against the noncentral-t power of the same test.
  const d = 0.5;
  const curve = powerCurve(tTest, { d }, { vary: "n", from: 5, to: 110, points: 43 });
  const sizes = [10, 20, 30, 40, 50, 64, 80, 100];
  const reps = 2000;
  const simulated = sizes.map((n) => ({
    n,
    ...simulatePower({
      simulate: twoArmSimulator({ outcome: "continuous", n, delta: d, sd: 1 }),
      reps,
      seed: `simulation-page/${n}`,
    }),
  }));
  const covered = simulated.filter((s) => {
    const exact = tTest({ n: s.n, d }).power;
    return s.ci[0] <= exact && exact <= s.ci[1];
  }).length;
  out["power-simulation"] = figure(
    await svg(
      plot.simulatedPower(curve, simulated, {
        x: "n",
        width: 400,
        xTitle: "n per group",
        title: "Simulated and exact power, d = 0.5",
      }),
    ),
    `${code('simulatePower({ simulate: twoArmSimulator({ outcome: "continuous", n, delta: 0.5, sd: 1 }), reps: 2000, seed })')} at ${sizes.length} sample sizes (diamonds with their Wilson 95 % Monte Carlo intervals) against ${code("tTest({ n, d: 0.5 })")} (the line), drawn by ${code("plot.simulatedPower")}. The simulator runs the same pooled t test the formula describes, so the intervals should cover the curve about 19 times in 20: here ${covered} of ${sizes.length}.`,
  );

  // Plan: the NorA plan's power curve.
  const nora2024 = programmeYears.find((r) => r.id === "nora-2024");
  const trial = await planTrial({
    outcome: { name: "exit to paid work", kind: "binary" },
    baseline: { record: nora2024, outcome: "work", denominator: "exits" },
    effect: { rate: 0.45 },
    design: { kind: "individual", strata: { office: ["Årstad", "Fana"] } },
    power: 0.8,
    attrition: 0.2,
    seed: "kx7q3mzt5v2wbh4nyr6cpd2fja",
  } as never);
  out["plan-summary"] = figure(
    await svg(plot.planSummary(trial, { title: "NorA plan: power by size per arm", width: 400 })),
    `${code("plot.planSummary(trial)")} for the plan above: the power of ${code(`${trial.sampleSize.call.fn}`)} rerun from ${code("trial.sampleSize.call")} at each size per arm, the target 0.8 dashed, and the chosen ${Math.ceil(trial.sampleSize.perArm)} per arm (n = ${fix(trial.sampleSize.perArm, 2)}) marked; with 20 % attrition the plan recruits ${trial.sampleSize.recruitPerArm} per arm.`,
  );
  return out;
}

async function compareFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const records = programmeYears.filter((r) => ["nora-2021", "nora-2024", "ny-sjanse-2024"].includes(r.id));
  out["flows-stock"] = figure(
    await svg(plot.stockFlow(records, { title: "Where the unique participants went", width: 300 })),
    `${code("plot.stockFlow")} on the three worked examples: each bar is exits + unplanned exits + still active at the end, the black tick the unique participants, and the text the gap ${code("checkFlows")} finds (${code("stock-flow")}). NorA 2024 leaves 4 unaccounted for; NorA 2021 accounts for one more than it had; Ny sjanse 2024 does not report who was active at the end, so the identity cannot be tested.`,
  );

  const rateRows = records
    .filter((r) => r.id !== "nora-2021")
    .flatMap((record) =>
      outcomeRates(record, { denominator: "exits" })
        .filter((row) => row.count !== null && (row.count as number) > 0 && row.rate !== null)
        .map((row) => ({
          label: row.outcome,
          estimate: row.rate as number,
          lower: row.lower as number,
          upper: row.upper as number,
          panel: `${record.id}: share of ${row.denominator} exits`,
        })),
    );
  out["programme-year-rates"] = figure(
    await svg(
      plot.intervals(rateRows, {
        title: "Exits by outcome (Wilson 95 %)",
        width: 280,
        rowHeight: 20,
      }),
    ),
    `The canonical outcomes of the two worked records as shares of their exits, from ${code('outcomeRates(record, { denominator: "exits" })')} (${code("plot.intervals")}); outcomes the reports do not give are left out. Ny sjanse's shares are over the 91 stated exits, whose categories sum to 87.`,
  );

  // Spells: a year of spells, counted by quarter.
  const rng = createRng("spells-page");
  const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  const reasons = ["Lønnet arbeid", "Utdanning", "AAP", "Annet"];
  const spells: Record<string, string | null>[] = [];
  for (let i = 0; i < 80; i++) {
    const referred = rng.integer(480) - 120;
    const neverStarted = rng.uniform() < 0.08;
    const start = referred + 3 + rng.integer(20);
    const length = 30 + rng.integer(300);
    const end = start + length;
    spells.push({
      personId: `P${String(i + 1).padStart(3, "0")}`,
      referred: day(referred),
      start: neverStarted ? null : day(start),
      end: neverStarted || end > 400 ? null : day(end),
      exitReason: neverStarted || end > 400 ? null : (reasons[rng.integer(reasons.length)] as string),
    });
  }
  const { records: quarters } = programmeYearsFromSpells(spells, {
    periods: ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
    outcomes: { "Lønnet arbeid": "work", Utdanning: "education", AAP: "healthBenefit", Annet: "other" },
  });
  const carried = quarters
    .slice(1)
    .map((q, i) => `${quarters[i]?.participants.activeEnd} → ${q.participants.carriedIn}`)
    .join(", ");
  out["spells-quarters"] = figure(
    await svg(
      plot.stockFlow(quarters, {
        sides: "both",
        label: (r) => r.id.split(":").at(-1) ?? r.id,
        title: "80 spells counted by quarter",
        width: 300,
        rowHeight: 22,
      }),
    ),
    `${code("programmeYearsFromSpells(spells, { periods: ['2024-Q1', …, '2024-Q4'] })")} on 80 spells drawn with ${code('createRng("spells-page")')}, drawn by ${code("plot.stockFlow")} with both sides: where each quarter's participants came from (carried in, started) and where they went (exits, active at the end). Both bars meet the tick in every quarter, by construction, and each quarter carries in what the one before ended with (${carried}).`,
  );
  return out;
}
