/**
 * The calculators' work, run in a Web Worker: each task takes the page's state (the URL query) and
 * calls the library. Every number the page shows comes from here.
 */
import { compareProportions, effectSizes, type MetaAnalysisResult, metaAnalysis } from "@tiltak/compare";
import { theories } from "@tiltak/datasets";
import { forest, powerCurve as powerCurveChart, renderSvg, theorySvg, type VegaLiteSpec } from "@tiltak/plot";
import {
  clusterRandomised,
  cohenH,
  correlation,
  designEffect,
  inflateForAttrition,
  oneProportion,
  powerCurve,
  steppedWedge,
  tTest,
  twoProportions,
} from "@tiltak/power";
import { proportionCI } from "@tiltak/stats";
import {
  assessReadiness,
  checkTheory,
  type ProgrammeTheory,
  toDot,
  toMarkdown,
  toMermaid,
} from "@tiltak/theory";
import { allocationTask } from "./allocation-task.js";
import {
  type CalcState,
  chartConfig,
  chartNumber,
  chartText,
  defined,
  langOf,
  num,
  numList,
  type ResultValue,
  rArgs,
  type TaskOutput,
  textList,
  tsObject,
} from "./state.js";

type Solvable = "n" | "effect" | "power" | "sigLevel";

/** The effect option of each power test. */
export const effectKey: Record<string, string> = {
  "t-test": "d",
  "two-proportions": "h",
  "one-proportion": "h",
  correlation: "r",
};

const rAlternative = (alternative: string | undefined): string | undefined =>
  alternative === undefined ? undefined : alternative.replace("-", ".");

async function powerTask(s: CalcState): Promise<TaskOutput> {
  const test = s.test ?? "t-test";
  const key = effectKey[test];
  if (key === undefined)
    throw new Error(
      `test must be one of t-test, two-proportions, one-proportion, correlation, got "${test}"`,
    );
  const alternative = s.alternative || undefined;
  let effect = num(s, key);
  let effectCode: string | undefined;
  let effectR: string | undefined;
  if (test === "two-proportions" && effect === undefined && s.p1 && s.p2) {
    effect = cohenH(num(s, "p1") as number, num(s, "p2") as number);
    effectCode = `cohenH(${num(s, "p1")}, ${num(s, "p2")})`;
    effectR = `ES.h(${num(s, "p1")}, ${num(s, "p2")})`;
  }
  if (test === "one-proportion" && effect === undefined && s.p && s.p0) {
    effect = cohenH(num(s, "p") as number, num(s, "p0") as number);
    effectCode = `cohenH(${num(s, "p")}, ${num(s, "p0")})`;
    effectR = `ES.h(${num(s, "p")}, ${num(s, "p0")})`;
  }
  const given: Record<Solvable, number | undefined> = {
    n: num(s, "n"),
    effect,
    power: num(s, "power"),
    sigLevel: num(s, "sigLevel"),
  };
  const missing = (Object.keys(given) as Solvable[]).filter((k) => given[k] === undefined);
  // sigLevel is solved only when it is the one left out; otherwise it takes its default 0.05.
  const sigLevel = missing.length === 1 && missing[0] === "sigLevel" ? null : given.sigLevel;
  const options: Record<string, unknown> = defined({
    n: given.n,
    [key]: effect,
    sigLevel,
    power: given.power,
    type: test === "t-test" ? s.type || undefined : undefined,
    alternative,
  });
  const fns: Record<string, (o: never) => Record<string, unknown>> = {
    "t-test": tTest as never,
    "two-proportions": twoProportions as never,
    "one-proportion": oneProportion as never,
    correlation: correlation as never,
  };
  const names: Record<string, string> = {
    "t-test": "tTest",
    "two-proportions": "twoProportions",
    "one-proportion": "oneProportion",
    correlation: "correlation",
  };
  const fn = fns[test] as (o: Record<string, unknown>) => Record<string, unknown>;
  const result = fn(options);
  const results: ResultValue[] = [
    { key: "n", value: result.n as number },
    { key, value: result[key] as number },
    { key: "power", value: result.power as number },
    { key: "sigLevel", value: result.sigLevel as number },
  ];
  if (result.nRecruit !== undefined)
    results.splice(1, 0, { key: "nRecruit", value: result.nRecruit as number });
  const minN = test === "correlation" ? 5 : test === "one-proportion" ? 3 : 3;
  const n = result.n as number;
  const from = Math.max(minN, Math.floor(n / 5));
  const to = Math.max(from + 10, Math.ceil(n * 2.5));
  const base: Record<string, unknown> = defined({
    [key]: result[key],
    sigLevel: result.sigLevel,
    type: options.type,
    alternative,
  });
  const rows = powerCurve(fn, base, { vary: "n", from, to, points: 40 });
  const lang = langOf(s);
  const words = chartText[lang];
  const perGroup =
    (test === "t-test" && (s.type ?? "two-sample") === "two-sample") || test === "two-proportions";
  const svg = await renderSvg({
    ...powerCurveChart(rows, {
      x: "n",
      xTitle: perGroup ? words.nPerGroup : words.n,
      yTitle: words.power,
      title: `${words.powerAgainstN} (${key} = ${chartNumber(result[key] as number, lang)})`,
      width: 440,
      height: 260,
    }),
    config: chartConfig(lang),
  } as VegaLiteSpec);
  const codeOptions = { ...options };
  let tsOptions = tsObject(codeOptions);
  if (effectCode) tsOptions = tsOptions.replace(`${key}: ${JSON.stringify(effect)}`, `${key}: ${effectCode}`);
  const imports = effectCode ? `cohenH, ${names[test]}` : names[test];
  const rName: Record<string, string> = {
    "t-test": "pwr.t.test",
    "two-proportions": "pwr.2p.test",
    "one-proportion": "pwr.p.test",
    correlation: "pwr.r.test",
  };
  const rArgsObject: Record<string, unknown> = {
    n: given.n,
    [key]: effect,
    "sig.level": sigLevel === null ? null : (sigLevel ?? 0.05),
    power: given.power,
    type: options.type === undefined ? undefined : String(options.type).replace("-", "."),
    alternative: rAlternative(alternative),
  } as never;
  let rText = `${rName[test]}(${rArgsWithNull(rArgsObject)})`;
  if (effectR) rText = rText.replace(`${key} = ${effect}`, `${key} = ${effectR}`);
  return {
    results,
    figures: [{ title: "Power curve", svg }],
    code: {
      ts: `import { ${imports} } from "@tiltak/power";\n${names[test]}(${tsOptions});`,
      r: `library(pwr)\n${rText}`,
    },
    notes: typeof result.note === "string" ? [result.note] : [],
  };
}

