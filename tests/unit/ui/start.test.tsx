import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { META_KEYS } from '../../../src/db/schema';
import { fakeSync, org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

/** What a finished pull leaves behind (src/sync/pull.ts). */
const markSynced = (svc: ReturnType<typeof testDeps>) =>
  svc.db.meta.put({ key: META_KEYS.lastSyncAt, value: '2026-10-14T07:55:00.000Z' });

const tilesList = () => screen.getByRole('list', { name: 'Nach Zielgruppe' });
const countTexts = () =>
  [...tilesList().querySelectorAll('.tg-tiles__count')].map((n) => n.textContent?.trim());
const noDataText = /noch keine Angebote gespeichert/;
const emptyText = 'Zurzeit sind keine Angebote eingetragen.';

describe('Start page', () => {
  it('shows one tile per target group with the count from the database', async () => {
    const svc = testDeps();
    await svc.db.organizations.put(org(1));
    await svc.db.services.bulkPut([
      service(100, { target_groups: ['alleinerziehende', 'familien'] }),
      service(101, { target_groups: ['alleinerziehende'] }),
      service(102, { target_groups: ['alleinerziehende'], status: 'ended' }),
      service(103, { target_groups: ['wohnungslose'] }),
    ]);
    await markSynced(svc);
    renderApp('/', svc);

    const tiles = screen.getByRole('list', { name: 'Nach Zielgruppe' });
    expect(within(tiles).getAllByRole('link')).toHaveLength(9);

    const single = await screen.findByRole('link', { name: /Alleinerziehende\s*2 Angebote/ });
    expect(single.getAttribute('href')).toBe('/angebote?zielgruppe=alleinerziehende');
    expect(screen.getByRole('link', { name: /Wohnungslose\s*1 Angebot$/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Senior\*innen\s*Keine Angebote/ })).toBeTruthy();
  });

  it('during the first sync: a loading state, no "Keine Angebote", then the counts', async () => {
    const svc = testDeps({ sync: fakeSync({ status: 'syncing', lastSyncAt: null }) });
    renderApp('/', svc);
    expect(await screen.findByText('Daten werden geladen …')).toBeTruthy();
    // A page of the sync has arrived, the sync is not done: still no counts.
    await svc.db.services.put(service(100, { target_groups: ['langzeitarbeitslose'] }));
    await new Promise((r) => setTimeout(r, 50));
    expect(countTexts().every((c) => c === '')).toBe(true);
    expect(screen.queryByText(/Keine Angebote/)).toBeNull();
    expect(screen.queryByText(noDataText)).toBeNull();
    expect(screen.queryByText(emptyText)).toBeNull();

    await markSynced(svc);
    await screen.findByRole('link', { name: /Langzeitarbeitslose\s*1 Angebot$/ });
    expect(screen.getByRole('link', { name: /Senior\*innen\s*Keine Angebote/ })).toBeTruthy();
    expect(screen.queryByText(emptyText)).toBeNull();
  });

  it('says there are no offers only when the sync is done and nothing came', async () => {
    const svc = testDeps({
      sync: fakeSync({ status: 'idle', lastSyncAt: '2026-10-14T07:55:00Z' }),
    });
    await markSynced(svc);
    renderApp('/', svc);
    expect(await screen.findByText(emptyText)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Senior\*innen\s*Keine Angebote/ })).toBeTruthy();
    // Below the tiles, so that it moves nothing above them when it appears.
    const notice = screen.getByText(emptyText);
    expect(
      tilesList().compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    await svc.db.services.put(service(100, { target_groups: ['langzeitarbeitslose'] }));
    await screen.findByRole('link', { name: /Langzeitarbeitslose\s*1 Angebot$/ });
    await waitFor(() => expect(screen.queryByText(emptyText)).toBeNull());
  });

  it('offline with nothing on the device: says the offers come with a connection', async () => {
    const svc = testDeps({ sync: fakeSync({ status: 'offline', lastSyncAt: null }) });
    renderApp('/', svc);
    expect(await screen.findByText(noDataText)).toBeTruthy();
    expect(countTexts().every((c) => c === '')).toBe(true);
    expect(screen.queryByText(emptyText)).toBeNull();
  });

  it('has a labelled search field that leads to the list with the query in the URL', async () => {
    const svc = testDeps();
    await svc.db.services.bulkPut([
      service(100, { name: 'Schuldnerberatung', organization_id: uid(1) }),
      service(101, { name: 'Sprachcafé' }),
    ]);
    renderApp('/', svc);
    const input = screen.getByRole('searchbox', { name: 'Angebot suchen' });
    expect(input.getAttribute('type')).toBe('search');
    fireEvent.input(input, { target: { value: 'schuldner' } });
    fireEvent.submit(input.closest('form')!);

    expect(window.location.pathname).toBe('/angebote');
    expect(new URLSearchParams(window.location.search).get('q')).toBe('schuldner');
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(screen.getByRole('link', { name: 'Schuldnerberatung' })).toBeTruthy();
  });
});
