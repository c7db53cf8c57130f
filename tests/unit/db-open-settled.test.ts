import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDbStatusStore, whenOpenSettled } from '../../src/db/db';

afterEach(() => {
  vi.useRealTimers();
});

/** Whether `p` has settled, after pending microtasks ran. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('whenOpenSettled', () => {
  it('waits while the open is under way and resolves when it is open', async () => {
    vi.useFakeTimers();
    const status = createDbStatusStore();
    status.set({ state: 'opening', error: null });
    const p = whenOpenSettled(status, 1000);
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(p)).toBe(false);
    status.set({ state: 'ready', error: null });
    expect(await settled(p)).toBe(true);
  });

  it.each([
    ['blocked', 'blocked'],
    ['error', 'unknown'],
  ] as const)('resolves at once when the open is %s', async (state, error) => {
    vi.useFakeTimers();
    const status = createDbStatusStore();
    status.set({ state: 'opening', error: null });
    const p = whenOpenSettled(status, 1000);
    status.set({ state, error });
    expect(await settled(p)).toBe(true);
  });

  it('resolves after the longest wait when the open has no outcome', async () => {
    vi.useFakeTimers();
    const status = createDbStatusStore();
    const p = whenOpenSettled(status, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(p)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(p)).toBe(true);
  });

  it('resolves at once when the outcome is already there', async () => {
    const status = createDbStatusStore();
    status.set({ state: 'ready', error: null });
    expect(await settled(whenOpenSettled(status, 1000))).toBe(true);
  });
});