/** R arguments where an explicit null (the solved parameter) prints as NULL. */
function rArgsWithNull(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(
      ([k, value]) =>
        `${k} = ${value === null ? "NULL" : typeof value === "string" ? JSON.stringify(value) : String(value)}`,
    )
    .join(", ");
}

async function clusterTask(s: CalcState): Promise<TaskOutput> {
  const design = s.design ?? "cra2";
  if (design === "stepped-wedge") return steppedWedgeTask(s);
  const options = defined({
    icc: num(s, "icc"),
    clusterSize: num(s, "clusterSize"),
    clusters: num(s, "clusters"),
    treatedShare: num(s, "treatedShare"),
    r2Individual: num(s, "r2Individual"),
    r2Cluster: num(s, "r2Cluster"),
    clusterCovariates: num(s, "clusterCovariates"),
    mdes: num(s, "mdes"),
    power: num(s, "power"),
    sigLevel: num(s, "sigLevel"),
    alternative: s.alternative || undefined,
  });
  const result = clusterRandomised(options as never);
  const results: ResultValue[] = [
    { key: "clusters", value: result.clusters },
    ...(result.clustersRecruit !== undefined
      ? [{ key: "clustersRecruit", value: result.clustersRecruit }]
      : []),
    { key: "mdes", value: result.mdes },
    { key: "power", value: result.power },
    { key: "df", value: result.df },
    { key: "standardError", value: result.standardError },
  ];
  const cv = num(s, "cv");
  const deOptions = defined({ clusterSize: options.clusterSize, icc: options.icc, cv });
  const de = designEffect(deOptions as never);
  results.push({ key: "designEffect", value: de });
  const attrition = num(s, "attrition");
  let attritionCode = "";
  if (attrition !== undefined) {
    const perCluster = inflateForAttrition({ n: result.clusterSize, attrition });
    results.push({ key: "recruitPerCluster", value: perCluster });
    attritionCode = `\ninflateForAttrition(${tsObject({ n: result.clusterSize, attrition })});`;
  }
  const base = { ...options } as Record<string, unknown>;
  delete base.clusters;
  delete base.power;
  base.mdes = result.mdes;
  const lo = Math.max(4 + (result.clusterCovariates ?? 0), Math.floor(result.clusters / 4));
  const rows = powerCurve(clusterRandomised as never, base as never, {
    vary: "clusters",
    from: lo,
    to: Math.max(lo + 10, Math.ceil(result.clusters * 2.5)),
    points: 40,
  });
  const lang = langOf(s);
  const words = chartText[lang];
  const svg = await renderSvg({
    ...powerCurveChart(rows, {
      x: "clusters",
      xTitle: words.clustersBothArms,
      yTitle: words.power,
      title: `${words.powerAgainstClusters} (MDES = ${chartNumber(result.mdes, lang)})`,
      width: 440,
      height: 260,
    }),
    config: chartConfig(lang),
  } as VegaLiteSpec);
  const solved = options.clusters === undefined ? "mrss" : options.mdes === undefined ? "mdes" : "power";
  const rArgsObject = {
    ...(solved === "power" ? { es: options.mdes } : solved === "mrss" ? { es: options.mdes } : {}),
    power: solved === "power" ? undefined : options.power,
    alpha: options.sigLevel ?? 0.05,
    "two.tailed": (options.alternative ?? "two-sided") === "two-sided",
    rho2: options.icc,
    n: options.clusterSize,
    ...(solved === "mrss" ? {} : { J: options.clusters }),
    p: options.treatedShare ?? 0.5,
    r21: options.r2Individual ?? 0,
    r22: options.r2Cluster ?? 0,
    g2: options.clusterCovariates ?? 0,
  } as Record<string, unknown>;
  return {
    results,
    figures: [{ title: "Power curve", svg }],
    code: {
      ts: `import { clusterRandomised, designEffect${attritionCode ? ", inflateForAttrition" : ""} } from "@tiltak/power";\nclusterRandomised(${tsObject(options)});\ndesignEffect(${tsObject(deOptions)});${attritionCode}`,
      r: `library(PowerUpR)\n${solved}.cra2(${rArgs(rArgsObject)})\n# design effect (Eldridge et al. 2006)\n1 + ((${cv ?? 0}^2 + 1) * ${options.clusterSize} - 1) * ${options.icc}${attrition !== undefined ? `\n# recruit per cluster\nceiling(${result.clusterSize} / (1 - ${attrition}))` : ""}`,
    },
    notes: [result.note],
  };
}

