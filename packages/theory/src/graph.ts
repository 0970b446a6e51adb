import {
  defineTheory,
  type Horizon,
  type NodeKind,
  type ProgrammeTheory,
  type TheoryLink,
  type TheorySpec,
} from "./model.js";

/** A theory that has passed shape validation (a spec is validated first). */
export function asTheory(theory: TheorySpec | ProgrammeTheory): ProgrammeTheory {
  return defineTheory(theory);
}

/** Whether a link is a feedback loop (exempt from acyclicity). */
export function isFeedback(link: TheoryLink): boolean {
  return link.feedback === true || link.kind === "feedback";
}

/** The column of a node in a left-to-right results chain. */
export function levelOf(kind: NodeKind, horizon: Horizon | undefined): number {
  switch (kind) {
    case "problem":
      return 0;
    case "input":
      return 1;
    case "activity":
      return 2;
    case "output":
      return 3;
    case "mechanism":
      return 4;
    case "outcome":
      return horizon === "short" ? 5 : horizon === "long" ? 7 : 6;
    case "impact":
      return 8;
    case "context":
      return -1;
  }
}

/** Names of the levels, left to right (context is drawn aside). */
export const levelNames: readonly string[] = [
  "problem",
  "input",
  "activity",
  "output",
  "mechanism",
  "outcome-short",
  "outcome-intermediate",
  "outcome-long",
  "impact",
];

/** Adjacency over links whose two ends exist; the first node with an id wins. */
export interface GraphIndex {
  ids: string[];
  kind: Map<string, NodeKind>;
  out: Map<string, string[]>;
  in: Map<string, string[]>;
  /** Adjacency without feedback links. */
  causalOut: Map<string, string[]>;
}

export function indexGraph(theory: ProgrammeTheory): GraphIndex {
  const ids: string[] = [];
  const kind = new Map<string, NodeKind>();
  for (const node of theory.nodes) {
    if (kind.has(node.id)) continue;
    kind.set(node.id, node.kind);
    ids.push(node.id);
  }
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const into = new Map<string, string[]>(ids.map((id) => [id, []]));
  const causalOut = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const link of theory.links) {
    if (!kind.has(link.from) || !kind.has(link.to)) continue;
    out.get(link.from)!.push(link.to);
    into.get(link.to)!.push(link.from);
    if (!isFeedback(link)) causalOut.get(link.from)!.push(link.to);
  }
  return { ids, kind, out, in: into, causalOut };
}

/** Every node reachable from `starts` (including the starts) along `adjacency`. */
export function reachable(starts: Iterable<string>, adjacency: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of adjacency.get(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/**
 * Strongly connected components (Tarjan 1972), iterative, in a deterministic order. Returns the
 * components that contain a cycle: more than one node, or one node with a self-loop.
 */
export function cyclicComponents(ids: string[], adjacency: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = adjacency.get(frame.id) ?? [];
      if (frame.next < successors.length) {
        const w = successors[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        }
      } else {
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
        if (low.get(frame.id) === index.get(frame.id)) {
          const component: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
          } while (w !== frame.id);
          const selfLoop = component.length === 1 && successors.includes(frame.id);
          if (component.length > 1 || selfLoop) components.push(component);
        }
      }
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  for (const component of components) component.sort((a, b) => order.get(a)! - order.get(b)!);
  return components.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** One cycle through the first node of a strongly connected component, as a closed walk a → … → a. */
export function cycleThrough(component: string[], adjacency: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of adjacency.get(id) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [id];
        let cursor = id;
        while (cursor !== start) {
          cursor = parent.get(cursor)!;
          path.push(cursor);
        }
        return [...path.reverse(), start];
      }
      if (!seen.has(next)) {
        seen.add(next);
        parent.set(next, id);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
