import { SyncError, type SyncErrorInfo } from '../sync/errors';

/**
 * The one message layer between the page and the data worker: typed calls with a result or
 * an error, abort of a running call, and events from the worker to the page.
 *
 * Own code, not Comlink: Comlink 4.4 costs 2.0 KB gzip on the start page, which has 1 KB
 * left of its budget; it cannot pass an AbortSignal (a pull must be abortable), and events
 * would need its callback proxies. The data service has a handful of calls; this is enough.
 */

/** What both ends of a MessageChannel, a Worker and a worker's global scope have in common. */
export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePorts deliver nothing before start() when listened to with addEventListener. */
  start?(): void;
}

/** Each call takes one cloneable argument; the serving side also gets the call's signal. */
export type Api<T> = { [K in keyof T]: (arg: never, signal: AbortSignal) => Promise<unknown> };

export type Arg<F> = F extends (arg: infer A, signal: AbortSignal) => Promise<unknown> ? A : never;
export type Result<F> = F extends (arg: never, signal: AbortSignal) => Promise<infer R> ? R : never;

interface WireError {
  name: string;
  message: string;
  sync?: SyncErrorInfo;
}

type ToService = { t: 'call'; id: number; m: string; a: unknown } | { t: 'abort'; id: number };
type FromService<E> =
  | { t: 'up' }
  | { t: 'ok'; id: number; v: unknown }
  | { t: 'err'; id: number; e: WireError }
  | { t: 'ev'; e: E };

function encodeError(e: unknown): WireError {
  if (e instanceof SyncError) return { name: e.name, message: e.message, sync: e.info() };
  if (e instanceof Error || e instanceof DOMException) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

function decodeError(w: WireError): Error {
  if (w.sync) return new SyncError(w.sync.code, { status: w.sync.status, db: w.sync.db });
  if (w.name === 'AbortError') return new DOMException(w.message, 'AbortError');
  const error = new Error(w.message);
  error.name = w.name;
  return error;
}

/** Answers the calls that arrive on `port` with `api`; returns how to send events. */
export function serve<T extends Api<T>, E>(port: Port, api: T): { emit(event: E): void } {
  const running = new Map<number, AbortController>();
  const post = (m: FromService<E>) => port.postMessage(m);
  port.addEventListener('message', (event) => {
    const msg = event.data as ToService;
    if (msg.t === 'abort') {
      running.get(msg.id)?.abort();
      return;
    }
    if (msg.t !== 'call') return;
    const controller = new AbortController();
    running.set(msg.id, controller);
    const method = (Object.hasOwn(api, msg.m) ? (api as Record<string, unknown>)[msg.m] : null) as
      | ((a: unknown, s: AbortSignal) => Promise<unknown>)
      | null;
    Promise.resolve()
      .then(() => {
        if (typeof method !== 'function') throw new Error(`unknown call ${msg.m}`);
        return method.call(api, msg.a, controller.signal);
      })
      .then(
        (v) => post({ t: 'ok', id: msg.id, v }),
        (e: unknown) => post({ t: 'err', id: msg.id, e: encodeError(e) }),
      )
      .finally(() => running.delete(msg.id));
  });
  port.start?.();
  post({ t: 'up' });
  return { emit: (e) => post({ t: 'ev', e }) };
}

export interface Connection<T extends Api<T>> {
  call<K extends keyof T>(method: K, arg: Arg<T[K]>, signal?: AbortSignal): Promise<Result<T[K]>>;
  /** Resolves when the serving side is running. */
  up: Promise<void>;
  /** The other side is gone: pending and later calls reject with `reason`. */
  fail(reason: Error): void;
}

/** The calling side of `serve`. */
export function connect<T extends Api<T>, E>(
  port: Port,
  onEvent: (event: E) => void,
): Connection<T> {
  let nextId = 1;
  let failed: Error | null = null;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let markUp = () => {};
  let markDown: (e: Error) => void = () => {};
  const up = new Promise<void>((resolve, reject) => {
    markUp = resolve;
    markDown = reject;
  });
  up.catch(() => undefined);

  port.addEventListener('message', (event) => {
    const msg = event.data as FromService<E>;
    if (msg.t === 'up') markUp();
    else if (msg.t === 'ev') onEvent(msg.e);
    else if (msg.t === 'ok' || msg.t === 'err') {
      const call = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.t === 'ok') call?.resolve(msg.v);
      else call?.reject(decodeError(msg.e));
    }
  });
  port.start?.();

  return {
    up,
    fail(reason) {
      failed = reason;
      markDown(reason);
      for (const call of pending.values()) call.reject(reason);
      pending.clear();
    },
    call(method, arg, signal) {
      if (failed) return Promise.reject(failed);
      if (signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        // The answer (an AbortError) comes once the other side has stopped: no write of the
        // aborted call can land after the caller moved on.
        signal?.addEventListener('abort', () => port.postMessage({ t: 'abort', id }), {
          once: true,
        });
        port.postMessage({ t: 'call', id, m: method as string, a: arg } satisfies ToService);
      });
    },
  };
}
