/**
 * Runs the `@example` blocks of the TSDoc comments in a package's source as tests.
 *
 * Convention: a fenced ```ts block inside `@example`; a line `expression; // => expected` asserts
 * that the expression equals the expected literal. Numbers compare to the precision written
 * (`// => 0.2302` passes for 0.23024…, half a unit in the last written place); strings, booleans,
 * arrays and objects compare structurally, numbers inside them the same way. A line
 * `// => throws CODE` asserts that the expression throws a TiltakError with that code, and
 * `// => throws CODE "message"` also pins its message.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface DocExample {
  file: string;
  line: number;
  code: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every `@example` block in `packages/<name>/src`. */
export function docExamples(packageName: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const file of walk(join(repoRoot, "packages", packageName, "src"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example/.test(lines[i] ?? "")) continue;
      let j = i + 1;
      while (j < lines.length && !/^\s*\*\s*```/.test(lines[j] ?? "")) {
        if (/^\s*\*\s*@\w+/.test(lines[j] ?? "") || /\*\//.test(lines[j] ?? "")) break;
        j++;
      }
      if (!/^\s*\*\s*```/.test(lines[j] ?? "")) continue;
      const body: string[] = [];
      let k = j + 1;
      while (k < lines.length && !/^\s*\*\s*```/.test(lines[k] ?? "")) {
        body.push((lines[k] ?? "").replace(/^\s*\* ?/, ""));
        k++;
      }
      examples.push({ file: relative(repoRoot, file), line: i + 1, code: body.join("\n") });
      i = k;
    }
  }
  return examples;
}

/** Rewrites `expr; // => expected` lines into assertions and writes a module that can be imported. */
export function exampleModule(example: DocExample, index: number, packageName: string): string {
  const out: string[] = ['import { __check, __checkThrows } from "../../setup/doc-check.ts";'];
  for (const line of example.code.split("\n")) {
    const match = /^(.*?);?\s*\/\/ => (.*)$/.exec(line);
    if (match && (match[1] ?? "").trim() !== "") {
      const expression = (match[1] ?? "").trim().replace(/;$/, "");
      const expected = (match[2] ?? "").trim();
      const throwsMatch = /^throws (\w+)(?: (".*"))?$/.exec(expected);
      const where = JSON.stringify(`${example.file}:${example.line}: ${expression}`);
      if (throwsMatch) {
        const message = throwsMatch[2] ?? "undefined";
        out.push(
          `await __checkThrows(async () => (${expression}), ${JSON.stringify(throwsMatch[1])}, ${message}, ${where});`,
        );
      } else out.push(`__check(${expression}, ${JSON.stringify(expected)}, ${where});`);
    } else {
      out.push(line);
    }
  }
  const dir = join(repoRoot, "test", ".doc-examples", packageName);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `example-${index}.ts`);
  writeFileSync(path, `${out.join("\n")}\nexport {};\n`);
  return path;
}
