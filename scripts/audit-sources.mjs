#!/usr/bin/env node
/**
 * Full-text audit of the bundled datasets against the plain-text extractions of their five source
 * documents. Every citation in `@tiltak/datasets` names its document (bibliographic `reference`) and a
 * locator; it also keeps `extractLines`, line ranges in these text extractions, for this audit only.
 * The audit checks that every cited range exists in the right file and contains the figures and
 * printed labels it is cited for.
 *
 *   pnpm audit:sources --sources <folder>        (or TILTAK_SOURCES=<folder> pnpm audit:sources)
 *
 * The folder is not part of the repository. The audit fails (exit 2) naming what is missing when the
 * folder is not given, does not exist or lacks a file, and (exit 1) listing every failed check.
 * It never skips silently.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The text extraction of each document: file name and SHA-256 of its content. */
const extractions = {
  "nora-2024": {
    file: "000_4c3068cd3386deb4.txt",
    sha256: "0c01ed6b7e38e749a64126435a91301fa657766aaf72facc7387817715d0552a",
  },
  "nora-2021": {
    file: "001_e6bd37a64f9cf878.txt",
    sha256: "55ff8695fe5367c43d888c199144204698daa85bad025e829be92010e5a93638",
  },
  "ny-sjanse-2024": {
    file: "002_4b5fdc313ce39912.txt",
    sha256: "632932ccd9a936b893e4ade8a505a5c52b524d3581ada964c1a37efad9752f0d",
  },
  "nibr-2020-13": {
    file: "003_1b63eb96aa8e21c3.txt",
    sha256: "9d64b891527cf30d8e9a3976685e834293776d015e14d41449c4f7012e519f66",
  },
  "groruddalen-2014": {
    file: "004_7748a3a4a80f8987.txt",
    sha256: "89010f14c90bbdbb5629598f00d18e9e3d19baefb5bf3b35e6be80d958d0096e",
  },
};

function fail(message) {
  console.error(`audit:sources: ${message}`);
  process.exit(2);
}

function sourcesFolder(argv) {
  const at = argv.indexOf("--sources");
  const inline = argv.find((arg) => arg.startsWith("--sources="));
  let folder = inline ? inline.slice("--sources=".length) : at >= 0 ? argv[at + 1] : undefined;
  if (folder === undefined || folder === "" || folder.startsWith("--")) folder = process.env.TILTAK_SOURCES;
  if (folder === undefined || folder === "")
    fail(
      "no sources folder given. Run `pnpm audit:sources --sources <folder>` (or set TILTAK_SOURCES) with the folder holding the text extractions " +
        Object.values(extractions)
          .map((e) => e.file)
          .join(", "),
    );
  const path = resolve(folder);
  if (!existsSync(path) || !statSync(path).isDirectory()) fail(`sources folder ${path} does not exist`);
  const missing = Object.values(extractions)
    .map((e) => e.file)
    .filter((file) => !existsSync(join(path, file)));
  if (missing.length > 0) fail(`sources folder ${path} is incomplete: missing ${missing.join(", ")}`);
  return path;
}

const folder = sourcesFolder(process.argv.slice(2));

/** Lines of each document's extraction, after checking its fingerprint. */
const texts = {};
for (const [id, { file, sha256 }] of Object.entries(extractions)) {
  const bytes = readFileSync(join(folder, file));
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== sha256)
    fail(`${join(folder, file)} is not the expected extraction of ${id} (sha256 ${digest})`);
  texts[id] = bytes.toString("utf8").split("\n");
}

const {
  programmeYears,
  programmeYearCitations,
  nySjanseReferralsByOffice,
  nySjanseReferralTotals,
  theories,
} = await import("../packages/datasets/src/index.ts");
const { compareTheories, workingMethodTags } = await import("../packages/theory/src/index.ts");

const failures = [];
let checks = 0;
function check(ok, message) {
  checks++;
  if (!ok) failures.push(message);
}

