// Golden files: the canonical CSV of fixed plans and seeds, pinned byte for byte in test/golden/allocate/.
// Any change to the algorithms, the generator or the serialisation that alters a published list fails here.
// To (re)create a missing file deliberately: TILTAK_UPDATE_GOLDEN=1 npx vitest run --project allocate golden

import { createHash, createHmac } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TableRecord } from "@tiltak/core";
import { describe, expect, it } from "vitest";
import {
  type AllocationPlan,
  type AllocationResult,
  allocate,
  allocationCsv,
  allocationList,
  createMinimiser,
  type MinimiserPlan,
  verifyAllocation,
} from "../src/index.js";

const folder = join(dirname(fileURLToPath(import.meta.url)), "../../../test/golden/allocate");
const inputs = JSON.parse(readFileSync(join(folder, "cases.json"), "utf8")) as {
  units: TableRecord[];
  cases: { name: string; kind: string; plan: Record<string, unknown>; take?: number }[];
};

async function run(entry: (typeof inputs.cases)[number]): Promise<AllocationResult> {
  const units = inputs.units.slice(0, entry.take ?? inputs.units.length);
  if (entry.kind === "allocationList") return allocationList(entry.plan as unknown as AllocationPlan);
  if (entry.kind === "allocate") return allocate(entry.plan as unknown as AllocationPlan, units);
  const minimiser = createMinimiser(entry.plan as unknown as MinimiserPlan);
  for (const unit of units) minimiser.assign(unit);
  return minimiser.result();
}

describe("allocate golden files (byte-exact)", () => {
  it("covers every design", () => {
    expect(inputs.cases.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(["allocationList", "allocate", "minimisation"]),
    );
    expect(inputs.cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const entry of inputs.cases) {
    it(entry.name, async () => {
      const result = await run(entry);
      const csv = allocationCsv(result);
      const path = join(folder, `${entry.name}.csv`);
      if (!existsSync(path) && process.env.TILTAK_UPDATE_GOLDEN === "1") writeFileSync(path, csv);
      const golden = readFileSync(path);
      expect(Buffer.from(csv, "utf8").equals(golden), `${entry.name}.csv differs from the output`).toBe(true);
      // The digest is the SHA-256 of exactly these bytes: `sha256sum list.csv` prints it.
      expect(result.meta.digest).toBe(createHash("sha256").update(golden).digest("hex"));
      // The salt changes no byte; the commitment is the HMAC-SHA256 of exactly these bytes under it.
      expect(result.meta.commitment).toBe(
        createHmac("sha256", Buffer.from(result.meta.salt, "hex")).update(golden).digest("hex"),
      );
      expect((await verifyAllocation(result)).ok).toBe(true);
    });
  }
});
