import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { readAudit } from '../../server/audit';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import type { Db } from '../../server/db';
import { runImport } from '../../server/import/command';
import type { PullResponse } from '../../src/model';
import { backends, openMigrated } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const HSDS = resolve(ROOT, '../shared/data/hsds');
const SAMPLE_11 = join(HSDS, 'hsds-1.1-sample/all_resources');
const EXAMPLES_30 = join(HSDS, 'hsds-3.0/examples');

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'qw-import-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function quartiereFile(): Promise<string> {
  const f = join(await tmp(), 'orte.csv');
  await writeFile(f, 'city,quartier\nNew York City,Mitte\nMyCity,Mitte\nBerlin,Nord\n');
  return f;
}

type Row = {
  table_name: string;
  id: string;
  version: string;
  deleted: boolean;
  data: Record<string, unknown>;
};
const rows = (db: Db) =>
  db.query<Row>(
    'select table_name, id::text as id, version::text as version, deleted, data from records order by table_name, id',
  );
const live = async (db: Db, table: string) =>
  (await rows(db)).filter((r) => r.table_name === table && !r.deleted);

/** A generated package with every kind of mess, and 10,000+ rows. */
async function messyPackage(opts: { withErrors: boolean; drop?: string } = { withErrors: true }) {
  const dir = await tmp();
  const bom = '\ufeff';
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify({ name: 'messy', resources: [] }));
  const orgs = [
    'id;name;email',
    'o1;Stadtteilverein Nord  ;info@verein.example',
    'o2;Stadtteilverein Nord;',
    'o3;Kulturhaus;not-an-email',
  ];
  await writeFile(join(dir, 'organizations.csv'), bom + orgs.join('\r\n'));
  const services = ['id,organization_id,name,description,status,taxonomy_ids'];
  services.push('s1,o1,Sprachcafé,Deutsch üben,,T-UNKNOWN');
  services.push('s2,o1,Sprachcafé,Noch eins,active,FOOD');
  services.push('s3,o3,Schuldnerberatung ,Hilfe,ACTIVE,');
  if (opts.withErrors) {
    services.push('s3,o3,Doppelt,Gleiche ID,active,');
    services.push('s4,o-missing,Ohne Träger,Verweis ins Leere,active,');
  }
  for (let i = 0; i < 10_000; i++)
    services.push(`bulk${i},o2,Angebot ${i},English text ${i},active,`);
  const filtered = services.filter((l) => !opts.drop || !l.startsWith(`${opts.drop},`));
  await writeFile(join(dir, 'services.csv'), filtered.join('\n'));
  // Broken UTF-8 in a location name (a Latin-1 byte).
  const loc = Buffer.concat([
    Buffer.from('id,organization_id,name,latitude,longitude\nl1,o1,Stra'),
    Buffer.from([0xdf]),
    Buffer.from('enladen,52.52,13.40\nl2,o1,Ohne Adresse,,\n'),
  ]);
  await writeFile(join(dir, 'locations.csv'), loc);
  await writeFile(
    join(dir, 'physical_addresses.csv'),
    'id,location_id,address_1,postal_code,city\na1,l1,Hauptstr. 1,12345,Berlin\na2,l-missing,Nirgendwo 1,12345,Berlin\n',
  );
  await writeFile(
    join(dir, 'services_at_location.csv'),
    'id,service_id,location_id\nsal1,s1,l1\nsal2,s1,l-missing\n',
  );
  await writeFile(
    join(dir, 'regular_schedules.csv'),
    [
      'id,service_id,location_id,weekday,opens_at,closes_at',
      'r1,s1,l1,1,9:00am,5pm',
      'r2,s1,l1,2,0900,1200',
      'r3,s1,l1,3,9-5,',
      'r4,s1,l1,4,closed,closed',
      'r5,s1,l1,5,morgens,mittags',
      'r6,s-missing,l1,1,09:00,10:00',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'languages.csv'),
    'id,service_id,language\nla1,s1,"English, Deutsch"\nla2,s1,Klingon\n',
  );
  await writeFile(join(dir, 'taxonomy.csv'), 'id,name,vocabulary\nFOOD,Food Pantry,AIRS\n');
  return dir;
}

