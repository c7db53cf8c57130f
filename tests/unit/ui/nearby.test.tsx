import { configure, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devicePosition } from '../../../src/features/angebote/NearbySort/position';
import { listHref, parseListParams } from '../../../src/features/angebote/params';
import { location, org, renderApp, resultNames, service, teardown, testDeps, uid } from './helpers';

configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  window.scrollTo = () => {};
  devicePosition.set(null);
});
afterEach(async () => {
  Reflect.deleteProperty(navigator, 'geolocation');
  await teardown();
});

// Three places along one street, a kilometre apart (0.009° of latitude), and one without
// coordinates.
async function seed() {
  const svc = testDeps();
  await svc.db.organizations.bulkPut([org(1)]);
  await svc.db.locations.bulkPut([
    location(10, { name: 'Kiosk Nord', quartier: 'Nordviertel', latitude: 51.52, longitude: 7.2 }),
    location(11, { name: 'Saal Mitte', quartier: 'Mitte', latitude: 51.511, longitude: 7.2 }),
    location(12, { name: 'Büro Süd', quartier: 'Südviertel', latitude: 51.502, longitude: 7.2 }),
    location(13, { name: 'Ohne Karte', quartier: 'Mitte' }),
  ]);
  await svc.db.services.bulkPut([
    service(100, { name: 'Anna-Beratung', location_ids: [uid(10)] }),
    service(101, { name: 'Bürgertreff', location_ids: [uid(13)] }),
    service(102, { name: 'Caféstube', location_ids: [uid(12)] }),
    service(103, { name: 'Dorfladen', location_ids: [uid(11), uid(10)] }),
  ]);
  return svc;
}

// The first render compiles the lazy list page; slow on a busy machine.
describe('Sortierung „In meiner Nähe“', { timeout: 20_000 }, () => {
  it('keeps sort and origin in the URL next to the filters', () => {
    const href = listHref({ q: 'kita', quartiere: ['Mitte'], sortierung: 'naehe', von: 'Mitte' });
    expect(href).toBe('/angebote?q=kita&quartier=Mitte&sortierung=naehe&von=Mitte');
    expect(parseListParams(href.split('?')[1] ?? '')).toEqual({
      q: 'kita',
      quartiere: ['Mitte'],
      sortierung: 'naehe',
      von: 'Mitte',
    });
    // Anything else is ignored, and `von` only counts with the sort.
    expect(parseListParams('sortierung=preis&von=Mitte')).toEqual({});
  });

  it('sorts by distance from a Quartier; offers without coordinates last, with a note', async () => {
    renderApp('/angebote?sortierung=naehe&von=S%C3%BCdviertel', await seed());
    await waitFor(() =>
      expect(resultNames()).toEqual(['Caféstube', 'Dorfladen', 'Anna-Beratung', 'Bürgertreff']),
    );
    expect(
      screen.getByText(
        'Nach Entfernung ab der Mitte von Südviertel. 1 Angebot ohne Koordinaten am Ende.',
      ),
    ).toBeTruthy();
  });

  it('sorts from an address among the known places', async () => {
    renderApp(`/angebote?sortierung=naehe&von=${uid(10)}`, await seed());
    await waitFor(() =>
      expect(resultNames()).toEqual(['Anna-Beratung', 'Dorfladen', 'Caféstube', 'Bürgertreff']),
    );
  });

  it('asks for the position only when the user chooses it, then sorts from there', async () => {
    let asked = 0;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition(ok: PositionCallback) {
          asked++;
          ok({ coords: { latitude: 51.503, longitude: 7.2 } } as GeolocationPosition);
        },
      },
    });
    renderApp('/angebote', await seed());
    await waitFor(() =>
      expect(resultNames()).toEqual(['Anna-Beratung', 'Bürgertreff', 'Caféstube', 'Dorfladen']),
    );
    expect(asked).toBe(0);
    fireEvent.change(screen.getByLabelText('Sortierung'), { target: { value: 'standort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sortieren' }));
    await waitFor(() =>
      expect(resultNames()).toEqual(['Caféstube', 'Dorfladen', 'Anna-Beratung', 'Bürgertreff']),
    );
    expect(asked).toBe(1);
    expect(window.location.search).toBe('?sortierung=naehe');
    expect(screen.getByText(/^Nach Entfernung ab Ihrem Standort\./)).toBeTruthy();
  });

  it('a refused position says what to do instead and keeps the order', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition(_ok: PositionCallback, fail: PositionErrorCallback) {
          fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError);
        },
      },
    });
    renderApp('/angebote?sortierung=naehe', await seed());
    // Opened from a link: nothing is asked until the user taps.
    await screen.findByText(/braucht die App Ihren Standort/);
    fireEvent.click(screen.getByRole('button', { name: 'Standort verwenden' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Standort nicht freigegeben. Wählen Sie ein Quartier oder eine Adresse.',
    );
    await waitFor(() =>
      expect(resultNames()).toEqual(['Anna-Beratung', 'Bürgertreff', 'Caféstube', 'Dorfladen']),
    );
  });
});