/** Parses `"4931-4935, 5081, nora-2021:47"` into `[document, first, last]` (other documents prefixed). */
function ranges(extractLines, document) {
  return extractLines.split(",").map((part) => {
    const match = /^\s*(?:([a-z0-9-]+):)?L?(\d+)\s*(?:[-–]\s*L?(\d+))?\s*$/.exec(part);
    if (!match) throw new Error(`bad extract line range "${part}" in "${extractLines}"`);
    const first = Number(match[2]);
    return [match[1] ?? document, first, match[3] === undefined ? first : Number(match[3])];
  });
}

function rangeText(document, first, last) {
  return texts[document].slice(first - 1, last).join(" ");
}

/** The cited text, lower-cased, white space collapsed; also with line-break hyphens removed. */
function citedText(document, extractLines) {
  const text = ranges(extractLines, document)
    .map(([doc, first, last]) => rangeText(doc, first, last))
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ");
  return `${text} ${text.replace(/(\p{L})- (\p{L})/gu, "$1$2")}`;
}

function checkRanges(where, document, extractLines) {
  for (const [doc, first, last] of ranges(extractLines, document)) {
    const total = texts[doc]?.length ?? 0;
    check(
      doc in texts && first >= 1 && last >= first && last <= total,
      `${where}: ${doc} lines ${first}-${last} outside the extraction (${total} lines)`,
    );
  }
}

// ---------------------------------------------------------------- theories

function allSources(value, path, out) {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) allSources(item, `${path}[${i}]`, out);
  } else if (value !== null && typeof value === "object") {
    if (typeof value.document === "string" && path !== "") out.push({ path, source: value });
    for (const [key, child] of Object.entries(value))
      allSources(child, path === "" ? key : `${path}.${key}`, out);
  }
}

function words(label) {
  return (label.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w, i, all) => all.indexOf(w) === i);
}

const numberWords = {
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  seksten: 16,
  sytten: 17,
  atten: 18,
  nitten: 19,
  tjue: 20,
  tretti: 30,
  førti: 40,
  femti: 50,
  seksti: 60,
  sytti: 70,
  åtti: 80,
  nitti: 90,
};

/** Numbers in Norwegian text: «1 036 000», «1.645.000» and «6,3» read as 1036000, 1645000 and 6.3. */
function numbersIn(text) {
  let normalised = text.replace(/(\d)[ .\u00a0](?=\d{3}\b)/g, "$1").replace(/(\d),(\d)/g, "$1.$2");
  for (const [word, value] of Object.entries(numberWords))
    normalised = normalised.replace(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "giu"), ` ${value} `);
  return new Set((normalised.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
}

/** Numbers of at least 10 in English text, except years, «COVID-19» and «[derived: …]». */
function numbersToCheck(text) {
  const stripped = text
    .replace(/\[derived:[^\]]*\]/g, " ")
    .replace(/COVID-19/g, " ")
    .replace(/(\d),(?=\d{3}\b)/g, "$1");
  return [...new Set((stripped.match(/\d+(?:\.\d+)?/g) ?? []).map(Number))].filter(
    (n) => n >= 10 && !(n >= 1990 && n <= 2030),
  );
}

