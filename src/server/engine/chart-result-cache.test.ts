import { insertTestCall } from '../test-support/analytics-rows.ts';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from '../app.ts';
import type { WidgetDataRequest, WidgetDataResult } from './chart-data.ts';
import {
  createResultCache,
  resultCacheFor,
  resultKey,
  type ResultCacheOptions,
} from './chart-result-cache.ts';
import { openDatabase } from '../db/open-database.ts';
import { QueryTimeoutError } from '../analytics/query-time-limit.ts';
import { seedDatabase } from '../seed/seed-database.ts';

const NOW = Date.parse('2026-08-20T12:00:00.000Z');

function request(overrides: Partial<WidgetDataRequest> = {}, at = NOW): WidgetDataRequest {
  return {
    widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' },
    filter: { field: 'timestamp', op: 'gte', value: 'today-7d' },
    projectIds: [1],
    now: new Date(at),
    metric: null,
    maxPoints: 500,
    ...overrides,
  };
}

function result(points: number, label = 'x'): WidgetDataResult {
  return {
    data: Array.from({ length: points }, (_, i) => ({ timestamp: `${label}${i}`, value: i })),
    display_name: label,
    data_type: 'numeric',
    can_group_by: true,
  };
}

/** A cache over a generation the test controls, and a compute that counts its calls. */
function harness(options: Partial<ResultCacheOptions> = {}) {
  let generation = 'g1';
  const cache = createResultCache(() => generation, {
    ttlMs: () => 10_000,
    maxEntries: 3,
    maxCachedPoints: 100,
    ...options,
  });
  const calls: AbortSignal[] = [];
  const compute =
    (points = 2) =>
    (signal: AbortSignal) => {
      calls.push(signal);
      return Promise.resolve(result(points, `r${calls.length}`));
    };
  return {
    cache,
    calls,
    compute,
    setGeneration: (next: string) => {
      generation = next;
    },
  };
}

describe('resultKey', () => {
  it.each<[string, Partial<WidgetDataRequest>]>([
    ['chart type', { widget: { chart_type: 'line', field: 'duration' } }],
    ['filter', { filter: { field: 'timestamp', op: 'gte', value: 'today-1d' } }],
    ['projects', { projectIds: [2] }],
    ['max_points', { maxPoints: 600 }],
    ['metric definition', { metric: null, widget: { chart_type: 'bar', field: 'duration', metric: 3 } }],
  ])('changes with the %s', (_name, overrides) => {
    expect(resultKey(request(overrides))).not.toBe(resultKey(request()));
  });

  it('does not change with the clock', () => {
    expect(resultKey(request({}, NOW + 5_000))).toBe(resultKey(request()));
  });
});

