import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { liveRows } from '../../../db/offers';
import { germanSortKey } from '../../../db/sortKey';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { conceptChoices, defaultThesaurus } from '../../../search/thesaurus';
import type { LocalMarks } from '../../../sync/outbox';
import { LocalTermsSection } from '../LocalTerms/LocalTermsSection';
import './EditorHome.css';

const SHOWN = 50;
const CONCEPTS = conceptChoices(defaultThesaurus());

interface Item extends LocalMarks {
  id: string;
  name: string;
  visibility?: string;
  status?: string;
}

function Badges({ item }: { item: Item }) {
  const badges: string[] = [];
  if (item.visibility === 'internal') badges.push(t('editor.internalShort'));
  if (item.status && item.status !== 'active') badges.push(t(`editor.statusValue.${item.status}`));
  if (item.local_state) badges.push(t(`editor.mark.${item.local_state}`));
  if (badges.length === 0) return null;
  return (
    <span class="editor-home__badges">
      {badges.map((b) => (
        <span key={b} class="editor-home__badge">
          {b}
        </span>
      ))}
    </span>
  );
}

function ItemList({ items, base, query }: { items: Item[]; base: string; query: string }) {
  const q = germanSortKey(query.trim());
  const matches = items
    .filter((i) => !q || germanSortKey(i.name).includes(q))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <>
      <p class="muted">
        {matches.length > SHOWN
          ? t('editor.home.showing', { shown: SHOWN, n: matches.length })
          : t('editor.home.count', { n: matches.length })}
      </p>
      <ul class="editor-home__list">
        {matches.slice(0, SHOWN).map((i) => (
          <li key={i.id}>
            <a href={`${base}/${i.id}`}>{i.name}</a>
            <Badges item={i} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** /bearbeiten: find what to edit or start something new. */
export function EditorHome() {
  const { db } = useAppDeps();
  const [query, setQuery] = useState('');
  const services = useLiveQuery(() => liveRows(db.services), [db], []) as Item[];
  const orgs = useLiveQuery(() => liveRows(db.organizations), [db], []) as Item[];
  const locations = useLiveQuery(() => liveRows(db.locations), [db], []) as Item[];

  return (
    <div class="page editor-home">
      <PageHeading title={t('editor.home.title')} />
      <p class="editor-actions">
        <a class="btn" href="/bearbeiten/angebote/neu">
          {t('editor.service.new')}
        </a>
        <a class="btn btn--secondary" href="/bearbeiten/traeger/neu">
          {t('editor.org.new')}
        </a>
        <a class="btn btn--secondary" href="/bearbeiten/orte/neu">
          {t('editor.location.new')}
        </a>
        <a class="btn btn--secondary" href="/koordination">
          {t('dashboard.title')}
        </a>
      </p>
      <div class="field">
        <label class="field__label" for="editor-search">
          {t('editor.home.search')}
        </label>
        <input
          id="editor-search"
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <section aria-labelledby="eh-services">
        <h2 id="eh-services">{t('editor.home.services')}</h2>
        <ItemList items={services} base="/bearbeiten/angebote" query={query} />
      </section>
      <details id="traeger" class="editor-home__more">
        <summary>{t('editor.home.orgs')}</summary>
        <ItemList items={orgs} base="/bearbeiten/traeger" query={query} />
      </details>
      <details id="orte" class="editor-home__more">
        <summary>{t('editor.home.locations')}</summary>
        <ItemList items={locations} base="/bearbeiten/orte" query={query} />
      </details>
      <details id="suchwoerter" class="editor-home__more">
        <summary>{t('editor.localTerms.title')}</summary>
        <LocalTermsSection concepts={CONCEPTS} />
      </details>
    </div>
  );
}
