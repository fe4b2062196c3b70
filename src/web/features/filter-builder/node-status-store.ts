import type { NodeError } from './map-filter-errors.ts';

export interface NodeStatus {
  readonly errors: readonly NodeError[];
  /** Contradictions this node takes part in. */
  readonly warnings: readonly string[];
}

export const NO_STATUS: NodeStatus = { errors: [], warnings: [] };

/**
 * Per-node validation messages as a tiny external store: each row subscribes to its own entry with
 * `useSyncExternalStore`, so a message appearing on one row re-renders that row only, and memoised
 * rows stay untouched on edits that change no message (what keeps 200-condition trees smooth).
 */
export class NodeStatusStore {
  private statuses = new Map<string, NodeStatus>();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): NodeStatus {
    return this.statuses.get(id) ?? NO_STATUS;
  }

  /** Replaces every status, keeping the previous object of an unchanged entry so snapshots stay equal. */
  set(next: ReadonlyMap<string, NodeStatus>): void {
    let changed = next.size !== this.statuses.size;
    const merged = new Map<string, NodeStatus>();
    for (const [id, status] of next) {
      const previous = this.statuses.get(id);
      if (previous && sameStatus(previous, status)) merged.set(id, previous);
      else {
        merged.set(id, status);
        changed = true;
      }
    }
    if (!changed) return;
    this.statuses = merged;
    for (const listener of this.listeners) listener();
  }
}

function sameStatus(a: NodeStatus, b: NodeStatus): boolean {
  return (
    a.errors.length === b.errors.length &&
    a.warnings.length === b.warnings.length &&
    a.errors.every(
      (error, index) => error.key === b.errors[index]?.key && error.message === b.errors[index]?.message,
    ) &&
    a.warnings.every((warning, index) => warning === b.warnings[index])
  );
}
