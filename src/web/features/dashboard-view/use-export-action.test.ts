import { describe, expect, it } from 'vitest';
import { exportFileName } from './use-export-action.ts';

describe('exportFileName', () => {
  it.each<[string | null, string]>([
    ['Support overview', 'support-overview.dashboard.json'],
    ['  Latency / p95 (EU)  ', 'latency-p95-eu.dashboard.json'],
    ['Qualité des appels', 'qualité-des-appels.dashboard.json'],
    ['../../etc/passwd', 'etc-passwd.dashboard.json'],
    ['***', 'dashboard-7.dashboard.json'],
    [null, 'dashboard-7.dashboard.json'],
    ['x'.repeat(100), `${'x'.repeat(60)}.dashboard.json`],
  ])('%j → %s', (name, file) => {
    expect(exportFileName({ id: 7, name })).toBe(file);
  });
});
