import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../contract/filter-schema.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { referenceMatchingIds } from './engine-reference-filter.ts';
import { buildEngineFixture, HOSTILE_STRINGS, insertEngineFixture } from './engine-test-fixture.ts';
import { compileFilter, escapeLike, registerSqlFunctions } from './filter-sql.ts';

const now = new Date('2026-08-20T15:30:00.000Z');
const fixture = buildEngineFixture();
let database: OpenDatabase;

beforeAll(() => {
  database = openDatabase(':memory:');
  registerSqlFunctions(database.sqlite);
  insertEngineFixture(database.sqlite, fixture);
});
afterAll(() => database.close());

function matchingIds(filter: Filter): number[] {
  const { sql, params } = compileFilter(filter, { now });
  return database.sqlite
    .prepare(`SELECT c.id FROM calls c WHERE ${sql} ORDER BY c.id`)
    .pluck()
    .all(...params)
    .map(Number);
}

describe('compileFilter: SQL shape of every op', () => {
  const cases: [string, Filter, string, unknown[]][] = [
    ['eq number', { field: 'duration', op: 'eq', value: 12.5 }, 'c.duration = ?', [12.5]],
    ['eq boolean as 1/0', { field: 'success', op: 'eq', value: true }, 'c.success = ?', [1]],
    ['eq false as 0', { field: 'is_reviewed', op: 'eq', value: false }, 'c.is_reviewed = ?', [0]],
    ['neq is IS NOT', { field: 'topic', op: 'neq', value: 'billing' }, 'c.topic IS NOT ?', ['billing']],
    ['gt', { field: 'id', op: 'gt', value: 10 }, 'c.id > ?', [10]],
    ['gte', { field: 'id', op: 'gte', value: 10 }, 'c.id >= ?', [10]],
    ['lt', { field: 'duration', op: 'lt', value: 3 }, 'c.duration < ?', [3]],
    ['lte', { field: 'duration', op: 'lte', value: 3 }, 'c.duration <= ?', [3]],
    [
      'contains escapes wildcards',
      { field: 'topic', op: 'contains', value: '50%_a\\b' },
      "c.topic LIKE ? ESCAPE '\\'",
      ['%50\\%\\_a\\\\b%'],
    ],
    [
      'startswith',
      { field: 'customer_number', op: 'startswith', value: '+1' },
      "c.customer_number LIKE ? ESCAPE '\\'",
      ['+1%'],
    ],
    [
      'endswith',
      { field: 'agent.agent_name', op: 'endswith', value: 'bot' },
      "(SELECT a.agent_name FROM agents a WHERE a.id = c.agent_id) LIKE ? ESCAPE '\\'",
      ['%bot'],
    ],
    ['in', { field: 'agent.id', op: 'in', value: [1, 2, 3] }, 'c.agent_id IN (?, ?, ?)', [1, 2, 3]],
    ['empty in matches nothing', { field: 'agent.id', op: 'in', value: [] }, '0', []],
    ['isnull true', { field: 'topic', op: 'isnull', value: true }, 'c.topic IS NULL', []],
    ['isnull false', { field: 'success', op: 'isnull', value: false }, 'c.success IS NOT NULL', []],
    [
      'regex through the registered function',
      { field: 'agent.agent_name', op: 'regex', value: '^B' },
      'regexp(?, (SELECT a.agent_name FROM agents a WHERE a.id = c.agent_id))',
      ['^B'],
    ],
    [
      'metadata key as a bound JSON path',
      { field: 'metadata.region', op: 'eq', value: 'US' },
      'json_extract(c.metadata, ?) = ?',
      ['$.region', 'US'],
    ],
    [
      'timestamp relative to now',
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
      'c.ts_ms >= ?',
      [now.getTime() - 7 * 86_400_000],
    ],
    [
      'timestamp today snaps to the end of day for lte',
      { field: 'timestamp', op: 'lte', value: 'today' },
      'c.ts_ms <= ?',
      [Date.parse('2026-08-20T23:59:59.999Z')],
    ],
    [
      'metric number compares value_num',
      { field: 'metric_evaluations.value', op: 'gte', value: 4 },
      'EXISTS (SELECT 1 FROM metric_evaluations me WHERE me.call_id = c.id AND me.value_num >= ?)',
      [4],
    ],
    [
      'metric boolean compares value_text',
      { field: 'metric_evaluations.value', op: 'eq', value: true },
      'EXISTS (SELECT 1 FROM metric_evaluations me WHERE me.call_id = c.id AND me.value_text = ?)',
      ['true'],
    ],
    [
      'metric name joins metrics',
      { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
      'EXISTS (SELECT 1 FROM metric_evaluations me JOIN metrics m ON m.id = me.metric_id WHERE me.call_id = c.id AND m.name = ?)',
      ['CSAT'],
    ],
    ['unknown field matches nothing', { field: 'nope', op: 'eq', value: 1 }, '0', []],
  ];
  it.each(cases)('%s', (_name, filter, sql, params) => {
    expect(compileFilter(filter, { now })).toEqual({ sql, params });
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
    expect(compileFilter(filter, { now })).toEqual({
      sql: "(c.success = ? AND (c.duration >= ? OR c.call_ended_reason LIKE ? ESCAPE '\\'))",
      params: [1, 120, '%timeout%'],
    });
  });

  it('compiles same_row as ONE existential subquery over a single evaluation row', () => {
    const filter: Filter = {
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
        { field: 'metric_evaluations.value', op: 'gte', value: 4 },
      ],
    };
    const { sql, params } = compileFilter(filter, { now });
    expect(sql.match(/EXISTS/g)).toHaveLength(1);
    expect(sql).toBe(
      'EXISTS (SELECT 1 FROM metric_evaluations me JOIN metrics m ON m.id = me.metric_id WHERE me.call_id = c.id AND (m.name = ? AND me.value_num >= ?))',
    );
    expect(params).toEqual(['CSAT', 4]);
  });

  it('gives empty groups their neutral element', () => {
    expect(compileFilter({ operator: 'and', conditions: [] }, { now }).sql).toBe('1');
    expect(compileFilter({ operator: 'or', conditions: [] }, { now }).sql).toBe('0');
  });

  it('escapes every LIKE wildcard and the escape character', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    expect(escapeLike('plain')).toBe('plain');
  });

  it('never puts a user value into the SQL text', () => {
    for (const hostile of HOSTILE_STRINGS) {
      for (const field of ['topic', 'metadata.org_name', 'agent.agent_name', 'metric_evaluations.value']) {
        for (const op of ['eq', 'neq', 'contains', 'in'] as const) {
          const wrap = (text: string) => (op === 'in' ? [text] : text);
          const hostileSql = compileFilter({ field, op, value: wrap(hostile) }, { now });
          const benignSql = compileFilter({ field, op, value: wrap('x') }, { now });
          // The SQL text does not depend on the value; the value travels as a parameter.
          expect(hostileSql.sql).toBe(benignSql.sql);
          if (op !== 'contains') expect(hostileSql.params).toContain(hostile);
        }
      }
    }
  });
});

