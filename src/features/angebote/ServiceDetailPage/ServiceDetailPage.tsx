import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { ContactLinks } from '../../../components/ContactLinks/ContactLinks';
import { ContentNotes, contentAttrs, shown } from '../../../components/Content/Content';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { formatIsoDate } from '../../../components/format';
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
import type { ShownText } from '../../../model/translated';

function labels(kind: 'targetGroup' | 'category' | 'language', slugs: string[]): string {
  return slugs.map((s) => label(kind, s)).join(', ');
}

function DetailSection(props: { id: string; title: string; children: ComponentChildren }) {
  return <Section class="service-detail__section" {...props} />;
}

/**
 * The offer's own texts the page shows in prose; fields without a translation count too,
 * for a reader they are German as well. A short name and a legal reference ("§16i SGB II")
 * are no prose to translate.
 */
const SERVICE_TEXTS = [
  'name',
  'description',
  'fees_description',
  'eligibility_description',
  'application_process',
] as const;
type ServiceText = (typeof SERVICE_TEXTS)[number] | 'alternate_name' | 'legal_basis';

/** Every text people entered that the page shows, as the reader is shown it. */
function pageTexts(detail: OfferDetail, allContacts: OfferDetail['contacts']): ShownText[] {
  const { service, organization, locations, schedules } = detail;
  return [
    ...SERVICE_TEXTS.map((f) => shown(service, f)),
    ...(organization ? [shown(organization, 'name'), shown(organization, 'description')] : []),
    ...locations.flatMap((l) =>
      ['name', 'description', 'accessibility', 'transportation'].map((f) => shown(l, f)),
    ),
    ...allContacts.flatMap((c) => [shown(c, 'title'), shown(c, 'availability')]),
    ...schedules.map((s) => shown(s, 'notes')),
  ];
}

function Detail({ detail }: { detail: OfferDetail }) {
  const { service, organization, locations, schedules, contacts, organizationContacts } = detail;
  const hasReach = Boolean(service.phone || service.email || service.url);
  const allContacts = [...contacts, ...organizationContacts];
  const quartiere = useMemo(() => [...new Set(locations.map((l) => l.quartier))], [locations]);
  const text = (f: ServiceText) => shown(service, f);
  const name = text('name');
  const description = text('description');
  const fact = (f: ServiceText) => {
    const x = text(f);
    return x.text ? <span {...contentAttrs(x)}>{x.text}</span> : null;
  };
  const orgName = organization ? shown(organization, 'name') : null;
  const orgDescription = organization ? shown(organization, 'description') : null;

  return (
    <article class="service-detail">
      <header class="service-detail__head">
        <PageHeading title={name.text}>
          <span {...contentAttrs(name)}>{name.text}</span>
        </PageHeading>
        <ContentNotes texts={pageTexts(detail, allContacts)} />
        {service.alternate_name && (
          <p class="service-detail__alt" {...contentAttrs(text('alternate_name'))}>
            {service.alternate_name}
          </p>
        )}
        {orgName && (
          <p class="service-detail__provider">
            <span class="muted">{t('detail.provider')}:</span>{' '}
            <bdi {...contentAttrs(orgName)}>{orgName.text}</bdi>
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

      {description.text && (
        <DetailSection id="sd-about" title={t('detail.about')}>
          <p class="pre-line" {...contentAttrs(description)}>
            {description.text}
          </p>
        </DetailSection>
      )}

      <DetailSection id="sd-schedules" title={t('detail.schedules')}>
        {schedules.length > 0 ? (
          <>
            <ScheduleList schedules={schedules} locations={locations} />
            <OfferDates
              name={name.text}
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
            { term: t('detail.legalBasis'), value: fact('legal_basis') },
            { term: t('detail.fees'), value: fact('fees_description') },
            { term: t('detail.eligibility'), value: fact('eligibility_description') },
            { term: t('detail.application'), value: fact('application_process') },
          ]}
        />
      </DetailSection>

      <RelatedOffers service={service} quartiere={quartiere} />

      {organization && orgName && orgDescription && (
        <DetailSection id="sd-provider" title={t('detail.provider')}>
          <p class="service-detail__org-name" {...contentAttrs(orgName)}>
            {orgName.text}
          </p>
          {orgDescription.text && (
            <p class="pre-line" {...contentAttrs(orgDescription)}>
              {orgDescription.text}
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
