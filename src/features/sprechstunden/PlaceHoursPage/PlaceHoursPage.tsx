import { useAppDeps } from '../../../app/deps';
import { ContentNotes, contentAttrs, noteLines, shown } from '../../../components/Content/Content';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import type { Schedule } from '../../../model';
import type { ShownText } from '../../../model/translated';
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
  const placeName = shown(location, 'name');
  const accessibility = shown(location, 'accessibility');
  const byService = new Map<string, { name: ShownText; schedules: Schedule[] }>();
  for (const e of entries) {
    const group = byService.get(e.service.id);
    if (group) group.schedules.push(e.schedule);
    else byService.set(e.service.id, { name: shown(e.service, 'name'), schedules: [e.schedule] });
  }
  const offerName = (serviceId: string) => {
    const name = byService.get(serviceId)?.name;
    return name ? <span {...contentAttrs(name)}>{name.text}</span> : '';
  };
  const texts = [
    placeName,
    accessibility,
    ...[...byService.values()].map((g) => g.name),
    ...schedules.map((s) => shown(s, 'notes')),
  ];

  return (
    <article class="page hours-page">
      <header class="hours-page__head">
        <PageHeading title={placeName.text}>
          <span {...contentAttrs(placeName)}>{placeName.text}</span>
        </PageHeading>
        <p>
          {location.address_1}, {location.postal_code} {location.city}
        </p>
        <p class="hours-page__provider">
          {t('detail.quartier')}: {location.quartier}
        </p>
        <ContentNotes texts={texts} />
        <OpenBadge schedules={schedules} now={now} showClosed={schedules.length > 0} />
      </header>

      <HoursSection id="ph-next" title={t('schedules.nextHere')}>
        <NextDates
          schedules={schedules}
          now={now}
          count={6}
          labelOf={(s) => <a href={offerHoursHref(s.service_id)}>{offerName(s.service_id)}</a>}
        />
      </HoursSection>

      {byService.size > 0 && (
        <HoursSection id="ph-offers" title={t('schedules.offersHere')}>
          <ul class="hours-page__offers">
            {[...byService].map(([serviceId, group]) => (
              <li key={serviceId}>
                <h3 class="hours-page__offer-name">
                  <a href={offerHoursHref(serviceId)} {...contentAttrs(group.name)}>
                    {group.name.text}
                  </a>
                </h3>
                <OpenBadge schedules={group.schedules} now={now} />
                <HoursList schedules={group.schedules} now={now} />
              </li>
            ))}
          </ul>
        </HoursSection>
      )}

      {accessibility.text && (
        <HoursSection id="ph-access" title={t('detail.accessibility')}>
          <p class="pre-line" {...contentAttrs(accessibility)}>
            {accessibility.text}
          </p>
        </HoursSection>
      )}

      <DoorNotice
        path={placeHoursHref(location.id)}
        title={<span {...contentAttrs(placeName)}>{placeName.text}</span>}
        lines={[
          `${location.address_1}, ${location.postal_code} ${location.city}`,
          `${t('detail.quartier')}: ${location.quartier}`,
        ]}
        notes={noteLines(texts)}
        now={now}
        schedules={schedules}
        dates={6}
        labelOf={(s) => offerName(s.service_id)}
        hours={
          byService.size > 0 && (
            <ul class="hours-page__offers">
              {[...byService].map(([serviceId, group]) => (
                <li key={serviceId}>
                  <h4 class="hours-page__offer-name" {...contentAttrs(group.name)}>
                    {group.name.text}
                  </h4>
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
