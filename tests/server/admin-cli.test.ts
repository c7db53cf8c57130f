import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password';
import { addUser } from '../../server/auth/users';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import { openPglite, openPostgres } from '../../server/db';
import { DATABASE_URL } from './helpers';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('admin CLI with the embedded database', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('adds, lists, disables, enables and resets accounts while no server runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qw-admin-'));
    dirs.push(dir);
    const env = { DATA_DIR: dir };

    // A fresh directory: the CLI migrates it itself.
    const add = capture();
    expect(
      await runAdmin(
        ['user', 'add', '--email', 'Anna@Stadt.example', '--role', 'coordinator'],
        env,
        add,
      ),
    ).toBe(0);
    expect(add.lines[0]).toMatch(/Konto angelegt: anna@stadt\.example \(coordinator\)/);
    const generated = /Passwort \(wird nur jetzt angezeigt\): (\S+)/.exec(
      add.lines.join('\n'),
    )?.[1];
    expect(generated).toMatch(/^[A-Za-z0-9]{20}$/);

    const own = capture();
    expect(
      await runAdmin(
        [
          'user',
          'add',
          '--email',
          'bert@traeger.example',
          '--role',
          'worker',
          '--password',
          'eigenes-passwort',
        ],
        env,
        own,
      ),
    ).toBe(0);
    expect(own.lines.join('\n')).not.toMatch(/Passwort/);

    const dup = capture();
    expect(
      await runAdmin(
        ['user', 'add', '--email', 'anna@stadt.example', '--role', 'worker'],
        env,
        dup,
      ),
    ).toBe(1);
    expect(dup.errors[0]).toMatch(/schon ein Konto/);

    const badRole = capture();
    expect(
      await runAdmin(['user', 'add', '--email', 'c@x.example', '--role', 'chef'], env, badRole),
    ).toBe(1);
    expect(badRole.errors[0]).toMatch(/Unbekannte Rolle/);

    expect(await runAdmin(['user', 'disable', 'bert@traeger.example'], env, capture())).toBe(0);
    const list = capture();
    expect(await runAdmin(['user', 'list'], env, list)).toBe(0);
    expect(list.lines[0]).toMatch(/^E-Mail\s+Rolle\s+Status/);
    expect(list.lines.find((l) => l.startsWith('anna@'))).toMatch(/coordinator\s+aktiv/);
    expect(list.lines.find((l) => l.startsWith('bert@'))).toMatch(/worker\s+gesperrt/);

    expect(
      await runAdmin(['user', 'enable', '--email', 'bert@traeger.example'], env, capture()),
    ).toBe(0);
    const reset = capture();
    expect(await runAdmin(['user', 'password', '--email', 'anna@stadt.example'], env, reset)).toBe(
      0,
    );
    const newPassword = /Neues Passwort.*: (\S+)/.exec(reset.lines.join('\n'))?.[1] ?? '';

    const db = await openPglite(dir);
    try {
      const rows = await db.query<{ email: string; password_hash: string; disabled_at: unknown }>(
        'select email, password_hash, disabled_at from users order by email',
      );
      expect(rows.map((r) => [r.email, r.disabled_at])).toEqual([
        ['anna@stadt.example', null],
        ['bert@traeger.example', null],
      ]);
      expect(await verifyPassword(newPassword, rows[0]?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword(generated ?? '', rows[0]?.password_hash ?? '')).toBe(false);
      expect(await verifyPassword('eigenes-passwort', rows[1]?.password_hash ?? '')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('refuses with a clear German message while a server holds the database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qw-admin-'));
    dirs.push(dir);
    const server = await openPglite(dir); // holds the data-dir lock, as a running server does
    try {
      const io = capture();
      const code = await runAdmin(
        ['user', 'add', '--email', 'x@y.example', '--role', 'worker', '--password', 'lang-genug-1'],
        { DATA_DIR: dir },
        io,
      );
      expect(code).toBe(2);
      expect(io.errors.join('\n')).toMatch(
        /wird gerade vom laufenden Server \(Prozess \d+\) benutzt.*Server beenden/s,
      );
    } finally {
      await server.close();
    }
    // Stopped: now it works.
    expect(await runAdmin(['user', 'list'], { DATA_DIR: dir }, capture())).toBe(0);
  });

  it('housekeeping deletes old rows once and prints the counts per table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qw-admin-'));
    dirs.push(dir);
    expect(await runAdmin(['user', 'list'], { DATA_DIR: dir }, capture())).toBe(0); // migrates
    const db = await openPglite(dir);
    try {
      const user = await addUser(db, {
        email: 'hk@stadt.example',
        role: 'coordinator',
        password: 'richtig-geheim-123',
      });
      await db.query(
        `insert into sessions (token_hash, user_id, expires_at) values
           ('old-1', $1, now() - interval '3 days'), ('old-2', $1, now() - interval '2 days'),
           ('live', $1, now() + interval '1 day')`,
        [user.id],
      );
      await db.query(
        `insert into processed_mutations (client_id, mutation_id, status, result, processed_at)
         values ('c', 'old', 'applied', '{}', now() - interval '31 days'),
                ('c', 'new', 'applied', '{}', now() - interval '29 days')`,
      );
      await db.query(
        `insert into audit_log (at, table_name, record_id, version, action, field)
         values (now() - interval '3000 days', 'services', gen_random_uuid(), 1, 'update', 'name')`,
      );
    } finally {
      await db.close();
    }

    const io = capture();
    const env = { DATA_DIR: dir, PROCESSED_RETENTION_DAYS: '30', AUDIT_RETENTION_DAYS: '0' };
    expect(await runAdmin(['housekeeping'], env, io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(io.lines[0]).toMatch(/^Aufgeräumt in PGlite .*, gelöschte Zeilen:$/);
    expect(io.lines.slice(1)).toEqual([
      '  sessions             2  (Sitzungen, seit mehr als 1 Tag abgelaufen)',
      '  login_failures       0  (Fehlanmeldungen älter als 1 Tag, ohne aktive Sperre)',
      '  processed_mutations  1  (Push-Quittungen älter als 30 Tage)',
      '  audit_log            0  (Änderungsprotokoll: unbegrenzt aufbewahrt)',
    ]);

    const after = await openPglite(dir);
    try {
      const left = await after.query<{ t: string; n: number }>(
        `select 'sessions' as t, count(*)::int as n from sessions
         union all select 'processed', count(*)::int from processed_mutations
         union all select 'audit', count(*)::int from audit_log`,
      );
      expect(left).toEqual([
        { t: 'sessions', n: 1 },
        { t: 'processed', n: 1 },
        { t: 'audit', n: 1 },
      ]);
    } finally {
      await after.close();
    }

    // A second run finds nothing more.
    const again = capture();
    expect(await runAdmin(['housekeeping'], env, again)).toBe(0);
    expect(again.lines.slice(1).map((l) => l.trim().split(/\s+/)[1])).toEqual(['0', '0', '0', '0']);

    // Bad settings and arguments: a German explanation, exit code 2, database untouched.
    const bad = capture();
    expect(
      await runAdmin(['housekeeping'], { DATA_DIR: dir, AUDIT_RETENTION_DAYS: 'zwei Jahre' }, bad),
    ).toBe(2);
    expect(bad.errors.join('\n')).toMatch(
      /AUDIT_RETENTION_DAYS muss eine ganze Zahl von Tagen sein.*nicht „zwei Jahre“/,
    );
    const extra = capture();
    expect(await runAdmin(['housekeeping', 'jetzt'], { DATA_DIR: dir }, extra)).toBe(2);
    expect(extra.errors.join('\n')).toMatch(/housekeeping hat keine weiteren Angaben/);
  });

  it('explains its usage on bad arguments', async () => {
    for (const argv of [
      [],
      ['user'],
      ['user', 'delete'],
      ['user', 'disable'],
      ['user', 'add', '--email', 'a@b.example'],
      ['user', 'list', '--bogus'],
    ]) {
      const io = capture();
      expect(
        await runAdmin(argv, { DATA_DIR: '/nonexistent/never-opened' }, io),
        argv.join(' '),
      ).toBe(2);
      expect(io.errors.join('\n')).toMatch(/npm run admin -- user add/);
    }
    const help = capture();
    expect(await runAdmin(['--help'], {}, help)).toBe(0);
    expect(help.lines[0]).toMatch(/Benutzerverwaltung/);
  });
});

describe.runIf(DATABASE_URL)('admin CLI with PostgreSQL', () => {
  const schema = `qw_test_admin_${process.pid}`;
  afterAll(async () => {
    const sql = postgres(DATABASE_URL as string, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop schema if exists ${schema} cascade`);
    await sql.end();
  });

  it('works while a server is connected', async () => {
    const server = await openPostgres(DATABASE_URL as string, { schema });
    try {
      const url = new URL(DATABASE_URL as string);
      url.searchParams.set('search_path', schema);
      const env = { DATABASE_URL: url.toString() };
      const io = capture();
      expect(
        await runAdmin(['user', 'add', '--email', 'pg@stadt.example', '--role', 'admin'], env, io),
      ).toBe(0);
      const rows = await server.query<{ email: string; role: string }>(
        'select email, role from users',
      );
      expect(rows).toEqual([{ email: 'pg@stadt.example', role: 'admin' }]);
    } finally {
      await server.close();
    }
  });
});
