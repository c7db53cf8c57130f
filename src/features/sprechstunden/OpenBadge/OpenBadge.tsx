import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { nextOrCurrent } from '../../../schedule';
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
  const date = nextOrCurrent(schedules, now);
  if (date?.kind === 'open-now') {
    return (
      <p class="open-badge">
        <span class="open-badge__pill open-badge__pill--open">{t('schedules.openNow')}</span>{' '}
        <span class="open-badge__text">{remaining(date.until, now)}</span>
      </p>
    );
  }
  const soon = date ? opensSoon(date.start, now) : null;
  if (!soon && !showClosed) return null;
  return (
    <p class="open-badge">
      <span class="open-badge__pill">{t('schedules.closedNow')}</span>
      {soon && <span class="open-badge__text"> {soon}</span>}
    </p>
  );
}
