import { useAppDeps } from '../../app/deps';
import { useLiveQuery } from '../../db/useLiveQuery';
import { t } from '../../i18n';
import { summarize } from '../../sync/outbox';
import { readOutbox } from '../../sync/outboxRead';
import { useAccount } from '../../sync/useAccount';
import './OutboxStatus.css';

/**
 * The second status line for staff: edits waiting to be sent, conflicts and rejected edits
 * to look at, and an expired session. Silent (nothing rendered) when all is sent.
 */
export function OutboxStatus() {
  const { db, account } = useAppDeps();
  const state = useAccount(account);
  const entries = useLiveQuery(() => readOutbox(db), [db], []);
  const s = summarize(entries);
  const expired = state.status === 'expired' && state.user !== null;
  if (!expired && s.pending + s.conflicts + s.rejected === 0) return null;
  const needsLogin = state.status !== 'active' && s.pending > 0;

  return (
    <div class="outbox-status" aria-live="polite">
      {expired && (
        <p class="outbox-status__item outbox-status__item--warn">
          {t('outbox.expired')} <a href="/anmelden">{t('account.signInAgain')}</a>
        </p>
      )}
      {s.pending > 0 && (
        <p class="outbox-status__item">
          {t('outbox.pending', { n: s.pending })}
          {needsLogin && !expired && (
            <>
              {' · '}
              <a href="/anmelden">{t('outbox.signInToSend')}</a>
            </>
          )}
        </p>
      )}
      {s.conflicts > 0 && (
        <p class="outbox-status__item outbox-status__item--warn">
          <a href="/konflikte">{t('outbox.conflicts', { n: s.conflicts })}</a>
        </p>
      )}
      {s.rejected > 0 && (
        <p class="outbox-status__item outbox-status__item--warn">
          <a href="/konflikte">{t('outbox.rejected', { n: s.rejected })}</a>
        </p>
      )}
    </div>
  );
}
