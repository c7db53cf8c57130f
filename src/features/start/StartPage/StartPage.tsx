import { useServices } from '../../../app/services';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { countByTargetGroup } from '../../../db/queries';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { SearchForm } from '../SearchForm/SearchForm';
import { TargetGroupTiles } from '../TargetGroupTiles/TargetGroupTiles';
import './StartPage.css';

export function StartPage() {
  const { db } = useServices();
  const counts = useLiveQueryState(() => countByTargetGroup(db), [db]);
  const empty = counts.value !== undefined && Object.values(counts.value).every((n) => n === 0);

  return (
    <div class="page start-page">
      <div>
        <PageHeading title={t('start.title')}>{t('start.heading')}</PageHeading>
        <p class="start-page__intro muted">{t('start.intro')}</p>
      </div>
      <SearchForm />
      <section class="start-page__groups" aria-labelledby="start-groups">
        <h2 id="start-groups">{t('start.groupsHeading')}</h2>
        {empty && (
          <EmptyState>
            <p>{t('start.noData')}</p>
          </EmptyState>
        )}
        <TargetGroupTiles counts={counts.value} labelledBy="start-groups" />
      </section>
      <p>
        <a class="btn btn--secondary start-page__all" href="/angebote">
          {t('start.allOffers')}
        </a>
      </p>
    </div>
  );
}
