import { useServices } from '../../../app/services';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { loadRows } from '../../angebote/listQuery';
import { ServiceListItem } from '../../angebote/ServiceListItem/ServiceListItem';
import { savedEntries, setSaved } from '../saved';
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

/** Merkliste: saved offers of this device, newest first. */
export function SavedPage() {
  const { db } = useServices();
  const result = useLiveQueryState(() => loadSaved(db), [db]);
  const data = result.value;
  if (!data) {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
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
        <ul class="service-list" aria-label={t('saved.title')}>
          {data.rows.map((row) => (
            <ServiceListItem key={row.service.id} row={row} />
          ))}
        </ul>
      )}
      {data.missing.length > 0 && (
        <section aria-labelledby="saved-missing">
          <h2 id="saved-missing">{t('saved.missingTitle')}</h2>
          <p class="muted">{t('saved.missingText')}</p>
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() => {
              for (const e of data.missing) void setSaved(db, e.id, false);
            }}
          >
            {t('saved.removeMissing')}
          </button>
        </section>
      )}
    </div>
  );
}
