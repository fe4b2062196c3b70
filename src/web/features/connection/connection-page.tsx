import { useNavigate } from 'react-router';
import { Button } from '../../ui/button.tsx';
import { useToast } from '../../ui/toast.tsx';
import { describeTarget } from './connection-status-badge.tsx';
import { useConnection } from './connection-context.ts';
import type { ActiveConnection } from './connection-context.ts';
import { ConnectionForm } from './connection-form.tsx';

/** How the current key was obtained, in words (never the key itself). */
export function describeKeySource(connection: ActiveConnection): string {
  switch (connection.source) {
    case 'local-key':
      return 'Using the local key handed out by the embedded server.';
    case 'forwarding':
      return 'The embedded server forwards to the upstream API with its own key: no key is needed here.';
    case 'user':
      return connection.remember
        ? 'Using your key, remembered on this device.'
        : 'Using your key for this browser session.';
    case 'none':
      return 'No API key: enter one below.';
  }
}

/** The Connection screen (`/connection`). */
export function ConnectionPage() {
  const { connection, localConfig, embeddedBaseUrl, fetch, connect, switchToEmbedded } = useConnection();
  const toast = useToast();
  const navigate = useNavigate();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Connection</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          Which Cekura-compatible API Widget Studio talks to, and with which key.
        </p>
      </div>

      <section
        aria-labelledby="current-connection"
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="current-connection" className="text-sm font-semibold">
          Current connection
        </h2>
        <p className="mt-2 text-sm">
          <span className="font-medium">{describeTarget(connection)}</span>
          {connection.target === 'custom' ? (
            <span className="text-slate-500 dark:text-slate-400"> ({connection.baseUrl})</span>
          ) : null}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{describeKeySource(connection)}</p>
        {connection.target === 'custom' || connection.source === 'user' ? (
          <Button
            className="mt-3"
            size="sm"
            onClick={() =>
              void switchToEmbedded().then(() =>
                toast.show({ tone: 'success', title: 'Switched back to the embedded server' }),
              )
            }
          >
            Switch back to the embedded server
          </Button>
        ) : null}
      </section>

      <section
        aria-labelledby="change-connection"
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="change-connection" className="mb-4 text-sm font-semibold">
          Change connection
        </h2>
        <ConnectionForm
          current={connection}
          localConfig={localConfig}
          embeddedBaseUrl={embeddedBaseUrl}
          fetchImpl={fetch}
          onConnect={(saved) => {
            void navigate('/dashboards');
            connect(saved);
            toast.show({
              tone: 'success',
              title: saved.baseUrl ? `Connected to ${saved.baseUrl}` : 'Connected to the embedded server',
            });
          }}
        />
      </section>
    </div>
  );
}
