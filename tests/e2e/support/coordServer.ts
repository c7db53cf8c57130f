import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app';
import { addUser } from '../../../server/auth/users';
import { type Db, openPglite } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { createChangeHub } from '../../../server/notify';
import { seedIfEmpty } from '../../../server/seed';
import { isListed } from '../../../src/db/offers';
import type { Dataset } from '../../../src/demo/types';
import { isPublicRecord, type Service } from '../../../src/model';
import { tempDir } from './browser';

export interface CoordServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

export interface TestUser {
  email: string;
  role: 'admin' | 'coordinator' | 'worker';
  password: string;
}

/** The coordinator most e2e files sign in as. */
export const COORDINATOR: TestUser = {
  email: 'kim.koordination@example.org',
  role: 'coordinator',
  password: 'koordination-geheim',
};

/** A public offer that the list shows (the model's own rules), to edit or open. */
export function listedPublicOffer(dataset: Dataset): Service {
  const offer = dataset.services.find(
    (s) => isListed(s) && isPublicRecord('services', s, undefined),
  );
  if (!offer) throw new Error('the dataset has no listed public offer');
  return offer;
}

/**
 * The real server with accounts (users created through the server's own user functions)
 * and live updates, in this process, on a fresh embedded database. `close()` ends the open
 * event streams first; they would otherwise keep the HTTP server open.
 */
export async function startCoordServer(
  dataset: Dataset | (() => Dataset),
  users: readonly TestUser[],
): Promise<CoordServer> {
  const db = await openPglite(tempDir('qw-e2e-coord-'));
  await migrate(db);
  await seedIfEmpty(db, dataset);
  for (const u of users) await addUser(db, u);
  const hub = createChangeHub(db);
  const app = createApp({ db, hub, heartbeatMs: 2000 });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
