import { useAppDeps } from '../../../app/deps';
import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { nextOrCurrent } from '../../../schedule';
import { formatNextDate, formatUntil } from './formatNextDate';
import './NextDate.css';

/**
 * "Nächste Sprechstunde: morgen, 14–16 Uhr", or — while one runs — a "jetzt geöffnet"
 * badge with "bis 12:30 Uhr". From the schedule engine (src/schedule), so "jeden letzten
 * Mittwoch" and holidays come out right. Nothing when there is no date.
 */
export function NextDate({ schedules, label = true }: { schedules: Schedule[]; label?: boolean }) {
  const { now } = useAppDeps();
  const at = now();
  const date = nextOrCurrent(schedules, at);
  if (!date) return null;
  if (date.kind === 'open-now') {
    return (
      <p class="next-date next-date--open">
        <span class="next-date__badge">{t('nextDate.openNow')}</span>{' '}
        <time dateTime={date.until.toISOString()}>{formatUntil(date.until)}</time>
      </p>
    );
  }
  return (
    <p class="next-date">
      {label && <span class="next-date__label">{t('results.nextDate')}: </span>}
      <time dateTime={date.start.toISOString()}>{formatNextDate(date.start, date.end, at)}</time>
    </p>
  );
}
