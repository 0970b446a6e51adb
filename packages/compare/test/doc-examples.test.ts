import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("compare");

describe("compare: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(10));
  examples.forEach((example, index) => {
    it(`${example.file}:${example.line}`, async () => {
      await import(exampleModule(example, index, "compare"));
    });
  });
});
