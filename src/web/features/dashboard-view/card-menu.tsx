import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { classNames } from '../../lib/class-names.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons.tsx';

const ITEM =
  'flex w-full items-center gap-2 rounded px-2.5 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:text-slate-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800';

/**
 * The card's action menu (Edit, Duplicate, Create alert on a metric widget, Delete): a menu button with arrow-key navigation, Escape
 * and outside click to close, focus returned to the button.
 */
export function CardMenu({
  widgetName,
  editHref,
  onDuplicate,
  onDelete,
  onCreateAlert,
}: {
  widgetName: string;
  editHref: string;
  onDuplicate: () => void;
  onDelete: () => void;
  /** Only for widgets that plot a metric (Cekura's "Create alert on this metric"). */
  onCreateAlert?: (() => void) | undefined;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target;
      if (
        target instanceof Node &&
        !menuRef.current?.contains(target) &&
        !buttonRef.current?.contains(target)
      )
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${widgetName}`}
        onClick={() => setOpen((value) => !value)}
        className={classNames(
          'rounded-md px-1.5 py-0.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100',
          FOCUS_RING,
        )}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={`Actions for ${widgetName}`}
          onKeyDown={(event) => {
            const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const index = items.findIndex((item) => item === document.activeElement);
            if (event.key === 'Escape' || event.key === 'Tab') {
              if (event.key === 'Escape') event.preventDefault();
              close();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              items[(index + step + items.length) % items.length]?.focus();
            }
          }}
          className="absolute right-0 z-20 mt-1 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <Link role="menuitem" to={editHref} className={ITEM} onClick={() => setOpen(false)}>
            <PencilIcon /> Edit
          </Link>
          <button
            role="menuitem"
            type="button"
            className={ITEM}
            onClick={() => {
              close();
              onDuplicate();
            }}
          >
            <CopyIcon /> Duplicate
          </button>
          {onCreateAlert ? (
            <button
              role="menuitem"
              type="button"
              className={ITEM}
              onClick={() => {
                close();
                onCreateAlert();
              }}
            >
              <span
                aria-hidden="true"
                className="w-4 text-center font-bold text-amber-600 dark:text-amber-400"
              >
                !
              </span>{' '}
              Create alert on this metric
            </button>
          ) : null}
          <button
            role="menuitem"
            type="button"
            className={classNames(ITEM, 'text-rose-600 dark:text-rose-400')}
            onClick={() => {
              close();
              onDelete();
            }}
          >
            <TrashIcon /> Delete
          </button>
        </div>
      ) : null}
    </div>
  );
}
