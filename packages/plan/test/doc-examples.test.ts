import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("plan");

describe("plan: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(5));
  examples.forEach((example, index) => {
    // The first example loads every package the chain uses; on a loaded machine that can take seconds.
    it(`${example.file}:${example.line}`, { timeout: 30_000 }, async () => {
      await import(exampleModule(example, index, "plan"));
    });
  });
});
