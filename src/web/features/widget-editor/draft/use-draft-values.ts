import { useRef } from 'react';
import { useWatch, type Control, type DeepPartial } from 'react-hook-form';
import { isJsonEqual } from '../../../lib/is-json-equal.ts';
import { DRAFT_KEYS, type WidgetDraft } from './widget-form-model.ts';
import type { WidgetFormContext } from './widget-resolver.ts';

/**
 * `next` with every field that equals the one in `previous` taken from `previous`, and `previous`
 * itself when nothing changed. react-hook-form hands watchers a fresh deep copy of the values on
 * every change; sharing the unchanged fields keeps their references, so the memoised parts of the
 * form (the filter builder, the pickers) render only when their own values change. Pure.
 */
export function shareDraft(previous: WidgetDraft | null, next: WidgetDraft): WidgetDraft {
  if (previous === null) return next;
  let same = true;
  const shared = { ...next };
  for (const key of DRAFT_KEYS) {
    if (isJsonEqual(previous[key], next[key])) Object.assign(shared, { [key]: previous[key] });
    else same = false;
  }
  return same ? previous : shared;
}

/** The form's values (the draft) for rendering: `useWatch` over the whole form, unchanged fields shared. */
export function useDraftValues(control: Control<WidgetDraft, WidgetFormContext>): WidgetDraft {
  const shared = useRef<WidgetDraft | null>(null);
  return useWatch({
    control,
    compute: (values: WidgetDraft) => {
      shared.current = shareDraft(shared.current, values);
      return shared.current;
    },
  });
}

/**
 * Whether the form's default values are a whole draft (the seed). They always are: they are set whole
 * (`useForm`'s `defaultValues`, `reset(seed)`), never from a promise; this narrows react-hook-form's
 * partial type without a cast.
 */
export function isWholeDraft(values: Readonly<DeepPartial<WidgetDraft>> | undefined): values is WidgetDraft {
  return values !== undefined && DRAFT_KEYS.every((key) => key in values);
}
