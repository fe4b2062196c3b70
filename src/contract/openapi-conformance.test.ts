// Conformance of our zod wire schemas with Cekura's published OpenAPI document (a copy is kept as
// the fixture below; docs/contract.md, "Sources"). Each property of each schema is probed by parsing
// sample values with our schema for it: existence, accepted type, nullability, enum values, required
// flags and maxLength. Every difference must be listed in DIVERGENCES with the decision behind it, and
// every listed divergence must still be observed, so the table can neither hide a new mismatch nor go
// stale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import {
  BulkWidgetOperationRequestSchema,
  BulkWidgetOperationResponseSchema,
} from './bulk-widgets-schema.ts';
import { CallLogMetricSchema, CallLogPageSchema, CallLogSchema } from './call-log-schema.ts';
import {
  DashboardInputSchema,
  DashboardListSchema,
  DashboardSchema,
  DuplicateDashboardRequestSchema,
  PatchedDashboardSchema,
} from './dashboard-schema.ts';
import { AGGREGATION_FUNCTIONS, CHART_TYPES, DATA_TYPES, EVAL_TYPES, TIME_PERIODS } from './enums.ts';
import { lookupField } from './field-catalogue.ts';
import { validateFilter } from './filter-validation.ts';
import { MetricListResponseSchema, MetricSchema } from './metric-schema.ts';
import { paginated } from './paginated-schema.ts';
import {
  BulkWidgetDataRequestSchema,
  WidgetDataResponseSchema,
  parseChartData,
} from './widget-data-schema.ts';
import {
  PatchedWidgetSchema,
  PreviewWidgetRequestSchema,
  WidgetInputSchema,
  WidgetSchema,
} from './widget-schema.ts';
import { checkWidget } from './widget-rules.ts';

/** Cekura's OpenAPI extract, kept in the repo (source and date in fixtures/README.md). */
const SPEC_PATH = fileURLToPath(new URL('./fixtures/cekura-openapi-dashboards.json', import.meta.url));

/** The fixture's text. A missing fixture fails this whole file: the checks must never silently not run. */
function readSpecText(): string {
  try {
    return readFileSync(SPEC_PATH, 'utf8');
  } catch (error: unknown) {
    throw new Error(
      `OpenAPI conformance: cannot read the fixture ${SPEC_PATH}. It is part of the repo; restore it (see src/contract/fixtures/README.md).`,
      { cause: error },
    );
  }
}

// Just enough of OpenAPI 3.1 to read the parts we compare, parsed rather than cast.
const OasPropertySchema = z
  .object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(z.union([z.string(), z.null()])).optional(),
    nullable: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    writeOnly: z.boolean().optional(),
    maxLength: z.number().optional(),
    format: z.string().optional(),
    oneOf: z.array(z.object({ type: z.string().optional() }).loose()).optional(),
    properties: z
      .record(z.string(), z.object({ examples: z.array(z.unknown()).optional() }).loose())
      .optional(),
    examples: z.array(z.unknown()).optional(),
    example: z.unknown().optional(),
  })
  .loose();
type OasProperty = z.infer<typeof OasPropertySchema>;
const OasObjectSchema = z
  .object({
    properties: z.record(z.string(), OasPropertySchema).default({}),
    required: z.array(z.string()).default([]),
  })
  .loose();
type OasObject = z.infer<typeof OasObjectSchema>;
const OasMediaSchema = z
  .object({
    schema: z.unknown().optional(),
    examples: z.record(z.string(), z.object({ value: z.unknown() }).loose()).optional(),
  })
  .loose();
const OasOperationSchema = z
  .object({
    requestBody: z
      .object({ content: z.record(z.string(), OasMediaSchema) })
      .loose()
      .optional(),
    responses: z
      .record(z.string(), z.object({ content: z.record(z.string(), OasMediaSchema).optional() }).loose())
      .default({}),
  })
  .loose();
const OasDocumentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), OasOperationSchema)),
  components: z.object({ schemas: z.record(z.string(), OasObjectSchema) }),
});
type OasDocument = z.infer<typeof OasDocumentSchema>;

const spec: OasDocument = OasDocumentSchema.parse(JSON.parse(readSpecText()));

type Mode = 'request' | 'response';
type Check = 'absent' | 'type' | 'nullable' | 'enum' | 'required' | 'maxLength' | 'example';
interface Divergence {
  /** `<OpenAPI schema>.<property>` (or an example id for `example`). */
  readonly key: string;
  readonly check: Check;
  readonly mode?: Mode;
  readonly decision: string;
}

/**
 * Every deliberate difference between our schemas and the OpenAPI document that the property probe
 * detects, with its decision: `<schema>.<property> | check | mode (request, response or any) | decision`.
 * Mirrored in docs/decisions/0001-contract-divergences.md.
 */
const DIVERGENCE_TABLE = `
Widget.effective_filters               | nullable | response | D7: null when neither dashboard nor widget has filters
Widget.metric_name                     | nullable | response | Tolerant reader: null through a null metric (contract 3.1)
Widget.metadata                        | type     | any      | D14: an object or null (layout and display live in it)
PatchedWidget.metadata                 | type     | request  | D14: an object or null
Widget.filters                         | type     | any      | Contract 5.1: a leaf or a group, not any object (D8/D9/D11 on top)
PatchedWidget.filters                  | type     | request  | Contract 5.1: a leaf or a group
Widget.effective_filters               | type     | response | Contract 5.1: a leaf or a group
Dashboard.filters                      | type     | any      | Contract 5.1: a leaf or a group
PatchedDashboard.filters               | type     | request  | Contract 5.1: a leaf or a group
DashboardList.filters                  | type     | response | Contract 5.1: a leaf or a group
BulkWidgetDataRequest.filters          | type     | request  | Contract 5.1: a leaf or a group
BulkWidgetDataRequest.filters          | nullable | request  | null means "no override", like every other filter field
Dashboard.widget_count                 | type     | response | D13: an integer at runtime; a numeric string is accepted too
DashboardList.widget_count             | type     | response | D13: an integer at runtime; a numeric string is accepted too
WidgetDataResponse.widget_id           | nullable | response | D6: null for preview_data
WidgetDataResponse.metadata            | type     | response | Contract 6.3: display_name and data_type required (chart title and type)
WidgetDataResponse.group_by            | required | response | Tolerant reader: an "any" echo cannot be required in zod; unused
MetricList.description                 | nullable | response | Tolerant reader
MetricList.type                        | enum     | response | Tolerant reader, every metric type string accepted (never branched on)
MetricListSerializerV2.description     | nullable | response | Tolerant reader
MetricListSerializerV2.type            | enum     | response | Tolerant reader, every metric type string accepted (never branched on)
MetricListSerializerV2.overall_score   | type     | response | D23: a number (the document's string is a method-field artefact); strings read too
MetricListSerializerV2.overall_score   | nullable | response | D23: null for enum metrics and metrics never evaluated
MetricListSerializerV2.total_score     | type     | response | D23: a number; strings read too
MetricListSerializerV2.total_score     | nullable | response | Tolerant reader, as overall_score
CallLogList.call_id                    | required | response | Tolerant reader: the provider call id is never used as a key
CallLogList.call_id                    | nullable | response | Tolerant reader
CallLogList.timestamp                  | nullable | response | Tolerant reader
CallLogList.status                     | nullable | response | Tolerant reader
CallLogList.status                     | enum     | response | Tolerant reader, every status string accepted
CallLogList.call_ended_reason          | nullable | response | Tolerant reader
CallLogList.customer_number            | nullable | response | Tolerant reader
CallLogList.dropoff_point              | nullable | response | Tolerant reader
CallLogList.topic                      | nullable | response | Tolerant reader
CallLogList.agent_name                 | nullable | response | Tolerant reader
CallLogList.duration                   | nullable | response | Tolerant reader
CallLogList.created_at                 | nullable | response | Tolerant reader
CallLogList.updated_at                 | nullable | response | Tolerant reader
CallLogListSerializerMetrics.id        | required | response | Tolerant reader: metric entries are display-only
CallLogListSerializerMetrics.name      | required | response | Tolerant reader
CallLogListSerializerMetrics.type      | required | response | Tolerant reader
CallLogListSerializerMetrics.type      | nullable | response | Tolerant reader
CallLogListSerializerMetrics.score     | required | response | Tolerant reader: present for numeric metrics only
CallLogListSerializerMetrics.score     | nullable | response | Tolerant reader
CallLogListSerializerMetrics.enum      | required | response | Tolerant reader: present for enum metrics only
CallLogListSerializerMetrics.enum      | nullable | response | Tolerant reader
CallLogListSerializerMetrics.value     | required | response | Tolerant reader
CallLogListSerializerMetrics.value     | type     | response | Tolerant reader: numbers and booleans occur
CallLogListSerializerMetrics.value     | nullable | response | Tolerant reader
GET /test_framework/v1/metrics/ 200 MetricListWithOverallScore | example | any | Template example with "<integer>" ids; the MetricList example parses
GET /test_framework/v2/metrics/ 200 MetricListWithOverallScore | example | any | Template example with "<integer>" ids
`;
const CHECKS = ['absent', 'type', 'nullable', 'enum', 'required', 'maxLength', 'example'] as const;
const DIVERGENCES: readonly Divergence[] = DIVERGENCE_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [key = '', check = '', mode = '', decision = ''] = line.split('|').map((cell) => cell.trim());
    const knownCheck = CHECKS.find((c) => c === check);
    if (!knownCheck || !['request', 'response', 'any'].includes(mode))
      throw new Error(`Bad table row: ${line}`);
    return {
      key,
      check: knownCheck,
      mode: mode === 'request' || mode === 'response' ? mode : undefined,
      decision,
    };
  });

