/**
 * Civil dates as day numbers (days since 1970-01-01, no zone). Recurrence works on
 * calendar days; only the last step turns a day plus a wall-clock time into an instant
 * (tz.ts). Integer arithmetic keeps the hot paths free of Date allocations.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface Civil {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Inverse of dayFromCivil (H. Hinnant's civil_from_days). */
export function civilFromDay(n: number): Civil {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** year * 12 + (month - 1) of a day number, without allocating (hot path). */
export function monthIndexOfDay(n: number): number {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

/** Index of the Monday-based week a day belongs to (RFC 5545 default WKST=MO). */
export function weekIndex(n: number): number {
  return Math.floor((n + 3) / 7);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 30);
}

/** Value of the ASCII digit at `i`, or -1 (parsers below run for every schedule, uncached). */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** "2026-12-24" → day number; null for anything that is not a real calendar day. */
export function parseIsoDay(iso: string | null | undefined): number | null {
  if (iso?.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    return null;
  }
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(iso, i);
    if (d < 0) return null;
    year = year * 10 + d;
  }
  const m1 = digitAt(iso, 5);
  const m2 = digitAt(iso, 6);
  const d1 = digitAt(iso, 8);
  const d2 = digitAt(iso, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return null;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOfDay(n: number): string {
  const { year, month, day } = civilFromDay(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "09:30" (or "9:30") → 570. Invalid input gives NaN, which no comparison accepts. */
export function parseWallTime(hhmm: string): number {
  const colon = hhmm.length - 3;
  if ((colon !== 1 && colon !== 2) || hhmm.charCodeAt(colon) !== 58) return Number.NaN;
  let hours = 0;
  for (let i = 0; i < colon; i++) {
    const d = digitAt(hhmm, i);
    if (d < 0) return Number.NaN;
    hours = hours * 10 + d;
  }
  const m1 = digitAt(hhmm, colon + 1);
  const m2 = digitAt(hhmm, colon + 2);
  if (m1 < 0 || m2 < 0) return Number.NaN;
  return hours * 60 + m1 * 10 + m2;
}
