// End-to-end tests of `tiltak allocate`: in-process through runCli for the many cases, and by spawning
// the command through tsx (as `pnpm tiltak` does) for the real process, exit codes and files.
import { spawnSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

function workspace(): { dir: string; io: CliIo; out: string[]; err: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "tiltak-cli-"));
  const out: string[] = [];
  const err: string[] = [];
  return { dir, out, err, io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir } };
}

const listPlan = {
  design: "blocked",
  arms: [
    { name: "NorA", ratio: 2 },
    { name: "usual", ratio: 1 },
  ],
  strata: { gender: ["F", "M"], office: ["Bergen", "Oslo"] },
  blockSizes: [3, 6],
  size: 12,
  seed: "cli-test",
};

describe("tiltak allocate list / verify (in process)", () => {
  it("writes the list, a sealed certificate and a public commitment; verify passes", async () => {
    const { dir, io, out, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(0);
    const csv = readFileSync(join(dir, "list.csv"));
    const sealed = JSON.parse(readFileSync(join(dir, "list.sealed.json"), "utf8"));
    expect(sealed).toMatchObject({
      format: "tiltak-allocation-certificate/2",
      file: "list.csv",
      seed: "cli-test",
      algorithm: "xor4096",
      tiltakVersion: "0.1.0",
    });
    expect(sealed.notice).toMatch(/^SEALED/);
    expect(sealed.plan).toMatchObject(listPlan);
    expect(sealed.digest).toBe(createHash("sha256").update(csv).digest("hex"));
    expect(sealed.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.commitment).toBe(
      createHmac("sha256", Buffer.from(sealed.salt, "hex")).update(csv).digest("hex"),
    );
    const published = JSON.parse(readFileSync(join(dir, "list.commitment.json"), "utf8"));
    expect(published).toMatchObject({
      format: "tiltak-allocation-commitment/1",
      commitment: sealed.commitment,
      construction: "HMAC-SHA256(salt, canonical CSV)",
      method: "allocationList",
      arms: ["NorA", "usual"],
      ratio: [2, 1],
      factors: [
        { name: "gender", levels: ["F", "M"] },
        { name: "office", levels: ["Bergen", "Oslo"] },
      ],
      listSize: sealed.rows,
      file: "list.csv",
    });
    // The public file holds neither the seed, the salt, the digest nor the block sizes.
    const publicText = readFileSync(join(dir, "list.commitment.json"), "utf8");
    for (const secret of [sealed.seed, sealed.salt, sealed.digest, "blockSizes"])
      expect(publicText).not.toContain(secret);
    expect(out.join("")).toContain(sealed.commitment);
    expect(out.join("")).not.toContain(sealed.digest);
    expect(out.join("")).not.toContain("cli-test");
    // "cli-test" is short and made of words: a warning on stderr
    expect(err.join("")).toMatch(/warning: the seed looks guessable/);
    expect(await runCli(["allocate", "verify", "list.csv"], io)).toBe(0);
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", "list.commitment.json"], io)).toBe(
      0,
    );
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", sealed.commitment], io)).toBe(0);
    expect(out.join("")).toMatch(/OK: the revealed list and salt are the ones committed to/);
    // no temporary files are left behind
    expect(readdirSync(dir).sort()).toEqual([
      "list.commitment.json",
      "list.csv",
      "list.sealed.json",
      "plan.json",
    ]);
  });

  it("does not warn for a seed from `tiltak allocate seed`", async () => {
    const { dir, io, out, err } = workspace();
    expect(await runCli(["allocate", "seed"], io)).toBe(0);
    const seed = out.join("").trim();
    expect(seed).toMatch(/^[a-z2-7]{26}$/);
    expect(await runCli(["allocate", "seed", "extra"], io)).toBe(2);
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ ...listPlan, seed }));
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(0);
    expect(err.join("")).not.toMatch(/warning/);
  });

  it("refuses to overwrite any of the three files without --force, and replaces them with it", async () => {
    for (const existing of ["list.csv", "list.sealed.json", "list.commitment.json"]) {
      const { dir, io, err } = workspace();
      writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
      writeFileSync(join(dir, existing), "precious\n");
      expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(2);
      expect(err.join("")).toContain(`${existing} exists; refusing to overwrite it (use --force`);
      expect(readFileSync(join(dir, existing), "utf8")).toBe("precious\n");
      expect(readdirSync(dir).sort()).toEqual([existing, "plan.json"].sort());
      expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv", "--force"], io)).toBe(0);
      expect(readFileSync(join(dir, "list.csv"), "utf8")).toMatch(/^sequence,stratum,block,blockSize,arm\n/);
      expect(readFileSync(join(dir, existing), "utf8")).not.toBe("precious\n");
    }
  });

  it("names the failed check: a changed salt, seed, digest, commitment or published commitment", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io);
    const sealed = JSON.parse(readFileSync(join(dir, "list.sealed.json"), "utf8"));
    const published = sealed.commitment as string;
    const flip = (hex: string): string => `${hex[0] === "0" ? "1" : "0"}${hex.slice(1)}`;
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["salt", { salt: flip(sealed.salt) }, /failed check\(s\): salt; published commitment/],
      ["seed", { seed: "another" }, /failed check\(s\): rows .*; seed .*; digest .*; commitment/],
      ["digest", { digest: flip(sealed.digest) }, /failed check\(s\): digest \(/],
      ["commitment", { commitment: flip(published) }, /failed check\(s\): commitment \(/],
    ];
    for (const [name, change, message] of cases) {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...sealed, ...change }));
      err.length = 0;
      expect(
        await runCli(
          ["allocate", "verify", "list.csv", "--certificate", `${name}.json`, "--commitment", published],
          io,
        ),
        name,
      ).toBe(1);
      expect(err.join(""), name).toMatch(message);
    }
    err.length = 0;
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", flip(published)], io)).toBe(1);
    expect(err.join("")).toMatch(/failed check\(s\): published commitment/);
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", "nothing.json"], io)).toBe(2);
    writeFileSync(join(dir, "bare.txt"), `${published}\n`);
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", "bare.txt"], io)).toBe(0);
  });

  it("still verifies a list with an old certificate (list.certificate.json, no salt), saying it has no commitment", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io);
    const { salt, commitment, notice, ...rest } = JSON.parse(
      readFileSync(join(dir, "list.sealed.json"), "utf8"),
    );
    expect([typeof salt, typeof commitment, typeof notice]).toEqual(["string", "string", "string"]);
    writeFileSync(
      join(dir, "list.certificate.json"),
      JSON.stringify({ ...rest, format: "tiltak-allocation-certificate/1" }),
    );
    rmSync(join(dir, "list.sealed.json"));
    err.length = 0;
    expect(await runCli(["allocate", "verify", "list.csv"], io)).toBe(0);
    expect(err.join("")).toMatch(/note: no commitment: the result has no salt/);
    expect(await runCli(["allocate", "verify", "list.csv", "--commitment", commitment], io)).toBe(1);
    expect(err.join("")).toMatch(/failed check\(s\): salt/);
  });

  it("fails verification naming the first changed row and column; finds a certificate given by --certificate", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io);
    const lines = readFileSync(join(dir, "list.csv"), "utf8").split("\n");
    const cells = (lines[9] as string).split(",");
    cells[4] = cells[4] === "NorA" ? "usual" : "NorA";
    lines[9] = cells.join(",");
    writeFileSync(join(dir, "edited.csv"), lines.join("\n"));
    expect(await runCli(["allocate", "verify", "edited.csv", "--certificate", "list.sealed.json"], io)).toBe(
      1,
    );
    expect(err.join("")).toMatch(
      /first difference: row 9 \(line 10, sequence 9 in stratum gender=F;office=Bergen\), column arm: expected "(NorA|usual)", found "(NorA|usual)"/,
    );
  });

  it("passes a list re-saved with CRLF line endings, with a note giving the file's new SHA-256", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io);
    const text = readFileSync(join(dir, "list.csv"), "utf8");
    writeFileSync(join(dir, "list.csv"), text.replace(/\n/g, "\r\n"));
    expect(await runCli(["allocate", "verify", "list.csv"], io)).toBe(0);
    expect(err.join("")).toMatch(/note: the rows match, but the file's bytes were re-written/);
  });

  it("fails verification when the certificate's seed or plan was changed", async () => {
    const { dir, io } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io);
    const certificate = JSON.parse(readFileSync(join(dir, "list.sealed.json"), "utf8"));
    writeFileSync(join(dir, "list.sealed.json"), JSON.stringify({ ...certificate, seed: "another" }));
    expect(await runCli(["allocate", "verify", "list.csv"], io)).toBe(1);
  });

  it("reports bad input with exit code 2 and the TiltakError message", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ ...listPlan, seed: undefined }));
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(2);
    expect(err.join("")).toMatch(/tiltak: seed is required/);
    writeFileSync(join(dir, "bad.json"), "{ not json");
    expect(await runCli(["allocate", "list", "bad.json", "--out", "list.csv"], io)).toBe(2);
    expect(err.join("")).toMatch(/bad\.json is not valid JSON/);
    expect(await runCli(["allocate", "list", "missing.json", "--out", "x.csv"], io)).toBe(2);
    expect(err.join("")).toMatch(/missing\.json cannot be read: no such file/);
    expect(await runCli(["allocate", "list", "plan.json"], io)).toBe(2);
    expect(await runCli(["allocate", "list", "plan.json", "--out", "x.csv", "--bogus"], io)).toBe(2);
    expect(await runCli(["allocate", "nothing"], io)).toBe(2);
  });

  it("prints help for every command", async () => {
    for (const args of [
      ["--help"],
      ["allocate", "--help"],
      ["allocate", "list", "--help"],
      ["allocate", "units", "--help"],
      ["allocate", "verify", "--help"],
      ["allocate", "seed", "--help"],
    ]) {
      const { io, out } = workspace();
      expect(await runCli(args, io)).toBe(0);
      expect(out.join("")).toMatch(/Usage/);
    }
  });
});

