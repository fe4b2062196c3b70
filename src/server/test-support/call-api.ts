import type { TestServer } from './create-test-server.ts';

export interface ApiResult {
  status: number;
  /** Parsed JSON body (undefined for an empty body). */
  body: unknown;
  headers: Headers;
}

export interface CallOptions {
  /** JSON body (serialised), or a raw string with its own content type. */
  body?: unknown;
  raw?: { text: string; contentType: string };
  /** The API key to send: the org key by default, null for none. */
  key?: string | null;
  headers?: Record<string, string>;
}

/** One request against a test server's in-memory app, with the body parsed. */
export async function callApi(
  server: TestServer,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? server.apiKey : options.key;
  if (key !== null) headers['X-CEKURA-API-KEY'] = key;
  let body: string | undefined;
  if (options.raw) {
    body = options.raw.text;
    headers['content-type'] = options.raw.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await server.fetch(`http://localhost${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
