// Tolerance: none (text exports; snapshots in test/__snapshots__/ are reviewed by eye when they change).
import { describe, expect, it } from "vitest";
import {
  type LogframeRow,
  type TheorySpec,
  toDagitty,
  toDot,
  toKumu,
  toLogframe,
  toMarkdown,
  toMermaid,
  wrapText,
} from "../src/index.js";
import { kystbyenInitial, kystbyenRevised } from "./fixtures/kystbyen.js";

function csv(rows: LogframeRow[]): string {
  const keys = Object.keys(rows[0] ?? {}) as (keyof LogframeRow)[];
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[keys.join(","), ...rows.map((row) => keys.map((key) => quote(row[key])).join(","))].join("\n")}\n`;
}

describe("snapshots of the Kystbyen theory", () => {
  it("DOT", async () => {
    await expect(toDot(kystbyenRevised)).toMatchFileSnapshot("__snapshots__/kystbyen-revised.dot");
  });
  it("Mermaid", async () => {
    await expect(toMermaid(kystbyenRevised)).toMatchFileSnapshot("__snapshots__/kystbyen-revised.mmd");
  });
  it("dagitty", async () => {
    await expect(
      toDagitty(kystbyenRevised, { exposure: "a-support", outcome: "o-work" }),
    ).toMatchFileSnapshot("__snapshots__/kystbyen-revised.dagitty");
  });
  it("Kumu", async () => {
    await expect(`${JSON.stringify(toKumu(kystbyenRevised), null, 2)}\n`).toMatchFileSnapshot(
      "__snapshots__/kystbyen-revised.kumu.json",
    );
  });
  it("logframe (as CSV)", async () => {
    await expect(csv(toLogframe(kystbyenRevised))).toMatchFileSnapshot(
      "__snapshots__/kystbyen-revised.logframe.csv",
    );
  });
  it("Markdown, English and bokmål", async () => {
    await expect(toMarkdown(kystbyenRevised)).toMatchFileSnapshot("__snapshots__/kystbyen-revised.en.md.txt");
    await expect(toMarkdown(kystbyenRevised, { lang: "nb" })).toMatchFileSnapshot(
      "__snapshots__/kystbyen-revised.nb.md.txt",
    );
  });
});

describe("toDot", () => {
  const dot = toDot(kystbyenRevised);

  it("puts each level in its own rank, chained left to right", () => {
    const anchors = [...dot.matchAll(/"__level_(\d)" -> "__level_(\d)" \[style=invis\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(anchors).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
    ]);
    const blocks = dot.split("  {\n    rank=same;\n").slice(1);
    const blockOf = (id: string) =>
      blocks.findIndex((block) => block.split("\n  }")[0]!.includes(`"${id}" [`));
    expect(blockOf("p-norwegian")).toBe(0);
    expect(blockOf("in-assistants")).toBe(1);
    expect(blockOf("a-support")).toBe(2);
    expect(blockOf("out-class")).toBe(3);
    expect(blockOf("m-understand")).toBe(4);
    expect(blockOf("c-covid")).toBe(4);
    expect(blockOf("o-vocabulary")).toBe(5);
    expect(blockOf("o-interaction")).toBe(6);
    expect(blockOf("o-work")).toBe(7);
  });

  it("draws feedback and context links dashed without constraining the layout", () => {
    expect(dot).toContain(
      '"o-interaction" -> "m-recognition" [style=dashed, constraint=false, color="#8C8C8C"]',
    );
    expect(dot).toContain('"c-labour" -> "o-work" [style=dashed, constraint=false, color="#8C8C8C"]');
    expect(dot).toContain('"a-support" -> "out-class";');
  });

  it("escapes quotes and backslashes, wraps labels, and can label edges with rationales", () => {
    const spec: TheorySpec = {
      id: "q",
      title: 'Say "hi"',
      nodes: [
        { id: "a", kind: "activity", label: 'A "quoted" \\ label' },
        { id: "o", kind: "outcome", label: "O", horizon: "short" },
      ],
      links: [{ from: "a", to: "o", rationale: "because" }],
    };
    const text = toDot(spec, { rationale: true });
    expect(text).toContain('label="Say \\"hi\\""');
    expect(text).toContain('label="A \\"quoted\\" \\\\ label"');
    expect(text).toContain('"a" -> "o" [label="because"]');
    expect(toDot(kystbyenRevised, { lang: "nb" })).toContain(
      'label="Morsmålsstøtte i norsk og\\nyrkesnorsk"',
    );
  });

  it("titles the columns (in bokmål with lang nb) unless headers is false", () => {
    expect(dot).toContain(
      '"__level_2" [shape=plaintext, style="", fontsize=11, fontcolor="#333333", label="Activities"]',
    );
    expect(toDot(kystbyenRevised, { lang: "nb" })).toContain('label="Aktiviteter"');
    expect(toDot(kystbyenRevised, { headers: false })).toContain('"__level_2" [style=invis, shape=point');
  });

  it("rejects bad options", () => {
    expect(() => toDot(kystbyenRevised, { wrap: 3 })).toThrow(/wrap must be an integer >= 8, got 3/);
  });
});

describe("toMermaid", () => {
  const text = toMermaid(kystbyenRevised);
  it("has one subgraph per present level, in order, and a class per node kind", () => {
    const subgraphs = [...text.matchAll(/subgraph (L\w+)\["([^"]+)"\]/g)].map((m) => m[2]);
    expect(subgraphs).toEqual([
      "Problem",
      "Inputs",
      "Activities",
      "Outputs",
      "Mechanisms",
      "Short-term outcomes",
      "Intermediate outcomes",
      "Long-term outcomes",
      "Context",
    ]);
    expect(text).toContain('o_work["Participation in working<br/>life"]:::outcome');
    expect(text).toContain("o_interaction -.-> m_recognition");
    expect(text).toContain("classDef context fill:#F5F5F5,stroke:#8C8C8C,stroke-dasharray:4 3");
  });

  it("makes ids safe and unique, and avoids Mermaid keywords", () => {
    const spec: TheorySpec = {
      id: "ids",
      title: "Ids",
      nodes: [
        { id: "a-b", kind: "activity", label: "x" },
        { id: "a_b", kind: "activity", label: "y" },
        { id: "end", kind: "outcome", label: "z", horizon: "long" },
        { id: "1st", kind: "outcome", label: "w", horizon: "long" },
      ],
      links: [{ from: "a-b", to: "end" }],
    };
    const out = toMermaid(spec);
    expect(out).toContain('a_b["x"]');
    expect(out).toContain('a_b_2["y"]');
    expect(out).toContain('n_end["z"]');
    expect(out).toContain('n_1st["w"]');
    expect(out).toContain("a_b --> n_end");
    expect(toMermaid(spec, { lang: "nb" })).toContain('subgraph L7["Langsiktige mål"]');
  });
});

describe("toDagitty", () => {
  it("marks exposure and outcomes, omits feedback links and stays acyclic", () => {
    const text = toDagitty(kystbyenRevised, { exposure: "a-support", outcome: "o-work" });
    expect(text.startsWith("dag {\n")).toBe(true);
    expect(text).toContain('a_support [exposure,pos="2,0"]');
    expect(text).toContain('o_work [outcome,pos="7,0"]');
    expect(text).not.toContain("o_interaction -> m_recognition");
    expect(text).toContain("m_recognition -> o_vocabulary");
    const marks = text
      .split("\n")
      .filter((line) => line.includes("[exposure") || line.includes("outcome,") || line.includes("[outcome"));
    expect(marks).toHaveLength(2);
  });

  it("defaults: the only activity is the exposure; final results are outcomes", () => {
    const text = toDagitty({
      id: "t",
      title: "T",
      nodes: [
        { id: "a", kind: "activity", label: "A" },
        { id: "o1", kind: "outcome", label: "O1", horizon: "short" },
        { id: "o2", kind: "outcome", label: "O2", horizon: "long" },
      ],
      links: [
        { from: "a", to: "o1" },
        { from: "o1", to: "o2" },
      ],
    });
    expect(text).toBe(
      'dag {\na [exposure,pos="2,0"]\no1 [pos="5,0"]\no2 [outcome,pos="7,0"]\na -> o1\no1 -> o2\n}\n',
    );
    expect(() => toDagitty(kystbyenRevised, { exposure: "nope" })).toThrow(
      /exposure must be the id of a node in the theory/,
    );
  });
});

describe("toKumu", () => {
  it("has unique labels and connections between existing labels", () => {
    const blueprint = toKumu(kystbyenRevised);
    const labels = blueprint.elements.map((e) => e.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const c of blueprint.connections) {
      expect(labels).toContain(c.from);
      expect(labels).toContain(c.to);
      expect(c.direction).toBe("directed");
    }
    expect(blueprint.elements.length).toBe(kystbyenRevised.nodes.length);
    expect(blueprint.connections.length).toBe(kystbyenRevised.links?.length);
    expect(blueprint.connections.find((c) => c.tags?.includes("feedback"))?.type).toBe("feedback");
  });
});

describe("toLogframe", () => {
  it("reads top down with one row per indicator and text cells only", () => {
    const rows = toLogframe(kystbyenInitial);
    expect(rows.map((r) => r.level)).toEqual([
      ...Array(1).fill("outcome"),
      ...Array(2).fill("outcome"),
      ...Array(4).fill("outcome"),
      ...Array(2).fill("output"),
      ...Array(6).fill("activity"),
      ...Array(3).fill("input"),
    ]);
    expect(rows[0]).toMatchObject({
      horizon: "long",
      nodeId: "o-work",
      indicator: "Share in work within two years",
      source: "NAV A-register",
    });
    expect(rows.find((r) => r.nodeId === "o-vocabulary")).toMatchObject({
      baseline: "below A1 (2019-09)",
      target: "A1 (2020-03)",
      assumptions: "It is more effective to learn Norwegian through a language the participant understands",
    });
    expect(rows.find((r) => r.nodeId === "a-support")?.assumptions).toBe(
      "Qualified assistants are available for the learners' languages",
    );
    for (const row of rows) for (const value of Object.values(row)) expect(typeof value).toBe("string");
  });
});

describe("toMarkdown", () => {
  it("uses bokmål headings and labels with lang nb", () => {
    const nb = toMarkdown(kystbyenRevised, { lang: "nb", diagram: false });
    for (const heading of [
      "## Målgruppe",
      "## Tiltaket",
      "## Mekanismer",
      "## Mål og effekter",
      "### Kortsiktige mål",
      "## Indikatorer",
      "## Antakelser",
      "## Implementeringskvalitet",
      "## Overføringsverdi",
      "## Versjoner",
      "## Kilde",
    ])
      expect(nb).toContain(heading);
    expect(nb.split("\n")[0]).toBe(
      "# «Kystbyen»: Morsmålsstøtte i norskopplæringen for deltakere med lite skolebakgrunn",
    );
    expect(nb).toContain("- Deltakelse i arbeidslivet");
    const en = toMarkdown(kystbyenRevised);
    expect(en).toContain("## Target group");
    expect(en).toContain("```mermaid\nflowchart LR");
    expect(en).toContain("  - criteria: Job / lasting job");
    expect(en).toContain(
      "| Mother-tongue support in class | 7 hours / week (two days, 3 + 4 hours, of 26 teaching hours) | 13 months (August 2019 - September 2020) |",
    );
    // The source cites the printed chapter (its locator), never lines of a text extraction.
    expect(en).toContain("NIBR-rapport 2020:13, chapter 9 «Kystbyen»: Morsmålstøtte i norskopplæringen");
    expect(toMarkdown(kystbyenRevised, { lang: "nb" })).toContain(
      "NIBR-rapport 2020:13, kapittel 9 «Kystbyen»",
    );
  });
});

