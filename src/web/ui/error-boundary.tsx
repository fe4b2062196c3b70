import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

export interface ErrorBoundaryProps {
  /** What to show instead of the children; `reset` re-mounts them. */
  fallback: (error: unknown, reset: () => void) => ReactNode;
  /** When any of these change, a shown error is cleared (e.g. the route or the widget id). */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  hasError: boolean;
}

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((value, index) => !Object.is(value, b[index]));
}

/** Catches render errors of one region (a page, a widget card) so the rest of the app keeps working. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.hasError && changed(previous.resetKeys, this.props.resetKeys)) this.reset();
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Messages only: error objects can carry request details, and the key must never reach logs.
    const message = error instanceof Error ? error.message : 'Unknown error';
    console.error(`Render error: ${message}`, info.componentStack ?? '');
  }

  reset = (): void => {
    this.setState({ error: null, hasError: false });
  };

  override render(): ReactNode {
    if (this.state.hasError) return this.props.fallback(this.state.error, this.reset);
    return this.props.children;
  }
}
