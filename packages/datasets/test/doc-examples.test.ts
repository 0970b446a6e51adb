import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("datasets");

describe("datasets: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(0));
  examples.forEach((example, index) => {
    // The first example loads every record (eleven theories validated with defineTheory): allow for a
    // loaded machine.
    it(`${example.file}:${example.line}`, { timeout: 30_000 }, async () => {
      await import(exampleModule(example, index, "datasets"));
    });
  });
});
