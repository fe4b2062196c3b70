import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Times are stored twice where queries filter on them: an ISO string for the
 * wire and epoch milliseconds (`*_ms`) for range scans. JSON columns hold text.
 */
export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
}
export interface ProjectsTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
}
export interface ApiKeysTable {
  id: Generated<number>;
  /** SHA-256 hex of the key; the key itself is never stored. */
  key_hash: string;
  /** First characters, to tell keys apart in admin output without revealing them. */
  key_prefix: string;
  organisation_id: number;
  /** null: an organisation-level key that sees every project of the organisation. */
  project_id: number | null;
  label: string;
  created_at: string;
}
export interface AgentsTable {
  id: Generated<number>;
  project_id: number;
  agent_name: string;
}
export interface MetricsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  slug: string;
  description: string | null;
  type: string;
  eval_type: string;
  /** JSON array text, for enum metrics. */
  enum_values: string | null;
  function_name: string | null;
  created_at: string;
}
export interface MetricAgentsTable {
  metric_id: number;
  agent_id: number;
}
export interface DashboardsTable {
  id: Generated<number>;
  organisation_id: number;
  project_id: number | null;
  name: string | null;
  filters: string | null;
  created_at: string;
  updated_at: string;
}
export interface WidgetsTable {
  id: Generated<number>;
  dashboard_id: number;
  name: string | null;
  filters: string | null;
  chart_type: string;
  data_type: string | null;
  field: string;
  metric_id: number | null;
  time_period: string | null;
  aggregation_function: string | null;
  group_by: string | null;
  metadata: string | null;
  created_at: string;
  updated_at: string;
}
export interface DashboardVersionsTable {
  id: Generated<number>;
  dashboard_id: number;
  organisation_id: number;
  /** Label of the API key that wrote; null for the earliest recorded state. */
  author: string | null;
  summary: string;
  /** JSON text of the wire `Dashboard` after the write. */
  snapshot: string;
  restored_from: number | null;
  created_at: string;
}
export interface SchemaMigrationsTable {
  version: number;
  applied_at: string;
}

export interface Database {
  organisations: OrganisationsTable;
  projects: ProjectsTable;
  api_keys: ApiKeysTable;
  agents: AgentsTable;
  metrics: MetricsTable;
  metric_agents: MetricAgentsTable;
  dashboards: DashboardsTable;
  widgets: WidgetsTable;
  dashboard_versions: DashboardVersionsTable;
  schema_migrations: SchemaMigrationsTable;
}
