// Its messages come with this chunk, before any of its modules renders.
import '../../../i18n/coordination';
import { canEdit } from '../../../../protocol/roles';
import { useAppDeps } from '../../../app/deps';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { t } from '../../../i18n';
import { useAccount } from '../../../sync/useAccount';
import { CoverageSection } from '../CoverageSection/CoverageSection';
import { ExportSection } from '../ExportSection/ExportSection';
import { ImportSection } from '../ImportSection/ImportSection';
import { ParallelSection } from '../ParallelSection/ParallelSection';
import { ReferralsSection } from '../ReferralsSection/ReferralsSection';
import { StaleSection } from '../StaleSection/StaleSection';
import { TranslationsSection } from '../TranslationsSection/TranslationsSection';
import './DashboardPage.css';

/**
 * /koordination: where offers are missing and which ones need checking, computed on this
 * device from the synced offers, so it works without a connection.
 */
export function DashboardPage() {
  const { account } = useAppDeps();
  const state = useAccount(account);
  if (state.status === 'loading') {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (!state.user || !canEdit(state.user.role)) {
    return (
      <div class="page">
        <PageHeading title={t('dashboard.title')} />
        <p>{state.user ? t('editor.gate.role') : t('editor.gate.signIn')}</p>
        {!state.user && (
          <p>
            <a class="btn" href={`/anmelden?weiter=${encodeURIComponent('/koordination')}`}>
              {t('account.signIn')}
            </a>
          </p>
        )}
      </div>
    );
  }
  return (
    <div class="page dashboard">
      <PageHeading title={t('dashboard.title')} />
      <p class="muted">{t('dashboard.intro')}</p>
      <CoverageSection />
      <StaleSection />
      <TranslationsSection />
      <ReferralsSection />
      <ParallelSection />
      <ImportSection />
      <ExportSection />
    </div>
  );
}
