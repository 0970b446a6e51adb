import { defineTheory, type ProgrammeTheory, type TheorySpec } from "@tiltak/theory";
import { groruddalenTheory } from "./groruddalen.js";
import { nibrHeimby } from "./nibr-heimby.js";
import { nibrHogda } from "./nibr-hogda.js";
import { nibrKystbyen } from "./nibr-kystbyen.js";
import { nibrMellombyen } from "./nibr-mellombyen.js";
import { nibrOmlandet } from "./nibr-omlandet.js";
import { nibrSkjaerbyen } from "./nibr-skjaerbyen.js";
import { nibrSkogen } from "./nibr-skogen.js";
import { nibrStranna } from "./nibr-stranna.js";
import { nora } from "./nora.js";
import { nySjanseTheory } from "./ny-sjanse.js";

const specs: TheorySpec[] = [
  nibrOmlandet,
  nibrHeimby,
  nibrHogda,
  nibrSkjaerbyen,
  nibrKystbyen,
  nibrSkogen,
  nibrStranna,
  nibrMellombyen,
  nora,
  nySjanseTheory,
  groruddalenTheory,
];

/**
 * Programme theories read from the source documents, each validated with `defineTheory`. The record
 * and every element cite the document by name: `source` (`provenance` on indicators) holds the
 * one-line citation as `document`, the bibliographic `reference` (one of `sourceDocuments`),
 * the `locator` (chapter or section as printed, table or figure caption) and `pages` where the text
 * shows them; the record's `source.lines` is that locator as text. `extractLines` are line ranges in
 * the project's text extraction, read only by the source audit (`pnpm audit:sources`). The records:
 * the eight municipal projects of
 * NIBR-rapport 2020:13 (`nibr-omlandet`, `nibr-heimby`, `nibr-hogda`, `nibr-skjaerbyen`,
 * `nibr-kystbyen`, `nibr-skogen`, `nibr-stranna`, `nibr-mellombyen`), NorA (`nora`), Ny sjanse
 * (`ny-sjanse`) and the Groruddalen programme's goal hierarchy (`groruddalen`). Labels are in English
 * with the document's Norwegian wording in `labels.nb`; working-method tags follow
 * `workingMethodTags` from `@tiltak/theory`, so `compareTheories` over the eight NIBR records
 * reproduces the report's Table 3.2. Places where a document contradicts itself are listed in
 * `extensions.dataQualityFlags`.
 *
 * @see docs/guides/datasets-theories.md
 *
 * @example
 * ```ts
 * import { theories } from "@tiltak/datasets";
 * import { checkTheory, compareTheories, workingMethodTags } from "@tiltak/theory";
 * theories.length; // => 11
 * theories.find((t) => t.id === "nibr-kystbyen")?.status; // => "adjusted"
 * theories.every((t) => checkTheory(t).ok); // => true
 * const nibr = theories.filter((t) => t.id.startsWith("nibr-"));
 * compareTheories(nibr, { vocabulary: [...workingMethodTags] }).matrix.totals; // => [8, 7, 6, 4, 7, 6]
 * const kystbyen = theories.find((t) => t.id === "nibr-kystbyen");
 * kystbyen?.source?.reference?.number; // => "2020:13"
 * kystbyen?.source?.lines; // => "9 «Kystbyen»: Morsmålstøtte i norskopplæringen for deltakere med liten skolebakgrunn"
 * ```
 */
export const theories: ProgrammeTheory[] = specs.map((spec) => defineTheory(spec));
