import type { DbStatus } from '../../db/db';
import { t } from '../../i18n';
import { Icon } from '../Icon/Icon';
import './DbErrorBanner.css';

/**
 * The message for the database's state, or null when there is nothing to tell.
 * `closed` without an error reopens by itself on the next read, so it stays silent.
 */
export function dbProblemMessage(status: DbStatus): string | null {
  if (status.state === 'outdated') return t('dbError.outdated');
  if (status.state === 'blocked') return t('dbError.blocked');
  if (status.state === 'error' || status.error) return t(`dbError.${status.error ?? 'unknown'}`);
  return null;
}

export function DbErrorBanner({ status }: { status: DbStatus }) {
  const message = dbProblemMessage(status);
  if (!message) return null;
  // Blocked resolves itself once the other tabs are closed; the others need a reload.
  const reload = status.state !== 'blocked' && status.error !== 'unavailable';
  return (
    <div class="db-error" role="alert">
      <Icon name="warning" />
      <div class="db-error__body">
        <p class="db-error__title">{t('dbError.title')}</p>
        <p class="db-error__text">{message}</p>
        {reload && (
          <button type="button" class="btn btn--secondary" onClick={() => window.location.reload()}>
            {t('dbError.reload')}
          </button>
        )}
      </div>
    </div>
  );
}
