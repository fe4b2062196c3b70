import { fork, type ChildProcess } from 'node:child_process';
import * as z from 'zod';
import type { LoadServerMessage, LoopDelayReport } from './load-server.ts';

/** The benchmark server (bench/load-server.ts) in a child process of its own, with an IPC channel. */

export interface BenchServer {
  port: number;
  send(message: LoadServerMessage): void;
  loopDelay(label: string): Promise<LoopDelayReport>;
  stop(): Promise<void>;
}

const ListeningSchema = z.object({ type: z.literal('listening'), port: z.number() });
const LoopDelaySchema = z.object({
  type: z.literal('loop-delay'),
  label: z.string(),
  p50_ms: z.number(),
  p99_ms: z.number(),
  max_ms: z.number(),
  mean_ms: z.number(),
});

export function startBenchServer(
  dbPath: string,
  now: Date,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const child: ChildProcess = fork('bench/load-server.ts', [], {
    // BENCH_SERVER_NODE_ARGS: extra node options for the server alone, e.g. `--cpu-prof` to profile it.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, ...env, BENCH_DB_PATH: dbPath, BENCH_NOW: now.toISOString() },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (${String(code)})`)));
    child.on('message', (message: unknown) => {
      const listening = ListeningSchema.safeParse(message);
      if (!listening.success) return;
      resolve({
        port: listening.data.port,
        send: (m) => child.send(m),
        loopDelay: (label) =>
          new Promise((done) => {
            const onMessage = (reply: unknown) => {
              const parsed = LoopDelaySchema.safeParse(reply);
              if (parsed.success && parsed.data.label === label) {
                child.off('message', onMessage);
                done(parsed.data);
              }
            };
            child.on('message', onMessage);
            child.send({ type: 'report', label });
          }),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}
