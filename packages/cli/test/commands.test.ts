// End-to-end tests of every `tiltak` command family. Most run in process through runCli on temporary
// files (fast); a few spawn the command through tsx (as `pnpm tiltak` does) for what only a real process
// shows: exit codes, standard input, no progress bar when piped, Ctrl-C. Numbers are compared with the
// library's own result for the same options (exactly) and, for the meta-analysis, with metafor's
// (test/reference/compare/rma.json, relative tolerance 1e-6).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as allocate from "@tiltak/allocate";
import * as compare from "@tiltak/compare";
import { programmeYears, theories } from "@tiltak/datasets";
import * as power from "@tiltak/power";
import { checkTheory } from "@tiltak/theory";
import { describe, expect, it } from "vitest";
import { type CommandIo, flagsToOptions, powerTests, runCli, simulateFlags } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const rma = JSON.parse(readFileSync(join(root, "test/reference/compare/rma.json"), "utf8"));
const escalc = JSON.parse(readFileSync(join(root, "test/reference/compare/escalc.json"), "utf8"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function workspace(): { dir: string; run: (args: string[], stdin?: string) => Promise<Run> } {
  const dir = mkdtempSync(join(tmpdir(), "tiltak-cmd-"));
  return {
    dir,
    run: async (args, stdin) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CommandIo = {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        cwd: dir,
        isTTY: false,
        stdin: async () => stdin ?? "",
      };
      const code = await runCli(args, io);
      return { code, stdout: out.join(""), stderr: err.join("") };
    },
  };
}

const cycleTheory = {
  id: "loop",
  title: "A loop",
  nodes: [
    { id: "a", kind: "activity", label: "Teach" },
    { id: "o", kind: "outcome", label: "Learn", horizon: "short" },
  ],
  links: [
    { from: "a", to: "o" },
    { from: "o", to: "a" },
  ],
};

const bcg = escalc.cases.find((c: { name: string }) => c.name === "bcg-RR").input as Record<string, number[]>;
const bcgCsv = `study,ai,bi,ci,di\n${(bcg.ai as number[]).map((_, i) => `${i + 1},${bcg.ai?.[i]},${bcg.bi?.[i]},${bcg.ci?.[i]},${bcg.di?.[i]}`).join("\n")}\n`;

describe("tiltak power", () => {
  it("t-test --d 0.5 --power 0.8 prints n = 63.76561 and the 64 to recruit", async () => {
    const { run } = workspace();
    const result = await run(["power", "t-test", "--d", "0.5", "--power", "0.8"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+n = 63\.76561$/m);
    expect(result.stdout).toMatch(/sig-level = 0\.05/);
    expect(result.stdout).toMatch(/to recruit: n = 64/);
  });

  it("every test's example gives exactly the library's result (--json)", async () => {
    const { run } = workspace();
    for (const test of powerTests) {
      const args = test.example.split(" ").slice(1);
      const result = await run([...args, "--json"]);
      expect(result.code, `${test.example}: ${result.stderr}`).toBe(0);
      const values: Record<string, string> = {};
      for (let i = 2; i < args.length; i += 2)
        values[(args[i] as string).slice(2).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())] =
          args[i + 1] as string;
      const fn = (power as unknown as Record<string, (o: unknown) => unknown>)[test.fn] as (
        o: unknown,
      ) => unknown;
      expect(JSON.parse(result.stdout), test.example).toEqual(fn(flagsToOptions(test.flags, values)));
    }
  });

  it("every test's flags are exactly its schema's options (and simulate's are the simulator's and run's)", () => {
    const keys = (schema: unknown): string[] =>
      Object.keys((schema as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape).sort();
    for (const test of powerTests)
      expect(test.flags.map((f) => f.key).sort(), test.name).toEqual(
        keys((power as unknown as Record<string, unknown>)[test.schema]),
      );
    const run = keys(power.simulatePowerOptions).filter(
      (k) => !["simulate", "onProgress", "progressEvery", "signal"].includes(k),
    );
    expect(simulateFlags.map((f) => f.key).sort()).toEqual(
      [...keys(power.twoArmSimulatorOptions), ...run].sort(),
    );
  });

  it("solves the significance level with --sig-level solve; names the flag of a bad value", async () => {
    const { run } = workspace();
    const solved = await run([
      "power",
      "t-test",
      "--n",
      "64",
      "--d",
      "0.5",
      "--power",
      "0.8",
      "--sig-level",
      "solve",
      "--json",
    ]);
    expect(JSON.parse(solved.stdout).sigLevel).toBe(
      power.tTest({ n: 64, d: 0.5, power: 0.8, sigLevel: null }).sigLevel,
    );
    const bad = await run(["power", "t-test", "--d", "abc", "--power", "0.8"]);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toBe('tiltak: --d: expected a number, got "abc"\n');
    const range = await run(["power", "t-test", "--d", "0.5", "--power", "1.2"]);
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/^tiltak: --power: power must be in/);
    const choice = await run(["power", "t-test", "--d", "0.5", "--power", "0.8", "--alternative", "up"]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/'up' is invalid\. Allowed choices are two-sided, less, greater/);
    const typo = await run(["power", "t-test", "--d", "0.5", "--sig-levle", "0.01"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown option '--sig-levle'\n\(Did you mean --sig-level\?\)/);
    const test = await run(["power", "t-tst"]);
    expect(test.code).toBe(2);
    expect(test.stderr).toMatch(/unknown command 't-tst'\n\(Did you mean t-test\?\)/);
  });

  it("simulate equals simulatePower with the same seed; no progress output when not a terminal", async () => {
    const { run } = workspace();
    const result = await run([
      "power",
      "simulate",
      "--outcome",
      "binary",
      "--n",
      "100",
      "--p1",
      "0.5",
      "--p2",
      "0.7",
      "--reps",
      "400",
      "--seed",
      "cli",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const expected = power.simulatePower({
      simulate: power.twoArmSimulator({ outcome: "binary", n: 100, p1: 0.5, p2: 0.7 }),
      reps: 400,
      seed: "cli",
    });
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(result.stderr).toBe('simulating 400 replicates (seed "cli")\n');
    expect(result.stderr.includes("\u001b") || /\r|█|░/.test(result.stderr)).toBe(false);
    const missing = await run([
      "power",
      "simulate",
      "--outcome",
      "binary",
      "--n",
      "100",
      "--p1",
      "0.5",
      "--p2",
      "0.7",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--seed: is required/);
  });

  it("curve: a table, CSV rows equal to powerCurve, and an SVG file that is never overwritten", async () => {
    const { dir, run } = workspace();
    const args = [
      "power",
      "curve",
      "t-test",
      "--d",
      "0.5",
      "--vary",
      "n",
      "--from",
      "10",
      "--to",
      "100",
      "--points",
      "10",
    ];
    const table = await run(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\s*n\s+power$/m);
    const json = await run([...args, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(
      power.powerCurve(power.tTest, { d: 0.5 }, { vary: "n", from: 10, to: 100, points: 10 }),
    );
    expect((await run([...args, "--out", "curve.csv"])).code).toBe(0);
    expect(readFileSync(join(dir, "curve.csv"), "utf8").split("\n")[10]).toBe(
      `100,${JSON.parse(json.stdout)[9].power}`,
    );
    const svg = await run([...args, "--out", "curve.svg"]);
    expect(svg.code, svg.stderr).toBe(0);
    expect(readFileSync(join(dir, "curve.svg"), "utf8")).toMatch(/^<svg/);
    const again = await run([...args, "--out", "curve.svg"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/curve\.svg exists; refusing to overwrite it \(use --force/);
    const vary = await run([
      "power",
      "curve",
      "t-test",
      "--d",
      "0.5",
      "--vary",
      "m",
      "--from",
      "1",
      "--to",
      "2",
    ]);
    expect(vary.code).toBe(2);
    expect(vary.stderr).toMatch(
      /--vary: expected an option of t-test \(n, d, sig-level, power, type, alternative\), got "m"/,
    );
  }, 30_000);
});

describe("tiltak theory", () => {
  it("check: exit 1 naming the cycle; 0 on a bundled theory; findings equal checkTheory's", async () => {
    const { dir, run } = workspace();
    writeFileSync(join(dir, "loop.json"), JSON.stringify(cycleTheory));
    const failed = await run(["theory", "check", "loop.json"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^loop: FAILED \(1 error/);
    expect(failed.stdout).toMatch(/error\s+cycle\s+links form a cycle a → o → a/);
    const json = await run(["theory", "check", "loop.json", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(checkTheory(cycleTheory as never));
    writeFileSync(join(dir, "nora.json"), JSON.stringify(theories.find((t) => t.id === "nora")));
    expect((await run(["theory", "check", "nora.json"])).code).toBe(0);
    const off = await run(["theory", "check", "loop.json", "--severity", "cycle=off"]);
    expect(off.code).toBe(0);
    const badRule = await run(["theory", "check", "loop.json", "--severity", "cycles=off"]);
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toMatch(/--severity: expected one of .*cycle.*, got "cycles"/);
  });

  it("draw, readiness, compare, schema", async () => {
    const { dir, run } = workspace();
    writeFileSync(join(dir, "nora.json"), JSON.stringify(theories.find((t) => t.id === "nora")));
    writeFileSync(join(dir, "a.json"), JSON.stringify(theories.find((t) => t.id === "nibr-heimby")));
    writeFileSync(join(dir, "b.json"), JSON.stringify(theories.find((t) => t.id === "nibr-hogda")));
    const mermaid = await run(["theory", "draw", "nora.json"]);
    expect(mermaid.stdout).toMatch(/^flowchart/);
    expect((await run(["theory", "draw", "nora.json", "--format", "dot"])).stdout).toMatch(/^digraph/);
    expect((await run(["theory", "draw", "nora.json", "--out", "nora.md"])).code).toBe(0);
    expect(readFileSync(join(dir, "nora.md"), "utf8")).toMatch(/^# /);
    const kumu = await run(["theory", "draw", "nora.json", "--format", "kumu"]);
    expect(JSON.parse(kumu.stdout).elements.length).toBeGreaterThan(5);
    const readiness = await run(["theory", "readiness", "nora.json"]);
    expect(readiness.stdout).toMatch(/^pilot: (ready|conditional|not-ready)/m);
    const compared = await run(["theory", "compare", "a.json", "b.json", "--json"]);
    expect(JSON.parse(compared.stdout).theories.map((t: { id: string }) => t.id)).toEqual([
      "nibr-heimby",
      "nibr-hogda",
    ]);
    expect((await run(["theory", "compare", "a.json"])).code).toBe(2);
    const schema = await run(["theory", "schema"]);
    expect(JSON.parse(schema.stdout).$schema).toMatch(/json-schema/);
  });

  it("draws SVG through Graphviz", async () => {
    const { dir, run } = workspace();
    writeFileSync(join(dir, "loop.json"), JSON.stringify(cycleTheory));
    const svg = await run(["theory", "draw", "loop.json", "--out", "loop.svg"]);
    expect(svg.code, svg.stderr).toBe(0);
    expect(readFileSync(join(dir, "loop.svg"), "utf8")).toMatch(/<svg[\s\S]*Teach/);
  }, 30_000);
});

describe("tiltak compare", () => {
  it("meta on BCG (metafor dat.bcg, log RR): metafor's REML estimate and τ² to 1e-6; CSV and JSON inputs", async () => {
    const { dir, run } = workspace();
    const expected = rma.cases.find(
      (c: { name: string; method: string; test: string }) =>
        c.name === "RR" && c.method === "REML" && c.test === "z",
    ).expected;
    writeFileSync(join(dir, "bcg.csv"), bcgCsv);
    const effects = await run([
      "compare",
      "effect-sizes",
      "bcg.csv",
      "--measure",
      "RR",
      "--out",
      "effects.csv",
    ]);
    expect(effects.code, effects.stderr).toBe(0);
    const meta = await run(["compare", "meta", "effects.csv", "--method", "REML", "--json"]);
    expect(meta.code, meta.stderr).toBe(0);
    const result = JSON.parse(meta.stdout);
    expect(result.estimate).toBeCloseToRel(expected.estimate, { rel: 1e-6 });
    expect(result.tau2).toBeCloseToRel(expected.tau2, { rel: 1e-6 });
    const table = await run(["compare", "meta", "effects.csv"]);
    expect(table.stdout).toMatch(/estimate = -0\.7145323/);
    expect(table.stdout).toMatch(/tau2 = 0\.3132433/);
    const rows = readFileSync(join(dir, "effects.csv"), "utf8").trim().split("\n").slice(1);
    writeFileSync(
      join(dir, "effects.json"),
      JSON.stringify({
        yi: rows.map((r) => Number(r.split(",")[1])),
        vi: rows.map((r) => Number(r.split(",")[2])),
      }),
    );
    const fromJson = JSON.parse((await run(["compare", "meta", "effects.json", "--json"])).stdout);
    expect(fromJson.tau2).toBeCloseToRel(expected.tau2, { rel: 1e-6 });
    const forest = await run(["compare", "meta", "effects.csv", "--forest", "forest.svg", "--exponentiate"]);
    expect(forest.code, forest.stderr).toBe(0);
    expect(readFileSync(join(dir, "forest.svg"), "utf8")).toMatch(/^<svg/);
  }, 30_000);

  it("effect-sizes equal effectSizes; bad cells name the file, row and column", async () => {
    const { dir, run } = workspace();
    writeFileSync(join(dir, "bcg.csv"), bcgCsv);
    const json = await run(["compare", "effect-sizes", "bcg.csv", "--measure", "OR", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(
      compare.effectSizes({
        measure: "OR",
        ai: bcg.ai as number[],
        bi: bcg.bi as number[],
        ci: bcg.ci as number[],
        di: bcg.di as number[],
        slab: (bcg.ai as number[]).map((_, i) => String(i + 1)),
      }),
    );
    writeFileSync(join(dir, "bad.csv"), "yi,vi\n0.1,0.2\n0.3,abc\n");
    const bad = await run(["compare", "meta", "bad.csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tiltak: bad.csv row 2, column vi: expected a number, got "abc"\n');
    writeFileSync(join(dir, "novi.csv"), "yi\n0.1\n");
    expect((await run(["compare", "meta", "novi.csv"])).stderr).toMatch(
      /novi\.csv: has no column "vi" \(or "sei"\)/,
    );
    writeFileSync(join(dir, "ragged.csv"), 'yi,vi\n0.1,0.2\n"0.3,0.1\n');
    const ragged = await run(["compare", "meta", "ragged.csv"]);
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toMatch(/ragged\.csv is not a well-formed CSV file/);
    writeFileSync(join(dir, "broken.json"), "{ yi: [1,");
    const broken = await run(["compare", "meta", "broken.json"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
    const missing = await run(["compare", "meta", "nothing.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/effects .*nothing\.csv cannot be read: no such file/);
    const measure = await run(["compare", "effect-sizes", "bcg.csv", "--measure", "XX"]);
    expect(measure.code).toBe(2);
    expect(measure.stderr).toMatch(/'XX' is invalid\. Allowed choices are RR, OR/);
  });

  it("flows exits 1 on NorA 2024's gap; rates, proportions and funnel equal the library's", async () => {
    const { dir, run } = workspace();
    const nora = programmeYears.find((r) => r.id === "nora-2024");
    writeFileSync(join(dir, "nora.json"), JSON.stringify(nora));
    const flows = await run(["compare", "flows", "nora.json"]);
    expect(flows.code).toBe(1);
    expect(flows.stdout).toMatch(/stock-flow\s+4\s+4 participants unaccounted for/);
    const rates = await run([
      "compare",
      "rates",
      "nora.json",
      "--denominator",
      "exits",
      "--outcomes",
      "work,education",
      "--json",
    ]);
    expect(JSON.parse(rates.stdout)).toEqual(
      JSON.parse(
        JSON.stringify(
          compare.outcomeRates(nora as never, { denominator: "exits", outcomes: ["work", "education"] }),
        ),
      ),
    );
    const proportions = await run([
      "compare",
      "proportions",
      "--x1",
      "44",
      "--n1",
      "102",
      "--x2",
      "27",
      "--n2",
      "84",
      "--json",
    ]);
    expect(JSON.parse(proportions.stdout)).toEqual(
      JSON.parse(JSON.stringify(compare.compareProportions({ x1: 44, n1: 102, x2: 27, n2: 84 }))),
    );
    const text = await run([
      "compare",
      "proportions",
      "--x1",
      "44",
      "--n1",
      "102",
      "--x2",
      "27",
      "--n2",
      "84",
    ]);
    expect(text.stdout).toMatch(/risk ratio = 1\.342048 \[/);
    const wrong = await run([
      "compare",
      "proportions",
      "--x1",
      "44",
      "--n1",
      "x",
      "--x2",
      "27",
      "--n2",
      "84",
    ]);
    expect(wrong.stderr).toBe('tiltak: --n1: expected a number, got "x"\n');
    writeFileSync(
      join(dir, "units.csv"),
      "label,x,n\nNorA 2021,44,102\nNorA 2024,27,84\nNy sjanse 2024,43,91\n",
    );
    const funnel = await run(["compare", "funnel", "units.csv", "--target", "0.6", "--json"]);
    expect(JSON.parse(funnel.stdout)).toEqual(
      compare.funnel(
        [
          { label: "NorA 2021", x: 44, n: 102 },
          { label: "NorA 2024", x: 27, n: 84 },
          { label: "Ny sjanse 2024", x: 43, n: 91 },
        ],
        { target: 0.6 },
      ),
    );
    const plotted = await run(["compare", "funnel", "units.csv", "--out", "funnel.svg"]);
    expect(plotted.code, plotted.stderr).toBe(0);
    expect(readFileSync(join(dir, "funnel.svg"), "utf8")).toMatch(/^<svg/);
  }, 30_000);
});

describe("tiltak data", () => {
  it("list, show and export the bundled records and theories", async () => {
    const { dir, run } = workspace();
    const list = await run(["data", "list"]);
    expect(list.stdout).toMatch(/^nora-2024\s+programme-year/m);
    expect(list.stdout).toMatch(/^nibr-heimby\s+theory/m);
    const show = await run(["data", "show", "nora-2024"]);
    expect(JSON.parse(show.stdout)).toEqual(
      JSON.parse(JSON.stringify(programmeYears.find((r) => r.id === "nora-2024"))),
    );
    const csv = await run(["data", "show", "nora-2024", "--format", "csv"]);
    expect(csv.stdout).toMatch(/^field,value\nid,nora-2024\n/);
    expect(csv.stdout).toMatch(/^exits\.total,84$/m);
    expect((await run(["data", "export", "nora", "--out", "nora.csv"])).code).toBe(0);
    expect(readFileSync(join(dir, "nora.csv"), "utf8")).toMatch(/^id,kind,label,horizon,tags\n/);
    const refused = await run(["data", "export", "nora", "--out", "nora.csv"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to overwrite/);
    expect(
      (await run(["data", "export", "nora", "--out", "nora.csv", "--force", "--format", "json"])).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "nora.csv"), "utf8")).id).toBe("nora");
    const unknown = await run(["data", "show", "nora-2042"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no data set "nora-2042" \(did you mean nora-2021, nora-2024/);
  });
});

describe("tiltak allocate minimise", () => {
  const plan = { arms: ["NorA", "usual"], factors: ["gender", "office"], pBest: 0.8, seed: "rolling" };
  const units = [
    { id: "p1", gender: "F", office: "Bergen" },
    { id: "p2", gender: "M", office: "Oslo" },
    { id: "p3", gender: "F", office: "Oslo" },
    { id: "p4", gender: "F", office: "Bergen" },
    { id: "p5", gender: "M", office: "Bergen" },
    { id: "p6", gender: "F", office: "Oslo" },
  ];
  const csv = (rows: typeof units): string =>
    `id,gender,office\n${rows.map((u) => `${u.id},${u.gender},${u.office}`).join("\n")}\n`;

  it("assigns in file order; resuming from --state gives the same arms as one minimiser", async () => {
    const { dir, run } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    writeFileSync(join(dir, "week1.csv"), csv(units.slice(0, 3)));
    writeFileSync(join(dir, "week2.csv"), csv(units.slice(3)));
    const first = await run([
      "allocate",
      "minimise",
      "plan.json",
      "--units",
      "week1.csv",
      "--state",
      "state.json",
    ]);
    expect(first.code, first.stderr).toBe(0);
    const second = await run([
      "allocate",
      "minimise",
      "--units",
      "week2.csv",
      "--state",
      "state.json",
      "--out",
      "w2.csv",
    ]);
    expect(second.code, second.stderr).toBe(0);
    const minimiser = allocate.createMinimiser(plan);
    const arms = units.map((unit) => minimiser.assign(unit).arm);
    const printed = [
      ...first.stdout.trim().split("\n").slice(1),
      ...readFileSync(join(dir, "w2.csv"), "utf8").trim().split("\n").slice(1),
    ];
    expect(printed.map((line) => line.split(",")[1])).toEqual(arms);
    expect(first.stdout.split("\n")[0]).toBe("unitId,arm,gender,office");
    // the same state but the salt (drawn at random once per minimiser, then kept across restores)
    const { salt, ...saved } = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
    const { salt: _otherSalt, ...expected } = JSON.parse(JSON.stringify(minimiser.state()));
    expect(saved).toEqual(expected);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(second.stderr).toMatch(/assigned 3 unit\(s\) \(6 in all\)/);
    // a plan over an existing state is refused; a repeated unit names the row and saves nothing
    const restart = await run([
      "allocate",
      "minimise",
      "plan.json",
      "--units",
      "week1.csv",
      "--state",
      "state.json",
    ]);
    expect(restart.code).toBe(2);
    expect(restart.stderr).toMatch(/--state: state\.json exists: leave out the plan to resume/);
    const before = readFileSync(join(dir, "state.json"), "utf8");
    const repeated = await run(["allocate", "minimise", "--units", "week2.csv", "--state", "state.json"]);
    expect(repeated.code).toBe(2);
    expect(repeated.stderr).toMatch(/week2\.csv row 1: .*must be a unit not yet assigned/);
    expect(readFileSync(join(dir, "state.json"), "utf8")).toBe(before);
    const none = await run(["allocate", "minimise", "--units", "week2.csv", "--state", "other.json"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--state: other\.json does not exist: give the plan file to start/);
    expect(existsSync(join(dir, "other.json"))).toBe(false);
  });
});

describe("help, version, completion", () => {
  it("prints help for every command and group, with examples", async () => {
    const { run } = workspace();
    for (const args of [
      [],
      ["power"],
      ["power", "t-test"],
      ["power", "simulate"],
      ["power", "curve", "cluster"],
      ["theory"],
      ["theory", "check"],
      ["compare", "meta"],
      ["data", "export"],
      ["allocate", "minimise"],
      ["completion"],
    ]) {
      const help = await run([...args, "--help"]);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/^Usage: tiltak/);
      if (args.length > 0) expect(help.stdout, args.join(" ")).toMatch(/Examples:\n {2}\$ tiltak /);
    }
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: tiltak/);
    expect((await run(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("completion bash and zsh; the bash script completes subcommands and flags", async () => {
    const { dir, run } = workspace();
    const bash = await run(["completion", "bash"]);
    expect(bash.stdout).toMatch(/complete -o default -F _tiltak tiltak/);
    const zsh = await run(["completion", "zsh"]);
    expect(zsh.stdout).toMatch(/^#compdef tiltak\n[\s\S]*bashcompinit/);
    expect((await run(["completion", "fish"])).code).toBe(2);
    writeFileSync(join(dir, "c.sh"), bash.stdout);
    const complete = spawnSync(
      "bash",
      [
        "-c",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash script
        'source c.sh; COMP_WORDS=(tiltak power t-te); COMP_CWORD=2; _tiltak; echo "${COMPREPLY[*]}"; COMP_WORDS=(tiltak compare meta x.csv --meth); COMP_CWORD=4; _tiltak; echo "${COMPREPLY[*]}"',
      ],
      { cwd: dir, encoding: "utf8" },
    );
    expect(complete.stdout).toBe("t-test t-test-2n\n--method\n");
  });

  it("the start-up modules import no library package (commands load theirs when they run)", () => {
    for (const file of ["main.ts", "power-spec.ts"]) {
      const source = readFileSync(join(root, "packages/cli/src", file), "utf8");
      const imports = [...source.matchAll(/^import (?!type)[^;]*? from "([^"]+)";/gm)].map((m) => m[1]);
      for (const name of imports)
        expect(name, `${file} imports ${name}`).toMatch(/^(node:|commander$|\.\/power-spec\.js$)/);
    }
  });
});

describe("tiltak as a process (tsx, as pnpm tiltak runs it)", () => {
  // node with tsx as a loader in the same process (not the tsx runner, whose parent process relays
  // signals to a child and kills it when it does not answer within 30 ms)
  const command = [
    process.execPath,
    "--conditions=@tiltak/source",
    "--import",
    pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href,
    join(root, "packages/cli/src/main.ts"),
  ];
  const spawnCli = (args: string[], cwd: string, input?: string) =>
    spawnSync(command[0] as string, [...command.slice(1), ...args], {
      cwd,
      encoding: "utf8",
      input: input ?? "",
    });

  it("power t-test prints n = 63.76561; theory check on a cycle exits 1; stdin with -", () => {
    const dir = mkdtempSync(join(tmpdir(), "tiltak-proc-"));
    const powerRun = spawnCli(["power", "t-test", "--d", "0.5", "--power", "0.8"], dir);
    expect(powerRun.status, powerRun.stderr).toBe(0);
    expect(powerRun.stdout).toMatch(/n = 63\.76561/);
    const check = spawnCli(["theory", "check", "-"], dir, JSON.stringify(cycleTheory));
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/cycle a → o → a/);
  }, 60_000);

  it("simulate: no progress bar when piped; Ctrl-C stops with the replicates done so far", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiltak-proc-"));
    const child: ChildProcess = spawn(
      command[0] as string,
      [
        ...command.slice(1),
        "power",
        "simulate",
        "--outcome",
        "continuous",
        "--n",
        "64",
        "--delta",
        "0.5",
        "--reps",
        "100000000",
        "--seed",
        "stop",
        "--json",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += String(chunk);
    });
    const started = new Promise<void>((resolveStarted) =>
      child.stderr?.on("data", (chunk) => {
        stderr += String(chunk);
        if (stderr.includes("simulating")) resolveStarted();
      }),
    );
    const exited = new Promise<number | null>((resolveExit) =>
      child.on("close", (code) => resolveExit(code)),
    );
    await started;
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGINT");
    const code = await exited;
    expect(code, `${stderr}\n${stdout}`).toBe(130);
    const result = JSON.parse(stdout);
    expect(result.cancelled).toBe(true);
    expect(result.reps).toBeGreaterThan(0);
    expect(result.reps).toBeLessThan(100000000);
    expect(stderr).toMatch(/^simulating 100000000 replicates/);
    expect(stderr).toMatch(/cancelled: the result covers \d+ of 100000000 replicates/);
    expect(stderr.includes("\u001b") || /\r|█|░/.test(stderr)).toBe(false);
  }, 60_000);
});
