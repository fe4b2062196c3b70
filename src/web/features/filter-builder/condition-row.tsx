import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useId, useState } from 'react';
import { FILTER_OP_LABELS, isMetadataField, METADATA_PREFIX } from '../../../contract/field-catalogue.ts';
import { FILTER_OPS, FilterOpSchema, type GroupOperator } from '../../../contract/filter-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { Select } from '../../ui/select.tsx';
import { focusKey, useBuilderActions, useBuilderEnvironment, useNodeStatus } from './builder-context.ts';
import { changeField, changeOperator } from './change-field.ts';
import { fieldSpecFor } from './condition-values.ts';
import { COMBINATOR_LABELS } from './combinator.ts';
import { FieldPicker, fieldDisplayName } from './field-picker.tsx';
import {
  findNode,
  updateCondition,
  type ConditionInput,
  type ConditionNode,
  type FilterTree,
} from './filter-tree.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { NodeErrors } from './node-errors.tsx';
import { DragHandle } from './drag-handle.tsx';
import { NodeToolbar, type NodeCommand } from './node-toolbar.tsx';
import { LIMIT_REASONS } from './tree-limits.ts';
import { useNodeCommand } from './use-node-command.ts';
import { ValueEditor } from './value-editor.tsx';
import { MetadataKeyInput } from './metadata-key-input.tsx';
import { conditionRowLayout, type ConditionRowLayout } from './condition-row-layout.ts';
import { useMeasuredLayout } from './use-measured-layout.ts';

export interface ConditionRowProps {
  readonly node: ConditionNode;
  readonly index: number;
  readonly siblingCount: number;
  readonly parentOperator: GroupOperator;
  /** The level of the group holding this row (the root group is 1). */
  readonly level: number;
  /** For `metric_evaluations.value`: the metric a sibling condition names (drives the value editor). */
  readonly metric: Metric | null;
  readonly isLast: boolean;
  /** Indenting would nest groups deeper than D11 allows, or the parent is a same-evaluation group. */
  readonly indentReason: string | undefined;
  /** The filter already holds the maximum number of conditions. */
  readonly atConditionLimit: boolean;
}

/** The screen-reader description of a row: "Condition 2 of group Any of, level 2". */
export function describeConditionPosition(
  index: number,
  parentOperator: GroupOperator,
  level: number,
): string {
  return `Condition ${index + 1} of group ${COMBINATOR_LABELS[parentOperator]}, level ${level}`;
}

/**
 * Where each part of a row goes in each layout (see `conditionRowLayout`). Every part is top-aligned, so
 * a value that grows downwards (chips, the time editor's second line) keeps its first line level with
 * the operator; the handle and the toolbar (32 px) sit 2 px down to centre on the 36 px controls.
 */
const ROW_CLASSES: Record<
  ConditionRowLayout,
  Record<
    'grid' | 'handle' | 'field' | 'fieldPicker' | 'metadataKey' | 'operatorAndValue' | 'operator' | 'toolbar',
    string
  >
> = {
  line: {
    grid: 'flex items-start gap-2',
    handle: 'mt-0.5 shrink-0',
    field: 'flex shrink-0 items-start gap-2',
    fieldPicker: 'w-52 shrink-0',
    metadataKey: 'w-44 shrink-0',
    operatorAndValue: 'flex min-w-0 flex-1 items-start gap-2',
    operator: 'w-40 shrink-0',
    toolbar: 'mt-0.5 shrink-0',
  },
  stacked: {
    grid: 'grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-x-2 gap-y-1.5',
    handle: 'col-start-1 row-start-1 mt-0.5',
    field: 'col-start-2 row-start-1 flex min-w-0 flex-wrap items-start gap-2',
    fieldPicker: 'min-w-0 flex-1 basis-48',
    metadataKey: 'min-w-0 flex-1 basis-36',
    operatorAndValue: 'col-start-2 col-end-4 row-start-2 flex min-w-0 items-start gap-2',
    operator: 'w-36 shrink-0',
    toolbar: 'col-start-3 row-start-1 mt-0.5',
  },
  compact: {
    grid: 'grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-x-1 gap-y-1.5',
    handle: 'col-start-1 row-start-1 mt-0.5',
    field: 'col-start-2 row-start-1 flex min-w-0 flex-wrap items-start gap-2',
    fieldPicker: 'min-w-0 flex-1 basis-40',
    metadataKey: 'min-w-0 flex-1 basis-32',
    operatorAndValue: 'col-start-1 col-end-4 row-start-2 flex min-w-0 items-start gap-2',
    operator: 'w-[8.5rem] shrink-0',
    toolbar: 'col-start-3 row-start-1 mt-0.5',
  },
};

