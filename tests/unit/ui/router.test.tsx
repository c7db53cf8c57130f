import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchRoute, navigate, shouldIntercept } from '../../../src/app/router';
import { org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

function back() {
  window.history.back();
}

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'start' }],
    ['/angebote', { name: 'list' }],
    ['/angebote/', { name: 'list' }],
    ['/angebote/abc-1', { name: 'detail', id: 'abc-1' }],
    ['/sprechstunden', { name: 'schedules' }],
    ['/info', { name: 'info' }],
    ['/angebote/a/b', { name: 'notFound' }],
    ['/angebote/%E0%A4%A', { name: 'notFound' }],
    ['/gibt-es-nicht', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
});

describe('link interception', () => {
  const click = (init: MouseEventInit = {}) =>
    new MouseEvent('click', { button: 0, bubbles: true, cancelable: true, ...init });
  const a = (href: string, attrs: Record<string, string> = {}) => {
    const el = document.createElement('a');
    el.setAttribute('href', href);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };

  it('handles same-origin app links only', () => {
    expect(shouldIntercept(click(), a('/angebote'))).toBe(true);
    expect(shouldIntercept(click(), a('https://www.openstreetmap.org/'))).toBe(false);
    expect(shouldIntercept(click(), a('tel:+49202'))).toBe(false);
    expect(shouldIntercept(click(), a('/angebote', { target: '_blank' }))).toBe(false);
    expect(shouldIntercept(click({ ctrlKey: true }), a('/angebote'))).toBe(false);
    expect(shouldIntercept(click({ button: 1 }), a('/angebote'))).toBe(false);
    expect(shouldIntercept(click(), a('/api/health'))).toBe(false);
    expect(shouldIntercept(click(), a('/favicon.svg'))).toBe(false);
    expect(shouldIntercept(click(), a('#main'))).toBe(false);
  });
});

describe('navigation in the app', () => {
  async function seeded() {
    const svc = testDeps();
    await svc.db.organizations.put(org(1));
    await svc.db.services.bulkPut([
      service(100, { name: 'Jugendberufsagentur', target_groups: ['jugendliche'] }),
      service(101, { name: 'Seniorentreff', target_groups: ['seniorinnen'] }),
    ]);
    // A finished sync: the tiles show counts only for complete data.
    await svc.db.meta.put({ key: 'lastSyncAt', value: '2026-10-14T07:00:00Z' });
    return svc;
  }

  it('links navigate client-side, move focus to the new <h1> and set the title', async () => {
    renderApp('/', await seeded());
    const start = screen.getByRole('heading', { level: 1 });
    // No focus theft on the first load.
    expect(document.activeElement).not.toBe(start);
    expect(document.title).toBe('Start – Quartier-Wegweiser');

    const tile = await screen.findByRole('link', {
      name: /Jugendliche und junge Erwachsene\s*1 Angebot/,
    });
    const notPrevented = fireEvent.click(tile);
    expect(notPrevented).toBe(false);
    expect(window.location.pathname + window.location.search).toBe(
      '/angebote?zielgruppe=jugendliche',
    );

    const h1 = await screen.findByRole('heading', { level: 1, name: '1 Angebot' });
    await waitFor(() => expect(document.activeElement).toBe(h1));
    expect(document.title).toBe('Angebote – Quartier-Wegweiser');
    expect(screen.getByRole('link', { name: 'Angebote' }).getAttribute('aria-current')).toBe(
      'page',
    );

    fireEvent.click(screen.getByRole('link', { name: 'Jugendberufsagentur' }));
    const detail = await screen.findByRole('heading', { level: 1, name: 'Jugendberufsagentur' });
    await waitFor(() => expect(document.activeElement).toBe(detail));
    expect(window.location.pathname).toBe(`/angebote/${uid(100)}`);
    // Inside the section, but not the section's page itself.
    expect(screen.getByRole('link', { name: 'Angebote' }).getAttribute('aria-current')).toBe(
      'true',
    );
  });

  it('back and forward restore the pages and their filters', async () => {
    renderApp('/', await seeded());
    await screen.findByRole('link', { name: /Senior\*innen\s*1 Angebot/ });

    act(() => navigate('/angebote?zielgruppe=seniorinnen'));
    await screen.findByRole('link', { name: 'Seniorentreff' });
    act(() => navigate('/angebote?zielgruppe=jugendliche'));
    await screen.findByRole('link', { name: 'Jugendberufsagentur' });
    expect(screen.queryByRole('link', { name: 'Seniorentreff' })).toBeNull();

    back();
    await screen.findByRole('link', { name: 'Seniorentreff' });
    expect(window.location.search).toBe('?zielgruppe=seniorinnen');
    const h1 = screen.getByRole('heading', { level: 1 });
    await waitFor(() => expect(document.activeElement).toBe(h1));

    back();
    await screen.findByRole('heading', { level: 1, name: 'Welches Angebot passt?' });
    expect(window.location.pathname).toBe('/');

    window.history.forward();
    await screen.findByRole('link', { name: 'Seniorentreff' });
    expect(window.location.search).toBe('?zielgruppe=seniorinnen');
  });

  it('shows a not-found page for unknown paths', async () => {
    renderApp('/gibt-es-nicht');
    await screen.findByRole('heading', { level: 1, name: 'Seite nicht gefunden' });
    expect(screen.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/');
  });

  it('has a skip link to the main content and a labelled navigation', () => {
    renderApp('/');
    const skip = screen.getByRole('link', { name: 'Zum Inhalt springen' });
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(screen.getByRole('navigation', { name: 'Hauptnavigation' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBe('page');
  });
});
