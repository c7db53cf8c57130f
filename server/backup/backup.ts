import type { Db, Queryable } from '../db';
import { loadMigrations, migrate } from '../migrate';

/*
 * A backup is a logical dump in JSON lines, the same for PGlite and PostgreSQL, so it can be
 * restored into either:
 *
 *   {"format":"quartier-wegweiser-backup","formatVersion":1, …header…}
 *   {"table":"users","rows":2}
 *   {…one row as PostgreSQL's to_jsonb…}
 *   {…}
 *   {"table":"records","rows":…}
 *   …
 *   {"end":true}
 *
 * The header names the migrations the schema had, the value of every sequence and the row
 * count of every table; all of it is read in ONE snapshot (Db.snapshot), so it is
 * consistent while the server keeps writing. Rows are copied as PostgreSQL's own JSON text
 * and fed back through jsonb_populate_recordset: no JavaScript number or date ever touches
 * them. The `end` line shows that the file is complete.
 */

export const BACKUP_FORMAT = 'quartier-wegweiser-backup';
const FORMAT_VERSION = 1;
/** Rows are PostgreSQL's jsonb text (`{"k": v}`, with a space), so no row equals this. */
export const END_LINE = '{"end":true}';
const MIGRATIONS_TABLE = 'schema_migrations';
/** Rows fetched (backup) and inserted (restore) per statement. */
const BATCH = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: Db['kind'];
  appVersion: string;
  migrations: { name: string; checksum: string }[];
  /** Sequence name → last value (null: never used). */
  sequences: Record<string, string | null>;
  /** Table → row count, in an order that satisfies foreign keys. */
  tables: Record<string, number>;
}

export interface BackupSummary {
  tables: Record<string, number>;
  rows: number;
}