async function steppedWedgeTask(s: CalcState): Promise<TaskOutput> {
  const options = defined({
    clusters: num(s, "clusters"),
    steps: num(s, "steps"),
    clusterSize: num(s, "clusterSize"),
    outcome: s.outcome || undefined,
    icc: num(s, "icc"),
    cac: num(s, "cac"),
    sd: num(s, "sd"),
    p0: num(s, "p0"),
    effect: num(s, "effect"),
    power: num(s, "power"),
    sigLevel: num(s, "sigLevel"),
  });
  const result = steppedWedge(options as never);
  const base = { ...options, effect: result.effect } as Record<string, unknown>;
  delete base.power;
  delete base.clusters;
  const lo = result.steps;
  const rows = powerCurve(steppedWedge as never, base as never, {
    vary: "clusters",
    from: lo,
    to: Math.max(lo + 8, result.clusters * 3),
    points: 30,
    integer: true,
  });
  const lang = langOf(s);
  const words = chartText[lang];
  const svg = await renderSvg({
    ...powerCurveChart(rows, {
      x: "clusters",
      xTitle: words.clusters,
      yTitle: words.power,
      title: `${words.powerAgainstClusters} (θ = ${chartNumber(result.effect, lang)})`,
      width: 440,
      height: 260,
    }),
    config: chartConfig(lang),
  } as VegaLiteSpec);
  const gamma = result.cac < 1 ? `sqrt(${result.tau}^2 * (1 - ${result.cac}) / ${result.cac})` : "0";
  const binary = result.outcome === "binary";
  return {
    results: [
      { key: "effect", value: result.effect },
      { key: "power", value: result.power },
      { key: "variance", value: result.variance },
      { key: "tau", value: result.tau },
      { key: "periods", value: result.periods },
    ],
    figures: [{ title: "Power curve", svg }],
    code: {
      ts: `import { steppedWedge } from "@tiltak/power";\nsteppedWedge(${tsObject(options)});`,
      r: `library(swCRTdesign)\nswPwr(swDsn(${rArgs({ clusters: result.clustersPerStep })}), distn = ${binary ? '"binomial"' : '"gaussian"'}, n = ${result.clusterSize}, mu0 = ${binary ? result.p0 : 0}, mu1 = ${binary ? result.p1 : result.effect}, ${binary ? "" : `sigma = ${result.sd}, `}tau = ${result.tau}, eta = 0, rho = 0, gamma = ${gamma}, alpha = ${result.sigLevel})`,
    },
    notes: [`Clusters per sequence: ${result.clustersPerStep.join(", ")}`],
  };
}

