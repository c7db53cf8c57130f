import { GERMAN_CONTENT } from '../../../components/germanContent';
import { Icon } from '../../../components/Icon/Icon';
import { t } from '../../../i18n';
import type { Location } from '../../../model';
import { osmHref, osmSearchHref } from '../osm';
import './LocationList.css';

export function LocationList({ locations }: { locations: Location[] }) {
  return (
    <ul class="location-list">
      {locations.map((loc) => {
        const map =
          osmHref(loc.latitude, loc.longitude) ??
          osmSearchHref(`${loc.address_1}, ${loc.postal_code} ${loc.city}`);
        return (
          <li key={loc.id} class="location-list__item card">
            <h3 class="location-list__name" {...GERMAN_CONTENT}>
              {loc.name}
            </h3>
            <address class="location-list__address">
              {loc.address_1}
              <br />
              {loc.postal_code} {loc.city}
            </address>
            <p class="location-list__quartier">
              <span class="muted">{t('detail.quartier')}:</span> {loc.quartier}
            </p>
            {loc.description && (
              <p class="pre-line" {...GERMAN_CONTENT}>
                {loc.description}
              </p>
            )}
            {loc.accessibility && (
              <p>
                <span class="muted">{t('detail.accessibility')}:</span> {loc.accessibility}
              </p>
            )}
            {loc.transportation && (
              <p>
                <span class="muted">{t('detail.transportation')}:</span> {loc.transportation}
              </p>
            )}
            {map && (
              <a class="location-list__map" href={map} target="_blank" rel="noopener noreferrer">
                <Icon name="pin" />
                <span>
                  {t('detail.map')} <span class="visually-hidden">{t('app.externalLink')}</span>
                </span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
