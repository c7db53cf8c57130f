import { Icon } from '../../../components/Icon/Icon';
import { label, t } from '../../../i18n';
import { FILTER_KINDS, type FilterKind, withoutFilter } from '../../../search/filters';
import { type ListParams, listHref } from '../params';
import './FilterChips.css';

export function filterLabel(kind: FilterKind, value: string): string {
  switch (kind) {
    case 'targetGroups':
      return t('filter.targetGroup', { value: label('targetGroup', value) });
    case 'categories':
      return t('filter.category', { value: label('category', value) });
    case 'quartiere':
      return t('filter.quartier', { value });
    case 'languages':
      return t('filters.languageChip', { value: label('language', value) });
    case 'traits':
      return label('trait', value);
  }
}

/**
 * Active filters as removable chips, one per value. Each chip is a link to the same list
 * without that value: removing is a navigation, so "back" brings the filter back.
 */
export function FilterChips({ params }: { params: ListParams }) {
  const active: { key: string; text: string; href: string }[] = [];
  if (params.q) {
    active.push({
      key: 'q',
      text: t('filter.q', { value: params.q }),
      href: listHref({ ...params, q: undefined }),
    });
  }
  for (const kind of FILTER_KINDS) {
    for (const value of params[kind] ?? []) {
      active.push({
        key: `${kind}:${value}`,
        text: filterLabel(kind, value),
        href: listHref({ ...withoutFilter(params, kind, value), q: params.q }),
      });
    }
  }
  if (active.length === 0) return null;
  return (
    <div class="filter-chips">
      <h2 class="visually-hidden" id="filter-chips-label">
        {t('list.filtersLabel')}
      </h2>
      <ul class="filter-chips__list" aria-labelledby="filter-chips-label">
        {active.map(({ key, text, href }) => (
          <li key={key}>
            <a
              class="filter-chips__chip"
              href={href}
              title={text}
              aria-label={t('list.removeFilter', { label: text })}
            >
              <span class="filter-chips__text">{text}</span>
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