async function ratesTask(s: CalcState): Promise<TaskOutput> {
  const options = defined({
    x: num(s, "x"),
    n: num(s, "n"),
    level: num(s, "level"),
    method: s.method || undefined,
  });
  const ci = proportionCI(options as never);
  const results: ResultValue[] = [
    { key: "estimate", value: ci.estimate },
    { key: "lower", value: ci.lower },
    { key: "upper", value: ci.upper },
  ];
  const notes: string[] = [];
  const target = num(s, "target");
  if (target !== undefined) {
    if (typeof target !== "number" || !(target >= 0 && target <= 1))
      throw new Error(`target must be a proportion in [0, 1], got ${JSON.stringify(s.target)}`);
    const versus = ci.lower > target ? "above" : ci.upper < target ? "below" : "consistent";
    results.push({ key: "versusTarget", value: versus });
  }
  const methodsR: Record<string, string> = {
    wilson: "wilson",
    "clopper-pearson": "clopper-pearson",
    "agresti-coull": "agresti-coull",
    jeffreys: "jeffreys",
    wald: "wald",
  };
  let ts = `import { proportionCI } from "@tiltak/stats";\nproportionCI(${tsObject(options)});`;
  let r = `library(DescTools)\nBinomCI(${rArgs({ x: ci.x, n: ci.n, "conf.level": ci.level, method: methodsR[ci.method] } as never)})`;
  const x2 = num(s, "x2");
  const n2 = num(s, "n2");
  if (x2 !== undefined || n2 !== undefined) {
    const cmp = compareProportions(
      defined({ x1: options.x, n1: options.n, x2, n2, level: options.level }) as never,
    );
    results.push(
      { key: "p2", value: cmp.p2 },
      { key: "riskDifference", value: cmp.riskDifference.estimate },
      { key: "riskDifferenceLower", value: cmp.riskDifference.lower },
      { key: "riskDifferenceUpper", value: cmp.riskDifference.upper },
      { key: "riskRatio", value: cmp.riskRatio.estimate },
      { key: "riskRatioLower", value: cmp.riskRatio.lower },
      { key: "riskRatioUpper", value: cmp.riskRatio.upper },
      { key: "fisherP", value: cmp.fisher.p },
    );
    ts += `\n\nimport { compareProportions } from "@tiltak/compare";\ncompareProportions(${tsObject(defined({ x1: options.x, n1: options.n, x2, n2, level: options.level }))});`;
    r += `\nBinomDiffCI(${ci.x}, ${ci.n}, ${x2}, ${n2}, conf.level = ${ci.level}, method = "score")\nfisher.test(matrix(c(${ci.x}, ${ci.n} - ${ci.x}, ${x2}, ${n2} - ${x2}), nrow = 2, byrow = TRUE))`;
    if (cmp.zeroCellCorrection)
      notes.push("A cell is zero: 1/2 was added to every cell for the ratio intervals.");
  }
  return { results, figures: [], code: { ts, r }, notes };
}

