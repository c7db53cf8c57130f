import { getDb } from '../db/db';
import type { WegweiserDB } from '../db/schema';
import { getDataClient } from '../worker/client';
import { createSyncController, type SyncController } from './controller';
import type { FetchLike } from './pull';
import type { Account } from './session';

let controller: SyncController | null = null;

export interface StartSyncOptions {
  db?: WegweiserDB;
  /** Given: pulls run on this thread with it (tests). Absent: the data worker pulls. */
  fetch?: FetchLike;
  /** '' = the origin that served the app. */
  baseUrl?: string;
  intervalMs?: number;
  /** The signed-in account: enables push, internal records and live updates with a token. */
  account?: Account;
}

/** Starts the app's sync controller once; later calls return the same one. */
export function startSync(options: StartSyncOptions = {}): SyncController {
  if (controller) return controller;
  const db = options.db ?? getDb();
  const baseUrl = options.baseUrl ?? '';
  const data = options.fetch ? null : getDataClient(db);
  controller = createSyncController({
    db,
    // Bound late, so tests and polyfills that replace fetch are honoured.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    baseUrl,
    intervalMs: options.intervalMs,
    account: options.account,
    // Scheduling, the lock, push and live events stay here; the pages are applied off the
    // main thread.
    ...(data ? { pull: ({ token, signal }) => data.call('pull', { baseUrl, token }, signal) } : {}),
  });
  return controller;
}

export function getSyncController(): SyncController | null {
  return controller;
}

/** Stops and forgets the app's controller (logout, tests). */
export function stopSync(): void {
  controller?.stop();
  controller = null;
}
