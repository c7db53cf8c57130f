import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { ContactLinks } from '../../../components/ContactLinks/ContactLinks';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { formatIsoDate } from '../../../components/format';
import { contentNotInUiLanguage, GERMAN_CONTENT } from '../../../components/germanContent';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { Section } from '../../../components/Section/Section';
import { TraitBadges } from '../../../components/TraitBadges/TraitBadges';
import { reachPhone } from '../../../db/reach';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { label, t } from '../../../i18n';
import type { LocalMarks } from '../../../sync/outbox';
import { useFirstSyncPending } from '../../../sync/useFirstSyncPending';
import { EditBar } from '../../editor/EditBar/EditBar';
import { SaveToggle } from '../../merkliste/SaveToggle/SaveToggle';
import { OfferDates } from '../../sprechstunden/OfferDates/OfferDates';
import { CallButton } from '../CallButton/CallButton';
import { ContactList } from '../ContactList/ContactList';
import { FactList } from '../FactList/FactList';
import { LocationList } from '../LocationList/LocationList';
import { NextDate } from '../NextDate/NextDate';
import { shareHref } from '../params';
import { RelatedOffers } from '../RelatedOffers/RelatedOffers';
import { ScheduleList } from '../ScheduleList/ScheduleList';
import './ServiceDetailPage.css';
import { type OfferDetail, readOffer } from '../../../db/offers';

function labels(kind: 'targetGroup' | 'category' | 'language', slugs: string[]): string {
  return slugs.map((s) => label(kind, s)).join(', ');
}

function DetailSection(props: { id: string; title: string; children: ComponentChildren }) {
  return <Section class="service-detail__section" {...props} />;
}

function Detail({ detail }: { detail: OfferDetail }) {
  const { service, organization, locations, schedules, contacts, organizationContacts } = detail;
  const hasReach = Boolean(service.phone || service.email || service.url);
  const allContacts = [...contacts, ...organizationContacts];
  const quartiere = useMemo(() => [...new Set(locations.map((l) => l.quartier))], [locations]);

  return (
    <article class="service-detail">
      <header class="service-detail__head">
        <PageHeading title={service.name}>
          <span {...GERMAN_CONTENT}>{service.name}</span>
        </PageHeading>
        {contentNotInUiLanguage() && (
          <p class="service-detail__german-only muted" role="note">
            {t('detail.germanOnly')}
          </p>
        )}
        {service.alternate_name && (
          <p class="service-detail__alt" {...GERMAN_CONTENT}>
            {service.alternate_name}
          </p>
        )}
        {organization && (
          <p class="service-detail__provider">
            <span class="muted">{t('detail.provider')}:</span>{' '}
            <bdi {...GERMAN_CONTENT}>{organization.name}</bdi>
          </p>
        )}
        {service.status !== 'active' && (
          <p class="service-detail__status" role="note">
            {service.status === 'paused' ? t('detail.statusPaused') : t('detail.statusEnded')}
          </p>
        )}
        <EditBar id={service.id} localState={(service as LocalMarks).local_state} />
        <TraitBadges traits={service.traits} label={t('detail.traits')} />
        <NextDate schedules={schedules} />
        <CallButton phone={reachPhone(detail)} />
        {service.assured_date && (
          <p class="service-detail__assured muted">
            {t('detail.assured', { date: formatIsoDate(service.assured_date) })}
          </p>
        )}
        <div class="service-detail__actions">
          <a class="btn" href={shareHref(service.id)}>
            {t('share.action')}
          </a>
          <SaveToggle id={service.id} />
        </div>
      </header>

      {service.description && (
        <DetailSection id="sd-about" title={t('detail.about')}>
          <p class="pre-line" {...GERMAN_CONTENT}>
            {service.description}
          </p>
        </DetailSection>
      )}

      <DetailSection id="sd-schedules" title={t('detail.schedules')}>
        {schedules.length > 0 ? (
          <>
            <ScheduleList schedules={schedules} locations={locations} />
            <OfferDates
              name={service.name}
              serviceId={service.id}
              schedules={schedules}
              locations={locations}
            />
          </>
        ) : (
          <p class="muted">{t('detail.noSchedules')}</p>
        )}
      </DetailSection>

      {locations.length > 0 && (
        <DetailSection id="sd-locations" title={t('detail.locations')}>
          <LocationList locations={locations} />
        </DetailSection>
      )}

      <DetailSection id="sd-contacts" title={t('detail.contacts')}>
        {hasReach && (
          <div class="service-detail__reach">
            <ContactLinks phone={service.phone} email={service.email} url={service.url} />
          </div>
        )}
        {allContacts.length > 0 ? (
          <ContactList contacts={allContacts} />
        ) : (
          !hasReach && <p class="muted">{t('detail.noContacts')}</p>
        )}
      </DetailSection>

      <DetailSection id="sd-facts" title={t('detail.facts')}>
        <FactList
          facts={[
            { term: t('detail.targetGroups'), value: labels('targetGroup', service.target_groups) },
            { term: t('detail.categories'), value: labels('category', service.categories) },
            { term: t('detail.languages'), value: labels('language', service.languages) },
            { term: t('detail.legalBasis'), value: service.legal_basis },
            { term: t('detail.fees'), value: service.fees_description },
            { term: t('detail.eligibility'), value: service.eligibility_description },
            { term: t('detail.application'), value: service.application_process },
          ]}
        />
      </DetailSection>

      <RelatedOffers service={service} quartiere={quartiere} />

      {organization && (
        <DetailSection id="sd-provider" title={t('detail.provider')}>
          <p class="service-detail__org-name" {...GERMAN_CONTENT}>
            {organization.name}
          </p>
          {organization.description && (
            <p class="pre-line" {...GERMAN_CONTENT}>
              {organization.description}
            </p>
          )}
          <ContactLinks
            phone={organization.phone}
            email={organization.email}
            url={organization.website}
          />
        </DetailSection>
      )}

      <p>
        <a href="/angebote">{t('detail.backToList')}</a>
      </p>
    </article>
  );
}

/** Angebot-Detail: everything about one offer, read from the local database. */
export function ServiceDetailPage({ id }: { id: string }) {
  const { db } = useAppDeps();
  const result = useLiveQueryState(() => readOffer(db, id), [db, id]);
  const firstSync = useFirstSyncPending();

  if (result.value === undefined || result.loading) {
    if (result.error) {
      return (
        <p class="muted" role="alert">
          {t('detail.error')}
        </p>
      );
    }
    // No heading yet: focus goes to the real one when it arrives.
    return (
      <p class="muted" role="status">
        {t('detail.loading')}
      </p>
    );
  }

  if (result.value === null && firstSync) {
    return (
      <p class="muted" role="status">
        {t('detail.loading')}
      </p>
    );
  }

  if (result.value === null) {
    return (
      <div class="page">
        <PageHeading title={t('detail.notFoundTitle')} />
        <EmptyState>
          <p>{t('detail.notFoundText')}</p>
          <p>
            <a href="/angebote">{t('detail.backToList')}</a>
          </p>
        </EmptyState>
      </div>
    );
  }

  return <Detail detail={result.value} />;
}
