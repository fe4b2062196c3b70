import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import { Link } from 'react-router';
import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from './focus-ring.ts';

const ITEM =
  'flex w-full items-center gap-2 rounded px-2.5 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:text-slate-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800';

export interface MenuItem {
  label: string;
  Icon?: ComponentType<{ className?: string }>;
  /** A link (Edit), or an action. */
  href?: string;
  onSelect?: () => void;
  danger?: boolean;
  /** Why the item cannot be chosen now: it stays in the menu, focusable, with this as its description. */
  disabledReason?: string;
}

/**
 * A menu button (⋯ or ⋮) with its items: arrow-key navigation, Escape, Tab and outside click to close,
 * focus returned to the button. `label` names both ("Actions for Calls per day").
 */
export function MenuButton({
  label,
  items,
  glyph = '⋯',
  className,
  buttonClassName,
  buttonData,
}: {
  label: string;
  items: readonly MenuItem[];
  glyph?: '⋯' | '⋮';
  className?: string;
  /** Replaces the button's own look (e.g. to match a toolbar's icon buttons). */
  buttonClassName?: string;
  /** `data-*` attributes of the button (a host's focus bookkeeping). */
  buttonData?: Readonly<Record<`data-${string}`, string>>;
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
    <div className={classNames('relative', className)}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
        {...buttonData}
        className={
          buttonClassName ??
          classNames(
            'rounded-md px-1.5 py-0.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100',
            FOCUS_RING,
          )
        }
      >
        <span aria-hidden="true">{glyph}</span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={(event) => {
            const found = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const index = found.findIndex((item) => item === document.activeElement);
            if (event.key === 'Escape' || event.key === 'Tab') {
              if (event.key === 'Escape') event.preventDefault();
              close();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              found[(index + step + found.length) % found.length]?.focus();
            }
          }}
          className="absolute right-0 z-20 mt-1 w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map(({ label: text, Icon, href, onSelect, danger, disabledReason }) => {
            const itemClass = classNames(
              ITEM,
              danger && 'text-rose-600 dark:text-rose-400',
              disabledReason !== undefined && 'cursor-not-allowed opacity-50',
            );
            const content = (
              <>
                {Icon ? <Icon /> : null} {text}
              </>
            );
            return href !== undefined ? (
              <Link key={text} role="menuitem" to={href} className={itemClass} onClick={() => setOpen(false)}>
                {content}
              </Link>
            ) : (
              <button
                key={text}
                role="menuitem"
                type="button"
                className={itemClass}
                aria-disabled={disabledReason !== undefined || undefined}
                aria-description={disabledReason}
                title={disabledReason}
                onClick={() => {
                  if (disabledReason !== undefined) return;
                  close();
                  onSelect?.();
                }}
              >
                {content}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
