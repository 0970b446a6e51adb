import type { CalcState } from "./state.js";

export type Lang = "en" | "nb";
export interface Label {
  en: string;
  nb: string;
}

/** One input of a calculator; `key` is the library's option name and the URL query key. */
export interface Field {
  key: string;
  label: Label;
  kind: "number" | "select" | "text" | "textarea" | "virtual";
  options?: { value: string; label: Label }[];
  placeholder?: string;
  show?: (state: CalcState, solved: string | undefined) => boolean;
  /** For `virtual` fields (not in the URL): the value shown and how choosing one changes the state. */
  get?: (state: CalcState) => string;
  set?: (state: CalcState, value: string) => void;
}

export interface CalcConfig {
  task: string;
  fields: Field[];
  /** The parameters that can be solved for, given the state; the one left out of the URL is solved. */
  solvable?: (state: CalcState) => string[];
  /** The state of a page opened without a query. */
  defaults: CalcState;
  results: Record<string, Label>;
  /** File inputs (their text is passed to the task, never put in the URL). */
  files?: { key: string; label: Label; accept: string; show?: (state: CalcState) => boolean }[];
}

const L = (en: string, nb: string): Label => ({ en, nb });
const alternative: Field = {
  key: "alternative",
  label: L("Alternative", "Alternativ"),
  kind: "select",
  options: [
    { value: "", label: L("two-sided", "tosidig") },
    { value: "greater", label: L("greater", "større") },
    { value: "less", label: L("less", "mindre") },
  ],
};
const sigLevel: Field = {
  key: "sigLevel",
  label: L("Significance level α", "Signifikansnivå α"),
  kind: "number",
  placeholder: "0.05",
};
const power: Field = { key: "power", label: L("Power", "Teststyrke"), kind: "number" };

const effectOf: Record<string, string> = {
  "t-test": "d",
  "two-proportions": "h",
  "one-proportion": "h",
  correlation: "r",
};

export const powerConfig: CalcConfig = {
  task: "power",
  defaults: { test: "t-test", d: "0.5", power: "0.8", sigLevel: "0.05" },
  solvable: (s) => ["n", effectOf[s.test ?? "t-test"] ?? "d", "power", "sigLevel"],
  fields: [
    {
      key: "test",
      label: L("Test", "Test"),
      kind: "select",
      options: [
        { value: "t-test", label: L("t test (means, Cohen's d)", "t-test (gjennomsnitt, Cohens d)") },
        { value: "two-proportions", label: L("two proportions", "to andeler") },
        { value: "one-proportion", label: L("one proportion", "én andel") },
        { value: "correlation", label: L("correlation", "korrelasjon") },
      ],
    },
    {
      key: "type",
      label: L("Design", "Design"),
      kind: "select",
      show: (s) => (s.test ?? "t-test") === "t-test",
      options: [
        { value: "", label: L("two samples", "to utvalg") },
        { value: "paired", label: L("paired", "parvis") },
        { value: "one-sample", label: L("one sample", "ett utvalg") },
      ],
    },
    {
      key: "effectFrom",
      label: L("Effect given as", "Effekt oppgitt som"),
      kind: "virtual",
      show: (s, solved) => (s.test === "two-proportions" || s.test === "one-proportion") && solved !== "h",
      options: [
        { value: "rates", label: L("two rates", "to andeler") },
        { value: "h", label: L("Cohen's h", "Cohens h") },
      ],
      get: (s) => (s.p1 !== undefined || s.p !== undefined ? "rates" : "h"),
      set: (s, value) => {
        if (value === "rates") {
          delete s.h;
          if (s.test === "two-proportions") Object.assign(s, { p1: "0.5", p2: "0.3" });
          else Object.assign(s, { p: "0.75", p0: "0.5" });
        } else {
          for (const k of ["p1", "p2", "p", "p0"]) delete s[k];
          s.h = "0.3";
        }
      },
    },
    { key: "n", label: L("n", "n"), kind: "number" },
    {
      key: "d",
      label: L("Cohen's d", "Cohens d"),
      kind: "number",
      show: (s) => (s.test ?? "t-test") === "t-test",
    },
    {
      key: "p1",
      label: L("Rate p1 (group 1)", "Andel p1 (gruppe 1)"),
      kind: "number",
      show: (s, solved) => s.test === "two-proportions" && solved !== "h" && s.p1 !== undefined,
    },
    {
      key: "p2",
      label: L("Rate p2 (group 2)", "Andel p2 (gruppe 2)"),
      kind: "number",
      show: (s, solved) => s.test === "two-proportions" && solved !== "h" && s.p1 !== undefined,
    },
    {
      key: "p",
      label: L("Rate p (alternative)", "Andel p (alternativ)"),
      kind: "number",
      show: (s, solved) => s.test === "one-proportion" && solved !== "h" && s.p !== undefined,
    },
    {
      key: "p0",
      label: L("Rate p0 (null)", "Andel p0 (null)"),
      kind: "number",
      show: (s, solved) => s.test === "one-proportion" && solved !== "h" && s.p !== undefined,
    },
    {
      key: "h",
      label: L("Cohen's h", "Cohens h"),
      kind: "number",
      show: (s, solved) =>
        (s.test === "two-proportions" || s.test === "one-proportion") &&
        (solved === "h" || (s.p1 === undefined && s.p === undefined)),
    },
    {
      key: "r",
      label: L("Correlation r", "Korrelasjon r"),
      kind: "number",
      show: (s) => s.test === "correlation",
    },
    power,
    sigLevel,
    alternative,
  ],
  results: {
    n: L("n (per group for two samples)", "n (per gruppe ved to utvalg)"),
    nRecruit: L("n to recruit (rounded up)", "n som må rekrutteres (rundet opp)"),
    d: L("Cohen's d", "Cohens d"),
    h: L("Cohen's h", "Cohens h"),
    r: L("Correlation r", "Korrelasjon r"),
    power: L("Power", "Teststyrke"),
    sigLevel: L("Significance level α", "Signifikansnivå α"),
  },
};

