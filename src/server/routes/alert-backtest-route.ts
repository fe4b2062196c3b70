import type { Hono } from 'hono';
import {
  ALERT_BACKTEST_PATH,
  AlertBacktestRequestSchema,
  backtestAlert,
  BACKTEST_MAX_FIRED,
  type AlertBacktestResponse,
} from '../../contract/alert-backtest.ts';
import {
  checkDataWindow,
  findTimestampLowerBound,
  findTimestampUpperBound,
} from '../../contract/effective-filters.ts';
import { METRIC_VALUE_FIELD, resolveDataType } from '../../contract/widget-rules.ts';
import { badRequest, badRequestDetail, notFound } from '../http/api-error.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { replayMetricEvaluations } from '../engine/metric-evaluation-series.ts';
import { queryTimeLimitMs } from '../analytics/query-time-limit.ts';
import { limitsFromNow } from '../analytics/analytics-database.ts';
import type { AppEnv, ServerContext } from '../http/server-context.ts';
import { metricsOnce, savedWidgetJob } from './widget-data-routes.ts';
import { findWidget } from '../store/widget-store.ts';

export const NOT_A_METRIC_WIDGET =
  'This widget does not plot a metric: alerts watch a metric, so plot metric_evaluations.value with a metric.';
export const NOT_A_NUMERIC_METRIC =
  'This metric has no numeric values (an enum metric): Cekura alerts watch numeric and binary metrics.';

/**
 * `POST /studio/alert-backtest/` (contract 12, docs/decisions/0018): every moment a Cekura threshold
 * or trend alert on a saved metric widget's metric would have fired over the widget's window and
 * effective filters. Tenancy as every route (a widget outside the key's scope is a 404); a widget
 * that plots no metric is a 400 with the reason; the read and the replay share the data
 * computations' time limit (504 past it).
 */
export function registerAlertBacktestRoute(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.post(ALERT_BACKTEST_PATH, async (c) => {
    const scope = c.get('scope');
    const body = requireObject(await readBody(c));
    const parsed = AlertBacktestRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const record = await findWidget(ctx.database.db, scope, parsed.data.widget);
    if (!record) throw notFound();
    const job = await savedWidgetJob(metricsOnce(ctx, scope), scope, record, null);
    const metric = job.metrics.find((m) => m.id === job.widget.metric);
    if (job.widget.field !== METRIC_VALUE_FIELD || !metric)
      throw badRequest({ widget: [NOT_A_METRIC_WIDGET] });
    const dataType = resolveDataType(METRIC_VALUE_FIELD, metric);
    if (dataType !== 'numeric' && dataType !== 'boolean')
      throw badRequest({ widget: [NOT_A_NUMERIC_METRIC] });
    const now = ctx.clock();
    const windowError = checkDataWindow(job.effective, now);
    if (windowError !== null) throw badRequestDetail(windowError);
    // One pass over the points: microseconds per thousand, far inside every limit. The fired points it
    // returns are values of their own, not views of the series.
    const result = await replayMetricEvaluations(
      ctx.database,
      { metricId: metric.id, projectIds: job.projectIds, filter: job.effective, now },
      limitsFromNow(queryTimeLimitMs(), c.req.raw.signal),
      (points) => backtestAlert(points, parsed.data.alert, BACKTEST_MAX_FIRED),
    );
    const from = findTimestampLowerBound(job.effective, now) ?? now;
    const to = findTimestampUpperBound(job.effective, now) ?? now;
    const answer: AlertBacktestResponse = {
      widget: record.id,
      metric: metric.id,
      from: from.toISOString(),
      to: (to > now ? now : to).toISOString(),
      evaluated: result.evaluated,
      fired_count: result.firedCount,
      fired: result.fired.map((p) => ({
        timestamp: new Date(p.t).toISOString(),
        call_id: p.callId,
        value: p.value,
      })),
    };
    return c.json(answer);
  });
}
