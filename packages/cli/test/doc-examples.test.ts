import { describe, it } from "vitest";
import { docExamples, exampleModule } from "../../../test/setup/doc-examples.ts";

const examples = docExamples("cli");

describe("cli: every @example in the TSDoc runs and prints what it says", () => {
  it("has examples", ({ expect }) => expect(examples.length).toBeGreaterThan(5));
  // The first example to import @tiltak/cli loads every library package (and one renders an SVG).
  examples.forEach((example, index) => {
    it(`${example.file}:${example.line}`, async () => {
      await import(exampleModule(example, index, "cli"));
    }, 60_000);
  });
});