describe('compileFilter: results on the fixture', () => {
  const cases: [string, Filter][] = [
    ['neq keeps nulls (IS NOT)', { field: 'topic', op: 'neq', value: 'billing' }],
    ['contains is ASCII case-insensitive', { field: 'topic', op: 'contains', value: 'BILL' }],
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
  it.each(cases)('%s', (_name, filter) => {
    const ids = matchingIds(filter);
    expect(ids).toEqual(referenceMatchingIds(filter, fixture, now));
  });

  it('the hostile-string cases really match something (so they can fail)', () => {
    expect(
      matchingIds({ field: 'call_ended_reason', op: 'eq', value: HOSTILE_STRINGS[0] }).length,
    ).toBeGreaterThan(0);
    expect(matchingIds({ field: 'topic', op: 'eq', value: '%' }).length).toBeGreaterThan(0);
    const literalPercent = matchingIds({ field: 'topic', op: 'contains', value: '%' });
    const everyTopic = matchingIds({ field: 'topic', op: 'isnull', value: false });
    expect(literalPercent.length).toBeGreaterThan(0);
    expect(literalPercent.length).toBeLessThan(everyTopic.length);
    expect(database.sqlite.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(fixture.calls.length);
  });

  it('same_row differs from and when the leaves hold on different rows', () => {
    const leaves: Filter[] = [
      { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
      { field: 'metric_evaluations.value', op: 'eq', value: 'positive' },
    ];
    const sameRow = matchingIds({ operator: 'same_row', conditions: leaves });
    const anded = matchingIds({ operator: 'and', conditions: leaves });
    expect(sameRow).toEqual([]);
    expect(anded.length).toBeGreaterThan(0);
    expect(sameRow).toEqual(referenceMatchingIds({ operator: 'same_row', conditions: leaves }, fixture, now));
    expect(anded).toEqual(referenceMatchingIds({ operator: 'and', conditions: leaves }, fixture, now));
  });

  it('registerSqlFunctions is idempotent', () => {
    expect(() => registerSqlFunctions(database.sqlite)).not.toThrow();
    expect(matchingIds({ field: 'agent.agent_name', op: 'regex', value: 'Alpha' }).length).toBeGreaterThan(0);
  });
});
