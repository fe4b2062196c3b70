import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The repo carries its own knowledge: every decision (`D7`) and contract section (`contract 6.2`) that
// code, tests or docs cite is defined in docs/contract.md, and nothing reads the contract from outside
// the repo.
const root = resolve(import.meta.dirname, '..');
const contract = readFileSync(join(root, 'docs/contract.md'), 'utf8');

const SCANNED = ['src', 'e2e', 'docs', 'scripts', 'bench'];
const SKIPPED_DIRS = new Set(['node_modules', 'screenshots', 'fixtures', 'results', 'tmp']);
const TEXT_FILE = /\.(ts|tsx|mts|mjs|js|md|css|json|html|sh)$/;

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : textFiles(path);
    return TEXT_FILE.test(entry.name) ? [path] : [];
  });
}

const files = SCANNED.flatMap((dir) => textFiles(join(root, dir))).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

/** `where: citation` for every match of `pattern` (group 1) in the scanned files. */
function citations(pattern: RegExp): { where: string; id: string }[] {
  return files.flatMap(({ path, text }) =>
    [...text.matchAll(pattern)].map((match) => ({ where: path, id: match[1] ?? '' })),
  );
}

const definedDecisions = [...contract.matchAll(/^- \*\*D(\d+) — /gm)].map((m) => Number(m[1]));
const definedSections = new Set([...contract.matchAll(/^#{2,4} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));

describe('docs/contract.md defines what the code cites', () => {
  it('defines decisions D1…Dn once each, in order', () => {
    expect(definedDecisions.length).toBeGreaterThanOrEqual(22);
    expect(definedDecisions).toEqual(definedDecisions.map((_, index) => index + 1));
  });

  it('defines every cited decision', () => {
    const cited = citations(/\bD(\d{1,2})\b/g);
    expect(cited.length).toBeGreaterThan(50);
    const missing = cited.filter(({ id }) => !definedDecisions.includes(Number(id)));
    expect(missing.map(({ where, id }) => `${where}: D${id}`)).toEqual([]);
  });

  it('has a heading for every cited contract section', () => {
    const cited = citations(/\bcontract (?:section )?(\d+(?:\.\d+)?)/gi);
    expect(cited.length).toBeGreaterThan(10);
    const missing = cited.filter(({ id }) => !definedSections.has(id));
    expect(missing.map(({ where, id }) => `${where}: contract ${id}`)).toEqual([]);
  });

  it('reads nothing from outside the repo', () => {
    const outside = ['..', 'shared'].join('/');
    const config = ['package.json', 'vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'].map(
      (path) => ({ path, text: readFileSync(join(root, path), 'utf8') }),
    );
    const offenders = [...files, ...config].filter(({ text }) => text.includes(outside));
    expect(offenders.map(({ path }) => path)).toEqual([]);
  });
});
