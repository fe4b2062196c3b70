import type { Metric } from '../../../../contract/metric-schema.ts';
import { changedDraftKeys } from './diff-widget.ts';
import { formatDraftValue } from '../draft/format-draft-value.ts';
import {
  DRAFT_FIELD_LABELS,
  DRAFT_KEYS,
  type WidgetDraft,
  type WidgetDraftKey,
} from '../draft/widget-form-model.ts';

export type ConflictChange = 'theirs' | 'mine' | 'both-same' | 'both-different';

export interface ConflictRow {
  key: WidgetDraftKey;
  label: string;
  /** As loaded, before either side changed it. */
  base: string;
  theirs: string;
  mine: string;
  change: ConflictChange;
}

/**
 * Field-by-field comparison for the conflict dialog: every field that someone changed since the
 * editor loaded `base`, saying who changed it. `both-different` rows are the real clashes (Overwrite
 * would replace their value with mine); `theirs` rows are kept on Overwrite because the PATCH only
 * carries my changed fields. Rows follow form order. Total.
 */
export function compareConflict(
  base: WidgetDraft,
  theirs: WidgetDraft,
  mine: WidgetDraft,
  metrics: readonly Metric[] = [],
): ConflictRow[] {
  const theirKeys = new Set(changedDraftKeys(base, theirs));
  const myKeys = new Set(changedDraftKeys(base, mine));
  const sameBetween = new Set(changedDraftKeys(theirs, mine));
  const rows: ConflictRow[] = [];
  for (const key of DRAFT_KEYS) {
    const byThem = theirKeys.has(key);
    const byMe = myKeys.has(key);
    if (!byThem && !byMe) continue;
    const change: ConflictChange =
      byThem && byMe ? (sameBetween.has(key) ? 'both-different' : 'both-same') : byThem ? 'theirs' : 'mine';
    rows.push({
      key,
      label: DRAFT_FIELD_LABELS[key],
      base: formatDraftValue(key, base, metrics),
      theirs: formatDraftValue(key, theirs, metrics),
      mine: formatDraftValue(key, mine, metrics),
      change,
    });
  }
  return rows;
}

/** Whether Overwrite would replace a value someone else set. */
export function hasClash(rows: readonly ConflictRow[]): boolean {
  return rows.some((row) => row.change === 'both-different');
}
