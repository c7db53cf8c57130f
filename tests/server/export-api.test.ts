import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { seedIfEmpty } from '../../server/seed';
import { demoDataset } from '../../src/demo';
import { fetchExport } from '../../src/sync/exportDownload';
import type { FetchLike } from '../../src/sync/pull';
import { account, backends, bearer, openMigrated, type TestDb } from './helpers';

describe.each(backends)('export download on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const demo = demoDataset();
  const internalIds = [...demo.services, ...demo.contacts, ...demo.schedules]
    .filter((r) => r.visibility === 'internal')
    .map((r) => r.id);

  beforeAll(async () => {
    t = await openMigrated(backend);
    await seedIfEmpty(t.db, demoDataset);
    app = createApp({ db: t.db, distDir: '/nonexistent' });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('is for coordinators only', async () => {
    expect((await app.request('/api/export?format=hsds')).status).toBe(401);
    const worker = await account(t.db, 'worker');
    const res = await app.request('/api/export?format=hsds', { headers: bearer(worker.token) });
    expect(res.status).toBe(403);
  });

  it('refuses an unknown format or flag with a 400 and a code', async () => {
    const { token } = await account(t.db, 'coordinator');
    for (const q of ['format=xml', '', 'format=hsds&internal=yes']) {
      const res = await app.request(`/api/export?${q}`, { headers: bearer(token) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^invalid_/);
    }
  });

  it('downloads HSDS JSON without internal records, and with them when asked', async () => {
    expect(internalIds.length).toBeGreaterThan(0);
    const { token } = await account(t.db, 'coordinator');
    const pub = await app.request('/api/export?format=hsds', { headers: bearer(token) });
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    const text = await pub.text();
    for (const id of internalIds) expect(text).not.toContain(id);
    const all = await app.request('/api/export?format=hsds&internal=1', {
      headers: bearer(token),
    });
    const page = (await all.json()) as { total_items: number };
    expect(page.total_items).toBe(demo.services.length);
    expect(JSON.stringify(page)).toContain(internalIds[0]);
  });

  it('downloads the tabular package as one zip', async () => {
    const { token } = await account(t.db, 'coordinator');
    const res = await app.request('/api/export?format=hsds-csv', { headers: bearer(token) });
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['datapackage.json', 'services.csv', 'schedules.csv']),
    );
    const services = new TextDecoder().decode(files['services.csv']).trim().split('\r\n');
    const listed = demo.services.filter((s) => s.visibility === 'public').length;
    expect(services.length - 1).toBeLessThanOrEqual(listed);
    expect(services.length - 1).toBeGreaterThan(0);
  });

  describe("the dashboard's download (fetchExport) against this server", () => {
    const fetch: FetchLike = async (input, init) => app.request(input, init);

    it("brings the spreadsheet as one file under the server's name", async () => {
      const { token } = await account(t.db, 'coordinator');
      const result = await fetchExport(fetch, token, 'xlsx', false);
      if (!result.ok) throw new Error(`expected a file, got ${result.reason}`);
      expect(result.fileName).toMatch(/^quartier-wegweiser-\d{4}-\d{2}-\d{2}\.xlsx$/);
      // An XLSX file is a zip: it starts with "PK".
      const head = new Uint8Array(await result.blob.arrayBuffer()).slice(0, 2);
      expect(String.fromCharCode(...head)).toBe('PK');
    });

    it('asks for internal records only when told to, and names the file so', async () => {
      const { token } = await account(t.db, 'coordinator');
      const pub = await fetchExport(fetch, token, 'hsds', false);
      const all = await fetchExport(fetch, token, 'hsds', true);
      if (!pub.ok || !all.ok) throw new Error('expected two files');
      expect(all.fileName).toMatch(/-intern\.json$/);
      expect(await pub.blob.text()).not.toContain(internalIds[0]);
      expect(await all.blob.text()).toContain(internalIds[0]);
    });

    it('says why there is no file: no account, a worker, no connection', async () => {
      const worker = await account(t.db, 'worker');
      expect(await fetchExport(fetch, null, 'hsds', false)).toEqual({ ok: false, reason: 'auth' });
      expect(await fetchExport(fetch, worker.token, 'hsds', false)).toEqual({
        ok: false,
        reason: 'auth',
      });
      const offline: FetchLike = async () => {
        throw new TypeError('Failed to fetch');
      };
      expect(await fetchExport(offline, 'x', 'hsds', false)).toEqual({
        ok: false,
        reason: 'offline',
      });
    });
  });
});
