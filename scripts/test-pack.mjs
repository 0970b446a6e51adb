// `pnpm test:pack`: the packages as a user gets them. Builds every package, checks the browser size
// budget (size-limit, .size-limit.json), packs every published package (packages/*/package.json
// without "private": true) with pnpm, lints each tarball with publint and @arethetypeswrong/cli, installs
// the tarballs with plain npm (`--prefer-offline`: cached registry data is used without revalidating
// every package, which otherwise takes minutes) into an empty project in a temporary folder (no
// overrides), and there:
// imports `tiltak` in Node ESM, checks that the import loads no plotting code, type-checks a consumer
// file under moduleResolution node16 and bundler, and runs `npx tiltak --help`. It prints the import
// times of `tiltak` and `@tiltak/power` (median of several fresh processes) and removes the folder.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const started = performance.now();
const bin = (name) => join(root, "node_modules", ".bin", name);

/** Runs a command; resolves with its output, rejects (printing the output) when it fails. */
function run(command, args, { cwd = root, quiet = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        if (!quiet && output.trim() !== "") console.log(output.trimEnd());
        resolve(output);
      } else {
        console.error(output.trimEnd());
        reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) exited with ${code}`));
      }
    });
  });
}

/** Runs the tasks at most `limit` at a time. */
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * publint (strict: warnings are errors) and arethetypeswrong (the "esm-only" profile: the packages are
 * ESM only, so the node10 and node16-from-CJS resolutions are not checked) on each tarball, through their
 * APIs in this process: the attw command loads TypeScript anew for each package, ten times the CPU. A
 * tarball with problems is checked again with the `attw` command, which prints its table.
 */
async function lintTarballs(files) {
  const { publint } = await import("publint");
  const { formatMessage } = await import("publint/utils");
  const attw = await import("@arethetypeswrong/core");
  const failures = [];
  for (const file of files) {
    const data = readFileSync(file);
    const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: "suggestion" });
    for (const message of messages)
      failures.push(`publint ${file}: ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
    const analysis = await attw.checkPackage(attw.createPackageFromTarballData(new Uint8Array(data)));
    const problems = analysis.types
      ? analysis.problems.filter(
          (problem) =>
            !("resolutionKind" in problem && ["node10", "node16-cjs"].includes(problem.resolutionKind)),
        )
      : [{ kind: "no type declarations" }];
    if (problems.length > 0) {
      failures.push(`attw ${file}: ${problems.map((problem) => problem.kind).join(", ")}`);
      await run(bin("attw"), [file, "--profile", "esm-only"]).catch(() => {});
    }
  }
  if (failures.length > 0) throw new Error(`packaging lint failed:\n${failures.join("\n")}`);
}

