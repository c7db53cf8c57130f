import { contentAttrs } from '../../../components/Content/Content';
import { QrCode } from '../../../components/QrCode/QrCode';
import { t } from '../../../i18n';
import type { Slip } from '../slipData';
import './ReferralSlip.css';

/** The A6 slip: on screen as a preview, and the only thing on paper when printing. */
export function ReferralSlip({ slip }: { slip: Slip }) {
  return (
    <article class="slip" aria-labelledby="slip-name">
      <p class="slip__kicker">{t('share.slipKicker')}</p>
      <h2 class="slip__name" id="slip-name" {...contentAttrs(slip.name)}>
        {slip.name.text}
      </h2>
      {slip.provider?.text && (
        <p class="slip__provider" {...contentAttrs(slip.provider)}>
          {slip.provider.text}
        </p>
      )}
      {slip.notes.map((n) => (
        <p key={n} class="slip__note" role="note">
          {n}
        </p>
      ))}
      {slip.addresses.length > 0 && (
        <div class="slip__block">
          <h3 class="slip__label">{t('share.where')}</h3>
          {slip.addresses.map((a) => (
            <p key={`${a.place.text}|${a.street}`}>
              <span {...contentAttrs(a.place)}>{a.place.text}</span>, {a.street}
            </p>
          ))}
        </div>
      )}
      {(slip.nextDates.length > 0 || slip.rhythms.length > 0) && (
        <div class="slip__block">
          <h3 class="slip__label">{t('share.when')}</h3>
          {slip.nextDates.length > 0 && (
            <ul class="slip__dates">
              {slip.nextDates.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          {slip.rhythms.map((r) => (
            <p key={r} class="slip__rhythm">
              {r}
            </p>
          ))}
        </div>
      )}
      {(slip.phone || slip.email) && (
        <div class="slip__block">
          <h3 class="slip__label">{t('share.contact')}</h3>
          {slip.phone && <p>{t('share.textPhone', { phone: slip.phone })}</p>}
          {slip.email && <p class="slip__email">{slip.email}</p>}
        </div>
      )}
      <div class="slip__qr-row">
        <QrCode value={slip.url} label={t('share.qrLabel')} class="slip__qr" />
        <p class="slip__url">
          {t('share.qrHint')}
          <br />
          <span class="slip__url-text">{slip.url}</span>
        </p>
      </div>
    </article>
  );
}
