import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupField } from '../../contract/field-catalogue.ts';
import type { Filter, FilterOp } from '../../contract/filter-schema.ts';
import { validateFilter } from '../../contract/filter-validation.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { referenceMatchingIds } from '../test-support/engine-reference-filter.ts';
import {
  buildEngineFixture,
  compiledFilterIds,
  fixtureDimensions,
  FIXTURE_METADATA_KEYS,
  FIXTURE_POOLS,
  HOSTILE_STRINGS,
  insertEngineFixture,
} from '../test-support/engine-test-fixture.ts';

/**
 * Differential test: for random valid filter trees over the fixture's fields, the call ids the
 * compiled SQL selects equal the ids a plain JavaScript evaluator of the same tree selects.
 * fast-check prints the seed and the shrunk counterexample on failure.
 */

const fixture = buildEngineFixture();
let database: OpenDatabase;

beforeAll(async () => {
  database = openDatabase(':memory:');
  await insertEngineFixture(database, fixture);
});
afterAll(() => database.close());

// With the store's promoted metadata columns, as requests compile: `metadata.*` conditions read them.
const sqlIds = (filter: Filter, now: Date) =>
  compiledFilterIds(database, filter, now, {
    ...fixtureDimensions(fixture),
    metadataColumns: database.analytics.metadataColumns(),
  });

const textPool = (values: readonly (string | null)[]) => values.filter((v): v is string => v !== null);
const caseVariants = (values: string[]) => values.flatMap((v) => [v, v.toUpperCase(), v.toLowerCase()]);
/** Whole values, case variants, fragments and hostile strings: enough to hit and to miss. */
const textValue = (values: readonly (string | null)[]) => {
  const base = textPool(values);
  return fc.oneof(
    fc.constantFrom(...caseVariants(base)),
    fc
      .constantFrom(...base)
      .chain((v) =>
        fc
          .tuple(fc.nat({ max: Math.max(0, v.length - 1) }), fc.nat({ max: 4 }))
          .map(([start, length]) => v.slice(start, start + 1 + length)),
      ),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ maxLength: 3 }),
  );
};

const REGEXES = [
  '^A',
  'bot$',
  '^[A-Z][a-z]+$',
  '\\d+%',
  'ü',
  '.*',
  "'; DROP",
  '(?:Beta|Alpha)',
  '_sure_$',
  '^$',
];

const TEXT_VALUES: Record<string, readonly (string | null)[]> = {
  call_ended_reason: FIXTURE_POOLS.call_ended_reason,
  dropoff_point: FIXTURE_POOLS.dropoff_point,
  topic: FIXTURE_POOLS.topic,
  customer_number: FIXTURE_POOLS.customer_number,
  'agent.agent_name': fixture.agents.map((agent) => agent.agent_name),
  'metadata.region': FIXTURE_POOLS.region,
  'metadata.org_name': FIXTURE_POOLS.org_name,
  'metadata.call_type': FIXTURE_POOLS.call_type,
  'metadata.language': FIXTURE_POOLS.language,
  'metadata.missing_key': ['anything'],
  'metric_evaluations.metric.name': fixture.metrics.map((metric) => metric.name),
};

const durations = fixture.calls.map((call) => call.duration).filter((d): d is number => d !== null);
const callTimes = fixture.calls.map((call) => call.timestamp);

const timeValue = fc.oneof(
  fc.constant('now'),
  fc.constant('today'),
  fc
    .tuple(fc.constantFrom('now', 'today'), fc.integer({ min: 1, max: 45 }), fc.constantFrom('d', 'h'))
    .map(([anchor, n, unit]) => `${anchor}-${n}${unit}`),
  fc
    .tuple(fc.constantFrom('now', 'today'), fc.constantFrom('1w', '2w', '1M', '90m', '3600s'))
    .map(([a, u]) => `${a}-${u}`),
  fc.constantFrom(...callTimes),
  fc
    .integer({ min: 1, max: 40 })
    .map((day) => `2026-${day <= 20 ? '08' : '07'}-${String(day <= 20 ? day : day - 9).padStart(2, '0')}`),
);

