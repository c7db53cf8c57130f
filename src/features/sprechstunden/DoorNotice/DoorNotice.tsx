import type { ComponentChildren } from 'preact';
import { formatIsoDate } from '../../../components/format';
import { QrCode } from '../../../components/QrCode/QrCode';
import { usePrintPageSize } from '../../../components/usePrintPageSize';
import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { berlinDate } from '../../../schedule/tz';
import { NextDates } from '../NextDates/NextDates';
import './DoorNotice.css';

interface Props<S extends Schedule> {
  /** The page's own path ("/sprechstunden/ort/…"); the QR code leads back to it. */
  path: string;
  title: ComponentChildren;
  /** Provider, address: one line each. */
  lines: ComponentChildren[];
  /** What the page says of its texts' language (noteLines): on paper too. */
  notes?: readonly string[];
  now: Date;
  /** The next dates, large, with their place or offer. */
  schedules: readonly S[];
  dates: number;
  labelOf?: (schedule: S) => ComponentChildren;
  /** The rules in words with their exceptions; absent when there are none. */
  hours?: ComponentChildren;
}

/** The absolute address of a page on this server, for paper. */
function absoluteUrl(path: string): string {
  return `${window.location.origin}${path}`;
}

/**
 * The hours page as an A4 door notice. On screen: the QR code and "Drucken"; on paper
 * (print media) only the notice itself, which dates its own print ("Stand") and leads
 * back to the page for changes.
 */
export function DoorNotice<S extends Schedule>({
  path,
  title,
  lines,
  notes = [],
  now,
  schedules,
  dates,
  labelOf,
  hours,
}: Props<S>) {
  usePrintPageSize('@page { size: A4 portrait; margin: 15mm; }');
  const url = absoluteUrl(path);
  return (
    <>
      <section class="door-notice-tools" aria-labelledby="door-notice-tools">
        <h2 id="door-notice-tools">{t('notice.title')}</h2>
        <p class="muted">{t('notice.intro')}</p>
        <div class="door-notice-tools__qr">
          <QrCode value={url} label={t('notice.qrLabel')} />
        </div>
        <button type="button" class="btn" onClick={() => window.print()}>
          {t('notice.print')}
        </button>
      </section>
      <article class="door-notice" aria-label={t('notice.paperLabel')}>
        <header class="door-notice__head">
          <h2 class="door-notice__title">{title}</h2>
          {lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
          {notes.map((n) => (
            <p key={n} class="door-notice__note">
              {n}
            </p>
          ))}
        </header>
        <div class="door-notice__body">
          <section>
            <h3>{t('notice.nextDates')}</h3>
            <NextDates
              schedules={schedules}
              now={now}
              count={dates}
              labelOf={labelOf}
              relative={false}
            />
          </section>
          {hours && (
            <section>
              <h3>{t('notice.hours')}</h3>
              {hours}
            </section>
          )}
        </div>
        <footer class="door-notice__foot">
          <div class="door-notice__qr">
            <QrCode value={url} label={t('notice.qrLabel')} />
          </div>
          <div>
            <p class="door-notice__scan">{t('notice.scan')}</p>
            <p class="door-notice__url">{url}</p>
            <p class="door-notice__stamp">
              {t('notice.stamp', { date: formatIsoDate(berlinDate(now)) })}
            </p>
          </div>
        </footer>
      </article>
    </>
  );
}
