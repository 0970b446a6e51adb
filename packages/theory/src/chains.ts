import { invalidInput, parseOptions } from "@tiltak/core";
import * as z from "zod/mini";
import { asTheory, indexGraph, reachable } from "./graph.js";
import type { NodeKind, ProgrammeTheory, TheorySpec } from "./model.js";

/** Options of {@link chains}. */
export interface ChainsOptions {
  /** Where paths start: a node id or ids. Default: every activity. */
  from?: string | string[] | undefined;
  /** Where paths end: a node id or ids. Default: every final result (an outcome or impact with no causal link out). */
  to?: string | string[] | undefined;
  /** Stop after this many paths (the count of simple paths can grow exponentially). Default 10000. */
  maxPaths?: number | undefined;
}

/**
 * Schema of {@link ChainsOptions}.
 *
 * @example
 * ```ts
 * import { chainsOptionsSchema } from "@tiltak/theory";
 * chainsOptionsSchema.safeParse({ to: "o-work", maxPaths: 100 }).success; // => true
 * chainsOptionsSchema.safeParse({ maxPaths: 0 }).success; // => false
 * ```
 */
export const chainsOptionsSchema: z.ZodMiniType<ChainsOptions> = z.strictObject({
  from: z.optional(z.union([z.string(), z.array(z.string())])),
  to: z.optional(z.union([z.string(), z.array(z.string())])),
  maxPaths: z.optional(z.int().check(z.minimum(1, { error: "must be an integer >= 1" }))),
});

/** A node on a chain, as it appears in the theory. */
export interface ChainNode {
  /** Node id. */
  id: string;
  /** Node kind. */
  kind: NodeKind;
  /** Node label. */
  label: string;
}

/** One causal path. */
export interface ChainPath {
  /** Node ids from start to end. */
  nodes: string[];
  /** Labels joined with arrows, for reading. */
  text: string;
  /** Number of links. */
  length: number;
}

/** Result of {@link chains}. */
export interface ChainsResult {
  /** `"chains"`. */
  method: "chains";
  /** Id of the theory. */
  theory: string;
  /** Start nodes used. */
  from: string[];
  /** End nodes used. */
  to: string[];
  /** Every simple path from a start to an end along causal (non-feedback) links, in depth-first order. */
  paths: ChainPath[];
  /** Whether `maxPaths` stopped the enumeration. */
  truncated: boolean;
  /** What the end nodes depend on: every node with a causal path into one of them. */
  upstream: ChainNode[];
  /** What the start nodes affect: every node reachable from one of them. */
  downstream: ChainNode[];
}

function asList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : typeof value === "string" ? [value] : value;
}

/**
 * Causal paths through a programme theory: every simple path from the start nodes to the end nodes
 * along causal links (links marked feedback are not followed), plus what the end nodes depend on
 * (`upstream`) and what the start nodes affect (`downstream`). With `to` set to one outcome, this
 * answers "what does this outcome depend on, and through which chains?".
 *
 * @param theory - a {@link ProgrammeTheory} or a spec (validated first)
 * @param options - `from` / `to` (node id or ids; defaults: all activities / all final results), `maxPaths` (default 10000)
 * @returns `{ method, theory, from, to, paths: [{ nodes, text, length }], truncated, upstream, downstream }`
 * @throws TiltakError `INVALID_INPUT` if `from` or `to` names a node the theory does not have
 * @see docs/methods/theory/checks.md
 *
 * @example
 * ```ts
 * import { chains } from "@tiltak/theory";
 * const theory = { id: "t", title: "T", nodes: [{ id: "a", kind: "activity", label: "Teach" }, { id: "m", kind: "mechanism", label: "Understand" }, { id: "o", kind: "outcome", label: "Learn", horizon: "short" }], links: [{ from: "a", to: "m" }, { from: "m", to: "o" }, { from: "a", to: "o" }] };
 * chains(theory).paths.map((path) => path.nodes.join(">")); // => ["a>m>o", "a>o"]
 * chains(theory, { to: "o" }).upstream.map((node) => node.id); // => ["a", "m"]
 * chains(theory, { from: "x" }); // => throws INVALID_INPUT
 * ```
 */
export function chains(theory: TheorySpec | ProgrammeTheory, options: ChainsOptions = {}): ChainsResult {
  const parsed = asTheory(theory);
  const opts = parseOptions(chainsOptionsSchema, options);
  const graph = indexGraph(parsed);
  const nodeById = new Map(parsed.nodes.map((node) => [node.id, node] as const));
  for (const key of ["from", "to"] as const) {
    const ids = asList(opts[key]) ?? [];
    ids.forEach((id, i) => {
      if (!graph.kind.has(id))
        invalidInput(
          typeof opts[key] === "string" ? key : [key, i],
          "must be the id of a node in the theory",
          id,
        );
    });
  }
  const from = asList(opts.from) ?? graph.ids.filter((id) => graph.kind.get(id) === "activity");
  const to =
    asList(opts.to) ??
    graph.ids.filter((id) => {
      const kind = graph.kind.get(id);
      return (kind === "outcome" || kind === "impact") && (graph.causalOut.get(id) ?? []).length === 0;
    });
  const maxPaths = opts.maxPaths ?? 10000;
  const targets = new Set(to);
  const canReachTarget = reachable(to, reverseOf(graph.causalOut));
  const paths: ChainPath[] = [];
  let truncated = false;
  const label = (id: string): string => nodeById.get(id)?.label ?? id;

  const walk = (path: string[], onPath: Set<string>): void => {
    if (truncated) return;
    const last = path[path.length - 1]!;
    if (targets.has(last) && path.length > 1) {
      if (paths.length >= maxPaths) {
        truncated = true;
        return;
      }
      paths.push({ nodes: [...path], text: path.map(label).join(" → "), length: path.length - 1 });
    }
    for (const next of graph.causalOut.get(last) ?? []) {
      if (onPath.has(next) || !canReachTarget.has(next)) continue;
      path.push(next);
      onPath.add(next);
      walk(path, onPath);
      onPath.delete(next);
      path.pop();
    }
  };
  for (const start of from) {
    if (!canReachTarget.has(start)) continue;
    walk([start], new Set([start]));
  }

  const describe = (ids: Set<string>, exclude: Set<string>): ChainNode[] =>
    graph.ids
      .filter((id) => ids.has(id) && !exclude.has(id))
      .map((id) => ({ id, kind: graph.kind.get(id)!, label: label(id) }));
  const upstream = describe(reachable(to, reverseOf(graph.causalOut)), new Set(to));
  const downstream = describe(reachable(from, graph.causalOut), new Set(from));
  return { method: "chains", theory: parsed.id, from, to, paths, truncated, upstream, downstream };
}

function reverseOf(adjacency: Map<string, string[]>): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  for (const id of adjacency.keys()) reverse.set(id, []);
  for (const [id, next] of adjacency) for (const w of next) reverse.get(w)?.push(id);
  return reverse;
}
