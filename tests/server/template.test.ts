import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../../server/export/command';
import { runImport } from '../../server/import/command';
import { SHEET_TABLES, SHEETS } from '../../server/template/sheets';
import { backends, openMigrated } from './helpers';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'qw-template-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.each(backends)('spreadsheet template on $name', (backend) => {
  it('from an empty database: one sheet per table with its example row, and the explanations; it imports', async () => {
    const t = await openMigrated(backend);
    try {
      const file = join(await tmp(), 'vorlage.xlsx');
      expect(
        (await runExport(t.db, { path: file, format: 'xlsx', includeInternal: false })).code,
      ).toBe(0);
      const sheets = await readXlsxFile(file);
      expect(sheets.map((s) => s.sheet)).toEqual([
        ...SHEET_TABLES.map((x) => SHEETS[x].name),
        'Erläuterungen',
      ]);
      const offers = sheets.find((s) => s.sheet === 'Angebote');
      expect(offers?.data[0]).toEqual(SHEETS.services.columns.map((c) => c.header));
      expect(offers?.data).toHaveLength(2);
      const help = sheets.find((s) => s.sheet === 'Erläuterungen');
      const explained = SHEET_TABLES.reduce((n, x) => n + SHEETS[x].columns.length, 0);
      expect(help?.data).toHaveLength(explained + 1);

      const dry = await runImport(t.db, { path: file, commit: false });
      expect(dry.code, dry.lines.join('\n')).toBe(0);
      expect(dry.counts?.services.create).toBe(1);
      expect(dry.counts?.schedules.create).toBe(2);
    } finally {
      await t.destroy();
    }
  });

  it('reads German CSV sheets (";", BOM): hours in words, what cannot be read is reported for its cell', async () => {
    const t = await openMigrated(backend);
    try {
      const dir = await tmp();
      const bom = '\ufeff';
      await writeFile(join(dir, 'Träger.csv'), `${bom}ID;Name\nT1;Stadtteilverein Nord\n`);
      await writeFile(
        join(dir, 'Orte.csv'),
        `${bom}ID;Träger-ID;Name;Straße und Hausnummer;PLZ;Ort;Quartier\nO1;T1;Büro;Markt 1;1067;Dresden;Altstadt\n`,
      );
      await writeFile(
        join(dir, 'Angebote.csv'),
        `${bom}ID;Träger-ID;Name;Zielgruppen;Kategorien;Merkmale;Sprachen;Ort-IDs;Status;Zuletzt geprüft\n` +
          'A1;T1;Sozialberatung;familien, alleinerziehende;beratung;kostenlos;Deutsch, tr;O1;aktiv;01.10.2026\n',
      );
      await writeFile(
        join(dir, 'Sprechzeiten.csv'),
        `${bom}ID;Angebot-ID;Ort-ID;Zeiten;Fällt aus am\n` +
          'S1;A1;O1;Mo–Do 9–12 und 14–16;24.12.2026\n' +
          'S2;A1;O1;nach Vereinbarung;\n' +
          'S3;A1;O1;jeden letzten Mittwoch 15–17;\n',
      );
      const out = await runImport(t.db, { path: dir, commit: true });
      expect(out.code, out.lines.join('\n')).toBe(0);
      const bad = out.issues.filter((i) => i.code === 'INVALID_HOURS');
      expect(bad).toEqual([
        expect.objectContaining({ file: 'Sprechzeiten.csv', row: 2, column: 'Zeiten' }),
      ]);
      const rows = await t.db.query<{ table_name: string; data: Record<string, unknown> }>(
        'select table_name, data from records where not deleted',
      );
      const of = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.data);
      expect(of('services')[0]).toMatchObject({
        target_groups: ['familien', 'alleinerziehende'],
        categories: ['beratung'],
        traits: ['kostenlos'],
        languages: ['de', 'tr'],
        assured_date: '2026-10-01',
      });
      expect(of('locations')[0]).toMatchObject({ postal_code: '01067', quartier: 'Altstadt' });
      const hours = of('schedules')
        .map((s) => `${s.freq} ${s.byday} ${s.opens_at}-${s.closes_at} ${s.exdates}`)
        .sort();
      expect(hours).toEqual([
        'MONTHLY -1WE 15:00-17:00 ',
        'WEEKLY MO,TU,WE,TH 09:00-12:00 2026-12-24',
        'WEEKLY MO,TU,WE,TH 14:00-16:00 2026-12-24',
      ]);
    } finally {
      await t.destroy();
    }
  });

  it('reads the sheet of translations into each record; a row it cannot place is reported for its cell', async () => {
    const t = await openMigrated(backend);
    try {
      const dir = await tmp();
      await writeFile(join(dir, 'Träger.csv'), 'ID;Name\nT1;Stadtteilverein Nord\n');
      await writeFile(
        join(dir, 'Angebote.csv'),
        'ID;Träger-ID;Name;Beschreibung\nA1;T1;Sozialberatung;Hilfe bei Anträgen\n',
      );
      await writeFile(
        join(dir, 'Sprechzeiten.csv'),
        'ID;Angebot-ID;Zeiten;Hinweis\nS1;A1;Mo 9–12 und 14–16;Bitte klingeln\n',
      );
      await writeFile(
        join(dir, 'Übersetzungen.csv'),
        'Blatt;ID;Sprache;Spalte;Text;Maschinell übersetzt\n' +
          'Angebote;A1;en;Name;Social counselling ;ja\n' +
          'angebote;A1;EN;Beschreibung;Help with applications;ja\n' +
          'Angebote;A1;ar;Name;استشارة اجتماعية;\n' +
          'Sprechzeiten;S1;uk;Hinweis;Будь ласка, подзвоніть;\n' +
          'Träger;T1;Leichte Sprache;Name;Verein im Stadtteil Nord;\n' +
          'Angebote;A9;en;Name;Nobody;\n' +
          'Angebote;A1;xx;Name;Unknown;\n' +
          'Angebote;A1;de;Name;Deutsch ist das Original;\n' +
          'Angebote;A1;tr;Kosten;Ücretsiz;\n' +
          'Kalender;A1;en;Name;No sheet;\n',
      );
      const out = await runImport(t.db, { path: dir, commit: true });
      expect(out.code, out.lines.join('\n')).toBe(0);
      const found = out.issues
        .filter((i) => i.file === 'Übersetzungen.csv' && /^UNKNOWN|^MISSING/.test(i.code))
        .map((i) => `${i.row} ${i.column} ${i.code}`);
      expect(found).toEqual([
        '6 ID MISSING_REFERENCE',
        '7 Sprache UNKNOWN_LANGUAGE',
        '8 Sprache UNKNOWN_LANGUAGE',
        '9 Spalte UNKNOWN_COLUMN',
        '10 Blatt UNKNOWN_SHEET',
      ]);
      const rows = await t.db.query<{ table_name: string; data: Record<string, unknown> }>(
        'select table_name, data from records where not deleted',
      );
      const of = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.data);
      expect(of('services')[0]?.translations).toEqual({
        en: { name: 'Social counselling', description: 'Help with applications', machine: true },
        ar: { name: 'استشارة اجتماعية' },
      });
      expect(of('organizations')[0]?.translations).toEqual({
        'de-x-ls': { name: 'Verein im Stadtteil Nord' },
      });
      // One row of hours that became two schedules: both carry its translation.
      const hours = of('schedules');
      expect(hours).toHaveLength(2);
      for (const h of hours)
        expect(h.translations).toEqual({ uk: { notes: 'Будь ласка, подзвоніть' } });
    } finally {
      await t.destroy();
    }
  });
});
