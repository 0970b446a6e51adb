// Tolerance: none (structural comparisons only).
import { readFileSync } from "node:fs";
import { isTiltakError } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defineTheory,
  horizons,
  indicatorMeasures,
  linkKinds,
  nodeKinds,
  type TheorySpec,
  theoryJsonSchema,
  theorySchema,
  workingMethodTags,
} from "../src/index.js";

const minimal: TheorySpec = {
  id: "t1",
  title: "Minimal",
  nodes: [
    { id: "a", kind: "activity", label: "Do" },
    { id: "o", kind: "outcome", label: "Change", horizon: "short" },
  ],
  links: [{ from: "a", to: "o" }],
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("schema.json", () => {
  it("equals what the generator writes from the zod schema (run scripts/generate-schema.ts)", () => {
    const committed = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(theoryJsonSchema())));
  });

  it("is exported as @tiltak/theory/schema.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["./schema.json"]).toBe("./schema.json");
    expect(pkg.files).toContain("schema.json");
  });

  it("declares the design shape: required id, title, nodes; node kinds; outcome horizons", () => {
    const schema = theoryJsonSchema() as {
      required: string[];
      properties: Record<string, { items?: { properties: Record<string, { enum?: string[] }> } }>;
    };
    expect(schema.required).toEqual(["id", "title", "nodes"]);
    const node = schema.properties.nodes?.items?.properties ?? {};
    expect(node.kind?.enum).toEqual([
      "problem",
      "input",
      "activity",
      "output",
      "mechanism",
      "outcome",
      "impact",
      "context",
    ]);
    expect(node.horizon?.enum).toEqual(["short", "intermediate", "long"]);
  });
});