function claims(theory) {
  const out = [
    ...theory.nodes.map((n) => [n.id, `${n.label} ${n.description ?? ""}`, n.source]),
    ...theory.indicators.map((i) => [
      i.id,
      `${i.name} ${i.definition ?? ""} ${JSON.stringify(i.baseline ?? {})} ${JSON.stringify(i.targets ?? [])}`,
      i.provenance,
    ]),
    ...(theory.components ?? []).map((c) => [
      c.id,
      `${c.label} ${c.description ?? ""} ${JSON.stringify(c.dose ?? "")} ${JSON.stringify(c.duration ?? "")}`,
      c.source,
    ]),
    ...(theory.assumptions ?? []).map((a) => [a.id, a.text, a.source]),
    ...(theory.factors ?? []).map((f, i) => [`factors[${i}]`, f.text, f.source]),
    ...(theory.versions ?? []).map((v) => [`version ${v.version}`, (v.changes ?? []).join(" "), v.source]),
  ];
  if (theory.targetGroup)
    out.push([
      "targetGroup",
      `${theory.targetGroup.description} ${(theory.targetGroup.eligibility ?? []).join(" ")} ${theory.targetGroup.recruitment ?? ""} ${JSON.stringify(theory.targetGroup.size ?? {})}`,
      theory.targetGroup.source,
    ]);
  if (theory.implementation)
    out.push([
      "implementation",
      [...(theory.implementation.notes ?? []), ...(theory.implementation.adaptations ?? [])].join(" "),
      theory.implementation.source,
    ]);
  return out.filter(([, , source]) => source !== undefined);
}

/** Hand-picked key terms per theory, as [theory, extract lines, terms the lines must contain]. */
const keyTerms = [
  ["nibr-kystbyen", "5147-5173", ["Tabell 9.1", "Økt ordforråd", "Metaspråk", "Jobb/ varig jobb"]],
  ["nibr-kystbyen", "5209-5212", ["11 av 13", "A2", "A1 nivå"]],
  ["nibr-kystbyen", "4996-5002", ["15 deltakere", "17 deltakere", "graviditet"]],
  ["nibr-kystbyen", "5086-5087", ["26 timer", "3 og 4"]],
  ["nibr-kystbyen", "5511-5518", ["Figur 9.2", "figur 8.2"]],
  ["nibr-kystbyen", "5004-5006", ["800-1000", "rundt 50"]],
  [
    "nibr-heimby",
    "2629-2667",
    ["Tabell 6.1", "Minst 75%", "A-register", "karriereveiledning", "inkluderingskompetanse"],
  ],
  ["nibr-heimby", "2685-2688", ["13 deltakere", "9 (69 %)", "75 %"]],
  ["nibr-heimby", "2848-2932", ["Tabell 6.2", "Etteroppfølging", "språklogg"]],
  ["nibr-heimby", "2465-2467", ["minst 15 deltakere"]],
  ["nibr-heimby", "2974-2976", ["maks 15-20"]],
  ["nibr-omlandet", "1773-1775", ["B1", "arbeidssøkere hos NAV"]],
  ["nibr-omlandet", "2003-2013", ["teoriprøve", "delkompetansebevis", "fagbrev", "fem års godkjent praksis"]],
  ["nibr-omlandet", "2305-2311", ["68 %", "60 % besto", "70-80%", "2-3 personer"]],
  ["nibr-omlandet", "1799", ["8-9 deltakere"]],
  ["nibr-omlandet", "2369", ["stor overføringsverdi"]],
  ["nibr-skjaerbyen", "3980-4026", ["Tabell 8.1", "Målhierarki", "Varig arbeid", "Økonomisk selvstendighet"]],
  ["nibr-skjaerbyen", "4196", ["nesten 30 søkere til ti plasser"]],
  ["nibr-skjaerbyen", "4205", ["vanlige tilbud fra NAV"]],
  ["nibr-skjaerbyen", "4404-4409", ["seks av de ni kvinnene", "fire mennene", "fast jobb på full tid"]],
  ["nibr-skjaerbyen", "4463", ["inntil 6 måneder"]],
  [
    "nibr-hogda",
    "3353-3360",
    ["arbeidsdeltakelsen blant innvandrerkvinner", "barnefattigdom", "samfunnsdeltakelse"],
  ],
  ["nibr-hogda", "3386-3387", ["9 hjelpere og 8 mottakere"]],
  ["nibr-hogda", "3512-3513", ["åtte personer"]],
  ["nibr-hogda", "3392-3395", ["fast tak", "et år"]],
  ["nibr-hogda", "3190-3191", ["1 036 000", "480 000"]],
  ["nibr-skogen", "5972-5974", ["18 deltakere", "seks deltakere", "12 deltakere"]],
  ["nibr-skogen", "5778-5779", ["2 dager i praksis", "12 timer pr uke"]],
  ["nibr-skogen", "6142", ["Figur 10.2", "Revidert programteori"]],
  ["nibr-skogen", "6217-6220", ["nasjonal norskprøve", "objektiv prøve i digitale ferdigheter"]],
  ["nibr-skogen", "5899-5902", ["Antall deltakere som bruker digitale ressurser", "lønnstilskudd"]],
  ["nibr-stranna", "6816-6817", ["14 seg til videregående", "12 inntaksprøven", "fem besto"]],
  ["nibr-stranna", "6456-6460", ["A2", "ca. 2/3"]],
  ["nibr-stranna", "6833-6838", ["minst 30 kandidater", "ca. 20 deltakere", "25 deltakere", "minimum 10"]],
  ["nibr-stranna", "6653-6654", ["Manglende karakter", "frafall"]],
  ["nibr-stranna", "6542-6543", ["12 timer i uka", "to dager"]],
  ["nibr-mellombyen", "7466-7468", ["Fire av fem", "Tre av dem har fått fast jobb i full stilling"]],
  ["nibr-mellombyen", "7179-7185", ["rundt fem", "15-20"]],
  ["nibr-mellombyen", "7228-7230", ["fagnorsk tre timer i uka"]],
  ["nibr-mellombyen", "7067-7068", ["dokumentasjon på delkompetanse vil gjøre deltakerne mer ansettbare"]],
  ["nibr-mellombyen", "7519", ["Figur 12.1", "Programteori"]],
  ["nora", "22-24", ["60% av deltakere", "ordinært arbeid", "10% skal komme ut i utdanning"]],
  [
    "nora",
    "77-82",
    ["91 nye henvisninger", "84 av deltakere", "27 deltakere avsluttet til lønnet arbeid", "15 deltakere"],
  ],
  ["nora", "145-146", ["seks måneder"]],
  ["nora", "157", ["åtti prosent"]],
  ["ny-sjanse", "256-266", ["212", "Antall planmessig avsluttet: 91", "Arbeid 43 - 50 %"]],
  ["ny-sjanse", "367-369", ["12 eller 18 timer"]],
  ["ny-sjanse", "546", ["3 lukkede kursrekker", "11 samlinger"]],
  ["groruddalen", "193-205", ["Effektmålet", "bedre levekår", "Resultatmålene", "profesjonelt partnerskap"]],
  ["groruddalen", "217-219", ["definere kvantitative", "mål"]],
  ["groruddalen", "1861-1864", ["8600 personer", "2200 av disse"]],
  ["groruddalen", "545-547", ["6 701 flere"]],
];

