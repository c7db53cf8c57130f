import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveQueryState<T> {
  /** Last result; kept while a new one loads after a deps change. */
  value: T | undefined;
  error: unknown;
  /** True until the first result (or error) for the current deps arrived. */
  loading: boolean;
}

/**
 * Follows a Dexie query: re-runs `querier` whenever the tables/ranges it read change (also
 * from other tabs). Re-subscribes when `deps` change and unsubscribes on unmount.
 */
export function useLiveQueryState<T>(
  querier: () => T | Promise<T>,
  deps: readonly unknown[],
): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({
    value: undefined,
    error: null,
    loading: true,
  });

  // `deps` are the caller's, as with useEffect itself.
  useEffect(() => {
    let active = true;
    setState((s) =>
      s.loading && s.error === null ? s : { value: s.value, error: null, loading: true },
    );
    const subscription = liveQuery(querier).subscribe({
      next: (value) => {
        if (active) setState({ value, error: null, loading: false });
      },
      error: (error: unknown) => {
        if (active) setState((s) => ({ value: s.value, error, loading: false }));
      },
    });
    return () => {
      active = false;
      subscription.unsubscribe();
    };
  }, deps);

  return state;
}

/**
 * The value only. Errors are thrown during render, so the nearest error boundary
 * (`useErrorBoundary`) shows them; use `useLiveQueryState` to handle them in place.
 */
export function useLiveQuery<T>(
  querier: () => T | Promise<T>,
  deps: readonly unknown[],
): T | undefined;
export function useLiveQuery<T, D>(
  querier: () => T | Promise<T>,
  deps: readonly unknown[],
  defaultValue: D,
): T | D;
export function useLiveQuery<T, D>(
  querier: () => T | Promise<T>,
  deps: readonly unknown[],
  defaultValue?: D,
): T | D | undefined {
  const { value, error, loading } = useLiveQueryState(querier, deps);
  if (error) throw error;
  return loading && value === undefined ? defaultValue : value;
}
