import { memo } from 'react';
import type { ChartType } from '../../../../contract/enums.ts';
import {
  displayOptionsFor,
  WIDGET_COLORS,
  type WidgetColor,
  type WidgetDisplay,
} from '../../../../contract/widget-display.ts';
import { classNames } from '../../../lib/class-names.ts';
import { Checkbox } from '../../../ui/checkbox.tsx';
import { Field } from '../../../ui/field.tsx';
import { TextInput } from '../../../ui/text-input.tsx';

/** Swatch classes per widget colour (Tailwind needs the class names written out). */
const SWATCH: Record<WidgetColor, string> = {
  indigo: 'bg-indigo-500',
  sky: 'bg-sky-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  violet: 'bg-violet-500',
  slate: 'bg-slate-500',
};

/**
 * Display options kept in `metadata.display`: colour, legend, points and a value unit, each shown only
 * for a chart type it applies to (`displayOptionsFor`). They only change how the chart is drawn, so
 * editing them redraws the preview without any request. Memoised: it renders only when the display
 * options, the chart type or their message change.
 */
export const DisplayOptionsControl = memo(function DisplayOptionsControl(props: {
  chartType: ChartType;
  value: WidgetDisplay;
  onChange: (display: WidgetDisplay, group?: string) => void;
  onBlur: () => void;
  error?: string | undefined;
}) {
  const { value, onChange, onBlur, error, chartType } = props;
  const applies = displayOptionsFor(chartType);
  if (!applies.color && !applies.legend && !applies.points && !applies.unit) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A call summary has no display options: its figures carry their own units.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {applies.color ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Colour</legend>
          <div className="mt-1.5 flex flex-wrap gap-2">
            {WIDGET_COLORS.map((color) => (
              <label
                key={color}
                title={color}
                className={classNames(
                  'relative size-7 cursor-pointer rounded-full ring-offset-2 dark:ring-offset-slate-900',
                  SWATCH[color],
                  value.color === color && 'ring-2 ring-slate-900 dark:ring-slate-100',
                  'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
                )}
              >
                <input
                  type="radio"
                  name="widget-colour"
                  className="sr-only"
                  aria-label={color}
                  checked={value.color === color}
                  onChange={() => onChange({ ...value, color })}
                />
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {applies.legend ? (
          <Checkbox
            label="Show legend"
            checked={value.showLegend}
            onChange={(event) => onChange({ ...value, showLegend: event.target.checked })}
          />
        ) : null}
        {applies.points ? (
          <Checkbox
            label="Show points on lines"
            checked={value.showPoints}
            onChange={(event) => onChange({ ...value, showPoints: event.target.checked })}
          />
        ) : null}
      </div>
      {applies.unit ? (
        <Field label="Value unit" hint="Shown after values, e.g. s or ms." error={error} className="max-w-40">
          {(control) => (
            <TextInput
              {...control}
              value={value.unit}
              onBlur={onBlur}
              onChange={(event) => onChange({ ...value, unit: event.target.value }, 'display_unit')}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
});
