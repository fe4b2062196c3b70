import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CallLogInputSchema } from '../../contract/call-log-input-schema.ts';
import { MetricInputSchema } from '../../contract/metric-input-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const PropertySchema = z
  .object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    readOnly: z.boolean().optional(),
    enum: z.array(z.unknown()).optional(),
    maxLength: z.number().optional(),
  })
  .loose();
const ComponentSchema = z
  .object({ required: z.array(z.string()).optional(), properties: z.record(z.string(), PropertySchema) })
  .loose();
const spec = z
  .object({ components: z.object({ schemas: z.record(z.string(), z.unknown()) }) })
  .parse(JSON.parse(readFileSync('src/contract/fixtures/cekura-openapi-dashboards.json', 'utf8')));
const component = (name: string) => ComponentSchema.parse(spec.components.schemas[name]);

/** A value of the property's documented type (the first enum value, a string at its max length). */
function sampleOf(property: z.infer<typeof PropertySchema>): unknown {
  if (property.enum) return property.enum[0];
  if (property.format === 'date-time') return '2026-08-20T10:00:00Z';
  const type = [property.type ?? 'string'].flat().find((t) => t !== 'null');
  if (type === 'integer') return 1;
  if (type === 'number') return 1.5;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return 'x'.repeat(Math.min(property.maxLength ?? 8, 8));
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 50, now: new Date('2026-08-20T12:00:00.000Z') });
});
afterAll(() => server.close());

describe('the contract POSTs against the published schemas', () => {
  it('CallLogDetail: only call_id is required, and every writable property is accepted with its documented type', () => {
    const detail = component('CallLogDetail');
    expect(detail.required).toEqual(['call_id']);
    for (const [name, property] of Object.entries(detail.properties)) {
      if (property.readOnly) continue;
      // agent_id is a string naming one of our agent ids (digits).
      const value = name === 'agent_id' ? '1' : sampleOf(property);
      const parsed = CallLogInputSchema.safeParse({ call_id: 'c', [name]: value });
      expect(parsed.success, `${name}: ${JSON.stringify(value)}`).toBe(true);
      if (property.maxLength && typeof value === 'string') {
        const tooLong = CallLogInputSchema.safeParse({
          call_id: 'c',
          [name]: 'x'.repeat(property.maxLength + 1),
        });
        expect(tooLong.success, `${name} longer than ${property.maxLength}`).toBe(false);
      }
    }
  });

  it('MetricEditSerializerV2: name is required, enums are the documented ones', () => {
    const metric = component('MetricEditSerializerV2');
    expect(metric.required).toEqual(['name']);
    for (const name of ['type', 'eval_type'] as const) {
      for (const value of metric.properties[name]?.enum ?? []) {
        const body = { name: 'm', [name]: value, enum_values: ['a'] };
        expect(MetricInputSchema.safeParse(body).success, `${name}=${String(value)}`).toBe(true);
      }
    }
  });

  it('the 201 answer has every CallLogDetail property it sends in its documented type', async () => {
    const created = await callApi(server, 'POST', '/observability/v2/call-logs/', {
      body: { call_id: 'oas-1', project: server.projectIds[0], agent: 1, success: false, is_reviewed: true },
    });
    expect(created.status).toBe(201);
    const body = z.record(z.string(), z.unknown()).parse(created.body);
    const detail = component('CallLogDetail');
    const mismatches = Object.entries(body).flatMap(([name, value]) => {
      const property = detail.properties[name];
      if (!property || name === 'metrics') return []; // metrics: the v2 list's field, kept on the detail
      const allowed = [property.type ?? []]
        .flat()
        .flatMap((t) => (t === 'number' ? ['number', 'integer'] : [t]));
      if (allowed.length === 0 || allowed.includes(typeOf(value))) return [];
      return [`${name}: ${typeOf(value)} not in ${allowed.join('|')}`];
    });
    expect(mismatches).toEqual([]);
  });
});
