import type { TestServer } from './create-test-server.ts';

/** The keys of Cekura's published `bulk_data` request; anything else is ours (`dashboard_filters`). */
const CEKURA_BULK_DATA_KEYS = new Set(['widget_ids', 'filters']);

export interface CekuraLike {
  /** The server's `fetch`: inject it as a forwarding server's upstream, or into a client. */
  fetch: typeof fetch;
  /** The `bulk_data` bodies it received, before it dropped the keys it does not know. */
  bulkDataBodies: Record<string, unknown>[];
}

/**
 * A real server (`server`, our engine on real data) that reads `bulk_data` the way Cekura's
 * published API does: keys it does not know are ignored, as a DRF serializer ignores them, so our
 * `dashboard_filters` extension has no effect there. For tests of how the SPA reaches the real API.
 * Limited to `BULK_DATA_MAX_WIDGET_IDS` like the real route.
 */
export function cekuraLikeServer(server: TestServer): CekuraLike {
  const bulkDataBodies: Record<string, unknown>[] = [];
  const cekuraFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/widgets/bulk_data/'))
      return server.fetch(request);
    const body: unknown = await request.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return server.fetch(request);
    bulkDataBodies.push({ ...body });
    const known = Object.fromEntries(Object.entries(body).filter(([key]) => CEKURA_BULK_DATA_KEYS.has(key)));
    return server.fetch(
      new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(known) }),
    );
  };
  return { fetch: cekuraFetch, bulkDataBodies };
}
