import { canEdit } from '../../../protocol/roles';
import { useAppDeps } from '../../app/deps';
import { t } from '../../i18n';
import { useAccount } from '../../sync/useAccount';
import { Icon, type IconName } from '../Icon/Icon';
import './MainNav.css';

interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  /** Paths below `href` that belong to the same section (e.g. a detail page). */
  section?: boolean;
}

function items(editor: boolean): NavItem[] {
  const list: NavItem[] = [
    { href: '/', label: t('nav.start'), icon: 'home' },
    { href: '/angebote', label: t('nav.list'), icon: 'list', section: true },
    { href: '/sprechstunden', label: t('nav.schedules'), icon: 'clock', section: true },
    { href: '/merkliste', label: t('nav.saved'), icon: 'star' },
    { href: '/info', label: t('nav.info'), icon: 'info' },
  ];
  if (editor) {
    list.push({ href: '/bearbeiten', label: t('nav.editor'), icon: 'edit', section: true });
  }
  return list;
}

/**
 * `aria-current="page"` on the exact page, `"true"` when inside its section (an offer
 * detail is inside "Angebote"), so a screen reader can tell both apart.
 */
export function currentFor(item: NavItem, pathname: string): 'page' | 'true' | undefined {
  if (pathname === item.href) return 'page';
  if (item.section && pathname.startsWith(`${item.href}/`)) return 'true';
  return undefined;
}

export function MainNav({ pathname }: { pathname: string }) {
  const { account } = useAppDeps();
  const { user } = useAccount(account);
  return (
    <nav class="main-nav" aria-label={t('nav.label')}>
      <ul class="main-nav__list">
        {items(canEdit(user?.role)).map((item) => (
          <li key={item.href}>
            <a class="main-nav__link" href={item.href} aria-current={currentFor(item, pathname)}>
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
