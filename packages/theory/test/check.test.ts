// Tolerance: none (structural findings only).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTheory, type TheoryNode, type TheoryRule, type TheorySpec, theoryRules } from "../src/index.js";
import { kystbyenInitial, kystbyenRevised } from "./fixtures/kystbyen.js";

/** A complete, clean theory: no rule fires on it. */
const clean: TheorySpec = {
  id: "clean",
  title: "Clean",
  nodes: [
    { id: "p", kind: "problem", label: "Problem" },
    { id: "a", kind: "activity", label: "Activity" },
    { id: "m", kind: "mechanism", label: "Mechanism" },
    { id: "o", kind: "outcome", label: "Outcome", horizon: "short" },
    { id: "c", kind: "context", label: "Context" },
  ],
  links: [
    { from: "p", to: "a" },
    { from: "a", to: "m" },
    { from: "m", to: "o", assumptions: ["as"], evidence: ["ev"] },
    { from: "c", to: "m", kind: "triggers" },
  ],
  indicators: [
    {
      id: "i",
      nodeId: "o",
      name: "Share employed",
      definition: "Employed one year after exit",
      measure: "proportion",
      numerator: "employed",
      denominator: "exits",
      direction: "increase",
      baseline: { value: 0.4, date: "2019" },
      targets: [{ value: 0.6, date: "2021" }],
      meansOfVerification: "Register linkage",
      source: "NAV A-register",
    },
  ],
  assumptions: [{ id: "as", text: "Jobs exist", kind: "contextual", critical: true, status: "supported" }],
  evidence: [{ id: "ev", citation: "Study 2020" }],
  cmos: [{ id: "cmo", contexts: ["c"], mechanism: "m", outcomes: ["o"] }],
};

function rulesOf(spec: TheorySpec): TheoryRule[] {
  return checkTheory(spec).findings.map((finding) => finding.rule);
}

function fired(spec: TheorySpec, rule: TheoryRule) {
  return checkTheory(spec).findings.filter((finding) => finding.rule === rule);
}

const node = (id: string, kind: TheoryNode["kind"], extra: Partial<TheoryNode> = {}): TheoryNode => ({
  id,
  kind,
  label: id,
  ...extra,
});

describe("checkTheory on a clean theory", () => {
  it("reports nothing and ok", () => {
    const result = checkTheory(clean);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      method: "checkTheory",
      theory: "clean",
      counts: { error: 0, warning: 0, info: 0 },
    });
  });

  it("documents every rule with a source", () => {
    for (const rule of theoryRules) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect(["error", "warning", "info"]).toContain(rule.severity);
    }
    expect(theoryRules.map((r) => r.rule)).toEqual(
      expect.arrayContaining([
        "duplicate-id",
        "dangling-reference",
        "cycle",
        "unreachable-outcome",
        "activity-without-outcome",
        "outcome-without-indicator",
        "mechanism-off-path",
        "indicator-incomplete",
      ]),
    );
  });
});

