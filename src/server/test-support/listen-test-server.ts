import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestServer } from './create-test-server.ts';

export interface ListeningServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Serves a test server's app over real HTTP on an ephemeral loopback port. */
export function listenTestServer(server: TestServer): Promise<ListeningServer> {
  return new Promise((resolve) => {
    const http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            http.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in http) http.closeAllConnections();
          }),
      });
    });
  });
}

export interface TwoPartRequest {
  method: string;
  headers: Record<string, string>;
  /** The JSON body; its first half is sent at once, the rest when `release` resolves. */
  body: unknown;
  release: Promise<void>;
}

/**
 * A request whose body arrives slowly: the server has the headers (and starts handling the request)
 * long before the body is complete. Resolves with the status and the parsed JSON answer.
 */
export function sendInTwoParts(
  url: string,
  options: TwoPartRequest,
): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(options.body);
  const half = Math.floor(text.length / 2);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method, headers: { 'content-type': 'application/json', ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: answer === '' ? undefined : JSON.parse(answer) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.flushHeaders();
    req.write(text.slice(0, half));
    void options.release.then(() => req.end(text.slice(half)));
  });
}
