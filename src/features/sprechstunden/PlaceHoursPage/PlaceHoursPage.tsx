import { useAppDeps } from '../../../app/deps';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import { DoorNotice } from '../DoorNotice/DoorNotice';
import { HoursList } from '../HoursList/HoursList';
import { HoursNotFound, HoursPending } from '../HoursPageState/HoursPageState';
import { offerHoursHref, placeHoursHref } from '../links';
import { NextDates } from '../NextDates/NextDates';
import { HoursSection } from '../OfferHoursPage/OfferHoursPage';
import { OpenBadge } from '../OpenBadge/OpenBadge';
import { loadPlaceHours } from '../queries';
import { useNow } from '../useNow';
import '../OfferHoursPage/OfferHoursPage.css';

/**
 * /sprechstunden/ort/<id>: every offer's hours at one place — the page a QR code on the
 * door of a Stadtteilzentrum leads to. Works without an account and offline.
 */
export function PlaceHoursPage({ id }: { id: string }) {
  const { db } = useAppDeps();
  const now = useNow();
  const result = useLiveQueryState(() => loadPlaceHours(db, id), [db, id]);

  if (result.value === undefined) return <HoursPending failed={!!result.error} />;
  if (result.value === null) {
    return (
      <HoursNotFound title={t('schedules.placeNotFound')} text={t('schedules.placeNotFoundText')} />
    );
  }

  const { location, entries } = result.value;
  const schedules = entries.map((e) => e.schedule);
  const nameOf = new Map(entries.map((e) => [e.service.id, e.service.name]));
  const byService = new Map<string, { name: string; schedules: Schedule[] }>();
  for (const e of entries) {
    const group = byService.get(e.service.id);
    if (group) group.schedules.push(e.schedule);
    else byService.set(e.service.id, { name: e.service.name, schedules: [e.schedule] });
  }

  return (
    <article class="page hours-page">
      <header class="hours-page__head">
        <PageHeading title={location.name}>{location.name}</PageHeading>
        <p>
          {location.address_1}, {location.postal_code} {location.city}
        </p>
        <p class="hours-page__provider">
          {t('detail.quartier')}: {location.quartier}
        </p>
        <OpenBadge schedules={schedules} now={now} showClosed={schedules.length > 0} />
      </header>

      <HoursSection id="ph-next" title={t('schedules.nextHere')}>
        <NextDates
          schedules={schedules}
          now={now}
          count={6}
          labelOf={(s) => (
            <a href={offerHoursHref(s.service_id)}>{nameOf.get(s.service_id) ?? ''}</a>
          )}
        />
      </HoursSection>

      {byService.size > 0 && (
        <HoursSection id="ph-offers" title={t('schedules.offersHere')}>
          <ul class="hours-page__offers">
            {[...byService].map(([serviceId, group]) => (
              <li key={serviceId}>
                <h3 class="hours-page__offer-name">
                  <a href={offerHoursHref(serviceId)}>{group.name}</a>
                </h3>
                <OpenBadge schedules={group.schedules} now={now} />
                <HoursList schedules={group.schedules} now={now} />
              </li>
            ))}
          </ul>
        </HoursSection>
      )}

      {location.accessibility && (
        <HoursSection id="ph-access" title={t('detail.accessibility')}>
          <p class="pre-line">{location.accessibility}</p>
        </HoursSection>
      )}

      <DoorNotice
        path={placeHoursHref(location.id)}
        title={location.name}
        lines={[
          `${location.address_1}, ${location.postal_code} ${location.city}`,
          `${t('detail.quartier')}: ${location.quartier}`,
        ]}
        now={now}
        schedules={schedules}
        dates={6}
        labelOf={(s) => nameOf.get(s.service_id) ?? ''}
        hours={
          byService.size > 0 && (
            <ul class="hours-page__offers">
              {[...byService].map(([serviceId, group]) => (
                <li key={serviceId}>
                  <h4 class="hours-page__offer-name">{group.name}</h4>
                  <HoursList schedules={group.schedules} now={now} />
                </li>
              ))}
            </ul>
          )
        }
      />

      <p class="hours-page__links">
        <a href="/sprechstunden">{t('schedules.allHours')}</a>
      </p>
    </article>
  );
}
