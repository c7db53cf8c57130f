import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatIsoDate } from '../../../components/format';
import { markAssured } from '../../../db/edits';
import { readOffers } from '../../../db/offers';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { berlinDate } from '../../../schedule/tz';
import { detailHref } from '../../angebote/params';
import { useEditContext } from '../../editor/draft';
import { compareStale, isStale, STALE_MONTHS } from '../stale';

const SHOWN = 100;

/** Listed offers not checked for six months, each with a one-tap "geprüft". */
export function StaleSection() {
  const { db, now } = useAppDeps();
  const ctx = { ...useEditContext(), now };
  const [message, setMessage] = useState('');
  const { value: stale } = useLiveQueryState(async () => {
    const today = berlinDate(now());
    const { offers } = await readOffers(db, 'listed');
    return offers
      .map((o) => o.service)
      .filter((s) => isStale(s.assured_date, today))
      .sort(compareStale);
  }, [db, now]);

  const assure = async (id: string, name: string) => {
    const result = await markAssured(ctx, id);
    setMessage(
      result.ok ? t('dashboard.stale.done', { name }) : t('dashboard.stale.failed', { name }),
    );
  };

  return (
    <section class="dashboard__section" aria-labelledby="dash-stale">
      <h2 id="dash-stale">{t('dashboard.stale.title')}</h2>
      <p class="muted">{t('dashboard.stale.explain', { months: STALE_MONTHS })}</p>
      <p role="status" class="dashboard__message">
        {message}
      </p>
      {!stale ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : stale.length === 0 ? (
        <p>{t('dashboard.stale.none')}</p>
      ) : (
        <>
          <p>{t('dashboard.stale.count', { n: stale.length })}</p>
          <ul class="dashboard__stale">
            {stale.slice(0, SHOWN).map((s) => (
              <li key={s.id}>
                <span class="dashboard__stale-text">
                  <a href={detailHref(s.id)} lang="de" dir="auto">
                    {s.name}
                  </a>
                  <span class="muted">
                    {s.assured_date
                      ? t('editor.service.assuredOn', { date: formatIsoDate(s.assured_date) })
                      : t('editor.service.neverAssured')}
                  </span>
                </span>
                <span class="dashboard__stale-actions">
                  <a class="btn btn--secondary" href={`/bearbeiten/angebote/${s.id}`}>
                    {t('dashboard.stale.edit')}
                  </a>
                  <button type="button" class="btn" onClick={() => void assure(s.id, s.name)}>
                    {t('dashboard.stale.assure')}
                    <span class="visually-hidden">: {s.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
