import { useEffect, useMemo, useState } from 'react';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { describeVariableContradiction } from './variable-contradictions.ts';

const NONE: Readonly<Record<number, string>> = {};
type Describe = typeof describeVariableContradiction;

/**
 * Per widget, why the dashboard's variables leave it empty (they contradict its own filter). The
 * contradiction finder lives with the filter builder, whose code loads only once a variable has a
 * choice: a dashboard without variables does not download it.
 */
export function useVariableNotices(
  widgets: readonly Widget[],
  variables: readonly ViewVariable[],
): Readonly<Record<number, string>> {
  const [describe, setDescribe] = useState<Describe | null>(null);
  const active = variables.some((v) => v.values.length > 0);
  useEffect(() => {
    if (!active || describe) return;
    let current = true;
    void import('./variable-contradictions.ts').then((module) => {
      if (current) setDescribe(() => module.describeVariableContradiction);
    });
    return () => {
      current = false;
    };
  }, [active, describe]);
  return useMemo(() => {
    if (!active || !describe) return NONE;
    const now = new Date();
    const found: Record<number, string> = {};
    for (const widget of widgets) {
      const message = describe(variables, widget.filters, now);
      if (message) found[widget.id] = message;
    }
    return Object.keys(found).length === 0 ? NONE : found;
  }, [active, describe, widgets, variables]);
}
