/**
 * A calculator's state: the URL query string as key → text, keys the library's option names. The page adds
 * `lang` (`en` or `nb`) when it asks the worker for results, so the charts follow the language.
 */
export type CalcState = Record<string, string>;

/** The page's language. */
export type ChartLang = "en" | "nb";

/** The language a task should draw its charts in. */
export const langOf = (s: CalcState): ChartLang => (s.lang === "nb" ? "nb" : "en");

/** Words the calculators' charts and tables use, in English and bokmål. */
export const chartText = {
  en: {
    power: "Power",
    nPerGroup: "n per group",
    n: "n",
    powerAgainstN: "Power against n",
    clustersBothArms: "Clusters (both arms)",
    clusters: "Clusters",
    powerAgainstClusters: "Power against clusters",
    forestPlot: "Forest plot",
    funnelPlot: "Funnel plot",
    effect: "Effect",
    ratio: "Ratio",
    standardError: "Standard error",
    weight: "Weight (%)",
    model: (method: string) => `${method} model`,
    study: (i: number) => `Study ${i}`,
    findings: "Findings",
    findingColumns: ["severity", "rule", "message"],
    readiness: "Readiness",
    readinessColumns: ["item", "status", "next"],
    firstRows: "First rows of the list",
    differences: "Differences",
    differenceColumns: ["row", "column", "expected", "found"],
  },
  nb: {
    power: "Teststyrke",
    nPerGroup: "Utvalgsstørrelse per gruppe",
    n: "Utvalgsstørrelse",
    powerAgainstN: "Teststyrke etter utvalgsstørrelse",
    clustersBothArms: "Klynger (begge armer)",
    clusters: "Klynger",
    powerAgainstClusters: "Teststyrke etter antall klynger",
    forestPlot: "Forestplott",
    funnelPlot: "Traktplott",
    effect: "Effektstørrelse",
    ratio: "Forholdstall",
    standardError: "Standardfeil",
    weight: "Vekt (%)",
    model: (method: string) => `${method}-modell`,
    study: (i: number) => `Studie ${i}`,
    findings: "Funn",
    findingColumns: ["alvorlighet", "regel", "melding"],
    readiness: "Klarhet for pilot og RCT",
    readinessColumns: ["punkt", "status", "neste steg"],
    firstRows: "Listens første rader",
    differences: "Avvik",
    differenceColumns: ["rad", "kolonne", "forventet", "funnet"],
  },
} as const;

/**
 * Vega-Lite's number locale for the language: bokmål writes a decimal comma and a space between thousands
 * (`0,8`, `1 000`) on the axes too.
 */
export function chartConfig(lang: ChartLang): Record<string, unknown> {
  return lang === "nb"
    ? { locale: { number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", " kr"] } } }
    : {};
}

/** A number for a chart title: four significant digits, with a decimal comma in bokmål. */
export function chartNumber(value: number, lang: ChartLang): string {
  const text = Number(value.toPrecision(4)).toString();
  return lang === "nb" ? text.replace(".", ",").replace("-", "−") : text;
}

/** One value shown in the page with `data-result`. */
export interface ResultValue {
  key: string;
  value: number | string | boolean | null;
}

/** A file the page offers for download. */
export interface Download {
  name: string;
  mime: string;
  text: string;
  /** What to do with it (publish, keep sealed, …). */
  note?: string;
}

/** What a task returns to the page. */
export interface TaskOutput {
  results: ResultValue[];
  /** SVG figures. */
  figures: { title: string; svg: string }[];
  /** The reproducing calls. */
  code: { ts: string; r: string };
  /** Extra tables (findings, rates, …). */
  tables?: { title: string; columns: string[]; rows: (string | number)[][]; result?: string }[];
  downloads?: Download[];
  /** Notes to show under the results. */
  notes?: string[];
}

/** An error as it crosses from the worker: the TiltakError's code and text. */
export interface TaskError {
  code: string;
  message: string;
}

/**
 * Reads a number typed in the form: empty means "not given" (undefined); a decimal comma is accepted;
 * anything else that is not a number is passed on unchanged so that the library names it in its error.
 */
export function num(state: CalcState, key: string): number | undefined {
  const text = state[key];
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text.trim().replace(",", "."));
  return Number.isFinite(value) ? value : (text as unknown as number);
}

/** Reads a list of numbers separated by commas, spaces, semicolons or new lines. */
export function numList(state: CalcState, key: string): number[] | undefined {
  const text = state[key];
  if (text === undefined || text.trim() === "") return undefined;
  return text
    .split(/[\s;,]+/)
    .filter((part) => part !== "")
    .map((part) => {
      const value = Number(part);
      return Number.isFinite(value) ? value : (part as unknown as number);
    });
}

/** Reads a list of labels separated by commas or new lines. */
export function textList(state: CalcState, key: string): string[] | undefined {
  const text = state[key];
  if (text === undefined || text.trim() === "") return undefined;
  return text
    .split(/[,\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Options with the undefined values left out, for printing a call. */
export function defined(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** A TypeScript object literal of options, as a reader would type it. */
export function tsObject(options: Record<string, unknown>): string {
  const parts = Object.entries(defined(options)).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `{ ${parts.join(", ")} }`;
}

/** An R value: numbers and vectors as R prints them, strings quoted, booleans TRUE/FALSE. */
export function rValue(value: unknown): string {
  if (Array.isArray(value)) return `c(${value.map(rValue).join(", ")})`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return "NULL";
  return String(value);
}

/** R arguments `name = value`, undefined ones left out. */
export function rArgs(args: Record<string, unknown>): string {
  return Object.entries(defined(args))
    .map(([key, value]) => `${key} = ${rValue(value)}`)
    .join(", ");
}
