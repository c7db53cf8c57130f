export type SyncAge =
  | { kind: 'never' }
  | { kind: 'just-now' }
  | { kind: 'minutes'; n: number }
  | { kind: 'hours'; n: number }
  | { kind: 'days'; n: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago the last sync was, for "Aktualisiert vor 3 Min." (the UI owns the words).
 * A time in the future (clock skew between devices) counts as just now.
 */
export function describeSyncAge(lastSyncAt: string | null, now: Date | number): SyncAge {
  if (!lastSyncAt) return { kind: 'never' };
  const then = Date.parse(lastSyncAt);
  if (Number.isNaN(then)) return { kind: 'never' };
  const diff = (typeof now === 'number' ? now : now.getTime()) - then;
  if (diff < MINUTE) return { kind: 'just-now' };
  if (diff < HOUR) return { kind: 'minutes', n: Math.floor(diff / MINUTE) };
  if (diff < DAY) return { kind: 'hours', n: Math.floor(diff / HOUR) };
  return { kind: 'days', n: Math.floor(diff / DAY) };
}
