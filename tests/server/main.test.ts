import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/model';
import { DATABASE_URL } from './helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` as `npm start` would, on a free port. */
async function start(env: Record<string, string>): Promise<Running> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000);
    const check = () => {
      const m = /(http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}

/** `npm run admin -- …` as an operator would type it. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function pullCount(url: string): Promise<number> {
  let n = 0;
  let cursor = '';
  for (;;) {
    const page = (await (
      await fetch(`${url}/api/sync/pull?since=${cursor}&limit=2000`)
    ).json()) as PullResponse;
    n += page.changes.length;
    cursor = page.cursor;
    if (!page.more) return n;
  }
}

describe('server/main.ts with PGlite', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) {
      await rm(d, { recursive: true, force: true });
      await rm(`${d}.jsonl`, { force: true });
    }
  });

  it('starts, seeds, serves, stops cleanly on SIGTERM and keeps its data', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qw-main-'));
    dirs.push(dataDir);

    const first = await start({ DATA_DIR: dataDir });
    expect(first.output()).toMatch(
      /Quartier-Wegweiser läuft \/ is running: http:\/\/localhost:\d+ \(PGlite /,
    );
    expect(first.output()).toMatch(/Demodaten angelegt/);
    // Demo accounts, with their passwords in the log, only in the embedded demo database.
    expect(first.output()).toMatch(/koordination@demo\.example\s+Passwort: demo-koordination/);
    expect(first.output()).toMatch(/worker@demo\.example\s+Passwort: demo-kuemmerer/);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'koordination@demo.example', password: 'demo-koordination' }),
    });
    expect(await login.json()).toMatchObject({ user: { role: 'coordinator' } });
    // The admin CLI refuses to open the embedded database while the server holds it.
    const cli = await runCli(['user', 'list'], { DATA_DIR: dataDir });
    expect(cli.code).toBe(2);
    expect(cli.output).toMatch(/wird gerade vom laufenden Server/);
    // A backup is the exception: the running server writes it (server/backup/admin-socket.ts).
    const backup = await runCli(['backup', `${dataDir}.jsonl`], { DATA_DIR: dataDir });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Sicherung vom laufenden Server .* geschrieben/);
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, db: 'pglite' });
    // Over a real socket the body really is compressed (fetch decodes it transparently).
    const pull = await fetch(`${first.url}/api/sync/pull`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(pull.headers.get('Content-Encoding')).toBe('br');
    const seeded = await pullCount(first.url);
    expect(seeded).toBeGreaterThan(80);
    // A second server on the same DATA_DIR must not open (and corrupt) the database.
    await expect(start({ DATA_DIR: dataDir })).rejects.toThrow(
      /exited with 1[\s\S]*already in use/,
    );
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/shutting down/);

    // Stopped: the CLI works (through the npm script, as documented).
    const stopped = await runCli(['user', 'list'], { DATA_DIR: dataDir });
    expect(stopped.code, stopped.output).toBe(0);
    expect(stopped.output).toMatch(/koordination@demo\.example\s+coordinator\s+aktiv/);

    const second = await start({ DATA_DIR: dataDir });
    try {
      expect(second.output()).not.toMatch(/Demodaten angelegt/);
      expect(second.output()).not.toMatch(/Passwort:/);
      expect(second.output()).toMatch(/Demo-Zugänge aktiv: koordination@demo\.example/);
      expect(await pullCount(second.url)).toBe(seeded);
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });

  it('does not seed with SEED_DEMO=0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qw-main-'));
    dirs.push(dataDir);
    const s = await start({ DATA_DIR: dataDir, SEED_DEMO: '0' });
    try {
      expect(await pullCount(s.url)).toBe(0);
      expect(s.output()).not.toMatch(/Demo-Zugänge/);
      const login = await fetch(`${s.url}/api/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email: 'koordination@demo.example', password: 'demo-koordination' }),
      });
      expect(login.status).toBe(401);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });
});

describe.runIf(DATABASE_URL)('server/main.ts with DATABASE_URL', () => {
  const schema = `qw_test_main_${process.pid}`;
  const admin = () => postgres(DATABASE_URL as string, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    const sql = admin();
    await sql.unsafe(`drop schema if exists ${schema} cascade`);
    await sql.end();
  });

  it('migrates, seeds, reports postgres and does not print the password', async () => {
    const sql = admin();
    await sql.unsafe(`create schema if not exists ${schema}`);
    await sql.end();
    const url = new URL(DATABASE_URL as string);
    // postgres.js passes unknown URL parameters on as connection settings.
    url.searchParams.set('search_path', schema);
    if (!url.password) url.password = 'geheim-passwort'; // trust auth ignores it
    const s = await start({ DATABASE_URL: url.toString() });
    try {
      expect(await (await fetch(`${s.url}/api/health`)).json()).toMatchObject({ db: 'postgres' });
      expect(await pullCount(s.url)).toBeGreaterThan(80);
      expect(s.output()).toMatch(/\(PostgreSQL /);
      expect(s.output()).not.toContain(url.password);
      // Never demo accounts with a known password on PostgreSQL.
      expect(s.output()).not.toMatch(/Demo-Zugänge/);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });
});
