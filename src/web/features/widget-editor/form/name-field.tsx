import { memo } from 'react';
import { useController, type Control } from 'react-hook-form';
import { Button } from '../../../ui/button.tsx';
import { Field } from '../../../ui/field.tsx';
import { TextInput } from '../../../ui/text-input.tsx';
import type { WidgetDraft } from '../draft/widget-form-model.ts';
import type { WidgetFormContext } from '../draft/widget-resolver.ts';

/**
 * The widget's name, bound to the form's `name` field. A part of its own (memoised) so that typing a
 * name renders this field and the header, not the pickers and the chart. Writes go through `change`
 * (one undo step per word typed, see `useDraftEditor`).
 */
export const NameField = memo(function NameField(props: {
  control: Control<WidgetDraft, WidgetFormContext>;
  error: string | undefined;
  /** A name to offer when what the widget plots changed (`suggestName`); null for none. */
  suggestion?: string | null | undefined;
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  seal: () => void;
}) {
  const { control, error, change, seal, suggestion } = props;
  const { field } = useController({ control, name: 'name' });
  return (
    <div className="space-y-1.5">
      <Field label="Name" error={error} hint="Shown on the dashboard card.">
        {(control) => (
          <TextInput
            {...control}
            name={field.name}
            ref={field.ref}
            value={field.value}
            placeholder="Untitled widget"
            onChange={(event) => change({ name: event.target.value }, 'name')}
            onBlur={() => {
              field.onBlur();
              seal();
            }}
          />
        )}
      </Field>
      {suggestion ? (
        <div
          role="note"
          className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <span>The name may no longer describe what this widget shows.</span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              change({ name: suggestion }, 'name');
              seal();
            }}
          >
            Rename to “{suggestion}”
          </Button>
        </div>
      ) : null}
    </div>
  );
});
