import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import packages through the "@tiltak/source" export condition, so nothing needs a build.
const sourceConditions = ["@tiltak/source", "import", "module", "node", "default"];
const matchers = fileURLToPath(new URL("./test/setup/matchers.ts", import.meta.url));

const packages = [
  "core",
  "stats",
  "theory",
  "power",
  "allocate",
  "compare",
  "plan",
  "plot",
  "datasets",
  "duckdb",
  "cli",
  "tiltak",
];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ["@tiltak/source"] } },
  test: {
    setupFiles: [matchers],
    // Generous: CI machines have 2 cores; a test that hangs still fails, a slow first import does not.
    testTimeout: 30_000,
    reporters: ["default", fileURLToPath(new URL("./test/setup/summary-reporter.ts", import.meta.url))],
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: { name, root: `./packages/${name}`, include: ["test/**/*.test.ts"] },
      })),
      { extends: true as const, test: { name: "acceptance", include: ["test/**/*.test.ts"] } },
    ],
  },
});