for (const backend of backends) {
  // Generated packages of 10,000+ rows: about 20 s on an idle machine, several times that
  // on a busy one.
  describe(`import (${backend.name})`, { timeout: 180_000 }, () => {
    it('imports the HSDS 1.1 sample with schedules, closures, languages and contacts', async () => {
      const t = await openMigrated(backend);
      try {
        const quartiere = [await quartiereFile()];
        const dry = await runImport(t.db, { path: SAMPLE_11, commit: false, quartiere });
        expect(dry.code).toBe(0);
        expect(await rows(t.db)).toEqual([]);
        const done = await runImport(t.db, { path: SAMPLE_11, commit: true, quartiere });
        expect(done.code).toBe(0);
        const services = await live(t.db, 'services');
        expect(services.length).toBe(dry.counts?.services.create);
        const helpline = services.find((s) => s.data.name === 'Never Homeless Helpline');
        expect(helpline?.data.languages).toEqual(['en', 'es']);
        expect(helpline?.data.location_ids).toHaveLength(1);
        const schedules = (await live(t.db, 'schedules')).filter(
          (s) => s.data.service_id === helpline?.id,
        );
        expect(schedules.map((s) => s.data.byday).sort()).toEqual(['MO', 'TU', 'WE']);
        expect(schedules[0]?.data.exdates).toEqual(['2019-12-24', '2019-12-25', '2019-12-26']);
        const [loc] = await live(t.db, 'locations');
        expect(loc?.data).toMatchObject({
          quartier: 'Mitte',
          postal_code: '10001',
          city: 'New York City',
        });
        expect((await live(t.db, 'contacts'))[0]?.data.service_id).toBe(helpline?.id);
        const origins = await t.db.query<{ n: string }>(
          'select count(*)::text as n from import_origins',
        );
        expect(Number(origins[0]?.n)).toBe((await rows(t.db)).length);

        // Residents pull the imported records like any other.
        const res = await createApp({ db: t.db, distDir: '/nonexistent' }).request(
          '/api/sync/pull?limit=2000',
        );
        expect(res.status).toBe(200);
        const page = (await res.json()) as PullResponse;
        expect(
          page.changes
            .filter((c) => c.table === 'services')
            .map((c) => c.id)
            .sort(),
        ).toEqual(services.map((s) => s.id).sort());

        // Twice in a row: nothing changes, no new versions.
        const before = await rows(t.db);
        const again = await runImport(t.db, { path: SAMPLE_11, commit: true, quartiere });
        expect(again.code).toBe(0);
        expect(again.counts?.services).toEqual({
          create: 0,
          update: 0,
          unchanged: services.length,
          delete: 0,
        });
        expect(await rows(t.db)).toEqual(before);
      } finally {
        await t.destroy();
      }
    });

    it('imports HSDS 3.0 JSON (list page, one service) and the 3.0 tabular package', async () => {
      const t = await openMigrated(backend);
      try {
        const quartiere = [await quartiereFile()];
        for (const file of ['service_list.json', 'service_full.json']) {
          const r = await runImport(t.db, {
            path: join(EXAMPLES_30, file),
            commit: true,
            quartiere,
            source: file,
          });
          expect(r.code, r.lines.join('\n')).toBe(0);
        }
        const csv = await runImport(t.db, {
          path: join(EXAMPLES_30, 'csv'),
          commit: true,
          quartiere,
        });
        expect(csv.code, csv.lines.join('\n')).toBe(0);
        const services = await live(t.db, 'services');
        // One per source: the same offer from three sources is three records.
        expect(services.map((s) => s.data.name)).toEqual([
          'Community Counselling',
          'Community Counselling',
          'Community Counselling',
        ]);
        expect(csv.counts?.schedules.create).toBeGreaterThan(0);
      } finally {
        await t.destroy();
      }
    });

    it('reports every kind of mess for its row and blocks on errors', async () => {
      const t = await openMigrated(backend);
      try {
        const dir = await messyPackage();
        const r = await runImport(t.db, { path: dir, commit: true });
        expect(r.code).toBe(1);
        expect(await rows(t.db)).toEqual([]);
        const found = (code: string) =>
          r.issues
            .filter((i) => i.code === code)
            .map((i) => `${i.file}:${i.row}:${i.column ?? ''}`);
        expect(found('BOM')).toEqual(['organizations.csv:0:']);
        expect(found('DELIMITER')).toEqual(['organizations.csv:0:']);
        expect(found('WHITESPACE')).toEqual(['organizations.csv:1:name', 'services.csv:3:name']);
        expect(found('ENCODING')).toEqual(['locations.csv:1:name']);
        expect(found('MISSING_STATUS')).toEqual(['services.csv:1:status']);
        expect(found('UNKNOWN_STATUS')).toEqual([]);
        expect(found('DUPLICATE_ID')).toEqual(['services.csv:4:id']);
        expect(found('DUPLICATE_NAME')).toEqual([
          'organizations.csv:2:name',
          'services.csv:2:name',
        ]);
        expect(found('UNMAPPED_TERM')).toEqual([
          'services.csv:1:taxonomy_id',
          'services.csv:2:taxonomy_id',
        ]);
        expect(found('UNKNOWN_REFERENCE')).toEqual([
          'physical_addresses.csv:2:location_id',
          'services_at_location.csv:2:location_id',
          'services.csv:5:organization_id',
          'regular_schedules.csv:6:service_id',
        ]);
        expect(found('FIELD_DROPPED')).toEqual(['organizations.csv:3:email']);
        expect(found('TIME_ASSUMED_PM')).toEqual(['regular_schedules.csv:3:opens_at']);
        expect(found('CLOSED')).toEqual(['regular_schedules.csv:4:opens_at']);
        expect(found('INVALID_TIME')).toEqual(['regular_schedules.csv:5:opens_at']);
        expect(found('UNKNOWN_LANGUAGE')).toEqual(['languages.csv:2:language']);
        expect(found('NO_ADDRESS')).toEqual(['locations.csv:2:']);
        expect(found('NO_QUARTIER')).toEqual(['locations.csv:1:']);
        expect(r.counts?.services.create).toBe(10_003);
        // Values are reported, whole records never.
        expect(r.lines.join('\n')).not.toContain('English text 5');
      } finally {
        await t.destroy();
      }
    });

    it('commits a clean messy package: times read, terms kept searchable; a removed row becomes a tombstone', async () => {
      const t = await openMigrated(backend);
      try {
        const mapping = join(await tmp(), 'mapping.csv');
        await writeFile(
          mapping,
          'term;categories;target_groups\nFood Pantry;nahversorgung;familien\n',
        );
        const quartiere = [await quartiereFile()];
        const dir = await messyPackage({ withErrors: false });
        const r = await runImport(t.db, {
          path: dir,
          commit: true,
          mapping,
          quartiere,
          source: 'messy',
        });
        expect(r.code, r.lines.slice(0, 10).join('\n')).toBe(0);
        const services = await live(t.db, 'services');
        expect(services).toHaveLength(10_003);
        const cafe = services.filter((s) => s.data.name === 'Sprachcafé');
        expect(cafe.map((s) => s.data.status)).toEqual(['active', 'active']);
        const s1 = cafe.find((s) => s.data.description !== 'Noch eins');
        const s2 = cafe.find((s) => s.data.description === 'Noch eins');
        expect(s1?.data.description).toContain('Stichworte: T-UNKNOWN');
        expect(s2?.data).toMatchObject({
          categories: ['nahversorgung'],
          target_groups: ['familien'],
        });
        expect(s1?.data.languages).toEqual(['en', 'de']); // in the source's order
        const times = (await live(t.db, 'schedules'))
          .map((s) => `${s.data.byday} ${s.data.opens_at}-${s.data.closes_at}`)
          .sort();
        expect(times).toEqual(['MO 09:00-17:00', 'TU 09:00-12:00', 'WE 09:00-17:00']);
        expect((await live(t.db, 'locations'))[0]?.data.quartier).toBe('Nord');

        // The source loses s3: its record becomes a tombstone; the rest stays as it was.
        const before = new Map((await rows(t.db)).map((x) => [x.id, x.version]));
        const smaller = await messyPackage({ withErrors: false, drop: 's3' });
        const again = await runImport(t.db, {
          path: smaller,
          commit: true,
          mapping,
          quartiere,
          source: 'messy',
        });
        expect(again.code).toBe(0);
        const after = await rows(t.db);
        const changed = after.filter((x) => before.get(x.id) !== x.version);
        expect(changed.map((x) => [x.table_name, x.deleted, x.data.name])).toEqual([
          ['services', true, 'Schuldnerberatung'],
        ]);
        expect(after).toHaveLength(before.size);
        const audit = await t.db.query<{ action: string }>(
          'select distinct action from audit_log where record_id = $1::uuid',
          [changed[0]?.id],
        );
        expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
        // The history names the importing source and the value each field got.
        const history = await readAudit(t.db, 'services', changed[0]?.id ?? '');
        const named = history.find(
          (h) => h.field_name === 'name' && h.last_action_type === 'create',
        );
        expect(named).toMatchObject({
          updated_by: 'Import messy',
          previous_value: null,
          replacement_value: 'Schuldnerberatung',
        });
      } finally {
        await t.destroy();
      }
    });

    it('writes all or nothing: a failure in the middle leaves the database unchanged', async () => {
      const t = await openMigrated(backend);
      try {
        const quartiere = [await quartiereFile()];
        await runImport(t.db, {
          path: join(EXAMPLES_30, 'service_list.json'),
          commit: true,
          quartiere,
        });
        const before = await rows(t.db);
        const origins = await t.db.query('select * from import_origins order by source_key');
        await t.db.exec(`
          create function qw_test_boom() returns trigger language plpgsql as $$
          begin
            if new.data->>'name' = 'Angebot 5000' then raise exception 'boom'; end if;
            return new;
          end $$;
          create trigger qw_test_boom before insert or update on records
            for each row execute function qw_test_boom();`);
        const dir = await messyPackage({ withErrors: false });
        await expect(runImport(t.db, { path: dir, commit: true, quartiere })).rejects.toThrow(
          /boom/,
        );
        expect(await rows(t.db)).toEqual(before);
        expect(await t.db.query('select * from import_origins order by source_key')).toEqual(
          origins,
        );
      } finally {
        await t.destroy();
      }
    });
  });
}

