import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads `test/reference/stats/<name>` (written by generate.R / generate.py). */
export function reference<T>(name: string): { meta: Record<string, unknown>; cases: T[] } {
  const path = fileURLToPath(new URL(`../../../test/reference/stats/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as { meta: Record<string, unknown>; cases: T[] };
}

/** R's `Inf` written as a string in the JSON. */
export function rNumber(value: number | string): number {
  if (value === "Inf") return Number.POSITIVE_INFINITY;
  if (value === "-Inf") return Number.NEGATIVE_INFINITY;
  return value as number;
}
