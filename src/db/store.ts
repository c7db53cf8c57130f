/** A minimal observable value, enough for status lines; no library needed. */
export interface ReadableStore<T> {
  get(): T;
  /** Calls `fn` on every change (not immediately); returns the unsubscribe function. */
  subscribe(fn: (value: T) => void): () => void;
}

export interface Store<T> extends ReadableStore<T> {
  set(value: T): void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const fn of [...listeners]) fn(value);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}
