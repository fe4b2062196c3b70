/**
 * One task at a time when the browser is idle: work that should not delay what the user sees (the
 * charts of cards below the fold) or what the user does (a drag on the grid). Tasks run in the order
 * they were queued, each in an idle callback of its own, so input and animation frames get the main
 * thread between two tasks. `pauseIdleWork` holds the queue (a card is being dragged); tasks queued
 * meanwhile wait for `resumeIdleWork`. Without requestIdleCallback (Safari, jsdom) a short timeout
 * stands in for it.
 */
type Task = () => void;

const queue: Task[] = [];
let scheduled = false;
let pauses = 0;

/** An idle callback, bounded so that queued work still happens on a page that is never idle. */
const MAX_WAIT_MS = 1500;

function schedule(): void {
  if (scheduled || pauses > 0 || queue.length === 0) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    if (pauses > 0) return;
    queue.shift()?.();
    schedule();
  };
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(run, { timeout: MAX_WAIT_MS });
  else window.setTimeout(run, 16);
}

/** Queues `task`; returns a function that removes it if it has not run yet. */
export function runWhenIdle(task: Task): () => void {
  queue.push(task);
  schedule();
  return () => {
    const index = queue.indexOf(task);
    if (index >= 0) queue.splice(index, 1);
  };
}

/** Whether idle work is held (a card is being dragged). */
export function isIdleWorkPaused(): boolean {
  return pauses > 0;
}

export function pauseIdleWork(): void {
  pauses += 1;
}

export function resumeIdleWork(): void {
  pauses = Math.max(0, pauses - 1);
  schedule();
}
