/**
 * Contract tests for @tiltak/theory against docs/design.md ("### @tiltak/theory") and issue 5.
 * They call only the names and shapes docs/design.md gives, as an external acceptance test would.
 */
import * as theoryPkg from "@tiltak/theory";
import fc from "fast-check";
import { theory as umbrellaTheory } from "tiltak";
import { describe, expect, it } from "vitest";
import { expectKeys, expectPlainJson, expectTiltakError, type Json } from "./helpers.js";

const T = theoryPkg as Json;

const designExports = [
  "defineTheory",
  "checkTheory",
  "chains",
  "compareTheories",
  "assessReadiness",
  "toMermaid",
  "toDot",
  "toDagitty",
  "toMarkdown",
];
const ruleNames = [
  "duplicate-id",
  "dangling-reference",
  "cycle",
  "unreachable-outcome",
  "activity-without-outcome",
  "outcome-without-indicator",
  "mechanism-off-path",
  "indicator-incomplete",
];

/** A complete, clean theory in the shape docs/design.md gives. */
function cleanSpec(): Json {
  return {
    id: "contract-course",
    title: "Contract test: language course to work",
    nodes: [
      { id: "p1", kind: "problem", label: "Low employment among refugees" },
      { id: "in1", kind: "input", label: "Teachers" },
      { id: "a1", kind: "activity", label: "Norwegian course", tags: ["norwegian-training"] },
      { id: "out1", kind: "output", label: "Hours taught" },
      { id: "m1", kind: "mechanism", label: "Confidence in speaking" },
      { id: "o1", kind: "outcome", label: "Passes language test", horizon: "short" },
      { id: "o2", kind: "outcome", label: "In work", horizon: "intermediate" },
      { id: "im1", kind: "impact", label: "Self-sufficiency" },
      { id: "c1", kind: "context", label: "Local labour market" },
    ],
    links: [
      { from: "p1", to: "a1" },
      { from: "in1", to: "a1" },
      { from: "a1", to: "out1" },
      { from: "out1", to: "m1" },
      { from: "m1", to: "o1" },
      { from: "o1", to: "o2" },
      { from: "o2", to: "im1" },
    ],
    indicators: [
      {
        id: "i1",
        nodeId: "o1",
        name: "Pass rate",
        definition: "Share of participants passing the B1 oral test",
        measure: "proportion",
        numerator: "participants passing B1 oral",
        denominator: "participants who sat the test",
        direction: "increase",
        baseline: { value: 0.4, date: "2024-01-01" },
        targets: [{ value: 0.6, date: "2025-12-31" }],
        meansOfVerification: "Norskprøve results",
        source: "Norskprøve",
      },
      {
        id: "i2",
        nodeId: "o2",
        name: "Work rate",
        definition: "Share of exits to work",
        measure: "proportion",
        numerator: "exits to work",
        denominator: "all exits",
        direction: "increase",
        baseline: { value: 0.3, date: "2024-01-01" },
        targets: [{ value: 0.6, date: "2025-12-31" }],
        meansOfVerification: "NAV A-register",
        source: "NAV A-register",
      },
    ],
  };
}

function findingsOf(result: Json, rule: string): Json[] {
  return (result.findings as Json[]).filter((f) => f.rule === rule);
}

describe("@tiltak/theory exports (docs/design.md table)", () => {
  it.each(designExports)("%s is exported by the package and the umbrella namespace", (name) => {
    expect(typeof T[name]).toBe("function");
    expect((umbrellaTheory as Json)[name]).toBe(T[name]);
  });
});

describe("defineTheory", () => {
  it("accepts the design spec shape and returns plain JSON keeping id, title, nodes, links, indicators", () => {
    const theory = T.defineTheory(cleanSpec());
    expectPlainJson(theory);
    expect(theory.id).toBe("contract-course");
    expect(theory.title).toBe("Contract test: language course to work");
    expect(theory.nodes.map((n: Json) => n.id)).toEqual(cleanSpec().nodes.map((n: Json) => n.id));
    expect(theory.links).toHaveLength(7);
    expect(theory.indicators).toHaveLength(2);
  });
  it("accepts every design node kind", () => {
    const kinds = ["problem", "input", "activity", "output", "mechanism", "outcome", "impact", "context"];
    const spec = cleanSpec();
    expect(new Set(spec.nodes.map((n: Json) => n.kind))).toEqual(new Set(kinds));
    expect(() => T.defineTheory(spec)).not.toThrow();
  });
  it("throws TiltakError INVALID_INPUT naming `kind` for an unknown node kind", () => {
    const spec = cleanSpec();
    spec.nodes[2].kind = "workshop";
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "kind");
  });
  it("throws TiltakError INVALID_INPUT naming `nodes` when nodes is not an array", () => {
    const spec = cleanSpec();
    spec.nodes = "a1";
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "nodes");
  });
  it("throws TiltakError INVALID_INPUT naming `id` when the theory id is missing", () => {
    const spec = cleanSpec();
    delete spec.id;
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "id");
  });
  it("throws TiltakError for a non-object spec", () => {
    expectTiltakError(() => T.defineTheory(42), "INVALID_INPUT");
  });
});