const metricValue = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom(0.25, 0.5, 0.99, 250, 1000, 1999),
  fc.constantFrom(...FIXTURE_POOLS.sentiment),
  fc.boolean(),
);

function valueFor(field: string, op: FilterOp): fc.Arbitrary<unknown> {
  if (op === 'isnull') return fc.boolean();
  const one = scalarFor(field, op);
  if (op === 'in') return fc.array(one, { minLength: 1, maxLength: 4 });
  return one;
}

function scalarFor(field: string, op: FilterOp): fc.Arbitrary<unknown> {
  if (op === 'regex') return fc.constantFrom(...REGEXES);
  switch (field) {
    case 'id':
      return fc.integer({ min: 0, max: fixture.calls.length + 5 });
    case 'timestamp':
      return timeValue;
    case 'duration':
      return fc.oneof(fc.constantFrom(...durations), fc.double({ min: 0, max: 2000, noNaN: true }));
    case 'success':
    case 'is_reviewed':
      return fc.boolean();
    case 'agent.id':
      return fc.integer({ min: 0, max: 6 });
    case 'metric_evaluations.value':
      return metricValue;
    case 'metric_evaluations.metric.id':
      return fc.integer({ min: 0, max: 7 });
  }
  const pool = TEXT_VALUES[field];
  return pool ? textValue(pool) : fc.string();
}

const CALL_FIELDS = [
  'id',
  'timestamp',
  'duration',
  'success',
  'is_reviewed',
  'call_ended_reason',
  'dropoff_point',
  'topic',
  'customer_number',
  'agent.id',
  'agent.agent_name',
  ...FIXTURE_METADATA_KEYS.map((key) => `metadata.${key}`),
];
const METRIC_FIELDS = [
  'metric_evaluations.value',
  'metric_evaluations.metric.id',
  'metric_evaluations.metric.name',
];

function leafOf(fields: string[]): fc.Arbitrary<Filter> {
  return fc.constantFrom(...fields).chain((field) => {
    const ops = lookupField(field)?.filterOps ?? [];
    return fc
      .constantFrom(...ops)
      .chain((op) => valueFor(field, op).map((value): Filter => ({ field, op, value })));
  });
}

const sameRowGroup: fc.Arbitrary<Filter> = fc
  .array(leafOf(METRIC_FIELDS), { minLength: 1, maxLength: 3 })
  .map((conditions) => ({ operator: 'same_row', conditions }));

const filterTree = fc.letrec<{ node: Filter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafOf([...CALL_FIELDS, ...METRIC_FIELDS]),
    sameRowGroup,
    fc
      .record({
        operator: fc.constantFrom('and' as const, 'or' as const),
        conditions: fc.array(tie('node'), { minLength: 0, maxLength: 4 }),
      })
      .map((group): Filter => group),
  ),
})).node;

describe('compileFilter differential test', () => {
  // Hundreds of generated cases against DuckDB: minutes on a loaded 2-core machine, not a hang.
  it('selects exactly the calls the JavaScript reference selects', async () => {
    await fc.assert(
      fc.asyncProperty(filterTree, fc.integer({ min: -36, max: 36 }), async (filter, hourShift) => {
        // Only filters the contract accepts reach the engine (the routes validate first).
        fc.pre(validateFilter(filter).length === 0);
        // Move `now` by whole hours so relative values land on different calls across runs.
        const now = new Date(fixture.now.getTime() + hourShift * 3_600_000);
        expect(await sqlIds(filter, now)).toEqual(referenceMatchingIds(filter, fixture, now));
      }),
      { numRuns: 600 },
    );
  }, 180_000);

  it('generates filters that select something often enough to be meaningful', () => {
    // Guards the generator itself: a test where every tree matched nothing (or everything) could not fail.
    const samples = fc.sample(filterTree, { numRuns: 300, seed: 42 });
    const sizes = samples.map((filter) => referenceMatchingIds(filter, fixture, fixture.now).length);
    const partial = sizes.filter((size) => size > 0 && size < fixture.calls.length).length;
    expect(partial).toBeGreaterThan(60);
  });
});
