// Runs every notebook in examples/ in the real Deno Jupyter kernel, start to finish, and fails on an error
// cell or when a committed output differs from the fresh run (volatile fields masked).
//
//   node scripts/run-notebooks-deno.mjs            # run and check every examples/*.ipynb
//   node scripts/run-notebooks-deno.mjs --update   # run and write the executed notebooks back
//   node scripts/run-notebooks-deno.mjs compare    # only notebooks whose name contains "compare"
//
// The kernel is Deno from the npm registry (the `deno` devDependency brings its binary); the Jupyter
// client is Debian's python3-nbclient. The kernel spec is written into a temporary JUPYTER_PATH, so nothing
// is installed for the user. It runs the workspace packages from source: DENO_CONDITIONS selects the
// "@tiltak/source" export condition and sloppy imports let Deno read the `.js` specifiers of the TypeScript
// sources (a user's kernel reads the built packages instead and needs neither).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const examples = join(root, "examples");
const args = process.argv.slice(2);
const update = args.includes("--update");
const only = args.filter((arg) => !arg.startsWith("--"));
const python = "/usr/bin/python3";
const aptLine =
  "apt-get update && apt-get install -y python3-nbclient python3-ipykernel jupyter-client jupyter-nbconvert";

function fail(message) {
  console.error(`run-notebooks-deno: ${message}`);
  process.exit(1);
}

const deno = join(root, "node_modules", ".bin", "deno");
if (!existsSync(deno)) fail(`${deno} is missing: run the install first (deno is a devDependency)`);
const probe = spawnSync(python, ["-c", "import nbclient, nbformat, jupyter_client"], { encoding: "utf8" });
if (probe.status !== 0)
  fail(`Debian's Jupyter client is missing (${python} cannot import nbclient). Install it: ${aptLine}`);

const notebooks = readdirSync(examples)
  .filter((name) => name.endsWith(".ipynb") && !name.startsWith("_"))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
if (notebooks.length === 0) fail("no notebook matched");

const jupyterPath = mkdtempSync(join(tmpdir(), "tiltak-jupyter-"));
const kernelDir = join(jupyterPath, "kernels", "deno");
mkdirSync(kernelDir, { recursive: true });
writeFileSync(
  join(kernelDir, "kernel.json"),
  JSON.stringify({
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: { DENO_CONDITIONS: "@tiltak/source", DENO_UNSTABLE_SLOPPY_IMPORTS: "1", DENO_NO_UPDATE_CHECK: "1" },
  }),
);

// nbclient executes in the notebook's folder and stops at the first error cell (allow_errors=False).
const executor = `
import sys, nbformat
from nbclient import NotebookClient
source, target, cwd = sys.argv[1], sys.argv[2], sys.argv[3]
nb = nbformat.read(source, as_version=4)
client = NotebookClient(nb, kernel_name="deno", timeout=180, startup_timeout=120, allow_errors=False,
                        resources={"metadata": {"path": cwd}})
client.execute()
nbformat.write(nb, target)
`;

/** Outputs with what legitimately changes between runs masked: times, salts, creation stamps. */
function comparable(notebook) {
  return notebook.cells
    .filter((cell) => cell.cell_type === "code")
    .map((cell) =>
      JSON.stringify(cell.outputs ?? [])
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
        .replace(/\b[0-9a-f]{64}\b/g, "<hex64>")
        .replace(/\d+(\.\d+)? ?ms\b/g, "<ms>"),
    );
}

/** Drops per-run metadata (execution timings) so a committed notebook changes only when its outputs do. */
function tidy(notebook) {
  for (const cell of notebook.cells) {
    if (cell.metadata) delete cell.metadata.execution;
  }
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

let failed = 0;
try {
  // A notebook whose outputs differ is run once more before it fails: the kernel's display messages can
  // reach the client late on a loaded machine. The retry is reported, so a flaky output stays visible.
  const queue = notebooks.map((name) => ({ name, attempt: 1 }));
  for (const { name, attempt } of queue) {
    const started = performance.now();
    const source = join(examples, name);
    const target = join(jupyterPath, name);
    const run = spawnSync(python, ["-c", executor, source, target, examples], {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: jupyterPath },
      timeout: 600_000,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) {
      failed++;
      console.error(`✗ ${name} (${seconds} s): a cell failed in the Deno kernel\n${run.stderr.slice(-4000)}`);
      continue;
    }
    const executed = JSON.parse(readFileSync(target, "utf8"));
    const errors = executed.cells.flatMap((cell) =>
      (cell.outputs ?? []).filter((o) => o.output_type === "error"),
    );
    if (errors.length > 0) {
      failed++;
      console.error(`✗ ${name}: ${errors.length} error outputs`);
      continue;
    }
    if (update) {
      writeFileSync(source, tidy(executed));
      console.log(`✓ ${name} (${seconds} s): executed in the Deno kernel, outputs written`);
      continue;
    }
    const committed = comparable(JSON.parse(readFileSync(source, "utf8")));
    const fresh = comparable(executed);
    const changed = fresh.findIndex((cell, i) => cell !== committed[i]);
    if (changed >= 0 || fresh.length !== committed.length) {
      const cell = changed >= 0 ? changed : fresh.length - 1;
      const at = [...(fresh[cell] ?? "")].findIndex((ch, i) => ch !== (committed[cell] ?? "")[i]);
      console.error(
        `✗ ${name} (attempt ${attempt}): code cell ${cell + 1} gives other output than the committed one at ` +
          `character ${at}:\n  committed: ${(committed[cell] ?? "").slice(Math.max(0, at - 80), at + 120)}\n` +
          `  fresh:     ${(fresh[cell] ?? "").slice(Math.max(0, at - 80), at + 120)}`,
      );
      if (attempt === 1) queue.push({ name, attempt: 2 });
      else {
        failed++;
        console.error("  rerun with --update and review the diff");
      }
      continue;
    }
    console.log(
      `✓ ${name} (${seconds} s): every cell ran in the Deno kernel; outputs match the committed ones`,
    );
  }
} finally {
  rmSync(jupyterPath, { recursive: true, force: true });
}
if (failed > 0) process.exit(1);
