import { useAppDeps } from '../../../app/deps';
import { contentAttrs, MachineMark, shown } from '../../../components/Content/Content';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { highlight } from '../../../search/highlight';
import { loadProgressText } from '../../../worker/useLoadProgress';
import { Highlighted } from '../../angebote/Highlighted/Highlighted';
import { loadRows } from '../../angebote/listQuery';
import { detailHref, listHref } from '../../angebote/params';
import { useListResult } from '../../angebote/useListResult';
import './QuickResults.css';

const SHOWN = 5;
const NO_FILTERS = {};

/**
 * The best few offers while typing on the start page, so a worker often finds the offer
 * without leaving the page. Loaded on demand together with the search index.
 */
export function QuickResults({ query }: { query: string }) {
  const { db } = useAppDeps();
  const result = useListResult(db, query, NO_FILTERS);
  const ids = result.ids.slice(0, SHOWN);
  const rows = useLiveQueryState(() => loadRows(db, ids), [db, result.ids]);
  const total = result.ids.length;
  const all = listHref({ q: query });

  return (
    <section class="quick-results" id="quick-results" aria-labelledby="quick-results-title">
      <h2 id="quick-results-title" class="visually-hidden">
        {t('results.quickTitle')}
      </h2>
      <p class="quick-results__status muted" role="status">
        {result.loading
          ? // The device is still being filled: what is here is found, nothing is "none" yet.
            total === 0
            ? loadProgressText(result.loading)
            : `${t('results.found', { count: t('count.offers', { n: total }) })} · ${loadProgressText(result.loading)}`
          : result.state === 'ready'
            ? total === 0
              ? t('results.noneFor', { q: query })
              : t('results.found', { count: t('count.offers', { n: total }) })
            : t('results.preparing')}
      </p>
      {total > 0 && (
        <ul class="quick-results__list">
          {(rows.value ?? []).map(({ service, organization }) => {
            const match = { needles: result.needles ?? [], terms: result.terms };
            const name = shown(service, 'name');
            const provider = organization ? shown(organization, 'name') : null;
            return (
              <li key={service.id}>
                <a class="quick-results__link" href={detailHref(service.id)}>
                  <span class="quick-results__name" {...contentAttrs(name)}>
                    <Highlighted segments={highlight(name.text, match)} />
                  </span>
                  {provider?.text && (
                    <span class="quick-results__provider muted" {...contentAttrs(provider)}>
                      {provider.text}
                    </span>
                  )}
                  <MachineMark texts={provider ? [name, provider] : [name]} />
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {result.state === 'ready' && (
        <p class="quick-results__all">
          <a class="btn btn--secondary" href={all}>
            {total > SHOWN
              ? t('results.showAll', { count: t('count.offers', { n: total }) })
              : t('results.openList')}
          </a>
        </p>
      )}
    </section>
  );
}
