import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDepsContext } from '../../../src/app/deps';
import { SENT_NOTICE_MS, SentNotice } from '../../../src/components/SentNotice/SentNotice';
import { fakeSync, teardown, testDeps } from './helpers';

afterEach(async () => {
  vi.useRealTimers();
  await teardown();
});

describe('sent notice', () => {
  it('says briefly how many edits a sync delivered, in a polite live region', () => {
    vi.useFakeTimers();
    const sync = fakeSync();
    render(
      <AppDepsContext.Provider value={testDeps({ sync })}>
        <SentNotice />
      </AppDepsContext.Provider>,
    );
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');

    act(() => sync.set({ delivered: { count: 3, at: '2025-03-01T12:00:00Z' } }));
    expect(region.textContent).toBe('3 Änderungen übertragen');
    act(() => {
      vi.advanceTimersByTime(SENT_NOTICE_MS);
    });
    expect(region.textContent).toBe('');

    act(() => sync.set({ delivered: { count: 1, at: '2025-03-01T12:05:00Z' } }));
    expect(region.textContent).toBe('1 Änderung übertragen');
    // A status change meanwhile does not make it linger or come back.
    act(() => sync.set({ status: 'syncing' }));
    act(() => {
      vi.advanceTimersByTime(SENT_NOTICE_MS);
    });
    expect(region.textContent).toBe('');
  });
});
