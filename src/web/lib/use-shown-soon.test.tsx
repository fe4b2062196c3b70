// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pauseIdleWork, resumeIdleWork } from './idle-queue.ts';
import { useShownSoon } from './use-shown-soon.ts';

/** jsdom has no IntersectionObserver: a stand-in whose callback the test fires. */
const observers: { callback: IntersectionObserverCallback; disconnected: boolean }[] = [];
class TestIntersectionObserver {
  private readonly entry: { callback: IntersectionObserverCallback; disconnected: boolean };
  constructor(callback: IntersectionObserverCallback) {
    this.entry = { callback, disconnected: false };
    observers.push(this.entry);
  }
  observe() {}
  disconnect() {
    this.entry.disconnected = true;
  }
}

function enterViewport() {
  // Only isIntersecting is read; the rest of the entry and the observer argument do not matter here.
  const entry = { isIntersecting: true } as unknown as IntersectionObserverEntry;
  for (const observer of observers.filter((o) => !o.disconnected))
    observer.callback([entry], {} as unknown as IntersectionObserver);
}

function Probe({ ready }: { ready: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useShownSoon(ref, ready);
  return <div ref={ref}>{shown ? 'chart' : 'skeleton'}</div>;
}

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', TestIntersectionObserver);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useShownSoon', () => {
  it('shows at once when the element comes near the viewport, and stays shown', () => {
    render(<Probe ready={false} />);
    expect(screen.getByText('skeleton')).toBeInTheDocument();
    act(() => enterViewport());
    expect(screen.getByText('chart')).toBeInTheDocument();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });

  it('waits for idle time only once ready (its data is there)', () => {
    const { rerender } = render(<Probe ready={false} />);
    act(() => {
      vi.runAllTimers();
    });
    expect(screen.getByText('skeleton')).toBeInTheDocument();
    rerender(<Probe ready />);
    expect(screen.getByText('skeleton')).toBeInTheDocument();
    act(() => {
      vi.runAllTimers();
    });
    expect(screen.getByText('chart')).toBeInTheDocument();
  });

  it('holds a card that comes near the viewport while a card is being dragged until the drop', () => {
    render(<Probe ready={false} />);
    pauseIdleWork();
    act(() => enterViewport());
    act(() => {
      vi.runAllTimers();
    });
    expect(screen.getByText('skeleton')).toBeInTheDocument();
    act(() => {
      resumeIdleWork();
      vi.runAllTimers();
    });
    expect(screen.getByText('chart')).toBeInTheDocument();
  });
});
