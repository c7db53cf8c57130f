import { isListed } from '../db/derive';
import type { Dataset } from '../demo/types';
import { buildDoc, type DocMeta, type SearchDoc } from './documents';

/**
 * Index documents for a whole data set in memory (tests, benchmarks). The app builds from
 * IndexedDB instead (store.ts); both go through buildDoc. Only offers the directory lists.
 */
export function docsFromDataset(data: Dataset): { doc: SearchDoc; meta: DocMeta }[] {
  const orgs = new Map(data.organizations.map((o) => [o.id, o]));
  const locs = new Map(data.locations.map((l) => [l.id, l]));
  const contactsBy = new Map<string, Dataset['contacts']>();
  for (const c of data.contacts) {
    if (!c.service_id) continue;
    const list = contactsBy.get(c.service_id) ?? [];
    list.push(c);
    contactsBy.set(c.service_id, list);
  }
  return data.services.filter(isListed).map((service) =>
    buildDoc({
      service,
      organization: orgs.get(service.organization_id) ?? null,
      locations: service.location_ids.flatMap((id) => locs.get(id) ?? []),
      contacts: contactsBy.get(service.id) ?? [],
    }),
  );
}