/** A German message for the operator: the backup or the target is not usable. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of the current schema, referenced tables before those that reference them. */
async function tablesInOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
        order by table_name`,
    )
  ).map((r) => r.name);
  const refs = await q.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`,
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const r of refs) if (r.child === t && r.parent !== t) visit(r.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function sequenceValues(q: Queryable): Promise<Record<string, string | null>> {
  const rows = await q.query<{ name: string; value: string | null }>(
    `select sequencename as name, last_value::text as value from pg_sequences
      where schemaname = current_schema() order by sequencename`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

async function appliedMigrations(q: Queryable): Promise<{ name: string; checksum: string }[]> {
  const [exists] = await q.query<{ present: boolean }>(
    'select to_regclass($1) is not null as present',
    [MIGRATIONS_TABLE],
  );
  if (!exists?.present) return [];
  return q.query(`select name, checksum from ${MIGRATIONS_TABLE} order by name`);
}

/**
 * Writes the whole database to `write`, one line per call (without the newline), from one
 * snapshot. On PGlite this holds the database for the duration, so requests wait meanwhile.
 */
export async function writeBackup(
  db: Db,
  write: (line: string) => Promise<void>,
  appVersion: string,
): Promise<BackupSummary> {
  return db.snapshot(async (q) => {
    const tables = (await tablesInOrder(q)).filter((t) => t !== MIGRATIONS_TABLE);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await q.query<{ n: string | number }>(`select count(*) as n from ${ident(t)}`);
      counts[t] = Number(row?.n ?? 0);
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: db.kind,
      appVersion,
      migrations: await appliedMigrations(q),
      sequences: await sequenceValues(q),
      tables: counts,
    };
    await write(JSON.stringify(header));
    let rows = 0;
    for (const t of tables) {
      await write(JSON.stringify({ table: t, rows: counts[t] }));
      // A cursor streams the table; inside the snapshot it reads the same rows as count(*).
      await q.exec(
        `declare backup_rows no scroll cursor for select to_jsonb(t)::text as j from ${ident(t)} t`,
      );
      for (;;) {
        const batch = await q.query<{ j: string }>(`fetch ${BATCH} from backup_rows`);
        for (const r of batch) await write(r.j);
        rows += batch.length;
        if (batch.length < BATCH) break;
      }
      await q.exec('close backup_rows');
    }
    await write(END_LINE);
    return { tables: counts, rows };
  });
}

function parseLine(line: string, what: string): Record<string, unknown> {
  try {
    const x = JSON.parse(line) as unknown;
    if (x && typeof x === 'object' && !Array.isArray(x)) return x as Record<string, unknown>;
  } catch {}
  throw new BackupError(`Die Sicherung ist beschädigt (${what} unlesbar).`);
}

function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw new BackupError('Die Sicherungsdatei ist leer.');
  let x: Record<string, unknown>;
  try {
    x = parseLine(line, 'Kopfzeile');
  } catch {
    throw new BackupError('Das ist keine Sicherung des Quartier-Wegweisers.');
  }
  if (x.format !== BACKUP_FORMAT) {
    throw new BackupError('Das ist keine Sicherung des Quartier-Wegweisers.');
  }
  if (x.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(
      `Diese Sicherung hat das Format ${String(x.formatVersion)}; dieses Programm kennt nur ` +
        `Format ${FORMAT_VERSION}. Bitte mit der passenden Version des Wegweisers einspielen.`,
    );
  }
  return x as unknown as BackupHeader;
}

/** Rows in any table except the migration bookkeeping: then it is not empty. */
async function nonEmptyTables(q: Queryable): Promise<string[]> {
  const full: string[] = [];
  for (const t of await tablesInOrder(q)) {
    if (t === MIGRATIONS_TABLE) continue;
    const [row] = await q.query<{ any: boolean }>(
      `select exists (select 1 from ${ident(t)}) as any`,
    );
    if (row?.any) full.push(t);
  }
  return full;
}

/**
 * Restores a backup into an EMPTY database: first the schema the backup was taken from
 * (its migrations), then all rows and sequence values in one transaction, then the
 * migrations added since, exactly as an upgrade of the old installation would run them.
 * Sessions come back too, so signed-in devices stay signed in.
 */
export async function restoreBackup(db: Db, lines: AsyncIterable<string>): Promise<BackupSummary> {
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? undefined : r.value;
  };
  const header = parseHeader(await next());

  const known = new Map((await loadMigrations()).map((m) => [m.name, m.checksum]));
  for (const m of header.migrations) {
    const checksum = known.get(m.name);
    if (checksum === undefined) {
      throw new BackupError(
        `Die Sicherung stammt von einer neueren Version des Wegweisers (Migration ${m.name} ` +
          'ist hier unbekannt). Bitte zuerst die Software aktualisieren.',
      );
    }
    if (checksum !== m.checksum) {
      throw new BackupError(
        `Migration ${m.name} der Sicherung passt nicht zu dieser Version des Wegweisers.`,
      );
    }
  }
  const wanted = new Set(header.migrations.map((m) => m.name));
  const present = await appliedMigrations(db);
  const ahead = present.filter((m) => !wanted.has(m.name));
  if (ahead.length > 0) {
    throw new BackupError(
      `Die Zieldatenbank hat schon einen neueren Stand (${ahead.map((m) => m.name).join(', ')}) ` +
        'als die Sicherung. Bitte in eine ganz leere Datenbank einspielen.',
    );
  }
  const full = await nonEmptyTables(db);
  if (full.length > 0) {
    throw new BackupError(
      `Die Zieldatenbank ist nicht leer (Daten in: ${full.join(', ')}). Eine Sicherung wird ` +
        'nur in eine leere Datenbank eingespielt, damit nichts überschrieben wird: bitte ein ' +
        'neues, leeres DATA_DIR bzw. eine leere PostgreSQL-Datenbank angeben (und den Server ' +
        'dort nicht vorher mit Demodaten starten).',
    );
  }
  await migrate(db, undefined, wanted);

  const summary = await db.tx(async (q) => {
    const tables: Record<string, number> = {};
    let rows = 0;
    for (;;) {
      const line = await next();
      if (line === undefined) {
        throw new BackupError(
          'Die Sicherung ist unvollständig (das Ende fehlt), vermutlich abgebrochen. ' +
            'Nichts wurde eingespielt.',
        );
      }
      const section = parseLine(line, 'Abschnitt');
      if (section.end === true) break;
      const table = section.table;
      const count = section.rows;
      if (typeof table !== 'string' || typeof count !== 'number' || !(table in header.tables)) {
        throw new BackupError('Die Sicherung ist beschädigt (unbekannter Abschnitt).');
      }
      const columns = (
        await q.query<{ name: string }>(
          `select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = $1`,
          [table],
        )
      ).map((r) => ident(r.name));
      if (columns.length === 0) {
        throw new BackupError(`Die Tabelle ${table} der Sicherung gibt es hier nicht.`);
      }
      const list = columns.join(', ');
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await q.query(
          `insert into ${ident(table)} (${list}) overriding system value
           select ${list} from jsonb_populate_recordset(null::${ident(table)}, $1::text::jsonb)`,
          [`[${batch.join(',')}]`],
        );
        batch = [];
      };
      for (let i = 0; i < count; i++) {
        const row = await next();
        if (row === undefined || !row.startsWith('{')) {
          throw new BackupError(`Die Sicherung ist beschädigt (Tabelle ${table} unvollständig).`);
        }
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (count !== header.tables[table]) {
        throw new BackupError(`Die Sicherung ist beschädigt (Zeilenzahl von ${table}).`);
      }
      tables[table] = count;
      rows += count;
    }
    const missing = Object.keys(header.tables).filter((t) => !(t in tables));
    if (missing.length > 0) {
      throw new BackupError(`Die Sicherung ist beschädigt (es fehlt: ${missing.join(', ')}).`);
    }
    for (const [name, value] of Object.entries(header.sequences)) {
      if (value === null) continue;
      await q.query('select setval($1::regclass, $2::bigint, true)', [ident(name), value]);
    }
    return { tables, rows };
  });
  await migrate(db);
  return summary;
}
