// Its messages come with this chunk, before any of its modules renders.
import '../../../i18n/coordination';
import { canEdit } from '../../../../protocol/roles';
import { useAppDeps } from '../../../app/deps';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { t } from '../../../i18n';
import { useAccount } from '../../../sync/useAccount';
import { ContactForm } from '../ContactForm/ContactForm';
import { EditorHome } from '../EditorHome/EditorHome';
import { HistoryPage } from '../HistoryPage/HistoryPage';
import { LocationForm } from '../LocationForm/LocationForm';
import { OrganizationForm } from '../OrganizationForm/OrganizationForm';
import { ScheduleForm } from '../ScheduleForm/ScheduleForm';
import { ServiceForm } from '../ServiceForm/ServiceForm';

function routeView(path: string[], search: string) {
  const [kind, id, sub] = path;
  if (!kind) return <EditorHome />;
  if (!id || (sub && !(kind === 'angebote' && sub === 'verlauf')) || path.length > 3) return null;
  // `key` gives every record a fresh form, so a draft never leaks into the next record.
  switch (kind) {
    case 'angebote':
      return sub ? <HistoryPage id={id} /> : <ServiceForm key={id} id={id} search={search} />;
    case 'traeger':
      return <OrganizationForm key={id} id={id} />;
    case 'orte':
      return <LocationForm key={id} id={id} />;
    case 'sprechstunden':
      return <ScheduleForm key={id} id={id} search={search} />;
    case 'kontakte':
      return <ContactForm key={id} id={id} search={search} />;
    default:
      return null;
  }
}

/**
 * /bearbeiten/…: the coordinators' editor, a chunk of its own (residents never load it).
 * Works offline: every save goes to the outbox. An expired session may keep editing; the
 * edits are sent after signing in again.
 */
export function EditorPage({ path, search }: { path: string[]; search: string }) {
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
    const here = `/bearbeiten${path.length ? `/${path.map(encodeURIComponent).join('/')}` : ''}`;
    return (
      <div class="page">
        <PageHeading title={t('editor.gate.title')} />
        <p>{state.user ? t('editor.gate.role') : t('editor.gate.signIn')}</p>
        {!state.user && (
          <p>
            <a class="btn" href={`/anmelden?weiter=${encodeURIComponent(here)}`}>
              {t('account.signIn')}
            </a>
          </p>
        )}
      </div>
    );
  }
  // routeView is a plain function (no hooks): null means an unknown editor path.
  const view = routeView(path, search);
  if (view) return view;
  return (
    <div class="page">
      <PageHeading title={t('editor.notFound')} />
      <p>
        <a href="/bearbeiten">{t('editor.backToOverview')}</a>
      </p>
    </div>
  );
}
