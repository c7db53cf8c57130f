import { useState } from 'preact/hooks';
import { navigate } from '../../../app/router';
import { Icon } from '../../../components/Icon/Icon';
import { t } from '../../../i18n';
import { type ListParams, listHref } from '../../angebote/params';
import './SearchForm.css';

/**
 * A real GET form on /angebote, so it works as plain HTML too; with JS the submit becomes
 * a client-side navigation. The search engine itself comes with the Verweisberatung issue.
 */
export function SearchForm({ filters = {} }: { filters?: ListParams }) {
  const [value, setValue] = useState(filters.q ?? '');
  const onSubmit = (event: Event) => {
    event.preventDefault();
    // A new query keeps the chosen target group, category and Quartier.
    navigate(listHref({ ...filters, q: value }));
  };
  return (
    <search>
      <form class="search-form" action="/angebote" method="get" onSubmit={onSubmit}>
        <label class="search-form__label" for="search-q">
          {t('search.label')}
        </label>
        <p class="search-form__hint muted" id="search-q-hint">
          {t('search.hint')}
        </p>
        <div class="search-form__row">
          <input
            id="search-q"
            class="search-form__input"
            type="search"
            name="q"
            autocomplete="off"
            enterKeyHint="search"
            aria-describedby="search-q-hint"
            maxLength={200}
            value={value}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="btn search-form__submit">
            <Icon name="search" />
            <span class="visually-hidden">{t('search.submit')}</span>
          </button>
        </div>
      </form>
    </search>
  );
}
