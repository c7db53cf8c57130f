import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/db/store';
import type { SyncController, SyncState } from '../../src/sync/controller';
import { useSyncState } from '../../src/sync/useSyncState';

function fakeController(initial: SyncState) {
  const store = createStore(initial);
  const controller: SyncController = {
    get: store.get,
    subscribe: store.subscribe,
    syncNow: async () => undefined,
    stop: () => undefined,
  };
  return { controller, set: store.set };
}

function StatusLine({ controller }: { controller?: SyncController | null }) {
  const { status, error } = useSyncState(controller);
  return <p data-testid="s">{error ? `${status}:${error.code}` : status}</p>;
}

afterEach(cleanup);

describe('useSyncState', () => {
  it('follows the controller state', async () => {
    const { controller, set } = fakeController({
      status: 'syncing',
      lastSyncAt: null,
      error: null,
    });
    render(<StatusLine controller={controller} />);
    expect(screen.getByTestId('s').textContent).toBe('syncing');

    await act(() => set({ status: 'offline', lastSyncAt: null, error: { code: 'network' } }));
    expect(screen.getByTestId('s').textContent).toBe('offline:network');

    await act(() => set({ status: 'idle', lastSyncAt: '2025-03-01T12:00:00Z', error: null }));
    expect(screen.getByTestId('s').textContent).toBe('idle');
  });

  it('shows idle when no sync was started', () => {
    render(<StatusLine />);
    expect(screen.getByTestId('s').textContent).toBe('idle');
  });
});
