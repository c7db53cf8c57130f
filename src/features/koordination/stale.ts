/**
 * Offers nobody has checked for a while ("Zuletzt geprüft"): their hours and contacts may
 * no longer hold. Pure: today's Berlin date comes from the caller.
 */
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  isoOfDay,
  parseIsoDay,
} from '../../schedule/days';

export const STALE_MONTHS = 6;

/** The day six calendar months before `todayIso` (31 August → 28/29 February). */
export function staleCutoff(todayIso: string, months = STALE_MONTHS): string {
  const today = parseIsoDay(todayIso);
  if (today === null) throw new Error(`not an ISO date: ${todayIso}`);
  const { year, month, day } = civilFromDay(today);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoOfDay(dayFromCivil(y, m, Math.min(day, daysInMonth(y, m))));
}

/** Never checked, or last checked before the cutoff. */
export function isStale(assuredDate: string | null | undefined, todayIso: string): boolean {
  if (!assuredDate || parseIsoDay(assuredDate) === null) return true;
  return assuredDate < staleCutoff(todayIso);
}

/** Never checked first, then the longest unchecked. */
export function compareStale(
  a: { assured_date?: string | null; name: string },
  b: { assured_date?: string | null; name: string },
): number {
  const x = a.assured_date ?? '';
  const y = b.assured_date ?? '';
  return x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name, 'de');
}
