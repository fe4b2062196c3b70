import { metadataKeyOf } from '../../contract/field-catalogue.ts';
import {
  isFilterGroup,
  type Filter,
  type FilterCondition,
  type FilterOp,
} from '../../contract/filter-schema.ts';
import { resolveTimeValue } from '../../contract/relative-time.ts';
import type { EngineFixture, FixtureCall, FixtureEvaluation, FixtureMetric } from './engine-test-fixture.ts';
import { matchesRe2 } from '../http/re2-pattern.ts';

/**
 * A plain in-memory evaluator of a filter tree over the engine fixture: the reference the SQL
 * compiler is checked against in the differential tests. It is written from the documented
 * semantics, not from the SQL: nulls never satisfy a comparison, `neq` counts null as different,
 * text matching folds case across Unicode (É = é, docs/decisions/0014), same_row needs one evaluation row
 * satisfying every leaf, a metric leaf on its own needs some evaluation satisfying it.
 */

type Scalar = number | string | null;

interface Row {
  call: FixtureCall;
  evaluation: FixtureEvaluation | null;
}

function toScalar(value: unknown): Scalar {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
}

function textMatch(op: FilterOp, field: Scalar, value: unknown): boolean {
  if (field === null || typeof value !== 'string') return false;
  const haystack = String(field).toLowerCase();
  const needle = value.toLowerCase();
  if (op === 'startswith') return haystack.startsWith(needle);
  if (op === 'endswith') return haystack.endsWith(needle);
  return haystack.includes(needle);
}

/** One leaf over a known field value, with values already mapped to their stored form. */
function compare(op: FilterOp, field: Scalar, value: unknown, mapValue: (v: unknown) => Scalar): boolean {
  switch (op) {
    case 'eq':
      return value === null ? field === null : field !== null && field === mapValue(value);
    case 'neq':
      // SQL `IS NOT`: null differs from every value and equals only null.
      return field !== mapValue(value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const target = mapValue(value);
      if (field === null || target === null) return false;
      if (op === 'gt') return field > target;
      if (op === 'gte') return field >= target;
      if (op === 'lt') return field < target;
      return field <= target;
    }
    case 'contains':
    case 'startswith':
    case 'endswith':
      return textMatch(op, field, value);
    case 'in': {
      if (field === null) return false;
      const values = Array.isArray(value) ? value : [value];
      return values.some((v) => v !== null && mapValue(v) === field);
    }
    case 'isnull':
      return value === false ? field !== null : field === null;
    case 'regex':
      return field !== null && typeof value === 'string' && matchesRe2(value, String(field));
  }
}

function callFieldValue(call: FixtureCall, field: string, fixture: EngineFixture): Scalar | undefined {
  switch (field) {
    case 'id':
      return call.id;
    case 'timestamp':
      return call.ts_ms;
    case 'duration':
      return call.duration;
    case 'success':
      return call.success;
    case 'is_reviewed':
      return call.is_reviewed;
    case 'call_ended_reason':
      return call.call_ended_reason;
    case 'dropoff_point':
      return call.dropoff_point;
    case 'topic':
      return call.topic;
    case 'customer_number':
      return call.customer_number;
    case 'agent.id':
      return call.agent_id;
    case 'agent.agent_name':
      return fixture.agents.find((agent) => agent.id === call.agent_id)?.agent_name ?? null;
  }
  const key = metadataKeyOf(field);
  if (key === null) return undefined;
  return call.metadata?.[key] ?? null;
}

function metricValueMatches(op: FilterOp, evaluation: FixtureEvaluation, value: unknown): boolean {
  const bothNull = evaluation.value_num === null && evaluation.value_text === null;
  if (op === 'isnull') return value === false ? !bothNull : bothNull;
  if (value === null && op === 'eq') return bothNull;
  if (value === null && op === 'neq') return !bothNull;
  const text = (v: unknown): Scalar => (typeof v === 'boolean' ? String(v) : toScalar(v));
  if (op === 'in') {
    const values = Array.isArray(value) ? value : [value];
    return values.some((v) =>
      typeof v === 'number' ? evaluation.value_num === v : v !== null && evaluation.value_text === text(v),
    );
  }
  if (typeof value === 'number') return compare(op, evaluation.value_num, value, toScalar);
  return compare(op, evaluation.value_text, value, text);
}

function leafMatches(row: Row, leaf: FilterCondition, fixture: EngineFixture, now: Date): boolean {
  const { field, op, value } = leaf;
  if (field.startsWith('metric_evaluations.')) {
    const evaluation = row.evaluation;
    if (evaluation === null) return false;
    if (field === 'metric_evaluations.value') return metricValueMatches(op, evaluation, value);
    const metric: FixtureMetric | undefined = fixture.metrics.find((m) => m.id === evaluation.metric_id);
    if (field === 'metric_evaluations.metric.id') return compare(op, evaluation.metric_id, value, toScalar);
    if (field === 'metric_evaluations.metric.name') return compare(op, metric?.name ?? null, value, toScalar);
    return false;
  }
  const fieldValue = callFieldValue(row.call, field, fixture);
  if (fieldValue === undefined) return false;
  const mapValue =
    field === 'timestamp'
      ? (v: unknown): Scalar => resolveTimeValue(v, op, now)?.getTime() ?? null
      : toScalar;
  return compare(op, fieldValue, value, mapValue);
}

/** Evaluates a subtree against one (call, evaluation) pair: the same_row context. */
function matchesOnRow(row: Row, filter: Filter, fixture: EngineFixture, now: Date): boolean {
  if (!isFilterGroup(filter)) return leafMatches(row, filter, fixture, now);
  const results = filter.conditions.map((child) => matchesOnRow(row, child, fixture, now));
  return filter.operator === 'or' ? results.some(Boolean) : results.every(Boolean);
}

function evaluationsOf(call: FixtureCall, fixture: EngineFixture): FixtureEvaluation[] {
  return fixture.evaluations.filter((evaluation) => evaluation.call_id === call.id);
}

/** Whether one call matches a filter tree, per the documented semantics. */
export function callMatchesFilter(
  call: FixtureCall,
  filter: Filter,
  fixture: EngineFixture,
  now: Date,
): boolean {
  if (isFilterGroup(filter)) {
    if (filter.operator === 'same_row') {
      return evaluationsOf(call, fixture).some((evaluation) =>
        matchesOnRow({ call, evaluation }, filter, fixture, now),
      );
    }
    const results = filter.conditions.map((child) => callMatchesFilter(call, child, fixture, now));
    return filter.operator === 'or' ? results.some(Boolean) : results.every(Boolean);
  }
  if (filter.field.startsWith('metric_evaluations.')) {
    return evaluationsOf(call, fixture).some((evaluation) =>
      leafMatches({ call, evaluation }, filter, fixture, now),
    );
  }
  return leafMatches({ call, evaluation: null }, filter, fixture, now);
}

/** The ids of the fixture's calls that match, ascending. */
export function referenceMatchingIds(filter: Filter, fixture: EngineFixture, now: Date): number[] {
  return fixture.calls.filter((call) => callMatchesFilter(call, filter, fixture, now)).map((call) => call.id);
}
