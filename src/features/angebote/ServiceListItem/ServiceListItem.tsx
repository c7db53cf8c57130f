import { TraitBadges } from '../../../components/TraitBadges/TraitBadges';
import { t } from '../../../i18n';
import type { ListRow } from '../listQuery';
import { detailHref } from '../params';
import './ServiceListItem.css';

/** One result: the name is the link; the whole card is its touch target. */
export function ServiceListItem({ row }: { row: ListRow }) {
  const { service, provider, quartiere } = row;
  const status =
    service.status === 'paused'
      ? t('list.statusPaused')
      : service.status === 'ended'
        ? t('list.statusEnded')
        : null;
  return (
    <li class="service-item">
      <h2 class="service-item__name">
        <a class="service-item__link" href={detailHref(service.id)}>
          {service.name}
        </a>
        {status && <span class="service-item__status"> ({status})</span>}
      </h2>
      {provider && <p class="service-item__provider">{provider}</p>}
      {quartiere.length > 0 && <p class="service-item__quartier muted">{quartiere.join(', ')}</p>}
      <TraitBadges traits={service.traits} />
    </li>
  );
}