/**
 * OpenAPI properties we do not model; schemas marked loose pass them through untouched, so a value
 * from the real service survives a read. Listed so that the probe can verify the pass-through.
 */
const UNMODELLED_METRIC_PROPERTIES = [
  'sampling_enabled',
  'prompt',
  'display_order',
  'evaluation_trigger',
  'trigger_type',
  'evaluation_trigger_prompt',
  'evaluation_trigger_custom_code',
  'priority_assignment_prompt',
  'vocera_defined_metric_code',
  'configuration',
  'kb_file_ids',
  'knowledge_base_files',
  'metric_cost',
  'alert_type',
  'significant_change_alert_status',
  'significant_change_alert_direction',
  'window_size',
  'std_multiplier',
  'ewma_alpha',
  'add_to_new_agents',
  'slack_workspace',
  'slack_channel_id',
  'uses_llm_judge',
] as const;
const UNMODELLED: Record<
  string,
  { readonly loose: boolean; readonly properties: readonly string[]; readonly decision: string }
> = {
  MetricList: {
    loose: true,
    decision: 'Only the fields the editor uses are typed; the rest pass through (.loose())',
    properties: UNMODELLED_METRIC_PROPERTIES,
  },
  MetricListSerializerV2: {
    loose: true,
    decision: 'The v2 list item: the same fields as MetricList plus the D23 scores',
    properties: UNMODELLED_METRIC_PROPERTIES,
  },
  CallLogList: {
    loose: true,
    decision: 'Only the side panel fields are typed; the rest pass through (.loose())',
    properties: ['feedback', 'trace_id', 'error_message', 'transcript', 'transcript_object', 'evaluation'],
  },
};

