import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { location, org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

async function seed() {
  const svc = testDeps();
  await svc.db.organizations.bulkPut([
    org(1, { name: 'Caritasverband Ruhrstadt' }),
    org(2, { name: 'Diakonie' }),
  ]);
  await svc.db.locations.bulkPut([
    location(10, { quartier: 'Heckinghausen' }),
    location(11, { quartier: 'Oberbarmen' }),
  ]);
  await svc.db.services.bulkPut([
    service(100, {
      name: 'Jugendberufsagentur',
      target_groups: ['jugendliche'],
      categories: ['schule-beruf'],
      traits: ['ohne-termin', 'kostenlos'],
      location_ids: [uid(10)],
    }),
    service(101, {
      name: 'Alleinerziehenden-Treff',
      target_groups: ['alleinerziehende'],
      organization_id: uid(2),
      location_ids: [uid(11)],
    }),
    service(102, {
      name: 'Ausbildungslotsen',
      description: 'Begleitung in die Ausbildung',
      target_groups: ['jugendliche', 'fluchthintergrund'],
      organization_id: uid(2),
      location_ids: [uid(11)],
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

describe('Angebotsliste', () => {
  it('filters by the target group in the URL and shows name, provider, Quartier, traits', async () => {
    renderApp('/angebote?zielgruppe=jugendliche', await seed());
    await screen.findByRole('heading', { level: 1, name: '2 Angebote' });
    expect(resultNames()).toEqual(['Ausbildungslotsen', 'Jugendberufsagentur']);

    const item = screen.getByRole('link', { name: 'Jugendberufsagentur' }).closest('li')!;
    expect(within(item).getByText('Caritasverband Ruhrstadt')).toBeTruthy();
    expect(within(item).getByText('Heckinghausen')).toBeTruthy();
    expect(within(item).getByText('ohne Termin')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Jugendberufsagentur' }).getAttribute('href')).toBe(
      `/angebote/${uid(100)}`,
    );
  });

  it('shows active filters as removable chips; removing is a navigation', async () => {
    renderApp('/angebote?q=lotsen&zielgruppe=jugendliche', await seed());
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Ausbildungslotsen']);

    const chip = screen.getByRole('link', {
      name: 'Filter entfernen: Zielgruppe: Jugendliche und junge Erwachsene',
    });
    fireEvent.click(chip);
    expect(window.location.search).toBe('?q=lotsen');
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(screen.queryByRole('link', { name: /Filter entfernen: Zielgruppe/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Filter entfernen: Suche: „lotsen“' })).toBeTruthy();
  });

  it('searches case-insensitively in name, description and provider', async () => {
    renderApp('/angebote?q=DIAKONIE', await seed());
    await screen.findByRole('heading', { level: 1, name: '2 Angebote' });
    expect(resultNames()).toEqual(['Alleinerziehenden-Treff', 'Ausbildungslotsen']);
  });

  it('answers a whole question and says in one line why an offer fits', async () => {
    const svc = await seed();
    await svc.db.services.put(
      service(103, { name: 'Schuldnerberatung', description: 'Hilfe bei Geldsorgen' }),
    );
    renderApp(`/angebote?q=${encodeURIComponent('Ich habe Schulden, wer hilft mir?')}`, svc);
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Schuldnerberatung']);
    expect(screen.getByText(/passt zu: schulden → Schuldnerberatung/i)).toBeTruthy();
  });

  it('a new search on the list keeps the target group', async () => {
    renderApp('/angebote?zielgruppe=jugendliche', await seed());
    await screen.findByRole('heading', { level: 1, name: '2 Angebote' });
    const input = screen.getByRole('searchbox', { name: 'Angebot suchen' });
    fireEvent.input(input, { target: { value: 'Agentur' } });
    fireEvent.submit(input.closest('form')!);
    expect(window.location.search).toBe('?q=Agentur&zielgruppe=jugendliche');
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Jugendberufsagentur']);
  });

  it('filters by Quartier', async () => {
    renderApp('/angebote?quartier=Heckinghausen', await seed());
    await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    expect(resultNames()).toEqual(['Jugendberufsagentur']);
  });

  it('explains an empty result and offers to drop the filters', async () => {
    renderApp('/angebote?zielgruppe=seniorinnen', await seed());
    await screen.findByRole('heading', { level: 1, name: 'Keine Angebote' });
    expect(screen.getByText('Keine passenden Angebote')).toBeTruthy();
    const clear = screen.getByRole('link', { name: 'Alle Filter entfernen' });
    expect(clear.getAttribute('href')).toBe('/angebote');
  });

  it('renders thousands incrementally: 50 first, more on request', async () => {
    const svc = testDeps();
    await svc.db.organizations.put(org(1));
    await svc.db.services.bulkPut(
      Array.from({ length: 1200 }, (_, i) =>
        service(1000 + i, { name: `Angebot ${String(i).padStart(4, '0')}` }),
      ),
    );
    renderApp('/angebote', svc);
    await screen.findByRole('heading', { level: 1, name: '1.200 Angebote' });
    expect(resultNames()).toHaveLength(50);
    expect(screen.getByText('50 von 1.200 angezeigt')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Mehr anzeigen' }));
    await waitFor(() => expect(resultNames()).toHaveLength(100));
    expect(resultNames()[50]).toBe('Angebot 0050');
  });
});
