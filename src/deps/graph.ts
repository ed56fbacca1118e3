// The dependency graph, as data: which scope each package gets from the ways the project
// reaches it, and which packages depend on each other in a cycle. Pure functions over
// node ids (a collector's refs).
import type { DepScope } from './types.js';

export interface DepEdge {
  readonly to: string;
  /** How the dependent declares it: dependencies (prod), optional, peer, dev. */
  readonly kind: DepScope;
}

const RANK: Readonly<Record<DepScope, number>> = { prod: 0, optional: 1, peer: 2, dev: 3 };
const BY_RANK: readonly DepScope[] = ['prod', 'optional', 'peer', 'dev'];

/**
 * The scope of every package reachable from the project. A path is as weak as its weakest
 * edge (prod < optional < peer < dev): a package reached through a dev dependency is dev
 * unless some path through runtime dependencies reaches it too. Below the project, a peer
 * dependency is needed at run time like any other (the project must provide it), so only the
 * project's own peer dependencies make a package `peer`. Linear in nodes and edges: one
 * breadth-first pass per rank.
 */
export function assignScopes(roots: readonly DepEdge[], edges: ReadonlyMap<string, readonly DepEdge[]>): Map<string, DepScope> {
  const scope = new Map<string, DepScope>();
  const buckets: string[][] = [[], [], [], []];
  for (const e of roots) buckets[RANK[e.kind]]!.push(e.to);
  for (let rank = 0; rank < buckets.length; rank++) {
    const queue = buckets[rank]!;
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      if (scope.has(node)) continue;
      scope.set(node, BY_RANK[rank]!);
      for (const e of edges.get(node) ?? []) {
        if (scope.has(e.to)) continue;
        const r = Math.max(rank, e.kind === 'peer' ? 0 : RANK[e.kind]);
        buckets[r]!.push(e.to);
      }
    }
  }
  return scope;
}

/**
 * Groups of packages that depend on each other in a circle (strongly connected components of
 * more than one node, or a node that depends on itself), each in a stable order. Tarjan's
 * algorithm, written without recursion so a deep graph cannot overflow the stack.
 */
export function findCycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly DepEdge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        const selfLoop = component.length === 1 && out.some((e) => e.to === frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
