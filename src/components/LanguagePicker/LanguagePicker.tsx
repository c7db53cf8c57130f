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
  const lang = currentLanguage();
  const change = (event: Event) => {
    const next = (event.currentTarget as HTMLSelectElement).value as UiLanguage;
    setBusy(true);
    chooseLanguage(next).finally(() => setBusy(false));
  };
  return (
    <label class="language-picker">
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
