import { screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contact,
  location,
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
afterEach(teardown);

async function seedDetail(over: Parameters<typeof service>[1] = {}) {
  const svc = testDeps();
  await svc.db.organizations.put(
    org(1, { name: 'Caritasverband Ruhrstadt', website: 'https://caritas.example/' }),
  );
  await svc.db.locations.put(
    location(10, {
      name: 'Stadtteilzentrum Heckinghausen',
      address_1: 'Heckinghauser Straße 12',
      quartier: 'Heckinghausen',
      latitude: 51.2624,
      longitude: 7.2345,
      accessibility: 'Rampe am Seiteneingang',
    }),
  );
  await svc.db.services.put(
    service(100, {
      name: 'Jobcenter vor Ort',
      description: 'Beratung zu Bürgergeld und Arbeit.',
      target_groups: ['langzeitarbeitslose', 'alleinerziehende'],
      categories: ['arbeit'],
      traits: ['ohne-termin', 'kostenlos'],
      languages: ['de', 'tr', 'ar'],
      legal_basis: '§16i SGB II',
      fees_description: 'Kostenlos',
      eligibility_description: 'Menschen mit Bürgergeld',
      application_process: 'Einfach vorbeikommen',
      assured_date: '2026-10-12',
      phone: '0202 563-1000',
      location_ids: [uid(10)],
      ...over,
    }),
  );
  await svc.db.schedules.put(
    schedule(200, {
      freq: 'MONTHLY',
      byday: '-1WE',
      opens_at: '15:00',
      closes_at: '17:00',
      location_id: uid(10),
      notes: 'Bitte Unterlagen mitbringen',
      exdates: ['2026-12-30'],
    }),
  );
  await svc.db.contacts.bulkPut([
    contact(300, {
      service_id: uid(100),
      name: 'Ayşe Demir',
      title: 'Integrationsfachkraft',
      phone: '+49 (0)202 563-1234',
      email: 'ayse.demir@jobcenter.example',
      languages: ['de', 'tr'],
    }),
  ]);
  return svc;
}

describe('Angebot-Detail', () => {
  it('shows all fields, the schedule in German and "Zuletzt geprüft"', async () => {
    renderApp(`/angebote/${uid(100)}`, await seedDetail());
    await screen.findByRole('heading', { level: 1, name: 'Jobcenter vor Ort' });
    expect(document.title).toBe('Jobcenter vor Ort – Quartier-Wegweiser');
    for (const text of [
      'Beratung zu Bürgergeld und Arbeit.',
      'Langzeitarbeitslose, Alleinerziehende',
      'Arbeit & Beschäftigung',
      'Deutsch, Türkisch, Arabisch',
      '§16i SGB II',
      'Menschen mit Bürgergeld',
      'Einfach vorbeikommen',
      'Zuletzt geprüft: 12.10.2026',
      'jeden letzten Mittwoch im Monat',
      '15:00–17:00 Uhr',
      'Bitte Unterlagen mitbringen',
      'Heckinghauser Straße 12',
      'Rampe am Seiteneingang',
    ]) {
      expect(screen.getAllByText(text, { exact: false }).length).toBeGreaterThan(0);
    }
    expect(screen.getByText(/fällt aus: 30\.12\.2026/)).toBeTruthy();
    expect(
      screen.getAllByText('Caritasverband Ruhrstadt', { exact: false }).length,
    ).toBeGreaterThan(0);
  });

  it('links contacts with tel: and mailto:, and the address to OpenStreetMap', async () => {
    renderApp(`/angebote/${uid(100)}`, await seedDetail());
    await screen.findByRole('heading', { level: 1, name: 'Jobcenter vor Ort' });

    const tel = screen.getByRole('link', { name: /Telefon: \+49 \(0\)202 563-1234/ });
    expect(tel.getAttribute('href')).toBe('tel:+492025631234');
    const mail = screen.getByRole('link', { name: /E-Mail: ayse\.demir@jobcenter\.example/ });
    expect(mail.getAttribute('href')).toBe('mailto:ayse.demir@jobcenter.example');
    expect(screen.getByRole('link', { name: /Telefon: 0202 563-1000/ }).getAttribute('href')).toBe(
      'tel:02025631000',
    );

    const map = screen.getByRole('link', { name: /Auf OpenStreetMap anzeigen/ });
    expect(map.getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=51.2624&mlon=7.2345#map=18/51.2624/7.2345',
    );
    expect(map.getAttribute('rel')).toContain('noopener');
  });

  it('never renders a javascript: URL as a link', async () => {
    const svc = await seedDetail({ url: 'javascript:alert(document.cookie)' });
    await svc.db.organizations.put(
      org(1, { name: 'Caritasverband Ruhrstadt', website: ' JAVASCRIPT:alert(1)' }),
    );
    renderApp(`/angebote/${uid(100)}`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Jobcenter vor Ort' });

    // The text stays visible, but not as a link.
    expect(screen.getByText(/javascript:alert\(document\.cookie\)/)).toBeTruthy();
    for (const a of document.querySelectorAll('a')) {
      expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }
  });

  it('shows text with <script> literally', async () => {
    const evil = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=1">';
    const svc = await seedDetail({ name: `Café ${evil}`, description: evil });
    renderApp(`/angebote/${uid(100)}`, svc);
    const h1 = await screen.findByRole('heading', { level: 1 });
    expect(h1.textContent).toBe(`Café ${evil}`);
    expect(screen.getAllByText(evil, { exact: false }).length).toBeGreaterThan(0);
    expect(document.querySelector('main script')).toBeNull();
    expect(document.querySelector('main img')).toBeNull();
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('shows a not-found state for an unknown or deleted offer', async () => {
    const svc = await seedDetail({ deleted: true });
    renderApp(`/angebote/${uid(100)}`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Angebot nicht gefunden' });
    expect(screen.getByRole('link', { name: 'Zur Angebotsliste' }).getAttribute('href')).toBe(
      '/angebote',
    );
  });

  it('a removed offer turns into not-found while open', async () => {
    const svc = await seedDetail();
    renderApp(`/angebote/${uid(100)}`, svc);
    await screen.findByRole('heading', { level: 1, name: 'Jobcenter vor Ort' });
    await svc.db.services.delete(uid(100));
    await screen.findByRole('heading', { level: 1, name: 'Angebot nicht gefunden' });
  });
});
