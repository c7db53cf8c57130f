/**
 * POST /api/import: a coordinator's upload runs the admin tool's import. The file here is
 * the demo data's own spreadsheet export, uploaded into an empty database: a dry run writes
 * nothing, a commit writes everything once, the same upload again changes nothing; a bad
 * name, a broken file or an oversized body changes nothing either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportReport, MAX_IMPORT_BYTES } from '../../protocol/importReport';
import { createApp } from '../../server/app';
import { seedIfEmpty } from '../../server/seed';
import { demoDataset } from '../../src/demo';
import { uploadImport } from '../../src/sync/importApi';
import type { FetchLike } from '../../src/sync/pull';
import { account, backends, bearer, openMigrated, type TestDb } from './helpers';

describe.each(backends)('import upload on $name', (backend) => {
  let source: TestDb;
  let target: TestDb;
  let app: ReturnType<typeof createApp>;
  let token: string;
  let xlsx: Uint8Array<ArrayBuffer>;

  const records = async () =>
    (await target.db.query<{ n: number }>('select count(*)::int as n from records'))[0]?.n;
  const upload = (file: string, body: BodyInit, commit = false, headers = bearer(token)) =>
    app.request(`/api/import?file=${encodeURIComponent(file)}${commit ? '&commit=1' : ''}`, {
      method: 'POST',
      body,
      headers,
    });

  beforeAll(async () => {
    source = await openMigrated(backend);
    await seedIfEmpty(source.db, demoDataset);
    const exporter = createApp({ db: source.db, distDir: '/nonexistent' });
    const admin = await account(source.db, 'coordinator');
    const res = await exporter.request('/api/export?format=xlsx&internal=1', {
      headers: bearer(admin.token),
    });
    xlsx = new Uint8Array(await res.arrayBuffer());
    target = await openMigrated(backend);
    app = createApp({ db: target.db, distDir: '/nonexistent' });
    token = (await account(target.db, 'coordinator')).token;
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
  });

  it('is for coordinators only', async () => {
    expect((await upload('a.xlsx', xlsx, false, {})).status).toBe(401);
    const worker = await account(target.db, 'worker');
    expect((await upload('a.xlsx', xlsx, false, bearer(worker.token))).status).toBe(403);
  });

  it('refuses a name without a known extension, or a body over the limit, and writes nothing', async () => {
    const before = await records();
    for (const name of ['angebote.exe', 'ordner/angebote.xlsx', '']) {
      const res = await upload(name, xlsx);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_file');
    }
    const big = await upload('a.xlsx', xlsx, true, {
      ...bearer(token),
      'content-length': String(MAX_IMPORT_BYTES + 1),
    });
    expect(big.status).toBe(413);
    expect(await records()).toBe(before);
  });

  it('reports a broken file as such, with a 200 and nothing written', async () => {
    const before = await records();
    const res = await upload('kaputt.zip', new Uint8Array([1, 2, 3]), true);
    expect(res.status).toBe(200);
    const report = (await res.json()) as ImportReport;
    expect(report).toMatchObject({ ok: false, committed: false, counts: null });
    expect(report.lines.join('\n')).toMatch(
      /FEHLER SOURCE kaputt\.zip ist keine lesbare ZIP-Datei/,
    );
    expect(await records()).toBe(before);
  });

  it('dry run counts without writing; commit writes; the same upload again changes nothing', async () => {
    const demo = demoDataset();
    const before = await records();
    const dry = (await (await upload('angebote.xlsx', xlsx)).json()) as ImportReport;
    expect(dry.ok).toBe(true);
    expect(dry.committed).toBe(false);
    expect(dry.counts?.services?.create).toBe(demo.services.length);
    // Our own export carries our terms and Quartiere: nothing left to map or place.
    expect(dry.unmappedTerms).toEqual([]);
    expect(dry.unassignedLocations).toBe(0);
    expect(await records()).toBe(before);

    const done = (await (await upload('angebote.xlsx', xlsx, true)).json()) as ImportReport;
    expect(done).toMatchObject({ ok: true, committed: true, errorCount: 0 });
    const services = await target.db.query<{ n: number }>(
      `select count(*)::int as n from records where table_name = 'services' and not deleted`,
    );
    expect(services[0]?.n).toBe(demo.services.length);

    const again = (await (await upload('angebote.xlsx', xlsx, true)).json()) as ImportReport;
    expect(again.counts?.services).toEqual({
      create: 0,
      update: 0,
      unchanged: demo.services.length,
      delete: 0,
    });
  });

  it("the dashboard's upload (uploadImport) gets the report, and says why when it cannot", async () => {
    const fetch: FetchLike = async (input, init) => app.request(input, init);
    const file = Object.assign(new Blob([xlsx]), { name: 'angebote.xlsx' });
    const result = await uploadImport(fetch, token, file, false);
    if (!result.ok) throw new Error(`expected a report, got ${result.reason}`);
    expect(result.report.ok).toBe(true);
    expect(result.report.committed).toBe(false);
    const worker = await account(target.db, 'worker');
    expect(await uploadImport(fetch, worker.token, file, false)).toEqual({
      ok: false,
      reason: 'auth',
    });
    const odd = Object.assign(new Blob([xlsx]), { name: 'angebote.exe' });
    expect(await uploadImport(fetch, token, odd, false)).toEqual({ ok: false, reason: 'badFile' });
  });
});
