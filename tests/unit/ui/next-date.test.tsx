import { screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOffer } from '../../../src/db/offers';
import { slipFor } from '../../../src/features/weitergeben/slipData';
import { location, org, renderApp, schedule, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

// Thursday 3 December 2026, 10:20 in Berlin: the first Thursday of the month, 9–12, runs.
const THURSDAY_1020 = new Date('2026-12-03T10:20:00+01:00');

async function seed() {
  const svc = testDeps({ now: () => THURSDAY_1020 });
  await svc.db.organizations.put(org(1, { name: 'Stadt Ruhrstadt' }));
  await svc.db.locations.put(location(10, { name: 'Rathaus', quartier: 'Mitte' }));
  await svc.db.services.bulkPut([
    service(100, { name: 'Ausländerbehörde', location_ids: [uid(10)] }),
    service(101, { name: 'Jobcenter', location_ids: [uid(10)] }),
  ]);
  await svc.db.schedules.bulkPut([
    schedule(200, { service_id: uid(100), freq: 'MONTHLY', byday: '1TH' }),
    schedule(201, {
      service_id: uid(101),
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '08:00',
      closes_at: '12:30',
    }),
    schedule(202, {
      service_id: uid(101),
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '14:00',
      closes_at: '17:30',
    }),
  ]);
  return svc;
}

describe('the next date shows the consultation running now', () => {
  it('offer header: "jetzt geöffnet bis 12 Uhr", not next month', async () => {
    renderApp(`/angebote/${uid(100)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Ausländerbehörde' });
    const header = document.querySelector('.service-detail__head') as HTMLElement;
    expect(header.querySelector('.next-date')?.textContent).toBe('jetzt geöffnet bis 12 Uhr');
  });

  it('list cards under ?offen=jetzt carry the badge and the closing time', async () => {
    renderApp('/angebote?offen=jetzt', await seed());
    await waitFor(() => expect(document.querySelectorAll('.service-item').length).toBe(2));
    const cards = [...document.querySelectorAll('.service-item')].map((c) => [
      c.querySelector('h2')?.textContent,
      c.querySelector('.next-date')?.textContent,
    ]);
    expect(cards).toEqual([
      ['Ausländerbehörde', 'jetzt geöffnet bis 12 Uhr'],
      ['Jobcenter', 'jetzt geöffnet bis 12:30 Uhr'],
    ]);
  });

  it('the referral slip lists today first', async () => {
    const svc = await seed();
    const detail = await readOffer(svc.db, uid(100));
    const slip = slipFor(detail!, 'https://wegweiser.example', THURSDAY_1020);
    expect(slip.nextDates).toEqual([
      'Do., 3.12., 9–12 Uhr',
      'Do., 7.1., 9–12 Uhr',
      'Do., 4.2., 9–12 Uhr',
    ]);
  });
});