// Each case: a minimal change to the clean theory that makes exactly the named rule fire, with its ids.
const failing: [TheoryRule, TheorySpec, string[]][] = [
  ["duplicate-id", { ...clean, nodes: [...clean.nodes, node("m", "mechanism")] }, ["m"]],
  ["duplicate-id", { ...clean, links: [...(clean.links ?? []), { id: "a", from: "a", to: "m" }] }, ["a"]],
  [
    "duplicate-id",
    { ...clean, indicators: [...(clean.indicators ?? []), ...(clean.indicators ?? [])] },
    ["i"],
  ],
  [
    "dangling-reference",
    { ...clean, links: [...(clean.links ?? []), { from: "a", to: "ghost" }] },
    ["ghost"],
  ],
  [
    "dangling-reference",
    { ...clean, indicators: [{ ...clean.indicators![0]!, nodeId: "nowhere" }] },
    ["nowhere"],
  ],
  [
    "dangling-reference",
    { ...clean, cmos: [{ id: "cmo", contexts: ["c"], mechanism: "mx", outcomes: ["o"] }] },
    ["mx"],
  ],
  ["cycle", { ...clean, links: [...(clean.links ?? []), { from: "o", to: "a" }] }, ["a", "m", "o"]],
  ["cycle", { ...clean, links: [...(clean.links ?? []), { from: "m", to: "m" }] }, ["m"]],
  [
    "unreachable-outcome",
    {
      ...clean,
      nodes: [...clean.nodes, node("o2", "outcome", { horizon: "long" })],
      links: [...(clean.links ?? []), { from: "p", to: "o2" }],
      indicators: [...(clean.indicators ?? []), { ...clean.indicators![0]!, id: "i2", nodeId: "o2" }],
    },
    ["o2"],
  ],
  [
    "activity-without-outcome",
    {
      ...clean,
      nodes: [...clean.nodes, node("a2", "activity")],
      links: [...(clean.links ?? []), { from: "p", to: "a2" }],
    },
    ["a2"],
  ],
  [
    "mechanism-off-path",
    {
      ...clean,
      nodes: [...clean.nodes, node("m2", "mechanism")],
      links: [...(clean.links ?? []), { from: "a", to: "m2" }],
    },
    ["m2"],
  ],
  [
    "mechanism-off-path",
    {
      ...clean,
      nodes: [...clean.nodes, node("m2", "mechanism")],
      links: [...(clean.links ?? []), { from: "m2", to: "o" }],
    },
    ["m2"],
  ],
  ["outcome-without-indicator", { ...clean, indicators: [] }, ["o"]],
  ["indicator-incomplete", { ...clean, indicators: [{ id: "i", nodeId: "o", name: "Share" }] }, ["i", "o"]],
  [
    "indicator-incomplete",
    {
      ...clean,
      indicators: [{ ...clean.indicators![0]!, numerator: undefined }] as TheorySpec["indicators"],
    },
    ["i", "o"],
  ],
  [
    "indicator-inconsistent",
    { ...clean, indicators: [{ ...clean.indicators![0]!, targets: [{ value: 60, date: "2021" }] }] },
    ["i"],
  ],
  [
    "indicator-inconsistent",
    { ...clean, indicators: [{ ...clean.indicators![0]!, targets: [{ value: 0.6, date: "2018-06" }] }] },
    ["i"],
  ],
  ["backward-link", { ...clean, links: [...(clean.links ?? []), { from: "o", to: "p" }] }, ["o", "p"]],
  ["isolated-node", { ...clean, nodes: [...clean.nodes, node("in", "input")] }, ["in"]],
  [
    "missing-problem",
    {
      ...clean,
      nodes: clean.nodes.filter((n) => n.id !== "p"),
      links: (clean.links ?? []).filter((l) => l.from !== "p"),
    },
    ["clean"],
  ],
  [
    "missing-horizon",
    { ...clean, nodes: clean.nodes.map((n) => (n.id === "o" ? node("o", "outcome") : n)) },
    ["o"],
  ],
  [
    "missing-horizon",
    {
      ...clean,
      nodes: clean.nodes.map((n) => (n.id === "m" ? node("m", "mechanism", { horizon: "short" }) : n)),
    },
    ["m"],
  ],
  [
    "cmo-kind",
    { ...clean, cmos: [{ id: "cmo", contexts: ["p"], mechanism: "m", outcomes: ["o"] }] },
    ["cmo"],
  ],
  [
    "critical-assumption-untested",
    { ...clean, assumptions: [{ id: "as", text: "Jobs exist", critical: true }] },
    ["as"],
  ],
  [
    "unused-record",
    { ...clean, evidence: [...(clean.evidence ?? []), { id: "ev2", citation: "Other" }] },
    ["ev2"],
  ],
  [
    "unused-record",
    {
      ...clean,
      assumptions: [...(clean.assumptions ?? []), { id: "as2", text: "Other", status: "supported" }],
    },
    ["as2"],
  ],
];

describe.each(failing)("rule %s", (rule, spec, ids) => {
  it("fires on the minimal failing theory, naming the records", () => {
    const found = fired(spec, rule);
    expect(found.length).toBeGreaterThan(0);
    expect(found.flatMap((f) => f.ids)).toEqual(expect.arrayContaining(ids));
    const info = theoryRules.find((r) => r.rule === rule)!;
    for (const f of found) expect(f.severity).toBe(info.severity);
    expect(checkTheory(spec).ok).toBe(!checkTheory(spec).findings.some((f) => f.severity === "error"));
  });

  it("does not fire on the passing theory", () => {
    expect(fired(clean, rule)).toEqual([]);
  });
});

