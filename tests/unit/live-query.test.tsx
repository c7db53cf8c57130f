import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WegweiserDB } from '../../src/db/schema';
import { useLiveQuery, useLiveQueryState } from '../../src/db/useLiveQuery';
import { destroy, freshDb, service, uid } from './db.fixtures';

let db: WegweiserDB;
beforeEach(() => {
  db = freshDb().db;
});
afterEach(async () => {
  cleanup();
  await destroy(db);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function Count(props: { group: string; spy?: (group: string) => void }) {
  const n = useLiveQuery(
    () => {
      props.spy?.(props.group);
      return db.services.where('target_groups').equals(props.group).count();
    },
    [props.group],
    'lädt',
  );
  return <p data-testid="count">{String(n)}</p>;
}

describe('useLiveQuery', () => {
  it('renders the default, then the result, then follows changes of the table', async () => {
    render(<Count group="jugendliche" />);
    expect(screen.getByTestId('count').textContent).toBe('lädt');
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));

    await act(async () => {
      await db.services.put(service(100));
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));

    await act(async () => {
      await db.services.delete(uid(100));
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));
  });

  it('unsubscribes on unmount: the query is not run again after a change', async () => {
    const spy = vi.fn();
    const { unmount } = render(<Count group="jugendliche" spy={spy} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));
    await act(async () => {
      await db.services.put(service(100));
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
    const runs = spy.mock.calls.length;

    unmount();
    await db.services.put(service(101));
    await sleep(50);
    expect(spy.mock.calls.length).toBe(runs);
  });

  it('re-subscribes when deps change and drops the old query', async () => {
    const spy = vi.fn();
    await db.services.put(service(100, { target_groups: ['alleinerziehende'] }));
    const { rerender } = render(<Count group="jugendliche" spy={spy} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));

    rerender(<Count group="alleinerziehende" spy={spy} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
    spy.mockClear();

    await act(async () => {
      await db.services.put(service(101, { target_groups: ['jugendliche'] }));
    });
    await act(async () => {
      await db.services.put(service(102, { target_groups: ['alleinerziehende'] }));
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2'));
    await sleep(20);
    expect(spy.mock.calls.map(([g]) => g)).not.toContain('jugendliche');
  });
});

describe('useLiveQueryState', () => {
  function Status() {
    const { value, error, loading } = useLiveQueryState<number>(async () => {
      const n = await db.services.count();
      if (n > 0) throw new Error('kaputt');
      return n;
    }, []);
    return (
      <p data-testid="state">
        {loading ? 'loading' : error ? `error:${(error as Error).message}` : `value:${value}`}
      </p>
    );
  }

  it('reports loading, value and errors', async () => {
    render(<Status />);
    expect(screen.getByTestId('state').textContent).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('value:0'));
    await act(async () => {
      await db.services.put(service(100));
    });
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('error:kaputt'));
  });
});