/** NIBR-rapport 2020:13 Tabell 3.2: each project's row (extract lines) and its marks. */
const table32 = [
  ["nibr-omlandet", "1025-1034", [1, 1, 0, 1, 1, 1]],
  ["nibr-heimby", "1035-1046", [1, 1, 1, 0, 1, 0]],
  ["nibr-hogda", "1047-1058", [1, 0, 0, 0, 1, 0]],
  ["nibr-skjaerbyen", "1059-1068", [1, 1, 1, 1, 1, 1]],
  ["nibr-kystbyen", "1069-1079", [1, 1, 1, 1, 1, 1]],
  ["nibr-skogen", "1080-1092", [1, 1, 1, 0, 1, 1]],
  ["nibr-stranna", "1093-1099", [1, 1, 1, 0, 0, 1]],
  ["nibr-mellombyen", "1100-1105", [1, 1, 1, 1, 1, 1]],
];

for (const theory of theories) {
  const home = theory.source?.reference?.id;
  check(home in texts, `${theory.id}: the record's source names no known document`);
  if (!(home in texts)) continue;
  const sources = [];
  allSources(theory, "", sources);
  const own = ranges(theory.source.extractLines ?? "", home).filter(([doc]) => doc === home);
  const shared = home === "nibr-2020-13" ? [[home, 1, 1300]] : [];
  for (const { path, source } of sources) {
    const document = source.reference?.id;
    check(document in texts, `${theory.id} ${path}: no known document`);
    check(typeof source.extractLines === "string", `${theory.id} ${path}: no extract lines`);
    if (!(document in texts) || typeof source.extractLines !== "string") continue;
    checkRanges(`${theory.id} ${path}`, document, source.extractLines);
    if (document !== home) continue;
    for (const [doc, first, last] of ranges(source.extractLines, document)) {
      if (doc !== home) continue;
      const inside = [...own, ...shared].some(([, a, b]) => first >= a && last <= b);
      check(inside, `${theory.id} ${path} cites ${first}-${last} outside the record's own range`);
    }
  }
  for (const node of theory.nodes) {
    if (node.labels?.nb === undefined || node.source?.extractLines === undefined) continue;
    const text = citedText(node.source.reference.id, node.source.extractLines);
    const missing = words(node.labels.nb).filter((w) => !text.includes(w));
    check(
      missing.length === 0,
      `${theory.id} ${node.id}: label words ${missing.join(", ")} not in the cited lines`,
    );
  }
  for (const [where, text, source] of claims(theory)) {
    if (source.extractLines === undefined) continue;
    const inSource = numbersIn(citedText(source.reference.id, source.extractLines));
    const missing = numbersToCheck(text).filter((n) => !inSource.has(n));
    check(
      missing.length === 0,
      `${theory.id} ${where}: numbers ${missing.join(", ")} not in the cited lines`,
    );
  }
  for (const indicator of theory.indicators) {
    const source = indicator.provenance;
    if (source?.extractLines === undefined) continue;
    for (const dated of [...(indicator.targets ?? []), ...(indicator.baseline ? [indicator.baseline] : [])]) {
      if (typeof dated.value !== "number") continue;
      const text = citedText(source.reference.id, source.extractLines);
      if (indicator.measure === "proportion" && dated.value === 1) {
        check(
          /\balle\b/.test(text),
          `${theory.id} ${indicator.id}: a target of 100 % but no «alle» in the cited lines`,
        );
        continue;
      }
      const expected = indicator.measure === "proportion" ? Math.round(dated.value * 1000) / 10 : dated.value;
      check(
        numbersIn(text).has(expected),
        `${theory.id} ${indicator.id}: ${expected} not in the cited lines`,
      );
    }
  }
}

