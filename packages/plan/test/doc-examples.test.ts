import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("plan");

describe("plan: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(5));
  examples.forEach((example, index) => {
    it(`${example.file}:${example.line}`, async () => {
      await import(exampleModule(example, index, "plan"));
    });
  });
});
