/**
 * "The next date" as every screen names it: a consultation running now comes first
 * ("jetzt geöffnet bis 12 Uhr"), else the next one to start. The offer header, the list
 * cards, the "jetzt geöffnet" filter, the open badge and the referral slip all ask here,
 * so none of them can send a person away from a door that is open.
 */
import type { EngineOptions } from './config';
import { nextOccurrences, openOccurrenceAt, type ScheduledOccurrence } from './occurrences';
import type { RecurrenceInput } from './rule';

export type NextOrCurrent<S> =
  | { kind: 'open-now'; start: Date; until: Date; schedule: S }
  | { kind: 'next'; start: Date; end: Date; schedule: S };

/**
 * Up to `n` dates from `now` on: the one running now (if any) first, then those that start
 * later. A date is running from its start up to, not including, its end.
 */
export function datesFrom<S extends RecurrenceInput>(
  schedules: readonly S[],
  now: Date,
  n: number,
  opts?: EngineOptions,
): ScheduledOccurrence<S>[] {
  if (n <= 0 || schedules.length === 0) return [];
  const open = openOccurrenceAt(schedules, now, opts);
  if (!open) return nextOccurrences(schedules, now, n, opts);
  // A date starting exactly now is both running and "next"; keep it once.
  const later = nextOccurrences(schedules, now, n, opts).filter(
    (o) => !(o.schedule === open.schedule && o.start.getTime() === open.start.getTime()),
  );
  return [open, ...later].slice(0, n);
}

/** The running consultation, else the next one; null when there is none. */
export function nextOrCurrent<S extends RecurrenceInput>(
  schedules: readonly S[],
  now: Date,
  opts?: EngineOptions,
): NextOrCurrent<S> | null {
  if (schedules.length === 0) return null;
  const open = openOccurrenceAt(schedules, now, opts);
  if (open)
    return { kind: 'open-now', start: open.start, until: open.end, schedule: open.schedule };
  const next = nextOccurrences(schedules, now, 1, opts)[0];
  return next ? { kind: 'next', start: next.start, end: next.end, schedule: next.schedule } : null;
}
