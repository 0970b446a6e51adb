#!/usr/bin/env node
/**
 * One-off generator: derives reader-usable locators (chapter or section with its number and title as
 * printed, table or figure with its caption, page where the text prints one) for the extract line ranges
 * the bundled theories cite, from the headings of the plain-text extractions of the five source
 * documents.
 *
 *   node packages/datasets/scripts/derive-locators.mjs --sources <folder>            # contents + locators as JSON
 *   node packages/datasets/scripts/derive-locators.mjs --sources <folder> --write    # also rewrite the theory files
 *
 * `--write` turns every `nibr("1702-1704")` (and the other helpers) in packages/datasets/src/theories
 * into `nibr({ chapter: "5" }, "1702-1704")`; the printed titles behind the keys are in
 * packages/datasets/src/contents.ts, which `--contents` prints. The output was checked by eye and
 * committed; the script is kept to show how the locators were derived. The folder is the one
 * `pnpm audit:sources` reads (see scripts/audit-sources.mjs for the file names).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const documentFiles = {
  "nora-2024": "000_4c3068cd3386deb4.txt",
  "nora-2021": "001_e6bd37a64f9cf878.txt",
  "ny-sjanse-2024": "002_4b5fdc313ce39912.txt",
  "nibr-2020-13": "003_1b63eb96aa8e21c3.txt",
  "groruddalen-2014": "004_7748a3a4a80f8987.txt",
};

const connectors = /(?:\s(?:og|for|med|i|av|til|på)|:)\s*$/;

function clean(text) {
  return text.replace(/\s+/g, " ").trim();
}

/** Reads a heading that may continue on the next lines (a title ending in "og", "for", ":" …). */
function headingAt(lines, index) {
  let title = clean(lines[index]);
  let i = index + 1;
  while (connectors.test(title) && i < lines.length) {
    if (clean(lines[i]) === "" && clean(lines[i + 1] ?? "") !== "") i++;
    const next = clean(lines[i] ?? "");
    if (next === "") break;
    title = `${title} ${next}`;
    i++;
  }
  return title;
}

function parseNumber(text) {
  return text
    .replace(/\.$/, "")
    .split(".")
    .map((part) => Number(part));
}

/** Whether section number `next` can follow `prev` (2.1 → 2.2, 2.2 → 2.2.1, 2.2.1 → 3, 5.1 → 6.1). */
function isSuccessor(prev, next) {
  if (prev === undefined) return next[0] === 1;
  let i = 0;
  while (i < prev.length && i < next.length && prev[i] === next[i]) i++;
  if (i === next.length) return false;
  const base = i < prev.length ? prev[i] : 0;
  if (next[i] !== base + 1 && !(i >= prev.length && next[i] <= 1)) return false;
  return next.slice(i + 1).every((part) => part <= 1);
}

/** Numbered headings ("3.2 Resultater pr. 31.12.2024", " 4. Arbeidsrettet opplæring …"). */
function numberedSections(lines, { from = 1, to = lines.length, twoPart = false } = {}) {
  const out = [];
  let prev;
  lines.forEach((line, index) => {
    const match = /^\s{0,2}(\d{1,2}(?:\.\d{1,2})*\.?)\s+([A-ZÆØÅ«].*)$/.exec(line);
    if (!match || index + 1 < from || index + 1 > to) return;
    const number = parseNumber(match[1]);
    if (twoPart && number.length < 2) return;
    if (number.some((part) => Number.isNaN(part)) || !isSuccessor(prev, number)) return;
    prev = number;
    const key = number.length === 2 && number[1] === 0 ? `${number[0]}.0` : number.join(".");
    const title = headingAt(lines, index)
      .replace(/^\d+(?:\.\d+)*\.?\s+/, "")
      .replace(/\.$/, "");
    out.push({ line: index + 1, key, title: `${key} ${title}`, depth: number.filter((p) => p > 0).length });
  });
  return out;
}

/** Unnumbered headings of the NorA 2024 report: short capitalised lines standing alone. */
function plainHeadings(lines) {
  const out = [];
  lines.forEach((line, index) => {
    const text = clean(line);
    const before = clean(lines[index - 1] ?? "");
    if (text.length === 0 || text.length > 50 || !/^[A-ZÆØÅ]/.test(text) || /[.,:;]$/.test(text)) return;
    if (before !== "" && !/^Oppfølging i NorA$|^Diverse samarbeid/.test(before)) return;
    if (/^\d/.test(text)) return;
    out.push({ line: index + 1, key: text, title: text, depth: 1 });
  });
  return out;
}

