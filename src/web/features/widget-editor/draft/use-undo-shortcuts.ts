import { useEffect } from 'react';

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes across the whole editor, text fields
 * included: the editor's history already coalesces typing into one step, and two competing undo
 * stacks would be confusing. A textarea (the filter JSON view) keeps the browser's own undo, and
 * nothing is taken while a modal dialog is open.
 */
export function useUndoShortcuts(handlers: { undo: () => void; redo: () => void }): void {
  const { undo, redo } = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const isUndo = key === 'z' && !event.shiftKey;
      const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (!isUndo && !isRedo) return;
      const target = event.target;
      if (target instanceof HTMLTextAreaElement) return;
      if (target instanceof Element && target.closest('dialog[open]')) return;
      event.preventDefault();
      if (isUndo) undo();
      else redo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}
