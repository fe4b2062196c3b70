import { alignComparedResponse } from '../../contract/compare-window.ts';
import { mergeCohortResponses, type ComparisonPlan } from '../../contract/comparison-plan.ts';
import type { WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import type { WidgetDataResult } from './widget-data-queries.ts';

export interface Comparison {
  /** Drawn instead of the widget's own data: the cohorts, one series each (a stat: the first cohort). */
  primary: WidgetDataResponse | undefined;
  /** The compared data: the earlier window moved onto the current axis, or a stat's second cohort. */
  response: WidgetDataResponse | undefined;
  /** Legend name and text alternative of the compared data: "the previous 7 days (…)", "Agent B". */
  label: string | undefined;
  /** An earlier window ("was …") or another cohort ("Agent B: …"). */
  kind: 'earlier' | 'cohort';
  /** The compared dates or cohorts in words, or why nothing is compared. */
  note: string | undefined;
  /** Cohorts still loading: the chart waits rather than drawing the uncompared data first. */
  pending: boolean;
}

export const NO_COMPARISON: Comparison = {
  primary: undefined,
  response: undefined,
  label: undefined,
  kind: 'earlier',
  note: undefined,
  pending: false,
};

/**
 * A widget's comparison from its plan and the answers to the plan's bodies (undefined: not answered
 * yet). Cohorts of a line or bar become one response grouped by cohort; a stat shows its first cohort
 * with the second as the compared figures. A failed answer says so and draws the widget as it is.
 * Pure and total.
 */
export function assembleComparison(
  plan: ComparisonPlan,
  results: readonly (WidgetDataResult | undefined)[],
): Comparison {
  switch (plan.kind) {
    case 'off':
      return NO_COMPARISON;
    case 'refused':
      return { ...NO_COMPARISON, note: plan.message };
    case 'previous': {
      const [result] = results;
      if (result === undefined) return { ...NO_COMPARISON, note: `Compared with ${plan.description}` };
      if (!result.ok) return { ...NO_COMPARISON, note: 'The compared window could not be loaded.' };
      return {
        ...NO_COMPARISON,
        response: alignComparedResponse(result.response, plan.offsetMs),
        label: plan.description,
        note: `Compared with ${plan.description}`,
      };
    }
    case 'cohorts': {
      if (results.some((r) => r === undefined)) return { ...NO_COMPARISON, kind: 'cohort', pending: true };
      const failed = results.find((r) => r !== undefined && !r.ok);
      if (failed !== undefined)
        return { ...NO_COMPARISON, kind: 'cohort', note: 'The cohorts could not be loaded.' };
      const responses = results.flatMap((r) => (r?.ok ? [r.response] : []));
      const [first, second] = responses;
      const [a = 'Cohort 1', b = 'Cohort 2'] = plan.labels;
      if (first !== undefined && !Array.isArray(first.data)) {
        const more = plan.labels.length > 2 ? ` (the first two of ${plan.labels.length} cohorts)` : '';
        return {
          ...NO_COMPARISON,
          kind: 'cohort',
          primary: first,
          response: second,
          label: b,
          note: `${a}, compared with ${b}${more}`,
        };
      }
      return {
        ...NO_COMPARISON,
        kind: 'cohort',
        primary: mergeCohortResponses(responses, plan.labels) ?? undefined,
        note: `Cohorts: ${plan.labels.join(', ')}`,
      };
    }
  }
}
