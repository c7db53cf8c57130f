import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { DbErrorBanner } from '../components/DbErrorBanner/DbErrorBanner';
import { LanguagePicker } from '../components/LanguagePicker/LanguagePicker';
import { MainNav } from '../components/MainNav/MainNav';
import { OutboxStatus } from '../components/OutboxStatus/OutboxStatus';
import { SentNotice } from '../components/SentNotice/SentNotice';
import { SyncStatus } from '../components/SyncStatus/SyncStatus';
import { acknowledgeLoss } from '../db/db';
import { useLiveQuery } from '../db/useLiveQuery';
import { useStore } from '../db/useStore';
import { AccountLink } from '../features/login/AccountLink/AccountLink';
import { StartPage } from '../features/start/StartPage/StartPage';
import { t } from '../i18n';
import { type AppDeps, AppDepsContext, useAppDeps } from './deps';
import { lazyPage } from './lazy';
import { interceptLinks, matchRoute, type Route, useLocation } from './router';
import { LOGO_PATHS } from './shellHtml';
import './App.css';

const ServiceListPage = lazyPage(() =>
  import('../features/angebote/ServiceListPage/ServiceListPage').then((m) => m.ServiceListPage),
);
const ServiceDetailPage = lazyPage(() =>
  import('../features/angebote/ServiceDetailPage/ServiceDetailPage').then(
    (m) => m.ServiceDetailPage,
  ),
);
const SharePage = lazyPage(() =>
  import('../features/weitergeben/SharePage/SharePage').then((m) => m.SharePage),
);
const SavedPage = lazyPage(() =>
  import('../features/merkliste/SavedPage/SavedPage').then((m) => m.SavedPage),
);
const SchedulesPage = lazyPage(() =>
  import('../features/sprechstunden/SchedulesPage/SchedulesPage').then((m) => m.SchedulesPage),
);
const OfferHoursPage = lazyPage(() =>
  import('../features/sprechstunden/OfferHoursPage/OfferHoursPage').then((m) => m.OfferHoursPage),
);
const PlaceHoursPage = lazyPage(() =>
  import('../features/sprechstunden/PlaceHoursPage/PlaceHoursPage').then((m) => m.PlaceHoursPage),
);
const InfoPage = lazyPage(() =>
  import('../features/info/InfoPage/InfoPage').then((m) => m.InfoPage),
);
const LoginPage = lazyPage(() =>
  import('../features/login/LoginPage/LoginPage').then((m) => m.LoginPage),
);
/** The coordination screens open once their messages are in, in the current language. */
const withCoordinationMessages = <T,>(page: Promise<T>): Promise<T> =>
  Promise.all([page, import('../i18n/coordination').then((m) => m.coordinationMessages)]).then(
    ([loaded]) => loaded,
  );
const ConflictsPage = lazyPage(() =>
  withCoordinationMessages(
    import('../features/konflikte/ConflictsPage/ConflictsPage').then((m) => m.ConflictsPage),
  ),
);
const EditorPage = lazyPage(() =>
  withCoordinationMessages(
    import('../features/editor/EditorPage/EditorPage').then((m) => m.EditorPage),
  ),
);
const DashboardPage = lazyPage(() =>
  withCoordinationMessages(
    import('../features/koordination/DashboardPage/DashboardPage').then((m) => m.DashboardPage),
  ),
);
const NotFoundPage = lazyPage(() =>
  import('../features/notfound/NotFoundPage/NotFoundPage').then((m) => m.NotFoundPage),
);

function RouteView({ route, search }: { route: Route; search: string }) {
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'list':
      return <ServiceListPage search={search} />;
    case 'detail':
      return <ServiceDetailPage id={route.id} />;
    case 'share':
      return <SharePage id={route.id} />;
    case 'saved':
      return <SavedPage />;
    case 'schedules':
      return <SchedulesPage search={search} />;
    case 'offerHours':
      return <OfferHoursPage id={route.id} />;
    case 'placeHours':
      return <PlaceHoursPage id={route.id} />;
    case 'info':
      return <InfoPage />;
    case 'login':
      return <LoginPage search={search} />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'editor':
      return <EditorPage path={route.path} search={search} />;
    case 'dashboard':
      return <DashboardPage />;
    default:
      return <NotFoundPage />;
  }
}

/**
 * The banner about the local database, then the page. While a deleted database is filled
 * again, pages would show "Keine Angebote": a loading line stands in for them until then.
 */
function MainContent({ route, search }: { route: Route; search: string }) {
  const { db, dbStatus } = useAppDeps();
  const status = useStore(dbStatus);
  const full = status.error === 'quota';
  const unsent = useLiveQuery(() => (full ? db.outbox.count() : 0), [db, full], 0);
  return (
    <>
      <DbErrorBanner status={status} unsent={unsent} onDismiss={() => acknowledgeLoss(db)} />
      {status.state === 'recovering' ? (
        <p class="muted" role="status">
          {t('dbLost.loading')}
        </p>
      ) : (
        <RouteView route={route} search={search} />
      )}
    </>
  );
}

function skipToMain(event: Event) {
  const main = document.getElementById('main');
  if (!main) return;
  // Focus instead of a #main hash: a hash would add a history entry to our router.
  event.preventDefault();
  main.focus();
  main.scrollIntoView?.();
}

interface AppProps {
  deps: AppDeps;
  /** Slot for the service-worker update prompt (src/pwa/UpdatePrompt). */
  updatePrompt?: ComponentChildren;
}

export function App({ deps, updatePrompt }: AppProps) {
  const location = useLocation();
  useEffect(() => interceptLinks(document), []);
  const route = matchRoute(location.pathname);

  return (
    <AppDepsContext.Provider value={deps}>
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the handler only avoids a history entry. */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <header class="app-header">
        <div class="app-header__inner">
          <div class="app-header__top">
            <a class="app-header__brand" href="/">
              <svg
                class="app-header__logo"
                viewBox="0 0 24 24"
                width="28"
                height="28"
                aria-hidden="true"
                focusable="false"
              >
                {LOGO_PATHS.map((p) => (
                  <path
                    key={p.d}
                    fill="currentColor"
                    opacity={'opacity' in p ? p.opacity : undefined}
                    d={p.d}
                  />
                ))}
              </svg>
              <span dir="ltr">{t('app.name')}</span>
            </a>
            <LanguagePicker />
          </div>
          <div class="app-header__row">
            <SyncStatus />
            <AccountLink />
          </div>
          <OutboxStatus />
          <SentNotice />
        </div>
      </header>
      <MainNav pathname={location.pathname} />
      <main id="main" class="app-main" tabIndex={-1}>
        <MainContent route={route} search={location.search} />
      </main>
      {updatePrompt}
    </AppDepsContext.Provider>
  );
}
