import { getDb } from '../db/db';
import type { WegweiserDB } from '../db/schema';
import { createSyncController, type SyncController } from './controller';
import type { FetchLike } from './pull';
import type { Account } from './session';

let controller: SyncController | null = null;

export interface StartSyncOptions {
  db?: WegweiserDB;
  fetch?: FetchLike;
  /** '' = the origin that served the app. */
  baseUrl?: string;
  intervalMs?: number;
  /** The signed-in account: enables push, internal records and live updates with a token. */
  account?: Account;
}

/** Starts the app's sync controller once; later calls return the same one. */
export function startSync(options: StartSyncOptions = {}): SyncController {
  controller ??= createSyncController({
    db: options.db ?? getDb(),
    // Bound late, so tests and polyfills that replace fetch are honoured.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    baseUrl: options.baseUrl ?? '',
    intervalMs: options.intervalMs,
    account: options.account,
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