interface Target {
  readonly oas: string;
  readonly schema: z.ZodObject;
  readonly mode: Mode;
}
const TARGETS: readonly Target[] = [
  { oas: 'Widget', schema: WidgetSchema, mode: 'response' },
  { oas: 'Widget', schema: WidgetInputSchema, mode: 'request' },
  { oas: 'PatchedWidget', schema: PatchedWidgetSchema, mode: 'request' },
  { oas: 'Dashboard', schema: DashboardSchema, mode: 'response' },
  { oas: 'Dashboard', schema: DashboardInputSchema, mode: 'request' },
  { oas: 'PatchedDashboard', schema: PatchedDashboardSchema, mode: 'request' },
  { oas: 'DashboardList', schema: DashboardListSchema, mode: 'response' },
  { oas: 'WidgetDataResponse', schema: WidgetDataResponseSchema, mode: 'response' },
  { oas: 'BulkWidgetDataRequest', schema: BulkWidgetDataRequestSchema, mode: 'request' },
  { oas: 'BulkWidgetOperationRequest', schema: BulkWidgetOperationRequestSchema, mode: 'request' },
  { oas: 'BulkWidgetOperationResponse', schema: BulkWidgetOperationResponseSchema, mode: 'response' },
  { oas: 'DuplicateDashboardRequest', schema: DuplicateDashboardRequestSchema, mode: 'request' },
  { oas: 'MetricList', schema: MetricSchema, mode: 'response' },
  { oas: 'MetricListSerializerV2', schema: MetricSchema, mode: 'response' },
  { oas: 'CallLogList', schema: CallLogSchema, mode: 'response' },
  { oas: 'CallLogListSerializerMetrics', schema: CallLogMetricSchema, mode: 'response' },
  { oas: 'PaginatedWidgetList', schema: paginated(WidgetSchema), mode: 'response' },
  { oas: 'PaginatedDashboardListList', schema: paginated(DashboardListSchema), mode: 'response' },
  { oas: 'PaginatedWidgetDataResponseList', schema: paginated(WidgetDataResponseSchema), mode: 'response' },
  { oas: 'PaginatedCallLogListList', schema: CallLogPageSchema, mode: 'response' },
];

const SAMPLE_FILTER = { field: 'success', op: 'eq', value: true };
/** Values of every enum we define, to catch our schema accepting more than the document lists. */
const ENUM_CANDIDATES: readonly (string | null)[] = [
  ...new Set([
    ...CHART_TYPES,
    ...AGGREGATION_FUNCTIONS,
    ...TIME_PERIODS,
    ...DATA_TYPES,
    ...EVAL_TYPES,
    'list',
    '__not_in_enum__',
    '',
    null,
  ]),
];

function typesOf(prop: OasProperty): string[] {
  const types = prop.type === undefined ? [] : Array.isArray(prop.type) ? prop.type : [prop.type];
  return types.filter((type) => type !== 'null');
}

function isNullable(prop: OasProperty): boolean {
  const { type } = prop;
  // No type, enum or oneOf: "any value", null included.
  const untyped = type === undefined && prop.enum === undefined && prop.oneOf === undefined;
  return (
    untyped ||
    prop.nullable === true ||
    (Array.isArray(type) && type.includes('null')) ||
    (prop.oneOf ?? []).some((option) => option.type === 'null') ||
    (prop.enum ?? []).includes(null)
  );
}

