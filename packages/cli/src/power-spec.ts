// The `tiltak power` tests and their flags, written out so that `tiltak --help` and the command tree need
// no library code (the power package is loaded only when a test runs). A test in power-command checks
// that every flag here is an option of the function's schema, and the reverse.

/** How a flag's value is read: a number, a number that may be solved, choices, a list, a switch. */
export type PowerFlagKind =
  | { type: "number" }
  | { type: "solvable" }
  | { type: "choice"; choices: readonly string[] }
  | { type: "numbers" }
  | { type: "boolean" }
  | { type: "string" };

/** One option of a power function, as a flag. */
export interface PowerFlag {
  /** The option's name in the library, e.g. `sigLevel` (the flag is its kebab case, `--sig-level`). */
  key: string;
  /** How the value is read. */
  kind: PowerFlagKind;
  /** One line of help. */
  help: string;
}

/** One `tiltak power <test>`. */
export interface PowerTest {
  /** The test's name on the command line, e.g. `t-test`. */
  name: string;
  /** Other accepted names. */
  aliases: readonly string[];
  /** The function exported by `@tiltak/power`. */
  fn: string;
  /** Its options schema exported by `@tiltak/power`. */
  schema: string;
  /** One line of help (with the R equivalent). */
  summary: string;
  /** The flags. */
  flags: PowerFlag[];
  /** An example command line. */
  example: string;
}

const help: Record<string, string> = {
  n: "sample size (see the note in the result for what it counts)",
  n1: "size of group 1",
  n2: "size of group 2",
  N: "total number of observations",
  d: "effect size (Cohen's d)",
  h: "effect size (Cohen's h)",
  r: "correlation under the alternative, in (-1, 1)",
  w: "effect size (Cohen's w)",
  f: "effect size (Cohen's f)",
  f2: "effect size (Cohen's f²)",
  k: "number of groups",
  u: "numerator degrees of freedom (tested predictors)",
  v: "denominator degrees of freedom, n − u − 1",
  df: "degrees of freedom of the test",
  delta: "difference in means",
  sd: "standard deviation",
  p1: "proportion in group 1, in (0, 1)",
  p2: "proportion in group 2, in (0, 1)",
  p0: "binary outcome: proportion under control",
  sigLevel: "significance level (default 0.05)",
  power: "power, in (0, 1)",
  type: "design",
  alternative: "alternative hypothesis (default two-sided)",
  icc: "intracluster correlation, in [0, 1)",
  clusterSize: "individuals per cluster",
  clusters: "number of clusters (both arms)",
  cv: "coefficient of variation of the cluster sizes (default 0)",
  treatedShare: "share of clusters treated (default 0.5)",
  r2Individual: "R² of individual-level covariates (default 0)",
  r2Cluster: "R² of cluster-level covariates (default 0)",
  clusterCovariates: "number of cluster-level covariates (default 0)",
  mdes: "minimum detectable effect size, in SDs",
  siteSize: "individuals per site",
  sites: "number of sites",
  heterogeneity: "effect heterogeneity across sites (ω)",
  r2Heterogeneity: "share of the heterogeneity explained by site covariates (default 0)",
  siteCovariates: "number of site-level covariates (default 0)",
  steps: "number of steps",
  clustersPerStep: "clusters in each sequence, comma-separated",
  outcome: "outcome type",
  cac: "cluster autocorrelation, in (0, 1] (default 1)",
  tau: "SD of the cluster intercepts, instead of --icc",
  effect: "treatment effect",
  attrition: "expected share lost to follow-up, in [0, 1)",
};

const twoSided = ["two-sided", "less", "greater"] as const;
const baseR = ["two-sided", "one-sided", "less", "greater"] as const;
const testTypes = ["two-sample", "one-sample", "paired"] as const;

function flags(spec: string): PowerFlag[] {
  return spec.split(" ").map((item) => {
    const [key, code] = item.split(":") as [string, string];
    let kind: PowerFlagKind;
    if (code === "s") kind = { type: "solvable" };
    else if (code === "n") kind = { type: "number" };
    else if (code === "l") kind = { type: "numbers" };
    else if (code === "b") kind = { type: "boolean" };
    else if (code === "alt") kind = { type: "choice", choices: twoSided };
    else if (code === "altR") kind = { type: "choice", choices: baseR };
    else if (code === "type") kind = { type: "choice", choices: testTypes };
    else kind = { type: "choice", choices: code.split("|") };
    return { key, kind, help: help[key] ?? key };
  });
}

