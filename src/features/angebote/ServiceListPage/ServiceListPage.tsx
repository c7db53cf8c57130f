import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useServices } from '../../../app/services';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { formatNumber } from '../../../components/format';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { countText } from '../../../components/plural';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { SearchForm } from '../../start/SearchForm/SearchForm';
import { FilterChips } from '../FilterChips/FilterChips';
import { loadServiceList } from '../listQuery';
import { type ListParams, listHref, parseListParams } from '../params';
import { ServiceListItem } from '../ServiceListItem/ServiceListItem';
import './ServiceListPage.css';

export const PAGE_SIZE = 50;

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

function ServiceList({ params }: { params: ListParams }) {
  const { db } = useServices();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const key = listHref(params);
  const result = useLiveQueryState(() => loadServiceList(db, params, limit), [db, key, limit]);
  const data = result.value;
  const hasMore = data !== undefined && data.rows.length < data.total;
  const showMore = () => {
    if (!result.loading) setLimit((l) => l + PAGE_SIZE);
  };
  const sentinel = useAutoMore(hasMore && !result.loading, showMore);
  const filtered = Object.keys(params).length > 0;

  if (!data) {
    if (result.error) {
      return (
        <p class="muted" role="alert">
          {t('list.error')}
        </p>
      );
    }
    return (
      <p class="muted" role="status">
        {t('list.loading')}
      </p>
    );
  }

  return (
    <>
      <PageHeading title={t('list.title')}>{countText('count.offers', data.total)}</PageHeading>
      <SearchForm filters={params} />
      <FilterChips params={params} />
      {data.total === 0 ? (
        <EmptyState title={filtered ? t('list.emptyTitle') : undefined}>
          <p>{filtered ? t('list.emptyHelp') : t('list.emptyNoData')}</p>
          {/* With two or more filters the chips already offer this link. */}
          {Object.keys(params).length === 1 && (
            <p>
              <a href={listHref({})}>{t('list.clearFilters')}</a>
            </p>
          )}
        </EmptyState>
      ) : (
        <ul class="service-list" aria-label={t('list.resultsLabel')}>
          {data.rows.map((row) => (
            <ServiceListItem key={row.service.id} row={row} />
          ))}
        </ul>
      )}
      {data.total > 0 && (
        <div class="service-list__footer" ref={sentinel}>
          <p class="muted" aria-live="polite">
            {t('list.shown', {
              shown: formatNumber(data.rows.length),
              total: formatNumber(data.total),
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
  // A new query is a new list: start again at the first page, with a fresh heading.
  return (
    <div class="page">
      <ServiceList key={listHref(params)} params={params} />
    </div>
  );
}
