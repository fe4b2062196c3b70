import {
  isGroupByField,
  isVariableField,
  SAVED_VIEW_MAX_VALUES,
  SAVED_VIEW_MAX_VARIABLES,
  type ViewState,
  type ViewVariable,
} from '../../../contract/saved-view-schema.ts';
import { REFRESH_CHOICES, type RefreshChoice } from './refresh-schedule.ts';

/** What a dashboard link carries besides the dashboard: variables, group-by and auto-refresh. */
export interface DashboardUrlState extends ViewState {
  refresh: RefreshChoice['id'];
}

export const EMPTY_URL_STATE: DashboardUrlState = { variables: [], group_by: null, refresh: 'off' };

const VARS = 'vars';
const VALUE_PREFIX = 'v.';
const GROUP = 'group';
const REFRESH = 'refresh';

/**
 * Reads the view state of a dashboard link: `vars=topic,metadata.region` lists the variables in order,
 * `v.<field>=<value>` (repeated) their chosen values, an empty value being "(none)"; `group=<field>`
 * the group-by, `refresh=30s|1m|5m|15m` the auto-refresh. Anything unknown or malformed (an unknown
 * field, a field twice, too many values) is left out, so any link opens. Total.
 */
export function readUrlState(params: URLSearchParams): DashboardUrlState {
  const fields = (params.get(VARS) ?? '')
    .split(',')
    .filter((field, index, all) => isVariableField(field) && all.indexOf(field) === index)
    .slice(0, SAVED_VIEW_MAX_VARIABLES);
  const variables: ViewVariable[] = fields.map((field) => ({
    field,
    values: [...new Set(params.getAll(VALUE_PREFIX + field))]
      .slice(0, SAVED_VIEW_MAX_VALUES)
      .map((value) => (value === '' ? null : value)),
  }));
  const group = params.get(GROUP);
  const refresh = REFRESH_CHOICES.find((choice) => choice.id === params.get(REFRESH))?.id ?? 'off';
  return { variables, group_by: group !== null && isGroupByField(group) ? group : null, refresh };
}

/**
 * The link's parameters with `state` written in (see readUrlState), every other parameter (`mode`…)
 * kept as it was. Empty parts are left out, so a dashboard without a view keeps a bare URL. Total.
 */
export function writeUrlState(params: URLSearchParams, state: DashboardUrlState): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === VARS || key === GROUP || key === REFRESH || key.startsWith(VALUE_PREFIX)) continue;
    next.append(key, value);
  }
  if (state.variables.length > 0) next.set(VARS, state.variables.map((v) => v.field).join(','));
  for (const variable of state.variables)
    for (const value of variable.values) next.append(VALUE_PREFIX + variable.field, value ?? '');
  if (state.group_by !== null) next.set(GROUP, state.group_by);
  if (state.refresh !== 'off') next.set(REFRESH, state.refresh);
  return next;
}