describe("rule details", () => {
  it("cycle: a feedback link (feedback: true or kind feedback) closes a loop without an error", () => {
    const loop = { ...clean, links: [...(clean.links ?? []), { from: "o", to: "a", feedback: true }] };
    expect(rulesOf(loop)).not.toContain("cycle");
    expect(rulesOf(loop)).not.toContain("backward-link");
    const kindLoop = {
      ...clean,
      links: [...(clean.links ?? []), { from: "o", to: "a", kind: "feedback" as const }],
    };
    expect(rulesOf(kindLoop)).not.toContain("cycle");
    expect(checkTheory(loop).ok).toBe(true);
  });

  it("cycle: reports the walk and every node of the strongly connected component", () => {
    const spec: TheorySpec = {
      id: "t",
      title: "T",
      nodes: ["a", "b", "c", "d"].map((id) => node(id, "outcome", { horizon: "short" })),
      links: [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "c", to: "a" },
        { from: "c", to: "d" },
      ],
    };
    const [finding] = fired(spec, "cycle");
    expect(finding?.ids).toEqual(["a", "b", "c"]);
    expect(finding?.message).toContain("a → b → c → a");
    expect(checkTheory(spec).ok).toBe(false);
  });

  it("cycle: two separate cycles give two findings", () => {
    const spec: TheorySpec = {
      id: "t",
      title: "T",
      nodes: ["a", "b", "c", "d"].map((id) => node(id, "outcome", { horizon: "short" })),
      links: [
        { from: "a", to: "b" },
        { from: "b", to: "a" },
        { from: "c", to: "d" },
        { from: "d", to: "c" },
      ],
    };
    expect(fired(spec, "cycle").map((f) => f.ids)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("dangling-reference: link assumptions and evidence may be written inline as sentences", () => {
    const inline: TheorySpec = {
      ...clean,
      links: [
        ...(clean.links ?? []),
        {
          from: "a",
          to: "o",
          assumptions: ["Employers take part"],
          evidence: ["Lillevik & Tyldum 2018"],
          confidence: "medium",
        },
      ],
    };
    expect(fired(inline, "dangling-reference")).toEqual([]);
    const typo = {
      ...clean,
      links: [...(clean.links ?? []), { from: "a", to: "o", assumptions: ["as-typo"] }],
    };
    expect(fired(typo, "dangling-reference").map((f) => f.ids)).toEqual([["as-typo"]]);
    const noList = {
      ...clean,
      assumptions: undefined,
      links: [{ from: "a", to: "o", assumptions: ["motivation"] }],
    };
    expect(fired(noList as TheorySpec, "dangling-reference")).toEqual([]);
  });

  it("unreachable-outcome also covers impact nodes", () => {
    const spec = { ...clean, nodes: [...clean.nodes, node("imp", "impact")] };
    expect(fired(spec, "unreachable-outcome").map((f) => f.ids)).toEqual([["imp"]]);
  });

  it("indicator-incomplete lists what is missing", () => {
    const [finding] = fired(
      { ...clean, indicators: [{ id: "i", nodeId: "o", name: "Share", measure: "rate" }] },
      "indicator-incomplete",
    );
    expect(finding?.message).toBe(
      'indicator "i" lacks a definition, a direction, a baseline, a target, a means of verification, a data source, a numerator, a denominator',
    );
  });

  it("severity overrides change ok, and 'off' drops a rule", () => {
    const spec = { ...clean, indicators: [] };
    expect(checkTheory(spec).ok).toBe(true);
    const strict = checkTheory(spec, { severity: { "outcome-without-indicator": "error" } });
    expect(strict.ok).toBe(false);
    expect(strict.counts.error).toBe(1);
    expect(checkTheory(spec, { severity: { "outcome-without-indicator": "off" } }).findings).toEqual([]);
    expect(() => checkTheory(spec, { severity: { "no-such-rule": "off" } as never })).toThrow(/severity/);
  });

  it("orders findings by rule, and never throws for semantic problems", () => {
    const messy: TheorySpec = {
      id: "messy",
      title: "Messy",
      nodes: [node("a", "activity"), node("a", "outcome"), node("o", "outcome"), node("m", "mechanism")],
      links: [
        { from: "o", to: "o" },
        { from: "x", to: "y" },
      ],
      indicators: [{ id: "i", nodeId: "zz", name: "I" }],
    };
    const result = checkTheory(messy);
    const order = theoryRules.map((r) => r.rule);
    const positions = result.findings.map((f) => order.indexOf(f.rule));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(result.ok).toBe(false);
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(
      new Set([
        "duplicate-id",
        "dangling-reference",
        "cycle",
        "unreachable-outcome",
        "activity-without-outcome",
        "mechanism-off-path",
        "outcome-without-indicator",
        "indicator-incomplete",
        "isolated-node",
        "missing-problem",
        "missing-horizon",
      ]),
    );
  });

  it("throws INVALID_INPUT for a bad shape", () => {
    expect(() =>
      checkTheory({ id: "t", title: "T", nodes: [{ id: "a", kind: "box" as never, label: "A" }] }),
    ).toThrow(/nodes\[0\]\.kind/);
  });

  it("the Kystbyen theories (initial and revised) have no errors, and the expected gaps", () => {
    for (const spec of [kystbyenInitial, kystbyenRevised]) {
      const result = checkTheory(spec);
      expect(result.ok).toBe(true);
      expect(fired(spec, "outcome-without-indicator").map((f) => f.ids[0])).toEqual([
        "o-deep",
        "o-metalanguage",
        "o-interaction",
      ]);
    }
  });
});

// Property tests: random DAGs (links only from a lower to a higher index) never report a cycle, and
// adding one link from a node to one of its ancestors always does, unless that link is feedback.
const dagArbitrary = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.uniqueArray(
      fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
        .filter(([a, b]) => a < b),
      { maxLength: 40, selector: ([a, b]) => `${a}-${b}` },
    ),
    kinds: fc.array(
      fc.constantFrom("activity", "output", "mechanism", "outcome") as fc.Arbitrary<TheoryNode["kind"]>,
      {
        minLength: n,
        maxLength: n,
      },
    ),
  }),
);

