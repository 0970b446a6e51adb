import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("duckdb");

describe("duckdb: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(1));
  examples.forEach((example, index) => {
    it(`${example.file}:${example.line}`, async () => {
      await import(exampleModule(example, index, "duckdb"));
    }, 60_000); // DuckDB examples start an instance: slow on a loaded machine
  });
});
