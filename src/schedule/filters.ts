/**
 * The list filters "jetzt geöffnet", "heute", "diese Woche" as pure predicates over an
 * offer's schedules. In URLs: `?offen=jetzt|heute|woche`.
 */
import type { EngineOptions } from './config';
import { nextOrCurrent } from './next';
import type { OpenFilter } from './openParam';
import type { RecurrenceInput } from './rule';
import { dayOfInstant, wallToInstant } from './tz';

export { OPEN_FILTERS, OPEN_PARAM, type OpenFilter, parseOpenFilter } from './openParam';

/**
 * Until when a filter looks: "heute" to midnight in Berlin; "diese Woche" the next seven
 * days including today — at a door on a Friday, "this week" means the coming days, not
 * the two left until Sunday.
 */
export function openFilterEnd(filter: OpenFilter, now: Date): Date {
  if (filter === 'jetzt') return now;
  const today = dayOfInstant(now.getTime());
  return new Date(wallToInstant(today + (filter === 'heute' ? 1 : 7), 0));
}

/** Open now, or (heute/woche) open now or opening before the filter's end. */
export function matchesOpenFilter(
  schedules: readonly RecurrenceInput[],
  filter: OpenFilter,
  now: Date,
  opts?: EngineOptions,
): boolean {
  const date = nextOrCurrent(schedules, now, opts);
  if (!date) return false;
  if (date.kind === 'open-now') return true;
  return filter !== 'jetzt' && date.start < openFilterEnd(filter, now);
}
