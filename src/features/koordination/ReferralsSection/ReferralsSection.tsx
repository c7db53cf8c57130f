import { useEffect, useState } from 'preact/hooks';
import {
  REFERRAL_DIMENSIONS,
  type ReferralDimension,
  type ReferralStats,
} from '../../../../protocol/referralStats';
import { useAppDeps } from '../../../app/deps';
import { berlinFormat } from '../../../components/berlinTime';
import { formatDateTime, formatNumber } from '../../../components/format';
import { cacheReferralStats, readCachedReferralStats } from '../../../db/referralStats';
import { label, t } from '../../../i18n';
import { fetchReferralStats } from '../../../sync/referralStats';
import { BarChart } from '../BarChart/BarChart';
import { downloadCsv, toCsv } from '../csv';
import { referralBars, referralRows } from '../referrals';

type Load =
  | { state: 'loading' }
  | { state: 'fresh'; stats: ReferralStats }
  | { state: 'cached'; stats: ReferralStats; reason: 'offline' | 'auth' | 'server' }
  | { state: 'none'; reason: 'offline' | 'auth' | 'server' };

const monthFmt = berlinFormat({ month: 'long', year: 'numeric' });

function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? monthFmt().format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15, 12))) : key;
}

function nameOf(dim: ReferralDimension, key: string, given: string | undefined): string {
  switch (dim) {
    case 'month':
      return monthLabel(key);
    case 'targetGroup':
      return label('targetGroup', key);
    case 'category':
      return label('category', key);
    case 'quartier':
      return key || t('dashboard.referrals.noQuartier');
    case 'service':
      return given ?? t('dashboard.referrals.unknownOffer');
  }
}

/** Anonymous referral counts from the server; the last figures stay for offline use. */
export function ReferralsSection() {
  const { db, account } = useAppDeps();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    (async () => {
      const result = await fetchReferralStats(
        globalThis.fetch.bind(globalThis),
        account?.token() ?? null,
      );
      if (!active) return;
      if (result.ok) {
        setLoad({ state: 'fresh', stats: result.stats });
        await cacheReferralStats(db, result.stats).catch(() => undefined);
        return;
      }
      if (result.reason === 'auth') account?.markExpired();
      const cached = await readCachedReferralStats(db).catch(() => undefined);
      if (!active) return;
      setLoad(
        cached
          ? { state: 'cached', stats: cached, reason: result.reason }
          : { state: 'none', reason: result.reason },
      );
    })();
    return () => {
      active = false;
    };
  }, [db, account, attempt]);

  const stats = load.state === 'fresh' || load.state === 'cached' ? load.stats : null;
  const bars = stats ? referralBars(stats, nameOf) : null;
  const few = t('dashboard.referrals.few');

  return (
    <section class="dashboard__section" aria-labelledby="dash-referrals">
      <h2 id="dash-referrals">{t('dashboard.referrals.title')}</h2>
      <p class="muted">{t('dashboard.referrals.explain')}</p>
      {load.state === 'loading' && (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {(load.state === 'none' || load.state === 'cached') && (
        <p role="status" class="dashboard__notice">
          {t(`dashboard.referrals.${load.reason}`)}{' '}
          {load.state === 'cached' &&
            t('dashboard.referrals.asOf', { date: formatDateTime(load.stats.generatedAt) })}
        </p>
      )}
      {(load.state === 'none' || load.state === 'cached') && (
        <p>
          <button type="button" class="btn btn--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('dashboard.referrals.retry')}
          </button>
        </p>
      )}
      {stats && bars && (
        <>
          {load.state === 'fresh' && (
            <p class="muted">
              {t('dashboard.referrals.asOf', { date: formatDateTime(stats.generatedAt) })}
            </p>
          )}
          <p>
            {t('dashboard.referrals.total', {
              n: stats.total === null ? few : formatNumber(stats.total),
            })}
          </p>
          {REFERRAL_DIMENSIONS.map((dim) => (
            <div key={dim} class="dashboard__figure">
              <h3 id={`dash-ref-${dim}`}>{t(`dashboard.referrals.by.${dim}`)}</h3>
              {bars[dim].length === 0 ? (
                <p class="muted">{t('dashboard.referrals.empty')}</p>
              ) : (
                <div class="dashboard__chart-pair">
                  <BarChart bars={bars[dim]} />
                  <table class="dashboard__table" aria-labelledby={`dash-ref-${dim}`}>
                    <thead>
                      <tr>
                        <th scope="col">{t(`dashboard.referrals.by.${dim}`)}</th>
                        <th scope="col">{t('dashboard.referrals.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {bars[dim].map((b) => (
                        <tr key={b.key}>
                          <th scope="row" dir="auto">
                            {b.label}
                          </th>
                          <td>{b.count === null ? few : formatNumber(b.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          ))}
          <p class="muted">{t('dashboard.referrals.privacy')}</p>
          <p>
            <button
              type="button"
              class="btn btn--secondary"
              onClick={() =>
                downloadCsv(
                  'verweise.csv',
                  toCsv([
                    [
                      t('dashboard.referrals.csvDimension'),
                      t('dashboard.referrals.csvValue'),
                      t('dashboard.referrals.count'),
                    ],
                    ...referralRows(bars, (d) => t(`dashboard.referrals.by.${d}`), few),
                  ]),
                )
              }
            >
              {t('dashboard.csv')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
