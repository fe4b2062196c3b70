import type { DrfErrors } from '../../../../contract/drf-errors.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { DRAFT_KEYS, type WidgetDraft, type WidgetDraftKey } from './widget-form-model.ts';

export interface DraftErrors {
  /** Messages per form field (filter messages keep their D8 path prefix for the builder). */
  fields: Partial<Record<WidgetDraftKey, string[]>>;
  /** Messages that belong to no field (`detail`, `non_field_errors`, unknown keys), for the top. */
  other: string[];
}

/** Wire keys that are not draft keys but belong to a form field. */
const WIRE_TO_DRAFT: Record<string, WidgetDraftKey> = {
  metadata: 'display',
};

function isDraftKey(key: string): key is WidgetDraftKey {
  return DRAFT_KEYS.some((draftKey) => draftKey === key);
}

/**
 * Places DRF errors (from `checkWidget` or a 400) on the form fields that caused them: wire names are
 * the draft's names, `metadata` is the display options, and everything else (`detail`,
 * `non_field_errors`, `dashboard`, keys this client does not know) is listed with its key for the
 * message above the form. Total.
 */
export function mapWidgetErrors(errors: DrfErrors | null): DraftErrors {
  const fields: Partial<Record<WidgetDraftKey, string[]>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const target = isDraftKey(key) ? key : WIRE_TO_DRAFT[key];
    if (target === undefined) {
      const plain = key === 'detail' || key === 'non_field_errors';
      other.push(...messages.map((message) => (plain ? message : `${key}: ${message}`)));
      continue;
    }
    fields[target] = [...(fields[target] ?? []), ...messages];
  }
  return { fields, other };
}

/** Errors a server returned for a draft, kept with that draft. */
export interface ServerErrors {
  draft: WidgetDraft;
  errors: DraftErrors;
}

/**
 * The server errors that still apply to the current draft: a field's messages until that field is
 * changed, messages outside fields until anything is changed. Total.
 */
export function activeServerErrors(server: ServerErrors | null, current: WidgetDraft): DraftErrors {
  if (server === null) return { fields: {}, other: [] };
  const changed = new Set(changedDraftKeys(server.draft, current));
  const fields: DraftErrors['fields'] = {};
  for (const key of DRAFT_KEYS) {
    const messages = server.errors.fields[key];
    if (messages && !changed.has(key)) fields[key] = messages;
  }
  return { fields, other: changed.size === 0 ? server.errors.other : [] };
}
