import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricListResponseSchema } from '../contract/metric-schema.ts';
import { EVAL_TYPES } from '../contract/enums.ts';
import { callApi } from './test-support/call-api.ts';
import { createTestServer, type TestServer } from './test-support/create-test-server.ts';

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
});
