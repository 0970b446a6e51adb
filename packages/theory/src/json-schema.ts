import * as z from "zod/mini";
import { theorySchema } from "./model.js";

/**
 * The JSON Schema (draft 2020-12) of a theory spec, generated from {@link theorySchema} with
 * `z.toJSONSchema` (input side: fields with defaults are optional). The package publishes the same
 * object as `@tiltak/theory/schema.json`, for validators in other languages (ajv, jsonschema).
 *
 * @returns a plain JSON Schema object
 *
 * @example
 * ```ts
 * import { theoryJsonSchema } from "@tiltak/theory";
 * const schema = theoryJsonSchema();
 * schema.required; // => ["id", "title", "nodes"]
 * schema.$id; // => "https://tiltak.dev/schema/theory.json"
 * ```
 */
export function theoryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(theorySchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return {
    $schema: generated.$schema,
    $id: "https://tiltak.dev/schema/theory.json",
    title: "tiltak programme theory",
    description:
      "A programme theory (theory of change / logic model) as plain JSON: nodes, causal links, indicators, target group, components, assumptions, evidence, CMO configurations, facilitators and barriers, implementation, uncertainties, versions and provenance. See docs/methods/theory/model.md.",
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== "$schema")),
  };
}
