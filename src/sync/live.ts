/**
 * Live updates: while online, the server's event stream (GET /api/sync/events, SSE) says
 * when a new version was committed, and the app pulls at once instead of waiting for its
 * timer. EventSource cannot send headers, so the token goes as ?token= (what the server
 * accepts); EventSource reconnects by itself after a dropped connection.
 */

export interface LiveConnection {
  close(): void;
}

export type EventSourceLike = Pick<EventSource, 'addEventListener' | 'close'>;
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveOptions {
  baseUrl: string;
  token: string | null;
  /** Called with the announced version; the caller decides whether to pull. */
  onVersion: (version: number) => void;
  /** The stream refused us (e.g. the session ended): stop, the next sync will tell why. */
  onFailure?: () => void;
  create?: EventSourceFactory;
}

export function eventsUrl(baseUrl: string, token: string | null): string {
  const base = `${baseUrl.replace(/\/+$/, '')}/api/sync/events`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

function defaultFactory(): EventSourceFactory | null {
  return typeof EventSource === 'function' ? (url) => new EventSource(url) : null;
}

/** Opens the stream; returns null where EventSource does not exist (tests, old browsers). */
export function connectLive(options: LiveOptions): LiveConnection | null {
  const create = options.create ?? defaultFactory();
  if (!create) return null;
  const source = create(eventsUrl(options.baseUrl, options.token));
  let closed = false;
  source.addEventListener('version', (event) => {
    try {
      const data = JSON.parse((event as MessageEvent<string>).data) as { version?: unknown };
      if (typeof data.version === 'number') options.onVersion(data.version);
    } catch {
      // A garbled event only costs a pull the timer will do anyway.
    }
  });
  source.addEventListener('error', () => {
    // readyState CLOSED (2) means the server refused (401); otherwise the browser retries.
    if (!closed && (source as unknown as { readyState?: number }).readyState === 2) {
      options.onFailure?.();
    }
  });
  return {
    close() {
      closed = true;
      source.close();
    },
  };
}
