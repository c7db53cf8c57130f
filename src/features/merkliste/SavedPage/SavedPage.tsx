import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { plainText, shown } from '../../../components/Content/Content';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { firstSyncDone } from '../../../db/dataState';
import { removeSaved, savedEntries, setSaved } from '../../../db/savedOffers';
import { useLiveQuery, useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { type ListRow, loadRows } from '../../angebote/listQuery';
import { ServiceListItem } from '../../angebote/ServiceListItem/ServiceListItem';
import { savedListText } from '../shareList';
import './SavedPage.css';

async function loadSaved(db: Parameters<typeof loadRows>[0]) {
  const entries = await savedEntries(db);
  const rows = await loadRows(
    db,
    entries.map((e) => e.id),
  );
  const present = new Set(rows.map((r) => r.service.id));
  return { rows, missing: entries.filter((e) => !present.has(e.id)) };
}

type Outcome = 'shared' | 'copied' | 'shareFailed' | null;

/** navigator.share where the device has it (phones), else the clipboard. */
async function shareList(text: string): Promise<Outcome> {
  if (navigator.share) {
    try {
      await navigator.share({ title: t('saved.shareTitle'), text });
      return 'shared';
    } catch (e) {
      // The person closed the share sheet: nothing to report.
      if (e instanceof DOMException && e.name === 'AbortError') return null;
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'shareFailed';
  }
}

/** Merkliste: saved offers of this device, newest first; remove one, or share them all. */
export function SavedPage() {
  const { db } = useAppDeps();
  const result = useLiveQueryState(() => loadSaved(db), [db]);
  // Before the first sync is done, a saved offer that is not here yet is not gone either.
  const complete = useLiveQuery(() => firstSyncDone(db), [db]);
  const [message, setMessage] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const removed = useRef<{ id: string; at: number } | null>(null);
  const data = result.value;

  // The removed card's button is gone: focus goes to the next card's, or to the heading.
  useEffect(() => {
    const r = removed.current;
    if (!r || !data || data.rows.some((row) => row.service.id === r.id)) return;
    removed.current = null;
    const at = r.at;
    const buttons = list.current?.querySelectorAll<HTMLElement>('.saved-list__remove') ?? [];
    const next = buttons[Math.min(at, buttons.length - 1)];
    (next ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  }, [data]);

  if (!data) {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }

  const remove = async (row: ListRow, index: number) => {
    removed.current = { id: row.service.id, at: index };
    await setSaved(db, row.service.id, false);
    setMessage(t('saved.removed', { name: shown(row.service, 'name').text }));
  };
  const share = async () => {
    const text = savedListText(
      data.rows.map((r) => ({ id: r.service.id, name: plainText(shown(r.service, 'name')) })),
      window.location.origin,
    );
    const outcome = await shareList(text);
    setFallback(outcome === 'shareFailed' ? text : null);
    if (outcome) setMessage(t(`saved.${outcome}`));
  };

  return (
    <div class="page saved-page">
      <div>
        <PageHeading title={t('saved.title')} />
        <p class="muted saved-page__intro">{t('saved.intro')}</p>
      </div>
      {data.rows.length === 0 && data.missing.length === 0 ? (
        <EmptyState>
          <p>{t('saved.empty')}</p>
          <p>
            <a href="/angebote">{t('start.allOffers')}</a>
          </p>
        </EmptyState>
      ) : (
        <ul class="saved-list" aria-label={t('saved.title')} ref={list}>
          {data.rows.map((row, i) => (
            <ServiceListItem key={row.service.id} row={row}>
              <button
                type="button"
                class="btn btn--secondary saved-list__remove"
                aria-label={t('saved.removeLabel', { name: shown(row.service, 'name').text })}
                onClick={() => void remove(row, i)}
              >
                {t('saved.remove')}
              </button>
            </ServiceListItem>
          ))}
        </ul>
      )}
      {data.rows.length > 0 && (
        <p class="saved-page__share">
          <button type="button" class="btn" onClick={() => void share()}>
            {t('saved.share')}
          </button>
        </p>
      )}
      <p class="saved-page__message" role="status">
        {message}
      </p>
      {fallback !== null && (
        <textarea
          class="saved-page__fallback"
          readOnly
          rows={6}
          aria-label={t('saved.share')}
          value={fallback}
        />
      )}
      {!complete && data.missing.length > 0 && (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {complete && data.missing.length > 0 && (
        <section aria-labelledby="saved-missing">
          <h2 id="saved-missing">{t('saved.missingTitle')}</h2>
          <p class="muted">{t('saved.missingText')}</p>
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() => {
              void removeSaved(
                db,
                data.missing.map((e) => e.id),
              );
            }}
          >
            {t('saved.removeMissing')}
          </button>
        </section>
      )}
    </div>
  );
}
