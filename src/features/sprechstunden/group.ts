import type { ScheduleEntry } from '../../db/queries';
import { WEEKDAYS, type Weekday, weekdaysOf } from './summary';

export interface WeekdayGroupData {
  /** A weekday, or 'other' for hours that depend on the month only (e.g. "am 15."). */
  day: Weekday | 'other';
  entries: ScheduleEntry[];
}

/**
 * Groups consultation hours by the weekdays they can fall on (Mo–So, then the rest);
 * within a day by opening time, then by offer name. An hour on Mo–Do appears four times,
 * as on a paper notice.
 */
export function groupByWeekday(entries: ScheduleEntry[]): WeekdayGroupData[] {
  const groups = new Map<Weekday | 'other', ScheduleEntry[]>();
  for (const entry of entries) {
    const days = weekdaysOf(entry.schedule);
    for (const day of days.length > 0 ? days : (['other'] as const)) {
      const list = groups.get(day);
      if (list) list.push(entry);
      else groups.set(day, [entry]);
    }
  }
  const order: (Weekday | 'other')[] = [...WEEKDAYS, 'other'];
  return order.flatMap((day) => {
    const list = groups.get(day);
    if (!list) return [];
    // The query returns entries sorted by offer name; a stable sort keeps that per time.
    list.sort((a, b) => a.schedule.opens_at.localeCompare(b.schedule.opens_at));
    return [{ day, entries: list }];
  });
}
