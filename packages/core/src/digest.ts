import { hmacSha256Bytes, sha256AndHmacPieces, sha256Bytes } from "#hash";
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
 * The SHA-256 of a text (UTF-8), as lowercase hex: node:crypto in Node and Deno, Web Crypto in browsers
 * (the package's `#hash` import picks one), so it runs everywhere with the same result.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "@tiltak/core";
 * await sha256Hex("abc"); // => "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  return bytesToHex(await sha256Bytes(typeof text === "string" ? new TextEncoder().encode(text) : text));
}

/** The running hashes of {@link sha256AndHmac}. */
export interface Sha256AndHmac {
  /** Adds the next piece of the message (text as UTF-8); it is read at once, so its buffer may be reused. */
  update(piece: string | Uint8Array): void;
  /** Both hashes of the pieces so far, as lowercase hex (the same each call); no piece can follow. */
  hex(): Promise<{ sha256: string; hmac: string }>;
}

/**
 * The SHA-256 of a message and its HMAC-SHA256 under a key ({@link sha256Hex}, {@link hmacSha256Hex}),
 * computed together from the message given piece by piece: for a message written in chunks (the canonical
 * CSV of an allocation of millions of units), so it never has to be held whole. node:crypto hashes each
 * piece as it comes; Web Crypto, which has no incremental form, collects copies and hashes them at the end.
 * The hashes are those of the pieces joined, however the message is cut.
 *
 * @param key - the HMAC key bytes (for a commitment: the salt, from {@link hexToBytes})
 * @throws TiltakError `INVALID_INPUT` for an empty key, a piece that is not text or bytes, or a piece
 *   after `hex()`
 *
 * @example
 * ```ts
 * import { sha256AndHmac } from "@tiltak/core";
 * const hashes = sha256AndHmac(new TextEncoder().encode("Jefe"));
 * hashes.update("what do ya want ");
 * hashes.update("for nothing?");
 * (await hashes.hex()).hmac; // => "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
 * ```
 */
export function sha256AndHmac(key: Uint8Array): Sha256AndHmac {
  if (!(key instanceof Uint8Array) || key.length === 0)
    invalidInput("key", "must be non-empty bytes (a Uint8Array)", key);
  const pieces = sha256AndHmacPieces(key);
  let result: Promise<{ sha256: string; hmac: string }> | null = null;
  const encoder = new TextEncoder();
  return {
    update(piece: string | Uint8Array): void {
      if (result !== null) invalidInput("piece", "cannot be added after hex() (the hashes are final)", piece);
      if (typeof piece === "string") pieces.update(encoder.encode(piece));
      else if (piece instanceof Uint8Array) pieces.update(piece);
      else invalidInput("piece", "must be text or bytes (a Uint8Array)", piece);
    },
    hex(): Promise<{ sha256: string; hmac: string }> {
      result ??= pieces
        .finish()
        .then(([sha256, hmac]) => ({ sha256: bytesToHex(sha256), hmac: bytesToHex(hmac) }));
      return result;
    },
  };
}

/**
 * Lowercase hex of bytes.
 *
 * @example
 * ```ts
 * import { bytesToHex } from "@tiltak/core";
 * bytesToHex(new Uint8Array([0, 15, 255])); // => "000fff"
 * ```
 */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * The bytes of a hex text (upper or lower case, an even number of digits).
 *
 * @param hex - e.g. `"000fff"`
 * @param name - the parameter name used in the error message
 * @throws TiltakError `INVALID_INPUT` when the text is not an even number of hex digits
 *
 * @example
 * ```ts
 * import { hexToBytes } from "@tiltak/core";
 * [...hexToBytes("000fFF")]; // => [0, 15, 255]
 * hexToBytes("abc", "salt"); // => throws INVALID_INPUT "salt must be an even number of hex digits, got \"abc\""
 * ```
 */
export function hexToBytes(hex: string, name = "hex"): Uint8Array {
  if (typeof hex !== "string" || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))
    invalidInput(name, "must be an even number of hex digits", hex);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/**
 * Bytes from the platform's cryptographically secure generator (Web Crypto `getRandomValues`, in Node,
 * Deno and browsers). This is **not** seeded and never reproducible: tiltak uses it only for values that
 * must be unpredictable and never affect an arm, namely the salt of an allocation commitment
 * ({@link randomSalt}) and new seeds (`allocate.newSeed()`). Every draw that decides anything comes from
 * `createRng(seed)`.
 *
 * @param length - how many bytes, an integer in [1, 65536]
 * @throws TiltakError `INVALID_INPUT` for another length
 *
 * @example
 * ```ts
 * import { secureRandomBytes } from "@tiltak/core";
 * secureRandomBytes(32).length; // => 32
 * secureRandomBytes(0); // => throws INVALID_INPUT
 * ```
 */
export function secureRandomBytes(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > 65536)
    invalidInput("length", "must be an integer in [1, 65536] (bytes)", length);
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A new secret salt: 256 bits from {@link secureRandomBytes}, as 64 lowercase hex digits. The salt keys the
 * HMAC of an allocation commitment so that the published commitment hides the list (see
 * docs/methods/allocate/verification.md); it changes no arm.
 *
 * @example
 * ```ts
 * import { randomSalt } from "@tiltak/core";
 * /^[0-9a-f]{64}$/.test(randomSalt()); // => true
 * randomSalt() === randomSalt(); // => false
 * ```
 */
export function randomSalt(): string {
  return bytesToHex(secureRandomBytes(32));
}

/**
 * HMAC-SHA256 (RFC 2104 with SHA-256, FIPS 198-1) of a message under a key, as lowercase hex: node:crypto
 * in Node and Deno, Web Crypto (`crypto.subtle`) in browsers. Text is encoded as UTF-8; bytes are read (or,
 * with Web Crypto, copied) when the function is called, so the caller may reuse its buffer at once.
 *
 * @param key - the key bytes (for a commitment: the salt, from {@link hexToBytes})
 * @param message - the text or bytes to authenticate
 *
 * @example
 * ```ts
 * import { hmacSha256Hex } from "@tiltak/core";
 * // RFC 4231, test case 2
 * await hmacSha256Hex(new TextEncoder().encode("Jefe"), "what do ya want for nothing?"); // => "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
 * ```
 */
export async function hmacSha256Hex(key: Uint8Array, message: string | Uint8Array): Promise<string> {
  if (!(key instanceof Uint8Array) || key.length === 0)
    invalidInput("key", "must be non-empty bytes (a Uint8Array)", key);
  const bytes = typeof message === "string" ? new TextEncoder().encode(message) : message;
  return bytesToHex(await hmacSha256Bytes(key, bytes));
}
