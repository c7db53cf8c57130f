import { formatTime } from '../../../components/format';
import { t } from '../../../i18n';

const TZ = 'Europe/Berlin';
const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const weekdayDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: TZ,
  weekday: 'short',
  day: 'numeric',
  month: 'numeric',
});
const clock = new Intl.DateTimeFormat('de-DE', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Whole days between two instants' Berlin calendar dates. */
function dayDiff(a: Date, b: Date): number {
  const da = Date.parse(`${dayKey.format(a)}T00:00:00Z`);
  const db = Date.parse(`${dayKey.format(b)}T00:00:00Z`);
  return Math.round((db - da) / 86_400_000);
}

/**
 * "heute, 14–16 Uhr", "morgen, 9–12 Uhr", "Mi., 12.11., 15–17 Uhr" (Berlin time). Paper
 * kept for weeks gets no "heute": `relative: false`.
 */
export function formatNextDate(start: Date, end: Date, now: Date, relative = true): string {
  const diff = relative ? dayDiff(now, start) : -1;
  const day =
    diff === 0
      ? t('results.today')
      : diff === 1
        ? t('results.tomorrow')
        : weekdayDate.format(start);
  const time = t('schedule.time', {
    from: formatTime(clock.format(start)).replace(':00', ''),
    to: formatTime(clock.format(end)).replace(':00', ''),
  });
  return `${day}, ${time}`;
}
