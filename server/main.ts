import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { demoDataset } from '../src/demo';
import { createApp, packageVersion } from './app';
import { type AdminSocket, serveAdminSocket } from './backup/admin-socket';
import { readConfig } from './config';
import { type Db, describeDb, openDb } from './db';
import { activeDemoAccounts, seedDemoAccounts } from './demo-accounts';
import { type HousekeepingSchedule, scheduleHousekeeping } from './housekeeping';
import { migrate } from './migrate';
import { type ChangeHub, createChangeHub } from './notify';
import { seedIfEmpty } from './seed';

let db: Db | undefined;
let hub: ChangeHub | undefined;
let server: Server | undefined;
let housekeeping: HousekeepingSchedule | undefined;
let adminSocket: AdminSocket | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    console.error(`${signal} erneut – sofortiges Ende / exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: Server wird beendet / shutting down …`);
  // No new pass; a running one stops after its current batch (awaited before db.close()).
  const housekeepingStopped = housekeeping?.stop();
  // Ends open event streams, which would otherwise hold server.close() open.
  await hub?.close();
  if (server) {
    const s = server;
    // Idle keep-alive sockets would hold close() open; busy ones get three seconds.
    const force = setTimeout(() => s.closeAllConnections(), 3000);
    force.unref();
    await new Promise<void>((done) => {
      s.close(() => done());
      s.closeIdleConnections();
    });
  }
  await housekeepingStopped;
  await adminSocket?.close().catch(() => {});
  // PGlite writes its files on close; being killed mid-write can corrupt DATA_DIR.
  await db?.close();
  process.exit(0);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const dbEnv = { DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  db = await openDb(dbEnv);
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`Migrationen / migrations: ${applied.join(', ')}`);
  if (config.seedDemo) {
    const { seeded, count } = await seedIfEmpty(db, demoDataset);
    if (seeded) console.log(`Demodaten angelegt / demo data seeded: ${count} records`);
  }
  // Known passwords only ever go into the embedded demo database.
  if (config.seedDemo && db.kind === 'pglite') {
    const created = await seedDemoAccounts(db);
    if (created.length > 0) {
      console.log('Demo-Zugänge angelegt / demo accounts created (nur zum Ausprobieren):');
      for (const a of created)
        console.log(`  ${a.role.padEnd(12)} ${a.email}  Passwort: ${a.password}`);
    } else {
      const active = await activeDemoAccounts(db);
      if (active.length > 0) {
        console.log(
          `Demo-Zugänge aktiv: ${active.join(', ')} (Passwörter: README, „Demo-Zugänge“)`,
        );
      }
    }
  }

  // The admin tool cannot open the embedded database beside us; it asks us for backups.
  if (db.kind === 'pglite') {
    adminSocket = await serveAdminSocket(db, config.dataDir, packageVersion()).catch((err) => {
      console.error('Sicherung im laufenden Betrieb nicht möglich / no live backups:', err);
      return undefined;
    });
  }
  hub = createChangeHub(db);
  const app = createApp({ db, hub, trustProxy: config.trustProxy });
  server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(
      `Quartier-Wegweiser läuft / is running: http://localhost:${info.port} (${describeDb(dbEnv)})`,
    );
  }) as Server;
  server.on('error', (err) => {
    console.error('Server konnte nicht starten / could not start:', err.message);
    void db?.close().finally(() => process.exit(1));
  });
  // Deletes expired sessions, old login failures, push answers and audit rows: a minute
  // after the start, then every 6 hours (server/housekeeping.ts).
  housekeeping = scheduleHousekeeping(db, {
    processedRetentionDays: config.processedRetentionDays,
    auditRetentionDays: config.auditRetentionDays,
  });
}

main().catch(async (err) => {
  console.error('Start fehlgeschlagen / startup failed:', err);
  await db?.close().catch(() => {});
  process.exit(1);
});
