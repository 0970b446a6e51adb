// Reference: test/reference/theory/graphs.json, written by generate.R from R igraph (strongly connected
// components, is_dag, all_simple_paths, subcomponent). Tolerance: exact (integers and sets).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chains, checkTheory, type TheorySpec } from "../src/index.js";

interface GraphCase {
  n: number;
  edges: [number, number][];
  isDag: boolean;
  cyclic: number[][];
  sources: number[];
  sinks: number[];
  paths: number;
  upstreamOf: number;
  upstream: number[];
}
const reference: { meta: { igraph: string }; cases: GraphCase[] } = JSON.parse(
  readFileSync(new URL("../../../test/reference/theory/graphs.json", import.meta.url), "utf8"),
);

/** Sources become activities, sinks outcomes, the rest outputs; vertex i is node "v<i>". */
function theoryOf(c: GraphCase): TheorySpec {
  const sources = new Set(c.sources);
  const sinks = new Set(c.sinks);
  return {
    id: "igraph",
    title: "igraph case",
    nodes: Array.from({ length: c.n }, (_, i) =>
      sources.has(i)
        ? { id: `v${i}`, kind: "activity" as const, label: `v${i}` }
        : sinks.has(i)
          ? { id: `v${i}`, kind: "outcome" as const, label: `v${i}`, horizon: "short" as const }
          : { id: `v${i}`, kind: "output" as const, label: `v${i}` },
    ),
    links: c.edges.map(([a, b]) => ({ from: `v${a}`, to: `v${b}` })),
  };
}

const ids = (xs: number[]) => xs.map((x) => `v${x}`);

describe(`graph algorithms agree with R igraph ${reference.meta.igraph}`, () => {
  it("has cyclic and acyclic cases", () => {
    expect(reference.cases.length).toBe(60);
    expect(reference.cases.filter((c) => !c.isDag).length).toBeGreaterThan(10);
  });

  it.each(reference.cases.map((c, i) => [i, c] as const))("case %i: cycles, paths, ancestors", (_, c) => {
    const theory = theoryOf(c);
    const cycles = checkTheory(theory)
      .findings.filter((f) => f.rule === "cycle")
      .map((f) => [...f.ids].sort());
    expect(cycles.sort()).toEqual(c.cyclic.map((members) => ids(members).sort()).sort());
    expect(cycles.length === 0).toBe(c.isDag);
    expect(chains(theory).paths.length).toBe(c.paths);
    expect(
      chains(theory, { to: `v${c.upstreamOf}` })
        .upstream.map((node) => node.id)
        .sort(),
    ).toEqual(ids(c.upstream).sort());
  });
});
