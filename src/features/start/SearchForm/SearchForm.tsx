import { Icon } from '../../../components/Icon/Icon';
import { t } from '../../../i18n';
import { MAX_LEN } from '../../angebote/params';
import './SearchForm.css';

interface Props {
  value: string;
  /** Every keystroke: results follow as you type. */
  onValue: (value: string) => void;
  /** Enter or the button. */
  onSubmit: () => void;
  onFocus?: () => void;
  /** Id of a live region or result list the field controls. */
  controls?: string;
}

/**
 * The search field. A real GET form on /angebote, so it works as plain HTML too; with JS
 * results show while typing and a submit becomes a client-side navigation.
 */
export function SearchForm({ value, onValue, onSubmit, onFocus, controls }: Props) {
  // The field stops (or a paste is cut) at the limit; say so instead of dropping text quietly.
  const full = value.length >= MAX_LEN;
  return (
    <search>
      <form
        class="search-form"
        action="/angebote"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
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
            autocapitalize="off"
            spellcheck={false}
            enterKeyHint="search"
            aria-describedby={full ? 'search-q-hint search-q-limit' : 'search-q-hint'}
            aria-controls={controls}
            maxLength={MAX_LEN}
            value={value}
            onFocus={onFocus}
            onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="btn search-form__submit">
            <Icon name="search" />
            <span class="visually-hidden">{t('search.submit')}</span>
          </button>
        </div>
        <p class="search-form__limit" id="search-q-limit" role="status">
          {full ? t('searchLimit.reached', { max: MAX_LEN }) : ''}
        </p>
      </form>
    </search>
  );
}