/** One condition: drag handle, field → operator → value, its toolbar and its messages. */
export const ConditionRow = memo(function ConditionRow({
  node,
  index,
  siblingCount,
  parentOperator,
  level,
  metric,
  isLast,
  indentReason,
  atConditionLimit,
}: ConditionRowProps) {
  const actions = useBuilderActions();
  const environment = useBuilderEnvironment();
  const status = useNodeStatus(node.id);
  const { run, onKeyDown } = useNodeCommand(node.id);
  const errorsId = useId();
  const [reset, setReset] = useState<{ previous: ConditionInput; field: string } | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: node.id,
      disabled: environment.disabled,
    });
  const { metrics, metadataKeys, valueSuggestions, disabled } = environment;
  const unavailable: Partial<Record<NodeCommand, string>> = {
    'move-up': index === 0 ? 'Already first in its group' : undefined,
    'move-down': isLast ? 'Already last in its group' : undefined,
    indent: indentReason,
    outdent: level === 1 ? 'Already at the top level' : undefined,
    duplicate: atConditionLimit ? LIMIT_REASONS.conditions : undefined,
  };
  const spec = fieldSpecFor(node.field);
  const hasErrors = status.errors.length > 0;
  const invalidKeys = new Set(status.errors.map((error) => error.key));
  const describedBy = hasErrors || status.warnings.length > 0 ? errorsId : undefined;
  const ops = spec ? spec.filterOps : FILTER_OPS;
  const metadataKey = isMetadataField(node.field) ? node.field.slice(METADATA_PREFIX.length) : null;
  const { ref: measured, layout } = useMeasuredLayout<HTMLDivElement, ConditionRowLayout>((width) =>
    conditionRowLayout(width, metadataKey !== null),
  );

  const edit = (patch: (tree: FilterTree) => FilterTree) => {
    setReset(null);
    actions.apply(patch);
  };
  const onFieldChange = (field: string) => {
    const previous: ConditionInput = { field: node.field, op: node.op, value: node.value };
    const next = changeField(actions.getTree(), node.id, field, { metrics });
    actions.apply(
      () => next,
      field === METADATA_PREFIX ? { id: node.id, control: 'metadata-key' } : undefined,
    );
    const after = findNode(next, node.id);
    // Offer to restore what a field change threw away (the operator or the value).
    const lost = after?.kind === 'condition' && (after.op !== previous.op || after.value !== previous.value);
    setReset(lost && previous.field !== '' ? { previous, field: previous.field } : null);
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={classNames('list-none', isDragging && 'opacity-40')}
      data-node-id={node.id}
    >
      <div
        ref={measured}
        role="group"
        aria-label={describeConditionPosition(index, parentOperator, level)}
        data-layout={layout}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        className={classNames(
          // Inline-size containment: the row's width never depends on its content, so the layout it
          // measures cannot widen the column it is measured in.
          'group/row @container rounded-md border bg-white px-2 py-1.5 dark:bg-slate-900',
          hasErrors
            ? 'border-rose-300 dark:border-rose-800'
            : status.warnings.length > 0
              ? 'border-amber-300 dark:border-amber-700'
              : 'border-slate-200 dark:border-slate-800',
        )}
      >
        <div className={ROW_CLASSES[layout].grid}>
          <div className={ROW_CLASSES[layout].handle}>
            <DragHandle
              nodeId={node.id}
              label={`Drag condition ${index + 1} of ${siblingCount}`}
              attributes={attributes}
              listeners={listeners}
              setActivatorNodeRef={setActivatorNodeRef}
              disabled={disabled}
            />
          </div>
          <div className={ROW_CLASSES[layout].field}>
            <FieldPicker
              value={node.field}
              metadataKeys={metadataKeys}
              disabled={disabled}
              invalid={invalidKeys.has('field') && metadataKey === null && node.field !== ''}
              describedBy={describedBy}
              focusKey={focusKey(node.id, 'field')}
              onChange={onFieldChange}
              className={ROW_CLASSES[layout].fieldPicker}
              showType={layout !== 'compact'}
            />
            {metadataKey !== null ? (
              <MetadataKeyInput
                nodeId={node.id}
                value={metadataKey}
                suggestions={metadataKeys}
                disabled={disabled}
                describedBy={describedBy}
                className={ROW_CLASSES[layout].metadataKey}
                onChange={(key) =>
                  edit((tree) => changeField(tree, node.id, `${METADATA_PREFIX}${key}`, { metrics }))
                }
              />
            ) : null}
          </div>
          <div className={ROW_CLASSES[layout].operatorAndValue}>
            <div className={ROW_CLASSES[layout].operator}>
              <Select
                aria-label="Operator"
                aria-invalid={invalidKeys.has('op') || undefined}
                aria-describedby={describedBy}
                data-focus-key={focusKey(node.id, 'operator')}
                disabled={disabled || node.field === ''}
                value={node.op}
                onChange={(event) => {
                  const op = FilterOpSchema.safeParse(event.target.value);
                  if (op.success) edit((tree) => changeOperator(tree, node.id, op.data, { metrics }));
                }}
              >
                {!ops.includes(node.op) ? (
                  <option value={node.op}>{FILTER_OP_LABELS[node.op]} (not allowed)</option>
                ) : null}
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {FILTER_OP_LABELS[op]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="min-w-0 flex-1">
              {node.field === '' ? (
                <p className="py-2 text-sm text-slate-500 dark:text-slate-400">Choose a field first</p>
              ) : (
                <ValueEditor
                  field={node.field}
                  spec={spec}
                  op={node.op}
                  value={node.value}
                  metric={metric}
                  metrics={metrics}
                  valueSuggestions={valueSuggestions}
                  disabled={disabled}
                  invalid={invalidKeys.has('value')}
                  describedBy={describedBy}
                  focusKey={focusKey(node.id, 'value')}
                  onChange={(value) => edit((tree) => updateCondition(tree, node.id, { value }))}
                />
              )}
            </div>
          </div>
          <div className={ROW_CLASSES[layout].toolbar}>
            <NodeToolbar
              nodeId={node.id}
              noun="condition"
              unavailable={unavailable}
              disabled={disabled}
              compact={layout === 'compact'}
              onCommand={run}
            />
          </div>
        </div>
        {reset ? (
          <p
            className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400"
            role="status"
          >
            Operator and value were reset for the new field.
            <button
              type="button"
              className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300"
              onClick={() => {
                const { previous } = reset;
                setReset(null);
                actions.apply((tree) => updateCondition(tree, node.id, previous), {
                  id: node.id,
                  control: 'field',
                });
              }}
            >
              Undo (back to {fieldDisplayName(reset.field)})
            </button>
          </p>
        ) : null}
        <NodeErrors id={errorsId} status={status} hideFieldErrors={node.field === ''} />
      </div>
    </li>
  );
});
