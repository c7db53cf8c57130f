import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbStatusStore } from '../../../src/db/db';
import { freshDb } from '../db.fixtures';
import { fakeSync, NOW, org, renderApp, service, teardown, testDeps } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

// The Sprechstunden screens are tested in sprechstunden*.test.tsx.

describe('Info', () => {
  it('shows counts, last sync, storage and version, and syncs on request', async () => {
    const sync = fakeSync({
      status: 'idle',
      lastSyncAt: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
    });
    const svc = testDeps({ sync });
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
    renderApp('/', testDeps({ dbStatus }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(message);
  });

  it('while a deleted database is filled again: a notice, and loading instead of the page', async () => {
    const { db, status } = freshDb();
    await db.services.put(service(100));
    status.set({ state: 'recovering', error: null, lost: 1 });
    renderApp('/', testDeps({ db, dbStatus: status }));
    expect(screen.getByRole('alert').textContent).toContain('Sie werden neu geladen …');
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe(
      'Daten werden neu geladen …',
    );
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(screen.queryByText(/Keine Angebote/)).toBeNull();

    act(() => status.set({ state: 'ready', error: null, lost: 1 }));
    await screen.findByRole('heading', { level: 1, name: 'Welches Angebot passt?' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Dabei ging 1 noch nicht gesendete Änderung verloren.');
    expect(within(alert).queryByRole('button', { name: 'Seite neu laden' })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Verstanden' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(status.get()).toEqual({ state: 'ready', error: null });
  });

  it('a full disk says that unsent changes are kept', async () => {
    const { db, status } = freshDb();
    await db.outbox.add({
      mutationId: 'm-1',
      table: 'services',
      recordId: 'x',
      op: 'upsert',
      userEmail: 'kim@example.org',
      createdAt: NOW.toISOString(),
      payload: { baseVersion: 1, fields: {}, state: 'queued' },
    });
    status.set({ state: 'ready', error: 'quota' });
    renderApp('/', testDeps({ db, dbStatus: status }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Der Speicher des Geräts ist voll');
    await within(alert).findByText(/Noch nicht gesendete Änderungen bleiben gespeichert/);
  });

  it('says nothing while the database is fine', () => {
    const dbStatus = createDbStatusStore();
    dbStatus.set({ state: 'ready', error: null });
    renderApp('/', testDeps({ dbStatus }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
