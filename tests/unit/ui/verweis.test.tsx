/**
 * Verweisberatung in the UI: live search with highlights, combinable filters in the URL,
 * help when nothing matches, the detail's extras, the referral slip and the Merkliste.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../../../src/app/deps';
import { signedIn } from './editor.fixtures';
import { contact, location, org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(async () => {
  vi.restoreAllMocks();
  await teardown();
});

async function seed(svc: AppDeps = testDeps()) {
  await svc.db.organizations.bulkPut([
    org(1, { name: 'Caritasverband Ruhrstadt' }),
    org(2, { name: 'Diakonie' }),
  ]);
  await svc.db.locations.bulkPut([
    location(10, { quartier: 'Heckinghausen', address_1: 'Mülheimer Straße 2' }),
    location(11, { quartier: 'Oberbarmen' }),
  ]);
  await svc.db.services.bulkPut([
    service(100, {
      name: 'Schuldnerberatung im Quartiersbüro',
      target_groups: ['alleinerziehende', 'langzeitarbeitslose'],
      categories: ['schulden', 'beratung'],
      traits: ['kostenlos', 'ohne-termin'],
      languages: ['de', 'ar'],
      location_ids: [uid(10)],
      phone: '0202 563-1234',
    }),
    service(101, {
      name: 'Integrationskurs mit Kinderbetreuung',
      target_groups: ['fluchthintergrund', 'alleinerziehende'],
      categories: ['sprache'],
      traits: ['kostenlos'],
      languages: ['de', 'ar', 'tr'],
      organization_id: uid(2),
      location_ids: [uid(10)],
    }),
    service(102, {
      name: 'Seniorentreff',
      description: 'Kaffee und Kuchen',
      target_groups: ['seniorinnen'],
      categories: ['begegnung'],
      traits: [],
      languages: ['de'],
      organization_id: uid(2),
      location_ids: [uid(11)],
    }),
  ]);
  await svc.db.contacts.bulkPut([
    contact(200, { service_id: uid(100), name: 'Beratungsteam', phone: '0202 1' }),
    contact(201, {
      service_id: uid(100),
      name: 'Direkte Durchwahl',
      phone: '0170 999',
      visibility: 'internal',
    }),
  ]);
  return svc;
}

function resultNames(): string[] {
  const list = screen.getByRole('list', { name: 'Suchergebnisse' });
  return within(list)
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '');
}

describe('live search on the list', () => {
  it('shows results while typing, with the matches marked, and puts the query in the URL', async () => {
    renderApp('/angebote', await seed());
    await screen.findByRole('heading', { level: 1, name: '3 Angebote' });
    const input = screen.getByRole('searchbox', { name: 'Angebot suchen' });
    const before = window.history.length;
    input.focus();

    fireEvent.input(input, { target: { value: 'Schuldnerbertung' } });
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Schuldnerberatung im Quartiersbüro']);
    const mark = screen.getByRole('link', { name: 'Schuldnerberatung im Quartiersbüro' });
    expect(mark.querySelector('mark')?.textContent).toBe('Schuldnerberatung');
    // Typing keeps the focus in the field.
    expect(document.activeElement).toBe(input);

    await waitFor(() => expect(window.location.search).toBe('?q=Schuldnerbertung'));
    expect(window.history.length).toBe(before + 1);
    fireEvent.input(input, { target: { value: 'kurs' } });
    await waitFor(() => expect(window.location.search).toBe('?q=kurs'));
    // Later keystrokes replace the entry: one "back" returns to the list without query.
    expect(window.history.length).toBe(before + 1);
    expect(resultNames()).toEqual(['Integrationskurs mit Kinderbetreuung']);
    expect(document.activeElement).toBe(input);
  });

  it('combines filters of several kinds; each tick is a history entry', async () => {
    renderApp('/angebote?zielgruppe=alleinerziehende', await seed());
    await screen.findByRole('heading', { level: 1, name: '2 Angebote' });

    fireEvent.click(screen.getByText('Filter (1 aktiv)'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Türkisch' }));
    expect(window.location.search).toBe('?zielgruppe=alleinerziehende&sprache=tr');
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Integrationskurs mit Kinderbetreuung']);

    // Within a kind the choices widen the search.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Senior*innen' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Türkisch' }));
    await screen.findByRole('heading', { level: 1, name: '3 Angebote' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'ohne Termin' }));
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Schuldnerberatung im Quartiersbüro']);
    expect(new URLSearchParams(window.location.search).getAll('zielgruppe')).toEqual([
      'alleinerziehende',
      'seniorinnen',
    ]);
    expect(screen.getByRole('link', { name: 'Filter entfernen: ohne Termin' })).toBeTruthy();
  });

  it('helps when nothing matches: a similar word from the data, found outside the filters', async () => {
    renderApp('/angebote?q=Schuldnerbertung&quartier=Oberbarmen', await seed());
    await screen.findByRole('heading', { level: 1, name: 'Keine Angebote' });
    expect(screen.getByText('Nichts gefunden für „Schuldnerbertung“')).toBeTruthy();
    // The suggestions are worked out by the data service after the empty result shows.
    // Schuldnerberatung has no offer in Oberbarmen, so the way out drops the Quartier too.
    const near = await screen.findByRole('link', { name: 'Schuldnerberatung' });
    expect(near.getAttribute('href')).toBe('/angebote?q=Schuldnerberatung');
  });

  it('fills with the best partial matches when no offer has every word', async () => {
    renderApp('/angebote?q=Schuldnerbertung+Kaffee&quartier=Oberbarmen', await seed());
    // No offer has both words (one is misspelt); the one in Oberbarmen with Kaffee stays.
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Seniorentreff']);
  });
});

describe('start page search', () => {
  it('shows the best offers while typing, without leaving the page', async () => {
    renderApp('/', await seed());
    const input = screen.getByRole('searchbox', { name: 'Angebot suchen' });
    fireEvent.input(input, { target: { value: 'Deutschkurs' } });
    const link = await screen.findByRole('link', { name: /Integrationskurs mit Kinderbetreuung/ });
    expect(link.getAttribute('href')).toBe(`/angebote/${uid(101)}`);
    expect(window.location.pathname).toBe('/');
    expect(screen.getByText('1 Angebot gefunden')).toBeTruthy();
  });
});

describe('offer detail extras', () => {
  it('offers Weitergeben, Merken and related offers of the same group and Quartier', async () => {
    renderApp(`/angebote/${uid(100)}`, await seed());
    await screen.findByRole('heading', { level: 1, name: 'Schuldnerberatung im Quartiersbüro' });
    expect(screen.getByRole('link', { name: 'Weitergeben' }).getAttribute('href')).toBe(
      `/angebote/${uid(100)}/weitergeben`,
    );
    const related = await screen.findByRole('region', { name: 'Passt auch' });
    expect(
      within(related).getByRole('link', { name: 'Integrationskurs mit Kinderbetreuung' }),
    ).toBeTruthy();
    expect(within(related).queryByText('Seniorentreff')).toBeNull();

    const save = screen.getByRole('button', { name: 'Merken' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Gemerkt' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
  });

  it('lists saved offers on the Merkliste', async () => {
    const svc = await seed();
    await svc.db.meta.put({
      key: 'merkliste',
      value: [
        { id: uid(101), at: '2026-10-14T08:00:00Z' },
        { id: uid(999), at: '2026-10-13T08:00:00Z' },
      ],
    });
    // A finished sync: a saved offer that is not here is gone, not on its way.
    await svc.db.meta.put({ key: 'lastSyncAt', value: '2026-10-14T07:00:00Z' });
    renderApp('/merkliste', svc);
    await screen.findByRole('heading', { level: 1, name: 'Merkliste' });
    const list = await screen.findByRole('list', { name: 'Merkliste' });
    expect(
      within(list).getByRole('link', { name: 'Integrationskurs mit Kinderbetreuung' }),
    ).toBeTruthy();
    expect(screen.getByText('Nicht mehr verfügbar')).toBeTruthy();
  });
});

describe('Weitergeben', () => {
  it('hands over a slip without internal contacts and queues an anonymous referral', async () => {
    const svc = await seed((await signedIn('worker')).svc);
    const share = vi.fn(async () => {});
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    renderApp(`/angebote/${uid(100)}/weitergeben`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Weitergeben' });

    const slip = screen.getByRole('article', { name: 'Schuldnerberatung im Quartiersbüro' });
    expect(within(slip).getByText(/Mülheimer Straße 2/)).toBeTruthy();
    expect(within(slip).queryByText(/0170 999/)).toBeNull();
    expect(within(slip).getByRole('img', { name: /QR-Code/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Als SMS/ }).getAttribute('href')).toMatch(
      /^sms:\?&body=Schuldnerberatung/,
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Alleinerziehende' }));
    fireEvent.click(screen.getByRole('button', { name: /Teilen/ }));
    await screen.findByText('Geteilt. Weitergabe notiert.');
    expect(screen.getByRole('group', { name: /Für wen/ })).toBeTruthy();
    expect(share).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${window.location.origin}/angebote/${uid(100)}` }),
    );

    const entries = await svc.db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ table: 'referrals', op: 'upsert' });
    const referral = await svc.db.referrals.get(entries[0]!.recordId);
    expect(referral).toMatchObject({
      service_id: uid(100),
      target_groups: ['alleinerziehende'],
      quartier: 'Heckinghausen',
      channel: 'share',
      visibility: 'internal',
    });
    expect(referral?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Nothing about the person: only the referral's own fields (and the outbox's local mark).
    expect(
      Object.keys(referral!)
        .filter((k) => k !== 'local_state')
        .sort(),
    ).toEqual(
      [
        'channel',
        'date',
        'deleted',
        'id',
        'quartier',
        'service_id',
        'target_groups',
        'updated_at',
        'updated_by',
        'version',
        'visibility',
      ].sort(),
    );

    // The same or another channel in this visit is the same hand-over, not a second one.
    fireEvent.click(screen.getByRole('button', { name: /Teilen/ }));
    fireEvent.click(screen.getByRole('button', { name: 'QR-Code zeigen' }));
    await screen.findByText('QR-Code zum Scannen. Weitergabe notiert.');
    expect(await svc.db.outbox.count()).toBe(1);
    expect(await svc.db.referrals.toArray()).toMatchObject([{ channel: 'share' }]);
    delete (navigator as { share?: unknown }).share;
  });

  it('a resident shares without any record and without the statistics form', async () => {
    const svc = await seed();
    const share = vi.fn(async () => {});
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    renderApp(`/angebote/${uid(100)}/weitergeben`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Weitergeben' });
    expect(screen.queryByRole('group', { name: /Für wen/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Teilen/ }));
    await screen.findByText('Geteilt.');
    fireEvent.click(screen.getByRole('button', { name: 'QR-Code zeigen' }));
    await screen.findByText('QR-Code zum Scannen.');
    expect(screen.queryByText(/Weitergabe notiert/)).toBeNull();
    expect(await svc.db.outbox.count()).toBe(0);
    expect(await svc.db.referrals.count()).toBe(0);
    delete (navigator as { share?: unknown }).share;
  });

  it('a cancelled share is not a referral', async () => {
    const svc = await seed((await signedIn('worker')).svc);
    const abort = Object.assign(new Error('cancelled'), { name: 'AbortError' });
    Object.defineProperty(navigator, 'share', {
      value: vi.fn(async () => {
        throw abort;
      }),
      configurable: true,
    });
    renderApp(`/angebote/${uid(101)}/weitergeben`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Weitergeben' });
    fireEvent.click(screen.getByRole('button', { name: /Teilen/ }));
    await new Promise((r) => setTimeout(r, 50));
    expect(await svc.db.outbox.count()).toBe(0);
    delete (navigator as { share?: unknown }).share;
  });
});
