import { Icon } from '../../../components/Icon/Icon';
import { label, t } from '../../../i18n';
import { type ListParamKey, type ListParams, listHref, PARAM_NAMES, withoutParam } from '../params';
import './FilterChips.css';

function chipText(key: ListParamKey, value: string): string {
  switch (key) {
    case 'q':
      return t('filter.q', { value });
    case 'targetGroup':
      return t('filter.targetGroup', { value: label('targetGroup', value) });
    case 'category':
      return t('filter.category', { value: label('category', value) });
    case 'quartier':
      return t('filter.quartier', { value });
  }
}

/**
 * Active filters as removable chips. Each chip is a link to the same list without that
 * filter: removing is a navigation, so "back" brings the filter back.
 */
export function FilterChips({ params }: { params: ListParams }) {
  const active = (Object.keys(PARAM_NAMES) as ListParamKey[]).flatMap((key) => {
    const value = params[key];
    return value ? [{ key, text: chipText(key, value) }] : [];
  });
  if (active.length === 0) return null;
  return (
    <div class="filter-chips">
      <h2 class="visually-hidden" id="filter-chips-label">
        {t('list.filtersLabel')}
      </h2>
      <ul class="filter-chips__list" aria-labelledby="filter-chips-label">
        {active.map(({ key, text }) => (
          <li key={key}>
            <a
              class="filter-chips__chip"
              href={listHref(withoutParam(params, key))}
              aria-label={t('list.removeFilter', { label: text })}
            >
              <span>{text}</span>
              <Icon name="close" size={18} />
            </a>
          </li>
        ))}
        {active.length > 1 && (
          <li>
            <a class="filter-chips__clear" href={listHref({})}>
              {t('list.clearFilters')}
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}
