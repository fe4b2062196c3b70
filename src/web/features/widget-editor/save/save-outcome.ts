import { isApiError, describeError } from '../../../api/api-error.ts';
import { isWidgetConflict } from '../../../api/use-save-widget.ts';
import type { CachedWidget } from '../../../api/widget-cache.ts';
import { changedDraftKeys } from './diff-widget.ts';
import { mapWidgetErrors, type DraftErrors } from '../draft/map-widget-errors.ts';
import { widgetToDraft, type WidgetDraft } from '../draft/widget-form-model.ts';

/** What a failed write means for the editor. */
export type WriteFailure =
  /** The server copy already says what I saved: my write landed, only its answer was lost. */
  | { kind: 'landed'; theirs: CachedWidget }
  /** Someone else saved since the form was seeded: show the conflict against their copy. */
  | { kind: 'conflict'; theirs: CachedWidget }
  /** A 400: its messages go on the fields of the draft that was sent. */
  | { kind: 'rejected'; errors: DraftErrors }
  | { kind: 'failed'; message: string };

/**
 * Classifies the error of a save or create of `attempted`. A conflict whose current copy equals the
 * attempted draft is a write that landed (a retried write then meets its own change), not a conflict.
 * Total: anything unknown is `failed` with a readable message.
 */
export function classifyWriteFailure(error: unknown, attempted: WidgetDraft): WriteFailure {
  if (isWidgetConflict(error)) {
    const same = changedDraftKeys(widgetToDraft(error.theirs), attempted).length === 0;
    return { kind: same ? 'landed' : 'conflict', theirs: error.theirs };
  }
  if (isApiError(error) && error.kind === 'http' && error.status === 400) {
    return { kind: 'rejected', errors: mapWidgetErrors(error.fieldErrors) };
  }
  return { kind: 'failed', message: describeError(error) };
}
