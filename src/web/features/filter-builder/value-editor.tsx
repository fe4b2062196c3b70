import { useId, useState } from 'react';
import type { FieldSpec } from '../../../contract/field-catalogue.ts';
import type { FilterOp } from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { hasValueCounts } from '../../../contract/value-counts-schema.ts';
import { Select } from '../../ui/select.tsx';
import { SuggestInput } from '../../ui/suggest-input.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import type { ValueSuggestionSource } from './builder-context.ts';
import { BooleanSwitch } from './boolean-switch.tsx';
import { ChipsInput } from './chips-input.tsx';
import { formatNumber } from '../../lib/format.ts';
import { effectiveValueType } from './condition-values.ts';
import { parseListItem, parseLooseScalar } from './parse-list.ts';
import { TimeValueEditor } from './time-value-editor.tsx';

export interface ValueEditorProps {
  readonly field: string;
  readonly spec: FieldSpec | undefined;
  readonly op: FilterOp;
  readonly value: unknown;
  /** The metric a `metric_evaluations.value` condition is about, when a sibling names one. */
  readonly metric: Metric | null;
  readonly metrics: readonly Metric[];
  readonly valueSuggestions: ValueSuggestionSource | null;
  readonly onChange: (value: unknown) => void;
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
  readonly focusKey: string;
}

/** Picks the editor for a field's type and operator (see the cases below); the value stays what the wire holds. */
export function ValueEditor(props: ValueEditorProps) {
  const {
    field,
    spec,
    op,
    value,
    metric,
    metrics,
    valueSuggestions,
    onChange,
    disabled,
    invalid,
    describedBy,
    focusKey,
  } = props;
  const common = {
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'data-focus-key': focusKey,
  };
  const type = effectiveValueType(spec, metric);
  const enumValues = metric?.eval_type === 'enum' ? (metric.enum_values ?? []) : [];
  // Values that exist in the calls (topic, ended reason, `metadata.<key>`…), most frequent first.
  const source = valueSuggestions && hasValueCounts(field) ? valueSuggestions : null;
  const known = source ? source.valuesOf(field) : [];
  const wantKnown = source ? () => source.want(field) : undefined;
  const suggestions =
    field === 'metric_evaluations.metric.name'
      ? metrics.map((item) => item.name)
      : enumValues.length > 0
        ? enumValues
        : known.length > 0
          ? known.map((item) => item.value)
          : undefined;

  if (op === 'isnull') {
    return (
      <div className="w-full max-w-52">
        <Select
          aria-label="Value"
          {...common}
          value={value === false ? 'false' : value === true ? 'true' : ''}
          onChange={(event) => onChange(event.target.value === 'true')}
        >
          {typeof value !== 'boolean' ? <option value="">Choose…</option> : null}
          <option value="true">true (is empty)</option>
          <option value="false">false (is not empty)</option>
        </Select>
      </div>
    );
  }
  if (op === 'in') {
    const metricIdNames =
      field === 'metric_evaluations.metric.id' ? metrics.map((item) => String(item.id)) : undefined;
    return (
      <ChipsInput
        label="Value"
        values={Array.isArray(value) ? value : []}
        onChange={onChange}
        parseItem={(text) => parseListItem(text, type === 'dynamic' ? null : type)}
        suggestions={metricIdNames ?? suggestions}
        onFocus={wantKnown}
        disabled={disabled}
        invalid={invalid}
        describedBy={describedBy}
        focusKey={focusKey}
      />
    );
  }
  if (type === 'datetime') {
    return (
      <TimeValueEditor
        value={value}
        op={op}
        onChange={onChange}
        disabled={disabled}
        invalid={invalid}
        describedBy={describedBy}
        focusKey={focusKey}
      />
    );
  }
  if (type === 'boolean' && (op === 'eq' || op === 'neq')) {
    return (
      <BooleanSwitch
        label="Value"
        value={value}
        onChange={onChange}
        disabled={disabled}
        invalid={invalid}
        describedBy={describedBy}
        focusKey={focusKey}
      />
    );
  }
  if (field === 'metric_evaluations.metric.id' && metrics.length > 0) {
    const known = metrics.some((item) => item.id === value);
    return (
      <Select
        aria-label="Value"
        {...common}
        value={typeof value === 'number' ? String(value) : ''}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {!known ? (
          <option value={typeof value === 'number' ? String(value) : ''}>
            {value == null ? 'Choose a metric…' : `Unknown metric ${JSON.stringify(value)}`}
          </option>
        ) : null}
        {metrics.map((item) => (
          <option key={item.id} value={String(item.id)}>
            {item.name} (#{item.id})
          </option>
        ))}
      </Select>
    );
  }
  if (enumValues.length > 0 && (op === 'eq' || op === 'neq')) {
    const known = typeof value === 'string' && enumValues.includes(value);
    return (
      <Select
        aria-label="Value"
        {...common}
        value={known ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {!known ? <option value="">Choose a value…</option> : null}
        {enumValues.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </Select>
    );
  }
  if (type === 'integer' || type === 'number') {
    return (
      <DraftInput
        {...props}
        inputMode={type === 'integer' ? 'numeric' : 'decimal'}
        parse={(text) => (text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text)}
        suffix={spec?.unit}
        placeholder={type === 'integer' ? 'Whole number' : 'Number'}
      />
    );
  }
  if (type === 'string' && wantKnown && TEXT_OPS.has(op)) {
    return (
      <SuggestInput
        aria-label="Value"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-focus-key={focusKey}
        disabled={disabled}
        placeholder="Text"
        listLabel="Values in the calls"
        value={typeof value === 'string' ? value : displayText(value)}
        onChange={onChange}
        onFocus={wantKnown}
        suggestions={known.map((item) => ({ value: item.value, detail: callCount(item.count) }))}
      />
    );
  }
  if (type === 'string') {
    return (
      <DraftInput
        {...props}
        parse={(text) => text}
        placeholder={op === 'regex' ? 'Regular expression' : 'Text'}
        suggestions={suggestions}
      />
    );
  }
  return (
    <DraftInput
      {...props}
      parse={parseLooseScalar}
      placeholder="Number, text or true/false"
      suggestions={suggestions}
    />
  );
}

/** Operators whose value is one text that a known value can fill in. */
const TEXT_OPS: ReadonlySet<FilterOp> = new Set(['eq', 'neq', 'contains', 'startswith', 'endswith']);

function callCount(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'call' : 'calls'}`;
}

interface DraftInputProps extends ValueEditorProps {
  readonly parse: (text: string) => unknown;
  readonly placeholder: string;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly suffix?: string;
  readonly suggestions?: readonly string[];
}

function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A text box whose value is parsed on every keystroke. What the user typed is kept while it still
 * parses to the current value, so "1." or "-" can be typed on the way to "1.5" or "-3".
 */
function DraftInput({
  value,
  onChange,
  parse,
  placeholder,
  inputMode,
  suffix,
  suggestions,
  disabled,
  invalid,
  describedBy,
  focusKey,
}: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const listId = useId();
  const shown = draft !== null && Object.is(parse(draft), value) ? draft : displayText(value);
  return (
    <div className="flex w-full min-w-0 items-center gap-1.5">
      <TextInput
        aria-label="Value"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-focus-key={focusKey}
        disabled={disabled}
        inputMode={inputMode}
        placeholder={placeholder}
        list={suggestions && suggestions.length > 0 ? listId : undefined}
        value={shown}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(parse(event.target.value));
        }}
        onBlur={() => setDraft(null)}
      />
      {suffix ? <span className="text-sm text-slate-500 dark:text-slate-400">{suffix}</span> : null}
      {suggestions && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
