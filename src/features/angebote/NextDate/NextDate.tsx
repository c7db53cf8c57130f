import { useServices } from '../../../app/services';
import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { nextOccurrences } from '../../../schedule';
import { formatNextDate } from './formatNextDate';
import './NextDate.css';

/**
 * "Nächste Sprechstunde: morgen, 14–16 Uhr", from the schedule engine (src/schedule), so
 * "jeden letzten Mittwoch" and holidays come out right. Nothing when there is no date.
 */
export function NextDate({ schedules, label = true }: { schedules: Schedule[]; label?: boolean }) {
  const { now } = useServices();
  const at = now();
  const [next] = nextOccurrences(schedules, at, 1);
  if (!next) return null;
  return (
    <p class="next-date">
      {label && <span class="next-date__label">{t('results.nextDate')}: </span>}
      <time dateTime={next.start.toISOString()}>{formatNextDate(next.start, next.end, at)}</time>
    </p>
  );
}
