import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageVersion } from '../app';
import { AdminSocketUnavailable, requestBackup } from '../backup/admin-socket';
import { BackupError, type BackupSummary, restoreBackup, writeBackup } from '../backup/backup';
import { readLines, writeLinesAtomically } from '../backup/files';
import type { ServerConfig } from '../config';
import { type Db, describeDb, openDb } from '../db';
import { DataDirInUseError } from '../db/dir-lock';
import type { Io } from './admin-commands';

function countsLine(s: BackupSummary): string {
  const parts = Object.entries(s.tables).map(([t, n]) => `${t} ${n}`);
  return `${s.rows} Zeilen (${parts.join(', ')})`;
}

/**
 * `backup <file>`: PostgreSQL is read directly (in a snapshot, beside running servers); the
 * embedded database directly when no server runs, otherwise by the running server over its
 * admin socket (server/backup/admin-socket.ts).
 */
export async function backupCommand(file: string, config: ServerConfig, io: Io): Promise<number> {
  const dbEnv = { DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir };
  const target = resolve(file);
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    io.err(`In ${resolve(config.dataDir)} liegt keine Datenbank (DATA_DIR prüfen).`);
    return 1;
  }
  let db: Db;
  try {
    db = await openDb(dbEnv);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    try {
      const summary = await writeLinesAtomically(target, (write) =>
        requestBackup(config.dataDir, write),
      );
      io.out(`Sicherung vom laufenden Server (Prozess ${err.pid}) geschrieben: ${target}`);
      io.out(`  ${countsLine(summary)}`);
      return 0;
    } catch (socketErr) {
      if (!(socketErr instanceof AdminSocketUnavailable)) throw socketErr;
      io.err(
        `Die eingebettete Datenbank in ${err.dir} wird vom Server (Prozess ${err.pid}) benutzt, ` +
          'der aber keine Sicherungsaufträge annimmt (ältere Version?). Bitte den Server ' +
          'beenden und den Befehl wiederholen.',
      );
      return 2;
    }
  }
  try {
    const summary = await writeLinesAtomically(target, (write) =>
      writeBackup(db, write, packageVersion()),
    );
    io.out(`Sicherung von ${describeDb(dbEnv)} geschrieben: ${target}`);
    io.out(`  ${countsLine(summary)}`);
    return 0;
  } finally {
    await db.close();
  }
}

/** `restore <file>`: into an empty database only (BackupError otherwise). */
export async function restoreCommand(file: string, config: ServerConfig, io: Io): Promise<number> {
  const dbEnv = { DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir };
  if (!existsSync(file)) {
    io.err(`Die Datei ${resolve(file)} gibt es nicht.`);
    return 1;
  }
  let db: Db;
  try {
    db = await openDb(dbEnv);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    io.err(
      `Die eingebettete Datenbank in ${err.dir} wird gerade vom Server (Prozess ${err.pid}) ` +
        'benutzt. Eine Sicherung wird nur bei gestopptem Server eingespielt.',
    );
    return 2;
  }
  try {
    const summary = await restoreBackup(db, await readLines(file));
    io.out(`Sicherung eingespielt in ${describeDb(dbEnv)}: ${countsLine(summary)}`);
    io.out('Angemeldete Geräte bleiben angemeldet; Clients synchronisieren ab ihrem Stand weiter.');
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
