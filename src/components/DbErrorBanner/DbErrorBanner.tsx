import type { DbStatus } from '../../db/db';
import { t } from '../../i18n';
import { Icon } from '../Icon/Icon';
import './DbErrorBanner.css';

/**
 * The message for the database's state, or null when there is nothing to tell.
 * `closed` without an error reopens by itself on the next read, so it stays silent.
 * `unsent`: outbox entries, which a full disk keeps but cannot confirm as sent.
 */
export function dbProblemMessage(status: DbStatus, unsent = 0): string | null {
  if (status.state === 'recovering') return t('dbLost.recovering');
  if (status.state === 'outdated') return t('dbError.outdated');
  if (status.state === 'blocked') return t('dbError.blocked');
  if (status.state === 'error' || status.error) {
    const text = t(`dbError.${status.error ?? 'unknown'}`);
    return status.error === 'quota' && unsent > 0 ? `${text} ${t('dbLost.quotaKept')}` : text;
  }
  return null;
}

/** After the database was deleted: that it happened, and what went with it. */
export function dbLossMessage(status: DbStatus): string | null {
  if (status.lost === undefined || status.state === 'recovering') return null;
  const { lost } = status;
  if (lost === 0) return t('dbLost.recovered');
  return `${t('dbLost.recovered')} ${t('dbLost.lost', { n: lost })}`;
}

interface DbErrorBannerProps {
  status: DbStatus;
  unsent?: number;
  /** Closes the notice about deleted data. */
  onDismiss?: () => void;
}

export function DbErrorBanner({ status, unsent = 0, onDismiss }: DbErrorBannerProps) {
  const message = dbProblemMessage(status, unsent);
  const loss = dbLossMessage(status);
  if (!message && !loss) return null;
  // Blocked resolves itself once the other tabs are closed, a deleted database by being
  // filled again; the others need a reload.
  const reload =
    message !== null &&
    status.state !== 'blocked' &&
    status.state !== 'recovering' &&
    status.error !== 'unavailable';
  return (
    <div class="db-error" role="alert">
      <Icon name="warning" />
      <div class="db-error__body">
        <p class="db-error__title">{t('dbError.title')}</p>
        {message && <p class="db-error__text">{message}</p>}
        {loss && <p class="db-error__text">{loss}</p>}
        {reload && (
          <button type="button" class="btn btn--secondary" onClick={() => window.location.reload()}>
            {t('dbError.reload')}
          </button>
        )}
        {loss && !message && onDismiss && (
          <button type="button" class="btn btn--secondary" onClick={onDismiss}>
            {t('dbLost.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
