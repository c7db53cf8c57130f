/**
 * /api/import/mapping: the taxonomy mapping coordinators keep on the server. Only they may
 * read or change it; bad input is refused whole and changes nothing; saving some terms leaves
 * the others; and every import, from the dashboard or the admin tool, uses it, with a
 * --mapping file's terms on top.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingEntry } from '../../protocol/importMapping';
import type { ImportReport } from '../../protocol/importReport';
import { createApp } from '../../server/app';
import { runImport } from '../../server/import/command';
import { loadMapping, saveMapping } from '../../src/sync/importApi';
import type { FetchLike } from '../../src/sync/pull';
import { account, backends, bearer, openMigrated, type TestDb } from './helpers';

/** One HSDS 3.0 service with two taxonomy terms: one by code, one known only by its name. */
const SOURCE = JSON.stringify([
  {
    id: 'svc-1',
    name: 'Food bank',
    status: 'active',
    description: 'Free groceries twice a week.',
    organization: { id: 'org-1', name: 'Community Pantry' },
    attributes: [
      { id: 'a1', taxonomy_term: { id: 't1', code: 'BD-1800.2000', name: 'Food Pantries' } },
      { id: 'a2', taxonomy_term: { id: 't2', name: 'Families With Children' } },
    ],
  },
]);