describe("tiltak allocate units (in process)", () => {
  const participants =
    "id,gender,office\np01,F,Bergen\np02,M,Bergen\np03,F,Oslo\np04,M,Oslo\np05,F,Bergen\np06,F,Oslo\n";
  const unitPlan = { design: "blocked", arms: ["NorA", "usual"], strata: ["office"], seed: "units" };

  it("assigns the participants, writes a certificate and verifies; an edit fails", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(unitPlan));
    writeFileSync(join(dir, "participants.csv"), participants);
    expect(
      await runCli(
        ["allocate", "units", "plan.json", "--units", "participants.csv", "--out", "allocation.csv"],
        io,
      ),
    ).toBe(0);
    const csv = readFileSync(join(dir, "allocation.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("unitId,arm,stratum");
    expect(csv.split("\n").length).toBe(8);
    const published = JSON.parse(readFileSync(join(dir, "allocation.commitment.json"), "utf8"));
    expect(published).toMatchObject({ method: "allocate", factors: [{ name: "office" }], listSize: 6 });
    expect(JSON.parse(readFileSync(join(dir, "allocation.sealed.json"), "utf8")).commitment).toBe(
      published.commitment,
    );
    expect(
      await runCli(
        ["allocate", "verify", "allocation.csv", "--commitment", "allocation.commitment.json"],
        io,
      ),
    ).toBe(0);
    writeFileSync(
      join(dir, "allocation.csv"),
      csv.replace(/^p03,(NorA|usual)/m, (_, arm) => `p03,${arm === "NorA" ? "usual" : "NorA"}`),
    );
    expect(
      await runCli(
        ["allocate", "verify", "allocation.csv", "--commitment", "allocation.commitment.json"],
        io,
      ),
    ).toBe(1);
    expect(err.join("")).toMatch(/row 3 \(line 4, unit p03\), column arm/);
    expect(err.join("")).toMatch(/failed check\(s\): rows .*; published commitment/);
  });

  it("refuses files with Norwegian national identity numbers unless --allow-personal-ids", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(unitPlan));
    writeFileSync(join(dir, "people.csv"), "id,office\np01,Bergen\n01010100131,Oslo\n");
    expect(
      await runCli(["allocate", "units", "plan.json", "--units", "people.csv", "--out", "a.csv"], io),
    ).toBe(2);
    expect(err.join("")).toMatch(
      /contains Norwegian national identity numbers \(1 cells; first at data row 2, column "id"\)/,
    );
    expect(existsSync(join(dir, "a.csv"))).toBe(false);
    expect(
      await runCli(
        ["allocate", "units", "plan.json", "--units", "people.csv", "--out", "a.csv", "--allow-personal-ids"],
        io,
      ),
    ).toBe(0);
  });

  it("names a participant without its stratum field and a duplicate id", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ ...unitPlan, strata: ["site"] }));
    writeFileSync(join(dir, "p.csv"), participants);
    expect(await runCli(["allocate", "units", "plan.json", "--units", "p.csv", "--out", "a.csv"], io)).toBe(
      2,
    );
    expect(err.join("")).toMatch(/units\[0\]\.site must hold unit "p01"'s level of the stratum field "site"/);
    writeFileSync(join(dir, "plan.json"), JSON.stringify(unitPlan));
    writeFileSync(join(dir, "d.csv"), "id,office\na,Bergen\na,Oslo\n");
    expect(await runCli(["allocate", "units", "plan.json", "--units", "d.csv", "--out", "a.csv"], io)).toBe(
      2,
    );
    expect(err.join("")).toMatch(/must be unique: unit "a"/);
  });
});

