/**
 * The resident view's model: which hours run today or this week, as dated occurrences
 * with their offer and place, cancelled ones included (struck out, "fällt aus").
 */

import { type Cancellation, occurrencesWithCancellations } from '../../schedule';
import { openFilterEnd } from '../../schedule/filters';
import { berlinDate } from '../../schedule/tz';
import type { SchedulesView } from './links';
import type { ScheduleEntry } from './queries';

export interface HoursItem {
  start: Date;
  end: Date;
  cancelled: Cancellation | null;
  entry: ScheduleEntry;
}

export interface HoursDay {
  /** Berlin calendar day, "2026-11-19". */
  key: string;
  items: HoursItem[];
}

export interface HoursView {
  /** Running now (not cancelled), ending soonest first. */
  open: HoursItem[];
  /** Later today (heute) or by day (woche), in time order. */
  days: HoursDay[];
}

const DAY = 86_400_000;

export function buildHoursView(
  entries: ScheduleEntry[],
  now: Date,
  view: SchedulesView,
): HoursView {
  const end = openFilterEnd(view === 'heute' ? 'heute' : 'woche', now);
  // From a day back: hours that began yesterday evening may still run.
  const from = new Date(now.getTime() - DAY);
  const items: HoursItem[] = [];
  for (const entry of entries) {
    for (const o of occurrencesWithCancellations(entry.schedule, from, end)) {
      if (o.end.getTime() <= now.getTime()) continue;
      items.push({ start: o.start, end: o.end, cancelled: o.cancelled, entry });
    }
  }
  items.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      a.entry.service.name.localeCompare(b.entry.service.name, 'de'),
  );
  const open = items
    .filter((i) => !i.cancelled && i.start <= now)
    .sort((a, b) => a.end.getTime() - b.end.getTime());
  const days = new Map<string, HoursItem[]>();
  for (const item of items) {
    if (item.start <= now && !item.cancelled) continue;
    const key = berlinDate(item.start);
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return { open, days: [...days].map(([key, list]) => ({ key, items: list })) };
}
