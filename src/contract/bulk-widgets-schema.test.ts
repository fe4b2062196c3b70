import {
  BulkWidgetErrorSchema,
  BulkWidgetOperationRequestSchema,
  BulkWidgetOperationResponseSchema,
} from './bulk-widgets-schema.ts';

const widget = {
  id: 1,
  dashboard: 4,
  name: 'Updated Name',
  filters: null,
  effective_filters: null,
  chart_type: 'line',
  data_type: null,
  field: 'duration',
  metric: null,
  time_period: null,
  aggregation_function: null,
  group_by: null,
  metadata: null,
  created_at: null,
  updated_at: null,
};

describe('BulkWidgetOperationRequestSchema', () => {
  it.each<[unknown, boolean]>([
    // The examples of the OpenAPI document (contract 1.1, D15).
    [
      {
        create: [{ name: 'Widget 1', field: 'duration', chart_type: 'line' }],
        update: [{ id: 1, name: 'Updated Name' }],
        delete: [5, 6],
      },
      true,
    ],
    [{}, true],
    [{ delete: ['5'] }, false],
    [{ create: ['line'] }, false],
    [{ update: {} }, false],
  ])('%j parses: %s', (body, ok) => {
    expect(BulkWidgetOperationRequestSchema.safeParse(body).success).toBe(ok);
  });
});

describe('BulkWidgetOperationResponseSchema', () => {
  it.each<[unknown, boolean]>([
    [{ created: [widget], updated: [], deleted: [5] }, true],
    [{ created: [], updated: [widget], deleted: [], errors: [] }, true],
    [
      { created: [], updated: [], deleted: [], errors: [{ message: 'partial failure of an unknown shape' }] },
      true,
    ],
    [{ created: [], updated: [] }, false],
    [{ created: [{ id: 1 }], updated: [], deleted: [] }, false],
  ])('%j parses: %s', (body, ok) => {
    expect(BulkWidgetOperationResponseSchema.safeParse(body).success).toBe(ok);
  });
});

describe('BulkWidgetErrorSchema (D15)', () => {
  it.each<[unknown, boolean]>([
    [{ index: 0, op: 'create', errors: { chart_type: ['Choose a chart type.'] } }, true],
    [{ index: 2, op: 'delete', errors: { detail: 'Not found.' } }, true],
    [{ index: 0, op: 'upsert', errors: {} }, false],
    [{ index: '0', op: 'create', errors: {} }, false],
  ])('%j parses: %s', (body, ok) => {
    expect(BulkWidgetErrorSchema.safeParse(body).success).toBe(ok);
  });
});
