import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../contract/filter-schema.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { referenceMatchingIds } from '../test-support/engine-reference-filter.ts';
import {
  buildEngineFixture,
  compiledFilterIds,
  fixtureDimensions,
  HOSTILE_STRINGS,
  insertEngineFixture,
} from '../test-support/engine-test-fixture.ts';
import { compileFilter, NO_DIMENSIONS, type Dimensions } from './filter-sql.ts';
import { countAnalyticsRows } from '../test-support/analytics-rows.ts';

const now = new Date('2026-08-20T15:30:00.000Z');
const fixture = buildEngineFixture();
const dimensions = fixtureDimensions(fixture);
let database: OpenDatabase;

beforeAll(async () => {
  database = openDatabase(':memory:');
  await insertEngineFixture(database, fixture);
});
afterAll(() => database.close());

const matchingIds = (filter: Filter) => compiledFilterIds(database, filter, now, dimensions);
const compile = (filter: Filter, names: Dimensions = NO_DIMENSIONS) =>
  compileFilter(filter, { now, dimensions: names });

const NUMBER = 'TRY_CAST(? AS DOUBLE)';
const TEXT = 'CAST(? AS VARCHAR)';
const TIME = 'TRY_CAST(? AS BIGINT)';
const EXISTS = 'EXISTS (SELECT 1 FROM metric_evaluations me WHERE me.call_id = c.id AND';

