import {
  lookupField,
  isMetadataField,
  METADATA_PREFIX,
  type FieldSpec,
  type ValueType,
} from './field-catalogue.ts';
import { FILTER_OPS, GROUP_OPERATORS, type FilterOp, type GroupOperator } from './filter-schema.ts';
import type { Metric } from './metric-schema.ts';
import { findRegexSyntaxProblem, type RegexCheck } from './regex-syntax.ts';
import { isTimeValue } from './relative-time.ts';
import { isWellFormedText } from './well-formed-text.ts';

/**
 * D9 and D11 limits of a filter tree, plus the ones that keep every valid filter answerable: the
 * values of all `in` lists together bound the size of a query (SQLite binds at most 32,766 values per
 * statement, and a widget's effective filter is two filters), and LIKE text is bounded because SQLite
 * refuses patterns over 50,000 bytes.
 */
export const FILTER_LIMITS = {
  /** Groups on the path from the root to the deepest node (the root group counts as one). */
  maxDepth: 8,
  /** Leaf conditions in the whole tree. */
  maxConditions: 200,
  /** Values in one `in` list. */
  maxInValues: 1000,
  /** Values of all `in` lists of the tree together. */
  maxInValuesTotal: 5000,
  /** Characters of a `contains` / `startswith` / `endswith` text. */
  maxTextLength: 1000,
  maxRegexLength: 200,
} as const;

export interface FilterCheckOptions {
  /** Metric ids in `metric_evaluations.metric.id` conditions must be among these. */
  metrics?: readonly Metric[];
  /**
   * The full check of the regex dialect, for whoever can afford an RE2 compiler (the server); without
   * it only what `findRegexSyntaxProblem` sees is reported.
   */
  checkRegex?: RegexCheck;
  /** Replaces the call-log fields (the metrics list filter). */
  fields?: FilterFields;
}

/** Past this many messages the rest are summarised, so a hostile tree cannot produce a huge 400 body. */
const MAX_MESSAGES = 50;
const LEAF_KEYS = ['field', 'op', 'value'] as const;
const GROUP_KEYS = ['operator', 'conditions'] as const;
export type FilterErrorKey = (typeof LEAF_KEYS)[number] | (typeof GROUP_KEYS)[number];

/**
 * The D8 prefix of a node: `conditions[1].conditions[0]`, plus `.op` etc. when the message is about one
 * key. For the root node that leaves just the key (`op`, for a filter that is a single condition), and
 * nothing at all for a message about the root node as a whole (the SPA shows those above the builder).
 */
export function formatFilterErrorPath(path: readonly number[], key?: FilterErrorKey): string {
  return [...path.map((index) => `conditions[${index}]`), ...(key === undefined ? [] : [key])].join('.');
}

const PATH_PATTERN =
  /^(conditions\[\d+\](?:\.conditions\[\d+\])*)(?:\.(field|op|value|operator|conditions))?: ([\s\S]*)$/;
const ROOT_KEY_PATTERN = /^(field|op|value|operator|conditions): ([\s\S]*)$/;

/**
 * Splits a D8 filter message into the condition indices of the node it names, the key it is about and
 * the bare message. A message that starts with a bare key (`op: …`) names the root node, `[]`; `path`
 * is null when the message names no node (then show it above the builder). Total.
 */
