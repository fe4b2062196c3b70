import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { EVAL_TYPES } from '../../contract/enums.ts';
import * as z from 'zod';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const ScoreSchema = z.object({ overall_score: z.number().nullable(), total_score: z.number().int() });

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 0 });
});
afterAll(() => server.close());

async function metrics(path: string) {
  const result = await callApi(server, 'GET', path);
  expect(result.status).toBe(200);
  return MetricListResponseSchema.parse(result.body);
}

describe('GET /test_framework/v1|v2/metrics/', () => {
  it('lists every visible metric as a plain array, covering every eval type', async () => {
    for (const version of ['v1', 'v2']) {
      const all = await metrics(`/test_framework/${version}/metrics/`);
      expect(all).toHaveLength(12);
      expect(new Set(all.map((m) => m.eval_type))).toEqual(new Set(EVAL_TYPES));
      expect(all.filter((m) => m.function_name === 'get_latency')).toHaveLength(2);
      expect(all.find((m) => m.eval_type === 'enum')?.enum_values).toEqual([
        'positive',
        'neutral',
        'negative',
      ]);
    }
  });

  it('narrows by project_id, agent_id (union) and agents', async () => {
    const [projectA, projectB] = server.projectIds;
    const byProject = await metrics(`/test_framework/v1/metrics/?project_id=${projectA}`);
    expect(byProject.every((m) => m.project === projectA)).toBe(true);
    expect(byProject).toHaveLength(6);
    // Agent 4 belongs to project B: the union holds both projects' metrics.
    const byAgent = await metrics('/test_framework/v1/metrics/?agent_id=4');
    expect(byAgent.every((m) => m.project === projectB && m.agents?.includes(4))).toBe(true);
    const union = await metrics(`/test_framework/v1/metrics/?agent_id=4&project_id=${projectA}`);
    expect(new Set(union.map((m) => m.project))).toEqual(new Set([projectA, projectB]));
    expect(union).toHaveLength(12);
    const byAgents = await metrics('/test_framework/v1/metrics/?agents=1,99');
    expect(byAgents).toHaveLength(6);
    expect(byAgents.every((m) => m.agents?.includes(1))).toBe(true);
  });

  it('rejects malformed parameters and unknown agents', async () => {
    expect((await callApi(server, 'GET', '/test_framework/v1/metrics/?agents=1,x')).status).toBe(400);
    expect((await callApi(server, 'GET', '/test_framework/v1/metrics/?agent_id=abc')).body).toEqual({
      agent_id: ['A valid integer is required.'],
    });
    expect((await callApi(server, 'GET', '/test_framework/v1/metrics/?agent_id=999')).status).toBe(404);
  });

  it('looks a metric up by slug, alone or with project_id', async () => {
    const [projectA] = server.projectIds;
    for (const version of ['v1', 'v2']) {
      const csat = await metrics(`/test_framework/${version}/metrics/?slug=csat`);
      expect(csat.map((m) => m.slug)).toEqual(['csat', 'csat']); // one per project of the org key
      const one = await metrics(`/test_framework/${version}/metrics/?slug=csat&project_id=${projectA}`);
      expect(one.map((m) => [m.slug, m.project])).toEqual([['csat', projectA]]);
      expect(await metrics(`/test_framework/${version}/metrics/?slug=no-such-metric`)).toEqual([]);
    }
  });

  it('narrows by a filters tree over agents__id, eval_type, type and name', async () => {
    const query = (filter: unknown) =>
      metrics(`/test_framework/v2/metrics/?filters=${encodeURIComponent(JSON.stringify(filter))}`);
    const numeric = await query({ field: 'eval_type', op: 'eq', value: 'numeric' });
    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.every((m) => m.eval_type === 'numeric')).toBe(true);
    const judged = await query({
      operator: 'and',
      conditions: [
        { field: 'type', op: 'in', value: ['llm_judge', 'custom_code'] },
        {
          operator: 'or',
          conditions: [
            { field: 'name', op: 'contains', value: 'SENT' },
            { field: 'eval_type', op: 'eq', value: 'numeric' },
          ],
        },
      ],
    });
    expect(new Set(judged.map((m) => m.slug))).toEqual(new Set(['csat', 'sentiment', 'interruptions']));
    const documented = await query({
      operator: 'and',
      conditions: [{ field: 'agents__id', op: 'in', value: [1, 2, 3] }],
    });
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.every((m) => (m.agents ?? []).some((id) => [1, 2, 3].includes(id)))).toBe(true);
    // Values are bound, never spliced: LIKE wildcards and SQL in the text are matched literally.
    expect(await query({ field: 'name', op: 'contains', value: '%' })).toEqual([]);
    expect(await query({ field: 'name', op: 'eq', value: "x' OR 1=1 --" })).toEqual([]);
  });

  it('adds overall_score and total_score with include_scores, and only then', async () => {
    const seeded = createTestServer({ calls: 300, now: new Date('2026-08-20T12:00:00.000Z') });
    try {
      const read = async (path: string) =>
        z
          .array(z.object({ slug: z.string(), eval_type: z.string() }).loose())
          .parse((await callApi(seeded, 'GET', path)).body);
      const plain = await read('/test_framework/v1/metrics/');
      expect(plain.every((m) => !('overall_score' in m) && !('total_score' in m))).toBe(true);
      for (const version of ['v1', 'v2']) {
        const scored = await read(`/test_framework/${version}/metrics/?include_scores=true`);
        for (const metric of scored) {
          const row = ScoreSchema.parse(metric);
          expect(row.total_score).toBeGreaterThan(0);
          if (metric.eval_type === 'enum') expect(row.overall_score).toBeNull();
          else expect(typeof row.overall_score).toBe('number');
        }
        const binary = ScoreSchema.parse(scored.find((m) => m.eval_type === 'binary'));
        expect(binary.overall_score).toBeGreaterThanOrEqual(0);
        expect(binary.overall_score).toBeLessThanOrEqual(100);
      }
      const off = await read('/test_framework/v1/metrics/?include_scores=false');
      expect(off.every((m) => !('overall_score' in m))).toBe(true);
    } finally {
      seeded.close();
    }
  });

  const filters = (filter: unknown) => `filters=${encodeURIComponent(JSON.stringify(filter))}`;
  it.each([
    ['malformed JSON', 'filters=not-json', 'filters', 'Value must be valid JSON.'],
    [
      'an unknown field',
      filters({ field: 'prompt', op: 'eq', value: 'x' }),
      'filters',
      "field: Unknown field 'prompt'",
    ],
    [
      'a call-log field',
      filters({ field: 'metadata.region', op: 'eq', value: 'x' }),
      'filters',
      "Unknown field 'metadata.region'",
    ],
    [
      'an operator the field lacks',
      filters({ field: 'name', op: 'regex', value: 'x' }),
      'filters',
      "op: 'regex' is not allowed for field 'name'",
    ],
    [
      'a non-integer agent id',
      filters({ field: 'agents__id', op: 'in', value: ['a'] }),
      'filters',
      'must be a whole number',
    ],
    [
      'a same_row group',
      filters({ operator: 'same_row', conditions: [{ field: 'name', op: 'eq', value: 'x' }] }),
      'filters',
      "use 'and' or 'or'",
    ],
    ['a non-boolean include_scores', 'include_scores=maybe', 'include_scores', 'Must be a valid boolean.'],
  ])('answers %s with a DRF 400', async (_label, query, key, message) => {
    const result = await callApi(server, 'GET', `/test_framework/v1/metrics/?${query}`);
    expect(result.status).toBe(400);
    const errors = z.record(z.string(), z.array(z.string())).parse(result.body);
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key]?.join(' ')).toContain(message);
  });
});
