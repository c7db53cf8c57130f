import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * Writes a backup file line by line, gzipped if the name ends in `.gz`. It appears under
 * its name only when complete (written to a temporary file, then renamed), so a cron job
 * that fails halfway never leaves a truncated file that looks like a backup.
 */
export async function writeLinesAtomically<T>(
  path: string,
  produce: (write: (line: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const tmp = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(tmp, { mode: 0o600 });
  const gzip = path.endsWith('.gz') ? createGzip() : undefined;
  if (gzip) gzip.pipe(file);
  const sink: Writable = gzip ?? file;
  const write = async (line: string) => {
    if (!sink.write(`${line}\n`)) await once(sink, 'drain');
  };
  try {
    const result = await produce(write);
    sink.end();
    await finished(file);
    await rename(tmp, path);
    return result;
  } catch (err) {
    file.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The lines of a backup file, gunzipped if it starts with the gzip magic bytes. */
export async function readLines(path: string): Promise<AsyncIterable<string>> {
  const handle = await open(path, 'r');
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const raw = createReadStream(path);
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}
