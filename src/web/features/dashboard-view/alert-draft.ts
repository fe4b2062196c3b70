import {
  ThresholdAlertSchema,
  TREND_PRESETS,
  TrendAlertSchema,
  type AlertDefinition,
  type TrendPreset,
} from '../../../contract/alert-backtest.ts';

/** The drawer's form as typed: numbers stay text until they are read, so a half-typed value is kept. */
export interface AlertDraft {
  type: 'threshold' | 'trend';
  condition: 'gt' | 'gte' | 'lt' | 'lte';
  value: string;
  minBreaches: string;
  windowSize: string;
  preset: TrendPreset;
  direction: 'up' | 'down' | 'both';
}

export const DEFAULT_ALERT_DRAFT: AlertDraft = {
  type: 'threshold',
  condition: 'gt',
  value: '',
  minBreaches: '3',
  windowSize: '10',
  preset: 'balanced',
  direction: 'down',
};

export type AlertDraftErrors = Partial<Record<'value' | 'minBreaches' | 'windowSize', string>>;

const FIELD_OF: Record<string, keyof AlertDraftErrors> = {
  value: 'value',
  min_breaches: 'minBreaches',
  window_size: 'windowSize',
};

function toNumber(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const value = Number(trimmed);
  return Number.isNaN(value) ? text : value;
}

/**
 * The alert a draft describes (with the contract's rules, so the drawer says what the server would),
 * or the inline error of each field. Binary metrics keep the chosen direction; other metrics watch
 * both. Pure and total.
 */
export function readAlertDraft(
  draft: AlertDraft,
  binary: boolean,
): { alert: AlertDefinition | null; errors: AlertDraftErrors } {
  const typed = new Map<string, number | string>([
    ['value', toNumber(draft.value)],
    ['min_breaches', toNumber(draft.minBreaches)],
    ['window_size', toNumber(draft.windowSize)],
  ]);
  const candidate =
    draft.type === 'trend'
      ? { type: 'trend', preset: draft.preset, direction: binary ? draft.direction : 'both' }
      : {
          type: 'threshold',
          condition: draft.condition,
          value: typed.get('value'),
          min_breaches: typed.get('min_breaches'),
          window_size: typed.get('window_size'),
        };
  // The schema of the chosen kind: a union's issues would not name the field.
  const schema = draft.type === 'trend' ? TrendAlertSchema : ThresholdAlertSchema;
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { alert: parsed.data, errors: {} };
  const errors: AlertDraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (!field || errors[field]) continue;
    const given = typed.get(String(issue.path[0]));
    errors[field] =
      issue.code !== 'invalid_type'
        ? issue.message
        : typeof given === 'number'
          ? 'Enter a whole number.'
          : 'Enter a number.';
  }
  return { alert: null, errors };
}

/** "window 50 calls, 2.0σ, α 0.30", the meaning of a trend preset. */
export function describePreset(preset: TrendPreset): string {
  const { window, stdMultiplier, alpha } = TREND_PRESETS[preset];
  return `window ${window} calls, ${stdMultiplier.toFixed(1)}σ, α ${alpha.toFixed(2)}`;
}
