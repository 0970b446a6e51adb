import { formatPath, invalidInput, isTiltakError, parseOptions, TiltakError } from "@tiltak/core";
import * as z from "zod/mini";
import { asTheory } from "./graph.js";
import { type NodeKind, nodeKinds, type ProgrammeTheory, type TheorySpec } from "./model.js";
import type { VocabularyEntry } from "./vocabulary.js";

/** Options of {@link compareTheories}. */
export interface CompareTheoriesOptions {
  /**
   * How elements are matched: `"tags"` (shared vocabulary only), `"labels"` (normalised labels of
   * nodes of the same kind) or `"both"` (default: tagged nodes by their tags, untagged nodes by label).
   */
  by?: "tags" | "labels" | "both" | undefined;
  /** Only compare nodes of these kinds. Default: all kinds. */
  kinds?: NodeKind[] | undefined;
  /**
   * Columns of the matrix, in order: tag keys, or vocabulary entries such as `workingMethodTags`.
   * Default: every tag found, ordered as the elements.
   */
  vocabulary?: (string | VocabularyEntry)[] | undefined;
}

/**
 * Schema of {@link CompareTheoriesOptions}.
 *
 * @example
 * ```ts
 * import { compareTheoriesOptionsSchema } from "@tiltak/theory";
 * compareTheoriesOptionsSchema.safeParse({ by: "tags", vocabulary: ["norwegian-training"] }).success; // => true
 * compareTheoriesOptionsSchema.safeParse({ by: "words" }).success; // => false
 * ```
 */
export const compareTheoriesOptionsSchema: z.ZodMiniType<CompareTheoriesOptions> = z.strictObject({
  by: z.optional(z.enum(["tags", "labels", "both"])),
  kinds: z.optional(z.array(z.enum(nodeKinds))),
  vocabulary: z.optional(
    z.array(
      z.union([
        z.string().check(z.minLength(1)),
        z.object({
          key: z.string().check(z.minLength(1)),
          en: z.string(),
          nb: z.string(),
          definition: z.string(),
          source: z.string(),
        }),
      ]),
    ),
  ),
});

/** One element found in one or more theories. */
export interface ComparedElement {
  /** The tag (`"norwegian-training"`) or, for label matches, `"<kind>:<normalised label>"`. */
  key: string;
  /** How it was matched. */
  match: "tag" | "label";
  /** Node kind of the matched nodes (`"mixed"` if they differ; components count as activities). */
  kind: NodeKind | "mixed";
  /** A readable label: the vocabulary's English label, or the first matched node's label. */
  label: string;
  /** Ids of the theories that have it, in input order. */
  theories: string[];
  /** Number of theories that have it. */
  count: number;
  /** Share of the theories that have it, in [0, 1]. */
  share: number;
  /** The matched records: theory id and node (or component) id. */
  nodes: { theory: string; id: string }[];
}

/** The presence matrix: one row per theory, one column per key. */
export interface TheoryMatrix {
  /** Column keys. */
  keys: string[];
  /** Column labels (vocabulary English label, or the element label). */
  labels: string[];
  /** Row theory ids, in input order. */
  theories: string[];
  /** `cells[i][j]`: theory `i` has element `keys[j]`. */
  cells: boolean[][];
  /** CSV-ready rows: `{ theory, title, <key>: true | false, … }`. */
  rows: Record<string, string | boolean>[];
  /** Column totals: how many theories have each key. */
  totals: number[];
}

/** Result of {@link compareTheories}. */
export interface CompareTheoriesResult {
  /** `"compareTheories"`. */
  method: "compareTheories";
  /** Matching used. */
  by: "tags" | "labels" | "both";
  /** The theories compared. */
  theories: { id: string; title: string }[];
  /** Every element, ordered: vocabulary keys first (in vocabulary order), then by count (descending) and key. */
  elements: ComparedElement[];
  /** Keys found in every theory. */
  shared: string[];
  /** Per theory id, keys found in that theory only. */
  distinct: Record<string, string[]>;
  /** The presence matrix (Table 3.2 of NIBR-rapport 2020:13 when `vocabulary` is `workingMethodTags`). */
  matrix: TheoryMatrix;
}

