import type { ComponentChildren } from 'preact';
import { useAppDeps } from '../../../app/deps';
import { ContentNotes, contentAttrs, noteLines, shown } from '../../../components/Content/Content';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { Section } from '../../../components/Section/Section';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { detailHref } from '../../angebote/params';
import { CalendarButton } from '../CalendarButton/CalendarButton';
import { DoorNotice } from '../DoorNotice/DoorNotice';
import { HoursList } from '../HoursList/HoursList';
import { HoursNotFound, HoursPending } from '../HoursPageState/HoursPageState';
import { offerHoursHref, placeHoursHref } from '../links';
import { NextDates, placeLabels } from '../NextDates/NextDates';
import { OpenBadge } from '../OpenBadge/OpenBadge';
import { useNow } from '../useNow';
import './OfferHoursPage.css';
import { readOffer } from '../../../db/offers';

export function HoursSection(props: { id: string; title: string; children: ComponentChildren }) {
  return <Section class="hours-page__section" {...props} />;
}

/**
 * /sprechstunden/angebot/<id>: one offer's hours for a resident, e.g. from a QR code on
 * the door. No account needed; read from the device's copy of the directory.
 */
export function OfferHoursPage({ id }: { id: string }) {
  const { db } = useAppDeps();
  const now = useNow();
  const result = useLiveQueryState(() => readOffer(db, id), [db, id]);

  if (result.value === undefined) return <HoursPending failed={!!result.error} />;
  if (result.value === null) {
    return (
      <HoursNotFound title={t('schedules.offerNotFound')} text={t('schedules.offerNotFoundText')} />
    );
  }

  const { service, organization, locations, schedules } = result.value;
  const several = locations.length > 1;
  const name = shown(service, 'name');
  const provider = organization ? shown(organization, 'name') : null;
  const places = locations.map((l) => ({ location: l, name: shown(l, 'name') }));
  const texts = [
    name,
    ...(provider ? [provider] : []),
    ...places.map((p) => p.name),
    ...schedules.map((s) => shown(s, 'notes')),
  ];
  return (
    <article class="page hours-page">
      <header class="hours-page__head">
        <PageHeading title={name.text}>
          <span {...contentAttrs(name)}>{name.text}</span>
        </PageHeading>
        {provider && (
          <p class="hours-page__provider" {...contentAttrs(provider)}>
            {provider.text}
          </p>
        )}
        <ContentNotes texts={texts} />
        <OpenBadge schedules={schedules} now={now} showClosed={schedules.length > 0} />
      </header>

      <HoursSection id="oh-next" title={t('schedules.nextDates')}>
        <NextDates schedules={schedules} now={now} count={5} labelOf={placeLabels(locations)} />
      </HoursSection>

      {schedules.length > 0 && (
        <HoursSection id="oh-hours" title={t('schedules.hours')}>
          <HoursList schedules={schedules} now={now} locations={several ? locations : undefined} />
          <CalendarButton
            name={name.text}
            serviceId={service.id}
            schedules={schedules}
            locations={locations}
          />
        </HoursSection>
      )}

      {locations.length > 0 && (
        <HoursSection id="oh-places" title={several ? t('schedules.places') : t('schedules.place')}>
          <ul class="hours-page__places">
            {places.map(({ location: l, name: placeName }) => (
              <li key={l.id}>
                <a href={placeHoursHref(l.id)} {...contentAttrs(placeName)}>
                  {placeName.text}
                </a>
                <br />
                {l.address_1}, {l.postal_code} {l.city} · {l.quartier}
              </li>
            ))}
          </ul>
        </HoursSection>
      )}

      <DoorNotice
        path={offerHoursHref(service.id)}
        title={<span {...contentAttrs(name)}>{name.text}</span>}
        lines={[
          ...(provider ? [<span {...contentAttrs(provider)}>{provider.text}</span>] : []),
          ...places.map(({ location: l, name: placeName }) => (
            <>
              <span {...contentAttrs(placeName)}>{placeName.text}</span>, {l.address_1},{' '}
              {l.postal_code} {l.city}
            </>
          )),
        ]}
        notes={noteLines(texts)}
        now={now}
        schedules={schedules}
        dates={6}
        labelOf={placeLabels(locations)}
        hours={
          schedules.length > 0 && (
            <HoursList
              schedules={schedules}
              now={now}
              locations={several ? locations : undefined}
            />
          )
        }
      />

      <p class="hours-page__links">
        <a href={detailHref(service.id)}>{t('schedules.allInfo')}</a>
        <a href="/sprechstunden">{t('schedules.allHours')}</a>
      </p>
    </article>
  );
}
