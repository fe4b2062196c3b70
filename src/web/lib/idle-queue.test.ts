// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseIdleWork, resumeIdleWork, runWhenIdle } from './idle-queue.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('runWhenIdle', () => {
  it('runs queued tasks in order, one per idle slot', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    runWhenIdle(() => ran.push('a'));
    runWhenIdle(() => ran.push('b'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
  });

  it('does not run a cancelled task', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const cancel = runWhenIdle(() => ran.push('cancelled'));
    runWhenIdle(() => ran.push('kept'));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual(['kept']);
  });

  it('holds the queue while paused and runs it on resume', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    pauseIdleWork();
    runWhenIdle(() => ran.push('held'));
    vi.runAllTimers();
    expect(ran).toEqual([]);
    resumeIdleWork();
    vi.runAllTimers();
    expect(ran).toEqual(['held']);
  });
});
