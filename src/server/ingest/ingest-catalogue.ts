import type BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import { EvalTypeSchema } from '../../contract/enums.ts';
import { readJsonColumn } from '../json-column.ts';
import type { IngestCatalogue } from './resolve-ingest-call.ts';

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

/** Creates the named agents the project lacks (sync copies them from upstream); returns the catalogue. */
export function ensureAgents(
  sqlite: BetterSqlite3.Database,
  projectId: number,
  names: readonly string[],
): IngestCatalogue {
  const known = new Set(loadIngestCatalogue(sqlite, projectId).agents.map((a) => a.name));
  const insert = sqlite.prepare('INSERT INTO agents (project_id, agent_name) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const name of new Set(names)) if (!known.has(name)) insert.run(projectId, name);
  })();
  return loadIngestCatalogue(sqlite, projectId);
}
