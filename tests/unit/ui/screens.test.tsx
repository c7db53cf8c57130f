import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbStatusStore } from '../../../src/db/db';
import {
  fakeSync,
  location,
  NOW,
  org,
  renderApp,
  schedule,
  service,
  services,
  teardown,
  uid,
} from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

describe('Sprechstunden', () => {
  it('groups consultation hours by weekday with links to the offers', async () => {
    const svc = services();
    await svc.db.organizations.put(org(1));
    await svc.db.locations.put(location(10, { name: 'Stadtteilzentrum Heckinghausen' }));
    await svc.db.services.bulkPut([
      service(100, { name: 'Jobcenter vor Ort', location_ids: [uid(10)] }),
      service(101, { name: 'Sprachcafé' }),
      service(102, { name: 'Altes Angebot', status: 'ended' }),
    ]);
    await svc.db.schedules.bulkPut([
      schedule(200, {
        service_id: uid(100),
        freq: 'MONTHLY',
        byday: '-1WE',
        opens_at: '15:00',
        closes_at: '17:00',
        location_id: uid(10),
      }),
      schedule(201, { service_id: uid(101), byday: 'MO,TU,WE,TH', opens_at: '09:00' }),
      schedule(202, { service_id: uid(101), freq: 'MONTHLY', byday: null, bymonthday: '15' }),
      schedule(203, { service_id: uid(102), byday: 'FR' }),
    ]);
    renderApp('/sprechstunden', svc);
    await screen.findByRole('heading', { level: 1, name: 'Sprechstunden' });

    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days).toEqual([
      'Montag (1 Sprechstunde)',
      'Dienstag (1 Sprechstunde)',
      'Mittwoch (2 Sprechstunden)',
      'Donnerstag (1 Sprechstunde)',
      'Weitere Termine (1 Sprechstunde)',
    ]);
    const wednesday = screen.getByRole('region', { name: /Mittwoch/ });
    const links = within(wednesday).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Sprachcafé', 'Jobcenter vor Ort']);
    expect(links[1]?.getAttribute('href')).toBe(`/angebote/${uid(100)}`);
    expect(within(wednesday).getByText('jeden letzten Mittwoch im Monat')).toBeTruthy();
    expect(
      within(wednesday).getByText('Stadtteilzentrum Heckinghausen, Heckinghausen'),
    ).toBeTruthy();
    const other = screen.getByRole('region', { name: /Weitere Termine/ });
    expect(within(other).getByText('am 15. des Monats')).toBeTruthy();
    // Ended offers are not listed.
    expect(screen.queryByRole('region', { name: /Freitag/ })).toBeNull();
  });

  it('has a helpful empty state', async () => {
    renderApp('/sprechstunden');
    await screen.findByText('Noch keine Sprechstunden auf diesem Gerät gespeichert.');
  });
});

describe('Info', () => {
  it('shows counts, last sync, storage and version, and syncs on request', async () => {
    const sync = fakeSync({
      status: 'idle',
      lastSyncAt: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
    });
    const svc = services({ sync });
    await svc.db.organizations.put(org(1));
    await svc.db.services.bulkPut([service(100), service(101)]);
    renderApp('/info', svc);
    await screen.findByRole('heading', { level: 1, name: 'Info' });

    const data = screen.getByRole('region', { name: 'Datenstand' });
    await within(data).findByText('2');
    expect(within(data).getByText('14.10.2026, 09:55')).toBeTruthy();
    expect(within(data).getByText('(Aktualisiert vor 5 Min.)')).toBeTruthy();
    const storage = screen.getByRole('region', { name: 'Speicher' });
    expect(await within(storage).findByText('1,4 MB')).toBeTruthy();
    expect(within(storage).getByText('2 GB')).toBeTruthy();
    expect(screen.getByText('9.8.7')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Jetzt aktualisieren' }));
    expect(sync.calls).toBe(1);
    act(() => sync.set({ status: 'syncing' }));
    const busy = screen.getByRole('button', { name: 'Wird aktualisiert …' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(busy);
    expect(sync.calls).toBe(1);
  });
});

describe('database problems', () => {
  it.each([
    [
      { state: 'blocked', error: 'blocked' },
      'Eine ältere Version ist noch in einem anderen Tab geöffnet. Bitte schließen Sie die anderen Tabs.',
    ],
    [{ state: 'error', error: 'quota' }, 'Der Speicher des Geräts ist voll'],
    [{ state: 'error', error: 'unavailable' }, 'privaten Modus'],
    [{ state: 'outdated', error: null }, 'in einem anderen Tab aktualisiert'],
  ] as const)('%j shows a German message', async (status, message) => {
    const dbStatus = createDbStatusStore();
    dbStatus.set(status);
    renderApp('/', services({ dbStatus }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(message);
  });

  it('says nothing while the database is fine', () => {
    const dbStatus = createDbStatusStore();
    dbStatus.set({ state: 'ready', error: null });
    renderApp('/', services({ dbStatus }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
