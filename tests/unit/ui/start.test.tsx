import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { org, renderApp, service, services, teardown, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

describe('Start page', () => {
  it('shows one tile per target group with the count from the database', async () => {
    const svc = services();
    await svc.db.organizations.put(org(1));
    await svc.db.services.bulkPut([
      service(100, { target_groups: ['alleinerziehende', 'familien'] }),
      service(101, { target_groups: ['alleinerziehende'] }),
      service(102, { target_groups: ['alleinerziehende'], status: 'ended' }),
      service(103, { target_groups: ['wohnungslose'] }),
    ]);
    renderApp('/', svc);

    const tiles = screen.getByRole('list', { name: 'Nach Zielgruppe' });
    expect(within(tiles).getAllByRole('link')).toHaveLength(9);

    const single = await screen.findByRole('link', { name: /Alleinerziehende\s*2 Angebote/ });
    expect(single.getAttribute('href')).toBe('/angebote?zielgruppe=alleinerziehende');
    expect(screen.getByRole('link', { name: /Wohnungslose\s*1 Angebot$/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Senior\*innen\s*Keine Angebote/ })).toBeTruthy();
  });

  it('follows the database: a synced offer updates the count', async () => {
    const svc = services();
    renderApp('/', svc);
    await screen.findByRole('link', { name: /Langzeitarbeitslose\s*Keine Angebote/ });
    expect(screen.getByText(/noch keine Angebote gespeichert/)).toBeTruthy();

    await svc.db.services.put(service(100, { target_groups: ['langzeitarbeitslose'] }));
    await screen.findByRole('link', { name: /Langzeitarbeitslose\s*1 Angebot$/ });
    await waitFor(() => expect(screen.queryByText(/noch keine Angebote gespeichert/)).toBeNull());
  });

  it('has a labelled search field that leads to the list with the query in the URL', async () => {
    const svc = services();
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
