import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { WidgetConflictError } from '../../../api/use-save-widget.ts';
import type { CachedWidget } from '../../../api/widget-cache.ts';
import { classifyWriteFailure, type WriteFailure } from './save-outcome.ts';
import { widgetToDraft } from '../draft/widget-form-model.ts';
import { makeWidget } from '../../../test-support/make-widget.ts';

const theirs: CachedWidget = { ...makeWidget({ name: 'Theirs' }), etag: '"2"' };
const mine = { ...widgetToDraft(theirs), name: 'Mine' };

const CASES: { name: string; error: unknown; attempted: typeof mine; expected: WriteFailure }[] = [
  {
    name: 'someone else saved: a conflict against their copy',
    error: new WidgetConflictError(theirs),
    attempted: mine,
    expected: { kind: 'conflict', theirs },
  },
  {
    name: 'their copy is what I sent: my write landed, only its answer was lost',
    error: new WidgetConflictError(theirs),
    attempted: widgetToDraft(theirs),
    expected: { kind: 'landed', theirs },
  },
  {
    name: 'a 400 puts its messages on the fields, the rest above the form',
    error: new ApiError({
      kind: 'http',
      method: 'PATCH',
      path: '/dashboards/widgets/41/',
      status: 400,
      message: 'Bad request',
      fieldErrors: { field: ['Unknown field.'], non_field_errors: ['Cross-field.'] },
    }),
    attempted: mine,
    expected: {
      kind: 'rejected',
      errors: { fields: { field: ['Unknown field.'] }, other: ['Cross-field.'] },
    },
  },
  {
    name: 'anything else fails with a readable message',
    error: new TypeError('Failed to fetch'),
    attempted: mine,
    expected: { kind: 'failed', message: 'Failed to fetch' },
  },
];

describe('classifyWriteFailure', () => {
  it.each(CASES)('$name', ({ error, attempted, expected }) => {
    expect(classifyWriteFailure(error, attempted)).toEqual(expected);
  });
});
