/**
 * What went wrong with the local database, as far as the UI needs to know:
 * - quota: the device is full (or the browser's share for this site is used up);
 * - blocked: another tab holds an older version open, so our upgrade waits;
 * - version: the stored database is newer than this code, or the upgrade failed — reload;
 * - closed: the connection was closed (another tab upgraded, storage cleared); retry;
 * - unavailable: no IndexedDB at all (some private modes, disabled storage);
 * - unknown: anything else.
 */
export type DbErrorCode = 'quota' | 'blocked' | 'version' | 'closed' | 'unavailable' | 'unknown';

export class DbError extends Error {
  override readonly name = 'DbError';
  readonly code: DbErrorCode;
  override readonly cause: unknown;

  constructor(code: DbErrorCode, cause?: unknown) {
    super(`Local database: ${code}`);
    this.code = code;
    this.cause = cause;
  }
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/**
 * Dexie wraps the DOMException that IndexedDB raises (AbortError → inner QuotaExceededError,
 * BulkError → failures[], OpenFailedError → inner), so the cause may sit a few levels deep.
 */
function* causes(e: unknown, depth = 0): Generator<ErrorLike> {
  if (depth > 8 || e === null || typeof e !== 'object') return;
  const err = e as ErrorLike;
  yield err;
  yield* causes(err.inner, depth + 1);
  if (err.cause !== err.inner) yield* causes(err.cause, depth + 1);
  const failures = err.failures;
  if (Array.isArray(failures)) {
    for (const f of failures) yield* causes(f, depth + 1);
  } else if (failures && typeof failures === 'object') {
    for (const f of Object.values(failures)) yield* causes(f, depth + 1);
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** Legacy DOMException.QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * Maps any error thrown by Dexie / IndexedDB to a code. `during: 'open'` tells that the
 * error came from opening the database: there an InvalidStateError or SecurityError means
 * that IndexedDB is not usable (Firefox private mode, blocked cookies), not a closed
 * connection.
 */
export function classifyDbError(e: unknown, opts: { during?: 'open' } = {}): DbErrorCode {
  const chain = [...causes(e)];
  if (chain.length === 0) return 'unknown';
  for (const c of chain) if (c instanceof DbError) return c.code;
  const names = chain.map((c) => (typeof c.name === 'string' ? c.name : ''));
  if (chain.some((c, i) => QUOTA_NAMES.has(names[i] ?? '') || c.code === QUOTA_CODE)) {
    return 'quota';
  }
  const has = (...candidates: string[]) => names.some((n) => candidates.includes(n));
  if (has('MissingAPIError', 'SecurityError')) return 'unavailable';
  if (has('VersionChangeError')) return 'blocked';
  if (has('VersionError', 'UpgradeError', 'SchemaError')) return 'version';
  if (opts.during === 'open' || has('OpenFailedError')) {
    if (has('InvalidStateError', 'UnknownError', 'NotAllowedError')) return 'unavailable';
  }
  if (has('DatabaseClosedError', 'InvalidStateError')) return 'closed';
  return 'unknown';
}

export function toDbError(e: unknown, opts: { during?: 'open' } = {}): DbError {
  return e instanceof DbError ? e : new DbError(classifyDbError(e, opts), e);
}
