import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's Chromium on CI and developer machines here; Playwright's own browser where CHROMIUM_PATH
// is unset and the Debian binary is absent (a laptop with internet).
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

const port = Number(process.env.E2E_PORT ?? 8799);
/** A second server in forwarding mode, with the embedded one as its upstream (e2e/forwarding.spec.ts). */
export const E2E_FORWARDING_PORT = port + 100;
export const E2E_BASE_URL = `http://127.0.0.1:${port}`;
// Each run gets a fresh database so tests never see a previous run's writes.
const dbDir = process.env.E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'widget-studio-e2e-'));
process.env.E2E_DB_DIR = dbDir;
export const E2E_API_KEY = 'ws_e2e_test_key_0123456789abcdef';

/**
 * Tests that write calls into the seeded projects (security's hostile calls, the calls import, the
 * auto-refresh insert), tagged `@writes-calls`. Every other test reads those projects' calls, and some
 * compare what the page shows with what the API answers a moment later: they would see the writes land
 * in between. So these run by themselves, one at a time, after the rest: the `writes-calls` project is
 * the `teardown` of the parallel one, which (unlike a dependency) runs even when a parallel test failed.
 * Like any teardown it runs in full after a run of a few parallel specs: add `--no-deps` to skip it.
 */
export const WRITES_CALLS = { tag: '@writes-calls' } as const;
const writesCalls = new RegExp(WRITES_CALLS.tag);
const chromium = { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } };

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  // Every other test writes only to dashboards it creates (a copy of a sample, or a new one) and reads
  // the samples and the calls without changing them, so its tests run in parallel, spread over workers.
  // Two: CI has 2 cores, and the two servers and Chromium need them too.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'off',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: chromium, grepInvert: writesCalls, teardown: 'writes-calls' },
    { name: 'writes-calls', use: chromium, grep: writesCalls, fullyParallel: false, workers: 1 },
  ],
  webServer: [
    {
      // What `npm start` runs: the built server under plain node, rebuilt first so that a run never
      // tests a stale dist-server/ (the SPA in dist/ is built beforehand: scripts/test.sh, README).
      command: 'npx vite build --config vite.server.config.ts && node dist-server/main.js',
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DB_PATH: join(dbDir, 'e2e.db'),
        SEED_CALLS: process.env.E2E_SEED_CALLS ?? '6000',
        WIDGET_STUDIO_API_KEY: E2E_API_KEY,
        LOG_FILE: join(dbDir, 'server.log'),
      },
    },
    {
      // The README's recommended set-up for the real API, with the embedded server playing Cekura. From
      // source: the other server's command empties dist-server/ while it rebuilds.
      command: 'node --import tsx src/server/main.ts',
      url: `http://127.0.0.1:${E2E_FORWARDING_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(E2E_FORWARDING_PORT),
        HOST: '127.0.0.1',
        UPSTREAM_URL: `http://127.0.0.1:${port}`,
        CEKURA_API_KEY: E2E_API_KEY,
        // The history of the writes it forwards (ADR 0020), fresh for each run like the upstream's data.
        DB_PATH: join(dbDir, 'forwarding.db'),
        LOG_FILE: join(dbDir, 'forwarding.log'),
      },
    },
  ],
});
