import { nextCallId } from '../analytics/row-appender.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { generateApiKey, insertApiKey } from '../http/api-key-store.ts';
import { seedCalls, type SeededProject } from './seed-calls.ts';
import { SEED_METRICS, SEED_PROJECTS } from './seed-catalogue.ts';
import { seedDashboards } from './seed-dashboards.ts';

export interface SeedOptions {
  calls: number;
  seed?: number;
  /** Calls are placed relative to this time (default: the current time). */
  now?: Date;
  /** The organisation-level key to store (default: a new random key). */
  apiKey?: string;
}

export interface SeedResult {
  apiKey: string;
  organisationId: number;
  projectIds: number[];
  /** A key scoped to the first project only (for tenancy tests). */
  scopedApiKey: string;
  /**
   * Settles when the calls are in the analytics store. Reads wait for it anyway (a barrier write);
   * await it to report the seed's end or its failure.
   */
  callsWritten: Promise<void>;
}

export const DEFAULT_SEED = 20_260_818;
export const LOCAL_KEY_LABEL = 'local';

/**
 * Seeds a local organisation with two projects, six agents, six metrics per project, two sample
 * dashboards and two API keys in one SQLite transaction, then queues `calls` calls with their
 * evaluations as one analytics write. Deterministic for a given `seed` and `now` (keys aside, which
 * are random unless given).
 */
export function seedDatabase(database: OpenDatabase, options: SeedOptions): SeedResult {
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const apiKey = options.apiKey ?? generateApiKey();
  const scopedApiKey = generateApiKey();
  const iso = now.toISOString();

  const seeded = sqlite.transaction(() => {
    const organisationId = Number(
      sqlite.prepare('INSERT INTO organisations (name) VALUES (?)').run('Local organisation').lastInsertRowid,
    );
    const insertProject = sqlite.prepare('INSERT INTO projects (organisation_id, name) VALUES (?, ?)');
    const insertAgent = sqlite.prepare('INSERT INTO agents (project_id, agent_name) VALUES (?, ?)');
    const insertMetric = sqlite.prepare(
      `INSERT INTO metrics (project_id, name, slug, description, type, eval_type, enum_values, function_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const linkMetric = sqlite.prepare('INSERT INTO metric_agents (metric_id, agent_id) VALUES (?, ?)');

    const projects: SeededProject[] = SEED_PROJECTS.map((spec) => {
      const id = Number(insertProject.run(organisationId, spec.name).lastInsertRowid);
      const agents = spec.agents.map((agent, index) => ({
        id: Number(insertAgent.run(id, agent.name).lastInsertRowid),
        spec: agent,
        latencyMedian: 650 + index * 180,
      }));
      const metrics = SEED_METRICS.map((metric) => {
        const metricId = Number(
          insertMetric.run(
            id,
            metric.name,
            metric.slug,
            metric.description,
            metric.type,
            metric.evalType,
            metric.enumValues ? JSON.stringify(metric.enumValues) : null,
            metric.functionName ?? null,
            iso,
          ).lastInsertRowid,
        );
        for (const agent of agents) linkMetric.run(metricId, agent.id);
        return { id: metricId, spec: metric };
      });
      return { id, spec, agents, metrics };
    });

    insertApiKey(sqlite, { key: apiKey, organisationId, projectId: null, label: LOCAL_KEY_LABEL });
    const firstProject = projects[0];
    insertApiKey(sqlite, {
      key: scopedApiKey,
      organisationId,
      projectId: firstProject ? firstProject.id : null,
      label: 'scoped-sample',
    });
    seedDashboards(sqlite, organisationId, projects, now);
    return { organisationId, projects };
  })();
  // A barrier: a new server's first chart waits for the seed instead of drawing an empty one.
  const callsWritten = database.analytics.write(
    async (connection) => {
      await seedCalls(connection, seeded.projects, {
        count: options.calls,
        now,
        firstId: await nextCallId(connection),
        seed: options.seed ?? DEFAULT_SEED,
      });
    },
    { barrier: true },
  );
  // The caller may not wait for the seed (reads do); its failure is reported through callsWritten.
  callsWritten.catch(() => undefined);
  return {
    apiKey,
    organisationId: seeded.organisationId,
    projectIds: seeded.projects.map((p) => p.id),
    scopedApiKey,
    callsWritten,
  };
}