for (const [id, lines, terms] of keyTerms) {
  const theory = theories.find((t) => t.id === id);
  const text = citedText(theory.source.reference.id, lines);
  for (const term of terms) check(text.includes(term.toLowerCase()), `${id}: lines ${lines} lack «${term}»`);
}

const nibrTheories = table32.map(([id]) => theories.find((t) => t.id === id));
const matrix = compareTheories(nibrTheories, { vocabulary: [...workingMethodTags] }).matrix;
table32.forEach(([id, lines, cells], row) => {
  const [, first, last] = ranges(lines, "nibr-2020-13")[0];
  const marks = rangeText("nibr-2020-13", first, last).match(/(?<![\p{L}])X(?![\p{L}])/gu) ?? [];
  const expected = cells.reduce((a, b) => a + b, 0);
  check(
    marks.length === expected,
    `Tabell 3.2 row ${id}: ${marks.length} X marks printed, ${expected} expected`,
  );
  const recorded = matrix.cells[row].map((cell) => (cell ? 1 : 0));
  check(
    JSON.stringify(recorded) === JSON.stringify(cells),
    `Tabell 3.2 row ${id}: the theory gives ${recorded}`,
  );
});

// ---------------------------------------------------------- programme-years

const spelled = ["null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve"];

function valueAt(record, path) {
  let current = record;
  for (const key of path.replace(/\[(\d+)\]/g, ".$1").split(".")) current = current?.[key];
  return current;
}

