import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatNumber } from '../../../components/format';
import { readUntranslated, type UntranslatedPart } from '../../../db/offerTranslations';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { languageInfo } from '../../../i18n/languages';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../../model/translated';
import { describe } from '../../../schedule';

const SHOWN = 100;

const EDIT_PATH: Record<UntranslatedPart['table'], string> = {
  services: '/bearbeiten/angebote',
  organizations: '/bearbeiten/traeger',
  locations: '/bearbeiten/orte',
  contacts: '/bearbeiten/kontakte',
  schedules: '/bearbeiten/sprechstunden',
};

/** "Träger: Caritas", "Sprechstunde: dienstags, 14:00–16:00 Uhr"; the offer itself by kind. */
function partText(part: UntranslatedPart): string {
  const kind = t(`translatedContentEditor.part.${part.table}`);
  if (part.table === 'services') return kind;
  const name = part.table === 'schedules' ? describe(part.record) : part.record.name;
  return t('translatedContentEditor.partNamed', { part: kind, name });
}

/** Listed offers lacking a translation into a chosen language, each part to edit linked. */
export function TranslationsSection() {
  const { db } = useAppDeps();
  const [lang, setLang] = useState<ContentLanguage>('en');
  const { value: gaps } = useLiveQueryState(() => readUntranslated(db, lang), [db, lang]);

  return (
    <section class="dashboard__section" aria-labelledby="dash-translations">
      <h2 id="dash-translations">{t('translatedContentEditor.gaps.title')}</h2>
      <p class="muted">{t('translatedContentEditor.gaps.explain')}</p>
      <div class="field dashboard__language">
        <label class="field__label" for="dash-translations-language">
          {t('translatedContentEditor.gaps.language')}
        </label>
        <select
          id="dash-translations-language"
          value={lang}
          onChange={(e) => setLang((e.target as HTMLSelectElement).value as ContentLanguage)}
        >
          {CONTENT_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageInfo(l).name}
            </option>
          ))}
        </select>
      </div>
      {!gaps ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : gaps.length === 0 ? (
        <p role="status">{t('translatedContentEditor.gaps.none')}</p>
      ) : (
        <>
          <p role="status">
            {t('translatedContentEditor.gaps.count', { n: formatNumber(gaps.length) })}
          </p>
          <ul class="dashboard__stale dashboard__gaps">
            {gaps.slice(0, SHOWN).map(({ offer, parts }) => (
              <li key={offer.service.id}>
                <span class="dashboard__stale-text">
                  <a href={`${EDIT_PATH.services}/${offer.service.id}`} lang="de" dir="auto">
                    {offer.service.name}
                  </a>
                  <span class="dashboard__gap-parts">
                    <span class="muted">{t('translatedContentEditor.gaps.missing')}</span>
                    {parts.map((p) => (
                      <a
                        key={`${p.table}/${p.record.id}`}
                        href={`${EDIT_PATH[p.table]}/${p.record.id}`}
                      >
                        {partText(p)}
                      </a>
                    ))}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {gaps.length > SHOWN && (
            <p class="muted">
              {t('translatedContentEditor.gaps.more', { n: formatNumber(gaps.length - SHOWN) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
