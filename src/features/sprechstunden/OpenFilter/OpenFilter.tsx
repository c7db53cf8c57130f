import { t } from '../../../i18n';
import { type OpenFilter as Filter, OPEN_FILTERS } from '../../../schedule/openParam';
import './OpenFilter.css';

const LABEL: Record<Filter, string> = {
  jetzt: 'schedules.filterNow',
  heute: 'schedules.filterToday',
  woche: 'schedules.filterWeek',
};

interface Props {
  value: Filter | null;
  /** The list URL with the filter set to a value, or removed for null. */
  hrefFor: (value: Filter | null) => string;
}

/**
 * "Geöffnet: jetzt · heute · diese Woche" as links (the filter lives in the URL, `?offen=`);
 * the chosen one links back to the list without it.
 */
export function OpenFilter({ value, hrefFor }: Props) {
  return (
    <nav class="open-filter" aria-label={t('schedules.filterLabel')}>
      <span class="open-filter__label" aria-hidden="true">
        {t('schedules.filterLabel')}:
      </span>
      <ul class="open-filter__list">
        {OPEN_FILTERS.map((f) => {
          const active = f === value;
          return (
            <li key={f}>
              <a
                class={`open-filter__option${active ? ' open-filter__option--active' : ''}`}
                href={hrefFor(active ? null : f)}
                aria-current={active ? 'true' : undefined}
              >
                {t(LABEL[f])}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