describe('compileFilter: DuckDB SQL of every op', () => {
  const cases: [string, Filter, string, unknown[]][] = [
    ['eq number', { field: 'duration', op: 'eq', value: 12.5 }, `c.duration = ${NUMBER}`, [12.5]],
    ['eq boolean as 1/0', { field: 'success', op: 'eq', value: true }, `c.success = ${NUMBER}`, [1]],
    ['eq false as 0', { field: 'is_reviewed', op: 'eq', value: false }, `c.is_reviewed = ${NUMBER}`, [0]],
    [
      'neq is IS DISTINCT FROM',
      { field: 'topic', op: 'neq', value: 'billing' },
      `c.topic IS DISTINCT FROM ${TEXT}`,
      ['billing'],
    ],
    ['gt', { field: 'id', op: 'gt', value: 10 }, `c.id > ${NUMBER}`, [10]],
    ['gte', { field: 'id', op: 'gte', value: 10 }, `c.id >= ${NUMBER}`, [10]],
    ['lt', { field: 'duration', op: 'lt', value: 3 }, `c.duration < ${NUMBER}`, [3]],
    ['lte', { field: 'duration', op: 'lte', value: 3 }, `c.duration <= ${NUMBER}`, [3]],
    [
      'contains folds case on both sides, wildcards are plain text',
      { field: 'topic', op: 'contains', value: '50%_a\\b' },
      `contains(lower(CAST(c.topic AS VARCHAR)), lower(${TEXT}))`,
      ['50%_a\\b'],
    ],
    [
      'startswith',
      { field: 'customer_number', op: 'startswith', value: '+1' },
      `starts_with(lower(CAST(c.customer_number AS VARCHAR)), lower(${TEXT}))`,
      ['+1'],
    ],
    [
      'endswith on an agent name without known agents reads NULL',
      { field: 'agent.agent_name', op: 'endswith', value: 'bot' },
      `ends_with(lower(CAST(CAST(NULL AS VARCHAR) AS VARCHAR)), lower(${TEXT}))`,
      ['bot'],
    ],
    [
      'in',
      { field: 'agent.id', op: 'in', value: [1, 2, 3] },
      `c.agent_id IN (${NUMBER}, ${NUMBER}, ${NUMBER})`,
      [1, 2, 3],
    ],
    ['empty in matches nothing', { field: 'agent.id', op: 'in', value: [] }, 'FALSE', []],
    ['isnull true', { field: 'topic', op: 'isnull', value: true }, 'c.topic IS NULL', []],
    ['isnull false', { field: 'success', op: 'isnull', value: false }, 'c.success IS NOT NULL', []],
    [
      'regex is DuckDB RE2',
      { field: 'topic', op: 'regex', value: '^B' },
      `regexp_matches(CAST(c.topic AS VARCHAR), ${TEXT})`,
      ['^B'],
    ],
    [
      'metadata key as a bound JSON path',
      { field: 'metadata.region', op: 'eq', value: 'US' },
      `json_extract_string(c.metadata, ?) = ${TEXT}`,
      ['$.region', 'US'],
    ],
    [
      'timestamp relative to now',
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
      `c.ts_ms >= ${TIME}`,
      [now.getTime() - 7 * 86_400_000],
    ],
    [
      'timestamp today snaps to the end of day for lte',
      { field: 'timestamp', op: 'lte', value: 'today' },
      `c.ts_ms <= ${TIME}`,
      [Date.parse('2026-08-20T23:59:59.999Z')],
    ],
    [
      'metric number compares value_num',
      { field: 'metric_evaluations.value', op: 'gte', value: 4 },
      `${EXISTS} me.value_num >= ${NUMBER})`,
      [4],
    ],
    [
      'metric boolean compares value_text',
      { field: 'metric_evaluations.value', op: 'eq', value: true },
      `${EXISTS} me.value_text = ${TEXT})`,
      ['true'],
    ],
    ['unknown field matches nothing', { field: 'nope', op: 'eq', value: 1 }, 'FALSE', []],
  ];
  it.each(cases)('%s', (_name, filter, sql, params) => {
    expect(compile(filter)).toEqual({ sql, params });
  });

  it('looks names up by id with every id and name bound', () => {
    const names: Dimensions = {
      agentNames: new Map([[4, "Bob'); DROP TABLE calls; --"]]),
      metricNames: new Map([
        [7, 'CSAT'],
        [8, 'Latency'],
      ]),
    };
    expect(compile({ field: 'agent.agent_name', op: 'eq', value: 'Bob' }, names)).toEqual({
      sql: `(CASE c.agent_id WHEN ? THEN ? ELSE CAST(NULL AS VARCHAR) END) = ${TEXT}`,
      params: [4, "Bob'); DROP TABLE calls; --", 'Bob'],
    });
    expect(compile({ field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' }, names)).toEqual({
      sql: `${EXISTS} (CASE me.metric_id WHEN ? THEN ? WHEN ? THEN ? ELSE CAST(NULL AS VARCHAR) END) = ${TEXT})`,
      params: [7, 'CSAT', 8, 'Latency', 'CSAT'],
    });
  });

  it('joins and/or with parentheses and keeps parameter order', () => {
    const filter: Filter = {
      operator: 'and',
      conditions: [
        { field: 'success', op: 'eq', value: true },
        {
          operator: 'or',
          conditions: [
            { field: 'duration', op: 'gte', value: 120 },
            { field: 'call_ended_reason', op: 'contains', value: 'timeout' },
          ],
        },
      ],
    };
    expect(compile(filter)).toEqual({
      sql: `(c.success = ${NUMBER} AND (c.duration >= ${NUMBER} OR contains(lower(CAST(c.call_ended_reason AS VARCHAR)), lower(${TEXT}))))`,
      params: [1, 120, 'timeout'],
    });
  });

  it('compiles same_row as ONE existential subquery over a single evaluation row', () => {
    const filter: Filter = {
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.id', op: 'eq', value: 3 },
        { field: 'metric_evaluations.value', op: 'gte', value: 4 },
      ],
    };
    const { sql, params } = compile(filter);
    expect(sql.match(/EXISTS/g)).toHaveLength(1);
    expect(sql).toBe(`${EXISTS} (me.metric_id = ${NUMBER} AND me.value_num >= ${NUMBER}))`);
    expect(params).toEqual([3, 4]);
  });

  it('gives empty groups their neutral element', () => {
    expect(compile({ operator: 'and', conditions: [] }).sql).toBe('TRUE');
    expect(compile({ operator: 'or', conditions: [] }).sql).toBe('FALSE');
  });

  it('never puts a user value into the SQL text', () => {
    for (const hostile of HOSTILE_STRINGS) {
      for (const field of ['topic', 'metadata.org_name', 'agent.agent_name', 'metric_evaluations.value']) {
        for (const op of ['eq', 'neq', 'contains', 'in'] as const) {
          const wrap = (text: string) => (op === 'in' ? [text] : text);
          const hostileSql = compile({ field, op, value: wrap(hostile) }, dimensions);
          const benignSql = compile({ field, op, value: wrap('x') }, dimensions);
          // The SQL text does not depend on the value; the value travels as a parameter.
          expect(hostileSql.sql).toBe(benignSql.sql);
          expect(hostileSql.params).toContain(hostile);
        }
      }
    }
  });
});

