import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../db';
import { type BackupSummary, END_LINE, writeBackup } from './backup';

/*
 * Backups of the embedded database while the server runs. Only one process may open a
 * PGlite directory (server/db/dir-lock.ts), so the admin tool cannot read it itself; it asks
 * the running server over a Unix socket instead. The socket lies in a directory only the
 * owner of DATA_DIR may enter (0700): whoever can connect could read the data files anyway,
 * so it needs no password, and nothing listens on the network. The only command is
 * `backup`; the answer is the backup's lines, or one {"error": …} line.
 */

/** Unix socket paths are limited to about 100 bytes; a long DATA_DIR gets one in tmpdir. */
export function adminSocketPath(dataDir: string): string {
  const dir = resolve(dataDir);
  if (process.platform === 'win32') {
    return `\\\\.\\pipe\\quartier-wegweiser-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  }
  const inside = join(dir, '.admin', 'admin.sock');
  if (Buffer.byteLength(inside) <= 100) return inside;
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return join(tmpdir(), `quartier-wegweiser-${hash}`, 'admin.sock');
}

async function writeLine(socket: Socket, line: string): Promise<void> {
  if (socket.destroyed) throw new Error('admin client went away');
  if (socket.write(`${line}\n`)) return;
  // Backpressure; a client that disconnects meanwhile aborts the backup (and its snapshot).
  const closed = once(socket, 'close').then(() => {
    throw new Error('admin client went away');
  });
  await Promise.race([once(socket, 'drain'), closed]);
}

export interface AdminSocket {
  path: string;
  close(): Promise<void>;
}

/** Listens for the admin tool's `backup` requests; the server runs this on PGlite. */
export async function serveAdminSocket(
  db: Db,
  dataDir: string,
  appVersion: string,
): Promise<AdminSocket> {
  const path = adminSocketPath(dataDir);
  if (process.platform !== 'win32') {
    const parent = resolve(path, '..');
    await mkdir(parent, { recursive: true, mode: 0o700 });
    await chmod(parent, 0o700);
    // Left behind by a crash; we hold the data directory's lock, so no one else uses it.
    await rm(path, { force: true });
  }
  const server: Server = createServer((socket) => {
    socket.on('error', () => {});
    const lines = createInterface({ input: socket });
    lines.once('line', (line) => {
      lines.close();
      let command: unknown;
      try {
        command = (JSON.parse(line) as { command?: unknown }).command;
      } catch {}
      if (command !== 'backup') {
        socket.end(`${JSON.stringify({ error: 'Unbekannter Befehl.' })}\n`);
        return;
      }
      writeBackup(db, (l) => writeLine(socket, l), appVersion).then(
        () => socket.end(),
        (err) => {
          console.error('Sicherung fehlgeschlagen / backup failed:', (err as Error).message);
          if (!socket.destroyed) {
            socket.end(`${JSON.stringify({ error: (err as Error).message })}\n`);
          }
        },
      );
    });
  });
  server.listen(path);
  await once(server, 'listening');
  if (process.platform !== 'win32') await chmod(path, 0o600);
  return {
    path,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      if (process.platform !== 'win32') await rm(path, { force: true });
    },
  };
}

export class AdminSocketUnavailable extends Error {}

/**
 * Asks the server running on `dataDir` for a backup; `write` gets each line. Throws
 * AdminSocketUnavailable if no server answers there.
 */
export async function requestBackup(
  dataDir: string,
  write: (line: string) => Promise<void>,
): Promise<BackupSummary> {
  const socket = createConnection(adminSocketPath(dataDir));
  try {
    await once(socket, 'connect');
  } catch (err) {
    socket.destroy();
    throw new AdminSocketUnavailable((err as Error).message);
  }
  socket.write(`${JSON.stringify({ command: 'backup' })}\n`);
  let summary: BackupSummary | undefined;
  let last = '';
  for await (const line of createInterface({ input: socket })) {
    if (summary === undefined) {
      const first = JSON.parse(line) as { error?: unknown; tables?: Record<string, number> };
      if (typeof first.error === 'string') throw new Error(first.error);
      const tables = first.tables ?? {};
      summary = { tables, rows: Object.values(tables).reduce((a, b) => a + b, 0) };
    }
    await write(line);
    last = line;
  }
  const ended = last === END_LINE;
  if (!summary || !ended) throw new Error('Der Server hat die Sicherung abgebrochen.');
  return summary;
}