function step(text) {
  console.log(`\n== ${text} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// pnpm: the one running this script, else the version package.json pins.
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.execPath, process.env.npm_execpath]
  : ["npx", "-y", JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager];

// pnpm passes its own settings to scripts as npm_config_* variables that npm does not know (and warns about).
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      ![
        "npm_config_verify_deps_before_run",
        "npm_config_npm_globalconfig",
        "npm_config__jsr_registry",
      ].includes(key),
  ),
);

const published = readdirSync(join(root, "packages"))
  .filter((name) => existsSync(join(root, "packages", name, "package.json")))
  .map((name) => ({
    dir: name,
    json: JSON.parse(readFileSync(join(root, "packages", name, "package.json"))),
  }))
  .filter((pkg) => pkg.json.private !== true);
check(
  published.some((pkg) => pkg.json.name === "tiltak"),
  "the tiltak umbrella package is not among the packages",
);

const temp = mkdtempSync(join(tmpdir(), "tiltak-test-pack-"));
try {
  step("build");
  await run(process.execPath, [join(root, "scripts", "build.mjs")]);

  step("size-limit (.size-limit.json)");
  await run(bin("size-limit"), []);

  step(`pack ${published.length} packages`);
  const tarballs = join(temp, "tarballs");
  mkdirSync(tarballs);
  await run(
    pnpm[0],
    [
      ...pnpm.slice(1),
      "--recursive",
      ...published.flatMap((pkg) => ["--filter", `./packages/${pkg.dir}`]),
      "pack",
      "--pack-destination",
      tarballs,
    ],
    { quiet: true },
  );
  const files = readdirSync(tarballs)
    .filter((file) => file.endsWith(".tgz"))
    .map((file) => join(tarballs, file));
  check(
    files.length === published.length,
    `expected ${published.length} tarballs, got ${files.length}: ${files.join(", ")}`,
  );

  step("publint and attw on every tarball, npm install of the tarballs (side by side)");
  const project = join(temp, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "tiltak-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  const lint = lintTarballs(files);
  const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...files], {
    cwd: project,
    env: npmEnv,
  });
  await Promise.all([lint, install]);
  console.log(`publint (strict) and attw (esm-only profile): no problems in ${files.length} tarballs`);

  step("Node ESM: import { power, allocate, theory, compare, stats, datasets, plot } from 'tiltak'");
  writeFileSync(
    join(project, "smoke.mjs"),
    `import { readFileSync } from "node:fs";
import { power, allocate, theory, compare, stats, datasets, plot, toTable } from "tiltak";
const loaded = readFileSync(process.env.TILTAK_LOADED, "utf8");
for (const heavy of ["/vega/", "/vega-lite/", "/@viz-js/"]) {
  if (loaded.includes(heavy)) throw new Error("import('tiltak') loaded " + heavy + " before any plot was asked for");
}
for (const [name, value] of Object.entries({ power, allocate, theory, compare, stats, datasets, plot })) {
  if (typeof value !== "object" || Object.keys(value).length === 0) throw new Error(name + " is not a namespace");
}
const t = power.tTest({ d: 0.5, power: 0.8 });
if (Math.abs(t.n - 63.76561) > 1e-4) throw new Error("tTest n = " + t.n);
let missing;
try { toTable([{ a: 1 }]); } catch (error) { missing = error; }
if (missing?.code !== "INVALID_INPUT" || !missing.message.includes("npm install arquero"))
  throw new Error("toTable without arquero must say to install it, got " + missing);
const svg = await plot.renderSvg({ data: { values: [{ x: 1 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } });
if (!svg.startsWith("<svg")) throw new Error("renderSvg gave " + svg.slice(0, 40));
if (!(await plot.renderDot("digraph { a -> b }")).includes("<svg")) throw new Error("renderDot failed");
console.log("tiltak " + Object.keys({ power, allocate, theory, compare, stats, datasets, plot }).join(", ") + ": ok; tTest n = " + t.n.toFixed(2) + "; no plotting code loaded until renderSvg/renderDot");
`,
  );
  // A resolve hook that writes down every module URL, to see what `import("tiltak")` loads.
  writeFileSync(
    join(project, "record-loads.mjs"),
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.TILTAK_LOADED, result.url + "\\n");
  return result;
}
`,
  );
  writeFileSync(
    join(project, "register.mjs"),
    `import { register } from "node:module";\nregister("./record-loads.mjs", import.meta.url);\n`,
  );
  const loadedLog = join(project, "loaded.txt");
  writeFileSync(loadedLog, "");
  await run(process.execPath, ["--import", "./register.mjs", "smoke.mjs"], {
    cwd: project,
    env: { ...process.env, TILTAK_LOADED: loadedLog },
  });

  step("import time: tiltak against @tiltak/power (fresh process each, alternating)");
  const importTime = async (specifier) =>
    Number(
      await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t0));`,
        ],
        { cwd: project, quiet: true },
      ),
    );
  const times = { tiltak: [], "@tiltak/power": [] };
  for (let round = 0; round < 3; round++) {
    for (const specifier of Object.keys(times)) times[specifier].push(await importTime(specifier));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [specifier, values] of Object.entries(times)) {
    console.log(
      `${specifier.padEnd(14)} median ${median(values).toFixed(0)} ms (runs: ${values.map((v) => v.toFixed(0)).join(", ")})`,
    );
  }

  step("types: tsc on a consumer file, moduleResolution node16 and bundler");
  writeFileSync(
    join(project, "consumer.ts"),
    `import { TiltakError } from "@tiltak/core";
import { tTest } from "@tiltak/power";
import { allocate, compare, datasets, plot, power, stats, theory, toTable } from "tiltak";

type IsAny<T> = 0 extends 1 & T ? true : false;
/** Compiles only when \`value\`'s type resolved (is not \`any\`). */
const typed = <T>(_value: T, ok: IsAny<T> extends false ? true : never): boolean => ok;

const n: number = power.tTest({ d: 0.5, power: 0.8 }).n;
typed(n, true);
typed(tTest, true);
typed(allocate.allocationList, true);
typed(compare.metaAnalysis, true);
typed(datasets, true);
typed(stats.normal.cdf, true);
typed(theory.defineTheory, true);
typed(toTable, true);
typed(TiltakError, true);
// @ts-expect-error: d must be a number
power.tTest({ d: "large", power: 0.8 });
export const svg: Promise<string> = plot.renderSvg({ mark: "point", data: { values: [] } });
`,
  );
  // arquero is an optional peer of tiltak, not installed here; the consumer who calls toTable has it.
  writeFileSync(
    join(project, "arquero.d.ts"),
    `declare module "arquero" {\n  export interface ColumnTable {\n    numRows(): number;\n  }\n  export function from(values: object[]): ColumnTable;\n}\n`,
  );
  const tsc = require.resolve("typescript/bin/tsc");
  await pool(
    [
      ["node16", "node16"],
      ["bundler", "esnext"],
    ].map(([resolution, module]) => async () => {
      const config = `tsconfig.${resolution}.json`;
      writeFileSync(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: "es2022",
            lib: ["es2023", "dom"],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ["consumer.ts", "arquero.d.ts"],
        }),
      );
      await run(process.execPath, [tsc, "-p", config], { cwd: project });
      console.log(`moduleResolution ${resolution}: ok`);
    }),
    2,
  );

  step("npx tiltak --help");
  const help = await run("npx", ["--no", "--", "tiltak", "--help"], {
    cwd: project,
    quiet: true,
    env: npmEnv,
  });
  check(/tiltak/.test(help) && /allocate/.test(help), `npx tiltak --help printed:\n${help}`);
  console.log(help.split("\n").slice(0, 3).join("\n"));

  step(`test:pack passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