describe('compileFilter: results on the fixture', () => {
  const cases: [string, Filter][] = [
    ['neq keeps nulls (IS DISTINCT FROM)', { field: 'topic', op: 'neq', value: 'billing' }],
    ['contains is case-insensitive', { field: 'topic', op: 'contains', value: 'BILL' }],
    ['contains folds Unicode case (Ü = ü)', { field: 'topic', op: 'contains', value: 'üNÏCÖDÉ' }],
    ['startswith folds Unicode case', { field: 'agent.agent_name', op: 'startswith', value: 'ünï' }],
    ['a lone % is matched literally', { field: 'topic', op: 'eq', value: '%' }],
    ['contains % is literal, not a wildcard', { field: 'metadata.org_name', op: 'contains', value: '%' }],
    ['contains _ is literal, not a wildcard', { field: 'dropoff_point', op: 'contains', value: '_' }],
    ['startswith with a quote', { field: 'topic', op: 'startswith', value: "O'" }],
    ['backslash is data', { field: 'customer_number', op: 'contains', value: 'k\\s' }],
    ['SQL in a value is data', { field: 'call_ended_reason', op: 'eq', value: HOSTILE_STRINGS[0] }],
    ['SQL in an agent name is data', { field: 'agent.agent_name', op: 'contains', value: 'DROP TABLE' }],
    ['unicode eq', { field: 'topic', op: 'eq', value: 'Ünïcödé Straße' }],
    ['unicode contains', { field: 'metadata.org_name', op: 'contains', value: '🎉' }],
    [
      'metadata isnull covers missing keys, JSON null and null metadata',
      { field: 'metadata.region', op: 'isnull', value: true },
    ],
    ['metadata key that never exists', { field: 'metadata.missing_key', op: 'isnull', value: false }],
    ['metadata in', { field: 'metadata.region', op: 'in', value: ['US', 'EU'] }],
    ['regex on agent names', { field: 'agent.agent_name', op: 'regex', value: '^[A-Z][a-z]+$' }],
    ['regex metacharacters', { field: 'agent.agent_name', op: 'regex', value: '\\d+% _' }],
    ['agent.id in', { field: 'agent.id', op: 'in', value: [1, 4] }],
    ['agent.id neq includes calls without an agent', { field: 'agent.id', op: 'neq', value: 1 }],
    ['agent name neq includes calls without an agent', { field: 'agent.agent_name', op: 'neq', value: 'x' }],
    ['success neq true includes unknown success', { field: 'success', op: 'neq', value: true }],
    ['timestamp today-7d', { field: 'timestamp', op: 'gte', value: 'today-7d' }],
    ['timestamp absolute', { field: 'timestamp', op: 'lt', value: '2026-08-01T00:00:00Z' }],
    ['metric value neq (existential)', { field: 'metric_evaluations.value', op: 'neq', value: 3 }],
    ['metric value in mixed', { field: 'metric_evaluations.value', op: 'in', value: [5, 'negative', true] }],
    [
      'metric name contains a wildcard',
      { field: 'metric_evaluations.metric.name', op: 'contains', value: '%_' },
    ],
    ['metric value boolean', { field: 'metric_evaluations.value', op: 'eq', value: false }],
  ];
  it.each(cases)('%s', async (_name, filter) => {
    expect(await matchingIds(filter)).toEqual(referenceMatchingIds(filter, fixture, now));
  });

  it('the hostile-string and Unicode cases really match something (so they can fail)', async () => {
    expect(
      (await matchingIds({ field: 'call_ended_reason', op: 'eq', value: HOSTILE_STRINGS[0] })).length,
    ).toBeGreaterThan(0);
    expect((await matchingIds({ field: 'topic', op: 'eq', value: '%' })).length).toBeGreaterThan(0);
    const literalPercent = await matchingIds({ field: 'topic', op: 'contains', value: '%' });
    const everyTopic = await matchingIds({ field: 'topic', op: 'isnull', value: false });
    expect(literalPercent.length).toBeGreaterThan(0);
    expect(literalPercent.length).toBeLessThan(everyTopic.length);
    const folded = await matchingIds({ field: 'topic', op: 'contains', value: 'üNÏCÖDÉ' });
    expect(folded.length).toBeGreaterThan(0);
    expect(folded).toEqual(await matchingIds({ field: 'topic', op: 'eq', value: 'Ünïcödé Straße' }));
    expect(await countAnalyticsRows(database, 'calls')).toBe(fixture.calls.length);
  });

  it('same_row differs from and when the leaves hold on different rows', async () => {
    const leaves: Filter[] = [
      { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
      { field: 'metric_evaluations.value', op: 'eq', value: 'positive' },
    ];
    const sameRow = await matchingIds({ operator: 'same_row', conditions: leaves });
    const anded = await matchingIds({ operator: 'and', conditions: leaves });
    expect(sameRow).toEqual([]);
    expect(anded.length).toBeGreaterThan(0);
    expect(sameRow).toEqual(referenceMatchingIds({ operator: 'same_row', conditions: leaves }, fixture, now));
    expect(anded).toEqual(referenceMatchingIds({ operator: 'and', conditions: leaves }, fixture, now));
  });
});