function dagSpec(n: number, edges: [number, number][], kinds: TheoryNode["kind"][]): TheorySpec {
  return {
    id: "random",
    title: "Random DAG",
    nodes: Array.from({ length: n }, (_, i) => node(`n${i}`, kinds[i]!)),
    links: edges.map(([a, b]) => ({ from: `n${a}`, to: `n${b}` })),
  };
}

describe("properties", () => {
  it("random DAGs never report a cycle", () => {
    fc.assert(
      fc.property(dagArbitrary, ({ n, edges, kinds }) => {
        expect(rulesOf(dagSpec(n, edges, kinds))).not.toContain("cycle");
      }),
      { numRuns: 300, seed: 20201013 },
    );
  });

  it("adding a back edge (to an ancestor) always reports a cycle through both ends; as feedback it does not", () => {
    fc.assert(
      fc.property(
        dagArbitrary.filter(({ edges }) => edges.length > 0),
        fc.nat(),
        ({ n, edges, kinds }, pick) => {
          // Follow a path from the tail of a random edge, then link its end back to the start.
          const [start] = edges[pick % edges.length]!;
          let end = start;
          for (;;) {
            const next = edges.find(([a]) => a === end);
            if (!next) break;
            end = next[1];
          }
          const spec = dagSpec(n, edges, kinds);
          const withBack = { ...spec, links: [...(spec.links ?? []), { from: `n${end}`, to: `n${start}` }] };
          const cycles = fired(withBack, "cycle");
          expect(cycles.length).toBe(1);
          expect(cycles[0]?.ids).toEqual(expect.arrayContaining([`n${start}`, `n${end}`]));
          expect(checkTheory(withBack).ok).toBe(false);
          const asFeedback = {
            ...spec,
            links: [...(spec.links ?? []), { from: `n${end}`, to: `n${start}`, feedback: true }],
          };
          expect(rulesOf(asFeedback)).not.toContain("cycle");
        },
      ),
      { numRuns: 300, seed: 20201014 },
    );
  });

  it("ok is false if and only if some finding has severity error", () => {
    fc.assert(
      fc.property(dagArbitrary, fc.boolean(), ({ n, edges, kinds }, addLoop) => {
        const spec = dagSpec(n, edges, kinds);
        const links = addLoop
          ? [...(spec.links ?? []), { from: "n1", to: "n0" }, { from: "n0", to: "n1" }]
          : spec.links;
        const result = checkTheory({ ...spec, links });
        expect(result.ok).toBe(!result.findings.some((f) => f.severity === "error"));
        expect(result.counts.error + result.counts.warning + result.counts.info).toBe(result.findings.length);
      }),
      { numRuns: 200, seed: 20201015 },
    );
  });
});