export const clusterConfig: CalcConfig = {
  task: "cluster",
  defaults: {
    design: "cra2",
    icc: "0.05",
    clusterSize: "15",
    mdes: "0.4",
    power: "0.8",
    cv: "0.4",
    attrition: "0.1",
  },
  solvable: (s) => ((s.design ?? "cra2") === "cra2" ? ["clusters", "mdes", "power"] : ["effect", "power"]),
  fields: [
    {
      key: "design",
      label: L("Design", "Design"),
      kind: "select",
      options: [
        { value: "cra2", label: L("cluster-randomised (CRA2)", "klyngerandomisert (CRA2)") },
        { value: "stepped-wedge", label: L("stepped wedge", "trinnvis innføring (stepped wedge)") },
      ],
    },
    { key: "clusters", label: L("Clusters (both arms)", "Klynger (begge armer)"), kind: "number" },
    { key: "steps", label: L("Steps", "Trinn"), kind: "number", show: (s) => s.design === "stepped-wedge" },
    { key: "clusterSize", label: L("Individuals per cluster", "Personer per klynge"), kind: "number" },
    { key: "icc", label: L("Intraclass correlation (ICC)", "Intraklassekorrelasjon (ICC)"), kind: "number" },
    {
      key: "mdes",
      label: L("MDES (SD units)", "MDES (SD-enheter)"),
      kind: "number",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
    {
      key: "effect",
      label: L("Effect θ", "Effekt θ"),
      kind: "number",
      show: (s) => s.design === "stepped-wedge",
    },
    {
      key: "sd",
      label: L("Individual SD σ", "Individ-SD σ"),
      kind: "number",
      show: (s) => s.design === "stepped-wedge",
      placeholder: "1",
    },
    {
      key: "cac",
      label: L("Cluster autocorrelation", "Klynge-autokorrelasjon"),
      kind: "number",
      show: (s) => s.design === "stepped-wedge",
      placeholder: "1",
    },
    power,
    { ...sigLevel, key: "sigLevel" },
    {
      key: "treatedShare",
      label: L("Share of clusters treated", "Andel klynger i tiltak"),
      kind: "number",
      placeholder: "0.5",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
    {
      key: "r2Individual",
      label: L("R² individual covariates", "R² individkovariater"),
      kind: "number",
      placeholder: "0",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
    {
      key: "r2Cluster",
      label: L("R² cluster covariates", "R² klyngekovariater"),
      kind: "number",
      placeholder: "0",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
    {
      key: "cv",
      label: L("CV of cluster sizes", "Variasjonskoeffisient for klyngestørrelse"),
      kind: "number",
      placeholder: "0",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
    {
      key: "attrition",
      label: L("Attrition (share lost)", "Frafall (andel)"),
      kind: "number",
      show: (s) => (s.design ?? "cra2") === "cra2",
    },
  ],
  results: {
    clusters: L("Clusters (both arms)", "Klynger (begge armer)"),
    clustersRecruit: L("Clusters to recruit", "Klynger å rekruttere"),
    mdes: L("MDES", "MDES"),
    effect: L("Effect θ", "Effekt θ"),
    power: L("Power", "Teststyrke"),
    df: L("Degrees of freedom", "Frihetsgrader"),
    standardError: L("Standard error", "Standardfeil"),
    designEffect: L("Design effect (with size variation)", "Designeffekt (med ulik klyngestørrelse)"),
    recruitPerCluster: L("Recruit per cluster for attrition", "Rekrutteres per klynge, justert for frafall"),
    variance: L("Var(θ̂)", "Var(θ̂)"),
    tau: L("Cluster SD τ", "Klynge-SD τ"),
    periods: L("Periods", "Perioder"),
  },
};

export const ratesConfig: CalcConfig = {
  task: "rates",
  defaults: { x: "27", n: "84", method: "wilson", target: "0.4", x2: "44", n2: "102" },
  fields: [
    { key: "x", label: L("Events (x)", "Hendelser (x)"), kind: "number" },
    { key: "n", label: L("Denominator (n)", "Nevner (n)"), kind: "number" },
    {
      key: "method",
      label: L("Interval method", "Intervallmetode"),
      kind: "select",
      options: ["wilson", "clopper-pearson", "agresti-coull", "jeffreys", "wald"].map((m) => ({
        value: m,
        label: L(m, m),
      })),
    },
    { key: "level", label: L("Confidence level", "Konfidensnivå"), kind: "number", placeholder: "0.95" },
    { key: "target", label: L("Target rate", "Målandel"), kind: "number" },
    { key: "x2", label: L("Group 2 events (x2)", "Hendelser i gruppe 2 (x2)"), kind: "number" },
    { key: "n2", label: L("Group 2 denominator (n2)", "Nevner i gruppe 2 (n2)"), kind: "number" },
  ],
  results: {
    estimate: L("Rate x/n", "Andel x/n"),
    lower: L("Lower limit", "Nedre grense"),
    upper: L("Upper limit", "Øvre grense"),
    versusTarget: L("Against the target", "Mot målet"),
    p2: L("Group 2 rate", "Andel gruppe 2"),
    riskDifference: L("Difference p1 − p2", "Differanse p1 − p2"),
    riskDifferenceLower: L("Difference, lower", "Differanse, nedre"),
    riskDifferenceUpper: L("Difference, upper", "Differanse, øvre"),
    riskRatio: L("Ratio p1/p2", "Forhold p1/p2"),
    riskRatioLower: L("Ratio, lower", "Forhold, nedre"),
    riskRatioUpper: L("Ratio, upper", "Forhold, øvre"),
    fisherP: L("Fisher's exact p", "Fishers eksakte p"),
  },
};

export const metaConfig: CalcConfig = {
  task: "meta",
  defaults: {
    yi: "-0.89, -1.59, -1.35, -1.44, -0.22",
    vi: "0.33, 0.19, 0.42, 0.02, 0.05",
    slab: "A, B, C, D, E",
    method: "REML",
  },
  fields: [
    {
      key: "input",
      label: L("Data", "Data"),
      kind: "virtual",
      options: [
        { value: "yi", label: L("effect sizes yi and variances vi", "effektstørrelser yi og varianser vi") },
        { value: "counts", label: L("2×2 counts", "antall i 2×2-tabeller") },
      ],
      get: (s) => (s.ai !== undefined ? "counts" : "yi"),
      set: (s, value) => {
        if (value === "counts") {
          delete s.yi;
          delete s.vi;
          Object.assign(s, {
            measure: "OR",
            ai: "4, 6, 3, 62, 33",
            bi: "119, 300, 228, 13536, 5036",
            ci: "11, 29, 11, 248, 47",
            di: "128, 274, 209, 12619, 5761",
          });
        } else {
          for (const k of ["measure", "ai", "bi", "ci", "di"]) delete s[k];
          Object.assign(s, { yi: "-0.89, -1.59, -1.35, -1.44, -0.22", vi: "0.33, 0.19, 0.42, 0.02, 0.05" });
        }
      },
    },
    {
      key: "yi",
      label: L("yi (effect sizes)", "yi (effektstørrelser)"),
      kind: "textarea",
      show: (s) => s.ai === undefined,
    },
    {
      key: "vi",
      label: L("vi (sampling variances)", "vi (utvalgsvarianser)"),
      kind: "textarea",
      show: (s) => s.ai === undefined,
    },
    {
      key: "measure",
      label: L("Measure", "Mål"),
      kind: "select",
      show: (s) => s.ai !== undefined,
      options: [
        { value: "OR", label: L("log odds ratio", "log oddsratio") },
        { value: "RR", label: L("log risk ratio", "log risikoratio") },
        { value: "RD", label: L("risk difference", "risikodifferanse") },
      ],
    },
    {
      key: "ai",
      label: L("ai (treated, events)", "ai (tiltak, hendelser)"),
      kind: "textarea",
      show: (s) => s.ai !== undefined,
    },
    {
      key: "bi",
      label: L("bi (treated, no event)", "bi (tiltak, ingen hendelse)"),
      kind: "textarea",
      show: (s) => s.ai !== undefined,
    },
    {
      key: "ci",
      label: L("ci (control, events)", "ci (kontroll, hendelser)"),
      kind: "textarea",
      show: (s) => s.ai !== undefined,
    },
    {
      key: "di",
      label: L("di (control, no event)", "di (kontroll, ingen hendelse)"),
      kind: "textarea",
      show: (s) => s.ai !== undefined,
    },
    { key: "slab", label: L("Study labels", "Studienavn"), kind: "textarea" },
    {
      key: "method",
      label: L("τ² estimator", "τ²-estimator"),
      kind: "select",
      options: ["REML", "DL", "PM", "ML", "HE", "SJ", "FE"].map((m) => ({ value: m, label: L(m, m) })),
    },
    {
      key: "test",
      label: L("Test", "Test"),
      kind: "select",
      options: [
        { value: "", label: L("z", "z") },
        { value: "knha", label: L("Knapp–Hartung", "Knapp–Hartung") },
      ],
    },
    { key: "level", label: L("Confidence level", "Konfidensnivå"), kind: "number", placeholder: "0.95" },
  ],
  results: {
    k: L("Studies k", "Studier k"),
    estimate: L("Pooled estimate", "Samlet estimat"),
    expEstimate: L("Pooled ratio (exp)", "Samlet forhold (exp)"),
    se: L("Standard error", "Standardfeil"),
    ciLower: L("CI lower", "KI nedre"),
    ciUpper: L("CI upper", "KI øvre"),
    p: L("p-value", "p-verdi"),
    tau2: L("τ²", "τ²"),
    I2: L("I² (%)", "I² (%)"),
    Q: L("Q", "Q"),
    QP: L("Q p-value", "Q p-verdi"),
    piLower: L("Prediction interval lower", "Prediksjonsintervall nedre"),
    piUpper: L("Prediction interval upper", "Prediksjonsintervall øvre"),
  },
};

export const theoryConfig: CalcConfig = {
  task: "theory",
  defaults: {
    theory: "nora",
    requiredSampleSize: "200",
    sites: "2",
    periods: "2",
    randomisationUnit: "individual",
  },
  fields: [
    { key: "theory", label: L("Theory", "Programteori"), kind: "select", options: [] },
    {
      key: "requiredSampleSize",
      label: L("Sample size the trial needs", "Utvalgsstørrelse studien trenger"),
      kind: "number",
    },
    {
      key: "eligiblePerPeriod",
      label: L("Eligible per period", "Aktuelle deltakere per periode"),
      kind: "number",
    },
    { key: "periods", label: L("Recruitment periods", "Rekrutteringsperioder"), kind: "number" },
    { key: "sites", label: L("Sites", "Steder"), kind: "number" },
    {
      key: "randomisationUnit",
      label: L("Randomisation unit", "Randomiseringsenhet"),
      kind: "select",
      options: ["", "individual", "class", "cohort", "site", "municipality"].map((m) => ({
        value: m,
        label: L(m || "—", m || "—"),
      })),
    },
    {
      key: "deliveredTo",
      label: L("Delivered to", "Gis til"),
      kind: "select",
      options: ["", "individuals", "groups"].map((m) => ({ value: m, label: L(m || "—", m || "—") })),
    },
    {
      key: "comparator",
      label: L("Comparator", "Sammenligning"),
      kind: "select",
      options: [
        "",
        "treatment-as-usual",
        "waiting-list",
        "alternative-programme",
        "no-treatment",
        "none",
      ].map((m) => ({ value: m, label: L(m || "—", m || "—") })),
    },
    { key: "followUpMonths", label: L("Follow-up (months)", "Oppfølging (måneder)"), kind: "number" },
  ],
  files: [
    {
      key: "upload",
      label: L("Theory JSON", "Programteori (JSON)"),
      accept: ".json,application/json",
      show: (s) => s.theory === "upload",
    },
  ],
  results: {
    ok: L("No errors", "Ingen feil"),
    errors: L("Errors", "Feil"),
    warnings: L("Warnings", "Advarsler"),
    infos: L("Notes", "Merknader"),
    pilot: L("Pilot readiness", "Klar for pilot"),
    rct: L("RCT readiness", "Klar for RCT"),
  },
};

export const allocationConfig: CalcConfig = {
  task: "allocation",
  defaults: {
    arms: "NorA:2, usual:1",
    strata: "gender:F|M",
    blockSizes: "3, 6",
    size: "12",
    seed: "2025-pilot",
  },
  fields: [
    {
      key: "mode",
      label: L("Task", "Oppgave"),
      kind: "select",
      options: [
        { value: "", label: L("generate a list", "lag en liste") },
        { value: "verify", label: L("verify a list", "kontroller en liste") },
      ],
    },
    {
      key: "arms",
      label: L("Arms (name or name:ratio)", "Armer (navn eller navn:forhold)"),
      kind: "text",
      show: (s) => s.mode !== "verify",
    },
    {
      key: "strata",
      label: L("Strata (field:level|level, …)", "Strata (felt:nivå|nivå, …)"),
      kind: "text",
      show: (s) => s.mode !== "verify",
    },
    {
      key: "design",
      label: L("Design", "Design"),
      kind: "select",
      show: (s) => s.mode !== "verify",
      options: [
        { value: "", label: L("blocked (default)", "blokker (standard)") },
        { value: "complete", label: L("complete", "komplett") },
        { value: "simple", label: L("simple", "enkel") },
      ],
    },
    {
      key: "blockSizes",
      label: L("Block sizes", "Blokkstørrelser"),
      kind: "text",
      show: (s) => s.mode !== "verify",
    },
    {
      key: "size",
      label: L("List size per stratum", "Listelengde per stratum"),
      kind: "number",
      show: (s) => s.mode !== "verify",
    },
    { key: "seed", label: L("Seed", "Frø (seed)"), kind: "text", show: (s) => s.mode !== "verify" },
  ],
  files: [
    {
      key: "plan",
      label: L("…or upload a plan (JSON)", "…eller last opp en plan (JSON)"),
      accept: ".json,application/json",
      show: (s) => s.mode !== "verify",
    },
    {
      key: "csv",
      label: L("Allocation list (CSV)", "Allokeringsliste (CSV)"),
      accept: ".csv,text/csv",
      show: (s) => s.mode === "verify",
    },
    {
      key: "certificate",
      label: L("Sealed certificate (JSON)", "Forseglet sertifikat (JSON)"),
      accept: ".json",
      show: (s) => s.mode === "verify",
    },
    {
      key: "commitment",
      label: L("Published commitment (JSON)", "Publisert forpliktelse (JSON)"),
      accept: ".json",
      show: (s) => s.mode === "verify",
    },
  ],
  results: {
    rows: L("Rows", "Rader"),
    commitment: L("Commitment (publish this)", "Forpliktelse (publiser denne)"),
    failed: L("Failed checks", "Kontroller som feilet"),
    ok: L("Verified", "Bekreftet"),
    differenceCount: L("Differences", "Avvik"),
    firstDifferenceRow: L("First changed row", "Første endrede rad"),
    firstDifferenceColumn: L("First changed column", "Første endrede kolonne"),
    commitmentOk: L("Matches the commitment", "Stemmer med forpliktelsen"),
  },
};

export const configs: Record<string, CalcConfig> = {
  power: powerConfig,
  cluster: clusterConfig,
  rates: ratesConfig,
  meta: metaConfig,
  theory: theoryConfig,
  allocation: allocationConfig,
};
