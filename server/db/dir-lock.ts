import { readFile, rm, writeFile } from 'node:fs/promises';

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `DATA_DIR ${dir} wird schon von Prozess ${pid} benutzt / is already in use by process ${pid}. ` +
        'Bitte den anderen Server beenden / stop the other server first.',
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own, and two processes on one data directory corrupt it (for
 * example a second `npm start` that fails on the port only after opening the database).
 * A pid file taken with O_EXCL guards it; a file left behind by a dead process is taken over.
 * Returns the release function.
 */
export async function lockDataDir(dir: string, lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => rm(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirInUseError(dir, pid);
    await rm(lockPath, { force: true });
  }
  throw new Error(`Could not lock ${dir}`);
}