function funnelSpec(meta: MetaAnalysisResult, labels: string[], lang: "en" | "nb"): VegaLiteSpec {
  const words = chartText[lang];
  const se = meta.vi.map((v) => Math.sqrt(v));
  const maxSe = Math.max(...se) * 1.1;
  const z = 1.959963984540054;
  const lines = [0, maxSe].flatMap((s) => [
    { se: s, lower: meta.estimate - z * s, upper: meta.estimate + z * s },
  ]);
  return {
    width: 440,
    height: 260,
    title: words.funnelPlot,
    config: chartConfig(lang),
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", strokeDash: [4, 3], color: "#888" },
        encoding: {
          x: { field: "lower", type: "quantitative", title: words.effect },
          y: { field: "se", type: "quantitative", scale: { reverse: true }, title: words.standardError },
        },
      },
      {
        data: { values: lines },
        mark: { type: "line", strokeDash: [4, 3], color: "#888" },
        encoding: { x: { field: "upper", type: "quantitative" }, y: { field: "se", type: "quantitative" } },
      },
      {
        data: { values: [{ estimate: meta.estimate }] },
        mark: { type: "rule", color: "#444" },
        encoding: { x: { field: "estimate", type: "quantitative" } },
      },
      {
        data: { values: meta.yi.map((y, i) => ({ yi: y, se: se[i], study: labels[i] ?? String(i + 1) })) },
        mark: { type: "point", filled: true, size: 50 },
        encoding: {
          x: { field: "yi", type: "quantitative" },
          y: { field: "se", type: "quantitative" },
          tooltip: { field: "study" },
        },
      },
    ],
  } as VegaLiteSpec;
}

async function metaTask(s: CalcState): Promise<TaskOutput> {
  const measure = s.measure || undefined;
  let yi = numList(s, "yi");
  let vi = numList(s, "vi");
  const slab = textList(s, "slab");
  let escalc = "";
  let escalcR = "";
  const counts = defined({
    ai: numList(s, "ai"),
    bi: numList(s, "bi"),
    ci: numList(s, "ci"),
    di: numList(s, "di"),
  });
  if (Object.keys(counts).length > 0) {
    const es = effectSizes({ measure: measure ?? "OR", ...counts } as never);
    yi = es.yi;
    vi = es.vi;
    escalc = `const es = effectSizes(${tsObject({ measure: measure ?? "OR", ...counts })});\n`;
    escalcR = `dat <- escalc(${rArgs({ measure: measure ?? "OR", ...counts })})\n`;
  }
  const options = defined({
    yi,
    vi,
    method: s.method || undefined,
    test: s.test || undefined,
    level: num(s, "level"),
    slab: slab && yi && slab.length === yi.length ? slab : undefined,
  });
  const meta = metaAnalysis(options as never);
  const exponentiate = measure === "OR" || measure === "RR";
  const results: ResultValue[] = [
    { key: "k", value: meta.k },
    { key: "estimate", value: meta.estimate },
    { key: "se", value: meta.se },
    { key: "ciLower", value: meta.ciLower },
    { key: "ciUpper", value: meta.ciUpper },
    { key: "p", value: meta.p },
    { key: "tau2", value: meta.tau2 },
    { key: "I2", value: meta.I2 },
    { key: "Q", value: meta.Q },
    { key: "QP", value: meta.QP },
    { key: "piLower", value: meta.piLower },
    { key: "piUpper", value: meta.piUpper },
  ];
  if (exponentiate) results.push({ key: "expEstimate", value: Math.exp(meta.estimate) });
  const lang = langOf(s);
  const words = chartText[lang];
  const labels = (options.slab as string[] | undefined) ?? meta.yi.map((_, i) => words.study(i + 1));
  const forestSvg = await renderSvg({
    ...forest(
      { ...meta, slab: labels },
      {
        exponentiate,
        title: words.forestPlot,
        xTitle: exponentiate ? words.ratio : words.effect,
        pooledLabel: words.model(meta.method),
        weightTitle: words.weight,
        width: 380,
      },
    ),
    config: chartConfig(lang),
  } as VegaLiteSpec);
  const funnelSvg = await renderSvg(funnelSpec(meta, labels, lang));
  const rmaArgs = rArgs({ method: meta.method, test: meta.test, level: meta.level * 100 });
  const tsMeta = escalc
    ? tsObject({ ...options, yi: undefined, vi: undefined })
        .replace("{ ", "{ yi: es.yi, vi: es.vi, ")
        .replace("{ yi: es.yi, vi: es.vi, }", "{ yi: es.yi, vi: es.vi }")
    : tsObject(options);
  return {
    results,
    figures: [
      { title: "Forest plot", svg: forestSvg },
      { title: "Funnel plot", svg: funnelSvg },
    ],
    code: {
      ts: `import { ${escalc ? "effectSizes, " : ""}metaAnalysis } from "@tiltak/compare";\n${escalc}metaAnalysis(${tsMeta});`,
      r: escalc
        ? `library(metafor)\n${escalcR}rma(yi, vi, data = dat, ${rmaArgs})`
        : `library(metafor)\nrma(${rArgs({ yi: meta.yi, vi: meta.vi })}, ${rmaArgs})`,
    },
  };
}

