import { resolve } from 'node:path';
import { ESLint } from 'eslint';

// The module boundaries of ARCHITECTURE.md are lint errors. Each row lints a one-line import as if it
// were written in a real file of that folder and expects the named rule to fire (or not).
const root = resolve(import.meta.dirname, '..');
// typescript-eslint switches to "single run" mode when CI=true and then parses files from disk,
// ignoring the text given to lintText; these rows lint in-memory text, so that mode is turned off.
// The first row linted under each tsconfig builds that TypeScript program (about 20 s for the test
// project on a busy machine) and, for the cycle rule, the import graph: hence the long timeout.
const LINT_TIMEOUT_MS = 120_000;
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
});

/** Every message of the restricted-imports rule, plus any fatal message (so a failure explains itself). */
async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal)
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('lint enforces the module boundaries', { timeout: LINT_TIMEOUT_MS }, () => {
  it.each([
    [
      'src/web/main.tsx',
      "import { x } from '../server/main.ts';\nexport const y = x;",
      /never imports src\/server/,
    ],
    [
      'src/web/main.tsx',
      "import Database from 'better-sqlite3';\nexport const y = Database;",
      /Node\/server-only/,
    ],
    [
      'src/web/main.tsx',
      "import { LineChart } from 'recharts';\nexport const y = LineChart;",
      /widget-preview imports recharts/,
    ],
    [
      'src/server/main.ts',
      "import { App } from '../web/app/app.tsx';\nexport const y = App;",
      /never imports src\/web/,
    ],
    ['src/contract/enums.ts', "import { Hono } from 'hono';\nexport const y = Hono;", /only zod/],
    [
      'src/web/main.tsx',
      "import { fromWire } from './features/filter-builder/filter-tree.ts';\nexport const y = fromWire;",
      /through its entry file/,
    ],
    [
      'src/web/app/app-routes.tsx',
      "import { widgetToDraft } from '../features/widget-editor/draft/widget-form-model.ts';\nexport const y = widgetToDraft;",
      /through its entry file/,
    ],
    [
      'src/server/engine/chart-data.ts',
      "import { buildEngineFixture } from '../test-support/engine-test-fixture.ts';\nexport const y = buildEngineFixture;",
      /never imports test-support/,
    ],
    [
      'src/server/store/widget-store.ts',
      "import { registerWidgetRoutes } from '../routes/widget-routes.ts';\nexport const y = registerWidgetRoutes;",
      /Only app\.ts imports routes/,
    ],
  ])('%s: %s is rejected', async (file, code, expected) => {
    const messages = await restrictedImportMessages(file, code);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it.each([
    ['src/web/main.tsx', "import * as z from 'zod';\nexport const y = z;"],
    ['src/contract/enums.ts', "import * as z from 'zod';\nexport const y = z;"],
    [
      'src/web/main.tsx',
      "import { FilterBuilder } from './features/filter-builder/filter-builder.tsx';\nexport const y = FilterBuilder;",
    ],
    [
      'src/web/features/widget-editor/form/data-fields.tsx',
      "import { DRAFT_KEYS } from '../draft/widget-form-model.ts';\nexport const y = DRAFT_KEYS;",
    ],
    [
      'src/web/features/widget-editor/form/widget-filters-section.tsx',
      "import { FilterBuilder } from '../../filter-builder/filter-builder.tsx';\nexport const y = FilterBuilder;",
    ],
    [
      'src/server/engine/chart-data.differential.test.ts',
      "import { buildEngineFixture } from '../test-support/engine-test-fixture.ts';\nexport const y = buildEngineFixture;",
    ],
    [
      'src/server/app.ts',
      "import { registerWidgetRoutes } from './routes/widget-routes.ts';\nexport const y = registerWidgetRoutes;",
    ],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toEqual([]);
  });

  // metric-schema.ts on disk imports a value from enums.ts; linting enums.ts as if it imported
  // metric-schema.ts back closes a loop. drf-errors.ts is not on that path, so the same import is fine.
  it('an import cycle is rejected, and the same import without the loop is not', async () => {
    const cycleMessages = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
      return (result?.messages ?? [])
        .filter((m) => m.ruleId === 'import-x/no-cycle' || m.fatal)
        .map((m) => m.message);
    };
    const loop = "import { MetricSchema } from './metric-schema.ts';\nexport const y = MetricSchema;";
    expect(await cycleMessages('src/contract/enums.ts', loop)).toEqual([expect.stringMatching(/cycle/i)]);
    expect(await cycleMessages('src/contract/drf-errors.ts', loop)).toEqual([]);
  });
});
