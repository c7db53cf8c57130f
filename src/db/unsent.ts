/**
 * How many outbox entries this device holds, mirrored outside IndexedDB. When the browser
 * deletes the database, the outbox goes with it; this number is how the app can still tell
 * the user that unsent changes were lost instead of pretending nothing happened. Browsers
 * that evict a whole origin take this with them too: then nothing is claimed either way.
 */
const KEY = 'qw-unsent-changes';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Access itself throws where storage is disabled.
    return null;
  }
}

export function rememberUnsent(n: number): void {
  try {
    if (n > 0) storage()?.setItem(KEY, String(n));
    else storage()?.removeItem(KEY);
  } catch {
    // Full or disabled: the count is a courtesy, the outbox itself is in IndexedDB.
  }
}

export function recallUnsent(): number {
  const n = Number(storage()?.getItem(KEY) ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
