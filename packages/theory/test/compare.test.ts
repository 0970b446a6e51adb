// Tolerance: exact (booleans and counts). Reference: test/reference/theory/table-3-2.json, written by
// generate.py from NIBR-rapport 2020:13 Tabell 3.2 (chapter 3).
import { readFileSync } from "node:fs";
import { isTiltakError } from "@tiltak/core";
import { describe, expect, it } from "vitest";
import { compareTheories, normaliseLabel, type TheorySpec, workingMethodTags } from "../src/index.js";
import { kystbyenInitial, kystbyenRevised } from "./fixtures/kystbyen.js";

interface Table32 {
  columns: { key: string; nb: string }[];
  rows: { project: string; cells: Record<string, boolean> }[];
  totals: Record<string, number>;
}
const table: Table32 = JSON.parse(
  readFileSync(new URL("../../../test/reference/theory/table-3-2.json", import.meta.url), "utf8"),
);

/** A small theory per project whose activities (or components) carry the report's tags. */
function projectTheory(project: string, cells: Record<string, boolean>): TheorySpec {
  const tags = Object.entries(cells)
    .filter(([, on]) => on)
    .map(([key]) => key);
  const id = `nibr-${normaliseLabel(project).replace(/ /g, "-")}`;
  // Spread the tags over an activity, a mechanism and a component, as real transcriptions do.
  return {
    id,
    title: project,
    nodes: [
      { id: "a", kind: "activity", label: `${project} measure`, tags: tags.filter((_, i) => i % 3 === 0) },
      { id: "m", kind: "mechanism", label: `${project} mechanism`, tags: tags.filter((_, i) => i % 3 === 1) },
      { id: "o", kind: "outcome", label: "Participation in working life", horizon: "long" },
    ],
    links: [
      { from: "a", to: "m" },
      { from: "m", to: "o" },
    ],
    components: [{ id: "c", label: "component", nodeId: "a", tags: tags.filter((_, i) => i % 3 === 2) }],
  };
}

describe("compareTheories reproduces NIBR 2020:13 Table 3.2", () => {
  const theories = table.rows.map((row) =>
    row.project === "Kystbyen"
      ? { ...kystbyenRevised, title: "Kystbyen" }
      : projectTheory(row.project, row.cells),
  );
  const result = compareTheories(theories, { vocabulary: [...workingMethodTags] });

  it("uses the report's six columns in order", () => {
    expect(table.columns.map((c) => c.key)).toEqual(workingMethodTags.map((t) => t.key));
    expect(table.columns.map((c) => c.nb)).toEqual(workingMethodTags.map((t) => t.nb));
    expect(result.matrix.keys).toEqual(workingMethodTags.map((t) => t.key));
    expect(result.matrix.labels[1]).toBe("Norwegian training integrated in the project");
  });

  it("gives every cell of the table (the Kystbyen row from the full transcribed theory)", () => {
    expect(result.matrix.cells).toEqual(table.rows.map((row) => table.columns.map((c) => row.cells[c.key])));
    expect(result.matrix.rows.map((row) => row.title)).toEqual(table.rows.map((row) => row.project));
  });

  it("counts Norwegian training in 7 of 8 projects, as the report says", () => {
    expect(result.matrix.totals).toEqual(table.columns.map((c) => table.totals[c.key]));
    const norwegian = result.elements.find((e) => e.key === "norwegian-training")!;
    expect(norwegian.count).toBe(7);
    expect(norwegian.share).toBe(7 / 8);
    expect(norwegian.theories).not.toContain("nibr-høgda");
  });

  it("lists shared elements: the long-term work outcome is in all eight", () => {
    expect(result.shared).toContain("outcome:participation in working life");
    expect(result.shared).not.toContain("norwegian-training");
  });
});

describe("compareTheories", () => {
  it("matches untagged nodes by normalised label within a kind", () => {
    const a: TheorySpec = {
      id: "a",
      title: "A",
      nodes: [{ id: "x", kind: "outcome", label: "Lasting  work!" }],
    };
    const b: TheorySpec = {
      id: "b",
      title: "B",
      nodes: [
        { id: "y", kind: "outcome", label: "lasting work" },
        { id: "z", kind: "activity", label: "Lasting work" },
      ],
    };
    const result = compareTheories([a, b]);
    expect(result.elements.map((e) => [e.key, e.theories])).toEqual([
      ["outcome:lasting work", ["a", "b"]],
      ["activity:lasting work", ["b"]],
    ]);
    expect(result.distinct).toEqual({ a: [], b: ["activity:lasting work"] });
    expect(result.matrix.keys).toEqual([]);
  });

  it("by 'tags' ignores labels; by 'labels' ignores tags", () => {
    const a: TheorySpec = {
      id: "a",
      title: "A",
      nodes: [{ id: "x", kind: "activity", label: "Class", tags: ["digital-tools"] }],
    };
    const b: TheorySpec = { id: "b", title: "B", nodes: [{ id: "y", kind: "activity", label: "class" }] };
    expect(compareTheories([a, b], { by: "tags" }).elements.map((e) => e.key)).toEqual(["digital-tools"]);
    expect(compareTheories([a, b], { by: "labels" }).elements.map((e) => [e.key, e.count])).toEqual([
      ["activity:class", 2],
    ]);
    expect(compareTheories([a, b], { kinds: ["outcome"] }).elements).toEqual([]);
  });

  it("shows what a revision added", () => {
    const result = compareTheories([kystbyenInitial, kystbyenRevised], {
      by: "labels",
      kinds: ["mechanism"],
    });
    expect(result.distinct["kystbyen-2019"]).toEqual([]);
    expect(result.distinct["kystbyen-2020-revised"]).toHaveLength(5);
    expect(result.shared).toEqual([
      "mechanism:increased language awareness",
      "mechanism:learners understand explanations in their own language and dare to ask",
    ]);
  });

  it("rejects an empty list, duplicate ids and bad shapes with the path", () => {
    expect(() => compareTheories([])).toThrow(/theories must be a non-empty array/);
    expect(() => compareTheories([kystbyenInitial, kystbyenInitial])).toThrow(
      /theories\[1\]\.id must be unique/,
    );
    let error: unknown;
    try {
      compareTheories([
        kystbyenInitial,
        { id: "x", title: "X", nodes: [{ id: "n", kind: "goal" as never, label: "N" }] },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(isTiltakError(error, "INVALID_INPUT")).toBe(true);
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual([
      "theories",
      1,
      "nodes",
      0,
      "kind",
    ]);
  });
});
