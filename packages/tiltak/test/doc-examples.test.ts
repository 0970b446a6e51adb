import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("tiltak");

describe("tiltak: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(0));
  examples.forEach((example, index) => {
    it(`${example.file}:${example.line}`, async () => {
      await import(exampleModule(example, index, "tiltak"));
    }, 30_000); // the first example pays for loading every package (and the display ones for plotting)
  });
});
