// Executes the Deno-kernel notebooks in examples/ (examples/*.ipynb) under Node, so that they cannot rot:
// the notebook's TypeScript code cells become one temporary module, run with tsx and the
// "@tiltak/source" export condition (as the examples are). A small shim stands in for the Deno-only
// display API (`Deno.jupyter.display(bundle, { raw: true })`, the `Deno.jupyter.svg`/`html`/`md` tagged
// templates and objects with a `Symbol.for("Jupyter.display")` method): every displayed MIME bundle is
// written into examples/output/<notebook>/, and the notebook is written there again with the outputs
// filled in, ready to open in Jupyter.
//
//   node scripts/run-notebook.mjs            # every examples/*.ipynb
//   node scripts/run-notebook.mjs notebook   # those whose name contains "notebook"
//
// A notebook fails the run if it is not a Deno TypeScript notebook, if a cell throws, or if it displays
// nothing.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const notebooks = readdirSync(join(root, "examples"))
  .filter((name) => name.endsWith(".ipynb") && !name.startsWith("_"))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
const tsx = join(root, "node_modules", ".bin", "tsx");

/** The stand-in for Deno's Jupyter API; `__TILTAK_NOTEBOOK_OUTPUT__` is the output folder. */
const shim = String.raw`
import { mkdirSync as __mkdirSync, writeFileSync as __writeFileSync } from "node:fs";
const __outputDir = __TILTAK_NOTEBOOK_OUTPUT__;
__mkdirSync(__outputDir, { recursive: true });
const __displayed: { cell: number; bundle: Record<string, unknown> }[] = [];
let __currentCell = 0;
const __extensions: Record<string, string> = {
  "image/svg+xml": "svg",
  "text/html": "html",
  "text/markdown": "md",
  "text/plain": "txt",
  "application/json": "json",
};
function __bundleOf(value: unknown, options?: { raw?: boolean }): Record<string, unknown> {
  if (options?.raw === true) return value as Record<string, unknown>;
  const hook = (value as Record<symbol, unknown> | null)?.[Symbol.for("Jupyter.display")];
  if (typeof hook === "function") return hook.call(value) as Record<string, unknown>;
  return { "text/plain": typeof value === "string" ? value : JSON.stringify(value, null, 2) };
}
async function __display(value: unknown, options?: { raw?: boolean }): Promise<void> {
  const bundle = __bundleOf(value, options);
  const types = Object.keys(bundle ?? {});
  if (bundle === null || typeof bundle !== "object" || types.length === 0)
    throw new Error("Deno.jupyter.display: expected a MIME bundle, got " + String(bundle));
  for (const type of types) {
    if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(type)) throw new Error("Deno.jupyter.display: bad MIME type " + type);
    const content = bundle[type];
    const extension = __extensions[type] ?? (type.endsWith("+json") ? "json" : "txt");
    const file = __outputDir + "/cell-" + __currentCell + "-" + __displayed.length + "." + type.replace(/[^a-z0-9]+/g, "-") + "." + extension;
    __writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  __displayed.push({ cell: __currentCell, bundle });
  console.log("  cell " + __currentCell + ": displayed " + types.join(", "));
}
function __tagged(type: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]) => ({
    [Symbol.for("Jupyter.display")]: () => ({ [type]: String.raw({ raw: strings }, ...values) }),
  });
}
const __jupyter = { display: __display, svg: __tagged("image/svg+xml"), html: __tagged("text/html"), md: __tagged("text/markdown") };
(globalThis as any).Deno ??= { jupyter: __jupyter };
`;

let failed = 0;
for (const name of notebooks) {
  const started = performance.now();
  const base = name.replace(/\.ipynb$/, "");
  const outputDir = join("examples", "output", base);
  const notebook = JSON.parse(readFileSync(join(root, "examples", name), "utf8"));
  const problems = [];
  if (notebook.nbformat !== 4) problems.push(`nbformat must be 4, got ${notebook.nbformat}`);
  if (notebook.metadata?.kernelspec?.name !== "deno")
    problems.push(
      `kernelspec.name must be "deno", got ${JSON.stringify(notebook.metadata?.kernelspec?.name)}`,
    );
  if (notebook.metadata?.language_info?.name !== "typescript")
    problems.push(
      `language_info.name must be "typescript", got ${JSON.stringify(notebook.metadata?.language_info?.name)}`,
    );
  const cells = Array.isArray(notebook.cells) ? notebook.cells : [];
  const code = cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.cell_type === "code");
  if (code.length === 0) problems.push("has no code cells");
  if (problems.length > 0) {
    failed++;
    console.log(`notebook ${name}: FAILED\n  ${problems.join("\n  ")}`);
    continue;
  }
  const source = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : String(cell.source));
  const body = code
    .map(({ cell, index }) => `__currentCell = ${index};\n// ---- cell ${index}\n${source(cell)}\n`)
    .join("\n");
  const report = `
if (__displayed.length === 0) throw new Error("the notebook displayed nothing");
__writeFileSync(__outputDir + "/displayed.json", JSON.stringify(__displayed.map((d) => ({ cell: d.cell, types: Object.keys(d.bundle) }))));
__writeFileSync(__outputDir + "/.bundles.json", JSON.stringify(__displayed));
`;
  const module = shim.replace("__TILTAK_NOTEBOOK_OUTPUT__", JSON.stringify(outputDir)) + body + report;
  const temp = join(root, `.tiltak-tmp-notebook-${base}-${process.pid}.ts`);
  mkdirSync(join(root, outputDir), { recursive: true });
  writeFileSync(temp, module);
  let run;
  try {
    run = spawnSync(tsx, ["--conditions=@tiltak/source", temp], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TILTAK_EXAMPLE_QUIET: "1" },
    });
  } finally {
    rmSync(temp, { force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed++;
    console.log(`notebook ${name}: FAILED (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
    continue;
  }
  // The executed notebook: the same cells with their displayed outputs.
  const bundlesFile = join(root, outputDir, ".bundles.json");
  const displayed = JSON.parse(readFileSync(bundlesFile, "utf8"));
  rmSync(bundlesFile, { force: true });
  let counter = 0;
  const executed = {
    ...notebook,
    cells: cells.map((cell, index) =>
      cell.cell_type !== "code"
        ? cell
        : {
            ...cell,
            execution_count: ++counter,
            outputs: displayed
              .filter((d) => d.cell === index)
              .map((d) => ({ output_type: "display_data", data: d.bundle, metadata: {} })),
          },
    ),
  };
  writeFileSync(join(root, outputDir, name), `${JSON.stringify(executed, null, 1)}\n`);
  console.log(`notebook ${name}: ok (${seconds} s), ${displayed.length} outputs in ${outputDir}/`);
  if (process.env.TILTAK_EXAMPLE_QUIET !== "1") process.stdout.write(run.stdout);
}
console.log(`notebooks: ${notebooks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
