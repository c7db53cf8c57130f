import { useState } from 'preact/hooks';
import { t } from '../../../i18n';
import { languageInfo } from '../../../i18n/languages';
import {
  CONTENT_LANGUAGES,
  type ContentLanguage,
  ONE_LINE,
  TRANSLATED_FIELDS,
  type TranslatedTable,
  type Translation,
  type Translations,
} from '../../../model/translated';
import { type Draft, str } from '../draft';
import { CheckboxField, fieldId, TextField } from '../fields/fields';
import './TranslationsFields.css';

interface Props {
  draft: Draft;
  table: TranslatedTable;
  /** The form's label of a field ("Name des Trägers"), to name its translation after. */
  label: (field: string) => string;
}

const languageName = (lang: ContentLanguage) => languageInfo(lang).name;

/**
 * "Übersetzungen" of one record: its translated fields per added language, each marked
 * when a machine translated it. Part of the record's form, saved with it.
 */
export function TranslationsFields({ draft, table, label }: Props) {
  const translations = (draft.values.translations ?? {}) as Translations;
  const present = CONTENT_LANGUAGES.filter((l) => translations[l] !== undefined);
  const addable = CONTENT_LANGUAGES.filter((l) => translations[l] === undefined);
  const [adding, setAdding] = useState<string>('');
  const fields = Object.keys(TRANSLATED_FIELDS[table]);

  const put = (lang: ContentLanguage, next: Translation | undefined) => {
    const all: Translations = { ...translations };
    if (next) all[lang] = next;
    else delete all[lang];
    draft.set('translations', all);
  };
  const change = (lang: ContentLanguage, field: string, value: string | boolean) => {
    const text = typeof value === 'string' && value.trim() === '' ? null : value;
    put(lang, { ...translations[lang], [field]: text });
  };
  const add = () => {
    const lang = adding as ContentLanguage;
    if (!addable.includes(lang)) return;
    put(lang, {});
    setAdding('');
    // The new language's first field, so typing can start at once.
    requestAnimationFrame(() =>
      document.getElementById(fieldId(`translations.${lang}.${fields[0]}`))?.focus(),
    );
  };

  return (
    <fieldset
      class="field field--group translations-fields"
      id={fieldId('translations')}
      tabIndex={-1}
      aria-describedby="translations-intro"
    >
      <legend class="field__label">{t('translatedContentEditor.title')}</legend>
      <p id="translations-intro" class="field__hint">
        {t('translatedContentEditor.intro')}
      </p>
      {draft.pathErrors.translations && <p class="field__error">{draft.pathErrors.translations}</p>}
      {present.length === 0 && <p class="muted">{t('translatedContentEditor.none')}</p>}
      {present.map((lang) => {
        const tr = translations[lang] ?? {};
        const name = languageName(lang);
        const path = (f: string) => `translations.${lang}.${f}`;
        return (
          <fieldset key={lang} class="field field--group translations-fields__language">
            <legend class="field__label">
              <span lang={lang}>{name}</span>
            </legend>
            {fields.map((f) => (
              <TextField
                key={f}
                name={path(f)}
                label={t('translatedContentEditor.field', { field: label(f), language: name })}
                value={str(tr[f])}
                multiline={!ONE_LINE.has(f)}
                lang={lang}
                error={draft.pathErrors[path(f)]}
                onInput={(x) => change(lang, f, x)}
              />
            ))}
            <CheckboxField
              name={path('machine')}
              label={t('translatedContentEditor.machine', { language: name })}
              hint={t('translatedContentEditor.machineHint')}
              checked={tr.machine === true}
              error={draft.pathErrors[path('machine')]}
              onChange={(x) => change(lang, 'machine', x)}
            />
            {draft.pathErrors[`translations.${lang}`] && (
              <p class="field__error">{draft.pathErrors[`translations.${lang}`]}</p>
            )}
            <p>
              <button type="button" class="btn btn--secondary" onClick={() => put(lang, undefined)}>
                {t('translatedContentEditor.remove', { language: name })}
              </button>
            </p>
          </fieldset>
        );
      })}
      {addable.length > 0 && (
        <div class="translations-fields__add">
          <div class="field">
            <label class="field__label" for="translations-add">
              {t('translatedContentEditor.addLabel')}
            </label>
            <select
              id="translations-add"
              value={adding}
              onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}
            >
              <option value="">{t('translatedContentEditor.choose')}</option>
              {addable.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="btn btn--secondary" disabled={!adding} onClick={add}>
            {t('translatedContentEditor.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
