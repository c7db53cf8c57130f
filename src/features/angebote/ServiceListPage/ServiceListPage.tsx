import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { navigate, type Place, rememberPlace, takeReturnedPlace } from '../../../app/router';
import { formatNumber } from '../../../components/format';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import type { WegweiserDB } from '../../../db/schema';
import { useLiveQuery, useLiveQueryState } from '../../../db/useLiveQuery';
import { useStore } from '../../../db/useStore';
import { t } from '../../../i18n';
import de from '../../../i18n/de.json';
import { loadProgressText } from '../../../worker/useLoadProgress';
import { OpenFilter } from '../../sprechstunden/OpenFilter/OpenFilter';
import { useOpenFilter } from '../../sprechstunden/OpenFilter/useOpenFilter';
import { SearchForm } from '../../start/SearchForm/SearchForm';
import { FilterChips } from '../FilterChips/FilterChips';
import { FilterPanel } from '../FilterPanel/FilterPanel';
import { knownQuartiere, loadRows } from '../listQuery';
import { NearbySort } from '../NearbySort/NearbySort';
import { useNearbyOrder } from '../NearbySort/useNearbyOrder';
import { NoResults } from '../NoResults/NoResults';
import { filtersOf, type ListParams, listHref, parseListParams } from '../params';
import { ServiceListItem } from '../ServiceListItem/ServiceListItem';
import { useDataClient, useListResult } from '../useListResult';
import './ServiceListPage.css';

export const PAGE_SIZE = 50;
/** Typing updates the URL after a pause, so history is not flooded. */
const URL_DELAY_MS = 400;
const ANNOUNCE_DELAY_MS = 700;
const ALL_LANGUAGES = Object.keys(de.taxonomy.language);

/** Loads the next page when the end of the list comes near; the button stays for keyboards. */
function useAutoMore(enabled: boolean, onMore: () => void) {
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useRef(onMore);
  more.current = onMore;
  useEffect(() => {
    const el = sentinel.current;
    if (!enabled || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) more.current();
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [enabled]);
  return sentinel;
}

/**
 * The query as typed (results follow every keystroke) and its copy in the URL (written after
 * a pause; the first letter of a new search adds a history entry, the rest replace it).
 * A URL change from outside (back button, a chip) wins over the field.
 */
function useQueryParam(params: ListParams) {
  const urlQ = params.q ?? '';
  const [query, setQuery] = useState(urlQ);
  const written = useRef(urlQ);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(params);
  latest.current = params;

  useEffect(() => {
    if (urlQ !== written.current) {
      written.current = urlQ;
      setQuery(urlQ);
    }
  }, [urlQ]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const write = (value: string, keepFocus: boolean) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const had = Boolean(latest.current.q);
    written.current = value.trim();
    navigate(listHref({ ...latest.current, q: value }), {
      replace: had || !value.trim(),
      keepFocus,
    });
  };
  const onValue = (value: string) => {
    setQuery(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => write(value, true), URL_DELAY_MS);
  };
  // Enter: the URL at once, and focus to the result count (also closes a phone keyboard).
  const onSubmit = () => write(query, false);
  return { query, onValue, onSubmit };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Back to the list: once as many cards show as when it was left, scroll to where it was and
 * focus the card that was opened. Runs after the heading took focus (a child's effect).
 */
function useRestorePlace(place: Place | null, shown: number, total: number, ready: boolean) {
  const pending = useRef(place);
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p || !ready || shown < Math.min(p.shown ?? PAGE_SIZE, total)) return;
    pending.current = null;
    window.scrollTo(0, p.scrollY ?? 0);
    const link = [...document.querySelectorAll<HTMLElement>('#results a[href]')].find(
      (a) => a.getAttribute('href') === p.focusHref,
    );
    link?.focus({ preventScroll: true });
    link?.scrollIntoView?.({ block: 'nearest' });
  });
}

