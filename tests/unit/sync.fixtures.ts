import type { Change } from '../../src/model';
import type { FetchLike } from '../../src/sync/pull';

export interface FakeServer {
  fetch: FetchLike;
  /** `since` of every request, in order. */
  requests: string[];
  /** Adds changes; versions continue from the highest so far. */
  push(...changes: Change[]): void;
  /** Makes the next n requests fail in a given way. */
  failNext(how: 'network' | number | 'garbage', n?: number): void;
}

/**
 * Serves GET /api/sync/pull like the real server: changes with version > since, ordered
 * by version, at most `limit`, cursor = last version sent.
 */
export function fakeServer(initial: Change[] = []): FakeServer {
  const log: Change[] = [...initial];
  const requests: string[] = [];
  const failures: Array<'network' | number | 'garbage'> = [];

  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname !== '/api/sync/pull') throw new Error(`unexpected ${url.pathname}`);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const since = url.searchParams.get('since') ?? '';
    requests.push(since);
    const failure = failures.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (typeof failure === 'number') return response(failure, { error: 'nope' });
    if (failure === 'garbage') return response(200, { hello: 'world' });

    const limit = Number(url.searchParams.get('limit'));
    const pending = log
      .filter((c) => c.version > Number(since))
      .sort((a, b) => a.version - b.version);
    const changes = pending.slice(0, limit);
    const cursor = String(changes.at(-1)?.version ?? since);
    return response(200, { changes, cursor, more: pending.length > changes.length });
  };

  return {
    fetch,
    requests,
    push: (...changes) => log.push(...changes),
    failNext: (how, n = 1) => {
      for (let i = 0; i < n; i++) failures.push(how);
    },
  };
}

/** A minimal fetch answer with a JSON body. */
export function response(status: number, body: unknown): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
  } as Response;
}