describe("defineTheory", () => {
  it("defaults links and indicators to [] and leaves the input unchanged", () => {
    const spec: TheorySpec = { id: "x", title: "X", nodes: [] };
    const theory = defineTheory(spec);
    expect(theory).toEqual({ id: "x", title: "X", nodes: [], links: [], indicators: [] });
    expect(spec).toEqual({ id: "x", title: "X", nodes: [] });
  });

  it("round-trips: JSON of a theory parses back to the same theory", () => {
    const full: TheorySpec = {
      ...minimal,
      lang: "en",
      labels: { nb: "Minimal" },
      indicators: [
        {
          id: "i1",
          nodeId: "o",
          name: "Share employed",
          definition: "Employed one year after exit",
          measure: "proportion",
          numerator: "employed",
          denominator: "exits",
          unit: "share",
          direction: "increase",
          baseline: { value: 0.5, date: "2019", n: 20 },
          targets: [{ value: 0.7, date: "2021-12-31" }],
          meansOfVerification: "Register linkage",
          source: "NAV A-register",
        },
      ],
      targetGroup: {
        description: "Refugees",
        eligibility: ["spor 1"],
        size: { eligible: 50, perCohort: 15 },
      },
      components: [
        { id: "c1", label: "Support", dose: { amount: 7, unit: "hours", per: "week" }, duration: "1 year" },
      ],
      assumptions: [{ id: "as1", text: "Assistants are available", kind: "implementation", critical: true }],
      evidence: [{ id: "e1", citation: "Someone 2020", type: "qualitative" }],
      cmos: [{ id: "cmo1", contexts: [], mechanism: "a", outcomes: ["o"] }],
      factors: [{ kind: "barrier", text: "COVID-19", scope: "external" }],
      implementation: { quality: "high", fidelityCriteria: ["whole class supported"] },
      uncertainties: [{ id: "u1", question: "Does it transfer?", priority: "high" }],
      versions: [{ version: "1", kind: "initial", date: "2019-08" }],
      transfer: { value: "high" },
      source: { document: "Project report 2020", lines: [12, 14] },
      extensions: { anything: { goes: [1, 2] } },
    };
    const theory = defineTheory(full);
    expect(defineTheory(JSON.parse(JSON.stringify(theory)))).toEqual(theory);
    expect(theory).toEqual({ ...full, indicators: full.indicators });
  });

  it.each([
    [{ id: "t", title: "T", nodes: [{ id: "a", kind: "goal", label: "A" }] }, ["nodes", 0, "kind"]],
    [{ id: "t", title: "T", nodes: [{ id: "a", kind: "outcome", lable: "A" }] }, ["nodes", 0, "label"]],
    [{ id: "t", title: "T", nodes: [{ id: "a b", kind: "outcome", label: "A" }] }, ["nodes", 0, "id"]],
    [{ id: "t", title: "T", nodes: [], links: [{ from: "a" }] }, ["links", 0, "to"]],
    [
      { id: "t", title: "T", nodes: [], links: [{ from: "a", to: "b", confidence: 2 }] },
      ["links", 0, "confidence"],
    ],
    [
      { id: "t", title: "T", nodes: [{ id: "o", kind: "outcome", label: "O", horizon: "medium" }] },
      ["nodes", 0, "horizon"],
    ],
    [
      { id: "t", title: "T", nodes: [], indicators: [{ id: "i", nodeId: "o", name: "N", measure: "share" }] },
      ["indicators", 0, "measure"],
    ],
    [
      {
        id: "t",
        title: "T",
        nodes: [],
        indicators: [{ id: "i", nodeId: "o", name: "N", baseline: { value: 1, date: "autumn 2019" } }],
      },
      ["indicators", 0, "baseline", "date"],
    ],
    [
      {
        id: "t",
        title: "T",
        nodes: [{ id: "a", kind: "activity", label: "A", tags: ["Norwegian Training"] }],
      },
      ["nodes", 0, "tags", 0],
    ],
    [{ id: "t", title: "T", nodez: [] }, ["nodes"]],
    [{ title: "T", nodes: [] }, ["id"]],
  ])("bad shape %# throws INVALID_INPUT naming the path", (spec, path) => {
    const error = thrown(() => defineTheory(spec as unknown as TheorySpec));
    expect(isTiltakError(error, "INVALID_INPUT")).toBe(true);
    const issues = (error as { issues: { path: (string | number)[] }[] }).issues;
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it("names the parameter and what it accepts in the message", () => {
    expect(() =>
      defineTheory({ id: "t", title: "T", nodes: [{ id: "a", kind: "goal" as never, label: "A" }] }),
    ).toThrow(/nodes\[0\]\.kind must be one of "problem" \| "input" .* got "goal"/);
  });

  it("rejects non-objects", () => {
    expect(
      isTiltakError(
        thrown(() => defineTheory(null as unknown as TheorySpec)),
        "INVALID_INPUT",
      ),
    ).toBe(true);
    expect(theorySchema.safeParse([]).success).toBe(false);
  });
});

describe("property: round trip", () => {
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const nodeArb = fc.record(
    {
      id,
      kind: fc.constantFrom(...nodeKinds),
      label: fc.string({ minLength: 1, maxLength: 30 }),
      horizon: fc.constantFrom(...horizons),
      tags: fc.array(fc.constantFrom(...workingMethodTags.map((t) => t.key)), { maxLength: 3 }),
      description: fc.string(),
      stakeholder: fc.string(),
      successCriteria: fc.array(fc.string(), { maxLength: 2 }),
      labels: fc.dictionary(fc.constantFrom("nb", "en"), fc.string()),
    },
    { requiredKeys: ["id", "kind", "label"] },
  );
  const linkArb = fc.record(
    {
      from: id,
      to: id,
      kind: fc.constantFrom(...linkKinds),
      rationale: fc.string(),
      confidence: fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("low" as const, "high" as const),
      ),
      feedback: fc.boolean(),
    },
    { requiredKeys: ["from", "to"] },
  );
  const indicatorArb = fc.record(
    {
      id,
      nodeId: id,
      name: fc.string({ minLength: 1 }),
      measure: fc.constantFrom(...indicatorMeasures),
      baseline: fc.record({
        value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
        date: fc.constantFrom("2019", "2019-09", "2019-09-30"),
      }),
      targets: fc.array(fc.record({ value: fc.integer(), date: fc.constant("2021-12") }), { maxLength: 2 }),
      source: fc.constantFrom("NAV A-register", "Norskprøve"),
    },
    { requiredKeys: ["id", "nodeId", "name"] },
  );
  const specArb = fc.record(
    {
      id,
      title: fc.string({ minLength: 1 }),
      nodes: fc.array(nodeArb, { maxLength: 8 }),
      links: fc.array(linkArb, { maxLength: 8 }),
      indicators: fc.array(indicatorArb, { maxLength: 3 }),
      targetGroup: fc.record({
        description: fc.string({ minLength: 1 }),
        eligibility: fc.array(fc.string()),
      }),
    },
    { requiredKeys: ["id", "title", "nodes"] },
  );

  it("defineTheory(JSON of a theory) equals the theory, and validating twice changes nothing", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const theory = defineTheory(spec as TheorySpec);
        const again = defineTheory(JSON.parse(JSON.stringify(theory)));
        expect(again).toEqual(theory);
        expect(defineTheory(theory)).toEqual(theory);
        expect(theory.links).toEqual(spec.links ?? []);
      }),
      { numRuns: 200, seed: 2020 },
    );
  });
});
