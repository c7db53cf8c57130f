import { useEffect, useMemo, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { lazyPage } from '../../../app/lazy';
import { navigate } from '../../../app/router';
import { useLaterPart } from '../../../app/staged';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { dataState, firstSyncDone } from '../../../db/dataState';
import { countByTargetGroup, hasListed } from '../../../db/offers';
import type { WegweiserDB } from '../../../db/schema';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { useSyncState } from '../../../sync';
import { listHref } from '../../angebote/params';
import { warmSearch } from '../QuickResults/warm';
import { SearchForm } from '../SearchForm/SearchForm';
import { TargetGroupTiles } from '../TargetGroupTiles/TargetGroupTiles';
import './StartPage.css';

// The search index is loaded (or built) in the data worker when the browser is idle after
// the first render. The quick results' code is not part of the start page's JavaScript and
// is not evaluated on a first visit that does not search: it loads when the field gets focus.
const loadQuick = () => import('../QuickResults/QuickResults');
const QuickResults = lazyPage(() => loadQuick().then((m) => m.QuickResults));

function prepareSearch(db: WegweiserDB): void {
  loadQuick().catch(() => {});
  warmSearch(db);
}

function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 1500);
  return () => clearTimeout(id);
}

/**
 * Counts only from complete data: "0 Angebote" during the first sync would be wrong. Until
 * then one key read says whether anything is here; counting on every page the first sync
 * stores kept the page busy while it ran. Once something is here, only the end of the
 * first sync changes what the tiles show, so the offers are not read again (and the query
 * not run again) for each page the sync stores.
 */
function tilesReader(db: WegweiserDB) {
  let anyListed = false;
  return async () => {
    const complete = await firstSyncDone(db);
    if (!complete) {
      anyListed ||= await hasListed(db);
      return { counts: undefined, any: anyListed, complete };
    }
    const counts = await countByTargetGroup(db);
    return { counts, any: Object.values(counts).some((n) => n > 0), complete };
  };
}

export function StartPage() {
  const { db, sync } = useAppDeps();
  const readTiles = useMemo(() => tilesReader(db), [db]);
  const tiles = useLiveQueryState(readTiles, [readTiles]);
  const syncState = useSyncState(sync);
  const { counts, any, complete } = tiles.value ?? {};
  const state = dataState(any === undefined ? undefined : Number(any), complete, syncState.status);
  const [query, setQuery] = useState('');
  const later = useLaterPart();
  useEffect(() => whenIdle(() => warmSearch(db)), [db]);

  return (
    <div class="page start-page">
      <div>
        <PageHeading title={t('start.title')}>{t('start.heading')}</PageHeading>
        <p class="start-page__intro muted">{t('start.intro')}</p>
      </div>
      <SearchForm
        value={query}
        onValue={setQuery}
        onFocus={() => prepareSearch(db)}
        onSubmit={() => navigate(listHref({ q: query }))}
        controls={query.trim() ? 'quick-results' : undefined}
      />
      {query.trim() && <QuickResults query={query} />}
      {later && (
        <>
          <section class="start-page__groups" aria-labelledby="start-groups">
            <h2 id="start-groups">{t('start.groupsHeading')}</h2>
            {/* Notices go below the tiles, so that nothing above them moves. */}
            <TargetGroupTiles counts={counts} labelledBy="start-groups" />
            {(state === 'empty' || state === 'waiting') && (
              <EmptyState>
                <p>{t(state === 'empty' ? 'start.empty' : 'start.noData')}</p>
              </EmptyState>
            )}
          </section>
          <div class="start-page__links">
            <a class="btn btn--secondary" href="/angebote">
              {t('start.allOffers')}
            </a>
            <a class="btn btn--secondary" href="/merkliste">
              {t('saved.title')}
            </a>
          </div>
        </>
      )}
    </div>
  );
}
