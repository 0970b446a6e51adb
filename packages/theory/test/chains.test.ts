// Tolerance: none (structural results only).
import { isTiltakError } from "@tiltak/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chains, type TheorySpec } from "../src/index.js";
import { kystbyenRevised } from "./fixtures/kystbyen.js";

const diamond: TheorySpec = {
  id: "d",
  title: "Diamond",
  nodes: [
    { id: "p", kind: "problem", label: "P" },
    { id: "a", kind: "activity", label: "A" },
    { id: "m1", kind: "mechanism", label: "M1" },
    { id: "m2", kind: "mechanism", label: "M2" },
    { id: "o", kind: "outcome", label: "O", horizon: "short" },
    { id: "l", kind: "outcome", label: "L", horizon: "long" },
    { id: "c", kind: "context", label: "C" },
  ],
  links: [
    { from: "p", to: "a" },
    { from: "a", to: "m1" },
    { from: "a", to: "m2" },
    { from: "m1", to: "o" },
    { from: "m2", to: "o" },
    { from: "o", to: "l" },
    { from: "l", to: "a", feedback: true },
    { from: "c", to: "m2" },
  ],
};

describe("chains", () => {
  it("enumerates every simple path from activities to final results by default", () => {
    const result = chains(diamond);
    expect(result.from).toEqual(["a"]);
    expect(result.to).toEqual(["l"]);
    expect(result.paths.map((p) => p.nodes)).toEqual([
      ["a", "m1", "o", "l"],
      ["a", "m2", "o", "l"],
    ]);
    expect(result.paths[0]).toMatchObject({ text: "A → M1 → O → L", length: 3 });
    expect(result.truncated).toBe(false);
    expect(result.method).toBe("chains");
  });

  it("answers what an outcome depends on (upstream) and what an element affects (downstream)", () => {
    const result = chains(diamond, { to: "o" });
    expect(result.upstream.map((n) => n.id)).toEqual(["p", "a", "m1", "m2", "c"]);
    expect(chains(diamond, { from: "m2" }).downstream.map((n) => n.id)).toEqual(["o", "l"]);
    expect(chains(diamond, { from: "c", to: "l" }).paths.map((p) => p.nodes.join(">"))).toEqual(["c>m2>o>l"]);
  });

  it("does not follow feedback links", () => {
    expect(chains(diamond, { from: "l", to: "a" }).paths).toEqual([]);
  });

  it("stops at maxPaths and says so", () => {
    const result = chains(diamond, { maxPaths: 1 });
    expect(result.paths.length).toBe(1);
    expect(result.truncated).toBe(true);
  });

  it("rejects ids the theory does not have, naming the option", () => {
    let error: unknown;
    try {
      chains(diamond, { to: ["o", "nope"] });
    } catch (caught) {
      error = caught;
    }
    expect(isTiltakError(error, "INVALID_INPUT")).toBe(true);
    expect((error as Error).message).toBe('to[1] must be the id of a node in the theory, got "nope"');
    expect(() => chains(diamond, { maxPaths: 0 })).toThrow(/maxPaths/);
  });

  it("finds the 15 chains to work in the revised Kystbyen theory, all ending in o-work", () => {
    const result = chains(kystbyenRevised, { to: "o-work" });
    expect(result.paths.length).toBe(15);
    for (const path of result.paths) expect(path.nodes.at(-1)).toBe("o-work");
    expect(result.upstream.some((n) => n.id === "m-collaboration")).toBe(true);
  });

  it("property: the number of paths in a layered complete DAG is the product of layer widths", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }), (widths) => {
        const layers = widths.map((w, l) => Array.from({ length: w }, (_, i) => `n${l}_${i}`));
        const spec: TheorySpec = {
          id: "layers",
          title: "Layers",
          nodes: layers.flatMap((ids, l) =>
            ids.map((id) => ({
              id,
              kind: l === 0 ? ("activity" as const) : ("outcome" as const),
              label: id,
              horizon: "short" as const,
            })),
          ),
          links: layers
            .slice(1)
            .flatMap((ids, l) => ids.flatMap((to) => layers[l]!.map((from) => ({ from, to })))),
        };
        const expected = widths.reduce((a, b) => a * b, 1);
        expect(chains(spec).paths.length).toBe(expected);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
