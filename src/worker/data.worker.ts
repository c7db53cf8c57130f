import { getDb } from '../db/db';
import type { DataApi, DataEvent } from './api';
import { type Port, serve } from './bridge';
import { createDataCore } from './core';

/**
 * The data worker: pulls into IndexedDB, keeps the search index and answers queries, so
 * the page's main thread only renders. The page sees the writes through Dexie's live
 * queries, which Dexie propagates across workers.
 */
const port = self as unknown as Port;
let emit: (event: DataEvent) => void = () => {};
const service = createDataCore(getDb(), (event) => emit(event), {
  filling: navigator.onLine !== false,
});
emit = serve<DataApi, DataEvent>(port, service).emit;