describe("checkTheory", () => {
  it("a complete theory is ok with no error findings; shape { ok, findings: [{ rule, severity, message, ids }] }", () => {
    const result = T.checkTheory(T.defineTheory(cleanSpec()));
    expectPlainJson(result);
    expect(result.ok).toBe(true);
    expect(Array.isArray(result.findings)).toBe(true);
    expect(result.findings.filter((f: Json) => f.severity === "error")).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  const cases: [string, (spec: Json) => void, string[]][] = [
    ["duplicate-id", (s) => s.nodes.push({ id: "o1", kind: "outcome", label: "Duplicate" }), ["o1"]],
    ["dangling-reference", (s) => s.links.push({ from: "o2", to: "ghost" }), ["ghost"]],
    ["cycle", (s) => s.links.push({ from: "o2", to: "o1" }), ["o1", "o2"]],
    [
      "unreachable-outcome",
      (s) => {
        s.nodes.push({ id: "o9", kind: "outcome", label: "Better health", horizon: "long" });
        s.indicators.push({ ...s.indicators[0], id: "i9", nodeId: "o9" });
      },
      ["o9"],
    ],
    [
      "activity-without-outcome",
      (s) => {
        s.nodes.push({ id: "a9", kind: "activity", label: "Coffee mornings" });
      },
      ["a9"],
    ],
    ["outcome-without-indicator", (s) => s.indicators.splice(1, 1), ["o2"]],
    [
      "mechanism-off-path",
      (s) => {
        s.nodes.push({ id: "m9", kind: "mechanism", label: "Peer support" });
      },
      ["m9"],
    ],
    [
      "indicator-incomplete",
      (s) => {
        delete s.indicators[0].baseline;
        delete s.indicators[0].targets;
      },
      ["i1"],
    ],
  ];
  it.each(cases)("rule %s is reported with the ids involved", (rule, mutate, ids) => {
    const spec = cleanSpec();
    mutate(spec);
    const result = T.checkTheory(spec);
    expectPlainJson(result);
    const found = findingsOf(result, rule);
    expect(found.length, `${rule} finding`).toBeGreaterThan(0);
    for (const f of found) {
      expectKeys(f, ["rule", "severity", "message", "ids"]);
      expect(typeof f.message).toBe("string");
      expect(f.message.length).toBeGreaterThan(0);
      expect(Array.isArray(f.ids)).toBe(true);
    }
    const allIds = new Set(found.flatMap((f) => f.ids));
    for (const id of ids) expect(allIds.has(id), `${rule} ids include ${id}`).toBe(true);
    const hasError = result.findings.some((f: Json) => f.severity === "error");
    expect(result.ok).toBe(!hasError);
  });

  it("every design rule name is among the rules the package reports", () => {
    const known = (T.theoryRules as Json[] | undefined)?.map((r) => r.rule) ?? [];
    for (const rule of ruleNames) expect(known).toContain(rule);
  });

  it("structural errors (cycle, dangling reference) make ok false", () => {
    const spec = cleanSpec();
    spec.links.push({ from: "o2", to: "o1" });
    expect(T.checkTheory(spec).ok).toBe(false);
    const spec2 = cleanSpec();
    spec2.indicators[0].nodeId = "nowhere";
    const r2 = T.checkTheory(spec2);
    expect(r2.ok).toBe(false);
    expect(findingsOf(r2, "dangling-reference").length).toBeGreaterThan(0);
  });

  it("property: a random forward-only DAG never reports `cycle`; adding one back edge always does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (size, rawEdges, pick) => {
          const nodes = Array.from({ length: size }, (_, i) => ({
            id: `n${i}`,
            kind: i === 0 ? "activity" : "outcome",
            label: `Node ${i}`,
          }));
          const edges = new Map<string, { from: string; to: string }>();
          for (const [a, b] of rawEdges) {
            const i = a % size;
            const j = b % size;
            if (i < j) edges.set(`${i}-${j}`, { from: `n${i}`, to: `n${j}` });
          }
          const links = [...edges.values()];
          const spec = { id: "dag", title: "DAG", nodes, links, indicators: [] };
          expect(findingsOf(T.checkTheory(spec), "cycle")).toEqual([]);
          if (links.length === 0) return;
          const back = links[pick % links.length]!;
          const cyclic = { ...spec, links: [...links, { from: back.to, to: back.from }] };
          const result = T.checkTheory(cyclic);
          expect(findingsOf(result, "cycle").length).toBeGreaterThan(0);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 40, seed: 20261122 },
    );
  });
});

