import { MetricListResponseSchema, MetricSchema } from './metric-schema.ts';

/** The first `MetricList` response example of the OpenAPI document (verbatim). */
const OPENAPI_EXAMPLE = {
  id: 123,
  name: '<string>',
  description: '<string>',
  function_name: '<string>',
  type: 'basic',
  eval_type: 'binary',
  enum_values: ['<string>'],
  audio_enabled: true,
  observability_enabled: true,
  simulation_enabled: true,
  prompt: '<string>',
  evaluation_trigger: 'always',
  evaluation_trigger_prompt: '<string>',
  priority_assignment_prompt: '<string>',
  vocera_defined_metric_code: '<string>',
  configuration: { infra_issues_timeout: '<integer>', key: 'value' },
  kb_file_ids: ['<integer>'],
  knowledge_base_files: [
    {
      id: '<integer>',
      agent: '<integer>',
      file_url: '<string>',
      file_name: '<string>',
      file_type: '<string>',
      file_size: '<integer>',
      created_at: '<datetime>',
      updated_at: '<datetime>',
    },
  ],
  metric_cost: '<float>',
};

describe('MetricSchema', () => {
  it('parses the OpenAPI example and keeps unmodelled keys', () => {
    const parsed = MetricSchema.parse(OPENAPI_EXAMPLE);
    expect(parsed.eval_type).toBe('binary');
    expect(parsed.prompt).toBe('<string>');
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | null]>([
    [
      'minimal',
      { id: 1, name: 'Latency', eval_type: 'numeric' },
      { id: 1, name: 'Latency', eval_type: 'numeric' },
    ],
    [
      'null agent ids dropped',
      { id: 1, name: 'a', eval_type: 'enum', agents: [3, null, 4] },
      { agents: [3, 4] },
    ],
    [
      'agent_names as the OpenAPI string',
      { id: 1, name: 'a', eval_type: 'enum', agent_names: 'Agent A, Agent B' },
      { agent_names: 'Agent A, Agent B' },
    ],
    [
      'agent_names as a list',
      { id: 1, name: 'a', eval_type: 'enum', agent_names: ['Agent A'] },
      { agent_names: ['Agent A'] },
    ],
    [
      'odd enum_values read as null',
      { id: 1, name: 'a', eval_type: 'enum', enum_values: { a: 1 } },
      { enum_values: null },
    ],
    [
      'legacy alert_filters read as null',
      { id: 1, name: 'a', eval_type: 'binary', alert_filters: { success: true } },
      { alert_filters: null },
    ],
    [
      'valid alert_filters kept',
      { id: 1, name: 'a', eval_type: 'binary', alert_filters: { field: 'success', op: 'eq', value: true } },
      { alert_filters: { field: 'success', op: 'eq', value: true } },
    ],
    ['unknown eval_type', { id: 1, name: 'a', eval_type: 'score' }, null],
    ['missing name', { id: 1, eval_type: 'numeric' }, null],
  ])('%s', (_name, body, expected) => {
    const parsed = MetricSchema.safeParse(body);
    if (expected === null) expect(parsed.success).toBe(false);
    else expect(parsed.data).toMatchObject(expected);
  });

  it('reads a plain array', () => {
    expect(
      MetricListResponseSchema.parse([OPENAPI_EXAMPLE, { id: 2, name: 'b', eval_type: 'enum' }]),
    ).toHaveLength(2);
    expect(MetricListResponseSchema.safeParse({ results: [] }).success).toBe(false);
  });
});