/**
 * Every `tiltak power <test>`, in help order: the function it calls, its flags and an example.
 *
 * @example
 * ```ts
 * import { powerTests } from "@tiltak/cli";
 * powerTests.find((test) => test.name === "t-test")?.fn; // => "tTest"
 * ```
 */
export const powerTests: readonly PowerTest[] = [
  {
    name: "t-test",
    aliases: [],
    fn: "tTest",
    schema: "tTestOptions",
    summary: "t test, one, two or paired samples, equal n (R pwr::pwr.t.test)",
    flags: flags("n:s d:s sigLevel:s power:s type:type alternative:alt"),
    example: "tiltak power t-test --d 0.5 --power 0.8",
  },
  {
    name: "t-test-2n",
    aliases: [],
    fn: "tTest2n",
    schema: "tTest2nOptions",
    summary: "two-sample t test, unequal n (R pwr::pwr.t2n.test)",
    flags: flags("n1:s n2:s d:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power t-test-2n --n1 40 --d 0.5 --power 0.8",
  },
  {
    name: "two-proportions",
    aliases: [],
    fn: "twoProportions",
    schema: "twoProportionsOptions",
    summary: "two proportions, equal n, arcsine effect size h (R pwr::pwr.2p.test)",
    flags: flags("h:s n:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power two-proportions --h 0.3 --power 0.8",
  },
  {
    name: "two-proportions-2n",
    aliases: [],
    fn: "twoProportions2n",
    schema: "twoProportions2nOptions",
    summary: "two proportions, unequal n (R pwr::pwr.2p2n.test)",
    flags: flags("h:s n1:s n2:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power two-proportions-2n --h 0.3 --n1 100 --power 0.8",
  },
  {
    name: "one-proportion",
    aliases: [],
    fn: "oneProportion",
    schema: "oneProportionOptions",
    summary: "one proportion against a null value (R pwr::pwr.p.test)",
    flags: flags("h:s n:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power one-proportion --h 0.2 --power 0.8",
  },
  {
    name: "correlation",
    aliases: [],
    fn: "correlation",
    schema: "correlationOptions",
    summary: "correlation test (R pwr::pwr.r.test)",
    flags: flags("n:s r:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power correlation --r 0.3 --power 0.8",
  },
  {
    name: "chi-square",
    aliases: [],
    fn: "chiSquare",
    schema: "chiSquareOptions",
    summary: "chi-square test (R pwr::pwr.chisq.test)",
    flags: flags("w:s N:s df:n sigLevel:s power:s"),
    example: "tiltak power chi-square --w 0.3 --df 2 --power 0.8",
  },
  {
    name: "anova",
    aliases: [],
    fn: "anova",
    schema: "anovaOptions",
    summary: "balanced one-way analysis of variance (R pwr::pwr.anova.test)",
    flags: flags("k:s n:s f:s sigLevel:s power:s"),
    example: "tiltak power anova --k 3 --f 0.25 --power 0.8",
  },
  {
    name: "linear-model",
    aliases: [],
    fn: "linearModel",
    schema: "linearModelOptions",
    summary: "F test in multiple regression (R pwr::pwr.f2.test)",
    flags: flags("u:s v:s f2:s sigLevel:s power:s"),
    example: "tiltak power linear-model --u 3 --f2 0.15 --power 0.8",
  },
  {
    name: "normal-mean",
    aliases: [],
    fn: "normalMean",
    schema: "normalMeanOptions",
    summary: "mean of a normal distribution, known variance (R pwr::pwr.norm.test)",
    flags: flags("d:s n:s sigLevel:s power:s alternative:alt"),
    example: "tiltak power normal-mean --d 0.3 --power 0.8",
  },
  {
    name: "prop-test",
    aliases: ["proportions"],
    fn: "proportions",
    schema: "proportionsOptions",
    summary: "two proportions p1, p2 (R power.prop.test)",
    flags: flags("n:s p1:s p2:s sigLevel:s power:s alternative:altR"),
    example: "tiltak power prop-test --p1 0.5 --p2 0.75 --power 0.9",
  },
  {
    name: "means",
    aliases: [],
    fn: "means",
    schema: "meansOptions",
    summary: "difference in means with an SD (R power.t.test)",
    flags: flags("n:s delta:s sd:n sigLevel:s power:s type:type alternative:altR"),
    example: "tiltak power means --delta 1 --sd 2 --power 0.9",
  },
  {
    name: "cluster",
    aliases: ["cluster-randomised"],
    fn: "clusterRandomised",
    schema: "clusterRandomisedOptions",
    summary: "two-level cluster-randomised trial: clusters, MDES or power (PowerUp! CRA2)",
    flags: flags(
      "icc:n clusterSize:n clusters:s treatedShare:n r2Individual:n r2Cluster:n clusterCovariates:n mdes:s power:s sigLevel:n alternative:altR",
    ),
    example: "tiltak power cluster --icc 0.1 --cluster-size 20 --mdes 0.3 --power 0.8",
  },
  {
    name: "cluster-proportions",
    aliases: [],
    fn: "clusterProportions",
    schema: "clusterProportionsOptions",
    summary: "two proportions in a cluster-randomised trial (R clusterPower::cpa.binary)",
    flags: flags("p1:n p2:n clusterSize:n icc:n cv:n clusters:s power:s sigLevel:n alternative:altR"),
    example: "tiltak power cluster-proportions --p1 0.3 --p2 0.45 --cluster-size 20 --icc 0.05 --power 0.8",
  },
  {
    name: "multisite",
    aliases: ["multisite-randomised"],
    fn: "multisiteRandomised",
    schema: "multisiteRandomisedOptions",
    summary: "multisite (blocked) randomised trial with random effects (PowerUp! BIRA2)",
    flags: flags(
      "icc:n siteSize:n sites:s heterogeneity:n treatedShare:n r2Individual:n r2Heterogeneity:n siteCovariates:n mdes:s power:s sigLevel:n alternative:altR",
    ),
    example: "tiltak power multisite --icc 0.1 --site-size 40 --heterogeneity 0.05 --mdes 0.25 --power 0.8",
  },
  {
    name: "stepped-wedge",
    aliases: [],
    fn: "steppedWedge",
    schema: "steppedWedgeOptions",
    summary: "stepped-wedge cluster-randomised trial (Hussey & Hughes 2007; R swCRTdesign)",
    flags: flags(
      "clusters:n steps:n clusterSize:n clustersPerStep:l outcome:continuous|binary icc:n cac:n tau:n sd:n p0:n effect:s power:s sigLevel:n",
    ),
    example:
      "tiltak power stepped-wedge --clusters 12 --steps 4 --cluster-size 10 --icc 0.05 --effect 0.3 --sd 1",
  },
  {
    name: "design-effect",
    aliases: [],
    fn: "designEffect",
    schema: "designEffectOptions",
    summary: "design effect of cluster sampling, 1 + ((cv² + 1)m − 1)·icc (Eldridge 2006)",
    flags: flags("clusterSize:n icc:n cv:n"),
    example: "tiltak power design-effect --cluster-size 20 --icc 0.05",
  },
  {
    name: "inflate-for-attrition",
    aliases: [],
    fn: "inflateForAttrition",
    schema: "inflateForAttritionOptions",
    summary: "sample size to recruit so that n remain after attrition, ⌈n / (1 − attrition)⌉",
    flags: flags("n:n attrition:n"),
    example: "tiltak power inflate-for-attrition --n 128 --attrition 0.2",
  },
];

/** The flags of `tiltak power simulate`: the two-arm simulator's options, then the run's. */
export const simulateFlags: readonly PowerFlag[] = [
  ...flags("outcome:binary|continuous n:n n1:n n2:n clusters:n clusterSize:n icc:n p1:n p2:n delta:n sd:n"),
  { key: "reps", kind: { type: "number" }, help: "replicates (default 1000)" },
  { key: "seed", kind: { type: "string" }, help: "seed of the generator (required)" },
  { key: "sigLevel", kind: { type: "number" }, help: "significance level (default 0.05)" },
  { key: "level", kind: { type: "number" }, help: "level of the interval for the power (default 0.95)" },
  {
    key: "algorithm",
    kind: { type: "choice", choices: ["xor4096", "tychei", "alea", "xorshift7", "xorwow", "xor128"] },
    help: "generator algorithm (default xor4096)",
  },
  {
    key: "workers",
    kind: { type: "number" },
    help: "threads to run on (default 1; the result is the same for any number)",
  },
];
