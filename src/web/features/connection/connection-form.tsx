import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { Field } from '../../ui/field.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import type { ActiveConnection } from './connection-context.ts';
import { ConnectionTestResultPanel } from './connection-test-result.tsx';
import type { LocalConfig } from './local-config.ts';
import { normaliseBaseUrl } from './saved-connection.ts';
import type { SavedConnection } from './saved-connection.ts';
import { testConnection } from './test-connection.ts';
import type { ConnectionTestResult } from './test-connection.ts';

export const DEFAULT_UPSTREAM_URL = 'https://api.cekura.ai';

export interface ConnectionFormProps {
  current: ActiveConnection;
  localConfig: LocalConfig;
  embeddedBaseUrl: string;
  fetchImpl: typeof fetch;
  onConnect: (saved: SavedConnection) => void;
}

/** Choose the API (embedded or another base URL) and key; test it; use it. */
export function ConnectionForm({
  current,
  localConfig,
  embeddedBaseUrl,
  fetchImpl,
  onConnect,
}: ConnectionFormProps) {
  const [target, setTarget] = useState<'embedded' | 'custom'>(current.target);
  const [baseUrl, setBaseUrl] = useState(
    current.target === 'custom' ? current.baseUrl : DEFAULT_UPSTREAM_URL,
  );
  const [apiKey, setApiKey] = useState('');
  const [remember, setRemember] = useState(current.remember);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);

  const embeddedNeedsNoKey =
    localConfig.apiKey !== null || (localConfig.forwarding && localConfig.upstreamHasKey);

  /** The settings as typed, or null (with inline errors shown) when they are incomplete. */
  function readSettings(): { baseUrl: string; apiKey: string | null } | null {
    const key = apiKey.trim() || null;
    const url = target === 'embedded' ? embeddedBaseUrl : normaliseBaseUrl(baseUrl);
    setUrlError(url === null ? 'Enter an http(s) address such as https://api.cekura.ai.' : null);
    const keyMissing = !key && (target === 'custom' || !embeddedNeedsNoKey);
    setKeyError(keyMissing ? 'Enter the API key.' : null);
    if (url === null || keyMissing) return null;
    // On the embedded server an empty field means "the key it hands out" (or none when forwarding).
    return { baseUrl: url, apiKey: key ?? (target === 'embedded' ? localConfig.apiKey : null) };
  }

  async function run(kind: 'test' | 'connect') {
    const settings = readSettings();
    if (!settings) return;
    setBusy(kind);
    const outcome = await testConnection(settings.baseUrl, settings.apiKey, fetchImpl);
    setBusy(null);
    setResult(outcome);
    if (kind === 'connect' && outcome.ok) {
      onConnect({
        baseUrl: target === 'embedded' ? '' : settings.baseUrl,
        apiKey: apiKey.trim() || null,
        remember,
      });
    }
  }

  function onSubmit(event: FormEvent) {
    // Never a native submit: the key must not end up in a URL.
    event.preventDefault();
    void run('connect');
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">API</legend>
        {(['embedded', 'custom'] as const).map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="target"
              value={value}
              checked={target === value}
              onChange={() => {
                setTarget(value);
                setResult(null);
              }}
              className="mt-0.5 size-4 accent-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500"
            />
            <span>
              <span className="font-medium">
                {value === 'embedded' ? 'Embedded server' : 'Another Cekura-compatible API'}
              </span>
              <span className="block text-slate-500 dark:text-slate-400">
                {value === 'embedded'
                  ? 'The server that serves Widget Studio (its own data, or forwarding to an upstream).'
                  : 'For example https://api.cekura.ai, called directly from this browser.'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {target === 'custom' ? (
        <Field label="Base URL" error={urlError}>
          {(control) => (
            <TextInput
              {...control}
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder={DEFAULT_UPSTREAM_URL}
            />
          )}
        </Field>
      ) : null}

      <Field
        label="API key"
        error={keyError}
        hint={
          target === 'embedded' && embeddedNeedsNoKey
            ? 'Optional: the embedded server needs no key from you. Sent only in the X-CEKURA-API-KEY header.'
            : 'Sent only in the X-CEKURA-API-KEY header, never in a URL.'
        }
      >
        {(control) => (
          <TextInput
            {...control}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        )}
      </Field>

      <Checkbox
        label="Remember on this device"
        hint="Keeps the key in this browser's local storage. Otherwise it is forgotten when the tab closes."
        checked={remember}
        onChange={(e) => setRemember(e.target.checked)}
      />

      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void run('test')} loading={busy === 'test'} disabled={busy !== null}>
          Test connection
        </Button>
        <Button type="submit" variant="primary" loading={busy === 'connect'} disabled={busy !== null}>
          Use this connection
        </Button>
      </div>

      {result ? (
        <ConnectionTestResultPanel result={result} baseUrl={target === 'custom' ? baseUrl : ''} />
      ) : null}
    </form>
  );
}
