// Secret leak check (issue 6): the API key must never appear in the built assets, the server log,
// the browser's stored drafts or the URLs the app visited. Run after an e2e run (e2e/security.spec.ts
// runs it with the e2e key, log and probe file) or alone after a build:
//
//   node scripts/check-secrets.mjs [--key KEY]... [--dir dist] [--file server.log]... [--probe probe.json]
//
// Without --key it still scans --dir (default dist/) for anything shaped like a generated key
// (`ws_` + 40 hex). A probe file is JSON written by the e2e spec:
//   { "urls": ["http://…", …], "storage": [{ "local": {k: v}, "session": {k: v} }, …] }
// The one allowed place for a key is the session connection entry (`widget-studio.connection` in
// sessionStorage), which exists to hold it; every other entry (drafts above all) and every URL must be
// clean. Exit code 1 and a masked report when anything leaks.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ALLOWED_SESSION_ENTRY = 'widget-studio.connection';
const GENERATED_KEY = /ws_[0-9a-f]{40}/g;

const { values } = parseArgs({
  options: {
    key: { type: 'string', multiple: true, default: [] },
    dir: { type: 'string', multiple: true, default: [] },
    file: { type: 'string', multiple: true, default: [] },
    probe: { type: 'string' },
  },
});
const keys = [...values.key, ...(process.env.CHECK_SECRETS_KEYS ?? '').split(',')].filter(
  (k) => k.length >= 8,
);
const dirs = values.dir.length > 0 ? values.dir : ['dist'];

/** The forms a key takes when it travels: as is, URL-encoded, base64 and base64url. */
function formsOf(key) {
  const b64 = Buffer.from(key, 'utf8').toString('base64').replace(/=+$/, '');
  return [...new Set([key, encodeURIComponent(key), b64, b64.replace(/\+/g, '-').replace(/\//g, '_')])];
}
const needles = keys.flatMap((key) => formsOf(key).map((form) => ({ key, form })));
const mask = (key) => `${key.slice(0, 6)}…(${key.length} chars)`;

const leaks = [];

/** `where` may itself contain the key (a URL): never print it. */
function redact(text) {
  let out = text;
  for (const { key, form } of needles) out = out.split(form).join(mask(key));
  return out.replace(GENERATED_KEY, (match) => mask(match));
}

function scanText(rawWhere, text, { generatedShape = false } = {}) {
  const where = redact(rawWhere);
  for (const { key, form } of needles) {
    let index = text.indexOf(form);
    while (index >= 0) {
      const line = text.slice(0, index).split('\n').length;
      leaks.push(`${where}:${line}: ${form === key ? 'the key' : 'an encoded form of the key'} ${mask(key)}`);
      index = text.indexOf(form, index + form.length);
    }
  }
  if (generatedShape) {
    for (const match of text.matchAll(GENERATED_KEY)) {
      leaks.push(`${where}: something shaped like a generated key ${mask(match[0])}`);
    }
  }
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let scannedFiles = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.error(`check-secrets: ${dir} does not exist (build first).`);
    process.exit(2);
  }
  for (const path of walk(dir)) {
    if (/\.(png|jpe?g|gif|webp|ico|woff2?)$/i.test(path)) continue;
    scanText(path, readFileSync(path, 'utf8'), { generatedShape: true });
    scannedFiles += 1;
  }
}
for (const path of values.file) {
  if (!existsSync(path)) {
    console.error(`check-secrets: ${path} does not exist.`);
    process.exit(2);
  }
  scanText(path, readFileSync(path, 'utf8'));
  scannedFiles += 1;
}

let probed = '';
if (values.probe) {
  const probe = JSON.parse(readFileSync(values.probe, 'utf8'));
  const urls = Array.isArray(probe.urls) ? probe.urls : [];
  for (const url of urls) scanText(`URL ${url.slice(0, 80)}`, String(url));
  const snapshots = Array.isArray(probe.storage) ? probe.storage : [];
  for (const [index, snapshot] of snapshots.entries()) {
    for (const [area, entries] of [
      ['localStorage', snapshot.local ?? {}],
      ['sessionStorage', snapshot.session ?? {}],
    ]) {
      for (const [name, value] of Object.entries(entries)) {
        if (area === 'sessionStorage' && name === ALLOWED_SESSION_ENTRY) continue;
        scanText(`${area}[${JSON.stringify(name)}] (snapshot ${index + 1})`, `${name}\n${String(value)}`);
      }
    }
  }
  probed = `, ${urls.length} URLs, ${snapshots.length} storage snapshots`;
}

if (leaks.length > 0) {
  console.error(`check-secrets: the API key leaked in ${leaks.length} place(s):`);
  for (const leak of leaks) console.error(`  ${leak}`);
  process.exit(1);
}
console.log(`check-secrets: clean (${keys.length} key(s), ${scannedFiles} files${probed}).`);
