import { classifyDbError, type DbErrorCode } from '../db/errors';

/**
 * - network: the request did not reach the server (offline, DNS, captive portal);
 * - server: the server answered with an HTTP error (`status`);
 * - invalid: the answer was not a pull page we understand;
 * - storage: the page could not be stored locally (`db`, e.g. 'quota');
 * - auth: the server refused the session (401: expired or logged out elsewhere). The
 *   outbox is kept; the user logs in again.
 */
export type SyncErrorCode = 'network' | 'server' | 'invalid' | 'storage' | 'auth';

export interface SyncErrorInfo {
  code: SyncErrorCode;
  status?: number;
  db?: DbErrorCode;
}

export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly code: SyncErrorCode;
  readonly status: number | undefined;
  readonly db: DbErrorCode | undefined;
  override readonly cause: unknown;

  constructor(
    code: SyncErrorCode,
    opts: { status?: number; db?: DbErrorCode; cause?: unknown } = {},
  ) {
    super(`Sync failed: ${code}${opts.status ? ` (HTTP ${opts.status})` : ''}`);
    this.code = code;
    this.status = opts.status;
    this.db = opts.db;
    this.cause = opts.cause;
  }

  info(): SyncErrorInfo {
    const info: SyncErrorInfo = { code: this.code };
    if (this.status !== undefined) info.status = this.status;
    if (this.db !== undefined) info.db = this.db;
    return info;
  }
}

/** Anything else that escaped a sync run came from the local database. */
export function toSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  return new SyncError('storage', { db: classifyDbError(e), cause: e });
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return (
    signal?.aborted === true || (e instanceof Error && e.name === 'AbortError' && !('inner' in e))
  );
}

/** The JSON body of a server answer; a body that is not JSON is an `invalid` answer. */
export async function readJson(res: Response, signal?: AbortSignal): Promise<unknown> {
  try {
    return await res.json();
  } catch (e) {
    if (isAbort(e, signal)) throw e;
    throw new SyncError('invalid', { cause: e });
  }
}
