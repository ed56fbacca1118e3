import { describe, expect, it } from 'vitest';
import { assignScopes, findCycles, type DepEdge } from '../../src/deps/graph.js';
import type { DepScope } from '../../src/deps/types.js';

const graph = (spec: Record<string, [string, DepScope][]>): Map<string, DepEdge[]> =>
  new Map(Object.entries(spec).map(([from, edges]) => [from, edges.map(([to, kind]) => ({ to, kind }))]));

describe('assignScopes', () => {
  it.each([
    ['a runtime dependency and what it needs are prod', [['a', 'prod']], { a: [['b', 'prod']] }, { a: 'prod', b: 'prod' }],
    ['a dev dependency and what it needs are dev', [['d', 'dev']], { d: [['e', 'prod']] }, { d: 'dev', e: 'dev' }],
    ['reached both ways, the strongest way wins', [['a', 'prod'], ['d', 'dev']], { d: [['b', 'prod']], a: [['b', 'prod']] }, { a: 'prod', d: 'dev', b: 'prod' }],
    ['an optional edge makes the rest optional', [['a', 'prod']], { a: [['o', 'optional']], o: [['p', 'prod']] }, { a: 'prod', o: 'optional', p: 'optional' }],
    ["the project's peer dependency is peer", [['r', 'peer']], { r: [['s', 'prod']] }, { r: 'peer', s: 'peer' }],
    ["a dependency's peer is needed at run time", [['a', 'prod']], { a: [['r', 'peer']] }, { a: 'prod', r: 'prod' }],
    ['a cycle ends', [['a', 'prod']], { a: [['b', 'prod']], b: [['a', 'prod']] }, { a: 'prod', b: 'prod' }],
    ['unreached packages get no scope', [['a', 'prod']], { a: [], z: [['a', 'prod']] }, { a: 'prod' }],
  ] as const)('%s', (_, roots, edges, expected) => {
    const scopes = assignScopes(
      roots.map(([to, kind]) => ({ to, kind })),
      graph(edges as unknown as Record<string, [string, DepScope][]>),
    );
    expect(Object.fromEntries(scopes)).toEqual(expected);
  });
});

describe('findCycles', () => {
  it.each([
    ['none in a tree', { a: [['b', 'prod']], b: [] }, []],
    ['a pair', { a: [['b', 'prod']], b: [['a', 'prod']] }, [['a', 'b']]],
    ['a self-loop', { a: [['a', 'prod']] }, [['a']]],
    ['a ring of three beside a tree', { a: [['b', 'prod']], b: [['c', 'prod']], c: [['a', 'prod'], ['d', 'prod']], d: [] }, [['a', 'b', 'c']]],
    ['two separate cycles', { a: [['b', 'prod']], b: [['a', 'prod']], x: [['y', 'prod']], y: [['x', 'prod']] }, [['a', 'b'], ['x', 'y']]],
  ] as const)('%s', (_, spec, expected) => {
    const edges = graph(spec as unknown as Record<string, [string, DepScope][]>);
    expect(findCycles([...edges.keys()], edges)).toEqual(expected);
  });

  it('handles a chain deeper than the call stack', () => {
    const n = 200_000;
    const edges = new Map<string, DepEdge[]>();
    for (let i = 0; i < n; i++) edges.set(`p${i}`, [{ to: `p${(i + 1) % n}`, kind: 'prod' }]);
    expect(findCycles([...edges.keys()], edges)[0]).toHaveLength(n);
  });
});