describe("tiltak as a process (tsx, as pnpm tiltak runs it)", () => {
  const run = (args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(
      join(root, "node_modules/.bin/tsx"),
      ["--conditions=@tiltak/source", join(root, "packages/cli/src/main.ts"), ...args],
      {
        cwd,
        encoding: "utf8",
      },
    );

  it("list, verify, one-cell edit → exit 1 naming the row; exit 2 for bad input", () => {
    const dir = mkdtempSync(join(tmpdir(), "tiltak-spawn-"));
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    const made = run(["allocate", "list", "plan.json", "--out", "list.csv"], dir);
    expect(made.status, made.stderr).toBe(0);
    expect(run(["allocate", "verify", "list.csv"], dir).status).toBe(0);
    const text = readFileSync(join(dir, "list.csv"), "utf8");
    const lines = text.split("\n");
    lines[3] = (lines[3] as string).replace(
      /,(NorA|usual)$/,
      (_, arm) => `,${arm === "NorA" ? "usual" : "NorA"}`,
    );
    writeFileSync(join(dir, "list.csv"), lines.join("\n"));
    const failed = run(["allocate", "verify", "list.csv"], dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/row 3 \(line 4, .*\), column arm/);
    const refused = run(["allocate", "list", "plan.json", "--out", "list.csv"], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/refusing to overwrite/);
    expect(readdirSync(dir).sort()).toEqual([
      "list.commitment.json",
      "list.csv",
      "list.sealed.json",
      "plan.json",
    ]);
  }, 60_000);
});
