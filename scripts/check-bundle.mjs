// Bundle budget, run by `npm test` after `vite build`: the JavaScript a first visit downloads and the
// JavaScript the widget-editor route needs, gzipped. Fails when either exceeds its budget so a heavy
// import cannot slip into the first route unnoticed. Figures are written to bench/results/bundle.json.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_INITIAL_KB = 170;
const BUDGET_EDITOR_KB = 350;
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;

/** Files loaded statically from a manifest entry (the entry itself and its static imports, transitively). */
function staticClosure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = staticClosure(entryKey);
const editorKey = Object.keys(manifest).find((k) => k.endsWith('features/widget-editor/widget-editor.tsx'));
const editor = new Set(initial);
if (editorKey) staticClosure(editorKey, editor);

const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((total, f) => total + gz(f), 0);
const initialKb = sum(initial) / 1024;
const editorKb = sum(editor) / 1024;

const result = {
  measured_at: new Date().toISOString(),
  initial_js_gzip_kb: Number(initialKb.toFixed(1)),
  editor_route_js_gzip_kb: editorKey ? Number(editorKb.toFixed(1)) : null,
  budgets_kb: { initial: BUDGET_INITIAL_KB, editor_route: BUDGET_EDITOR_KB },
};
if (!existsSync('bench/results')) mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bundle.json', JSON.stringify(result, null, 2) + '\n');

console.log(`initial JS: ${initialKb.toFixed(1)} KB gz (budget ${BUDGET_INITIAL_KB})`);
console.log(
  `editor route JS: ${editorKey ? editorKb.toFixed(1) + ' KB gz' : 'no editor chunk yet'} (budget ${BUDGET_EDITOR_KB})`,
);
let failed = false;
// Measurement hooks (`useRenderCount`) are built in only for development, tests and the benchmark's own
// build (`VITE_MEASURE_RENDERS=true`): a production bundle that still writes render counts is a leak.
const measuring = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter(
    (file) => file.endsWith('.js') && readFileSync(join(dist, file), 'utf8').includes('data-render-count'),
  );
if (measuring.length > 0) {
  console.error(`Render counting ships in production chunks: ${measuring.join(', ')}.`);
  failed = true;
}
if (initialKb > BUDGET_INITIAL_KB) {
  console.error(`Initial JavaScript is over budget by ${(initialKb - BUDGET_INITIAL_KB).toFixed(1)} KB gz.`);
  failed = true;
}
if (editorKey && editorKb > BUDGET_EDITOR_KB) {
  console.error(
    `Editor route JavaScript is over budget by ${(editorKb - BUDGET_EDITOR_KB).toFixed(1)} KB gz.`,
  );
  failed = true;
}
process.exit(failed ? 1 : 0);
