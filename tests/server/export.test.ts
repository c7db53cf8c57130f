import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import type { Db } from '../../server/db';
import { runExport } from '../../server/export/command';
import type { ExportData } from '../../server/export/hsds-json';
import { readForExport } from '../../server/export/read';
import { runImport } from '../../server/import/command';
import { upsertRecords } from '../../server/records';
import { seedIfEmpty } from '../../server/seed';
import { demoDataset } from '../../src/demo';
import { backends, contact, openMigrated, type TestDb } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMAS = resolve(ROOT, '../shared/data/hsds/hsds-3.0/schema');

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'qw-export-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The official HSDS 3.0 schemas, each under its file name (how their $refs name each other). */
async function serviceValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of await readdir(SCHEMAS)) {
    if (!f.endsWith('.json') || f === 'openapi.json') continue;
    const schema = JSON.parse(await readFile(join(SCHEMAS, f), 'utf8'));
    delete schema.$schema;
    ajv.addSchema(schema, f);
  }
  const validate = ajv.getSchema('service.json');
  if (!validate) throw new Error('service.json schema missing');
  return validate;
}

/**
 * What a person would call the same offers: every field but ids and write metadata, with
 * references written as the name of what they point to.
 */
function comparable(d: ExportData) {
  const orgName = new Map(d.organizations.map((o) => [o.id, o.name]));
  const loc = new Map(d.locations.map((l) => [l.id, l]));
  const svcName = new Map(d.services.map((s) => [s.id, s.name]));
  const strip = (r: Record<string, unknown>) => {
    const {
      id: _id,
      version: _v,
      updated_at: _u,
      updated_by: _b,
      deleted: _d,
      ...rest
    } = r as Record<string, unknown> & { id: string };
    return Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== null && v !== undefined && v !== ''),
    );
  };
  const place = (id: string | null | undefined) => {
    const l = id ? loc.get(id) : undefined;
    return l ? `${l.name} / ${l.address_1}` : null;
  };
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    services: sorted(
      d.services.map((s) => ({
        ...strip(s),
        organization_id: orgName.get(s.organization_id),
        location_ids: s.location_ids.map(place).sort(),
      })),
    ),
    locations: sorted(
      d.locations.map((l) => ({
        ...strip(l),
        organization_id: l.organization_id ? orgName.get(l.organization_id) : null,
      })),
    ),
    schedules: sorted(
      d.schedules.map((s) => ({
        ...strip(s),
        service_id: svcName.get(s.service_id),
        location_id: place(s.location_id),
      })),
    ),
    contacts: sorted(
      d.contacts.map((c) => ({
        ...strip(c),
        service_id: c.service_id ? svcName.get(c.service_id) : null,
        organization_id: c.organization_id ? orgName.get(c.organization_id) : null,
      })),
    ),
  };
}

function internalIds(d: ExportData): string[] {
  return [...d.organizations, ...d.services, ...d.locations, ...d.schedules, ...d.contacts]
    .filter((r) => r.visibility === 'internal')
    .map((r) => r.id);
}