/** A value of the property's documented type, or undefined for "any". */
function sampleOf(prop: OasProperty): { value: unknown } | undefined {
  const enumValue = (prop.enum ?? []).find((value) => value !== null);
  if (enumValue !== undefined) return { value: enumValue };
  const [type] = typesOf(prop);
  switch (type) {
    case 'integer':
      return { value: 7 };
    case 'number':
      return { value: 1.5 };
    case 'boolean':
      return { value: true };
    case 'array':
      return { value: [] };
    case 'object':
      return { value: prop.properties && 'op' in prop.properties ? SAMPLE_FILTER : { any: 'object' } };
    case 'string':
      if (prop.format === 'date-time') return { value: '2025-11-03T10:30:00Z' };
      if (prop.format === 'uri') return { value: 'https://api.cekura.ai/dashboards/dashboards/?page=2' };
      return { value: 'text' };
    default:
      return undefined;
  }
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** Every difference between one of our schemas and its OpenAPI schema, as `<key> <check>` strings. */
function findMismatches(target: Target, oas: OasObject): string[] {
  const found: string[] = [];
  const shape: Record<string, z.ZodType> = target.schema.shape;
  const unmodelled = UNMODELLED[target.oas]?.properties ?? [];
  for (const [name, prop] of Object.entries(oas.properties)) {
    const key = `${target.oas}.${name}`;
    const ours = shape[name];
    if (target.mode === 'request' && prop.readOnly === true) {
      // DRF ignores read-only fields in input: our input schemas must not require them.
      if (ours !== undefined && !accepts(ours, undefined)) found.push(`${key} required`);
      continue;
    }
    if (target.mode === 'response' && prop.writeOnly === true) continue;
    if (ours === undefined) {
      if (!unmodelled.includes(name)) found.push(`${key} absent`);
      continue;
    }
    const sample = sampleOf(prop);
    if (sample === undefined) {
      // "any": a string and an object must both be readable.
      if (!accepts(ours, 'text') || !accepts(ours, { any: 'object' })) found.push(`${key} type`);
    } else if (!accepts(ours, sample.value)) {
      found.push(`${key} type`);
    } else if (typesOf(prop)[0] === 'string' && prop.enum === undefined && accepts(ours, 12345)) {
      found.push(`${key} type`);
    } else if (typesOf(prop)[0] === 'integer' && (accepts(ours, 1.5) || accepts(ours, 'text'))) {
      found.push(`${key} type`);
    } else if (typesOf(prop)[0] === 'array' && accepts(ours, 'text')) {
      found.push(`${key} type`);
    } else if (typesOf(prop)[0] === 'object' && !accepts(ours, {})) {
      // The document's objects have no required keys: an empty object is valid there.
      found.push(`${key} type`);
    }
    if (accepts(ours, null) !== isNullable(prop)) found.push(`${key} nullable`);
    if (prop.enum !== undefined) {
      const documented = new Set(prop.enum);
      const candidates = [...new Set([...ENUM_CANDIDATES, ...prop.enum])];
      const agrees = candidates.every((value) => accepts(ours, value) === documented.has(value));
      if (!agrees) found.push(`${key} enum`);
    }
    const required = !accepts(ours, undefined);
    const documentedRequired = oas.required.includes(name);
    // Requests: our required set is exactly the document's. Responses: what the document requires we
    // require too; DRF always emits every declared field, so we may also require more.
    if (target.mode === 'request' ? required !== documentedRequired : documentedRequired && !required) {
      found.push(`${key} required`);
    }
    if (target.mode === 'request' && prop.maxLength !== undefined) {
      const max = prop.maxLength;
      if (!accepts(ours, 'a'.repeat(max)) || accepts(ours, 'a'.repeat(max + 1)))
        found.push(`${key} maxLength`);
    }
  }
  return found;
}

const divergenceKey = (d: Divergence) => `${d.key} ${d.check}`;
function isListed(mismatch: string, mode: Mode): boolean {
  return DIVERGENCES.some((d) => divergenceKey(d) === mismatch && (d.mode === undefined || d.mode === mode));
}

const observed = new Set<string>();

describe('OpenAPI conformance: schemas', () => {
  it.each(TARGETS.map((target) => [`${target.oas} (${target.mode})`, target] as const))(
    '%s matches the document except for listed divergences',
    (_name, target) => {
      const oas = spec.components.schemas[target.oas];
      expect(oas, `${target.oas} missing from the document`).toBeDefined();
      if (!oas) return;
      const mismatches = findMismatches(target, oas);
      for (const mismatch of mismatches) observed.add(`${mismatch}|${target.mode}`);
      expect(mismatches.filter((mismatch) => !isListed(mismatch, target.mode))).toEqual([]);
    },
  );

  it.each(Object.entries(UNMODELLED))('%s: unmodelled properties exist and pass through', (name, entry) => {
    const oas = spec.components.schemas[name];
    const target = TARGETS.find((t) => t.oas === name);
    expect(oas && target).toBeTruthy();
    if (!oas || !target) return;
    const minimal: Record<string, Record<string, unknown>> = {
      MetricList: { id: 1, name: 'm', eval_type: 'numeric' },
      MetricListSerializerV2: { id: 1, name: 'm', eval_type: 'numeric' },
      CallLogList: { id: 1, timestamp: null, success: null },
    };
    for (const property of entry.properties) {
      expect(Object.keys(oas.properties), property).toContain(property);
      const parsed: unknown = target.schema.parse({ ...minimal[name], [property]: 'kept' });
      expect(
        entry.loose && typeof parsed === 'object' && parsed !== null && property in parsed,
        property,
      ).toBe(true);
    }
  });
});

/** Component-level `example`/`examples` values of a target's properties. */
function propertyExamples(oas: OasObject): { property: string; value: unknown }[] {
  return Object.entries(oas.properties).flatMap(([property, prop]) => [
    ...(prop.examples ?? []).map((value) => ({ property, value })),
    ...(prop.example === undefined ? [] : [{ property, value: prop.example }]),
  ]);
}

describe('OpenAPI conformance: examples', () => {
  const rows = TARGETS.flatMap((target) => {
    const oas = spec.components.schemas[target.oas];
    return oas
      ? propertyExamples(oas).map(
          (example) => [`${target.oas}.${example.property} (${target.mode})`, target, example] as const,
        )
      : [];
  });

  it('finds the examples of the document', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it.each(rows)('%s example parses', (_name, target, { property, value }) => {
    const shape: Record<string, z.ZodType> = target.schema.shape;
    const ours = shape[property];
    if (target.mode === 'request' && ours === undefined) return; // read-only property of an input
    expect(ours, property).toBeDefined();
    if (!ours) return;
    expect(ours.safeParse(value).error).toBeUndefined();
  });

  it('every example filter is valid under our rules, and its fields are in the catalogue', () => {
    const oas = spec.components.schemas.Widget;
    const filters = oas?.properties.filters;
    expect(filters?.examples?.length).toBeGreaterThan(0);
    for (const example of filters?.examples ?? []) expect(validateFilter(example)).toEqual([]);
    const fields = filters?.properties?.field?.examples ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect(
        typeof field === 'string' && (lookupField(field)?.filterOps.length ?? 0) > 0,
        String(field),
      ).toBe(true);
    }
  });

  it('every plot field example is a plottable catalogue field', () => {
    const examples = spec.components.schemas.Widget?.properties.field?.examples ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const field of examples)
      expect(typeof field === 'string' && lookupField(field)?.plottable, String(field)).toBe(true);
  });

  it('every data example narrows to its chart shape', () => {
    const examples = spec.components.schemas.WidgetDataResponse?.properties.data?.examples ?? [];
    const kinds = examples.map((data, index) => {
      const body = {
        widget_id: 1,
        field_name: 'f',
        chart_type: ['line', 'bar', 'pie'][index] ?? 'line',
        data,
        aggregation_function: null,
        time_period: null,
        group_by: null,
        metadata: { display_name: 'F', data_type: 'numeric', filter_value: null },
      };
      return parseChartData(WidgetDataResponseSchema.parse(body)).kind;
    });
    expect(kinds).toEqual(['line', 'bar', 'pie']);
  });

  const pathExamples = Object.entries(spec.paths ?? {}).flatMap(([route, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      Object.entries(operation.responses).flatMap(([status, response]) =>
        Object.entries(response.content?.['application/json']?.examples ?? {}).map(
          ([name, example]) => [`${method.toUpperCase()} ${route} ${status} ${name}`, example.value] as const,
        ),
      ),
    ),
  );
  /** Response examples we model; the metrics create examples are for an endpoint we do not use. */
  const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
    'GET /test_framework/v1/metrics/': MetricListResponseSchema,
    'GET /test_framework/v2/metrics/': MetricListResponseSchema,
  };
  const modelled = pathExamples.filter(([id]) =>
    Object.keys(RESPONSE_SCHEMAS).some((prefix) => id.startsWith(`${prefix} `)),
  );

  it('finds the path examples we model', () => {
    expect(modelled.length).toBeGreaterThanOrEqual(2);
  });

  it.each(modelled)('%s parses', (id, value) => {
    const schema = Object.entries(RESPONSE_SCHEMAS).find(([prefix]) => id.startsWith(`${prefix} `))?.[1];
    const ok = schema?.safeParse(value).success === true;
    const listed = DIVERGENCES.some((d) => d.check === 'example' && d.key === id);
    if (!ok) observed.add(`${id} example|any`);
    expect(ok || listed, id).toBe(true);
  });
});

