/**
 * Whether two Sprechstunden can be open at the same time: a shared weekday and overlapping
 * clock times. Rules whose weekdays depend on the month ("am 1. des Monats") share none.
 */

import { parseWallTime } from './days';
import { weekdaysOf } from './describe';
import type { RecurrenceInput } from './rule';

/** A rule reduced to what overlap needs, so comparing many pairs parses each rule once. */
export interface WeeklySlot {
  days: ReadonlySet<string>;
  open: number;
  end: number;
}

export function weeklySlot(rule: RecurrenceInput): WeeklySlot {
  const open = parseWallTime(rule.opens_at);
  const close = parseWallTime(rule.closes_at);
  // Hours past midnight run to the end of the day here; enough for "at the same time".
  return { days: new Set(weekdaysOf(rule)), open, end: close <= open ? 24 * 60 : close };
}

export function slotsOverlap(a: WeeklySlot, b: WeeklySlot): boolean {
  if (a.open >= b.end || b.open >= a.end) return false;
  for (const d of a.days) if (b.days.has(d)) return true;
  return false;
}

export function schedulesOverlap(a: RecurrenceInput, b: RecurrenceInput): boolean {
  return slotsOverlap(weeklySlot(a), weeklySlot(b));
}
