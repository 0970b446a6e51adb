// Tolerance: none for structure; layout checks compare Graphviz coordinates by order only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kystbyenRevised } from "../../theory/test/fixtures/kystbyen.js";
import { renderSvg, theory, theorySvg } from "../src/index.js";

interface Layer {
  data: { values: Record<string, unknown>[] };
  mark: { type: string };
}

/** Node centres from a Graphviz SVG: `<g class="node"><title>id</title> … <text x=…>`. */
function nodeCentres(svg: string): Map<string, number> {
  const centres = new Map<string, number>();
  for (const match of svg.matchAll(/<g id="[^"]*" class="node">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g)) {
    const xs = [...(match[2] ?? "").matchAll(/<text[^>]* x="([-\d.]+)"/g)].map((m) => Number(m[1]));
    const id = (match[1] ?? "").replace(/&#45;/g, "-");
    if (xs.length > 0) centres.set(id, xs.reduce((a, b) => a + b, 0) / xs.length);
  }
  return centres;
}

describe("theorySvg (Graphviz)", () => {
  it("renders the Kystbyen theory left to right: problem → inputs → activities → outputs → mechanisms → outcomes", async () => {
    const svg = await theorySvg(kystbyenRevised);
    expect(svg).toContain("<svg");
    const x = nodeCentres(svg);
    const columns = [
      ["p-norwegian", "p-praksis", "p-teaching"],
      ["in-assistants", "in-teachers", "in-supervisor"],
      ["a-support", "a-contrastive", "a-collaboration", "a-praksis", "a-vocational", "a-digital"],
      ["out-class", "out-documentation"],
      [
        "m-understand",
        "m-awareness",
        "m-collaboration",
        "m-strategies",
        "m-recognition",
        "m-equal",
        "m-social",
      ],
      ["o-vocabulary", "o-reading", "o-deep", "o-metalanguage"],
      ["o-interaction", "o-praksis"],
      ["o-work"],
    ];
    for (const column of columns) for (const id of column) expect(x.has(id), id).toBe(true);
    for (let i = 1; i < columns.length; i++) {
      const left = Math.max(...columns[i - 1]!.map((id) => x.get(id)!));
      const right = Math.min(...columns[i]!.map((id) => x.get(id)!));
      expect(right, `${columns[i]![0]} right of ${columns[i - 1]![0]}`).toBeGreaterThan(left);
    }
  });

  it("renders degenerate theories: no nodes, context only, no outcome columns", async () => {
    const specs = [
      { id: "empty", title: "Empty", nodes: [] },
      { id: "ctx", title: "Context only", nodes: [{ id: "c", kind: "context" as const, label: "C" }] },
      {
        id: "act",
        title: "One activity",
        nodes: [
          { id: "a", kind: "activity" as const, label: "A" },
          { id: "c", kind: "context" as const, label: "C" },
        ],
        links: [{ from: "c", to: "a" }],
      },
    ];
    for (const spec of specs) {
      expect(await theorySvg(spec)).toContain("<svg");
      expect((await renderSvg(theory(spec))).startsWith("<svg")).toBe(true);
    }
  });

  it("matches the reviewed snapshot", async () => {
    await expect(await theorySvg(kystbyenRevised)).toMatchFileSnapshot("__snapshots__/kystbyen-revised.svg");
  });

  it("throws INVALID_INPUT for a bad theory", async () => {
    await expect(
      theorySvg({ id: "t", title: "T", nodes: [{ id: "a", kind: "goal" as never, label: "A" }] }),
    ).rejects.toThrow(/nodes\[0\]\.kind/);
  });
});

describe("theory (Vega-Lite)", () => {
  const spec = theory(kystbyenRevised) as unknown as { layer: Layer[]; width: number; title: string };

  it("lays nodes out in columns by level, left to right, with headers", () => {
    const nodes = spec.layer.find((l) => l.mark.type === "rect")!.data.values;
    const xOf = (id: string) => nodes.find((n) => n.id === id)!.x as number;
    const order = [
      "p-norwegian",
      "in-assistants",
      "a-support",
      "out-class",
      "m-understand",
      "o-vocabulary",
      "o-interaction",
      "o-work",
      "c-labour",
    ];
    expect(order.map(xOf)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nodes).toHaveLength(kystbyenRevised.nodes.length);
    const headers = spec.layer.at(-1)!.data.values.map((h) => h.title);
    expect(headers).toEqual([
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
    expect(spec.width).toBe(9 * 150);
    expect(spec.title).toBe(kystbyenRevised.title);
  });

  it("has one line and one arrow head per link, feedback marked", () => {
    const edges = spec.layer[0]!.data.values;
    expect(edges).toHaveLength(kystbyenRevised.links!.length);
    expect(edges.filter((e) => e.feedback).map((e) => `${e.from}>${e.to}`)).toEqual([
      "o-interaction>m-recognition",
    ]);
    expect(spec.layer[1]!.mark).toMatchObject({ type: "point", shape: "triangle-right" });
  });

  it("uses bokmål column titles with lang nb, and renders to SVG", async () => {
    const nb = theory(kystbyenRevised, { lang: "nb" }) as unknown as { layer: Layer[] };
    expect(nb.layer.at(-1)!.data.values[5]!.title).toBe("Kortsiktige mål");
    const svg = await renderSvg(theory(kystbyenRevised));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("working life");
  });
});

describe("property: any valid theory renders", () => {
  it("Graphviz and Vega-Lite render random theories with awkward labels (quotes, backslashes, braces, unicode)", async () => {
    const kinds = [
      "problem",
      "input",
      "activity",
      "output",
      "mechanism",
      "outcome",
      "impact",
      "context",
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.record({
            kinds: fc.array(fc.constantFrom(...kinds), { minLength: n, maxLength: n }),
            labels: fc.array(
              fc.string({
                unit: fc.constantFrom("a", " ", '"', "\\", "{", "}", "<", ">", "&", "ø", "|", ";", "\n"),
                minLength: 1,
                maxLength: 20,
              }),
              { minLength: n, maxLength: n },
            ),
            links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 12 }),
          }),
        ),
        async ({ kinds: ks, labels, links }) => {
          const spec = {
            id: "random",
            title: 'A "random" {theory}',
            nodes: ks.map((kind, i) => ({
              id: `n-${i}`,
              kind,
              label: labels[i]!.trim() === "" ? "x" : labels[i]!,
              ...(kind === "outcome" ? { horizon: "short" as const } : {}),
            })),
            links: links.map(([a, b, feedback]) => ({ from: `n-${a}`, to: `n-${b}`, feedback })),
          };
          const svg = await theorySvg(spec);
          for (let i = 0; i < ks.length; i++) expect(svg).toContain(`<title>n&#45;${i}</title>`);
          const vl = await renderSvg(theory(spec));
          expect(vl.startsWith("<svg")).toBe(true);
        },
      ),
      { numRuns: 25, seed: 13 },
    );
  });
});
