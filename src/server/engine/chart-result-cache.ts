import type BetterSqlite3 from 'better-sqlite3';
import type { EngineStores, WidgetDataRequest, WidgetDataResult } from './chart-data.ts';
import { QueryTimeoutError } from '../analytics/query-time-limit.ts';

/**
 * Shared chart results (docs/decisions/0006). Ten analysts opening one dashboard ask for identical
 * data; so do the 50 cards of a dashboard that repeats a widget, and an editor that toggles Line ↔ Bar.
 * One computation serves them all:
 *
 * - **In flight:** a request identical to one being computed waits for that computation (single
 *   flight). The computation is abandoned (dropped from the worker queue) only when every waiter has
 *   gone.
 * - **Recent:** a finished result is reused for `ttlMs` of request-clock time after the instant it
 *   was computed for, so relative windows ("now", "today-7d") are at most `ttlMs` old, and never for
 *   a request whose clock is earlier than that instant.
 * - **Exact otherwise:** the key is the whole request but its clock (widget, effective filter,
 *   projects, metric definition, max_points), and a result counts only while both stores are at the
 *   generation it was computed at: every committed write to SQLite (an agent renamed: `total_changes()`
 *   and `PRAGMA data_version`) or to the analytics store (calls seeded or ingested) makes every older
 *   result a miss.
 *
 * Large series (over `maxCachedPoints` points) are shared in flight but not kept. Failures are not
 * kept either, except a time-out (docs/decisions/0009), which answers the same for `ttlMs`.
 */
export interface ResultCacheOptions {
  /** Read on every request, so that a test or an operator can change it at run time. */
  ttlMs: () => number;
  maxEntries: number;
  maxCachedPoints: number;
}

export type ComputeShared = (signal: AbortSignal) => Promise<WidgetDataResult>;

interface Entry {
  now: number;
  generation: string;
  promise: Promise<WidgetDataResult>;
  settled: boolean;
  waiters: number;
  controller: AbortController;
}

export interface ResultCache {
  /** The result for `request`: shared, recent or computed by `compute` (which gets a signal). */
  get(request: WidgetDataRequest, compute: ComputeShared, signal?: AbortSignal): Promise<WidgetDataResult>;
  readonly stats: { hits: number; shared: number; misses: number };
}

/** The request as a key: every input of the computation except the clock. */
export function resultKey(request: WidgetDataRequest): string {
  const { widget, filter, projectIds, metric, maxPoints } = request;
  return JSON.stringify([
    widget.chart_type,
    widget.field ?? null,
    widget.metric ?? null,
    widget.aggregation_function ?? null,
    widget.time_period ?? null,
    widget.group_by ?? null,
    widget.data_type ?? null,
    filter,
    projectIds,
    metric,
    maxPoints ?? null,
  ]);
}

function pointsOf(result: WidgetDataResult): number {
  return Array.isArray(result.data) ? result.data.length : 1;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The request was aborted.', 'AbortError');
}

/** Resolves like `promise`, or rejects as soon as `signal` aborts; `onAbort` runs once if it does. */
function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(abortError(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function createResultCache(generationOf: () => string, options: ResultCacheOptions): ResultCache {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, shared: 0, misses: 0 };

  const usable = (entry: Entry, now: number, generation: string) =>
    entry.generation === generation && now >= entry.now && now - entry.now <= options.ttlMs();

  const join = (key: string, entry: Entry, signal: AbortSignal | undefined) => {
    entry.waiters += 1;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      entry.waiters -= 1;
      if (entry.waiters === 0 && !entry.settled) {
        entry.controller.abort();
        if (entries.get(key) === entry) entries.delete(key);
      }
    };
    return untilAborted(entry.promise, signal, leave).finally(leave);
  };

  return {
    stats,
    get(request, compute, signal) {
      if (options.ttlMs() <= 0) return compute(signal ?? new AbortController().signal);
      const key = resultKey(request);
      const now = request.now.getTime();
      const generation = generationOf();
      const found = entries.get(key);
      if (found && usable(found, now, generation)) {
        if (found.settled) stats.hits += 1;
        else stats.shared += 1;
        // Most recently used last: the Map's order is the eviction order.
        entries.delete(key);
        entries.set(key, found);
        return join(key, found, signal);
      }
      stats.misses += 1;
      const controller = new AbortController();
      const entry: Entry = {
        now,
        generation,
        promise: Promise.resolve().then(() => compute(controller.signal)),
        settled: false,
        waiters: 0,
        controller,
      };
      entry.promise.then(
        (result) => {
          entry.settled = true;
          if (pointsOf(result) > options.maxCachedPoints && entries.get(key) === entry) entries.delete(key);
        },
        (error: unknown) => {
          entry.settled = true;
          // Failures are not remembered (the next request computes again), except a time-out: the
          // same query would run into the limit again, and clients retry 5xx answers at once.
          if (!(error instanceof QueryTimeoutError) && entries.get(key) === entry) entries.delete(key);
        },
      );
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return join(key, entry, signal);
    },
  };
}

/** WIDGET_STUDIO_RESULT_CACHE_MS (0 = off); 10 s by default. */
export function resultCacheTtlMs(): number {
  const raw = process.env.WIDGET_STUDIO_RESULT_CACHE_MS?.trim() ?? '';
  const value = Number(raw);
  return raw !== '' && Number.isFinite(value) && value >= 0 ? value : 10_000;
}

const caches = new WeakMap<BetterSqlite3.Database, ResultCache>();

/** The generation of a connection's database: changes with any committed write, ours or another's. */
export function databaseGeneration(sqlite: BetterSqlite3.Database): () => string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  return () => `${String(changes.get())}/${String(sqlite.pragma('data_version', { simple: true }))}`;
}

/** The generation of both stores a chart reads. */
export function storesGeneration(stores: EngineStores): () => string {
  const sqlite = databaseGeneration(stores.sqlite);
  return () => `${sqlite()}/${String(stores.analytics.generation())}`;
}

/** The result cache of one pair of stores (created on first use). */
export function resultCacheFor(stores: EngineStores): ResultCache {
  let cache = caches.get(stores.sqlite);
  if (!cache) {
    cache = createResultCache(storesGeneration(stores), {
      ttlMs: resultCacheTtlMs,
      maxEntries: 512,
      maxCachedPoints: 20_000,
    });
    caches.set(stores.sqlite, cache);
  }
  return cache;
}
