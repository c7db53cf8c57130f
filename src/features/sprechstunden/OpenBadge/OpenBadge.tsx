import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { nextOccurrences, openOccurrenceAt } from '../../../schedule';
import { opensSoon, remaining } from '../when';
import './OpenBadge.css';

interface Props {
  schedules: readonly Schedule[];
  now: Date;
  /** Also say "zurzeit geschlossen" (deep-link pages); lists stay quiet. */
  showClosed?: boolean;
}

/** "jetzt offen · noch 40 Min.", "öffnet in 20 Min." or (optionally) "zurzeit geschlossen". */
export function OpenBadge({ schedules, now, showClosed = false }: Props) {
  const open = openOccurrenceAt(schedules, now);
  if (open) {
    return (
      <p class="open-badge">
        <span class="open-badge__pill open-badge__pill--open">{t('schedules.openNow')}</span>{' '}
        <span class="open-badge__text">{remaining(open.end, now)}</span>
      </p>
    );
  }
  const next = nextOccurrences(schedules, now, 1)[0];
  const soon = next ? opensSoon(next.start, now) : null;
  if (!soon && !showClosed) return null;
  return (
    <p class="open-badge">
      <span class="open-badge__pill">{t('schedules.closedNow')}</span>
      {soon && <span class="open-badge__text"> {soon}</span>}
    </p>
  );
}
