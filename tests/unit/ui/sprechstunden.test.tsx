/**
 * The resident view "Sprechstunden" and its deep links, at a fixed clock:
 * NOW = Wednesday 14 Oct 2026, 10:00 Berlin (tests/unit/ui/helpers.ts).
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fakeSync,
  location,
  NOW,
  org,
  renderApp,
  schedule,
  service,
  teardown,
  testDeps,
  uid,
} from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(() => {
  vi.restoreAllMocks();
  return teardown();
});

async function seed() {
  const svc = testDeps();
  await svc.db.organizations.put(org(1, { name: 'Caritas Ruhrstadt' }));
  await svc.db.locations.bulkPut([
    location(10, { name: 'Stadtteilzentrum Heckinghausen', quartier: 'Heckinghausen' }),
    location(11, { name: 'Bürgerhaus Oberbarmen', quartier: 'Oberbarmen' }),
  ]);
  await svc.db.services.bulkPut([
    service(100, { name: 'Jobcenter vor Ort', location_ids: [uid(10)] }),
    service(101, { name: 'Sprachcafé', location_ids: [uid(11)] }),
    service(102, { name: 'Schuldnerberatung', location_ids: [uid(10)] }),
    service(103, { name: 'Altes Angebot', status: 'ended', location_ids: [uid(10)] }),
  ]);
  await svc.db.schedules.bulkPut([
    // Open now, ends 10:40: "noch 40 Min.".
    schedule(200, {
      service_id: uid(100),
      location_id: uid(10),
      byday: 'WE',
      opens_at: '09:00',
      closes_at: '10:40',
      exdates: ['2026-10-21'],
    }),
    // Later today.
    schedule(201, {
      service_id: uid(101),
      location_id: uid(11),
      byday: 'WE',
      opens_at: '14:00',
      closes_at: '16:00',
    }),
    // Friday this week; Sundays, one of them Allerheiligen.
    schedule(202, {
      service_id: uid(102),
      location_id: uid(10),
      byday: 'FR',
      opens_at: '13:00',
      closes_at: '15:00',
    }),
    schedule(203, {
      service_id: uid(102),
      location_id: uid(10),
      byday: 'SU',
      opens_at: '11:00',
      closes_at: '12:00',
    }),
    // Last Wednesday of the month: not this week.
    schedule(204, {
      service_id: uid(101),
      location_id: uid(11),
      freq: 'MONTHLY',
      byday: '-1WE',
      opens_at: '15:00',
      closes_at: '17:00',
    }),
    // An ended offer is never listed.
    schedule(205, { service_id: uid(103), location_id: uid(10), byday: 'WE' }),
  ]);
  return svc;
}

const region = (name: RegExp) => screen.getByRole('region', { name });

describe('Sprechstunden (resident view)', () => {
  it('shows what is open now with a countdown, and what comes later today', async () => {
    renderApp('/sprechstunden', await seed());
    await screen.findByRole('heading', { level: 1, name: 'Sprechstunden' });
    const open = await waitFor(() => region(/Jetzt geöffnet/));
    expect(within(open).getByRole('link', { name: 'Jobcenter vor Ort' }).getAttribute('href')).toBe(
      `/sprechstunden/angebot/${uid(100)}`,
    );
    expect(within(open).getByText('jetzt offen')).toBeTruthy();
    expect(within(open).getByText(/noch 40 Min\./)).toBeTruthy();
    expect(
      within(open)
        .getByRole('link', { name: 'Stadtteilzentrum Heckinghausen' })
        .getAttribute('href'),
    ).toBe(`/sprechstunden/ort/${uid(10)}`);

    const later = region(/Heute noch/);
    expect(within(later).getByText(/14:00–16:00 Uhr/)).toBeTruthy();
    expect(within(later).getByText('Sprachcafé')).toBeTruthy();
    expect(screen.queryByText('Altes Angebot')).toBeNull();
    expect(screen.queryByText('Schuldnerberatung')).toBeNull();
  });

  it('shows the next seven days by day, and filters by Quartier', async () => {
    renderApp('/sprechstunden?ansicht=woche', await seed());
    await waitFor(() => region(/Freitag, 16\. Oktober/));
    expect(within(region(/Freitag, 16\. Oktober/)).getByText('Schuldnerberatung')).toBeTruthy();
    expect(within(region(/Sonntag, 18\. Oktober/)).getByText(/11:00–12:00 Uhr/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Diese Woche' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The monthly date (28 Oct) is not within the week.
    expect(screen.queryByText(/15:00–17:00 Uhr/)).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: 'Quartier' }), {
      target: { value: 'Oberbarmen' },
    });
    await waitFor(() => expect(screen.queryByText('Schuldnerberatung')).toBeNull());
    expect(window.location.search).toBe('?ansicht=woche&quartier=Oberbarmen');
    expect(screen.getAllByText('Sprachcafé').length).toBeGreaterThan(0);
  });

  it('opens an offer by its deep link: plain words, next dates, cancelled ones struck out', async () => {
    renderApp(`/sprechstunden/angebot/${uid(102)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Schuldnerberatung' });
    expect(screen.getByText('zurzeit geschlossen')).toBeTruthy();
    const hours = region(/Sprechzeiten/);
    expect(within(hours).getByText('freitags, 13:00–15:00 Uhr')).toBeTruthy();
    expect(within(hours).getByText('sonntags, 11:00–12:00 Uhr')).toBeTruthy();

    const next = region(/Nächste Termine/);
    const items = within(next).getAllByRole('listitem');
    // Fr 16, So 18, Fr 23, So 25, Fr 30, So 1 (Allerheiligen, cancelled), Fr 6.
    expect(items.map((li) => li.querySelector('time')?.textContent)).toEqual([
      'Fr., 16.10., 13:00–15:00 Uhr',
      'So., 18.10., 11:00–12:00 Uhr',
      'Fr., 23.10., 13:00–15:00 Uhr',
      'So., 25.10., 11:00–12:00 Uhr',
      'Fr., 30.10., 13:00–15:00 Uhr',
    ]);
    expect(
      within(region(/Ort/)).getByRole('link', { name: 'Stadtteilzentrum Heckinghausen' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alle Infos zum Angebot' }).getAttribute('href')).toBe(
      `/angebote/${uid(102)}`,
    );
  });

  it('strikes out a cancelled date with "fällt aus"', async () => {
    renderApp(`/sprechstunden/angebot/${uid(100)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Jobcenter vor Ort' });
    const next = region(/Nächste Termine/);
    const cancelled = within(next).getByText('fällt aus').closest('li')!;
    expect(cancelled.querySelector('del')?.textContent).toBe('Mi., 21.10., 9:00–10:40 Uhr');
    // The running one comes first, marked open.
    const first = within(next).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('heute');
    expect(within(first).getByText('jetzt offen')).toBeTruthy();
  });

  it('opens a place by its deep link with every offer held there', async () => {
    renderApp(`/sprechstunden/ort/${uid(10)}`, await seed());
    const h1 = await screen.findByRole('heading', {
      level: 1,
      name: 'Stadtteilzentrum Heckinghausen',
    });
    // The page head (the print-only door notice repeats the address).
    const head = h1.closest('header') as HTMLElement;
    expect(within(head).getByText(/Heckinghauser Straße 12, 42289 Ruhrstadt/)).toBeTruthy();
    const next = region(/Nächste Termine an diesem Ort/);
    expect(within(next).getAllByRole('link', { name: 'Jobcenter vor Ort' }).length).toBeGreaterThan(
      0,
    );
    const offers = region(/Angebote an diesem Ort/);
    expect(
      within(offers)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Jobcenter vor Ort', 'Schuldnerberatung']);
    expect(screen.queryByText('Altes Angebot')).toBeNull();
  });

  it('says so when a deep link points nowhere', async () => {
    renderApp(`/sprechstunden/ort/${uid(999)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Ort nicht gefunden' });
    renderApp(`/sprechstunden/angebot/${uid(999)}`, testDeps());
    await screen.findByRole('heading', { level: 1, name: 'Angebot nicht gefunden' });
  });

  it('waits for the first sync before saying a scanned deep link points nowhere', async () => {
    const sync = fakeSync({ status: 'syncing', lastSyncAt: null });
    renderApp(`/sprechstunden/angebot/${uid(100)}`, testDeps({ sync }));
    await screen.findByText('Sprechstunden werden geladen …');
    // Give the (empty) local query time to settle: the page must keep waiting anyway.
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByRole('heading', { name: 'Angebot nicht gefunden' })).toBeNull();
    expect(screen.getByText('Sprechstunden werden geladen …')).toBeTruthy();
    act(() => sync.set({ status: 'idle', lastSyncAt: NOW.toISOString() }));
    await screen.findByRole('heading', { level: 1, name: 'Angebot nicht gefunden' });
  });

  it('has a helpful empty state, once the first sync is done', async () => {
    const svc = testDeps();
    await svc.db.meta.put({ key: 'lastSyncAt', value: '2026-10-14T07:00:00Z' });
    renderApp('/sprechstunden', svc);
    await screen.findByText('Noch keine Sprechstunden auf diesem Gerät gespeichert.');
  });

  it('during the first sync: loading, not "no hours"', async () => {
    renderApp('/sprechstunden');
    await screen.findByText('Sprechstunden werden geladen …');
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText('Noch keine Sprechstunden auf diesem Gerät gespeichert.')).toBeNull();
  });
});

describe('Sprechstunden in the directory', () => {
  it('shows the next 3 dates on the detail page and exports a calendar file', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return 'blob:test';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp(`/angebote/${uid(102)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Schuldnerberatung' });
    const section = region(/^Sprechstunden$/);
    expect(within(section).getByText('freitags')).toBeTruthy();
    const dates = within(section)
      .getAllByRole('listitem')
      .filter((li) => li.querySelector('time'));
    expect(dates).toHaveLength(3);

    fireEvent.click(within(section).getByRole('button', { name: 'In Kalender übernehmen' }));
    await within(section).findByText(/Kalenderdatei \(12 Monate\)/);
    expect(click).toHaveBeenCalledTimes(1);
    const text = await blobs[0]!.text();
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261016T130000');
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=SU;WKST=MO;UNTIL=/);
    // Allerheiligen (1 Nov, a Sunday in 2026) goes out as an exception.
    expect(text.replace(/\r\n /g, '')).toContain('EXDATE;TZID=Europe/Berlin:20261101T110000');
  });

  it('filters the list by "jetzt geöffnet", "heute" and "diese Woche"', async () => {
    const svc = await seed();
    renderApp('/angebote?offen=jetzt', svc);
    const names = async () => {
      const list = await screen.findByRole('list', { name: 'Suchergebnisse' });
      return within(list)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent?.trim() ?? '');
    };
    await waitFor(async () => expect(await names()).toEqual(['Jobcenter vor Ort']));
    const filter = screen.getByRole('navigation', { name: 'Geöffnet' });
    expect(
      within(filter).getByRole('link', { name: 'jetzt geöffnet' }).getAttribute('aria-current'),
    ).toBe('true');

    fireEvent.click(within(filter).getByRole('link', { name: 'heute' }));
    await waitFor(async () => expect(await names()).toEqual(['Jobcenter vor Ort', 'Sprachcafé']));
    expect(window.location.search).toBe('?offen=heute');

    fireEvent.click(within(filter).getByRole('link', { name: 'diese Woche' }));
    await waitFor(async () =>
      expect(await names()).toEqual(['Jobcenter vor Ort', 'Schuldnerberatung', 'Sprachcafé']),
    );
    // The chosen filter links back to the list without it.
    expect(within(filter).getByRole('link', { name: 'diese Woche' }).getAttribute('href')).toBe(
      '/angebote',
    );
  });
});