function plain(document, extractLines) {
  return ranges(extractLines, document)
    .map(([doc, first, last]) => rangeText(doc, first, last))
    .join(" ")
    .replace(/\s+/g, " ");
}

function printsCount(text, count) {
  const tokens = text.split(/[^0-9A-Za-zÆØÅæøå.]+/);
  return (
    tokens.includes(String(count)) ||
    (spelled[count] !== undefined && text.toLowerCase().includes(` ${spelled[count]} `))
  );
}

for (const record of programmeYears) {
  const provenance = programmeYearCitations[record.id];
  const document = provenance?.reference.id;
  check(document in texts, `${record.id}: no known document`);
  if (!(document in texts)) continue;
  checkRanges(`${record.id} source`, document, provenance.source.extractLines);
  for (const figure of provenance.figures) {
    const where = `${record.id} ${figure.path}`;
    checkRanges(where, document, figure.extractLines);
    const text = plain(document, figure.extractLines);
    const value = valueAt(record, figure.path);
    if (figure.path.startsWith("exits.reported[")) {
      if (value.count !== undefined) {
        const backSolved = record.flags?.some(
          (flag) =>
            flag.code === "back-solved" &&
            flag.path?.startsWith("exits.reported[") &&
            flag.message.includes(`to ${value.count} `),
        );
        check(printsCount(text, value.count) || backSolved, `${where}: count ${value.count} not printed`);
      }
      if (value.percent !== undefined)
        check(
          new RegExp(`(^|[^0-9])${value.percent} ?%`).test(text),
          `${where}: ${value.percent} % not printed`,
        );
      const head = value.label.toLowerCase().split(/[,:(]/)[0].trim().split(" ").slice(0, 2).join(" ");
      check(text.toLowerCase().includes(head), `${where}: label «${value.label}» not printed`);
    } else if (figure.path.startsWith("reportedRates[")) {
      const percent = Math.round(value.rate * 100);
      const printed = new RegExp(`(^|[^0-9])${percent} ?(%|prosent)${percent === 50 ? "|Halvparten" : ""}`);
      check(printed.test(text), `${where}: ${percent} % not printed`);
    } else {
      check(text.includes(figure.label), `${where}: «${figure.label}» not printed on the cited lines`);
      if (typeof value === "number" && Number.isInteger(value) && value > 0)
        check(printsCount(text, value), `${where}: ${value} not printed`);
      if (typeof value === "number" && value > 0 && value < 1)
        check(
          new RegExp(`(^|[^0-9])${Math.round(value * 100)} ?(%|prosent)`).test(text),
          `${where}: ${Math.round(value * 100)} % not printed`,
        );
    }
  }
}

for (const row of nySjanseReferralsByOffice) {
  const numbers =
    plain("ny-sjanse-2024", row.extractLines)
      .match(/\b\d+\b/g)
      ?.map(Number) ?? [];
  check(
    JSON.stringify(numbers) === JSON.stringify([...row.counts]),
    `referral row ${row.office}: printed ${numbers}`,
  );
}
check(
  plain("ny-sjanse-2024", "240").trim() === `Totalt ${nySjanseReferralTotals.join(" ")}`,
  "referral totals are not the row «Totalt» as printed",
);

// Quoted in the overgangsveileder-2021 contradiction flag.
check(
  plain("nora-2021", "330").includes("Av de 13 deltakerne som har startet på NorA"),
  "overgangsveileder-2021: the quoted «Av de 13 deltakerne» is not printed",
);

if (failures.length > 0) {
  console.error(`audit:sources: ${failures.length} of ${checks} checks failed:`);
  for (const message of failures) console.error(`  - ${message}`);
  process.exit(1);
}
console.log(
  `audit:sources: ${checks} checks passed against ${Object.keys(extractions).length} text extractions in ${folder}`,
);
