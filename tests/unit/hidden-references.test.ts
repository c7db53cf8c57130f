import { afterEach, beforeEach, expect, it } from 'vitest';
import { readOffer } from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import { loadRows } from '../../src/features/angebote/listQuery';
import { listSchedulesWithService } from '../../src/features/sprechstunden/queries';
import type { Service } from '../../src/model';
import { buildDoc } from '../../src/search/documents';
import { applyPullPage } from '../../src/sync/apply';
import {
  contact,
  destroy,
  freshDb,
  location,
  page,
  schedule,
  service,
  uid,
  upsert,
} from './db.fixtures';

/**
 * A resident's pull sends a reference to a Träger or Ort residents cannot see as null (or
 * drops it from a list). The device keeps such an offer and shows it without that record.
 */
let db: WegweiserDB;
const offer = service(100, { organization_id: null as unknown as string, location_ids: [uid(10)] });

beforeEach(async () => {
  db = freshDb().db;
  const result = await applyPullPage(
    db,
    page(
      [
        upsert('locations', location(10, { organization_id: null })),
        upsert('services', offer),
        upsert('schedules', schedule(200, { service_id: offer.id, location_id: null })),
        upsert('contacts', contact(300, { service_id: offer.id, organization_id: null })),
      ],
      '9',
    ),
  );
  expect(result.invalid).toBe(0);
});
afterEach(async () => {
  await destroy(db);
});

it('keeps an offer whose Träger reference was removed, and shows it without a Träger', async () => {
  const detail = await readOffer(db, offer.id);
  expect(detail).toMatchObject({
    service: { id: offer.id, organization_id: null },
    organization: null,
    organizationContacts: [],
    locations: [{ id: uid(10) }],
    contacts: [{ id: uid(300) }],
  });
  const [row] = await loadRows(db, [offer.id]);
  expect(row).toMatchObject({ organization: null, quartiere: ['Heckinghausen'] });
  const { doc } = buildDoc({
    service: (await db.services.get(offer.id)) as Service,
    organization: null,
    locations: detail?.locations ?? [],
    contacts: detail?.contacts ?? [],
  });
  expect(JSON.stringify(doc)).not.toContain('undefined');
  expect(JSON.stringify(doc)).not.toContain('null');
  const hours = await listSchedulesWithService(db, { serviceId: offer.id });
  expect(hours.map((h) => [h.schedule.id, h.location])).toEqual([[uid(200), null]]);
});
