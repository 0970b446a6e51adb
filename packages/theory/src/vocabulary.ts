/** One key of a shared tag vocabulary, with its labels in English and bokmål and where it is defined. */
export interface VocabularyEntry {
  /** The tag written on nodes and components, e.g. `"norwegian-training"`. */
  key: string;
  /** English label. */
  en: string;
  /** Bokmål label, as the source document writes it. */
  nb: string;
  /** What the element means. */
  definition: string;
  /** Where it is defined. */
  source: string;
}

/**
 * The six working-method elements ("virksomme elementer") that NIBR-rapport 2020:13 found across the
 * eight municipal integration projects and tabulated in its Tabell 3.2 (chapter 3; described in the same chapter under
 * «Programteoretiske elementer på tvers av prosjektene»). Tag a theory's activity, mechanism or component nodes with these keys and
 * `compareTheories` reproduces the table.
 *
 * @see docs/methods/theory/compare.md
 *
 * @example
 * ```ts
 * import { workingMethodTags } from "@tiltak/theory";
 * workingMethodTags.map((entry) => entry.key); // => ["alternative-training-model", "norwegian-training", "career-guidance", "documented-partial-qualification", "supported-employment", "digital-tools"]
 * workingMethodTags[1]?.nb; // => "Styrking av norskferdigheter integrert i prosjektene"
 * ```
 */
export const workingMethodTags: readonly VocabularyEntry[] = [
  {
    key: "alternative-training-model",
    en: "Alternative training models",
    nb: "Alternative opplæringsmodeller",
    definition:
      "Training adapted to participants' prerequisites for learning: moving learning from the classroom to the workplace (café, workshop), photographs from work practice, drawing on prior craft experience, mother-tongue support.",
    source: "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Alternative opplæringsmodeller»",
  },
  {
    key: "norwegian-training",
    en: "Norwegian training integrated in the project",
    nb: "Styrking av norskferdigheter integrert i prosjektene",
    definition:
      "Strengthening of Norwegian integrated with vocational content (fagnorsk, bransjenorsk, yrkesnorsk); found in all projects but one.",
    source:
      "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Styrking av norskferdigheter integrert i prosjektene»",
  },
  {
    key: "career-guidance",
    en: "Career guidance as part of the project",
    nb: "Karriereveiledning som del av prosjektene",
    definition:
      "From open-ended career guidance to ensuring suitability for a specific qualification; a counterweight to the 'reality orientation' of participants into low-income jobs.",
    source: "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Karriereveiledning»",
  },
  {
    key: "documented-partial-qualification",
    en: "Documented partial qualification",
    nb: "Dokumentert delkvalifisering",
    definition:
      "Work-oriented partial qualifications tied to upper-secondary vocational curricula, each step ending in documentation or certification; both goal and instrument.",
    source: "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Dokumentert delkvalifisering»",
  },
  {
    key: "supported-employment",
    en: "Elements of Supported Employment",
    nb: "Elementer av Supported employment",
    definition:
      "One stable contact person over time, close follow-up at the workplace and of the employer ('place then train' in the full method).",
    source: "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Supported employment»",
  },
  {
    key: "digital-tools",
    en: "Digital tools",
    nb: "Digitale verktøy",
    definition:
      "Digital learning resources used to further learning (own mobile phones, tablets, online platforms).",
    source: "NIBR-rapport 2020:13, chapter 3, Tabell 3.2 and «Digitale læringsressurser»",
  },
];
