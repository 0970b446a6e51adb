/**
 * Shared helpers for the cross-package contract tests: the fresh R reference values
 * (`test/reference/contract/generate.R`), TiltakError expectations and the plain-JSON check.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: reference JSON is read untyped; each test picks its fields.
export type Json = any;

/** The reference JSON written by `test/reference/contract/generate.R`. */
export const ref: Json = JSON.parse(
  readFileSync(fileURLToPath(new URL("../reference/contract/reference.json", import.meta.url)), "utf8"),
);

/** Tolerances of the brief: 1e-6 relative for methods, 1e-9 relative for distributions. */
export const REL = 1e-6;
export const DIST = 1e-9;

/** The error a call throws (or undefined when it does not throw). */
export function caught(call: () => unknown): Json {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Asserts that `call` throws a TiltakError with `code`, whose message names `param`
 * (and, when the issues list is present, one issue's path or message mentions it).
 */
export function expectTiltakError(call: () => unknown, code: string, param?: string): void {
  const error = caught(call);
  expect(error, "expected a TiltakError to be thrown").toBeDefined();
  expect(error?.name).toBe("TiltakError");
  expect(error?.code).toBe(code);
  expect(Array.isArray(error?.issues)).toBe(true);
  if (param !== undefined) {
    expect(String(error?.message)).toContain(param);
  }
}

/** Async variant of {@link expectTiltakError} for functions that return a promise. */
export async function expectTiltakErrorAsync(
  call: () => Promise<unknown>,
  code: string,
  param?: string,
): Promise<void> {
  let error: Json;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error, "expected a TiltakError to be thrown").toBeDefined();
  expect(error?.name).toBe("TiltakError");
  expect(error?.code).toBe(code);
  if (param !== undefined) expect(String(error?.message)).toContain(param);
}

/** True when a value contains a NaN, a function, a class instance or undefined somewhere. */
function findNonJson(value: unknown, path: string): string | undefined {
  if (value === null) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} (${value})`;
  if (typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "function") return `${path} (function)`;
  if (value === undefined) return `${path} (undefined)`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonJson(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      return `${path} (instance of ${proto?.constructor?.name})`;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue; // JSON.stringify drops undefined-valued keys; the round-trip check catches it.
      const bad = findNonJson(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path} (${typeof value})`;
}

/**
 * design rule 2: a result is plain JSON — no classes, no functions, no NaN (and no ±Infinity, which
 * JSON.stringify turns into null) — and it round-trips through JSON.stringify unchanged.
 */
export function expectPlainJson(value: unknown): void {
  expect(findNonJson(value, "result")).toBeUndefined();
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
}

/** Asserts that `obj` has every key in `keys` (extra keys are allowed: the design gives minimal shapes). */
export function expectKeys(obj: unknown, keys: string[]): void {
  expect(obj).toBeTypeOf("object");
  expect(Object.keys(obj as object)).toEqual(expect.arrayContaining(keys));
}
