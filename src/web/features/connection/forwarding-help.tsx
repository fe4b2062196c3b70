/** How to start Widget Studio so the browser talks to it and it forwards to the real API (no CORS). */
export function ForwardingHelp({ upstreamUrl }: { upstreamUrl: string }) {
  // The key is shown as "…" on purpose: it must never be printed on screen or copied into a shell history by us.
  const command = `UPSTREAM_URL=${upstreamUrl || 'https://api.cekura.ai'} CEKURA_API_KEY=… npm start`;
  return (
    <div className="mt-3 space-y-2 text-sm">
      <p>
        Start Widget Studio in forwarding mode instead: the browser then calls this server (same origin) and
        the server forwards every request to the API. Replace <span className="font-mono">…</span> with your
        key, or leave <span className="font-mono">CEKURA_API_KEY</span> out and enter the key here.
      </p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100 dark:bg-slate-950">
        <code>{command}</code>
      </pre>
      <p>Then open the address it prints and choose “Embedded server” on this screen.</p>
    </div>
  );
}
