import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app';
import { type Db, openPglite } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { seedIfEmpty } from '../../../server/seed';
import type { Dataset } from '../../../src/demo/types';
import { tempDir } from './browser';

export interface TestServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/**
 * The real server (built PWA + sync API) on a free loopback port with a fresh embedded
 * database, in this process so the test can change server data directly.
 */
export async function startServer(dataset: Dataset | (() => Dataset)): Promise<TestServer> {
  const db = await openPglite(tempDir('qw-e2e-db-'));
  await migrate(db);
  await seedIfEmpty(db, dataset);
  const app = createApp({ db });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    // 127.0.0.1 counts as a secure context, so the service worker registers over http.
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
