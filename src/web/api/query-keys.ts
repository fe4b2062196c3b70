import type { Filter } from '../../contract/filter-schema.ts';
import type { ViewFilters } from './view-filters.ts';

/**
 * Every query key of the SPA, written once. Keys are hierarchical so that invalidating a prefix
 * (`queryKeys.dashboards.all`) refreshes everything below it. Add new keys here, not inline.
 */
export const queryKeys = {
  dashboards: {
    all: ['dashboards'] as const,
    lists: () => ['dashboards', 'list'] as const,
    list: (params: { projectId?: number | null } = {}) => ['dashboards', 'list', params] as const,
    details: () => ['dashboards', 'detail'] as const,
    detail: (dashboardId: number) => ['dashboards', 'detail', dashboardId] as const,
    predefinedWidgets: (params: { projectId: number | null }) =>
      ['dashboards', 'predefined-widgets', params] as const,
  },
  widgets: {
    all: ['widgets'] as const,
    details: () => ['widgets', 'detail'] as const,
    detail: (widgetId: number) => ['widgets', 'detail', widgetId] as const,
    list: (params: { dashboardId?: number | null } = {}) => ['widgets', 'list', params] as const,
    /** Data of one saved widget, optionally with override filters (D5). */
    data: (widgetId: number, filters: Filter | null = null) =>
      ['widgets', 'data', widgetId, filters] as const,
    /** Data of many widgets in one `bulk_data` request, with the variables' dashboard filters if any. */
    bulkData: (params: { dashboardId: number; widgetIds: readonly number[]; viewFilters?: ViewFilters }) =>
      ['widgets', 'bulk-data', params] as const,
    /** `preview_data` of an unsaved draft; `body` is the request body sent. */
    preview: (body: unknown) => ['widgets', 'preview', body] as const,
    /** Many `preview_data` bodies asked at once (`bulk_data`'s `previews`, or one by one). */
    previewBatch: (bodies: unknown) => ['widgets', 'preview-batch', bodies] as const,
    /** `POST /studio/alert-backtest/` of a saved widget and an alert definition. */
    alertBacktest: (body: unknown) => ['widgets', 'alert-backtest', body] as const,
  },
  metrics: {
    all: ['metrics'] as const,
    list: (params: { projectId?: number | null; agentId?: number | null } = {}) =>
      ['metrics', 'list', params] as const,
  },
  callLogs: {
    all: ['call-logs'] as const,
    list: (params: { filters: Filter | null; page?: number; pageSize?: number; projectId?: number | null }) =>
      ['call-logs', 'list', params] as const,
  },
  versions: {
    /** Every version query of one dashboard (our extension, issue 16). */
    all: (dashboardId: number) => ['versions', dashboardId] as const,
    /** `widgetId`: only the versions that changed that widget (the widget editor's history). */
    list: (dashboardId: number, widgetId: number | null = null) =>
      ['versions', dashboardId, 'list', widgetId] as const,
    detail: (dashboardId: number, versionId: number) =>
      ['versions', dashboardId, 'detail', versionId] as const,
  },
  savedViews: {
    /** The saved views of one dashboard (our extension, or the browser's copy: issue 17). */
    list: (dashboardId: number) => ['saved-views', dashboardId] as const,
  },
  trash: {
    list: () => ['trash', 'list'] as const,
  },
  documents: {
    /** A dry-run import (our extension): keyed by the exact request body, like a preview. */
    importPreview: (body: unknown) => ['documents', 'import-preview', body] as const,
  },
  valueCounts: {
    all: ['value-counts'] as const,
    list: (params: { projectId: number | null; field: string; from?: string | null; missing?: boolean }) =>
      ['value-counts', 'list', params] as const,
  },
  studio: {
    localConfig: () => ['studio', 'local-config'] as const,
    /** One cheap authenticated request, when nothing else has shown whether the API answers. */
    connectionCheck: () => ['studio', 'connection-check'] as const,
    importTargets: () => ['studio', 'import-targets'] as const,
  },
} as const;
