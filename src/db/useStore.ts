import { useEffect, useState } from 'preact/hooks';
import type { ReadableStore } from './store';

/** Follows a store; re-renders on every change. */
export function useStore<T>(store: ReadableStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    // The store may have changed between render and effect.
    setValue(() => store.get());
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
