import { useId } from 'react';
import { FIELD_CATALOGUE, METADATA_PREFIX, fieldLabel } from '../../../../contract/field-catalogue.ts';
import type { GroupBy } from '../../../../contract/group-by-schema.ts';
import { MIN_BUCKET_INTERVAL_MS } from '../../../../contract/widget-rules.ts';
import { Select, type SelectOption } from '../../../ui/select.tsx';
import { TextInput } from '../../../ui/text-input.tsx';
import { BUCKET_INTERVALS, formatInterval } from './bucket-intervals.ts';
import type { FieldRelevance } from './field-relevance.ts';

type Kind = 'none' | 'field' | 'bucket';
const METADATA_CHOICE = '__metadata__';

/** Groupable dimensions from the catalogue (D1); `metadata.*` becomes a typed key. */
const GROUP_FIELDS: readonly SelectOption[] = FIELD_CATALOGUE.filter(
  (spec) => spec.groupable && spec.field !== 'metadata.*',
).map((spec) => ({ value: spec.field, label: spec.label }));

/**
 * Group by: none, a field (one series per value, D1), or time buckets with a friendly interval picker
 * stored in milliseconds (D2). Only the kinds the chart type uses are offered.
 */
export function GroupByControl(props: {
  value: GroupBy | null;
  uses: FieldRelevance;
  onChange: (groupBy: GroupBy | null, group?: string) => void;
  onBlur: () => void;
  error?: string | undefined;
}) {
  const { value, uses, onChange, onBlur, error } = props;
  const id = useId();
  const kind: Kind = value === null ? 'none' : value.type;
  const metadataKey =
    value?.type === 'field' && value.field.startsWith(METADATA_PREFIX)
      ? value.field.slice(METADATA_PREFIX.length)
      : null;
  const kinds: SelectOption[] = [
    { value: 'none', label: 'None' },
    ...(uses.groupByField || kind === 'field'
      ? [{ value: 'field', label: 'A field (one series per value)' }]
      : []),
    ...(uses.groupByBucket || kind === 'bucket' ? [{ value: 'bucket', label: 'Time buckets' }] : []),
  ];
  const intervals: SelectOption[] = BUCKET_INTERVALS.map((b) => ({ value: String(b.ms), label: b.label }));
  if (value?.type === 'bucket' && !BUCKET_INTERVALS.some((b) => b.ms === value.interval)) {
    intervals.push({ value: String(value.interval), label: formatInterval(value.interval) });
  }
  const fieldChoice = value?.type === 'field' ? (metadataKey !== null ? METADATA_CHOICE : value.field) : '';
  const fieldOptions: SelectOption[] = [...GROUP_FIELDS, { value: METADATA_CHOICE, label: 'Metadata key…' }];
  if (value?.type === 'field' && metadataKey === null && !GROUP_FIELDS.some((o) => o.value === value.field)) {
    fieldOptions.unshift({ value: value.field, label: fieldLabel(value.field) });
  }

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Group by</legend>
      <Select
        aria-label="Group by"
        value={kind}
        options={kinds}
        onChange={(event) => {
          const next = event.target.value;
          if (next === 'none') onChange(null);
          else if (next === 'field') onChange({ type: 'field', field: 'agent.id' });
          else onChange({ type: 'bucket', interval: 3_600_000 });
        }}
      />
      {value?.type === 'field' ? (
        <div className="space-y-2">
          <Select
            aria-label="Group by field"
            value={fieldChoice}
            options={fieldOptions}
            onChange={(event) => {
              const next = event.target.value;
              onChange({ type: 'field', field: next === METADATA_CHOICE ? METADATA_PREFIX : next });
            }}
          />
          {metadataKey !== null ? (
            <TextInput
              aria-label="Metadata key to group by"
              value={metadataKey}
              placeholder="region"
              onBlur={onBlur}
              onChange={(event) =>
                onChange({ type: 'field', field: `${METADATA_PREFIX}${event.target.value}` }, 'group_by_key')
              }
            />
          ) : null}
        </div>
      ) : null}
      {value?.type === 'bucket' ? (
        <Select
          aria-label="Bucket interval"
          value={String(value.interval)}
          options={intervals}
          onChange={(event) => onChange({ type: 'bucket', interval: Number(event.target.value) })}
        />
      ) : null}
      {value?.type === 'bucket' ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Stored as {value.interval} ms (at least {MIN_BUCKET_INTERVAL_MS} ms). Buckets replace the time
          period.
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
