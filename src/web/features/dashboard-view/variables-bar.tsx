import { useId, useMemo, useState } from 'react';
import { FIELD_CATALOGUE, fieldLabel, metadataKeyOf } from '../../../contract/field-catalogue.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import {
  SAVED_VIEW_MAX_VARIABLES,
  type ViewState,
  type ViewVariable,
} from '../../../contract/saved-view-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { Select } from '../../ui/select.tsx';
import { SavedViewsControl } from './saved-views-control.tsx';
import { variableFieldOptions } from './variable-field-options.ts';
import { VariableControl } from './variable-control.tsx';

const AS_SAVED = '';

/**
 * The dashboard's variables (each a field and a choice of its values, applied to every widget), the
 * exploratory group-by of line and bar widgets, and the saved views. Nothing here is saved with the
 * dashboard: the state lives in the URL (a shared link opens the same view) and in named views.
 */
export function VariablesBar({
  dashboardId,
  projectId,
  widgets,
  storedFilters,
  from,
  state,
  onChange,
}: {
  dashboardId: number;
  projectId: number | null;
  widgets: readonly Widget[];
  storedFilters: Filter | null;
  from: string | null;
  state: ViewState;
  onChange: (state: ViewState) => void;
}) {
  const id = useId();
  const [adding, setAdding] = useState(AS_SAVED);
  const taken = state.variables.map((v) => v.field).join(',');
  const fieldOptions = useMemo(
    () => variableFieldOptions(widgets, storedFilters, taken.split(',')),
    [widgets, storedFilters, taken],
  );
  const groupOptions = useMemo(() => {
    const metadata = variableFieldOptions(widgets, storedFilters, []).filter(
      (o) => metadataKeyOf(o.field) !== null,
    );
    return [
      ...FIELD_CATALOGUE.filter((spec) => spec.groupable).map((spec) => ({
        value: spec.field,
        label: spec.label,
      })),
      ...metadata.map((o) => ({ value: o.field, label: o.label })),
    ];
  }, [widgets, storedFilters]);
  const canGroup = widgets.some((w) => w.chart_type === 'line' || w.chart_type === 'bar');
  const setVariable = (field: string, next: ViewVariable | null) =>
    onChange({
      ...state,
      variables: next
        ? state.variables.map((v) => (v.field === field ? next : v))
        : state.variables.filter((v) => v.field !== field),
    });

  return (
    <div
      role="toolbar"
      aria-label="Variables and views"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="text-sm font-medium whitespace-nowrap text-slate-700 dark:text-slate-300">
        Variables
      </span>
      {state.variables.map((variable) => (
        <VariableControl
          key={variable.field}
          variable={variable}
          projectId={projectId}
          from={from}
          onChange={(values) => setVariable(variable.field, { field: variable.field, values })}
          onRemove={() => setVariable(variable.field, null)}
        />
      ))}
      {state.variables.length < SAVED_VIEW_MAX_VARIABLES ? (
        <div className="w-44 shrink-0">
          <Select
            aria-label="Add variable"
            className="h-8"
            value={adding}
            onChange={(event) => {
              const field = event.target.value;
              setAdding(AS_SAVED);
              if (field) onChange({ ...state, variables: [...state.variables, { field, values: [] }] });
            }}
            options={[
              { value: AS_SAVED, label: '+ Add variable' },
              ...fieldOptions.map((o) => ({ value: o.field, label: o.label })),
            ]}
          />
        </div>
      ) : null}
      {canGroup ? (
        <div className="flex items-center gap-2">
          <label
            htmlFor={`${id}-group`}
            className="text-sm font-medium whitespace-nowrap text-slate-700 dark:text-slate-300"
          >
            Group by
          </label>
          <Select
            id={`${id}-group`}
            className="h-8 w-auto min-w-44"
            value={state.group_by ?? AS_SAVED}
            onChange={(event) => onChange({ ...state, group_by: event.target.value || null })}
            options={[{ value: AS_SAVED, label: 'As each widget is saved' }, ...groupOptions]}
          />
          {state.group_by !== null ? (
            <span className="text-xs text-slate-500 dark:text-slate-400" role="status">
              Line and bar widgets grouped by {fieldLabel(state.group_by)}, not saved
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="ml-auto">
        <SavedViewsControl dashboardId={dashboardId} state={state} onApply={onChange} />
      </div>
    </div>
  );
}
