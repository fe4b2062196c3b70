import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from './focus-ring.ts';
import { CloseIcon } from './icons.tsx';
import { useToastHost } from './toast.tsx';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row; usually Cancel + the primary action. */
  footer?: ReactNode;
  /** `alertdialog` for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

/**
 * A modal native `<dialog>`: `showModal()` makes the rest of the page inert (the focus trap) and
 * Escape closes it; focus returns to the element that had it when the dialog opened. Content is
 * mounted only while open so forms start fresh every time.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  role,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const registerToastHost = useToastHost();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal(); the `open` attribute keeps the dialog usable in component tests.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    // The rest of the page is inert now: toasts raised meanwhile are drawn inside the dialog.
    const unregisterToastHost = registerToastHost(dialog);
    const autofocus = dialog.querySelector<HTMLElement>('[autofocus],[data-autofocus]');
    autofocus?.focus();
    return () => {
      unregisterToastHost();
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      returnFocusTo?.focus();
    };
  }, [open, registerToastHost]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let React state close it so `open` stays the single source of truth.
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // A click on the backdrop targets the dialog element itself.
        if (event.target === event.currentTarget) onCloseRef.current();
      }}
      className={classNames(
        // A caller's max-w-* replaces the default width: two max-w classes would leave the winner to
        // stylesheet order, not to the caller.
        /(^|\s)max-w-/.test(className ?? '') ? '' : 'max-w-lg',
        'm-auto w-full rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl',
        'backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100',
        className,
      )}
    >
      {open ? (
        <div className="p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={() => onCloseRef.current()}
              className={classNames(
                'rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100',
                FOCUS_RING,
              )}
              aria-label="Close"
            >
              <CloseIcon />
            </button>
          </div>
          {description ? (
            <div id={descriptionId} className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {description}
            </div>
          ) : null}
          {children ? <div className="mt-4">{children}</div> : null}
          {footer ? <div className="mt-6 flex justify-end gap-2">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
