import { useId } from 'react';
import { METADATA_KEY_PATTERN } from '../../../contract/field-catalogue.ts';
import { classNames } from '../../lib/class-names.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { focusKey } from './builder-context.ts';

export interface MetadataKeyInputProps {
  readonly nodeId: string;
  readonly value: string;
  readonly suggestions: readonly string[];
  readonly disabled: boolean;
  readonly describedBy: string | undefined;
  readonly onChange: (key: string) => void;
  /** Width classes (default `w-44 shrink-0`): a narrow row gives it what is left beside the field. */
  readonly className?: string;
}

/** The key of a `metadata.<key>` field, checked as a top-level key as it is typed, with the keys in use suggested. */
export function MetadataKeyInput({
  nodeId,
  value,
  suggestions,
  disabled,
  describedBy,
  onChange,
  className,
}: MetadataKeyInputProps) {
  const listId = useId();
  const hintId = useId();
  const problem =
    value === ''
      ? 'Type a metadata key'
      : METADATA_KEY_PATTERN.test(value)
        ? null
        : value.includes('.')
          ? 'Only top-level keys: no dots'
          : 'Letters, digits and _; not starting with a digit';
  return (
    <div className={classNames('flex flex-col', className ?? 'w-44 shrink-0')}>
      <TextInput
        aria-label="Metadata key"
        aria-invalid={problem !== null && value !== '' ? true : undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        data-focus-key={focusKey(nodeId, 'metadata-key')}
        list={listId}
        placeholder="key, e.g. region"
        spellCheck={false}
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.target.value.trim())}
      />
      <span
        id={hintId}
        className={classNames(
          'mt-0.5 flex items-center gap-1 text-xs',
          problem && value !== '' ? 'text-rose-600 dark:text-rose-400' : 'text-slate-500 dark:text-slate-400',
        )}
      >
        {problem && value !== '' ? <AlertIcon className="size-3" /> : null}
        {problem ?? 'Top-level metadata key'}
      </span>
      <datalist id={listId}>
        {suggestions.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
    </div>
  );
}
