import { useAppDeps } from '../../../app/deps';
import { t } from '../../../i18n';
import { useAccount } from '../../../sync/useAccount';
import './AccountLink.css';

/**
 * Who is signed in, in the header: "Anmelden" for residents, the user's name part for staff
 * (the full address and role for screen readers), "Neu anmelden" after the session expired.
 */
export function AccountLink() {
  const { account } = useAppDeps();
  const state = useAccount(account);
  if (state.status === 'loading') return null;
  if (state.status === 'anonymous' || !state.user) {
    return (
      <a class="account-link" href="/anmelden">
        {t('account.signIn')}
      </a>
    );
  }
  const { email, role } = state.user;
  const short = email.split('@')[0] ?? email;
  const expired = state.status === 'expired';
  return (
    <a
      class={`account-link${expired ? ' account-link--expired' : ''}`}
      href="/anmelden"
      aria-label={
        expired
          ? t('account.expiredLink', { email })
          : t('account.signedInAs', { email, role: t(`account.role.${role}`) })
      }
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0"
        />
      </svg>
      <span class="account-link__name">{expired ? t('account.signInAgain') : short}</span>
    </a>
  );
}
