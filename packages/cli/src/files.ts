import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { TiltakError } from "@tiltak/core";

/**
 * Refuses to overwrite: throws `INVALID_INPUT` naming the first path that exists (unless `force`).
 *
 * @example
 * ```ts
 * import { refuseOverwrite } from "@tiltak/cli";
 * refuseOverwrite(["/no/such/file.csv"], false); // => undefined
 * ```
 */
export function refuseOverwrite(paths: readonly string[], force: boolean): void {
  if (force) return;
  for (const path of paths)
    if (existsSync(path))
      throw new TiltakError(
        "INVALID_INPUT",
        `${path} exists; refusing to overwrite it (use --force to replace it)`,
        [{ path: ["--out"], message: "must not exist unless --force is given" }],
      );
}

/**
 * Writes a file atomically: the text goes to a temporary file in the same directory, which is then renamed
 * over the target, so readers never see a half-written list.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "@tiltak/cli";
 * import { mkdtempSync, readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(mkdtempSync(join(tmpdir(), "tiltak-doc-")), "list.csv");
 * await writeFileAtomic(path, "arm\nA\n");
 * readFileSync(path, "utf8"); // => "arm\nA\n"
 * ```
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.tiltak-tmp-${basename(path)}-${randomUUID()}`);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Reads a text file, turning "no such file" into an `INVALID_INPUT` error that names it.
 *
 * @example
 * ```ts
 * import { readText } from "@tiltak/cli";
 * await readText("/no/such/plan.json", "plan"); // => throws INVALID_INPUT "plan /no/such/plan.json cannot be read: no such file"
 * ```
 */
export async function readText(path: string, what: string): Promise<string> {
  try {
    const text = await readFile(path, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(error);
    throw new TiltakError("INVALID_INPUT", `${what} ${path} cannot be read: ${reason}`, [
      { path: [what], message: reason },
    ]);
  }
}

/**
 * Reads a JSON file, with an `INVALID_INPUT` error naming the file when it is not JSON.
 *
 * @example
 * ```ts
 * import { readJson } from "@tiltak/cli";
 * await readJson("/no/such/plan.json", "plan"); // => throws INVALID_INPUT
 * ```
 */
export async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TiltakError("INVALID_INPUT", `${what} ${path} is not valid JSON: ${(error as Error).message}`, [
      { path: [what], message: "must be valid JSON" },
    ]);
  }
}
