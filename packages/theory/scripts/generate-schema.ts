/**
 * Writes packages/theory/schema.json, the JSON Schema (draft 2020-12) of a theory spec, from the zod
 * schema. Run: `npx tsx --conditions=@tiltak/source packages/theory/scripts/generate-schema.ts`.
 * The test `schema.test.ts` fails when the committed file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { theoryJsonSchema } from "../src/json-schema.js";

const path = fileURLToPath(new URL("../schema.json", import.meta.url));
writeFileSync(path, `${JSON.stringify(theoryJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