describe.each(backends)('HSDS export on $name', (backend) => {
  let source: TestDb;
  let all: ExportData;
  let residents: ExportData;

  beforeAll(async () => {
    source = await openMigrated(backend);
    await seedIfEmpty(source.db, demoDataset);
    // What the demo data lacks: a provider's own contact, and rules HSDS cannot say itself.
    const demo = demoDataset();
    const svc = demo.services.find((s) => s.visibility === 'public' && s.location_ids.length > 0);
    if (!svc) throw new Error('no public demo offer with a place');
    // Translated texts on each kind of record, one of them marked as a machine's.
    const provider = demo.organizations.find((o) => o.id === svc.organization_id);
    const place = demo.locations.find((l) => l.id === svc.location_ids[0]);
    if (!provider || !place) throw new Error('demo offer without its Träger or Ort');
    await source.db.tx(async (q) => {
      await upsertRecords(
        q,
        'services',
        [
          {
            ...svc,
            translations: {
              en: { name: 'Open counselling', description: 'Help with forms', machine: true },
              ar: { name: 'استشارة مفتوحة' },
            },
          },
        ],
        null,
      );
      await upsertRecords(
        q,
        'organizations',
        [{ ...provider, translations: { tr: { name: 'Mahalle derneği' } } }],
        null,
      );
      await upsertRecords(
        q,
        'locations',
        [{ ...place, translations: { uk: { description: 'Вхід з двору' } } }],
        null,
      );
    });
    await source.db.tx(async (q) => {
      await upsertRecords(
        q,
        'contacts',
        [
          contact('', {
            service_id: undefined,
            organization_id: svc.organization_id,
            name: 'Empfang',
            languages: ['tr', 'ar'],
            availability: 'Mo–Fr vormittags',
            translations: { en: { title: 'Reception', availability: 'Mon–Fri mornings' } },
          }),
        ],
        null,
      );
      const base = { updated_at: '2026-01-15T10:00:00.000Z', service_id: svc.id };
      await upsertRecords(
        q,
        'schedules',
        [
          {
            ...base,
            id: randomUUID(),
            freq: 'DAILY',
            interval: 2,
            opens_at: '08:00',
            closes_at: '09:00',
          },
          {
            ...base,
            id: randomUUID(),
            freq: 'YEARLY',
            dtstart: '2026-06-21',
            bymonthday: '21',
            opens_at: '15:00',
            closes_at: '18:00',
            closed_on_holidays: false,
            rdates: ['2026-12-23'],
            location_id: svc.location_ids[0],
            notes: 'Sommerfest',
            translations: { ru: { notes: 'Летний праздник', machine: true } },
          },
        ],
        null,
      );
    });
    all = await readForExport(source.db, 'internal');
    residents = await readForExport(source.db, 'public');
  });
  afterAll(async () => {
    await source?.destroy();
  });

  it('the demo data has what the round trip must carry', () => {
    expect(internalIds(all).length).toBeGreaterThan(0);
    expect(all.schedules.some((s) => s.exdates.length > 0)).toBe(true);
    expect(all.services.some((s) => s.traits.length > 0)).toBe(true);
    expect(all.contacts.some((c) => !c.service_id)).toBe(true);
    for (const table of [
      'services',
      'organizations',
      'locations',
      'schedules',
      'contacts',
    ] as const)
      expect(
        all[table].some((r) => Object.keys(r.translations ?? {}).length > 0),
        table,
      ).toBe(true);
  });

  it('writes an HSDS 3.0 list page whose every service validates against the official schemas', async () => {
    const validate = await serviceValidator();
    const file = join(await tmp(), 'angebote.json');
    await runExport(source.db, { path: file, format: 'hsds', includeInternal: true });
    const page = JSON.parse(await readFile(file, 'utf8'));
    expect(page.total_items).toBe(all.services.length);
    expect(page.contents).toHaveLength(all.services.length);
    for (const s of page.contents) {
      const ok = validate(s);
      expect(ok, `${s.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    // The validator is live: what HSDS does not allow is refused.
    expect(validate({ ...page.contents[0], status: 'paused' })).toBe(false);
    const withPlace = page.contents.find(
      (s: { service_at_locations: unknown[] }) => s.service_at_locations.length > 0,
    );
    expect(withPlace.organization.name).toBeTruthy();
    expect(withPlace.service_at_locations[0].location.addresses[0].region).toBeTruthy();
  });

  it('leaves internal records out, ids and all, unless asked to include them', async () => {
    const dir = await tmp();
    await runExport(source.db, {
      path: join(dir, 'p.json'),
      format: 'hsds',
      includeInternal: false,
    });
    await runExport(source.db, {
      path: join(dir, 'p'),
      format: 'hsds-csv',
      includeInternal: false,
    });
    const text = [
      await readFile(join(dir, 'p.json'), 'utf8'),
      ...(await Promise.all(
        (await readdir(join(dir, 'p'))).map((f) => readFile(join(dir, 'p', f), 'utf8')),
      )),
    ].join('\n');
    const hidden = internalIds(all);
    for (const id of hidden) expect(text).not.toContain(id);
    expect(text).not.toContain('"internal"');
    const page = JSON.parse(await readFile(join(dir, 'p.json'), 'utf8'));
    expect(page.total_items).toBe(residents.services.length);
    expect(residents.services.length).toBeLessThan(all.services.length);
  });

  for (const [format, file] of [
    ['hsds', 'export.json'],
    ['hsds-csv', 'export'],
    ['hsds-csv', 'export.zip'],
    ['xlsx', 'export.xlsx'],
  ] as const) {
    it(`${format} (${file}): imported into an empty database, gives back the same offers, hours, contacts and places`, async () => {
      const path = join(await tmp(), file);
      await runExport(source.db, { path, format, includeInternal: true });
      const target = await openMigrated(backend);
      try {
        const first = await runImport(target.db, { path, commit: true });
        expect(first.code, first.lines.join('\n')).toBe(0);
        const back = await readForExport(target.db, 'internal');
        const want = comparable(all);
        const got = comparable(back);
        // Places no offer uses are not in a service-centred export. A place without a
        // provider that only one provider's offers use comes back as that provider's (the
        // import's rule for HSDS JSON, where a place sits inside its offers).
        const used = new Set(all.services.flatMap((s) => s.location_ids));
        const providersAt = (id: string) =>
          new Set(
            all.services.filter((s) => s.location_ids.includes(id)).map((s) => s.organization_id),
          );
        want.locations = comparable({
          ...all,
          // The spreadsheet has a sheet of places and keeps them all.
          locations: all.locations
            .filter((l) => format === 'xlsx' || used.has(l.id))
            .map((l) => {
              const only = [...providersAt(l.id)];
              return format === 'hsds' && !l.organization_id && only.length === 1
                ? { ...l, organization_id: only[0] }
                : l;
            }),
        }).locations;
        for (const table of ['services', 'schedules', 'contacts', 'locations'] as const) {
          const missing = want[table].filter((x) => !got[table].includes(x));
          const extra = got[table].filter((x) => !want[table].includes(x));
          expect({ table, missing, extra }).toEqual({ table, missing: [], extra: [] });
        }

        const again = await runImport(target.db, { path, commit: true });
        expect(again.code).toBe(0);
        const changed = Object.values(again.counts ?? {}).reduce(
          (n, c) => n + c.create + c.update + c.delete,
          0,
        );
        expect(changed).toBe(0);
      } finally {
        await target.destroy();
      }
    });
  }
});

describe('admin export command', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const sink: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
    return { out, err, sink };
  };
  let env: Record<string, string>;
  let db: Db | undefined;
  beforeAll(async () => {
    env = { DATA_DIR: await tmp() };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('refuses a missing or unknown format with exit code 2 and writes nothing', async () => {
    const dir = await tmp();
    for (const args of [
      ['export', join(dir, 'a.json')],
      ['export', join(dir, 'a.json'), '--format', 'pdf'],
      ['export', '--format', 'hsds'],
      ['import', join(dir, 'a.json'), '--format', 'hsds'],
    ]) {
      const o = io();
      expect(await runAdmin(args, env, o.sink)).toBe(2);
      expect(o.err.join('\n')).toMatch(/--format|Zieldatei/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a target it cannot write with exit code 1', async () => {
    const dir = await tmp();
    const blocker = join(dir, 'datei');
    await writeFile(blocker, 'x');
    const o = io();
    const code = await runAdmin(
      ['export', join(blocker, 'a.json'), '--format', 'hsds'],
      env,
      o.sink,
    );
    expect(code).toBe(1);
    expect(o.err.join('\n')).toMatch(/FEHLER .*lässt sich nicht schreiben/);
    expect(await readFile(blocker, 'utf8')).toBe('x');
  });

  it('exports an empty database as an empty list page', async () => {
    const file = join(await tmp(), 'leer.json');
    const o = io();
    expect(await runAdmin(['export', file, '--format', 'hsds'], env, o.sink)).toBe(0);
    expect(o.out.join('\n')).toContain('0 Angebote');
    const page = JSON.parse(await readFile(file, 'utf8'));
    expect(page).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });
});
