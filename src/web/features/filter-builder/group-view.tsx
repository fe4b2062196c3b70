import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useId, useMemo, useState } from 'react';
import type { GroupOperator } from '../../../contract/filter-schema.ts';
import { FILTER_LIMITS } from '../../../contract/filter-validation.ts';
import { classNames } from '../../lib/class-names.ts';
import { Button } from '../../ui/button.tsx';
import { ChevronDownIcon, PlusIcon, UngroupIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/select.tsx';
import { focusKey, useBuilderActions, useBuilderEnvironment, useNodeStatus } from './builder-context.ts';
import { availableCombinators, COMBINATOR_HINTS, COMBINATOR_LABELS } from './combinator.ts';
import { ConditionRow } from './condition-row.tsx';
import { DragHandle } from './drag-handle.tsx';
import { groupDropId } from './drop-target.ts';
import {
  addCondition,
  addGroup,
  countConditions,
  createNodeId,
  groupDepth,
  nodeToWire,
  setCombinator,
  unwrapGroup,
  type GroupNode,
} from './filter-tree.ts';
import { metricNamedIn } from './metric-for-condition.ts';
import { NodeErrors } from './node-errors.tsx';
import { NodeToolbar, TOOLBAR_BUTTON_CLASS, type NodeCommand } from './node-toolbar.tsx';
import { summarizeFilter } from './summarize-filter.ts';
import { LIMIT_REASONS } from './tree-limits.ts';
import { useNodeCommand } from './use-node-command.ts';
import { isCompactGroupHeader } from './condition-row-layout.ts';
import { useMeasuredLayout } from './use-measured-layout.ts';

const SAME_ROW_REASON = 'A Same evaluation group holds only metric-evaluation conditions, not groups.';

export interface GroupViewProps {
  readonly group: GroupNode;
  readonly index: number;
  readonly siblingCount: number;
  /** Null for the root group. */
  readonly parentOperator: GroupOperator | null;
  /** This group's level: the root is 1. */
  readonly level: number;
  /** How many more conditions the filter may hold (D11). */
  readonly conditionRoom: number;
  readonly isLast: boolean;
}

/**
 * A group: drag handle, collapse, "Match All of / Any of / Same evaluation", its toolbar, its children
 * and add buttons. The inner function is named differently on purpose: inside a named function
 * expression the name refers to the function itself, so nested groups would bypass `memo` and every
 * edit would re-render every group.
 */
export const GroupView = memo(function GroupViewBody({
  group,
  index,
  siblingCount,
  parentOperator,
  level,
  conditionRoom,
  isLast,
}: GroupViewProps) {
  const isRoot = parentOperator === null;
  const actions = useBuilderActions();
  const environment = useBuilderEnvironment();
  const status = useNodeStatus(group.id);
  const { run, onKeyDown } = useNodeCommand(group.id);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: group.id,
      disabled: isRoot || environment.disabled,
    });
  const droppable = useDroppable({ id: groupDropId(group.id), disabled: environment.disabled });
  const [collapsed, setCollapsed] = useState(false);
  const baseId = useId();
  const childIdsKey = group.conditions.map((child) => child.id).join(' ');
  const childIds = useMemo(() => (childIdsKey === '' ? [] : childIdsKey.split(' ')), [childIdsKey]);
  const metric = metricNamedIn(group.conditions, environment.metrics);
  const { disabled } = environment;
  const { ref: header, layout: compactHeader } = useMeasuredLayout<HTMLDivElement, boolean>(
    isCompactGroupHeader,
  );

  const atConditionLimit = conditionRoom <= 0;
  const addGroupReason =
    group.operator === 'same_row'
      ? SAME_ROW_REASON
      : level + 1 > FILTER_LIMITS.maxDepth
        ? LIMIT_REASONS.depth
        : atConditionLimit
          ? LIMIT_REASONS.conditions
          : undefined;
  const reason = addGroupReason ?? (atConditionLimit ? LIMIT_REASONS.conditions : undefined);
  const childIndentReason =
    group.operator === 'same_row'
      ? SAME_ROW_REASON
      : level + 1 > FILTER_LIMITS.maxDepth
        ? LIMIT_REASONS.depth
        : undefined;
  const unavailable: Partial<Record<NodeCommand, string>> = {
    'move-up': index === 0 ? 'Already first in its group' : undefined,
    'move-down': isLast ? 'Already last in its group' : undefined,
    indent: level + groupDepth(group) > FILTER_LIMITS.maxDepth ? LIMIT_REASONS.depth : undefined,
    outdent: level <= 2 ? 'Already at the top level' : undefined,
    duplicate: countConditions(group) > conditionRoom ? LIMIT_REASONS.conditions : undefined,
  };
  const combinatorName = COMBINATOR_LABELS[group.operator];
  const label = isRoot
    ? `Root group: ${combinatorName}, level 1`
    : `Group ${index + 1} of group ${COMBINATOR_LABELS[parentOperator]}, level ${level}: ${combinatorName}`;
  const hasMessages = status.errors.length > 0 || status.warnings.length > 0;

  const onAddCondition = () => {
    const id = createNodeId();
    actions.apply((tree) => addCondition(tree, group.id, undefined, { id }), { id, control: 'field' });
  };
  const onAddGroup = () => {
    const id = createNodeId();
    const conditionId = createNodeId();
    actions.apply((tree) => addGroup(tree, group.id, 'and', { id, conditionId }), {
      id: conditionId,
      control: 'field',
    });
  };

  const body = (
    <section
      role="group"
      aria-label={label}
      aria-describedby={hasMessages ? `${baseId}-errors` : undefined}
      className={classNames(
        'rounded-lg border',
        // In a narrow builder, nested groups indent less, so rows five levels deep keep room for
        // their value beside the operator.
        isRoot
          ? '@container/filter border-slate-200 bg-slate-50/70 p-2 dark:border-slate-800 dark:bg-slate-950/40 @min-[36rem]/filter:p-3'
          : 'border-slate-200 border-l-4 border-l-indigo-400 bg-slate-50 py-2 pl-1.5 pr-1 dark:border-slate-800 dark:border-l-indigo-500 dark:bg-slate-950/60 @min-[36rem]/filter:p-2',
        status.errors.length > 0 && 'border-rose-300 dark:border-rose-800',
      )}
    >
      <div
        ref={header}
        className="group/row @container flex flex-wrap items-center gap-2"
        onKeyDown={isRoot ? undefined : onKeyDown}
      >
        {!isRoot ? (
          <DragHandle
            nodeId={group.id}
            label={`Drag group ${index + 1} of ${siblingCount}`}
            attributes={attributes}
            listeners={listeners}
            setActivatorNodeRef={setActivatorNodeRef}
            disabled={disabled}
          />
        ) : null}
        {!isRoot ? (
          <button
            type="button"
            className={TOOLBAR_BUTTON_CLASS}
            aria-expanded={!collapsed}
            aria-controls={`${baseId}-body`}
            aria-label={collapsed ? 'Expand group' : 'Collapse group'}
            onClick={() => setCollapsed((value) => !value)}
          >
            <ChevronDownIcon
              className={classNames('size-4 transition-transform', collapsed && '-rotate-90')}
            />
          </button>
        ) : null}
        <label
          htmlFor={`${baseId}-combinator`}
          className="text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Match
        </label>
        <div className="w-44">
          <Select
            id={`${baseId}-combinator`}
            aria-describedby={`${baseId}-hint`}
            aria-invalid={status.errors.some((error) => error.key === 'operator') || undefined}
            data-focus-key={focusKey(group.id, 'combinator')}
            disabled={disabled}
            value={group.operator}
            onChange={(event) => {
              const operator = availableCombinators(group).find(
                (candidate) => candidate === event.target.value,
              );
              if (operator) actions.apply((tree) => setCombinator(tree, group.id, operator));
            }}
          >
            {availableCombinators(group).map((operator) => (
              <option key={operator} value={operator}>
                {COMBINATOR_LABELS[operator]}
              </option>
            ))}
          </Select>
        </div>
        <span id={`${baseId}-hint`} className="text-sm text-slate-500 dark:text-slate-400">
          {COMBINATOR_HINTS[group.operator]}
        </span>
        {!isRoot ? (
          <div className="ml-auto flex items-center opacity-60 transition-opacity group-focus-within/row:opacity-100 group-hover/row:opacity-100">
            <button
              type="button"
              className={TOOLBAR_BUTTON_CLASS}
              aria-label="Ungroup (keep its conditions)"
              title="Ungroup (keep its conditions)"
              disabled={disabled}
              onClick={() => {
                const first = group.conditions[0];
                actions.apply(
                  (tree) => unwrapGroup(tree, group.id),
                  first ? { id: first.id, control: 'first' } : undefined,
                );
              }}
            >
              <UngroupIcon />
            </button>
            <NodeToolbar
              nodeId={group.id}
              noun="group"
              unavailable={unavailable}
              disabled={disabled}
              compact={compactHeader}
              onCommand={run}
            />
          </div>
        ) : null}
      </div>
      <NodeErrors id={`${baseId}-errors`} status={status} />
      {collapsed ? (
        <p id={`${baseId}-body`} className="mt-1 truncate pl-10 text-sm text-slate-600 dark:text-slate-400">
          {countConditions(group)} {countConditions(group) === 1 ? 'condition' : 'conditions'}:{' '}
          {summarizeFilter(nodeToWire(group), { metrics: environment.metrics })}
        </p>
      ) : (
        <div
          id={`${baseId}-body`}
          ref={droppable.setNodeRef}
          className={classNames(
            'mt-2 space-y-2 rounded-md',
            droppable.isOver && 'outline-2 outline-offset-2 outline-dashed outline-indigo-400',
          )}
        >
          <SortableContext items={childIds} strategy={verticalListSortingStrategy}>
            {group.conditions.length > 0 ? (
              <ul
                className="space-y-2"
                aria-label={`Conditions of ${isRoot ? 'the root group' : `group ${index + 1}`}`}
              >
                {group.conditions.map((child, childIndex) =>
                  child.kind === 'group' ? (
                    <GroupView
                      key={child.id}
                      group={child}
                      index={childIndex}
                      siblingCount={group.conditions.length}
                      parentOperator={group.operator}
                      level={level + 1}
                      conditionRoom={conditionRoom}
                      isLast={childIndex === group.conditions.length - 1}
                    />
                  ) : (
                    <ConditionRow
                      key={child.id}
                      node={child}
                      index={childIndex}
                      siblingCount={group.conditions.length}
                      parentOperator={group.operator}
                      level={level}
                      metric={child.field === 'metric_evaluations.value' ? metric : null}
                      isLast={childIndex === group.conditions.length - 1}
                      indentReason={childIndentReason}
                      atConditionLimit={atConditionLimit}
                    />
                  ),
                )}
              </ul>
            ) : (
              <p className="px-1 text-sm text-slate-500 dark:text-slate-400">
                {isRoot
                  ? 'No filters: every call is included.'
                  : 'This group is empty: add a condition or remove the group.'}
              </p>
            )}
          </SortableContext>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              size="sm"
              variant="ghost"
              data-focus-key={focusKey(group.id, 'add-condition')}
              disabled={disabled || atConditionLimit}
              aria-describedby={atConditionLimit ? `${baseId}-reason` : undefined}
              onClick={onAddCondition}
            >
              <PlusIcon /> Add condition
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={disabled || addGroupReason !== undefined}
              aria-describedby={addGroupReason ? `${baseId}-reason` : undefined}
              onClick={onAddGroup}
            >
              <PlusIcon /> Add group
            </Button>
            {reason ? (
              <span id={`${baseId}-reason`} className="text-xs text-slate-500 dark:text-slate-400">
                {reason}
              </span>
            ) : null}
          </div>
        </div>
      )}
    </section>
  );

  if (isRoot) return body;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={classNames('list-none', isDragging && 'opacity-40')}
      data-node-id={group.id}
    >
      {body}
    </li>
  );
});
