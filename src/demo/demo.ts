/**
 * Turns the readable demo tables into validated records. Every record goes through its zod
 * schema, so the demo doubles as a smoke test of the model and carries its defaults.
 */
import { Contact, Location, Organization, Schedule, Service } from '../model';
import { stableId } from './ids';
import { LOCATIONS, type LocKey } from './locations';
import { ARBEIT_OFFERS } from './offers-arbeit';
import { FAMILIE_OFFERS } from './offers-familie';
import { INTERN_OFFERS } from './offers-intern';
import { MIGRATION_OFFERS } from './offers-migration';
import { QUARTIER_OFFERS } from './offers-quartier';
import { ORGANIZATIONS, type OrgKey } from './organizations';
import { DEMO_CITY, DEMO_UPDATED_AT, DEMO_UPDATED_BY, type OfferSpec, QUARTIERE } from './spec';
import {
  LOCATION_TRANSLATIONS,
  ORGANIZATION_TRANSLATIONS,
  SCHEDULE_TRANSLATIONS,
  SERVICE_TRANSLATIONS,
} from './translations';
import type { Dataset } from './types';

export const DEMO_OFFERS: readonly OfferSpec[] = [
  ...ARBEIT_OFFERS,
  ...FAMILIE_OFFERS,
  ...MIGRATION_OFFERS,
  ...QUARTIER_OFFERS,
  ...INTERN_OFFERS,
];

export const demoOrganizationId = (key: OrgKey): string => stableId(`organization:${key}`);
export const demoLocationId = (key: LocKey): string => stableId(`location:${key}`);
/** Id of a demo offer by its key (e.g. "jobcenter-vor-ort-huettenfeld"), for tests and e2e. */
export const demoServiceId = (key: string): string => stableId(`service:${key}`);

const METRES_PER_DEGREE = 111_320;

/** Drops undefined entries so parsed records carry no `key: undefined` noise. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function meta(id: string, internal = false) {
  return {
    id,
    version: 0,
    updated_at: DEMO_UPDATED_AT,
    updated_by: DEMO_UPDATED_BY,
    deleted: false,
    visibility: internal ? ('internal' as const) : ('public' as const),
  };
}

function buildOrganizations(): Organization[] {
  return (Object.keys(ORGANIZATIONS) as OrgKey[]).map((key) =>
    Organization.parse(
      compact({
        ...meta(demoOrganizationId(key)),
        ...ORGANIZATIONS[key],
        translations: ORGANIZATION_TRANSLATIONS[key],
      }),
    ),
  );
}

function buildLocations(): Location[] {
  return (Object.keys(LOCATIONS) as LocKey[]).map((key) => {
    const { org, offset, quartier, ...rest } = LOCATIONS[key] as (typeof LOCATIONS)[LocKey] & {
      org?: OrgKey;
    };
    const centre = QUARTIERE[quartier];
    const lat = centre.lat + offset[1] / METRES_PER_DEGREE;
    const lon =
      centre.lon + offset[0] / (METRES_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180));
    return Location.parse(
      compact({
        ...meta(demoLocationId(key)),
        ...rest,
        organization_id: org ? demoOrganizationId(org) : undefined,
        quartier,
        postal_code: centre.postal_code,
        city: DEMO_CITY,
        latitude: Math.round(lat * 1e6) / 1e6,
        longitude: Math.round(lon * 1e6) / 1e6,
        translations: LOCATION_TRANSLATIONS[key],
      }),
    );
  });
}

function buildOffer(o: OfferSpec, out: Dataset): void {
  const serviceId = demoServiceId(o.key);
  const internal = o.internal === true;
  out.services.push(
    Service.parse(
      compact({
        ...meta(serviceId, internal),
        organization_id: demoOrganizationId(o.org),
        name: o.name,
        alternate_name: o.alt,
        description: o.desc,
        url: o.url,
        email: o.email,
        phone: o.phone,
        status: o.status ?? 'active',
        target_groups: o.tg,
        categories: o.cat,
        traits: o.traits ?? [],
        languages: o.langs ?? [],
        legal_basis: o.legal,
        location_ids: o.at.map(demoLocationId),
        fees_description: o.fees,
        eligibility_description: o.eligibility,
        application_process: o.application,
        assured_date: o.assured,
        translations: SERVICE_TRANSLATIONS[o.key],
      }),
    ),
  );
  (o.hours ?? []).forEach(({ at, ...rule }, i) => {
    const where = at ?? o.at[0];
    out.schedules.push(
      Schedule.parse(
        compact({
          // A schedule reveals that its offer exists, so it is never more visible than the offer.
          ...meta(stableId(`schedule:${o.key}:${i}`), internal),
          ...rule,
          service_id: serviceId,
          location_id: where ? demoLocationId(where) : undefined,
          translations: SCHEDULE_TRANSLATIONS[`${o.key}:${i}`],
        }),
      ),
    );
  });
  (o.contacts ?? []).forEach((c, i) => {
    out.contacts.push(
      Contact.parse(
        compact({
          ...meta(stableId(`contact:${o.key}:${i}`), internal || c.internal === true),
          service_id: serviceId,
          organization_id: demoOrganizationId(o.org),
          name: c.name,
          title: c.title,
          phone: c.phone,
          email: c.email,
          languages: c.langs ?? [],
          availability: c.availability,
        }),
      ),
    );
  });
}

/**
 * The demo directory of Emscherhagen: four Quartiere, ~30 Träger, ~90 Angebote. Built fresh
 * on every call (callers may mutate the result) and identical on every call.
 */
export function demoDataset(): Dataset {
  const seen = new Set<string>();
  const out: Dataset = {
    organizations: buildOrganizations(),
    locations: buildLocations(),
    services: [],
    schedules: [],
    contacts: [],
  };
  for (const offer of DEMO_OFFERS) {
    if (seen.has(offer.key)) throw new Error(`Duplicate demo offer key: ${offer.key}`);
    seen.add(offer.key);
    buildOffer(offer, out);
  }
  return out;
}