describe("toMarkdown sections for evidence and CMO configurations", () => {
  it("lists evidence and writes each configuration as context → mechanism → outcome", () => {
    const spec: TheorySpec = {
      id: "cmo",
      title: "CMO",
      nodes: [
        { id: "c", kind: "context", label: "Whole class at one level" },
        { id: "a", kind: "activity", label: "Support" },
        {
          id: "m",
          kind: "mechanism",
          label: "Learners dare to ask",
          labels: { nb: "Deltakerne tør å spørre" },
        },
        { id: "o", kind: "outcome", label: "Faster progression", horizon: "short" },
      ],
      links: [
        { from: "a", to: "m" },
        { from: "m", to: "o" },
        { from: "c", to: "m", kind: "triggers" },
      ],
      evidence: [
        {
          id: "e",
          citation: "Norskprøve 2020",
          type: "monitoring",
          strength: "weak",
          summary: "11 of 13 at A2",
        },
      ],
      cmos: [{ id: "k", contexts: ["c"], mechanism: "m", outcomes: ["o"], evidence: ["e"] }],
    };
    const en = toMarkdown(spec, { diagram: false });
    expect(en).toContain("## Evidence\n\n- Norskprøve 2020 (monitoring, weak): 11 of 13 at A2");
    expect(en).toContain("- Whole class at one level → Learners dare to ask → Faster progression");
    const nb = toMarkdown(spec, { lang: "nb", diagram: false });
    expect(nb).toContain("## Kunnskapsgrunnlag");
    expect(nb).toContain(
      "## Kontekst–mekanisme–utfall\n\n- Whole class at one level → Deltakerne tør å spørre → Faster progression",
    );
  });
});

describe("wrapText", () => {
  it("wraps greedily and keeps long words whole", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapText("supercalifragilistic x", 5)).toEqual(["supercalifragilistic", "x"]);
    expect(wrapText("", 5)).toEqual([""]);
  });
});
