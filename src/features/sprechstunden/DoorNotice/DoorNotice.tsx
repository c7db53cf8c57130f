import type { ComponentChildren } from 'preact';
import { berlinDayKey } from '../../../components/berlinTime';
import { formatIsoDate } from '../../../components/format';
import { QrCode } from '../../../components/QrCode/QrCode';
import { usePrintPageSize } from '../../../components/usePrintPageSize';
import { t } from '../../../i18n';
import './DoorNotice.css';

interface Props {
  /** The page's own path ("/sprechstunden/ort/…"); the QR code leads back to it. */
  path: string;
  title: string;
  /** Provider, address: one line each. */
  lines: string[];
  now: Date;
  /** Large next dates, the rules in words, the exceptions. */
  children: ComponentChildren;
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
export function DoorNotice({ path, title, lines, now, children }: Props) {
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
          {lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </header>
        <div class="door-notice__body">{children}</div>
        <footer class="door-notice__foot">
          <div class="door-notice__qr">
            <QrCode value={url} label={t('notice.qrLabel')} />
          </div>
          <div>
            <p class="door-notice__scan">{t('notice.scan')}</p>
            <p class="door-notice__url">{url}</p>
            <p class="door-notice__stamp">
              {t('notice.stamp', { date: formatIsoDate(berlinDayKey(now)) })}
            </p>
          </div>
        </footer>
      </article>
    </>
  );
}