describe('createResultCache', () => {
  it('computes once for identical requests in flight and within the time to live', async () => {
    const { cache, calls, compute } = harness();
    const [a, b] = await Promise.all([cache.get(request(), compute()), cache.get(request(), compute())]);
    const c = await cache.get(request({}, NOW + 9_000), compute());
    expect(calls).toHaveLength(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(cache.stats).toEqual({ hits: 1, shared: 1, misses: 1 });
  });

  it.each<[string, number]>([
    ['older than the time to live', NOW + 10_001],
    ['a clock earlier than the computed instant', NOW - 1],
  ])('recomputes for a request %s', async (_name, at) => {
    const { cache, calls, compute } = harness();
    await cache.get(request(), compute());
    const again = await cache.get(request({}, at), compute());
    expect(calls).toHaveLength(2);
    expect(again.display_name).toBe('r2');
  });

  it('recomputes after any write (a new database generation)', async () => {
    const { cache, calls, compute, setGeneration } = harness();
    await cache.get(request(), compute());
    setGeneration('g2');
    expect((await cache.get(request(), compute())).display_name).toBe('r2');
    expect(calls).toHaveLength(2);
  });

  it('is off with a time to live of 0', async () => {
    const { cache, calls, compute } = harness({ ttlMs: () => 0 });
    await Promise.all([cache.get(request(), compute()), cache.get(request(), compute())]);
    expect(calls).toHaveLength(2);
  });

  it('does not remember a failure', async () => {
    const { cache, compute } = harness();
    await expect(cache.get(request(), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(cache.get(request(), compute())).resolves.toMatchObject({ display_name: 'r1' });
  });

  it('remembers a time-out within the time to live, so that a retry does not run the query again', async () => {
    const { cache, calls, compute, setGeneration } = harness();
    const timedOut = () => Promise.reject(new QueryTimeoutError(15_000));
    await expect(cache.get(request(), timedOut)).rejects.toThrow(QueryTimeoutError);
    await expect(cache.get(request({}, NOW + 3_000), compute())).rejects.toThrow(QueryTimeoutError);
    expect(calls).toHaveLength(0);
    // Past the time to live, or after a write, it is computed again.
    await expect(cache.get(request({}, NOW + 10_001), compute())).resolves.toMatchObject({
      display_name: 'r1',
    });
    await expect(cache.get(request({ maxPoints: 7 }), timedOut)).rejects.toThrow(QueryTimeoutError);
    setGeneration('g2');
    await expect(cache.get(request({ maxPoints: 7 }), compute())).resolves.toMatchObject({
      display_name: 'r2',
    });
  });

  it('shares a large series in flight but does not keep it', async () => {
    const { cache, calls, compute } = harness();
    await Promise.all([cache.get(request(), compute(101)), cache.get(request(), compute(101))]);
    await cache.get(request(), compute(101));
    expect(calls).toHaveLength(2);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { cache, calls, compute } = harness();
    for (const projectIds of [[1], [2], [3]]) await cache.get(request({ projectIds }), compute());
    await cache.get(request({ projectIds: [1] }), compute()); // [1] is now the most recent
    await cache.get(request({ projectIds: [4] }), compute()); // evicts [2]
    expect(calls).toHaveLength(4);
    await cache.get(request({ projectIds: [1] }), compute());
    expect(calls).toHaveLength(4);
    await cache.get(request({ projectIds: [2] }), compute());
    expect(calls).toHaveLength(5);
  });

  it('abandons the computation only when every waiter has gone', async () => {
    const { cache } = harness();
    let finish: (value: WidgetDataResult) => void = () => undefined;
    let seen: AbortSignal | null = null;
    const slow = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<WidgetDataResult>((resolve) => {
        finish = resolve;
      });
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.get(request(), slow, first.signal);
    const b = cache.get(request(), slow, second.signal);
    await Promise.resolve();
    first.abort();
    await expect(a).rejects.toThrow();
    expect(z.instanceof(AbortSignal).parse(seen).aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toThrow();
    expect(z.instanceof(AbortSignal).parse(seen).aborted).toBe(true);
    finish(result(1));
    // The abandoned computation is not reused.
    const fresh = await cache.get(request(), () => Promise.resolve(result(1, 'fresh')));
    expect(fresh.display_name).toBe('fresh');
  });

  it('answers a waiter that stays even when another leaves', async () => {
    const { cache } = harness();
    const leaving = new AbortController();
    const slow = () =>
      new Promise<WidgetDataResult>((resolve) => setTimeout(() => resolve(result(1, 'done')), 5));
    const a = cache.get(request(), slow, leaving.signal);
    const b = cache.get(request(), slow);
    leaving.abort();
    await expect(a).rejects.toThrow();
    await expect(b).resolves.toMatchObject({ display_name: 'done' });
  });
});

describe('shared results through the routes', () => {
  const KEY = 'ws_cache_test_key_0123456789abcdef';

  it('serves identical previews from one computation and sees a write made in between', async () => {
    const database = openDatabase(':memory:');
    try {
      seedDatabase(database, { calls: 800, now: new Date(NOW), apiKey: KEY });
      const app = createApp({ database, clock: () => new Date(NOW) });
      const count = async () => {
        const response = await app.request('http://localhost/dashboards/widgets/preview_data/', {
          method: 'POST',
          headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
          body: JSON.stringify({
            chart_type: 'stat',
            field: '',
            filters: { field: 'timestamp', op: 'gte', value: 'now-1h' },
          }),
        });
        expect(response.status).toBe(200);
        return z.object({ data: z.object({ total_calls: z.number() }) }).parse(await response.json()).data
          .total_calls;
      };
      const stats = resultCacheFor(database).stats;
      const before = await count();
      const misses = stats.misses;
      expect(await count()).toBe(before);
      expect(stats.misses).toBe(misses);
      expect(stats.hits).toBeGreaterThan(0);
      const project = z
        .object({ id: z.number() })
        .parse(database.sqlite.prepare('SELECT id FROM projects LIMIT 1').get());
      await insertTestCall(database.analytics, { project_id: project.id, ts_ms: NOW - 60_000 });
      expect(await count()).toBe(before + 1);
      expect(stats.misses).toBe(misses + 1);
    } finally {
      database.close();
    }
  });
});
