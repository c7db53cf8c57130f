/**
 * Hours outside the usual office day: people who work or care for others during the day
 * can only come in the evening or at the weekend. Social planning counts such offers apart.
 */
import { weekdaysOf } from './describe';
import type { RecurrenceInput } from './rule';

/** Hours that are still open at or after this wall-clock time count as evening hours. */
export const EVENING_FROM = '18:00';

/** Runs into the evening: closes after 18:00, or past midnight. */
export function isEvening(rule: Pick<RecurrenceInput, 'opens_at' | 'closes_at'>): boolean {
  return rule.closes_at > EVENING_FROM || rule.closes_at <= rule.opens_at;
}

/** Can fall on a Saturday or a Sunday. */
export function isWeekend(rule: RecurrenceInput): boolean {
  const days = weekdaysOf(rule);
  return days.includes('SA') || days.includes('SU');
}

/** Open in the evening or at the weekend. */
export function isOutsideOfficeHours(rule: RecurrenceInput): boolean {
  return isEvening(rule) || isWeekend(rule);
}
