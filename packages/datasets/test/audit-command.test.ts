// The full-text source audit is its own command (`pnpm audit:sources --sources <folder>`), run in CI with
// the text extractions of the source documents. Without them it must fail loudly, naming what is
// missing, and never pass by skipping. These tests run it with no folder and with an empty folder
// (each starts tsx, a few seconds on a loaded machine, hence the long timeout).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsx = join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");

function audit(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const env = { ...process.env };
  delete env.TILTAK_SOURCES;
  const result = spawnSync(tsx, ["--conditions=@tiltak/source", "scripts/audit-sources.mjs", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("pnpm audit:sources", { timeout: 60_000 }, () => {
  it("fails with exit code 2 and says how to run it when no folder is given", () => {
    const result = audit([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no sources folder given/);
    expect(result.stderr).toMatch(/--sources <folder>/);
    expect(result.stdout).not.toMatch(/passed/);
  });

  it("fails naming every missing file when the folder is empty", () => {
    const empty = mkdtempSync(join(tmpdir(), "tiltak-audit-"));
    try {
      const result = audit(["--sources", empty]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`sources folder ${empty} is incomplete`);
      for (const prefix of ["000_", "001_", "002_", "003_", "004_"]) expect(result.stderr).toContain(prefix);
      expect(result.stdout).not.toMatch(/passed/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("fails naming the folder when it does not exist", () => {
    const missing = join(tmpdir(), "tiltak-audit-no-such-folder");
    const result = audit(["--sources", missing]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${missing} does not exist`);
  });
});
