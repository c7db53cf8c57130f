/**
 * How the page learns that its data worker stopped. A worker that is terminated, runs out of
 * memory or crashes sends no last message, and a Worker object has no "closed" event; but
 * the browser frees the Web Locks of a context that ends. The worker holds a lock of its own
 * for its whole life; the page asks for the same lock and is granted it once the worker is
 * gone. A busy worker (building an index for seconds) still holds it: no false alarm, as a
 * heartbeat with a timeout would raise.
 */

type LockManager = {
  request(name: string, options: { signal?: AbortSignal }, cb: () => unknown): Promise<unknown>;
};

function lockManager(): LockManager | null {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** Names are per origin, shared by all tabs: each worker gets its own. */
export function lifeLockName(): string {
  return `qw-data-worker-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
}

/** In the worker: takes the lock `name` for good; resolves once it is held (or cannot be). */
export function holdLifeLock(name: string): Promise<void> {
  const locks = lockManager();
  if (!locks || !name) return Promise.resolve();
  return new Promise((held) => {
    locks
      .request(name, {}, () => {
        held();
        return new Promise(() => {});
      })
      .catch(() => held());
  });
}

/**
 * On the page: resolves when the worker holding `name` has stopped; null where the browser
 * cannot tell (no Web Locks). Ask only after the worker said it is up, so that it holds the
 * lock already. Abort `signal` before terminating the worker on purpose.
 */
export function whenLockFreed(name: string, signal: AbortSignal): Promise<void> | null {
  const locks = lockManager();
  if (!locks) return null;
  return locks.request(name, { signal }, () => undefined).then(() => undefined);
}