/**
 * Normalises a label for matching: lower case, Unicode NFKC, punctuation removed, white space
 * collapsed. Letters such as æ, ø and å are kept.
 *
 * @example
 * ```ts
 * import { normaliseLabel } from "@tiltak/theory";
 * normaliseLabel("  Better   Norwegian (A2)! "); // => "better norwegian a2"
 * ```
 */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Shared and distinct elements across programme theories. Nodes (and intervention components) are
 * matched by their tags, which should come from a shared vocabulary such as
 * {@link workingMethodTags}, and, for untagged nodes, by normalised label within the same node kind.
 * The result lists each element with the theories that have it, the elements all theories share,
 * those unique to one theory, and a presence matrix. With the eight NIBR 2020:13 project theories
 * tagged with `workingMethodTags`, the matrix is the report's Table 3.2.
 *
 * @param theories - two or more theories or specs (each validated); ids must be unique
 * @param options - `by` (`"both"` default, `"tags"`, `"labels"`), `kinds`, `vocabulary` (matrix columns)
 * @returns `{ method, by, theories, elements: [{ key, match, kind, label, theories, count, share, nodes }], shared, distinct, matrix }`
 * @throws TiltakError `INVALID_INPUT` for fewer than one theory, a bad shape, or duplicate theory ids
 * @see docs/methods/theory/compare.md
 *
 * @example
 * ```ts
 * import { compareTheories } from "@tiltak/theory";
 * const a = { id: "a", title: "A", nodes: [{ id: "n", kind: "activity", label: "Norwegian", tags: ["norwegian-training"] }, { id: "o", kind: "outcome", label: "Work" }] };
 * const b = { id: "b", title: "B", nodes: [{ id: "x", kind: "activity", label: "Job coach", tags: ["supported-employment"] }, { id: "y", kind: "outcome", label: "work." }] };
 * const result = compareTheories([a, b]);
 * result.shared; // => ["outcome:work"]
 * result.elements.find((e) => e.key === "norwegian-training")?.theories; // => ["a"]
 * result.matrix.keys; // => ["norwegian-training", "supported-employment"]
 * ```
 */
