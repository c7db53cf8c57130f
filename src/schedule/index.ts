/**
 * Recurrence engine for consultation hours ("Sprechstunden"): RFC 5545 RRULE semantics
 * as HSDS borrows them, plus EXDATE/RDATE, validity and public holidays, in Europe/Berlin
 * wall-clock time. Pure: no DOM, no database. The calendar export lives apart in ./ics
 * (loaded on demand) so this module stays small.
 */
export {
  type EngineOptions,
  getDefaultLand,
  isBundesland,
  setDefaultLand,
} from './config';
export {
  describe,
  describeExtras,
  describeRhythm,
  describeTime,
  WEEKDAY_CODES,
  type WeekdayCode,
  weekdaysOf,
} from './describe';
export {
  BUNDESLAENDER,
  type Bundesland,
  easterSunday,
  type HolidayKey,
  holidaysOfYear,
} from './holidays';
export { datesFrom, type NextOrCurrent, nextOrCurrent } from './next';
export {
  type Cancellation,
  type DatedOccurrence,
  isOpenAt,
  nextOccurrences,
  type Occurrence,
  occurrences,
  occurrencesWithCancellations,
  openOccurrenceAt,
  type ScheduledOccurrence,
  upcomingWithCancellations,
} from './occurrences';
export type { RecurrenceInput } from './rule';
export { TIME_ZONE } from './tz';
