import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from './focus-ring.ts';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons.tsx';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastOptions {
  tone?: ToastTone;
  title: string;
  description?: string;
  /** One action button, e.g. Undo. Clicking it also dismisses the toast. */
  action?: { label: string; onClick: () => void };
  /** Auto-dismiss delay; errors stay longer by default. `null` keeps the toast until dismissed. */
  durationMs?: number | null;
}

interface ToastItem extends ToastOptions {
  id: number;
  tone: ToastTone;
}

export interface ToastApi {
  show: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Registers an open modal dialog as the place for the toasts; returns the unregister function. */
type RegisterToastHost = (host: HTMLElement) => () => void;
const ToastHostContext = createContext<RegisterToastHost>(() => () => undefined);

/**
 * For modal dialogs: while `host` (an open `<dialog>`) is registered the toasts are drawn inside it.
 * A modal dialog sits in the top layer and makes the rest of the page inert, so a toast outside it
 * would show under its backdrop and could not be dismissed.
 */
export function useToastHost(): RegisterToastHost {
  return useContext(ToastHostContext);
}

const DEFAULT_DURATION: Record<ToastTone, number> = { success: 5000, info: 5000, error: 10000 };
const MAX_VISIBLE = 4;

/**
 * Holds the toasts and renders them in a live region at the bottom right: on the page, or inside the
 * topmost open modal dialog (`useToastHost`), so they are above its backdrop and can be dismissed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [hosts, setHosts] = useState<readonly HTMLElement[]>([]);
  const nextId = useRef(1);
  const registerHost = useCallback<RegisterToastHost>((host) => {
    setHosts((current) => [...current, host]);
    return () => setHosts((current) => current.filter((other) => other !== host));
  }, []);
  const host = hosts.at(-1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((options: ToastOptions) => {
    const id = nextId.current++;
    const item: ToastItem = { ...options, id, tone: options.tone ?? 'info' };
    setToasts((current) => [...current, item].slice(-MAX_VISIBLE));
    return id;
  }, []);

  const api = useMemo<ToastApi>(() => ({ show, dismiss }), [show, dismiss]);

  const region = (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-50 m-0 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 text-left"
    >
      {/* Status messages are polite; error toasts add role="alert" themselves. */}
      <div role="status" aria-live="polite" className="flex flex-col gap-2">
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </section>
  );

  return (
    <ToastContext.Provider value={api}>
      <ToastHostContext.Provider value={registerHost}>{children}</ToastHostContext.Provider>
      {host ? createPortal(region, host) : region}
    </ToastContext.Provider>
  );
}

const TONE_ICON: Record<ToastTone, ReactNode> = {
  success: <CheckIcon className="size-5 text-emerald-600 dark:text-emerald-400" />,
  error: <AlertIcon className="size-5 text-rose-600 dark:text-rose-400" />,
  info: <InfoIcon className="size-5 text-indigo-600 dark:text-indigo-400" />,
};

function ToastCard({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const duration = toast.durationMs === undefined ? DEFAULT_DURATION[toast.tone] : toast.durationMs;

  useEffect(() => {
    if (duration === null || paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), duration);
    return () => clearTimeout(timer);
  }, [duration, paused, onDismiss, toast.id]);

  return (
    <div
      role={toast.tone === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <span className="mt-0.5 shrink-0">{TONE_ICON[toast.tone]}</span>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900 dark:text-slate-100">{toast.title}</p>
        {toast.description ? (
          <p className="mt-0.5 break-words text-slate-600 dark:text-slate-400">{toast.description}</p>
        ) : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          className={classNames(
            'shrink-0 rounded-md px-2 py-1 font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-slate-800',
            FOCUS_RING,
          )}
          onClick={() => {
            toast.action?.onClick();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss notification"
        className={classNames(
          'shrink-0 rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800 dark:hover:text-slate-200',
          FOCUS_RING,
        )}
        onClick={() => onDismiss(toast.id)}
      >
        <CloseIcon />
      </button>
    </div>
  );
}

/** `show({ tone, title, description, action })` and `dismiss(id)`; needs a ToastProvider above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it.');
  return api;
}