describe("chains, compareTheories, assessReadiness, exports", () => {
  it("chains(theory, { from, to }) gives the causal path a1 → … → o2", () => {
    const theory = T.defineTheory(cleanSpec());
    const result = T.chains(theory, { from: "a1", to: "o2" });
    expectPlainJson(result);
    const paths = (result.paths ?? result) as Json[];
    const asLists = paths.map((p) => (Array.isArray(p) ? p : p.nodes));
    expect(asLists).toContainEqual(["a1", "out1", "m1", "o1", "o2"]);
  });
  it("chains with an unknown node id throws TiltakError naming it", () => {
    const theory = T.defineTheory(cleanSpec());
    expectTiltakError(() => T.chains(theory, { from: "nope" }), "INVALID_INPUT", "nope");
  });
  it("compareTheories finds the shared tag and the distinct elements", () => {
    const a = T.defineTheory(cleanSpec());
    const specB = cleanSpec();
    specB.id = "contract-other";
    specB.title = "Other";
    specB.nodes.push({ id: "a2", kind: "activity", label: "Job coaching", tags: ["supported-employment"] });
    specB.links.push({ from: "a2", to: "o2" });
    const b = T.defineTheory(specB);
    const result = T.compareTheories([a, b]);
    expectPlainJson(result);
    const elements = result.elements as Json[];
    const nt = elements.find((e) => e.key === "norwegian-training");
    expect(nt?.theories).toEqual(["contract-course", "contract-other"]);
    const se = elements.find((e) => e.key === "supported-employment");
    expect(se?.theories).toEqual(["contract-other"]);
    // "shared and distinct elements": norwegian-training is shared, supported-employment distinct to the second.
    const shared = JSON.stringify(result.shared ?? elements.filter((e) => e.theories.length === 2));
    expect(shared).toContain("norwegian-training");
    expect(shared).not.toContain("supported-employment");
    expect(JSON.stringify(result.distinct ?? elements.filter((e) => e.theories.length === 1))).toContain(
      "supported-employment",
    );
  });
  it("assessReadiness covers the NIBR template items and returns plain JSON", () => {
    const result = T.assessReadiness(T.defineTheory(cleanSpec()));
    expectPlainJson(result);
    const text = JSON.stringify(result).toLowerCase();
    for (const word of [
      "problem",
      "target",
      "intervention",
      "mechanism",
      "outcome",
      "indicator",
      "recruit",
      "random",
      "contamination",
      "follow",
    ]) {
      expect(text, word).toContain(word);
    }
  });
  it("toMermaid, toDot, toDagitty, toMarkdown return text naming every node", () => {
    const theory = T.defineTheory(cleanSpec());
    const mermaid = T.toMermaid(theory);
    expect(mermaid).toMatch(/^(flowchart|graph)\b/m);
    expect(T.toDot(theory)).toMatch(/digraph/);
    expect(T.toDagitty(theory)).toMatch(/^dag\s*\{/);
    for (const lang of ["en", "nb"]) {
      const md = T.toMarkdown(theory, { lang });
      expect(typeof md).toBe("string");
      expect(md).toContain("Contract test: language course to work");
    }
    for (const text of [mermaid, T.toDot(theory), T.toDagitty(theory)]) {
      for (const id of ["a1", "m1", "o2"]) expect(text).toContain(id);
    }
  });
  it("toMarkdown rejects an unknown lang with TiltakError naming `lang`", () => {
    expectTiltakError(
      () => T.toMarkdown(T.defineTheory(cleanSpec()), { lang: "xx" }),
      "INVALID_INPUT",
      "lang",
    );
  });
});

describe("feedback links", () => {
  it("a cycle through a link marked as feedback is not an error", () => {
    const spec = cleanSpec();
    spec.links.push({ from: "o2", to: "o1", kind: "feedback" });
    const result = T.checkTheory(spec);
    expect(findingsOf(result, "cycle").filter((f) => f.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("toMarkdown languages", () => {
  it("lang 'nb' gives different (bokmål) headings from lang 'en'", () => {
    const theory = T.defineTheory(cleanSpec());
    expect(T.toMarkdown(theory, { lang: "nb" })).not.toBe(T.toMarkdown(theory, { lang: "en" }));
  });
});

describe("more schema errors name the parameter", () => {
  it("a link without `to`", () => {
    const spec = cleanSpec();
    delete spec.links[0].to;
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "to");
  });
  it("an indicator with an unknown measure", () => {
    const spec = cleanSpec();
    spec.indicators[0].measure = "vibes";
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "measure");
  });
  it("an outcome with an unknown horizon", () => {
    const spec = cleanSpec();
    spec.nodes[5].horizon = "eventually";
    expectTiltakError(() => T.defineTheory(spec), "INVALID_INPUT", "horizon");
  });
});
