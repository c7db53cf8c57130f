import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { label, t } from '../../../i18n';
import { CATEGORIES } from '../../../model';
import { type FilterSet, hasFilters } from '../../../search/filters';
import type { Suggestion } from '../../../search/suggest';
import { TargetGroupTiles } from '../../start/TargetGroupTiles/TargetGroupTiles';
import { type ListParams, listHref } from '../params';
import { useDataClient } from '../useListResult';
import './NoResults.css';

function suggestionText(s: Suggestion & { dropsFilters: boolean }): string {
  switch (s.kind) {
    case 'filter':
      return t('results.dropFilter', { filter: t(`filters.${s.filterKind}` as 'filters.traits') });
    case 'allFilters':
      return t('results.dropAllFilters');
    case 'word':
    case 'near':
      return t(s.dropsFilters ? 'results.searchForNoFilters' : 'results.searchFor', { q: s.query });
  }
}

function hrefOf(s: Suggestion): string {
  return listHref({ ...(s.filters as FilterSet), q: s.query });
}

/** The search index's ways out of an empty result; null until it has answered. */
function useSuggestions(query: string, filters: FilterSet): Suggestion[] | null {
  const client = useDataClient(useAppDeps().db);
  const key = JSON.stringify([query, filters]);
  const [answer, setAnswer] = useState<{ key: string; list: Suggestion[] } | null>(null);
  useEffect(() => {
    let current = true;
    client.call('suggest', { query, filters }).then(
      (list) => {
        if (current) setAnswer({ key, list });
      },
      () => {
        if (current) setAnswer({ key, list: [] });
      },
    );
    return () => {
      current = false;
    };
  }, [client, key]);
  return answer?.key === key ? answer.list : null;
}

/**
 * Nothing matched: say so, and offer ways out that each show how many offers they find —
 * fewer filters, fewer words, a similar word from the data. Without any way out, the
 * themes to browse.
 */
export function NoResults({ params }: { params: ListParams }) {
  const query = params.q ?? '';
  const { q: _q, ...filters } = params;
  const filtered = Boolean(query) || hasFilters(filters);
  const found = useSuggestions(query, filters);
  // Until the index has answered (a moment), only the title: no general help that the
  // suggestions would replace a frame later.
  const pending = found === null;
  const suggestions = (found ?? []).map((s) => ({
    ...s,
    dropsFilters: hasFilters(filters) && !hasFilters(s.filters),
  }));
  // The chips above already offer "Alle Filter entfernen" when there are two or more.
  const chips = (query ? 1 : 0) + Object.values(filters).reduce((n, v) => n + (v?.length ?? 0), 0);
  const near = suggestions.filter((s) => s.kind === 'near');
  const other = suggestions.filter((s) => s.kind !== 'near');

  if (!filtered) {
    return (
      <EmptyState>
        <p>{t('list.emptyNoData')}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={query ? t('results.noneFor', { q: query }) : t('list.emptyTitle')}>
      {other.length > 0 && (
        <>
          <p>{t('results.tryInstead')}</p>
          <ul class="no-results__list">
            {other.map((s) => (
              <li key={hrefOf(s)}>
                <a href={hrefOf(s)}>{suggestionText(s)}</a>{' '}
                <span class="muted">({t('count.offers', { n: s.count })})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {near.length > 0 && (
        <>
          <p>{t('results.nearTerms')}</p>
          <ul class="no-results__terms">
            {near.map((s) => (
              <li key={hrefOf(s)}>
                <a href={hrefOf(s)}>{s.query}</a>{' '}
                <span class="muted">
                  ({t('count.offers', { n: s.count })}
                  {s.dropsFilters ? `, ${t('results.withoutFilters')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!pending && suggestions.length === 0 && (
        <>
          <p>{t('list.emptyHelp')}</p>
          <p>{t('results.browseThemes')}</p>
          <ul class="no-results__terms">
            {CATEGORIES.map((c) => (
              <li key={c}>
                <a href={listHref({ categories: [c] })}>{label('category', c)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {!pending && query && (
        <>
          <p id="no-results-groups">{t('results.browseGroups')}</p>
          <TargetGroupTiles counts={undefined} labelledBy="no-results-groups" />
        </>
      )}
      {hasFilters(filters) && chips <= 1 && (
        <p>
          <a href={listHref(query ? { q: query } : {})}>{t('list.clearFilters')}</a>
        </p>
      )}
    </EmptyState>
  );
}
