// The two implementations behind `#hash` (node:crypto in Node and Deno, Web Crypto in browsers) give the
// same bytes: RFC 4231 and FIPS 180-2 vectors, then random keys and messages of every length class.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex, hmacSha256Hex, sha256AndHmac, sha256Hex } from "../src/digest.js";
import * as node from "../src/hash-node.js";
import * as web from "../src/hash-web.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("#hash: node:crypto and Web Crypto agree", () => {
  it.each([
    ["node", node],
    ["web", web],
  ])("%s matches the published test vectors", async (_name, hash) => {
    expect(bytesToHex(await hash.sha256Bytes(text("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(bytesToHex(await hash.sha256Bytes(new Uint8Array(0)))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    // RFC 4231 test case 2 and test case 6 (a key longer than the block size)
    expect(bytesToHex(await hash.hmacSha256Bytes(text("Jefe"), text("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(
      bytesToHex(
        await hash.hmacSha256Bytes(
          new Uint8Array(131).fill(0xaa),
          text("Test Using Larger Than Block-Size Key - Hash Key First"),
        ),
      ),
    ).toBe("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  });

  it("on random keys and messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.uint8Array({ maxLength: 5000 }),
        async (key, message) => {
          expect(bytesToHex(await node.sha256Bytes(message))).toBe(
            bytesToHex(await web.sha256Bytes(message)),
          );
          expect(bytesToHex(await node.hmacSha256Bytes(key, message))).toBe(
            bytesToHex(await web.hmacSha256Bytes(key, message)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("both read the message when called, so the caller may reuse its buffer at once", async () => {
    const key = text("salt");
    for (const hash of [node, web]) {
      const buffer = text("allocation list");
      const expected = bytesToHex(await hash.hmacSha256Bytes(key, text("allocation list")));
      const pending = [hash.hmacSha256Bytes(key, buffer), hash.sha256Bytes(buffer)];
      buffer.fill(0);
      const [mac, digest] = await Promise.all(pending);
      expect(bytesToHex(mac as Uint8Array)).toBe(expected);
      expect(bytesToHex(digest as Uint8Array)).toBe(
        bytesToHex(await hash.sha256Bytes(text("allocation list"))),
      );
    }
  });

  it("pieces: both implementations give the hashes of the whole message, however it is cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (key, message, cuts) => {
          const points = [...new Set(cuts.map((cut) => cut % (message.length + 1)))].sort((a, b) => a - b);
          const expected = [
            bytesToHex(await node.sha256Bytes(message)),
            bytesToHex(await node.hmacSha256Bytes(key, message)),
          ];
          for (const hash of [node, web]) {
            const pieces = hash.sha256AndHmacPieces(key);
            let from = 0;
            // each piece goes through one reused buffer, overwritten after it is handed over
            const buffer = new Uint8Array(message.length);
            for (const to of [...points, message.length]) {
              buffer.set(message.subarray(from, to));
              pieces.update(buffer.subarray(0, to - from));
              buffer.fill(0);
              from = to;
            }
            expect((await pieces.finish()).map(bytesToHex)).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("sha256AndHmac: text and bytes pieces, one answer however often asked, no piece after it", async () => {
    const key = new TextEncoder().encode("Jefe");
    const hashes = sha256AndHmac(key);
    hashes.update("what do ya want ");
    hashes.update(text("for nothing?"));
    const first = await hashes.hex();
    expect(first).toEqual({
      sha256: await sha256Hex("what do ya want for nothing?"),
      hmac: await hmacSha256Hex(key, "what do ya want for nothing?"),
    });
    expect(await hashes.hex()).toEqual(first);
    expect(() => hashes.update("more")).toThrow("piece cannot be added after hex() (the hashes are final)");
    expect(() => sha256AndHmac(new Uint8Array(0))).toThrow("key must be non-empty bytes");
    expect(() => sha256AndHmac(key).update(42 as unknown as string)).toThrow(
      "piece must be text or bytes (a Uint8Array), got 42",
    );
  });
});
