import { useEffect, useState } from 'preact/hooks';
import { lazyPage } from '../../../app/lazy';
import { navigate } from '../../../app/router';
import { useServices } from '../../../app/services';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { countByTargetGroup } from '../../../db/offers';
import type { WegweiserDB } from '../../../db/schema';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { listHref } from '../../angebote/params';
import { SearchForm } from '../SearchForm/SearchForm';
import { TargetGroupTiles } from '../TargetGroupTiles/TargetGroupTiles';
import './StartPage.css';

// The search engine and its index are not part of the start page's JavaScript: they load
// when the field gets focus, or when the browser is idle after the first render.
const loadQuick = () => import('../QuickResults/QuickResults');
const QuickResults = lazyPage(() => loadQuick().then((m) => m.QuickResults));

function warm(db: WegweiserDB): void {
  loadQuick()
    .then((m) => m.warmSearch(db))
    .catch(() => {});
}

function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 1500);
  return () => clearTimeout(id);
}

export function StartPage() {
  const { db } = useServices();
  const counts = useLiveQueryState(() => countByTargetGroup(db), [db]);
  const empty = counts.value !== undefined && Object.values(counts.value).every((n) => n === 0);
  const [query, setQuery] = useState('');
  useEffect(() => whenIdle(() => warm(db)), [db]);

  return (
    <div class="page start-page">
      <div>
        <PageHeading title={t('start.title')}>{t('start.heading')}</PageHeading>
        <p class="start-page__intro muted">{t('start.intro')}</p>
      </div>
      <SearchForm
        value={query}
        onValue={setQuery}
        onFocus={() => warm(db)}
        onSubmit={() => navigate(listHref({ q: query }))}
        controls={query.trim() ? 'quick-results' : undefined}
      />
      {query.trim() && <QuickResults query={query} />}
      <section class="start-page__groups" aria-labelledby="start-groups">
        <h2 id="start-groups">{t('start.groupsHeading')}</h2>
        {empty && (
          <EmptyState>
            <p>{t('start.noData')}</p>
          </EmptyState>
        )}
        <TargetGroupTiles counts={counts.value} labelledBy="start-groups" />
      </section>
      <div class="start-page__links">
        <a class="btn btn--secondary" href="/angebote">
          {t('start.allOffers')}
        </a>
        <a class="btn btn--secondary" href="/merkliste">
          {t('saved.title')}
        </a>
      </div>
    </div>
  );
}
