import { invalidInput } from "./errors.js";

/**
 * Serialises a JSON value canonically: object keys sorted, no white space, numbers as JavaScript writes
 * them (shortest round-trip form). Two equal values always give the same text, so digests of it can be
 * published and compared.
 *
 * @throws TiltakError `INVALID_INPUT` for values JSON cannot hold (NaN, Infinity, functions, undefined in arrays)
 *
 * @example
 * ```ts
 * import { canonicalJson } from "@tiltak/core";
 * canonicalJson({ b: 1, a: [true, "x"] }); // => "{\"a\":[true,\"x\"],\"b\":1}"
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

function write(value: unknown, path: (string | number)[]): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) invalidInput(path, "must be a finite number to be serialised", value);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value))
        return `[${value.map((item, index) => write(item, [...path, index])).join(",")}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, [...path, key])}`).join(",")}}`;
    }
    default:
      return invalidInput(
        path,
        "must be JSON (null, number, string, boolean, array or object)",
        typeof value,
      );
  }
}

/**
 * The SHA-256 of a text (UTF-8), as lowercase hex, through Web Crypto so it runs in Node, Deno and
 * browsers alike.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "@tiltak/core";
 * await sha256Hex("abc"); // => "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const hash = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  const view = new Uint8Array(hash);
  let hex = "";
  for (const byte of view) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
