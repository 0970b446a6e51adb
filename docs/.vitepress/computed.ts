/**
 * A markdown-it plugin for the method pages:
 *
 * - In a `ts` code block that imports from `@tiltak/…`, every statement line ending in `// <number> …`
 *   is evaluated with the library when the site is built, and the number in the comment is replaced by
 *   the computed one (to the decimals written). A written number that disagrees with the library is
 *   reported on the console during the build.
 * - A ```` ```figure ```` block naming a key of the figures map is replaced by that figure or table.
 */
import type MarkdownIt from "markdown-it";
import ts from "typescript";

type Library = Record<string, Record<string, unknown>>;

const importPattern = /^\s*import\s*\{([^}]*)\}\s*from\s*["'](@tiltak\/[a-z]+|tiltak)["'];?\s*$/;
const capturePattern =
  /^(\s*)(?!const |let |var |if |for |import |await |return )(.+?);(\s*)\/\/\s*(=>\s*)?(.+)$/;
const leadingNumber = /^([−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?)(.*)$/s;

export interface ComputeReport {
  computed: number;
  mismatches: string[];
  failed: string[];
}

/** The modules of the library, by package specifier. */
export async function loadLibrary(): Promise<Library> {
  const names = ["core", "stats", "power", "allocate", "theory", "compare", "plot", "datasets"];
  const library: Library = {};
  for (const name of names) {
    const specifier = `@tiltak/${name}`;
    library[specifier] = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  }
  return library;
}

function formatLike(written: string, value: number): string {
  const plain = written.replace("−", "-");
  const decimals = plain.includes(".") ? (plain.split(".")[1] ?? "").replace(/e.*$/, "").length : 0;
  if (/e/.test(plain)) return value.toExponential(decimals);
  const text = value.toFixed(decimals);
  return written.startsWith("−") ? text.replace("-", "−") : text;
}

/** Evaluates one code block; returns the block with computed numbers, or undefined when it cannot run. */
export function computeBlock(code: string, library: Library, where: string, report: ComputeReport): string {
  const before = report.computed;
  const result = computeLines(code, library, where, report);
  return report.computed > before ? `${result}\n${computedMark}` : result;
}

/** The last line of a computed block, turned into a note under it by the plugin. */
const computedMark = "// @computed";

function computeLines(code: string, library: Library, where: string, report: ComputeReport): string {
  const lines = code.split("\n");
  const body: string[] = [];
  const captured: number[] = [];
  for (const [i, line] of lines.entries()) {
    const imported = importPattern.exec(line);
    if (imported) {
      body.push(
        `const { ${(imported[1] ?? "").replace(/\btype\s+\w+\s*,?/g, "").replace(/\s+as\s+/g, ": ")} } = __lib[${JSON.stringify(imported[2])}];`,
      );
      continue;
    }
    const capture = capturePattern.exec(line);
    if (capture && leadingNumber.test((capture[5] ?? "").trim()) && !line.includes("await")) {
      captured.push(i);
      body.push(`try { __out[${i}] = (${capture[2]}); } catch (error) { __out[${i}] = { __error: error }; }`);
    } else body.push(/^\s*import\s/.test(line) || /\/\/.*throws/.test(line) ? "" : line);
  }
  if (captured.length === 0) return code;
  const out: Record<number, unknown> = {};
  try {
    const js = ts.transpileModule(body.join("\n"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    new Function("__lib", "__out", js)(library, out);
  } catch (error) {
    report.failed.push(`${where}: ${(error as Error).message.split("\n")[0]}`);
    return code;
  }
  for (const i of captured) {
    const value = out[i];
    const line = lines[i] as string;
    const capture = capturePattern.exec(line);
    if (!capture) continue;
    const comment = (capture[5] ?? "").trim();
    const match = leadingNumber.exec(comment);
    if (typeof value !== "number" || !match) {
      if (typeof value === "object" && value !== null && "__error" in value)
        report.failed.push(`${where}: line ${i + 1} threw ${(value.__error as Error).message}`);
      continue;
    }
    const written = match[1] as string;
    const computed = formatLike(written, value);
    if (computed.replace("−", "-") !== written.replace("−", "-"))
      report.mismatches.push(`${where}: line ${i + 1} says ${written}, the library gives ${computed}`);
    report.computed++;
    lines[i] = `${capture[1]}${capture[2]};${capture[3]}// ${capture[4] ?? ""}${computed}${match[2]}`;
  }
  return lines.join("\n");
}

/** The plugin: computed numbers in library code blocks, and figure blocks. */
export function computedPlugin(
  md: MarkdownIt,
  options: { library: Library; figures: Record<string, string>; report: ComputeReport },
): void {
  md.core.ruler.push("tiltak-computed", (state) => {
    const where = (state.env as { relativePath?: string }).relativePath ?? "?";
    for (const token of state.tokens) {
      if (token.type !== "fence") continue;
      const lang = token.info.trim().split(/\s+/)[0];
      if (lang === "figure") {
        const name = token.content.trim();
        const html = options.figures[name];
        if (html === undefined) throw new Error(`${where}: no figure named "${name}"`);
        token.type = "html_block";
        token.content = `${html}\n`;
        continue;
      }
      // API pages: their examples are executed by the test suite (scripts/run-examples.mjs) instead.
      if (where.startsWith("api/")) continue;
      if ((lang === "ts" || lang === "js") && /from\s+["']@tiltak\//.test(token.content))
        token.content = computeBlock(token.content, options.library, where, options.report);
    }
    for (let i = state.tokens.length - 1; i >= 0; i--) {
      const token = state.tokens[i];
      if (
        token?.type !== "fence" ||
        (!token.content.endsWith(`${computedMark}\n`) && !token.content.endsWith(computedMark))
      )
        continue;
      token.content = token.content.replace(/\n?\/\/ @computed\n?$/, "\n");
      const note = new state.Token("html_block", "", 0);
      note.content =
        '<p class="computed-note">The numbers after <code>//</code> were computed by tiltak when this page was built.</p>\n';
      state.tokens.splice(i + 1, 0, note);
    }
  });
}
