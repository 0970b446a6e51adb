// Builds dist/ of every package under packages/ from its src/, one file at a time: `transpileModule`
// for the JavaScript and `transpileDeclaration` for the .d.ts. The code base compiles with
// `isolatedModules` and `isolatedDeclarations`, so a file's output depends on that file alone and is
// the same as `tsc -p tsconfig.build.json` writes (type checking is `pnpm typecheck`'s job). It takes
// seconds where ten `tsc` runs take about a minute of CPU.
//
//   node scripts/build.mjs              every package
//   node scripts/build.mjs core power   the named folders under packages/
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const packagesDir = join(root, "packages");

// The emit-relevant options of tsconfig.base.json. Every package is "type": "module", and ES2022
// modules are what NodeNext emits for such files.
const base = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile).config.compilerOptions;
const jsOptions = {
  target: ts.ScriptTarget[base.target],
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  verbatimModuleSyntax: base.verbatimModuleSyntax,
  isolatedModules: true,
};
const dtsOptions = { ...jsOptions, declaration: true, isolatedDeclarations: true };

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const requested = process.argv.slice(2);
const names = readdirSync(packagesDir).filter(
  (name) =>
    existsSync(join(packagesDir, name, "package.json")) &&
    existsSync(join(packagesDir, name, "src")) &&
    (requested.length === 0 || requested.includes(name)),
);
let failed = false;
let count = 0;
for (const name of names) {
  const src = join(packagesDir, name, "src");
  const dist = join(packagesDir, name, "dist");
  rmSync(dist, { recursive: true, force: true });
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const out = join(dist, relative(src, file)).replace(/\.ts$/, "");
    const js = ts.transpileModule(text, {
      compilerOptions: jsOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    const dts = ts.transpileDeclaration(text, {
      compilerOptions: dtsOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    for (const diagnostic of diagnostics) {
      failed = true;
      const where = diagnostic.file
        ? `${relative(root, file)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
        : relative(root, file);
      console.error(`${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.js`, js.outputText);
    writeFileSync(`${out}.d.ts`, dts.outputText);
    count++;
  }
}
if (failed) process.exit(1);
console.log(`built ${names.length} packages (${count} files) into packages/*/dist`);