export function splitFilterErrorPath(message: string): {
  path: number[] | null;
  key: FilterErrorKey | null;
  message: string;
} {
  const match = PATH_PATTERN.exec(message);
  if (match?.[1] !== undefined && match[3] !== undefined) {
    const path = [...match[1].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return { path, key: toErrorKey(match[2]), message: match[3] };
  }
  const root = ROOT_KEY_PATTERN.exec(message);
  if (root?.[2] !== undefined) return { path: [], key: toErrorKey(root[1]), message: root[2] };
  return { path: null, key: null, message };
}

function toErrorKey(text: string | undefined): FilterErrorKey | null {
  return [...LEAF_KEYS, ...GROUP_KEYS].find((key) => key === text) ?? null;
}

/**
 * The fields a filter may name and the group operators it may use. Call-log filters (dashboards,
 * widgets, overrides, `filters_v2`) use the field catalogue; the metrics list has its own fields.
 */
export interface FilterFields {
  lookup(field: string): FieldSpec | undefined;
  readonly operators: readonly GroupOperator[];
  /** The operators as the end of a sentence ("use …"). */
  readonly operatorChoices: string;
}

const CALL_LOG_FILTER_FIELDS: FilterFields = {
  lookup: lookupField,
  operators: GROUP_OPERATORS,
  operatorChoices: 'and, or or same_row',
};

interface Walk {
  messages: string[];
  suppressed: number;
  leaves: number;
  inValues: number;
  metricIds: ReadonlySet<number> | null;
  fields: FilterFields;
  checkRegex: RegexCheck | null;
}

function report(walk: Walk, path: readonly number[], key: FilterErrorKey | undefined, message: string): void {
  if (walk.messages.length >= MAX_MESSAGES) {
    walk.suppressed += 1;
    return;
  }
  const prefix = formatFilterErrorPath(path, key);
  walk.messages.push(prefix === '' ? message : `${prefix}: ${message}`);
}

/**
 * Validates a wire filter tree (D8, D9, D11, `FILTER_LIMITS`) and returns every problem as a
 * path-prefixed message (`conditions[1].conditions[0].op: 'regex' is not allowed for field 'duration'`;
 * `op: …` when the filter is a single condition); messages about the root node as a whole have no
 * prefix. `null`/`undefined` mean "no filter" and are valid. See `FilterCheckOptions` for the metric
 * and regex checks. Never throws, whatever the input.
 */
export function validateFilter(filter: unknown, options?: FilterCheckOptions): string[] {
  if (filter === null || filter === undefined) return [];
  const metrics = options?.metrics;
  const walk: Walk = {
    messages: [],
    suppressed: 0,
    leaves: 0,
    inValues: 0,
    metricIds: metrics ? new Set(metrics.map((metric) => metric.id)) : null,
    fields: options?.fields ?? CALL_LOG_FILTER_FIELDS,
    checkRegex: options?.checkRegex ?? null,
  };
  visitNode(walk, filter, [], 0, null);
  if (walk.inValues > FILTER_LIMITS.maxInValuesTotal) {
    walk.messages.unshift(
      `A filter may hold at most ${FILTER_LIMITS.maxInValuesTotal} 'in' values in all; this one has ${walk.inValues}`,
    );
  }
  if (walk.leaves > FILTER_LIMITS.maxConditions) {
    walk.messages.unshift(
      `A filter may hold at most ${FILTER_LIMITS.maxConditions} conditions; this one has ${walk.leaves}`,
    );
  }
  if (walk.suppressed > 0) {
    walk.messages.push(`…and ${walk.suppressed} more ${walk.suppressed === 1 ? 'problem' : 'problems'}`);
  }
  return walk.messages;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visitNode(
  walk: Walk,
  node: unknown,
  path: readonly number[],
  groupsAbove: number,
  parent: GroupOperator | null,
): void {
  if (!isRecord(node)) {
    const what = path.length === 0 ? 'A filter' : 'Each condition';
    report(
      walk,
      path,
      undefined,
      `${what} must be an object: a condition {field, op, value} or a group {operator, conditions}, not ${describeType(node)}`,
    );
    return;
  }
  const keys = Object.keys(node);
  const hasLeafKey = keys.some((key) => isOneOf(key, LEAF_KEYS));
  const hasGroupKey = keys.some((key) => isOneOf(key, GROUP_KEYS));
  if (hasLeafKey && hasGroupKey) {
    report(
      walk,
      path,
      undefined,
      'A node is either a condition (field, op, value) or a group (operator, conditions), not both',
    );
    return;
  }
  if (hasGroupKey) {
    visitGroup(walk, node, keys, path, groupsAbove, parent);
    return;
  }
  if (!hasLeafKey) {
    report(
      walk,
      path,
      undefined,
      'A node needs field, op and value (a condition) or operator and conditions (a group)',
    );
    return;
  }
  walk.leaves += 1;
  visitLeaf(walk, node, keys, path, parent);
}

function visitGroup(
  walk: Walk,
  node: Record<string, unknown>,
  keys: readonly string[],
  path: readonly number[],
  groupsAbove: number,
  parent: GroupOperator | null,
): void {
  const depth = groupsAbove + 1;
  if (depth > FILTER_LIMITS.maxDepth) {
    // Stop here: the subtree is rejected anyway, and not descending bounds the recursion.
    report(walk, path, undefined, `Groups may be nested at most ${FILTER_LIMITS.maxDepth} levels deep`);
    return;
  }
  if (parent === 'same_row') {
    report(walk, path, undefined, 'A same_row group can hold only conditions, not nested groups');
  }
  for (const key of keys) {
    if (!isOneOf(key, GROUP_KEYS)) {
      report(
        walk,
        path,
        undefined,
        `Unexpected key '${clip(key)}' in a group; a group has only operator and conditions`,
      );
    }
  }
  const { operator, conditions } = node;
  let groupOperator: GroupOperator | null = null;
  if (!Object.hasOwn(node, 'operator')) {
    report(walk, path, 'operator', `A group needs an operator: ${walk.fields.operatorChoices}`);
  } else if (typeof operator === 'string' && isOneOf(operator, walk.fields.operators)) {
    groupOperator = operator;
  } else {
    report(
      walk,
      path,
      'operator',
      `Unknown group operator ${quote(operator)}; use ${walk.fields.operatorChoices}`,
    );
  }
  if (!Object.hasOwn(node, 'conditions')) {
    report(walk, path, 'conditions', 'A group needs a list of conditions');
    return;
  }
  if (!Array.isArray(conditions)) {
    report(walk, path, 'conditions', `Conditions must be a list, not ${describeType(conditions)}`);
    return;
  }
  if (conditions.length === 0) {
    report(walk, path, 'conditions', 'A group needs at least one condition');
    return;
  }
  // An index loop, not forEach: sparse arrays must visit their holes (as "not an object").
  for (let index = 0; index < conditions.length; index += 1) {
    visitNode(walk, conditions[index], [...path, index], depth, groupOperator);
  }
}

function visitLeaf(
  walk: Walk,
  node: Record<string, unknown>,
  keys: readonly string[],
  path: readonly number[],
  parent: GroupOperator | null,
): void {
  for (const key of keys) {
    if (!isOneOf(key, LEAF_KEYS)) {
      report(
        walk,
        path,
        undefined,
        `Unexpected key '${clip(key)}' in a condition; a condition has only field, op and value`,
      );
    }
  }
  const missing = LEAF_KEYS.filter((key) => !Object.hasOwn(node, key));
  if (missing.length > 0) {
    report(walk, path, undefined, `A condition needs field, op and value (missing: ${missing.join(', ')})`);
  }
  const spec = checkField(walk, node.field, path, parent);
  const op = checkOp(walk, node.op, spec, path);
  if (spec === null || op === null || !Object.hasOwn(node, 'value')) return;
  checkValue(walk, spec, op, node.value, path);
}

function checkField(
  walk: Walk,
  field: unknown,
  path: readonly number[],
  parent: GroupOperator | null,
): FieldSpec | null {
  if (field === undefined) return null;
  if (typeof field !== 'string') {
    report(walk, path, 'field', `Field must be a field name, not ${describeType(field)}`);
    return null;
  }
  if (parent === 'same_row' && !field.startsWith('metric_evaluations.')) {
    report(
      walk,
      path,
      'field',
      `Only metric evaluation fields (metric_evaluations.*) can be used inside a same_row group, not '${clip(field)}'`,
    );
  }
  const spec = walk.fields.lookup(field);
  if (spec !== undefined && spec.filterOps.length > 0) return spec;
  if (walk.fields === CALL_LOG_FILTER_FIELDS && isMetadataField(field)) {
    const key = field.slice(METADATA_PREFIX.length);
    const message = key.includes('.')
      ? 'Nested metadata keys are not supported; use a top-level key such as metadata.region'
      : `Invalid metadata key '${clip(key)}': use letters, digits and underscores, starting with a letter or underscore`;
    report(walk, path, 'field', message);
    return null;
  }
  report(
    walk,
    path,
    'field',
    spec === undefined
      ? `Unknown field '${clip(field)}'`
      : `Field '${clip(field)}' cannot be used in filters`,
  );
  return null;
}

function checkOp(walk: Walk, op: unknown, spec: FieldSpec | null, path: readonly number[]): FilterOp | null {
  if (op === undefined) return null;
  if (typeof op !== 'string' || !isOneOf(op, FILTER_OPS)) {
    report(walk, path, 'op', `Unknown operator ${quote(op)}`);
    return null;
  }
  if (spec === null) return null;
  if (!spec.filterOps.includes(op)) {
    report(walk, path, 'op', `'${op}' is not allowed for field '${clip(spec.field)}'`);
    return null;
  }
  return op;
}

function checkValue(
  walk: Walk,
  spec: FieldSpec,
  op: FilterOp,
  value: unknown,
  path: readonly number[],
): void {
  const fail = (message: string) => report(walk, path, 'value', message);
  const field = clip(spec.field);
  switch (op) {
    case 'isnull':
      if (typeof value !== 'boolean') fail(`'isnull' needs true (is empty) or false (is not empty)`);
      return;
    case 'in':
      checkInValues(walk, spec, value, path);
      return;
    case 'regex':
      checkRegex(value, spec, walk.checkRegex, fail);
      return;
    case 'contains':
    case 'startswith':
    case 'endswith':
      if (typeof value !== 'string') fail(`'${op}' needs text, not ${describeType(value)}`);
      else if (value.length > FILTER_LIMITS.maxTextLength)
        fail(`'${op}' text may be at most ${FILTER_LIMITS.maxTextLength} characters long`);
      // SQL LIKE reads its pattern as a C string: a NUL would cut it short and match everything.
      else if (value.includes('\u0000')) fail(`'${op}' text may not contain the NUL character (U+0000)`);
      // An unpaired surrogate is not text: SQLite stores UTF-8 and turns it into U+FFFD, so it could
      // never match what the same half-character matches in JavaScript.
      else if (!isWellFormedText(value))
        fail(`'${op}' text must be valid Unicode (it has a broken character)`);
      return;
    default: {
      const problem = valueTypeProblem(spec.valueType, value);
      if (problem !== null) fail(`Value for '${field}' ${problem}`);
    }
  }
  if (spec.field === 'metric_evaluations.metric.id') checkMetricIds(walk, [value], path);
}

function checkInValues(walk: Walk, spec: FieldSpec, value: unknown, path: readonly number[]): void {
  const fail = (message: string) => report(walk, path, 'value', message);
  if (!Array.isArray(value)) {
    fail(`'in' needs a list of values, not ${describeType(value)}`);
    return;
  }
  if (value.length === 0) {
    fail(`'in' needs at least one value`);
    return;
  }
  walk.inValues += value.length;
  if (value.length > FILTER_LIMITS.maxInValues) {
    fail(`'in' accepts at most ${FILTER_LIMITS.maxInValues} values; this list has ${value.length}`);
    return;
  }
  for (let index = 0; index < value.length; index += 1) {
    const problem = valueTypeProblem(spec.valueType, value[index]);
    if (problem !== null) fail(`Item ${index + 1} of the list for '${clip(spec.field)}' ${problem}`);
  }
  if (spec.field === 'metric_evaluations.metric.id') checkMetricIds(walk, value, path);
}

function checkMetricIds(walk: Walk, ids: readonly unknown[], path: readonly number[]): void {
  if (walk.metricIds === null) return;
  for (const id of ids) {
    if (typeof id === 'number' && Number.isSafeInteger(id) && !walk.metricIds.has(id)) {
      report(walk, path, 'value', `Unknown metric ${id}`);
    }
  }
}

function checkRegex(
  value: unknown,
  spec: FieldSpec,
  dialectCheck: RegexCheck | null,
  fail: (message: string) => void,
): void {
  if (spec.dataType !== 'string') {
    fail(`'regex' works on text fields only`);
    return;
  }
  if (typeof value !== 'string') {
    fail(`'regex' needs a regular expression as text, not ${describeType(value)}`);
    return;
  }
  if (value.length > FILTER_LIMITS.maxRegexLength) {
    fail(`A regular expression may be at most ${FILTER_LIMITS.maxRegexLength} characters long`);
    return;
  }
  const reason = findRegexSyntaxProblem(value) ?? dialectCheck?.(value) ?? null;
  if (reason !== null) fail(`Invalid regular expression: ${reason}`);
}

/** Why a value does not fit a field's value type (as the end of a sentence), or null when it fits. */
function valueTypeProblem(type: ValueType, value: unknown): string | null {
  switch (type) {
    case 'integer':
      return Number.isSafeInteger(value) ? null : `must be a whole number, not ${describeType(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `must be a number, not ${describeType(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be true or false, not ${describeType(value)}`;
    case 'string':
      return typeof value === 'string' ? null : `must be text, not ${describeType(value)}`;
    case 'datetime':
      return isTimeValue(value)
        ? null
        : 'must be an ISO-8601 date or date-time (2025-11-03T10:30:00Z) or a relative time such as now-7d or today';
    case 'dynamic':
      return typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
        ? null
        : `must be a number, text or true/false, not ${describeType(value)}`;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text '${clip(value)}'`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : 'a non-finite number';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${clip(value)}'` : describeType(value);
}

/** Keeps echoed user input short in messages. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return options.some((option) => option === value);
}