export function compareTheories(
  theories: (TheorySpec | ProgrammeTheory)[],
  options: CompareTheoriesOptions = {},
): CompareTheoriesResult {
  if (!Array.isArray(theories) || theories.length === 0)
    invalidInput("theories", "must be a non-empty array of theories", theories);
  const opts = parseOptions(compareTheoriesOptionsSchema, options);
  const parsed = theories.map((theory, i) => {
    try {
      return asTheory(theory);
    } catch (error) {
      if (!isTiltakError(error)) throw error;
      const issues = error.issues.map((issue) => ({ ...issue, path: ["theories", i, ...issue.path] }));
      throw new TiltakError(
        error.code,
        issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`).join("; "),
        issues,
      );
    }
  });
  const seenIds = new Set<string>();
  parsed.forEach((theory, i) => {
    if (seenIds.has(theory.id))
      invalidInput(["theories", i, "id"], "must be unique among the theories compared", theory.id);
    seenIds.add(theory.id);
  });
  const by = opts.by ?? "both";
  const kinds = opts.kinds ? new Set<NodeKind>(opts.kinds) : undefined;
  const vocabulary = (opts.vocabulary ?? []).map((entry) =>
    typeof entry === "string" ? { key: entry, label: entry } : { key: entry.key, label: entry.en },
  );

  interface Draft {
    key: string;
    match: "tag" | "label";
    kinds: Set<NodeKind>;
    label: string;
    theories: Set<string>;
    nodes: { theory: string; id: string }[];
  }
  const drafts = new Map<string, Draft>();
  const note = (
    key: string,
    match: "tag" | "label",
    kind: NodeKind,
    label: string,
    theory: string,
    id: string,
  ) => {
    let draft = drafts.get(key);
    if (!draft) {
      draft = { key, match, kinds: new Set(), label, theories: new Set(), nodes: [] };
      drafts.set(key, draft);
    }
    draft.kinds.add(kind);
    draft.theories.add(theory);
    draft.nodes.push({ theory, id });
  };

  for (const theory of parsed) {
    const nodeKind = new Map(theory.nodes.map((node) => [node.id, node.kind] as const));
    const records: { id: string; kind: NodeKind; label: string; tags: string[] }[] = [
      ...theory.nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        label: node.label,
        tags: node.tags ?? [],
      })),
      ...(theory.components ?? []).map((component) => ({
        id: component.id,
        kind:
          (component.nodeId !== undefined ? nodeKind.get(component.nodeId) : undefined) ??
          ("activity" as NodeKind),
        label: component.label,
        tags: component.tags ?? [],
      })),
    ];
    for (const record of records) {
      if (kinds && !kinds.has(record.kind)) continue;
      const useTags = by !== "labels" && record.tags.length > 0;
      if (useTags)
        for (const tag of record.tags) note(tag, "tag", record.kind, record.label, theory.id, record.id);
      const useLabel = by === "labels" || (by === "both" && record.tags.length === 0);
      if (useLabel) {
        const normalised = normaliseLabel(record.label);
        if (normalised !== "")
          note(`${record.kind}:${normalised}`, "label", record.kind, record.label, theory.id, record.id);
      }
    }
  }

  const n = parsed.length;
  const vocabularyOrder = new Map(vocabulary.map((entry, i) => [entry.key, i]));
  const vocabularyLabel = new Map(vocabulary.map((entry) => [entry.key, entry.label]));
  const theoryOrder = new Map(parsed.map((theory, i) => [theory.id, i]));
  const elements: ComparedElement[] = [...drafts.values()]
    .map((draft) => {
      const ids = [...draft.theories].sort((a, b) => theoryOrder.get(a)! - theoryOrder.get(b)!);
      return {
        key: draft.key,
        match: draft.match,
        kind: draft.kinds.size === 1 ? [...draft.kinds][0]! : ("mixed" as const),
        label: vocabularyLabel.get(draft.key) ?? draft.label,
        theories: ids,
        count: ids.length,
        share: ids.length / n,
        nodes: draft.nodes,
      };
    })
    .sort((a, b) => {
      const va = vocabularyOrder.get(a.key) ?? Number.POSITIVE_INFINITY;
      const vb = vocabularyOrder.get(b.key) ?? Number.POSITIVE_INFINITY;
      if (va !== vb) return va - vb;
      if (a.count !== b.count) return b.count - a.count;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });

  const shared = elements.filter((element) => element.count === n).map((element) => element.key);
  const distinct: Record<string, string[]> = {};
  for (const theory of parsed) {
    distinct[theory.id] =
      n < 2 ? [] : elements.filter((e) => e.count === 1 && e.theories[0] === theory.id).map((e) => e.key);
  }

  const byKey = new Map(elements.map((element) => [element.key, element]));
  const keys =
    vocabulary.length > 0
      ? vocabulary.map((entry) => entry.key)
      : elements.filter((e) => e.match === "tag").map((e) => e.key);
  const labels = keys.map((key) => vocabularyLabel.get(key) ?? byKey.get(key)?.label ?? key);
  const cells = parsed.map((theory) =>
    keys.map((key) => byKey.get(key)?.theories.includes(theory.id) ?? false),
  );
  const rows = parsed.map((theory, i) => {
    const row: Record<string, string | boolean> = { theory: theory.id, title: theory.title };
    keys.forEach((key, j) => {
      row[key] = cells[i]![j]!;
    });
    return row;
  });
  const totals = keys.map((_, j) => cells.filter((row) => row[j]).length);

  return {
    method: "compareTheories",
    by,
    theories: parsed.map((theory) => ({ id: theory.id, title: theory.title })),
    elements,
    shared,
    distinct,
    matrix: { keys, labels, theories: parsed.map((theory) => theory.id), cells, rows, totals },
  };
}
