import { t } from '../../i18n';
import { describeSyncAge, type SyncState } from '../../sync';

/** "Aktualisiert vor 3 Min." and friends; the sync module only says how long ago. */
export function syncAgeText(lastSyncAt: string | null, now: Date): string {
  const age = describeSyncAge(lastSyncAt, now);
  switch (age.kind) {
    case 'never':
      return t('sync.never');
    case 'just-now':
      return t('sync.justNow');
    case 'minutes':
      return t('sync.minutes', { n: age.n });
    case 'hours':
      return t('sync.hours', { n: age.n });
    case 'days':
      return age.n === 1 ? t('sync.day') : t('sync.days', { n: age.n });
  }
}

export interface SyncLine {
  /** Stable per state, so a ticking age does not count as news for a screen reader. */
  key: string;
  text: string;
  /** Show a retry button. */
  retry: boolean;
  tone: 'ok' | 'busy' | 'offline' | 'error';
}

export function syncLine(state: SyncState, now: Date): SyncLine {
  switch (state.status) {
    case 'syncing':
      // The first sync brings everything: the screens show loading states meanwhile.
      return state.lastSyncAt
        ? { key: 'syncing', text: t('sync.syncing'), retry: false, tone: 'busy' }
        : { key: 'firstLoad', text: t('sync.firstLoad'), retry: false, tone: 'busy' };
    case 'offline':
      return {
        key: 'offline',
        text: state.lastSyncAt
          ? t('sync.offlineWithAge', { age: syncAgeText(state.lastSyncAt, now) })
          : t('sync.neverOffline'),
        retry: false,
        tone: 'offline',
      };
    case 'error': {
      const code = state.error?.db === 'quota' ? 'quota' : state.error?.code;
      const reason = code ? t(`sync.reason.${code}`) : t('sync.error');
      return {
        key: `error:${code ?? ''}`,
        text: state.lastSyncAt ? `${reason} · ${syncAgeText(state.lastSyncAt, now)}` : reason,
        retry: true,
        tone: 'error',
      };
    }
    default:
      return {
        key: state.lastSyncAt ? 'idle' : 'never',
        text: syncAgeText(state.lastSyncAt, now),
        retry: false,
        tone: 'ok',
      };
  }
}
