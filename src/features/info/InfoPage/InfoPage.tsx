import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatBytes, formatDateTime, formatNumber } from '../../../components/format';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { syncAgeText, syncLine } from '../../../components/SyncStatus/syncText';
import { dataStatus } from '../../../db/dataStatus';
import type { StorageUsage } from '../../../db/storage';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { currentLanguage, t } from '../../../i18n';
import { InstallButton } from '../../../pwa/InstallButton/InstallButton';
import { useSyncState } from '../../../sync';
import './InfoPage.css';

function useStorage(estimate: () => Promise<StorageUsage | null>, refreshKey: unknown) {
  const [usage, setUsage] = useState<StorageUsage | null | undefined>(undefined);
  // refreshKey re-measures after a sync.
  useEffect(() => {
    let active = true;
    estimate().then(
      (u) => active && setUsage(u),
      () => active && setUsage(null),
    );
    return () => {
      active = false;
    };
  }, [estimate, refreshKey]);
  return usage;
}

const COUNTED = [
  ['organizations', 'info.organizations'],
  ['locations', 'info.locations'],
  ['schedules', 'info.schedules'],
  ['contacts', 'info.contacts'],
  ['outbox', 'info.pending'],
] as const;

/** Info: what is stored on this device, how fresh it is, which version runs. */
export function InfoPage() {
  const { db, sync, storageEstimate, appVersion, now } = useAppDeps();
  const status = useLiveQueryState(() => dataStatus(db), [db]);
  const syncState = useSyncState(sync);
  const lastSyncAt = syncState.lastSyncAt ?? status.value?.lastSyncAt ?? null;
  const usage = useStorage(storageEstimate, lastSyncAt);
  const syncing = syncState.status === 'syncing';
  const line = syncLine({ ...syncState, lastSyncAt }, now());
  // The list counts listed offers only; paused and ended ones are stored too.
  const unlisted = status.value ? status.value.counts.services - status.value.listedServices : 0;

  return (
    <div class="page info-page">
      <div>
        <PageHeading title={t('info.title')} />
        <p class="muted info-page__intro">{t('info.intro')}</p>
        {currentLanguage() !== 'de' && (
          <p class="info-page__translation" role="note">
            {t('info.uiTranslation')}
          </p>
        )}
      </div>
      <InstallButton />

      <section class="card" aria-labelledby="info-data">
        <h2 id="info-data">{t('info.dataHeading')}</h2>
        <dl class="info-page__facts">
          <div>
            <dt>{t('info.lastSync')}</dt>
            <dd>
              {lastSyncAt ? (
                <>
                  {formatDateTime(lastSyncAt)}{' '}
                  <span class="muted">({syncAgeText(lastSyncAt, now())})</span>
                </>
              ) : (
                t('info.never')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('info.services')}</dt>
            <dd>{status.value ? formatNumber(status.value.listedServices) : '…'}</dd>
          </div>
          {unlisted > 0 && (
            <div>
              <dt>{t('info.servicesUnlisted')}</dt>
              <dd>{formatNumber(unlisted)}</dd>
            </div>
          )}
          {COUNTED.map(([table, key]) => (
            <div key={table}>
              <dt>{t(key)}</dt>
              <dd>{status.value ? formatNumber(status.value.counts[table]) : '…'}</dd>
            </div>
          ))}
        </dl>
        <p class={`info-page__sync info-page__sync--${line.tone}`}>{line.text}</p>
        <button
          type="button"
          class="btn"
          // aria-disabled, not disabled: the button keeps focus while the sync runs.
          aria-disabled={!sync || syncing}
          onClick={() => {
            if (!syncing) void sync?.syncNow();
          }}
        >
          {syncing ? t('info.syncing') : t('info.syncNow')}
        </button>
      </section>

      <section class="card" aria-labelledby="info-storage">
        <h2 id="info-storage">{t('info.storageHeading')}</h2>
        {usage === undefined ? (
          <p class="muted">{t('app.loading')}</p>
        ) : usage === null ? (
          <p>{t('info.storageUnknown')}</p>
        ) : (
          <>
            <dl class="info-page__facts">
              <div>
                <dt>{t('info.storageUsed')}</dt>
                <dd>{formatBytes(usage.usage)}</dd>
              </div>
              {usage.quota > 0 && (
                <div>
                  <dt>{t('info.storageQuota')}</dt>
                  <dd>{formatBytes(usage.quota)}</dd>
                </div>
              )}
            </dl>
            {usage.persisted !== null && (
              <p>{usage.persisted ? t('info.persisted') : t('info.notPersisted')}</p>
            )}
          </>
        )}
      </section>

      <section class="card" aria-labelledby="info-app">
        <h2 id="info-app">{t('info.versionHeading')}</h2>
        <dl class="info-page__facts">
          <div>
            <dt>{t('info.version')}</dt>
            <dd>{appVersion}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