describe('OpenAPI conformance: routes', () => {
  // The dashboards operations and the component each one reads and writes (contract 1.1).
  const ROUTES: Record<string, string> = {
    'GET /dashboards/dashboards/': '- → PaginatedDashboardListList',
    'POST /dashboards/dashboards/': 'Dashboard → Dashboard',
    'GET /dashboards/dashboards/{id}/': '- → Dashboard',
    'PUT /dashboards/dashboards/{id}/': 'Dashboard → Dashboard',
    'PATCH /dashboards/dashboards/{id}/': 'PatchedDashboard → Dashboard',
    'DELETE /dashboards/dashboards/{id}/': '- → -',
    'POST /dashboards/dashboards/{id}/bulk_widgets/':
      'BulkWidgetOperationRequest → BulkWidgetOperationResponse',
    'POST /dashboards/dashboards/{id}/duplicate/': 'DuplicateDashboardRequest → Dashboard',
    'GET /dashboards/dashboards/predefined_widgets/': '- → Dashboard',
    'GET /dashboards/widgets/': '- → PaginatedWidgetList',
    'POST /dashboards/widgets/': 'Widget → Widget',
    'GET /dashboards/widgets/{id}/': '- → Widget',
    'PUT /dashboards/widgets/{id}/': 'Widget → Widget',
    'PATCH /dashboards/widgets/{id}/': 'PatchedWidget → Widget',
    'DELETE /dashboards/widgets/{id}/': '- → -',
    'GET /dashboards/widgets/{id}/data/': '- → WidgetDataResponse',
    'POST /dashboards/widgets/bulk_data/': 'BulkWidgetDataRequest → PaginatedWidgetDataResponseList',
    'POST /dashboards/widgets/preview_data/': 'Widget → WidgetDataResponse',
  };
  const refName = (schema: unknown): string => {
    const parsed = z.object({ $ref: z.string() }).safeParse(schema);
    return parsed.success ? (parsed.data.$ref.split('/').at(-1) ?? '?') : '-';
  };
  it('lists exactly the documented dashboards operations and their bodies', () => {
    const documented: Record<string, string> = {};
    for (const [route, operations] of Object.entries(spec.paths ?? {})) {
      if (!route.startsWith('/dashboards/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const body = refName(operation.requestBody?.content['application/json']?.schema);
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        const response = refName(success?.[1].content?.['application/json']?.schema);
        documented[`${method.toUpperCase()} ${route}`] = `${body} → ${response}`;
      }
    }
    expect(documented).toEqual(ROUTES);
  });
});

/**
 * Divergences the property probe cannot see: where we accept more than the document (a wider read)
 * or our rules accept less than its "any" (a stricter write). Each row states the divergence as a
 * check that is true while it holds.
 */
const line = { field: 'duration', chart_type: 'line' };
const RULE_DIVERGENCES: readonly (readonly [string, string, () => boolean])[] = [
  [
    'WidgetDataResponse.data',
    'D3 / contract 6.2: stat data is an object {total_calls, success_rate, avg_duration, p95_latency}',
    () =>
      WidgetDataResponseSchema.shape.data.safeParse({
        total_calls: 1,
        success_rate: 50,
        avg_duration: 1,
        p95_latency: null,
      }).success,
  ],
  [
    'Widget.group_by',
    'D1/D2: writes accept only null, {}, {"type":"field"} on a groupable field or {"type":"bucket"} with interval >= 60000',
    () =>
      checkWidget({ ...line, group_by: { type: 'bucket', interval: 1000 } }, {})?.group_by !== undefined &&
      checkWidget({ ...line, group_by: 'agent.id' }, {})?.group_by !== undefined,
  ],
  [
    'Widget.chart_type/field/aggregation_function',
    'Contract 3.4, 4.5, D22: combinations are checked by checkWidget (the document only states the key rules in prose)',
    () => checkWidget({ chart_type: 'pie', field: 'duration' }, {})?.field !== undefined,
  ],
  [
    'Widget.filters',
    'D8/D9/D11: field names, operators, value types and limits are checked by validateFilter',
    () => validateFilter({ field: 'nope', op: 'eq', value: 1 }).length > 0,
  ],
  [
    'Widget (preview_data body)',
    'D6: an optional dashboard_filters key replaces the stored dashboard filters for the preview',
    () =>
      'dashboard_filters' in
      PreviewWidgetRequestSchema.parse({ chart_type: 'stat', dashboard_filters: null }),
  ],
  [
    'MetricList.agent_names',
    'Typed string in the document (a DRF method field); a list of names at runtime: both accepted',
    () => MetricSchema.safeParse({ id: 1, name: 'm', eval_type: 'enum', agent_names: ['A'] }).success,
  ],
  [
    'MetricList.alert_filters, MetricList.enum_values',
    'Unexpected shapes read as null instead of failing the whole metrics list',
    () => {
      const parsed = MetricSchema.parse({
        id: 1,
        name: 'm',
        eval_type: 'enum',
        alert_filters: { success: true },
        enum_values: 3,
      });
      return parsed.alert_filters === null && parsed.enum_values === null;
    },
  ],
  [
    'MetricList.agents',
    'Items are integer | null in the document; null ids are dropped on read',
    () => MetricSchema.parse({ id: 1, name: 'm', eval_type: 'enum', agents: [1, null] }).agents?.length === 1,
  ],
  [
    'Read schemas (Widget, Dashboard, DashboardList, CallLogList)',
    'DRF emits every declared field, so read schemas may require more than the document (e.g. Widget.id, Dashboard.widgets)',
    () =>
      !WidgetSchema.shape.id.safeParse(undefined).success &&
      !DashboardSchema.shape.widgets.safeParse(undefined).success,
  ],
];

describe('OpenAPI conformance: divergences beyond the property probe', () => {
  it.each(RULE_DIVERGENCES)('%s: %s', (_key, _decision, holds) => {
    expect(holds()).toBe(true);
  });
});

describe('OpenAPI conformance: the divergence table', () => {
  it.each(DIVERGENCES.map((d) => [divergenceKey(d), d] as const))(
    '%s is still observed',
    (key, divergence) => {
      const modes =
        divergence.check === 'example'
          ? ['any']
          : divergence.mode
            ? [divergence.mode]
            : ['request', 'response'];
      expect(
        modes.some((mode) => observed.has(`${key}|${mode}`)),
        `${key} no longer diverges: remove it from the table`,
      ).toBe(true);
    },
  );
});
