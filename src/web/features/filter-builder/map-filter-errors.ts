import { splitFilterErrorPath, type FilterErrorKey } from '../../../contract/filter-validation.ts';
import { nodeIdAtWirePath, type FilterTree } from './filter-tree.ts';

export interface NodeError {
  /** The part of the node the message is about (`op`, `value`…), when the path names one. */
  readonly key: FilterErrorKey | null;
  readonly message: string;
}

export interface MappedFilterErrors {
  /** Messages per node id, without their D8 path prefix. */
  readonly byNode: ReadonlyMap<string, readonly NodeError[]>;
  /** Messages that name no node, or a node this tree does not have: shown above the builder, as sent. */
  readonly unmapped: readonly string[];
}

/** Local messages about the whole tree rather than its root node. */
const TREE_WIDE = /^(A filter may hold at most|…and \d+ more)/;

/**
 * Places D8 filter messages (`conditions[1].conditions[0].op: …`) on the nodes they name, through the
 * wire path (the tree's implicit root is not on the wire). `validateFilter` writes messages about the
 * root node without a prefix; with `unprefixedIsRoot` those go on the root node (a lone condition's
 * row) instead of the top. Duplicates, e.g. the same message from the
 * server and from local validation, appear once. Total.
 */
export function mapFilterErrors(
  tree: FilterTree,
  messages: readonly string[],
  options: { readonly unprefixedIsRoot?: boolean } = {},
): MappedFilterErrors {
  const byNode = new Map<string, NodeError[]>();
  const unmapped: string[] = [];
  for (const raw of new Set(messages)) {
    const split = splitFilterErrorPath(raw);
    const { key, message } = split;
    const path = split.path ?? (options.unprefixedIsRoot && !TREE_WIDE.test(raw) ? [] : null);
    const id = path === null ? null : nodeIdAtWirePath(tree, path);
    if (id === null) {
      unmapped.push(raw);
      continue;
    }
    byNode.set(id, [...(byNode.get(id) ?? []), { key, message }]);
  }
  return { byNode, unmapped };
}
