import fc from 'fast-check';
import {
  FILTER_LIMITS,
  formatFilterErrorPath,
  splitFilterErrorPath,
  validateFilter,
} from './filter-validation.ts';
import type { Metric } from './metric-schema.ts';

const leaf = (field: unknown, op: unknown, value: unknown) => ({ field, op, value });
const group = (operator: string, ...conditions: unknown[]) => ({ operator, conditions });
const ts = leaf('timestamp', 'gte', 'now-7d');

describe('validateFilter: valid filters', () => {
  it.each<[string, unknown]>([
    ['null (no filter)', null],
    ['undefined (no filter)', undefined],
    ['a root leaf', ts],
    ['contract sample condition', leaf('agent.id', 'eq', 123)],
    ['contract sample compound', group('and', ts, leaf('timestamp', 'lte', 'now'))],
    [
      'guide nesting example',
      group(
        'and',
        leaf('success', 'eq', true),
        group('or', leaf('duration', 'gte', 120), leaf('call_ended_reason', 'contains', 'timeout')),
      ),
    ],
    [
      'same_row of metric evaluations',
      group(
        'same_row',
        leaf('metric_evaluations.metric.name', 'eq', 'accuracy'),
        leaf('metric_evaluations.value', 'gte', 0.9),
      ),
    ],
    ['metadata eq', leaf('metadata.org_name', 'eq', 'Acme Corp')],
    ['metadata in', leaf('metadata.region', 'in', ['US', 'EU'])],
    ['metadata isnull', leaf('metadata.region', 'isnull', false)],
    ['id in integers', leaf('id', 'in', [1, 2, 3])],
    ['duration decimal', leaf('duration', 'lt', 12.5)],
    ['timestamp ISO', leaf('timestamp', 'gt', '2025-11-03T10:30:00Z')],
    ['timestamp date', leaf('timestamp', 'lte', '2025-11-03')],
    ['timestamp today-7d', leaf('timestamp', 'gte', 'today-7d')],
    ['agent name regex', leaf('agent.agent_name', 'regex', '^sales-(eu|us)$')],
    ['agent name endswith', leaf('agent.agent_name', 'endswith', 'bot')],
    ['customer number startswith', leaf('customer_number', 'startswith', '+44')],
    ['metric value string', leaf('metric_evaluations.value', 'eq', 'good')],
    ['metric value boolean', leaf('metric_evaluations.value', 'neq', false)],
    ['metric value in mixed', leaf('metric_evaluations.value', 'in', [1, 'a', true])],
    ['success isnull', leaf('success', 'isnull', true)],
    [
      'in with 1000 values',
      leaf(
        'id',
        'in',
        Array.from({ length: 1000 }, (_, i) => i),
      ),
    ],
    ['200 leaves', group('and', ...Array.from({ length: 200 }, () => ts))],
    ['8 nested groups', nest(8, ts)],
    ['regex of 200 chars', leaf('agent.agent_name', 'regex', 'a'.repeat(200))],
    ['RE2 case-insensitive flag', leaf('agent.agent_name', 'regex', '(?i)^sales')],
    ['RE2 named group', leaf('agent.agent_name', 'regex', '(?P<region>eu|us)')],
    ['regex with brackets in a class', leaf('agent.agent_name', 'regex', '[]()[]+\\)')],
    ['regex with POSIX class', leaf('agent.agent_name', 'regex', '[[:alpha:]]+[)]')],
    ['regex with quoted text', leaf('agent.agent_name', 'regex', '\\Q(?=\\E')],
    [
      `in lists totalling ${FILTER_LIMITS.maxInValuesTotal} values`,
      group(
        'or',
        ...Array.from({ length: FILTER_LIMITS.maxInValuesTotal / 1000 }, () =>
          leaf(
            'id',
            'in',
            Array.from({ length: 1000 }, (_, i) => i),
          ),
        ),
      ),
    ],
    ['contains text of 1000 chars', leaf('topic', 'contains', 'x'.repeat(1000))],
    ['empty string value', leaf('topic', 'eq', '')],
  ])('%s', (_name, filter) => {
    expect(validateFilter(filter)).toEqual([]);
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nest(groups: number, inner: unknown): unknown {
  let node = inner;
  for (let i = 0; i < groups; i += 1) node = group('and', node);
  return node;
}

describe('validateFilter: problems', () => {
  it.each<[string, unknown, string[]]>([
    // Structure.
    [
      'a string',
      'now-7d',
      [
        "A filter must be an object: a condition {field, op, value} or a group {operator, conditions}, not the text 'now-7d'",
      ],
    ],
    [
      'an array',
      [ts],
      [
        'A filter must be an object: a condition {field, op, value} or a group {operator, conditions}, not a list',
      ],
    ],
    [
      'an empty object',
      {},
      ['A node needs field, op and value (a condition) or operator and conditions (a group)'],
    ],
    [
      'unrelated keys only',
      { foo: 1 },
      ['A node needs field, op and value (a condition) or operator and conditions (a group)'],
    ],
    [
      'mixed leaf and group',
      { ...ts, operator: 'and', conditions: [] },
      ['A node is either a condition (field, op, value) or a group (operator, conditions), not both'],
    ],
    [
      'leaf with an extra key',
      { ...ts, id: 'n1' },
      ["Unexpected key 'id' in a condition; a condition has only field, op and value"],
    ],
    [
      'leaf without value',
      { field: 'duration', op: 'gt' },
      ['A condition needs field, op and value (missing: value)'],
    ],
    [
      'leaf with field only',
      { field: 'duration' },
      ['A condition needs field, op and value (missing: op, value)'],
    ],
    [
      'group with an extra key',
      { ...group('and', ts), not: true },
      ["Unexpected key 'not' in a group; a group has only operator and conditions"],
    ],
    [
      'group without operator',
      { conditions: [ts] },
      ['operator: A group needs an operator: and, or or same_row'],
    ],
    [
      'group with unknown operator',
      group('xor', ts),
      ["operator: Unknown group operator 'xor'; use and, or or same_row"],
    ],
    [
      'group with a numeric operator',
      group('1', ts),
      ["operator: Unknown group operator '1'; use and, or or same_row"],
    ],
    ['group without conditions', { operator: 'and' }, ['conditions: A group needs a list of conditions']],
    [
      'conditions not a list',
      { operator: 'and', conditions: ts },
      ['conditions: Conditions must be a list, not an object'],
    ],
    ['empty conditions', group('and'), ['conditions: A group needs at least one condition']],
    [
      'a null child',
      group('and', ts, null),
      [
        'conditions[1]: Each condition must be an object: a condition {field, op, value} or a group {operator, conditions}, not null',
      ],
    ],
    // Fields.
    ['unknown field', leaf('x', 'eq', 1), ["field: Unknown field 'x'"]],
    ['field not a string', leaf(42, 'eq', 1), ['field: Field must be a field name, not the number 42']],
    ['plot-only field', leaf('agent_id', 'eq', 1), ["field: Field 'agent_id' cannot be used in filters"]],
    [
      'nested metadata',
      leaf('metadata.a.b', 'eq', 'x'),
      ['field: Nested metadata keys are not supported; use a top-level key such as metadata.region'],
    ],
    [
      'metadata wildcard',
      leaf('metadata.*', 'eq', 'x'),
      [
        "field: Invalid metadata key '*': use letters, digits and underscores, starting with a letter or underscore",
      ],
    ],
    [
      'empty metadata key',
      leaf('metadata.', 'eq', 'x'),
      [
        "field: Invalid metadata key '': use letters, digits and underscores, starting with a letter or underscore",
      ],
    ],
    // Operators.
    [
      'regex on duration',
      leaf('duration', 'regex', 'a'),
      ["op: 'regex' is not allowed for field 'duration'"],
    ],
    ['unknown op', leaf('duration', 'like', 'a'), ["op: Unknown operator 'like'"]],
    ['op not a string', leaf('duration', null, 1), ['op: Unknown operator null']],
    [
      'neq on is_reviewed',
      leaf('is_reviewed', 'neq', true),
      ["op: 'neq' is not allowed for field 'is_reviewed'"],
    ],
    [
      'isnull on metadata wrong value',
      leaf('metadata.region', 'isnull', 'yes'),
      ["value: 'isnull' needs true (is empty) or false (is not empty)"],
    ],
    // Values.
    [
      'duration as text',
      leaf('duration', 'gt', '60'),
      ["value: Value for 'duration' must be a number, not the text '60'"],
    ],
    [
      'id not an integer',
      leaf('id', 'eq', 1.5),
      ["value: Value for 'id' must be a whole number, not the number 1.5"],
    ],
    [
      'agent.id unsafe integer',
      leaf('agent.id', 'eq', 2 ** 60),
      [`value: Value for 'agent.id' must be a whole number, not the number ${2 ** 60}`],
    ],
    [
      'success as text',
      leaf('success', 'eq', 'true'),
      ["value: Value for 'success' must be true or false, not the text 'true'"],
    ],
    ['topic as number', leaf('topic', 'eq', 3), ["value: Value for 'topic' must be text, not the number 3"]],
    [
      'bad relative time',
      leaf('timestamp', 'gte', 'now-7'),
      [
        "value: Value for 'timestamp' must be an ISO-8601 date or date-time (2025-11-03T10:30:00Z) or a relative time such as now-7d or today",
      ],
    ],
    [
      'epoch timestamp',
      leaf('timestamp', 'gte', 1730629800000),
      [
        "value: Value for 'timestamp' must be an ISO-8601 date or date-time (2025-11-03T10:30:00Z) or a relative time such as now-7d or today",
      ],
    ],
    [
      'metric value object',
      leaf('metric_evaluations.value', 'eq', { a: 1 }),
      ["value: Value for 'metric_evaluations.value' must be a number, text or true/false, not an object"],
    ],
    [
      'metric value null',
      leaf('metric_evaluations.value', 'eq', null),
      ["value: Value for 'metric_evaluations.value' must be a number, text or true/false, not null"],
    ],
    ['in with a scalar', leaf('topic', 'in', 'a'), ["value: 'in' needs a list of values, not the text 'a'"]],
    ['in empty', leaf('topic', 'in', []), ["value: 'in' needs at least one value"]],
    [
      'in too long',
      leaf(
        'id',
        'in',
        Array.from({ length: 1001 }, (_, i) => i),
      ),
      ["value: 'in' accepts at most 1000 values; this list has 1001"],
    ],
    [
      'in with a wrong item',
      leaf('agent.id', 'in', [1, '2', 3]),
      ["value: Item 2 of the list for 'agent.id' must be a whole number, not the text '2'"],
    ],
    ['contains a number', leaf('topic', 'contains', 5), ["value: 'contains' needs text, not the number 5"]],
    [
      'contains an unpaired surrogate',
      leaf('topic', 'contains', 'i \ud83c'),
      ["value: 'contains' text must be valid Unicode (it has a broken character)"],
    ],
    [
      'contains a NUL character',
      leaf('topic', 'contains', 'a\u0000b'),
      ["value: 'contains' text may not contain the NUL character (U+0000)"],
    ],
    [
      'startswith null',
      leaf('customer_number', 'startswith', null),
      ["value: 'startswith' needs text, not null"],
    ],
    [
      'endswith a list',
      leaf('agent.agent_name', 'endswith', ['a']),
      ["value: 'endswith' needs text, not a list"],
    ],
    [
      'regex not text',
      leaf('agent.agent_name', 'regex', 1),
      ["value: 'regex' needs a regular expression as text, not the number 1"],
    ],
    [
      'regex too long',
      leaf('agent.agent_name', 'regex', 'a'.repeat(201)),
      ['value: A regular expression may be at most 200 characters long'],
    ],
    [
      'regex does not compile',
      leaf('agent.agent_name', 'regex', '(unclosed'),
      ['value: Invalid regular expression: missing closing )'],
    ],
    [
      'regex with an unmatched )',
      leaf('agent.agent_name', 'regex', 'a)'),
      ['value: Invalid regular expression: unexpected )'],
    ],
    [
      'regex with an open class',
      leaf('agent.agent_name', 'regex', '[a'),
      ['value: Invalid regular expression: missing closing ]'],
    ],
    [
      'regex ending in a backslash',
      leaf('agent.agent_name', 'regex', 'a\\'),
      ['value: Invalid regular expression: trailing backslash at end of expression'],
    ],
    [
      'regex lookahead',
      leaf('agent.agent_name', 'regex', 'bot(?=s)'),
      [
        'value: Invalid regular expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported (RE2 syntax)',
      ],
    ],
    [
      'regex lookbehind',
      leaf('agent.agent_name', 'regex', '(?<!x)bot'),
      [
        'value: Invalid regular expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported (RE2 syntax)',
      ],
    ],
    [
      'regex backreference',
      leaf('agent.agent_name', 'regex', '(a)\\1'),
      ['value: Invalid regular expression: backreferences (\\1, \\k<name>) are not supported (RE2 syntax)'],
    ],
    [
      'regex atomic group',
      leaf('agent.agent_name', 'regex', '(?>a)'),
      ['value: Invalid regular expression: atomic groups ((?>) are not supported (RE2 syntax)'],
    ],
    [
      'contains text too long',
      leaf('topic', 'contains', 'x'.repeat(1001)),
      ["value: 'contains' text may be at most 1000 characters long"],
    ],
    [
      'endswith text too long',
      leaf('agent.agent_name', 'endswith', 'x'.repeat(1001)),
      ["value: 'endswith' text may be at most 1000 characters long"],
    ],
    // Limits and same_row.
    [
      '9 nested groups',
      nest(9, ts),
      [`${'conditions[0].'.repeat(8).slice(0, -1)}: Groups may be nested at most 8 levels deep`],
    ],
    [
      '201 leaves',
      group('and', ...Array.from({ length: 201 }, () => ts)),
      ['A filter may hold at most 200 conditions; this one has 201'],
    ],
    [
      'in lists over the total',
      group(
        'or',
        leaf(
          'id',
          'in',
          Array.from({ length: 1000 }, (_, i) => i),
        ),
        ...Array.from({ length: FILTER_LIMITS.maxInValuesTotal / 1000 }, () =>
          leaf(
            'metadata.region',
            'in',
            Array.from({ length: 1000 }, () => 'EU'),
          ),
        ),
      ),
      [
        `A filter may hold at most ${FILTER_LIMITS.maxInValuesTotal} 'in' values in all; this one has ${FILTER_LIMITS.maxInValuesTotal + 1000}`,
      ],
    ],
    [
      'same_row with a call field',
      group('same_row', leaf('metric_evaluations.value', 'eq', 1), leaf('duration', 'gt', 1)),
      [
        "conditions[1].field: Only metric evaluation fields (metric_evaluations.*) can be used inside a same_row group, not 'duration'",
      ],
    ],
    [
      'same_row with a nested group',
      group('same_row', group('and', leaf('metric_evaluations.value', 'eq', 1))),
      ['conditions[0]: A same_row group can hold only conditions, not nested groups'],
    ],
    // Paths.
    [
      'D8 example path',
      group('and', ts, group('or', leaf('duration', 'regex', 'x'))),
      ["conditions[1].conditions[0].op: 'regex' is not allowed for field 'duration'"],
    ],
    [
      'several problems in order',
      group('and', leaf('x', 'eq', 1), leaf('duration', 'gt', 'a')),
      [
        "conditions[0].field: Unknown field 'x'",
        "conditions[1].value: Value for 'duration' must be a number, not the text 'a'",
      ],
    ],
    [
      'clips long echoed input',
      leaf('f'.repeat(100), 'eq', 1),
      [`field: Unknown field '${'f'.repeat(57)}...'`],
    ],
  ])('%s', (_name, filter, expected) => {
    expect(validateFilter(filter)).toEqual(expected);
  });

  it('caps the number of messages', () => {
    const filter = group('and', ...Array.from({ length: 120 }, () => leaf('x', 'eq', 1)));
    const messages = validateFilter(filter);
    expect(messages).toHaveLength(51);
    expect(messages[49]).toBe("conditions[49].field: Unknown field 'x'");
    expect(messages[50]).toBe('…and 70 more problems');
  });

  it('visits holes in sparse condition lists', () => {
    const conditions: unknown[] = [ts];
    conditions[2] = ts;
    expect(validateFilter({ operator: 'and', conditions })).toEqual([
      'conditions[1]: Each condition must be an object: a condition {field, op, value} or a group {operator, conditions}, not nothing',
    ]);
  });
});

describe('validateFilter with metrics', () => {
  const metrics: Metric[] = [
    { id: 7, name: 'Accuracy', eval_type: 'numeric' },
    { id: 9, name: 'Outcome', eval_type: 'enum' },
  ];
  it.each<[string, unknown, string[]]>([
    ['known id', leaf('metric_evaluations.metric.id', 'eq', 7), []],
    ['known ids in', leaf('metric_evaluations.metric.id', 'in', [7, 9]), []],
    ['unknown id', leaf('metric_evaluations.metric.id', 'eq', 8), ['value: Unknown metric 8']],
    [
      'unknown id in a list',
      group('same_row', leaf('metric_evaluations.metric.id', 'in', [7, 10])),
      ['conditions[0].value: Unknown metric 10'],
    ],
  ])('%s', (_name, filter, expected) => {
    expect(validateFilter(filter, { metrics })).toEqual(expected);
  });

  it('does not check ids without a metric list', () => {
    expect(validateFilter(leaf('metric_evaluations.metric.id', 'eq', 8))).toEqual([]);
  });
});

describe('validateFilter with a regex dialect check', () => {
  const checkRegex = (pattern: string) =>
    pattern.includes('{1001}') ? 'invalid repeat count: `{1001}`' : null;

  it("adds the dialect's reason for a pattern the cheap scan lets through", () => {
    expect(validateFilter(leaf('agent.agent_name', 'regex', 'a{1001}'), { checkRegex })).toEqual([
      'value: Invalid regular expression: invalid repeat count: `{1001}`',
    ]);
    expect(validateFilter(leaf('agent.agent_name', 'regex', 'a{10}'), { checkRegex })).toEqual([]);
  });

  it('is not asked about a pattern the cheap scan already rejected', () => {
    const asked: string[] = [];
    const spy = (pattern: string) => {
      asked.push(pattern);
      return null;
    };
    expect(validateFilter(leaf('agent.agent_name', 'regex', '(a{1001}'), { checkRegex: spy })).toEqual([
      'value: Invalid regular expression: missing closing )',
    ]);
    expect(asked).toEqual([]);
  });
});

describe('FILTER_LIMITS', () => {
  it('matches D9 and D11', () => {
    expect(FILTER_LIMITS).toEqual({
      maxDepth: 8,
      maxConditions: 200,
      maxInValues: 1000,
      maxInValuesTotal: 5000,
      maxTextLength: 1000,
      maxRegexLength: 200,
    });
  });
});

describe('splitFilterErrorPath', () => {
  it.each<[string, number[] | null, string | null, string]>([
    [
      "conditions[1].conditions[0].op: 'regex' is not allowed for field 'duration'",
      [1, 0],
      'op',
      "'regex' is not allowed for field 'duration'",
    ],
    [
      'conditions[12]: A group needs at least one condition',
      [12],
      null,
      'A group needs at least one condition',
    ],
    ['conditions[0].value: a: b', [0], 'value', 'a: b'],
    ['op: Unknown operator', [], 'op', 'Unknown operator'],
    ["Unknown field 'x'", null, null, "Unknown field 'x'"],
    [
      'A filter may hold at most 200 conditions; this one has 201',
      null,
      null,
      'A filter may hold at most 200 conditions; this one has 201',
    ],
    ['conditions[x]: odd', null, null, 'conditions[x]: odd'],
    ['Note: something', null, null, 'Note: something'],
    ['', null, null, ''],
  ])('%j', (message, path, key, rest) => {
    expect(splitFilterErrorPath(message)).toEqual({ path, key, message: rest });
  });

  it('inverts formatFilterErrorPath for every message validateFilter produces', () => {
    const filter = group(
      'and',
      ts,
      group('or', leaf('duration', 'regex', 'x'), leaf('x', 'eq', 1)),
      group('and'),
    );
    const split = validateFilter(filter).map(splitFilterErrorPath);
    expect(split.map((s) => s.path)).toEqual([[1, 0], [1, 1], [2]]);
    expect(formatFilterErrorPath([1, 0], 'op')).toBe('conditions[1].conditions[0].op');
    expect(formatFilterErrorPath([])).toBe('');
  });
});

describe('validateFilter properties', () => {
  it('never throws and always returns strings, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 6,
          withBigInt: true,
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withSparseArray: true,
          withObjectString: true,
        }),
        (input) => {
          const messages = validateFilter(input);
          expect(Array.isArray(messages)).toBe(true);
          for (const message of messages) expect(typeof message).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });

  const fieldArb = fc.constantFrom(
    'timestamp',
    'duration',
    'success',
    'topic',
    'agent.id',
    'metadata.region',
    'metadata.a.b',
    'metric_evaluations.value',
    'x',
  );
  const opArb = fc.constantFrom(
    'eq',
    'neq',
    'gt',
    'gte',
    'lt',
    'lte',
    'contains',
    'startswith',
    'endswith',
    'in',
    'isnull',
    'regex',
    'nope',
  );
  const valueArb = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('now-7d', 'today', '2025-11-03', '(', '[a-z]+'),
    fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('group')),
    leaf: fc.record({ field: fieldArb, op: opArb, value: valueArb }),
    group: fc.record({
      operator: fc.constantFrom('and', 'or', 'same_row', 'xor'),
      conditions: fc.array(tie('tree'), { maxLength: 4 }),
    }),
  }));

  it('names only nodes that exist in the tree', () => {
    fc.assert(
      fc.property(tree, (filter) => {
        for (const message of validateFilter(filter)) {
          const { path } = splitFilterErrorPath(message);
          let node: unknown = filter;
          for (const index of path ?? []) {
            const conditions: unknown = isRecord(node) ? node.conditions : undefined;
            expect(Array.isArray(conditions)).toBe(true);
            node = Array.isArray(conditions) ? conditions[index] : undefined;
          }
          expect(node).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly the trees built only from valid leaves and and/or groups', () => {
    const validLeaf = fc.constantFrom(
      ts,
      leaf('duration', 'gt', 3),
      leaf('topic', 'in', ['a']),
      leaf('metadata.region', 'isnull', true),
    );
    const { valid } = fc.letrec((tie) => ({
      valid: fc.oneof({ depthSize: 'small', maxDepth: 6 }, validLeaf, tie('validGroup')),
      validGroup: fc.record({
        operator: fc.constantFrom('and', 'or'),
        conditions: fc.array(tie('valid'), { minLength: 1, maxLength: 3 }),
      }),
    }));
    fc.assert(
      fc.property(valid, (filter) => {
        expect(validateFilter(filter)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
