/** Lets the event loop serve what is waiting (I/O, timers) before the caller goes on. */
export type Pause = () => Promise<void>;

/** Runs `work` when its turn comes: after the work of every earlier call has ended. */
export type TakeTurn = <T>(work: (pause: Pause) => Promise<T>) => Promise<T>;

const pause: Pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A queue of works that run one at a time, in call order, each free to `pause` between its steps
 * without giving up its turn. For CPU work on the event loop that is long as one block: split into
 * steps with a pause between, other requests (a `/healthz` probe, a cheap chart) are served between
 * the steps, while state the work lends itself between steps (the line engine's scratch columns)
 * stays its own. A pause waits for `setImmediate`, which runs after the loop has polled for I/O.
 * A work that throws ends its turn like one that returns.
 */
export function oneAtATime(): TakeTurn {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: (pause: Pause) => Promise<T>): Promise<T> => {
    const run = tail.then(() => work(pause));
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
