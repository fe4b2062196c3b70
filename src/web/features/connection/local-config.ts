import * as z from 'zod';
import { requestLocalConfig } from '../../lib/request-local-config.ts';

/**
 * `GET /studio/local-config` of the embedded server: the local key (only on a loopback bind with a
 * loopback Host, against DNS rebinding) and whether it forwards to an upstream that has its own key.
 */
export const LocalConfigSchema = z.object({
  apiKey: z.string().nullable(),
  forwarding: z.boolean(),
  upstreamHasKey: z.boolean(),
});
export type LocalConfig = z.infer<typeof LocalConfigSchema>;

export const NO_LOCAL_CONFIG: LocalConfig = { apiKey: null, forwarding: false, upstreamHasKey: false };

/**
 * Asks the embedded server for its local configuration. Anything unexpected (no embedded server in
 * front of the SPA, an old server, a network error) means "nothing handed out": the user enters a key.
 */
export function fetchLocalConfig(fetchImpl: typeof fetch, baseUrl: string): Promise<LocalConfig> {
  return readLocalConfig(requestLocalConfig(fetchImpl, baseUrl));
}

/**
 * The local configuration in the answer to a request already sent (the page sends its own first,
 * `early-requests.ts`), with the same rule as `fetchLocalConfig`: anything unexpected means nothing
 * handed out. Total.
 */
export async function readLocalConfig(request: Promise<Response>): Promise<LocalConfig> {
  try {
    const response = await request;
    if (!response.ok) return NO_LOCAL_CONFIG;
    const parsed = LocalConfigSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : NO_LOCAL_CONFIG;
  } catch {
    return NO_LOCAL_CONFIG;
  }
}