describe.each(backends)('import mapping on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let token: string;
  const fetch: FetchLike = async (input, init) => app.request(input, init);
  const stored = async () => {
    const r = await loadMapping(fetch, token);
    if (!r.ok) throw new Error(r.reason);
    return r.entries;
  };
  const post = (body: string, headers = bearer(token)) =>
    app.request('/api/import/mapping', {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    t = await openMigrated(backend);
    app = createApp({ db: t.db, distDir: '/nonexistent' });
    token = (await account(t.db, 'coordinator')).token;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('is for coordinators only', async () => {
    expect((await app.request('/api/import/mapping')).status).toBe(401);
    const worker = await account(t.db, 'worker');
    const asWorker = await app.request('/api/import/mapping', { headers: bearer(worker.token) });
    expect(asWorker.status).toBe(403);
    expect((await post('{"entries":[]}', bearer(worker.token))).status).toBe(403);
    expect(await loadMapping(fetch, worker.token)).toEqual({ ok: false, reason: 'auth' });
  });

  it('saves terms, merges by term key, and removes a term that maps to nothing', async () => {
    const first: MappingEntry[] = [
      { term: 'BD-1800.2000', categories: ['nahversorgung'], target_groups: [] },
      { term: 'Housing', categories: ['wohnen'], target_groups: ['wohnungslose'] },
    ];
    expect(await saveMapping(fetch, token, first)).toEqual({ ok: true });
    // Another coordinator saves another term: the first two stay.
    expect(
      await saveMapping(fetch, token, [
        { term: '  families   with children ', categories: [], target_groups: ['familien'] },
      ]),
    ).toEqual({ ok: true });
    expect(await stored()).toEqual([
      { term: 'BD-1800.2000', categories: ['nahversorgung'], target_groups: [] },
      { term: 'families   with children', categories: [], target_groups: ['familien'] },
      { term: 'Housing', categories: ['wohnen'], target_groups: ['wohnungslose'] },
    ]);
    // The same term in other case and spacing replaces it; no boxes ticked removes it.
    await saveMapping(fetch, token, [
      { term: 'Families With Children', categories: [], target_groups: ['familien', 'familien'] },
      { term: 'HOUSING', categories: [], target_groups: [] },
    ]);
    expect(await stored()).toEqual([
      { term: 'BD-1800.2000', categories: ['nahversorgung'], target_groups: [] },
      { term: 'Families With Children', categories: [], target_groups: ['familien'] },
    ]);
  });

  it('refuses bad input whole, with a clear code, and changes nothing', async () => {
    const before = await stored();
    const bad = [
      'not json',
      '[]',
      '{"entries": {}}',
      JSON.stringify({
        entries: [
          { term: 'Ok', categories: ['beratung'], target_groups: [] },
          { term: 'Bad', categories: ['Not A Slug'], target_groups: [] },
        ],
      }),
      JSON.stringify({ entries: [{ term: '   ', categories: ['beratung'], target_groups: [] }] }),
      JSON.stringify({ entries: [{ term: 'x\u0000', categories: [], target_groups: [] }] }),
      JSON.stringify({ entries: [{ term: 'No lists' }] }),
    ];
    for (const body of bad) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(['invalid_json', 'invalid_mapping']).toContain(error.code);
      expect(error.message.length).toBeGreaterThan(10);
    }
    const named = (await (await post(bad[3] as string)).json()) as { error: { message: string } };
    expect(named.error.message).toMatch(/^Eintrag 2:/);
    expect(await stored()).toEqual(before);
  });

  it('is used by an upload, so mapped terms leave the report and reach the offer', async () => {
    await saveMapping(fetch, token, [
      { term: 'bd-1800.2000', categories: ['nahversorgung'], target_groups: [] },
    ]);
    const upload = async () => {
      const res = await app.request('/api/import?file=pantry.json', {
        method: 'POST',
        body: SOURCE,
        headers: bearer(token),
      });
      return (await res.json()) as ImportReport;
    };
    const unmapped = (await upload()).unmappedTerms.map((u) => u.term);
    // By code: mapped. The second term matches by its name, stored in other spacing above.
    expect(unmapped).toEqual([]);
    await saveMapping(fetch, token, [
      { term: 'Families With Children', categories: [], target_groups: [] },
    ]);
    expect((await upload()).unmappedTerms).toEqual([{ term: 'Families With Children', count: 1 }]);
  });

  it('is used by the admin tool, and a --mapping file wins term by term', async () => {
    await saveMapping(fetch, token, [
      { term: 'BD-1800.2000', categories: ['nahversorgung'], target_groups: ['familien'] },
      { term: 'Families With Children', categories: [], target_groups: ['familien'] },
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'qw-mapping-'));
    const file = join(dir, 'pantry.json');
    await writeFile(file, SOURCE);
    const mapping = join(dir, 'mapping.csv');
    await writeFile(mapping, 'term,categories,target_groups\nBD-1800.2000,beratung,\n');
    const r = await runImport(t.db, { path: file, commit: true, mapping, source: 'cli' });
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(r.unmappedTerms).toEqual([]);
    const [offer] = await t.db.query<{ data: { categories: string[]; target_groups: string[] } }>(
      `select data from records where table_name = 'services' and not deleted
       and data->>'name' = 'Food bank'`,
    );
    // The file's line for the code replaces the stored one; the name still maps from storage.
    expect(offer?.data.categories).toEqual(['beratung']);
    expect(offer?.data.target_groups).toEqual(['familien']);
  });

  it('reports how many terms are unmapped, even when it sends only the most frequent', async () => {
    // 300 distinct codes, the last one on two offers: it must come first.
    const services = Array.from({ length: 300 }, (_, i) => ({
      id: `many-${i}`,
      name: `Angebot ${i}`,
      status: 'active',
      organization: { id: 'org-many', name: 'Many Terms' },
      attributes: [{ id: `m${i}`, taxonomy_term: { id: `mt${i}`, code: `ZZ-${i}` } }],
    }));
    services[0]?.attributes.push({ id: 'extra', taxonomy_term: { id: 'mt299', code: 'ZZ-299' } });
    const res = await app.request('/api/import?file=many.json', {
      method: 'POST',
      body: JSON.stringify(services),
      headers: bearer(token),
    });
    const report = (await res.json()) as ImportReport;
    expect(report.unmappedTermCount).toBe(300);
    expect(report.unmappedTerms.length).toBeLessThan(300);
    expect(report.unmappedTerms[0]).toEqual({ term: 'ZZ-299', count: 2 });
  });
});