/** NIBR chapters (" 5 «Omlandet»: …"), tables and figures ("Tabell 3.1: …", "Figur 5.3: …"), pages. */
function nibrContents(lines) {
  const chapters = [];
  const captions = [];
  const footers = [];
  lines.forEach((line, index) => {
    const chapter = /^ (\d{1,2}) +(\S.*)$/.exec(line);
    if (chapter && Number(chapter[1]) === chapters.length + 1) {
      // A chapter title runs on until the blank line before the author line.
      let title = clean(line);
      for (let i = index + 1; i < index + 3 && clean(lines[i] ?? "") !== ""; i++)
        title = `${title} ${clean(lines[i])}`;
      chapters.push({ line: index + 1, key: chapter[1], title, depth: 1 });
    }
    const caption = /^\s*(Tabell|Figur) (\d+\.\d+): (.*)$/.exec(line);
    if (caption) {
      let title = clean(line);
      const next = clean(lines[index + 1] ?? "");
      const open = (title.match(/«/g) ?? []).length > (title.match(/»/g) ?? []).length;
      if ((open || /\p{Ll}$/u.test(title)) && next !== "" && next.length < 80) title = `${title} ${next}`;
      const kind = caption[1] === "Tabell" ? "table" : "figure";
      if (!captions.some((c) => c.kind === kind && c.key === caption[2]))
        captions.push({ line: index + 1, kind, key: caption[2], title, end: captionEnd(lines, index) });
    }
    if (/^NIBR-rapport 2020:13\s*$/.test(line) && index > 100) {
      const page = clean(lines[index + 2] ?? "");
      if (/^\d+$/.test(page)) footers.push({ line: index + 1, page: Number(page) });
    }
  });
  // A page is known for sure only between two footers of consecutive pages (footers are at the foot).
  const pages = [];
  for (let i = 1; i < footers.length; i++)
    if (footers[i].page === footers[i - 1].page + 1)
      pages.push({
        first: footers[i - 1].line + 3,
        last: footers[i].line - 1,
        page: String(footers[i].page),
      });
  return { chapters, captions, pages };
}

/** The last line of a table or figure: the line before the first paragraph of prose after the caption. */
function captionEnd(lines, index) {
  for (let i = index + 1; i < lines.length; i++) {
    const a = clean(lines[i]);
    const b = clean(lines[i + 1] ?? "");
    if (/^(Tabell|Figur) \d+\.\d+:/.test(a)) return i;
    if (a.length >= 80 && b.length >= 60) return i;
    if (/^ \d{1,2} +«/.test(lines[i])) return i;
  }
  return lines.length;
}

/** Groruddalen figure captions come after the figure ("Fig 5. Kilde: …"). */
function groruddalenFigures(lines) {
  const out = [];
  lines.forEach((line, index) => {
    const match = /^\s*Fig\.?\s?(\d+)\.?\s+(.*)$/.exec(line);
    if (!match) return;
    let title = clean(line);
    // A caption that breaks mid-sentence continues after one blank line.
    const after = clean(lines[index + 2] ?? "");
    if (/\s\p{Ll}+$/u.test(title) && clean(lines[index + 1] ?? "") === "" && !/^\d/.test(after))
      title = `${title} ${after}`;
    out.push({ line: index + 1, kind: "figure", key: match[1], title });
  });
  return out;
}

/** Pages of the NorA 2021 sections from its table of contents ("| 2.2 Resultater 2021..... | 8 |"). */
function tocPages(lines) {
  const pages = {};
  for (const line of lines) {
    const match = /^\| (\d+(?:\.\d+)+) .*\| (\d+) \|$/.exec(line.trim());
    if (match) pages[match[1]] = Number(match[2]);
  }
  return pages;
}

export function contentsOf(folder) {
  const read = (id) => readFileSync(join(folder, documentFiles[id]), "utf8").split("\n");
  const nibr = nibrContents(read("nibr-2020-13"));
  const nora2021Lines = read("nora-2021");
  const nora2021Sections = numberedSections(nora2021Lines, { from: 42, twoPart: true });
  const pages = tocPages(nora2021Lines);
  nora2021Sections.forEach((section, i) => {
    const first = pages[section.key];
    const next = nora2021Sections[i + 1];
    const last = next === undefined ? first : pages[next.key];
    if (first !== undefined && last !== undefined)
      section.pages = first === last ? `${first}` : `${first}–${last}`;
  });
  const groruddalenLines = read("groruddalen-2014");
  return {
    "nibr-2020-13": { sections: nibr.chapters, captions: nibr.captions, pages: nibr.pages },
    "groruddalen-2014": {
      // The endnotes (from line 2105) are numbered too; they are not sections.
      sections: numberedSections(groruddalenLines, { to: 2104 }),
      captions: groruddalenFigures(groruddalenLines),
      pages: [],
    },
    "ny-sjanse-2024": { sections: numberedSections(read("ny-sjanse-2024")), captions: [], pages: [] },
    "nora-2021": { sections: nora2021Sections, captions: [], pages: [] },
    "nora-2024": { sections: plainHeadings(read("nora-2024")), captions: [], pages: [] },
  };
}

function parseRanges(text) {
  return text.split(",").map((part) => {
    const match = /^\s*L?(\d+)\s*(?:[-–]\s*L?(\d+))?\s*$/.exec(part);
    if (!match) throw new Error(`bad line range "${part}" in "${text}"`);
    return [Number(match[1]), Number(match[2] ?? match[1])];
  });
}

