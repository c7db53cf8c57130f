import { contentAttrs, shown } from '../../../components/Content/Content';
import { Icon } from '../../../components/Icon/Icon';
import { t } from '../../../i18n';
import type { Location } from '../../../model';
import type { ShownText } from '../../../model/translated';
import { osmHref, osmSearchHref } from '../osm';
import './LocationList.css';

export function LocationList({ locations }: { locations: Location[] }) {
  return (
    <ul class="location-list">
      {locations.map((loc) => {
        const map =
          osmHref(loc.latitude, loc.longitude) ??
          osmSearchHref(`${loc.address_1}, ${loc.postal_code} ${loc.city}`);
        const [name, description, accessibility, transportation] = (
          ['name', 'description', 'accessibility', 'transportation'] as const
        ).map((f) => shown(loc, f)) as [ShownText, ShownText, ShownText, ShownText];
        return (
          <li key={loc.id} class="location-list__item card">
            <h3 class="location-list__name" {...contentAttrs(name)}>
              {name.text}
            </h3>
            <address class="location-list__address">
              {loc.address_1}
              <br />
              {loc.postal_code} {loc.city}
            </address>
            <p class="location-list__quartier">
              <span class="muted">{t('detail.quartier')}:</span> {loc.quartier}
            </p>
            {description.text && (
              <p class="pre-line" {...contentAttrs(description)}>
                {description.text}
              </p>
            )}
            {accessibility.text && (
              <p>
                <span class="muted">{t('detail.accessibility')}:</span>{' '}
                <span {...contentAttrs(accessibility)}>{accessibility.text}</span>
              </p>
            )}
            {transportation.text && (
              <p>
                <span class="muted">{t('detail.transportation')}:</span>{' '}
                <span {...contentAttrs(transportation)}>{transportation.text}</span>
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
