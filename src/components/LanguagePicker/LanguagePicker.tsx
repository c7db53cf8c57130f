import { useState } from 'preact/hooks';
import { currentLanguage, t } from '../../i18n';
import { chooseLanguage } from '../../i18n/choice';
import { UI_LANGUAGES, type UiLanguage } from '../../i18n/languages';
import { Icon } from '../Icon/Icon';
import './LanguagePicker.css';

/**
 * The language picker in the header. Each language is named in itself, so a person who
 * reads no German finds theirs; the globe says what the list is before any word is read.
 */
export function LanguagePicker() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const lang = currentLanguage();
  const change = (event: Event) => {
    const select = event.currentTarget as HTMLSelectElement;
    setBusy(true);
    setFailed(false);
    chooseLanguage(select.value as UiLanguage).then(
      () => setBusy(false),
      () => {
        // The catalogue did not load (offline before the first precache): the app stays in
        // its language, and the list shows it again instead of the one that failed.
        select.value = currentLanguage();
        setBusy(false);
        setFailed(true);
      },
    );
  };
  return (
    <label class="language-picker">
      {failed && (
        <span class="language-picker__error" role="alert">
          {t('app.languageError')}
        </span>
      )}
      <Icon name="globe" size={20} />
      <span class="visually-hidden">{t('app.language')}</span>
      <select
        class="language-picker__select"
        value={lang}
        onChange={change}
        aria-busy={busy || undefined}
      >
        {UI_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code === 'de-x-ls' ? 'de' : l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
