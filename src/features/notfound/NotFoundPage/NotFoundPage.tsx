import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { t } from '../../../i18n';
import './NotFoundPage.css';

export function NotFoundPage() {
  return (
    <div class="page not-found">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <a class="btn" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </div>
  );
}
