/**
 * Contract tests for the umbrella package `tiltak` against docs/design.md ("Users and what they do", "Rules every
 * package follows", layout): `import { power, allocate, theory, compare, stats, datasets, plot } from "tiltak"`,
 * `toTable(rows)`, plot specs from results, rule 2 (results name their method, plain JSON), rule 3 (TiltakError
 * shape), rule 4 (randomness records { seed, algorithm, tiltakVersion }).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TiltakError as CoreTiltakError } from "@tiltak/core";
import * as tiltak from "tiltak";
import { allocate, compare, datasets, plan, plot, power, stats, theory } from "tiltak";
import { describe, expect, it } from "vitest";
import { caught, expectPlainJson, type Json, ref } from "./helpers.js";

const U = tiltak as Json;

describe("umbrella namespaces", () => {
  it.each(["power", "allocate", "theory", "compare", "plan", "stats", "datasets", "plot", "core"])(
    "tiltak.%s is a namespace object",
    (name) => {
      expect(U[name]).toBeTypeOf("object");
      expect(Object.keys(U[name]).length).toBeGreaterThan(0);
    },
  );
  it("the named imports are the same objects as the namespace members", () => {
    expect(power).toBe(U.power);
    expect(allocate).toBe(U.allocate);
    expect(theory).toBe(U.theory);
    expect(compare).toBe(U.compare);
    expect(stats).toBe(U.stats);
    expect(datasets).toBe(U.datasets);
    expect(plot).toBe(U.plot);
    expect(plan).toBe(U.plan);
  });
  it("toTable(rows) gives an Arquero table whose objects() returns the rows", () => {
    const rows = [
      { n: 10, power: 0.2 },
      { n: 20, power: 0.4 },
    ];
    const table = U.toTable(rows);
    expect(typeof table.objects).toBe("function");
    expect(table.objects()).toEqual(rows);
    expect(table.numRows()).toBe(2);
  });
});

describe("rule 3: bad input throws TiltakError { name, code, message, issues: {path, message}[] }", () => {
  it("stats.proportionCI with x > n", () => {
    const e = caught(() => (stats as Json).proportionCI({ x: 9, n: 5 }));
    expect(e).toBeInstanceOf(CoreTiltakError);
    expect(e.name).toBe("TiltakError");
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(typeof issue.message).toBe("string");
    }
  });
  it("the design's example message: power must be in (sigLevel, 1), got 1.2", () => {
    const e = caught(() => (power as Json).tTest({ n: 20, power: 1.2 }));
    expect(e.name).toBe("TiltakError");
    expect(e.message).toMatch(/power/);
    expect(e.message).toMatch(/1\.2/);
    expect(e.issues.some((i: Json) => i.path.includes("power"))).toBe(true);
  });
});

describe("rule 2: results are plain JSON, echo their inputs and name their method", () => {
  const bcg = ref.rma.data["bcg-RR"];
  const calls: [string, () => Json][] = [
    ["stats.proportionCI", () => (stats as Json).proportionCI({ x: 27, n: 84 })],
    [
      "stats.fisherExact",
      () =>
        (stats as Json).fisherExact({
          table: [
            [27, 15],
            [57, 69],
          ],
        }),
    ],
    [
      "stats.chiSquareTest",
      () =>
        (stats as Json).chiSquareTest({
          table: [
            [27, 15],
            [57, 69],
          ],
        }),
    ],
    ["power.tTest", () => (power as Json).tTest({ n: 23, d: 0.41 })],
    ["power.proportions", () => (power as Json).proportions({ n: 100, p1: 0.3, p2: 0.45 })],
    [
      "power.clusterRandomised",
      () => (power as Json).clusterRandomised({ icc: 0.05, clusterSize: 15, clusters: 20, power: 0.8 }),
    ],
    [
      "power.steppedWedge",
      () => (power as Json).steppedWedge({ clusters: 8, steps: 4, clusterSize: 20, icc: 0.05, effect: 0.3 }),
    ],
    [
      "compare.effectSizes",
      () =>
        (compare as Json).effectSizes({
          measure: "RR",
          ai: [4, 6],
          bi: [119, 300],
          ci: [11, 29],
          di: [128, 274],
        }),
    ],
    [
      "compare.metaAnalysis",
      () => (compare as Json).metaAnalysis({ yi: bcg.yi, vi: bcg.vi, method: "REML" }),
    ],
    ["compare.checkFlows", () => (compare as Json).checkFlows((datasets as Json).programmeYears[0])],
    ["theory.checkTheory", () => (theory as Json).checkTheory((datasets as Json).theories[0])],
    ["theory.chains", () => (theory as Json).chains((datasets as Json).theories[0])],
    ["theory.compareTheories", () => (theory as Json).compareTheories((datasets as Json).theories)],
    ["theory.assessReadiness", () => (theory as Json).assessReadiness((datasets as Json).theories[0])],
    [
      "compare.funnel",
      () =>
        (compare as Json).funnel(
          [
            { id: "a", events: 12, n: 40 },
            { id: "b", events: 30, n: 60 },
          ],
          { levels: [0.95] },
        ),
    ],
    [
      "compare.compareProgrammes",
      () =>
        (compare as Json).compareProgrammes((datasets as Json).programmeYears.slice(0, 2), {
          outcome: "work",
          denominator: "exits",
        }),
    ],
    [
      "power.simulatePower",
      () => (power as Json).simulatePower({ simulate: (rng: Json) => rng.uniform(), reps: 20, seed: "m" }),
    ],
    ["power.linearModel", () => (power as Json).linearModel({ u: 2, v: 60, f2: 0.1 })],
  ];
  it.each(calls)("%s returns plain JSON", (_name, call) => {
    expectPlainJson(call());
  });
  it.each(calls)("%s names its method (a `method` string)", (_name, call) => {
    const r = call();
    expect(typeof r.method, JSON.stringify(Object.keys(r))).toBe("string");
  });
  it("power.tTest echoes every input", () => {
    const r = (power as Json).tTest({
      n: 23,
      d: 0.41,
      sigLevel: 0.01,
      alternative: "greater",
      type: "paired",
    });
    expect(r).toMatchObject({ n: 23, d: 0.41, sigLevel: 0.01, alternative: "greater", type: "paired" });
  });
  it("stats.proportionCI echoes x and n", () => {
    expect((stats as Json).proportionCI({ x: 27, n: 84 })).toMatchObject({ x: 27, n: 84 });
  });
});

describe("rule 4: results that used randomness record { seed, algorithm, tiltakVersion }", () => {
  it("power.simulatePower", () => {
    const r = (power as Json).simulatePower({
      simulate: (rng: Json) => rng.uniform(),
      reps: 50,
      seed: "rule4",
    });
    const text = JSON.stringify(r);
    expect(text).toContain('"seed":"rule4"');
    expect(text).toMatch(/"algorithm":"[^"]+"/);
    expect(text).toMatch(/"tiltakVersion":"[^"]+"/);
  });
  it("allocate.allocationList meta", async () => {
    const r = await (allocate as Json).allocationList({
      arms: ["A", "B"],
      blockSizes: [2],
      size: 4,
      seed: "rule4",
    });
    expect(r.meta).toMatchObject({ seed: "rule4" });
    expect(typeof r.meta.algorithm).toBe("string");
    expect(r.meta.tiltakVersion).toBe((U.core as Json).tiltakVersion);
  });
});

describe("rule 7: plot turns results into Vega-Lite specs", () => {
  function expectVegaLite(spec: Json): void {
    expect(spec).toBeTypeOf("object");
    expect(String(spec.$schema)).toMatch(/vega-lite/);
    expectPlainJson(spec);
  }
  it("plot.powerCurve(rows) from power.powerCurve", () => {
    const rows = (power as Json).powerCurve(
      (power as Json).tTest,
      { d: 0.5 },
      { vary: "n", from: 10, to: 80, points: 8 },
    );
    expectVegaLite((plot as Json).powerCurve(Array.isArray(rows) ? rows : rows.rows));
  });
  it("plot.forest(meta) from compare.metaAnalysis", () => {
    const bcg = ref.rma.data["bcg-RR"];
    expectVegaLite((plot as Json).forest((compare as Json).metaAnalysis({ yi: bcg.yi, vi: bcg.vi })));
  });
  it("plot.funnel(result) from compare.funnel", () => {
    const f = (compare as Json).funnel(
      [
        { id: "a", events: 12, n: 40 },
        { id: "b", events: 30, n: 60 },
      ],
      { target: 0.3, levels: [0.95, 0.998] },
    );
    expectVegaLite((plot as Json).funnel(f));
  });
  it("plot.theory(theory) from a bundled theory", () => {
    expectVegaLite((plot as Json).theory((datasets as Json).theories[0]));
  });
  it("plot.renderSvg(spec) gives SVG text", async () => {
    const rows = (power as Json).powerCurve(
      (power as Json).tTest,
      { d: 0.5 },
      { vary: "n", from: 10, to: 40, points: 4 },
    );
    const svg = await (plot as Json).renderSvg(
      (plot as Json).powerCurve(Array.isArray(rows) ? rows : rows.rows),
    );
    expect(svg).toMatch(/^<svg|<svg/);
  }, 20_000);
});

describe("rule 6: tables in — records, an object of columns, or an Arquero table", () => {
  const records = [
    { id: "a", events: 12, n: 40, gender: "F" },
    { id: "b", events: 30, n: 60, gender: "M" },
    { id: "c", events: 3, n: 35, gender: "F" },
    { id: "d", events: 20, n: 50, gender: "M" },
  ];
  const columns = {
    id: records.map((r) => r.id),
    events: records.map((r) => r.events),
    n: records.map((r) => r.n),
    gender: records.map((r) => r.gender),
  };
  it("compare.funnel gives the same result for records, columns and toTable(records)", () => {
    const opts = { target: 0.3, levels: [0.95, 0.998] };
    const a = (compare as Json).funnel(records, opts);
    expect((compare as Json).funnel(columns, opts)).toStrictEqual(a);
    expect((compare as Json).funnel(U.toTable(records), opts)).toStrictEqual(a);
  });
  it("allocate.allocate gives the same rows for records, columns and toTable(records)", async () => {
    const plan = { design: "complete", arms: ["A", "B"], seed: "tables" };
    const a = await (allocate as Json).allocate(plan, records);
    const b = await (allocate as Json).allocate(plan, columns);
    const c = await (allocate as Json).allocate(plan, U.toTable(records));
    expect(b.rows).toStrictEqual(a.rows);
    expect(c.rows).toStrictEqual(a.rows);
    expect(c.meta.digest).toBe(a.meta.digest);
  });
  it("a danfo-style object with toJSON() records is accepted (design: danfo DataFrame through toJSON())", async () => {
    const plan = { design: "complete", arms: ["A", "B"], seed: "tables" };
    const a = await (allocate as Json).allocate(plan, records);
    const danfoLike = { toJSON: () => records };
    const b = await (allocate as Json).allocate(plan, danfoLike);
    expect(b.rows).toStrictEqual(a.rows);
  });
});

describe("rules 1 and 4, statically: library sources import no node: module and never call Math.random", () => {
  const libraries = [
    "core",
    "stats",
    "theory",
    "power",
    "allocate",
    "compare",
    "plan",
    "plot",
    "datasets",
    "tiltak",
  ];
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  }
  // The one exception (docs/design.md, rule 1): a `*-node.ts` module that the package's `imports` map picks
  // only under the `node` condition, beside a browser twin under `default`.
  function nodeOnlyTwins(name: string): Set<string> {
    const manifest = JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../packages/${name}/package.json`, import.meta.url)), "utf8"),
    ) as { imports?: Record<string, { "@tiltak/source"?: { node?: string; default?: string } }> };
    const twins = new Set<string>();
    for (const entry of Object.values(manifest.imports ?? {})) {
      const source = entry["@tiltak/source"];
      if (
        source?.node?.endsWith("-node.ts") &&
        source.default !== undefined &&
        source.default !== source.node
      )
        twins.add(source.node.replace(/^\.\/src\//, ""));
    }
    return twins;
  }
  it.each(libraries)("packages/%s/src", (name) => {
    const root = fileURLToPath(new URL(`../../packages/${name}/src`, import.meta.url));
    const allowed = nodeOnlyTwins(name);
    const offenders: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8");
      const nodeOnly = allowed.has(file.slice(root.length + 1));
      if (!nodeOnly && /from\s+["'](node:|fs["']|path["']|os["']|child_process["']|crypto["'])/.test(text))
        offenders.push(`${file}: node import`);
      if (/\bMath\.random\s*\(/.test(text)) offenders.push(`${file}: Math.random`);
    }
    expect(offenders).toEqual([]);
  });
});