/** The languages the offers are in (for the filter); all known ones until the index answers. */
function useLanguages(db: WegweiserDB, ready: boolean): string[] {
  const client = useDataClient(db);
  const revision = useStore(client.index).revision;
  const [languages, setLanguages] = useState<string[] | null>(null);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    client.call('languages', null).then(
      (list) => {
        if (current) setLanguages(list);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [client, ready, revision]);
  return languages ?? ALL_LANGUAGES;
}

function ServiceList({ params }: { params: ListParams }) {
  const { db } = useAppDeps();
  const { query, onValue, onSubmit } = useQueryParam(params);
  const filters = useMemo(() => filtersOf(params), [params]);
  const result = useListResult(db, query, filters);
  const resultKey = `${query}|${JSON.stringify(filters)}`;
  const [returned] = useState(takeReturnedPlace);
  const [limit, setLimit] = useState(() => Math.max(PAGE_SIZE, returned?.shown ?? 0));
  const shownFor = useRef(resultKey);
  useEffect(() => {
    if (shownFor.current === resultKey) return;
    shownFor.current = resultKey;
    setLimit(PAGE_SIZE);
  }, [resultKey]);
  useEffect(() => rememberPlace({ shown: limit }), [limit]);

  // "Geöffnet: jetzt / heute / diese Woche" narrows the result (src/schedule/filters.ts).
  const openIds = useOpenFilter(db, params.offen ?? null, result.ids) ?? result.ids;
  const nearby = useNearbyOrder(db, params, openIds);
  const ids = nearby.ids;
  const rows = useLiveQueryState(
    async () => ({ ids, rows: await loadRows(db, ids.slice(0, limit)) }),
    [db, ids, limit],
  );
  // The count appears with the first rows of a finished result, then stays (no flicker
  // while typing: the previous rows show until the next ones are read).
  const settled = useRef(false);
  if (result.state === 'ready' && rows.value?.ids === ids) settled.current = true;
  const quartiere = useLiveQuery(() => knownQuartiere(db), [db], [] as string[]);
  const languages = useLanguages(db, result.state === 'ready');

  // Count and cards change together: both come from the last finished read.
  const total = rows.value?.ids.length ?? 0;
  const shown = rows.value?.rows ?? [];
  const hasMore = shown.length < total && !rows.loading;
  const showMore = () => {
    if (!rows.loading) setLimit((l) => l + PAGE_SIZE);
  };
  const sentinel = useAutoMore(hasMore, showMore);
  useRestorePlace(returned, shown.length, total, result.state === 'ready' && settled.current);
  // Only a count read with its rows: before they are read `total` is 0, not the result.
  const announced = useDebounced(
    result.state === 'ready' && settled.current ? total : null,
    ANNOUNCE_DELAY_MS,
  );
  const urlParams = { ...params, q: query.trim() || undefined };

  return (
    <>
      {result.state === 'ready' && settled.current ? (
        <PageHeading title={t('list.title')}>{t('count.offers', { n: total })}</PageHeading>
      ) : (
        <h1 class="page-heading">{t('list.title')}</h1>
      )}
      <SearchForm value={query} onValue={onValue} onSubmit={onSubmit} controls="results" />
      <FilterPanel params={urlParams} quartiere={quartiere} languages={languages} />
      <OpenFilter
        value={params.offen ?? null}
        hrefFor={(offen) => listHref({ ...urlParams, offen: offen ?? undefined })}
      />
      <FilterChips params={urlParams} />
      <NearbySort params={urlParams} order={nearby.order} />
      <p class="visually-hidden" role="status">
        {announced === null
          ? ''
          : t('results.found', { count: t('count.offers', { n: announced }) })}
      </p>
      {result.loading ? (
        <p class="muted" role="status">
          {loadProgressText(result.loading)}
        </p>
      ) : (
        result.state === 'preparing' && (
          <p class="muted" role="status">
            {t('results.preparing')}
          </p>
        )
      )}
      {result.state === 'loading' && !result.loading && (
        <p class="muted" role="status">
          {t('list.loading')}
        </p>
      )}
      {rows.error != null && (
        <p class="muted" role="alert">
          {t('list.error')}
        </p>
      )}
      {result.state === 'ready' &&
        !result.loading &&
        rows.value?.ids === ids &&
        ids.length === 0 && <NoResults params={urlParams} />}
      {total > 0 && (
        <ul class="service-list" id="results" aria-label={t('list.resultsLabel')}>
          {shown.map((row) => (
            <ServiceListItem
              key={row.service.id}
              row={row}
              match={result.needles ? { needles: result.needles, terms: result.terms } : undefined}
              reasons={result.reasons}
            />
          ))}
        </ul>
      )}
      {total > 0 && (
        <div class="service-list__footer" ref={sentinel}>
          <p class="muted">
            {t('list.shown', {
              shown: formatNumber(shown.length),
              total: formatNumber(total),
            })}
          </p>
          {hasMore && (
            <button type="button" class="btn btn--secondary" onClick={showMore}>
              {t('list.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** Angebotsliste; the URL holds filters and query (see params.ts). */
export function ServiceListPage({ search }: { search: string }) {
  const params = useMemo(() => parseListParams(search), [search]);
  return (
    <div class="page">
      <ServiceList params={params} />
    </div>
  );
}
