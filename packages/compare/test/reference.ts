import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads a reference JSON file written by test/reference/compare/generate.R. */
export function reference<T>(name: string): T {
  const path = fileURLToPath(new URL(`../../../test/reference/compare/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
