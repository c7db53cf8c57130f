import { getDb } from '../db/db';
import type { DataApi, DataEvent } from './api';
import { type Port, serve } from './bridge';
import { createDataCore } from './core';
import { holdLifeLock } from './lifeLock';

/**
 * The data worker: pulls into IndexedDB, keeps the search index and answers queries, so
 * the page's main thread only renders. The page sees the writes through Dexie's live
 * queries, which Dexie propagates across workers.
 *
 * It says it is up only once it holds its life lock (named by the page, see lifeLock.ts),
 * so the page never mistakes a worker still starting for one that stopped. The page sends
 * nothing before that.
 */
const port = self as unknown as Port;
void holdLifeLock(self.name).then(() => {
  let emit: (event: DataEvent) => void = () => {};
  const service = createDataCore(getDb(), (event) => emit(event), {
    filling: navigator.onLine !== false,
  });
  emit = serve<DataApi, DataEvent>(port, service).emit;
});
