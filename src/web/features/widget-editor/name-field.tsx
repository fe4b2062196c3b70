import { memo } from 'react';
import { Field } from '../../ui/field.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import type { WidgetDraft } from './widget-form-model.ts';

/**
 * The widget's name. A part of its own (memoised) so that typing a name renders this field and the
 * header, not the pickers and the chart.
 */
export const NameField = memo(function NameField(props: {
  value: string;
  error: string | undefined;
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  seal: () => void;
}) {
  const { value, error, change, seal } = props;
  return (
    <Field label="Name" error={error} hint="Shown on the dashboard card.">
      {(control) => (
        <TextInput
          {...control}
          value={value}
          placeholder="Untitled widget"
          onChange={(event) => change({ name: event.target.value }, 'name')}
          onBlur={seal}
        />
      )}
    </Field>
  );
});
