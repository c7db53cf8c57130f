import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDepsContext } from '../../../src/app/deps';
import { SyncStatus } from '../../../src/components/SyncStatus/SyncStatus';
import { fakeSync, NOW, teardown, testDeps } from './helpers';

afterEach(teardown);

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000).toISOString();

function renderStatus(sync = fakeSync()) {
  const svc = testDeps({ sync });
  render(
    <AppDepsContext.Provider value={svc}>
      <SyncStatus />
    </AppDepsContext.Provider>,
  );
  return sync;
}

const line = () => screen.getByRole('status');

describe('sync status line', () => {
  it('says how long ago the data was updated', () => {
    renderStatus(fakeSync({ status: 'idle', lastSyncAt: minutesAgo(3) }));
    expect(line().textContent).toBe('Aktualisiert vor 3 Min.');
  });

  it('never stays empty: before the first sync', () => {
    renderStatus(fakeSync({ status: 'idle', lastSyncAt: null }));
    expect(line().textContent).toBe('Noch nicht aktualisiert');
  });

  it('follows the controller: syncing, then offline, then error with a retry', () => {
    const sync = renderStatus(fakeSync({ status: 'idle', lastSyncAt: minutesAgo(130) }));
    expect(line().textContent).toBe('Aktualisiert vor 2 Std.');
    expect(screen.queryByRole('button')).toBeNull();

    act(() => sync.set({ status: 'syncing' }));
    expect(line().textContent).toBe('Wird aktualisiert …');
    // A real change of state is announced politely.
    expect(line().getAttribute('aria-live')).toBe('polite');

    act(() => sync.set({ status: 'offline', error: { code: 'network' } }));
    expect(line().textContent).toBe('Offline · Aktualisiert vor 2 Std.');

    act(() => sync.set({ status: 'error', error: { code: 'server', status: 503 } }));
    expect(line().textContent).toContain('Der Server antwortet gerade nicht');
    const retry = screen.getByRole('button', { name: 'Erneut versuchen' });
    fireEvent.click(retry);
    expect(sync.calls).toBe(1);
  });

  it('says that the data is being loaded during the first sync', () => {
    const sync = renderStatus(fakeSync({ status: 'syncing', lastSyncAt: null }));
    expect(line().textContent).toBe('Daten werden geladen …');
    act(() => sync.set({ status: 'idle', lastSyncAt: minutesAgo(0) }));
    expect(line().textContent).toBe('Gerade aktualisiert');
  });

  it('tells when the device is offline and has never loaded data', () => {
    renderStatus(fakeSync({ status: 'offline', lastSyncAt: null }));
    expect(line().textContent).toBe('Offline · noch keine Daten auf diesem Gerät');
  });

  it('names a full disk', () => {
    renderStatus(fakeSync({ status: 'error', error: { code: 'storage', db: 'quota' } }));
    expect(line().textContent).toContain('Der Speicher des Geräts ist voll');
  });
});
