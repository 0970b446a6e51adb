// End-to-end tests of `tiltak allocate`: in-process through runCli for the many cases, and by spawning
// the command through tsx (as `pnpm tiltak` does) for the real process, exit codes and files.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
  it("writes the list and certificate; the digest is the SHA-256 of the file; verify passes", async () => {
    const { dir, io, out } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(0);
    const csv = readFileSync(join(dir, "list.csv"));
    const certificate = JSON.parse(readFileSync(join(dir, "list.certificate.json"), "utf8"));
    expect(certificate).toMatchObject({
      format: "tiltak-allocation-certificate/1",
      file: "list.csv",
      seed: "cli-test",
      algorithm: "xor4096",
      tiltakVersion: "0.1.0",
    });
    expect(certificate.plan).toMatchObject(listPlan);
    expect(certificate.digest).toBe(createHash("sha256").update(csv).digest("hex"));
    expect(out.join("")).toContain(certificate.digest);
    expect(await runCli(["allocate", "verify", "list.csv"], io)).toBe(0);
    // no temporary files are left behind
    expect(readdirSync(dir).sort()).toEqual(["list.certificate.json", "list.csv", "plan.json"]);
  });

  it("refuses to overwrite without --force, and replaces with it", async () => {
    const { dir, io, err } = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(listPlan));
    writeFileSync(join(dir, "list.csv"), "precious\n");
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv"], io)).toBe(2);
    expect(err.join("")).toMatch(/list\.csv exists; refusing to overwrite it \(use --force/);
    expect(readFileSync(join(dir, "list.csv"), "utf8")).toBe("precious\n");
    expect(existsSync(join(dir, "list.certificate.json"))).toBe(false);
    expect(await runCli(["allocate", "list", "plan.json", "--out", "list.csv", "--force"], io)).toBe(0);
    expect(readFileSync(join(dir, "list.csv"), "utf8")).toMatch(/^sequence,stratum,block,blockSize,arm\n/);
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
    expect(
      await runCli(["allocate", "verify", "edited.csv", "--certificate", "list.certificate.json"], io),
    ).toBe(1);
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
    const certificate = JSON.parse(readFileSync(join(dir, "list.certificate.json"), "utf8"));
    writeFileSync(join(dir, "list.certificate.json"), JSON.stringify({ ...certificate, seed: "another" }));
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
    expect(await runCli(["allocate", "verify", "allocation.csv"], io)).toBe(0);
    writeFileSync(
      join(dir, "allocation.csv"),
      csv.replace(/^p03,(NorA|usual)/m, (_, arm) => `p03,${arm === "NorA" ? "usual" : "NorA"}`),
    );
    expect(await runCli(["allocate", "verify", "allocation.csv"], io)).toBe(1);
    expect(err.join("")).toMatch(/row 3 \(line 4, unit p03\), column arm/);
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
  }, 60_000);
});
