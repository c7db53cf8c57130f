import { useState } from 'preact/hooks';
import { canEdit } from '../../../../protocol/roles';
import { useAppDeps } from '../../../app/deps';
import { navigate } from '../../../app/router';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { summarize } from '../../../sync/outbox';
import { readOutbox } from '../../../sync/outboxRead';
import type { LoginOutcome } from '../../../sync/session';
import { useAccount } from '../../../sync/useAccount';
import { safeNext } from '../safeNext';
import './LoginPage.css';

/** `<key>1` for one, `<key>N` with {n} for more. */

type Pending = { email: string; password: string; others: number };

function LoginForm({ search, expired }: { search: string; expired: boolean }) {
  const { account } = useAppDeps();
  const [email, setEmail] = useState(account?.get().user?.email ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Pending | null>(null);

  async function doLogin(p: Pending) {
    if (!account) return;
    setBusy(true);
    setFailure(null);
    const outcome: LoginOutcome = await account.login(p.email, p.password);
    setBusy(false);
    if (!outcome.ok) {
      setFailure(t(`account.error.${outcome.reason}`));
      return;
    }
    setPassword('');
    const next = safeNext(search);
    if (next) navigate(next, { replace: true });
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!email.trim()) errs.email = t('account.emailMissing');
    if (!password) errs.password = t('account.passwordMissing');
    setErrors(errs);
    if (errs.email || errs.password || !account) return;
    const others = await account.unsentWipedBy(email);
    const p = { email, password, others };
    if (others > 0) setConfirm(p);
    else await doLogin(p);
  }

  return (
    <>
      {expired && (
        <p class="login-page__note" role="note">
          {t('account.expiredText')}
        </p>
      )}
      <form class="login-page__form card" onSubmit={onSubmit} noValidate>
        <div class="login-page__field">
          <label for="login-email">{t('account.email')}</label>
          <input
            id="login-email"
            type="email"
            name="email"
            autocomplete="username"
            inputMode="email"
            value={email}
            aria-invalid={errors.email ? 'true' : undefined}
            aria-describedby={errors.email ? 'login-email-error' : undefined}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
          {errors.email && (
            <p id="login-email-error" class="login-page__error">
              {errors.email}
            </p>
          )}
        </div>
        <div class="login-page__field">
          <label for="login-password">{t('account.password')}</label>
          <input
            id="login-password"
            type="password"
            name="password"
            autocomplete="current-password"
            value={password}
            aria-invalid={errors.password ? 'true' : undefined}
            aria-describedby={errors.password ? 'login-password-error' : undefined}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
          {errors.password && (
            <p id="login-password-error" class="login-page__error">
              {errors.password}
            </p>
          )}
        </div>
        {failure && (
          <p class="login-page__failure" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" class="btn" disabled={busy}>
          {busy ? t('account.signingIn') : t('account.signIn')}
        </button>
        <p class="muted login-page__hint">{t('account.hint')}</p>
      </form>
      {confirm && (
        <ConfirmDialog
          title={t('account.switchTitle')}
          confirmLabel={t('account.switchConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const p = confirm;
            setConfirm(null);
            void doLogin(p);
          }}
        >
          <p>{t('account.switchText', { n: confirm.others })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function AccountView() {
  const { account, db, sync } = useAppDeps();
  const state = useAccount(account);
  const entries = useLiveQuery(() => readOutbox(db), [db], []);
  const [confirm, setConfirm] = useState<number | null>(null);
  const user = state.user;
  if (!user || !account) return null;
  const mine = entries.filter((e) => e.userEmail === user.email);
  const summary = summarize(mine);
  const problems = summary.conflicts + summary.rejected;

  const logout = async () => {
    setConfirm(null);
    await account.logout();
    navigate('/anmelden', { replace: true });
  };

  return (
    <div class="login-page__account card">
      <p>
        {t('account.signedInText', { email: user.email })}
        <br />
        <span class="muted">{t(`account.role.${user.role}`)}</span>
      </p>
      <ul class="login-page__links">
        {canEdit(user.role) && (
          <li>
            <a href="/bearbeiten">{t('account.toEditor')}</a>
          </li>
        )}
        {problems > 0 && (
          <li>
            <a href="/konflikte">{t('account.toConflicts')}</a>
          </li>
        )}
      </ul>
      {mine.length > 0 && sync && (
        <p>
          <button type="button" class="btn btn--secondary" onClick={() => void sync.syncNow()}>
            {t('account.sendNow')}
          </button>
        </p>
      )}
      <p>
        <button
          type="button"
          class="btn btn--secondary"
          onClick={async () => {
            // Read afresh: the list on screen may not have loaded yet.
            const unsent = (await readOutbox(db)).filter((e) => e.userEmail === user.email);
            if (unsent.length > 0) setConfirm(unsent.length);
            else await logout();
          }}
        >
          {t('account.signOut')}
        </button>
      </p>
      {confirm !== null && (
        <ConfirmDialog
          title={t('account.logoutTitle')}
          confirmLabel={t('account.logoutConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => void logout()}
        >
          <p>{t('account.logoutText', { n: confirm })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** /anmelden: sign in (or again, after expiry); signed in: who, where to go, sign out. */
export function LoginPage({ search }: { search: string }) {
  const { account } = useAppDeps();
  const state = useAccount(account);
  if (!account) {
    return (
      <div class="page">
        <PageHeading title={t('account.title')} />
        <p>{t('account.unavailable')}</p>
      </div>
    );
  }
  if (state.status === 'loading') {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const active = state.status === 'active';
  return (
    <div class="page login-page">
      <PageHeading title={active ? t('account.accountTitle') : t('account.title')} />
      {active ? (
        <AccountView />
      ) : (
        <LoginForm search={search} expired={state.status === 'expired'} />
      )}
    </div>
  );
}
