// Walks the two expression trees. Inbound: OR takes the best alternative (and says which),
// AND needs every part. Outbound: OR needs every alternative (the work keeps offering all
// of them), AND needs one part to take the component.
import parse from 'spdx-expression-parse';
import { best, RANK, worst, type Finding } from './finding.js';
import { evaluatePair, type Leaf, type PairOptions } from './pair.js';

export type Node = Leaf | { readonly left: Node; readonly conjunction: 'and' | 'or'; readonly right: Node };

/** The tree of a normalized expression (markers such as NONE are single leaves). */
export function treeOf(expression: string): Node {
  if (/^[A-Z]+$/.test(expression) && !expression.includes('-')) return { license: expression };
  return parse(expression) as Node;
}

export function evaluateTrees(outbound: Node, inbound: Node, o: PairOptions): Finding {
  if ('conjunction' in outbound) {
    const parts = [evaluateTrees(outbound.left, inbound, o), evaluateTrees(outbound.right, inbound, o)];
    return outbound.conjunction === 'or' ? everyAlternative(outbound, parts) : somePart(outbound, parts);
  }
  if ('conjunction' in inbound) {
    const left = evaluateTrees(outbound, inbound.left, o);
    const right = evaluateTrees(outbound, inbound.right, o);
    if (inbound.conjunction === 'or') {
      const pick = best([left, right]);
      return { ...pick, chosen: pick.chosen ?? render(pick === left ? inbound.left : inbound.right) };
    }
    const both = worst([left, right]);
    const chosen = left.chosen !== undefined || right.chosen !== undefined ? `${group(left.chosen ?? render(inbound.left))} AND ${group(right.chosen ?? render(inbound.right))}` : undefined;
    return { ...both, ...(chosen ? { chosen } : {}) };
  }
  return evaluatePair(outbound, inbound, o);
}

/** A work offered under A OR B keeps both only if each takes the component. */
function everyAlternative(node: Node & { left: Node; right: Node }, parts: Finding[]): Finding {
  const passing = parts.filter((p) => p.verdict === 'compatible');
  if (passing.length === 0 || passing.length === parts.length) return worst(parts);
  const ok = render(parts[0] === passing[0] ? node.left : node.right);
  const failing = parts.find((p) => p.verdict !== 'compatible')!;
  return {
    ...failing,
    verdict: 'review',
    plain: [`It fits only the ${ok} alternative of your license: the combined work could then be offered under ${ok} alone.`, ...failing.plain],
  };
}

/** A work under A AND B: the component may sit with whichever part takes it. */
function somePart(node: Node & { left: Node; right: Node }, parts: Finding[]): Finding {
  const pick = best(parts);
  if (RANK[pick.verdict] > 0) return worst(parts);
  const with_ = render(pick === parts[0] ? node.left : node.right);
  return { ...pick, plain: [`It can sit with the part of your work under ${with_}.`, ...pick.plain] };
}

export function render(node: Node, parent?: 'and' | 'or'): string {
  if (!('conjunction' in node)) return node.exception ? `${node.license} WITH ${node.exception}` : node.license;
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  return parent && parent !== node.conjunction ? `(${text})` : text;
}

function group(expression: string): string {
  return / OR /.test(expression) && !/^\(.*\)$/.test(expression) ? `(${expression})` : expression;
}