describe('admin import command', () => {
  const capture = (): Io & { lines: string[]; errors: string[] } => {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
  };

  it('exits 0 for a committable dry run, 1 on errors, 2 on bad usage; zip works like a folder', async () => {
    const env = { DATA_DIR: await tmp() };
    const ok = capture();
    expect(await runAdmin(['import', join(EXAMPLES_30, 'service_list.json')], env, ok)).toBe(0);
    expect(ok.lines.join('\n')).toMatch(
      /Probelauf.*\n[\s\S]*services\s+1\s+0\s+0\s+0[\s\S]*Übernehmbar/,
    );

    const dir = await messyPackage();
    const bad = capture();
    expect(await runAdmin(['import', dir, '--commit'], env, bad)).toBe(1);
    expect(bad.errors.join('\n')).toMatch(/FEHLER DUPLICATE_ID services\.csv Zeile 4 Spalte id/);

    const pkg = join(await tmp(), 'copy');
    await cp(SAMPLE_11, pkg, { recursive: true });
    const files: Record<string, Uint8Array> = {};
    for (const f of [
      'datapackage.json',
      'organizations.csv',
      'services.csv',
      'regular_schedules.csv',
    ]) {
      files[`all_resources/${f}`] = await readFile(join(pkg, f));
    }
    const zip = join(await tmp(), 'paket.zip');
    await writeFile(zip, zipSync(files));
    const zipped = capture();
    expect(await runAdmin(['import', zip, '--commit'], env, zipped)).toBe(0);
    expect(zipped.lines.join('\n')).toMatch(/Übernommen/);

    expect(await runAdmin(['import'], env, capture())).toBe(2);
    expect(await runAdmin(['user', 'list', '--commit'], env, capture())).toBe(2);
    const missing = capture();
    expect(await runAdmin(['import', join(dir, 'nope.json')], env, missing)).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/FEHLER SOURCE/);

    // The HSDS 1.1 sample folder holds two packages, not one: the report names them.
    const parent = capture();
    expect(await runAdmin(['import', join(HSDS, 'hsds-1.1-sample')], env, parent)).toBe(1);
    expect(parent.errors.join('\n')).toMatch(/Datenpakete in: all_resources, simple\./);
  });
});
