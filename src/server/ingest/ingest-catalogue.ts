import type BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import { EvalTypeSchema } from '../../contract/enums.ts';
import { readJsonColumn } from '../db/json-column.ts';
import { slugify } from '../store/metric-slug.ts';
import type { IngestCatalogue, MissingNames } from './resolve-ingest-call.ts';

const AgentRowSchema = z.object({ id: z.number(), name: z.string() });
const MetricRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  eval_type: EvalTypeSchema,
  enum_values: z.string().nullable(),
});
const EnumValuesSchema = z.array(z.string());

/** The agents and metrics of a project (small tables that stay in SQLite), for resolving imports. */
export function loadIngestCatalogue(sqlite: BetterSqlite3.Database, projectId: number): IngestCatalogue {
  const agents = sqlite
    .prepare('SELECT id, agent_name AS name FROM agents WHERE project_id = ? ORDER BY id')
    .all(projectId)
    .map((row) => AgentRowSchema.parse(row));
  const metrics = sqlite
    .prepare('SELECT id, name, eval_type, enum_values FROM metrics WHERE project_id = ? ORDER BY id')
    .all(projectId)
    .map((row) => {
      const parsed = MetricRowSchema.parse(row);
      const values = EnumValuesSchema.safeParse(readJsonColumn(parsed.enum_values));
      return {
        id: parsed.id,
        name: parsed.name,
        evalType: parsed.eval_type,
        enumValues: values.success ? values.data : null,
      };
    });
  return { agents, metrics };
}

/** Agents and metrics one import or sync created, by id and name. */
export interface CreatedCatalogue {
  agents: { id: number; name: string }[];
  metrics: { id: number; name: string }[];
}

/**
 * Creates the agents and metrics of `missing` the project still lacks (one SQLite transaction; a
 * created enum metric accepts any value, as its values are unknown), adds them to `created` and
 * returns the project's catalogue after it. See `findMissingNames` for what may be created.
 */
export function createMissingNames(
  sqlite: BetterSqlite3.Database,
  projectId: number,
  missing: MissingNames,
  created: CreatedCatalogue,
  createdAt: Date,
): IngestCatalogue {
  const agent = sqlite.prepare('INSERT INTO agents (project_id, agent_name) VALUES (?, ?) RETURNING id');
  const metric = sqlite.prepare(
    `INSERT INTO metrics (project_id, name, slug, description, type, eval_type, enum_values, function_name, created_at)
     VALUES (?, ?, ?, NULL, 'basic', ?, NULL, NULL, ?) RETURNING id`,
  );
  const IdSchema = z.object({ id: z.number() });
  sqlite.transaction(() => {
    const known = loadIngestCatalogue(sqlite, projectId);
    for (const name of new Set(missing.agents))
      if (!known.agents.some((a) => a.name === name))
        created.agents.push({ id: IdSchema.parse(agent.get(projectId, name)).id, name });
    for (const { name, evalType } of missing.metrics)
      if (!known.metrics.some((m) => m.name === name))
        created.metrics.push({
          id: IdSchema.parse(metric.get(projectId, name, slugify(name), evalType, createdAt.toISOString()))
            .id,
          name,
        });
  })();
  return loadIngestCatalogue(sqlite, projectId);
}

/** Removes what an import created when it stored nothing (the database is as before it). */
export function removeCreatedNames(sqlite: BetterSqlite3.Database, created: CreatedCatalogue): void {
  const metric = sqlite.prepare('DELETE FROM metrics WHERE id = ?');
  const agent = sqlite.prepare('DELETE FROM agents WHERE id = ?');
  sqlite.transaction(() => {
    for (const { id } of created.metrics) metric.run(id);
    for (const { id } of created.agents) agent.run(id);
  })();
  created.agents = [];
  created.metrics = [];
}
