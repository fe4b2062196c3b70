import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { fromWire, toWire, type FilterTree } from './filter-tree.ts';
import { isJsonEqual } from '../../lib/is-json-equal.ts';

interface TreeState {
  readonly wire: Filter | null;
  readonly tree: FilterTree;
}

/**
 * Keeps the form tree (with node ids) for a controlled wire value. When the parent passes back what
 * the builder last emitted (the same object or an equal one), the tree and its ids are kept, so focus,
 * collapse state and drag sources survive; any other value is a new tree. `apply` runs a pure edit
 * against the latest tree, even when several edits land before the parent re-renders.
 */
export function useControlledTree(value: Filter | null, onChange: (value: Filter | null) => void) {
  const [state, setState] = useState<TreeState>(() => ({ wire: value, tree: fromWire(value) }));
  let current = state;
  if (state.wire !== value) {
    // Adjusting state while rendering (React's documented pattern for "props changed").
    current = isJsonEqual(state.wire, value)
      ? { wire: value, tree: state.tree }
      : { wire: value, tree: fromWire(value) };
    setState(current);
  }
  const treeRef = useRef(current.tree);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    treeRef.current = current.tree;
    onChangeRef.current = onChange;
  });

  const apply = useCallback((edit: (tree: FilterTree) => FilterTree): boolean => {
    const before = treeRef.current;
    const next = edit(before);
    if (next === before) return false;
    treeRef.current = next;
    const wire = toWire(next);
    setState({ wire, tree: next });
    onChangeRef.current(wire);
    return true;
  }, []);

  const getTree = useCallback(() => treeRef.current, []);
  return { tree: current.tree, apply, getTree };
}
