// SHA-256 and HMAC-SHA256 through Web Crypto (`crypto.subtle`): browsers and any runtime without node:crypto.

/** The SHA-256 of bytes (32 bytes). Web Crypto copies the bytes when called. */
export async function sha256Bytes(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * HMAC-SHA256 of bytes under a key (32 bytes). The bytes are copied before this returns (the key import is
 * awaited after), so the caller may reuse its buffer at once.
 */
export async function hmacSha256Bytes(key: Uint8Array, bytes: Uint8Array): Promise<Uint8Array> {
  const copy = bytes.slice();
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey(
    "raw",
    key as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, copy));
}

/**
 * SHA-256 and HMAC-SHA256 (under `key`) of one message given in pieces. Web Crypto has no incremental
 * hash, so each piece is copied (the caller may reuse its buffer at once) and the message is hashed whole
 * at the end.
 */
export function sha256AndHmacPieces(key: Uint8Array): {
  update(piece: Uint8Array): void;
  finish(): Promise<[Uint8Array, Uint8Array]>;
} {
  const pieces: Uint8Array[] = [];
  let length = 0;
  return {
    update(piece: Uint8Array): void {
      pieces.push(piece.slice());
      length += piece.length;
    },
    finish: async () => {
      const message = new Uint8Array(length);
      let at = 0;
      for (const piece of pieces) {
        message.set(piece, at);
        at += piece.length;
      }
      return Promise.all([sha256Bytes(message), hmacSha256Bytes(key, message)]);
    },
  };
}
