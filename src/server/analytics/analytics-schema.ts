import * as z from 'zod';

/**
 * The analytics file's tables (docs/decisions/0014): calls and their metric evaluations, the two
 * tables every chart scans, in DuckDB. Everything else (organisations, projects, keys, agents, metrics,
 * dashboards, widgets, versions) stays in SQLite, the system of record.
 *
 * Columns hold what charts, filters and the call-log list read, in the narrowest type that keeps the
 * contract's values: times as epoch milliseconds (the ISO strings of the API are formatted on the way
 * out), booleans as 0/1 TINYINT (the SQL engine's aggregates and the labels "true"/"false" read them so),
 * metadata as JSON text. No primary keys or indexes: DuckDB's zone maps over time-ordered row groups
 * do the pruning, and a unique index would slow every bulk append; ids are handed out by the writer.
 */
export interface AnalyticsMigration {
  version: number;
  sql: string;
}

export const ANALYTICS_MIGRATIONS: readonly AnalyticsMigration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE calls (
        id INTEGER NOT NULL,
        project_id INTEGER NOT NULL,
        agent_id INTEGER,
        ts_ms BIGINT NOT NULL,
        duration DOUBLE,
        success TINYINT,
        is_reviewed TINYINT NOT NULL,
        call_ended_reason VARCHAR,
        dropoff_point VARCHAR,
        topic VARCHAR,
        customer_number VARCHAR,
        call_id VARCHAR,
        metadata VARCHAR,
        created_ms BIGINT NOT NULL
      );
      CREATE TABLE metric_evaluations (
        call_id INTEGER NOT NULL,
        metric_id INTEGER NOT NULL,
        value_num DOUBLE,
        value_text VARCHAR,
        ts_ms BIGINT NOT NULL
      );
    `,
  },
  {
    // Promoted metadata keys (docs/decisions/0014): the most used top-level keys of `metadata` get a
    // text column each, filled by the writer with DuckDB's own `json_extract_string`, so a pie, group
    // or filter on `metadata.<key>` reads a dictionary-compressed column instead of parsing JSON per row.
    // Appended calls land in `calls_staging` first and move into `calls` with those columns computed
    // (an UPDATE afterwards would leave every row's old version in the file).
    version: 2,
    sql: `
      ${Array.from({ length: 12 }, (_, slot) => `ALTER TABLE calls ADD COLUMN md_${slot} VARCHAR;`).join('\n      ')}
      CREATE TABLE metadata_slots (slot INTEGER NOT NULL, key VARCHAR NOT NULL);
      CREATE TABLE calls_staging AS SELECT * EXCLUDE (${Array.from({ length: 12 }, (_, slot) => `md_${slot}`).join(', ')}) FROM calls LIMIT 0;
    `,
  },
];

/** How many metadata keys can be promoted to columns (`md_0` … `md_11`, migration 2). */
export const METADATA_SLOT_COUNT = 12;

export const ANALYTICS_SCHEMA_VERSION = Math.max(...ANALYTICS_MIGRATIONS.map((m) => m.version));

const flag = z.union([z.literal(0), z.literal(1)]);
const nullableText = z.string().nullable();

/**
 * One stored call, as the appenders take it: the columns of `calls` (and of `calls_staging`, where the
 * appenders write), in table order; `calls` then has the `METADATA_SLOT_COUNT` promoted metadata
 * columns. The one declaration of the row: the legacy SQLite row and the engine's test fixture are
 * derived from it.
 */
export const StoredCallSchema = z.object({
  id: z.number(),
  project_id: z.number(),
  agent_id: z.number().nullable(),
  ts_ms: z.number(),
  duration: z.number().nullable(),
  success: flag.nullable(),
  is_reviewed: flag,
  call_ended_reason: nullableText,
  dropoff_point: nullableText,
  topic: nullableText,
  customer_number: nullableText,
  call_id: nullableText,
  /** JSON text of an object, or null. */
  metadata: nullableText,
  created_ms: z.number(),
});
export type StoredCall = z.infer<typeof StoredCallSchema>;

export const CALL_COLUMNS = StoredCallSchema.keyof().options;

/** One stored metric evaluation of a call. */
export const StoredEvaluationSchema = z.object({
  call_id: z.number(),
  metric_id: z.number(),
  value_num: z.number().nullable(),
  value_text: nullableText,
  ts_ms: z.number(),
});
export type StoredEvaluation = z.infer<typeof StoredEvaluationSchema>;
