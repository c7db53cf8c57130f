import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatNumber } from '../../../components/format';
import { markNotDuplicate, readNotDuplicates } from '../../../db/notDuplicates';
import { readOffers } from '../../../db/offers';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { intlLocale, label, t } from '../../../i18n';
import { joinList } from '../../../i18n/format';
import { detailHref } from '../../angebote/params';
import { type Reason, type SimilarPair, similarPairsStepwise } from '../similarity';

const SHOWN = 30;

function reasonText(r: Reason): string {
  const locale = intlLocale();
  switch (r.kind) {
    case 'phone':
    case 'email':
    case 'address':
      return t(`dashboard.parallel.reason.${r.kind}`, { value: r.value });
    case 'category':
      return t('dashboard.parallel.reason.category', {
        list: joinList(
          r.shared.map((c) => label('category', c)),
          locale,
        ),
      });
    case 'targetGroup':
      return t('dashboard.parallel.reason.targetGroup', {
        list: joinList(
          r.shared.map((g) => label('targetGroup', g)),
          locale,
        ),
      });
    case 'text':
      return t('dashboard.parallel.reason.text', {
        percent: formatNumber(Math.round(r.similarity * 100)),
      });
    case 'schedule':
      return t('dashboard.parallel.reason.schedule');
  }
}

function OfferName({ pair, which }: { pair: SimilarPair; which: 'a' | 'b' }) {
  const o = pair[which];
  return (
    <span class="dashboard__pair-offer">
      <a href={detailHref(o.service.id)} lang="de" dir="auto">
        {o.service.name}
      </a>
      {o.organization && (
        <span class="muted" lang="de" dir="auto">
          {o.organization.name}
        </span>
      )}
    </span>
  );
}

/** Possible parallel structures: a review list, each pair dismissed once for good. */
export function ParallelSection() {
  const { db } = useAppDeps();
  const [message, setMessage] = useState('');
  const { value: input } = useLiveQueryState(
    () => Promise.all([readOffers(db, 'listed'), readNotDuplicates(db)]),
    [db],
  );
  const [pairs, setPairs] = useState<SimilarPair[] | undefined>(undefined);
  // Outside the live query: the stepwise search waits on timers, which a Dexie querier must
  // not do, and a newer input simply drops the older, unfinished run.
  useEffect(() => {
    if (!input) return;
    let current = true;
    const [{ offers }, dismissed] = input;
    void similarPairsStepwise(offers, dismissed).then((found) => current && setPairs(found));
    return () => {
      current = false;
    };
  }, [input]);

  const dismiss = async (pair: SimilarPair) => {
    await markNotDuplicate(db, pair.key);
    setMessage(
      t('dashboard.parallel.dismissed', { a: pair.a.service.name, b: pair.b.service.name }),
    );
  };

  return (
    <section class="dashboard__section" aria-labelledby="dash-parallel">
      <h2 id="dash-parallel">{t('dashboard.parallel.title')}</h2>
      <p class="muted">{t('dashboard.parallel.explain')}</p>
      <p role="status" class="dashboard__message">
        {message}
      </p>
      {!pairs ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : pairs.length === 0 ? (
        <p>{t('dashboard.parallel.none')}</p>
      ) : (
        <>
          {pairs.length > SHOWN && (
            <p class="muted">
              {t('dashboard.parallel.shown', {
                shown: formatNumber(SHOWN),
                total: formatNumber(pairs.length),
              })}
            </p>
          )}
          <ul class="dashboard__pairs">
            {pairs.slice(0, SHOWN).map((pair) => (
              <li key={pair.key}>
                <p class="dashboard__pair-names">
                  <OfferName pair={pair} which="a" />
                  <OfferName pair={pair} which="b" />
                </p>
                <p>
                  {t('dashboard.parallel.score', {
                    percent: formatNumber(Math.round(pair.score * 100)),
                    quartier: joinList(pair.quartiere, intlLocale()),
                  })}
                </p>
                <ul class="dashboard__reasons">
                  {pair.reasons.map((r) => (
                    <li key={r.kind}>{reasonText(r)}</li>
                  ))}
                </ul>
                <button type="button" class="btn btn--secondary" onClick={() => void dismiss(pair)}>
                  {t('dashboard.parallel.notDuplicate')}
                  <span class="visually-hidden">
                    : {pair.a.service.name} – {pair.b.service.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
