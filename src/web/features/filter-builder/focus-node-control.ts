import type { FocusControl, FocusRequest } from './builder-context.ts';

const ALTERNATES: Partial<Record<FocusControl, FocusControl>> = {
  'move-up': 'move-down',
  'move-down': 'move-up',
  indent: 'outdent',
  outdent: 'indent',
};

function isEnabled(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && !element.hasAttribute('disabled');
}

/**
 * Focuses the requested control of a node inside `container`, falling back to its sibling control
 * (Move down when Move up just became disabled at the top), the "More actions" menu that holds them in a
 * narrow row, its drag handle, then any of its controls.
 * `first` means the node's first editable control: a row's field, a group's combinator.
 */
export function focusNodeControl(container: HTMLElement | null, request: FocusRequest): void {
  if (!container) return;
  const { id, control } = request;
  const order: FocusControl[] =
    control === 'first'
      ? ['field', 'combinator', 'handle']
      : [control, ...(ALTERNATES[control] ? [ALTERNATES[control]] : []), 'more', 'handle'];
  for (const candidate of order) {
    // Node ids are generated (letters and digits), so they need no escaping in a selector.
    const element = container.querySelector(`[data-focus-key="${id}:${candidate}"]`);
    if (isEnabled(element)) {
      element.focus();
      return;
    }
  }
  [...container.querySelectorAll(`[data-focus-key^="${id}:"]`)].find(isEnabled)?.focus();
}
