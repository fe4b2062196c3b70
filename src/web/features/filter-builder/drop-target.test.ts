import { FILTER_LIMITS } from '../../../contract/filter-validation.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import { groupDropId, resolveDrop } from './drop-target.ts';
import { fromWire, moveNode, toWire, wrapInGroup, type FilterTree } from './filter-tree.ts';
import { addGroupProblem, indentProblem, LIMIT_REASONS } from './tree-limits.ts';

const leaf = (value: number): Filter => ({ field: 'duration', op: 'gte', value });
/** root n1 [n2, group n3 [n4, n5], n6] */
function tree(): FilterTree {
  let next = 0;
  return fromWire(
    { operator: 'and', conditions: [leaf(1), { operator: 'or', conditions: [leaf(2), leaf(3)] }, leaf(4)] },
    () => `n${(next += 1)}`,
  );
}

function dropped(activeId: string, overId: string): Filter | null | 'none' {
  const t = tree();
  const target = resolveDrop(t, activeId, overId);
  return target === null ? 'none' : toWire(moveNode(t, activeId, target));
}

const and = (...conditions: Filter[]): Filter => ({ operator: 'and', conditions });
const or = (...conditions: Filter[]): Filter => ({ operator: 'or', conditions });

describe('resolveDrop', () => {
  it.each<[string, string, string, Filter | 'none']>([
    ['reorders down within a group', 'n2', 'n6', and(or(leaf(2), leaf(3)), leaf(4), leaf(1))],
    ['reorders up within a group', 'n6', 'n2', and(leaf(4), leaf(1), or(leaf(2), leaf(3)))],
    ['moves before a node in another group', 'n2', 'n5', and(or(leaf(2), leaf(1), leaf(3)), leaf(4))],
    [
      'moves to the end of a group body',
      'n6',
      groupDropId('n3'),
      and(leaf(1), or(leaf(2), leaf(3), leaf(4))),
    ],
    ['moves out to the root body end', 'n4', groupDropId('n1'), and(leaf(1), or(leaf(3)), leaf(4), leaf(2))],
    ['ignores a drop on itself', 'n2', 'n2', 'none'],
    ['ignores a group dropped into its own body', 'n3', groupDropId('n3'), 'none'],
    ['ignores the root', 'n1', 'n2', 'none'],
    ['ignores an unknown target', 'n2', 'zz', 'none'],
  ])('%s', (_name, activeId, overId, expected) => {
    expect(dropped(activeId, overId)).toStrictEqual(expected);
  });

  it('refuses a move past the depth limit', () => {
    let t = tree();
    // Nest n5 until its group sits at the maximum level, then try to drop another group into it.
    for (let level = 2; level < FILTER_LIMITS.maxDepth; level += 1)
      t = wrapInGroup(t, 'n5', 'and', { id: `w${level}` });
    const deepest = `w${FILTER_LIMITS.maxDepth - 1}`;
    expect(addGroupProblem(t, deepest)).toBe(LIMIT_REASONS.depth);
    expect(indentProblem(t, 'n5')).toBe(LIMIT_REASONS.depth);
    t = wrapInGroup(t, 'n6', 'or', { id: 'g' });
    expect(resolveDrop(t, 'g', groupDropId(deepest))).toBeNull();
    expect(resolveDrop(t, 'n2', groupDropId(deepest))).not.toBeNull();
  });
});