/** The locator keys for one cited range list: enclosing chapter/section, table or figure, page. */
export function locate(contents, id, linesText) {
  const doc = contents[id];
  const sections = [];
  const tables = [];
  const figures = [];
  const pages = [];
  for (const [first, last] of parseRanges(linesText)) {
    // The innermost section the range starts in; a range over several sections names each.
    const inRange = doc.sections.filter((s) => s.line <= last);
    const start = [...inRange].reverse().find((s) => s.line <= first) ?? inRange[0];
    const here = [start, ...inRange.filter((s) => s.line > first && s.line <= last)].filter(Boolean);
    for (const s of here) if (!sections.includes(s.key)) sections.push(s.key);
    for (const c of doc.captions) {
      const inside =
        id === "groruddalen-2014"
          ? c.line >= first && c.line <= last + 3
          : (first >= c.line && first <= c.end) || (c.line >= first && c.line <= last);
      const list = c.kind === "table" ? tables : figures;
      if (inside && !list.includes(c.key)) list.push(c.key);
    }
    const page = doc.pages.find((p) => first >= p.first && last <= p.last);
    if (page && !pages.includes(page.page)) pages.push(page.page);
  }
  const one = (list) => (list.length === 1 ? list[0] : list);
  const where = {};
  if (sections.length > 0) where[id === "nibr-2020-13" ? "chapter" : "section"] = one(sections);
  if (tables.length > 0) where.table = one(tables);
  if (figures.length > 0) where.figure = one(figures);
  if (pages.length > 0) where.pages = pages.join(", ");
  return where;
}

const helperDocument = {
  nibr: "nibr-2020-13",
  groruddalen: "groruddalen-2014",
  nora2024: "nora-2024",
  nora2021: "nora-2021",
  nySjanse: "ny-sjanse-2024",
};

function literal(where) {
  const parts = Object.entries(where).map(
    ([key, value]) =>
      `${key}: ${Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : JSON.stringify(value)}`,
  );
  return `{ ${parts.join(", ")} }`;
}

/** The contents tables as the TypeScript module committed as packages/datasets/src/contents.ts. */
function contentsModule(contents) {
  const out = [
    "// Generated by packages/datasets/scripts/derive-locators.mjs --contents from the headings of the",
    "// source documents, checked by eye. Section or chapter key → number and title as printed (with the",
    "// pages the table of contents gives, where it has one); table and figure key → caption as printed.",
    "",
    "/** Headings and captions of one source document. */",
    "export interface Contents {",
    "  /** Chapter or section key (its number, or the heading itself when unnumbered) → heading as printed. */",
    "  sections: Record<string, { title: string; pages?: string }>;",
    "  /** Table number → caption as printed. */",
    "  tables: Record<string, string>;",
    "  /** Figure number → caption as printed. */",
    "  figures: Record<string, string>;",
    "}",
    "",
  ];
  const names = {
    "nora-2024": "nora2024Contents",
    "nora-2021": "nora2021Contents",
    "ny-sjanse-2024": "nySjanse2024Contents",
    "nibr-2020-13": "nibrContents",
    "groruddalen-2014": "groruddalenContents",
  };
  for (const [id, doc] of Object.entries(contents)) {
    out.push(
      `/** Headings and captions of the document \`${id}\`. */`,
      `export const ${names[id]}: Contents = {`,
    );
    out.push("  sections: {");
    for (const s of doc.sections)
      out.push(
        `    ${JSON.stringify(s.key)}: { title: ${JSON.stringify(s.title)}${s.pages ? `, pages: ${JSON.stringify(s.pages)}` : ""} },`,
      );
    out.push("  },", "  tables: {");
    for (const c of doc.captions.filter((c) => c.kind === "table"))
      out.push(`    ${JSON.stringify(c.key)}: ${JSON.stringify(c.title)},`);
    out.push("  },", "  figures: {");
    for (const c of doc.captions.filter((c) => c.kind === "figure"))
      out.push(`    ${JSON.stringify(c.key)}: ${JSON.stringify(c.title)},`);
    out.push("  },", "};", "");
  }
  return out.join("\n");
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--sources");
  const folder = at >= 0 ? args[at + 1] : process.env.TILTAK_SOURCES;
  if (!folder) {
    console.error("derive-locators: give the folder of the text extractions: --sources <folder>");
    process.exit(2);
  }
  const contents = contentsOf(folder);
  if (args.includes("--contents")) {
    console.log(contentsModule(contents));
    return;
  }
  const dir = fileURLToPath(new URL("../src/theories/", import.meta.url));
  const report = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "sources.ts")) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const rewritten = text.replace(
      /\b(nibr|groruddalen|nora2024|nora2021|nySjanse)\("([\d\s,–-]+)"\)/g,
      (_, helper, lines) => {
        const where = locate(contents, helperDocument[helper], lines);
        report.push({ file, helper, lines, where });
        return `${helper}(${literal(where)}, "${lines}")`;
      },
    );
    if (args.includes("--write") && rewritten !== text) writeFileSync(path, rewritten);
  }
  console.log(JSON.stringify(report, null, 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
