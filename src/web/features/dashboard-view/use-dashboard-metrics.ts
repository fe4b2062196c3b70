import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Metric } from '../../../contract/metric-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { metricQueries } from '../../api/metric-queries.ts';
import type { MetricNameOf } from './describe-condition.ts';

export type MetricsStatus = 'loading' | 'error' | 'ready';

/**
 * The project's metrics for the dashboard screen, fetched only once something on screen needs them
 * (issue 6: opening a dashboard costs the dashboard and its data, two requests). `needed` says whether
 * the screen as loaded shows names only the metrics know (`needsMetricNames`); `request` is called when
 * a control that lists metrics or agents is about to open. Once requested they stay wanted, so a menu
 * reopened later never shows a shorter list.
 */
export function useDashboardMetrics(projectId: number | null, needed: boolean) {
  const api = useApiClient();
  const [requested, setRequested] = useState(false);
  const query = useQuery({ ...metricQueries.list(api, { projectId }), enabled: needed || requested });
  const request = useCallback(() => setRequested(true), []);
  const metrics: readonly Metric[] | undefined = query.data;
  const metricName = useMemo<MetricNameOf>(() => {
    const names = new Map((metrics ?? []).map((metric) => [metric.id, metric.name]));
    return (id) => names.get(id);
  }, [metrics]);
  const status: MetricsStatus = query.data ? 'ready' : query.isError ? 'error' : 'loading';
  return { metrics, metricName, status, request };
}