function pickTheory(s: CalcState, upload: string | undefined): { theory: unknown; code: string } {
  if (s.theory === "upload") {
    if (upload === undefined || upload.trim() === "") throw new Error("theory: choose a JSON file to upload");
    try {
      return { theory: JSON.parse(upload), code: `JSON.parse(readFileSync("theory.json", "utf8"))` };
    } catch (error) {
      throw new Error(`theory file is not valid JSON: ${(error as Error).message}`);
    }
  }
  const id = s.theory || theories[0]?.id;
  const theory = theories.find((t) => t.id === id);
  if (theory === undefined)
    throw new Error(`theory must be one of ${theories.map((t) => t.id).join(", ")} or "upload", got "${id}"`);
  return { theory, code: `theories.find((t) => t.id === ${JSON.stringify(id)})!` };
}

async function theoryTask(s: CalcState, upload?: string): Promise<TaskOutput> {
  const { theory, code } = pickTheory(s, upload);
  const spec = theory as ProgrammeTheory;
  const check = checkTheory(spec);
  const answers = defined({
    requiredSampleSize: num(s, "requiredSampleSize"),
    eligiblePerPeriod: num(s, "eligiblePerPeriod"),
    periods: num(s, "periods"),
    sites: num(s, "sites"),
    comparator: s.comparator || undefined,
    randomisationUnit: s.randomisationUnit || undefined,
    deliveredTo: s.deliveredTo || undefined,
    contaminationRisk: s.contaminationRisk || undefined,
    followUpMonths: num(s, "followUpMonths"),
  });
  const readiness = assessReadiness(spec, answers as never);
  const lang = langOf(s);
  const words = chartText[lang];
  // Column titles (and node labels that have a bokmål version) follow the page's language.
  const svg = await theorySvg(spec, { lang });
  const id = readiness.theory;
  return {
    results: [
      { key: "ok", value: check.ok },
      { key: "errors", value: check.counts.error },
      { key: "warnings", value: check.counts.warning },
      { key: "infos", value: check.counts.info },
      { key: "pilot", value: readiness.pilot.verdict },
      { key: "rct", value: readiness.rct.verdict },
    ],
    figures: [{ title: "Theory diagram", svg }],
    tables: [
      {
        title: words.findings,
        result: "findings",
        columns: [...words.findingColumns],
        rows: check.findings.map((f) => [f.severity, f.rule, f.message]),
      },
      {
        title: words.readiness,
        result: "readiness",
        columns: [...words.readinessColumns],
        rows: readiness.items.map((item) => [item.item, item.status, item.next]),
      },
    ],
    downloads: [
      { name: `${id}.json`, mime: "application/json", text: `${JSON.stringify(theory, null, 2)}\n` },
      { name: `${id}.dot`, mime: "text/vnd.graphviz", text: toDot(spec) },
      { name: `${id}.mmd`, mime: "text/plain", text: toMermaid(spec) },
      { name: `${id}.md`, mime: "text/markdown", text: toMarkdown(spec) },
      { name: `${id}.svg`, mime: "image/svg+xml", text: svg },
    ],
    code: {
      ts: `import { theories } from "@tiltak/datasets";\nimport { assessReadiness, checkTheory, toDot } from "@tiltak/theory";\nconst theory = ${code};\ncheckTheory(theory);\nassessReadiness(theory, ${tsObject(answers)});\ntoDot(theory);`,
      r: `# The diagram in R: DiagrammeR renders the DOT export\nlibrary(DiagrammeR)\ngrViz(paste(readLines("${id}.dot"), collapse = "\\n"))`,
    },
  };
}

/** The tasks by name. */
export const tasks: Record<string, (state: CalcState, upload?: string) => Promise<TaskOutput>> = {
  power: powerTask,
  cluster: clusterTask,
  rates: ratesTask,
  meta: metaTask,
  theory: theoryTask,
  allocation: allocationTask,
};

/** The bundled theories, for the picker. */
export function theoryChoices(): { id: string; title: string }[] {
  return theories.map((t) => ({ id: t.id, title: t.title }));
}
