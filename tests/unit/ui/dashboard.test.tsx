/**
 * /koordination: the coverage matrix from the synced offers, with gaps against the
 * coordinator's threshold and cells that open the filtered list; stale offers with a
 * one-tap "Geprüft" that is queued like any edit. Residents are asked to sign in.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReferralStats } from '../../../protocol/referralStats';
import { cacheReferralStats, readCachedReferralStats } from '../../../src/db/referralStats';
import { signedIn } from './editor.fixtures';
import { location, org, renderApp, schedule, service, teardown, testDeps, uid } from './helpers';

const offline = async () => {
  throw new TypeError('offline');
};

beforeEach(() => {
  window.scrollTo = () => {};
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(offline));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await teardown();
});

const STATS: ReferralStats = {
  generatedAt: '2026-10-13T08:30:00.000Z',
  from: null,
  to: null,
  total: 12,
  by: {
    month: [
      { key: '2026-09', count: 7 },
      { key: '2026-10', count: 5 },
    ],
    targetGroup: [
      { key: 'jugendliche', count: 9 },
      { key: 'seniorinnen', count: null },
    ],
    quartier: [{ key: 'Heckinghausen', count: 12 }],
    service: [{ key: uid(101), label: 'Abendtreff', count: 12 }],
    category: [],
  },
};

// NOW is 14 October 2026: the cutoff for "stale" is 14 April 2026.
async function withOffers() {
  const ctx = await signedIn();
  const { db } = ctx;
  await db.locations.bulkPut([
    location(10, { quartier: 'Heckinghausen' }),
    location(11, { quartier: 'Oberbarmen' }),
  ]);
  await db.services.bulkPut([
    service(101, {
      name: 'Abendtreff',
      target_groups: ['jugendliche'],
      location_ids: [uid(10)],
      assured_date: '2026-09-01',
      listed: 1,
      sort_name: 'abendtreff',
    } as never),
    service(102, {
      name: 'Jobcafé',
      target_groups: ['jugendliche'],
      location_ids: [uid(10)],
      assured_date: '2026-04-13',
      listed: 1,
      sort_name: 'jobcafe',
    } as never),
    service(103, {
      name: 'Elterncafé',
      target_groups: ['alleinerziehende'],
      location_ids: [uid(11)],
      listed: 1,
      sort_name: 'elterncafe',
    } as never),
  ]);
  await db.schedules.put(
    schedule(201, { service_id: uid(101), opens_at: '18:00', closes_at: '20:00' }),
  );
  renderApp('/koordination', ctx.svc);
  const matrix = await screen.findByRole('table', { name: /Aktive Angebote je Zielgruppe/ });
  return { ...ctx, matrix };
}

describe('coordinator dashboard', () => {
  it('shows listed offers per Zielgruppe and Quartier and marks gaps', async () => {
    const { matrix } = await withOffers();
    const heads = within(matrix)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(heads).toEqual(['Zielgruppe', 'Heckinghausen', 'Oberbarmen']);
    const row = within(matrix).getByRole('row', { name: /Jugendliche/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('2 aktiv1 abends/Wochenende');
    expect(cells[1]?.textContent).toBe('0 aktiv0 abends/WochenendeLücke');
    const link = within(cells[0] as HTMLElement).getByRole('link');
    expect(link.getAttribute('href')).toBe(
      '/angebote?zielgruppe=jugendliche&quartier=Heckinghausen',
    );
  });

  it('remembers the threshold on the device and marks gaps against it', async () => {
    const { matrix } = await withOffers();
    const row = () => within(matrix).getByRole('row', { name: /Jugendliche/ });
    expect(within(row()).getAllByRole('cell')[0]?.textContent).not.toMatch(/Lücke/);
    fireEvent.change(screen.getByLabelText(/Lücke, wenn weniger/), { target: { value: '3' } });
    await waitFor(() =>
      expect(within(row()).getAllByRole('cell')[0]?.textContent).toMatch(/Lücke/),
    );
    expect(localStorage.getItem('qw.coverage.threshold')).toBe('3');
  });

  it('lists offers not checked for six months and marks one as checked today', async () => {
    const { db } = await withOffers();
    const section = screen.getByRole('region', { name: 'Lange nicht geprüft' });
    const items = () => within(section).queryAllByRole('listitem');
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items().map((li) => within(li).getAllByRole('link')[0]?.textContent)).toEqual([
      'Elterncafé',
      'Jobcafé',
    ]);
    fireEvent.click(within(section).getByRole('button', { name: 'Geprüft: Jobcafé' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect((await db.services.get(uid(102)))?.assured_date).toBe('2026-10-14');
    expect((await db.outbox.toArray()).map((e) => [e.table, e.recordId])).toEqual([
      ['services', uid(102)],
    ]);
  });

  it('lists offers of two Träger that share a phone number and drops a pair marked "kein Doppel"', async () => {
    const ctx = await signedIn();
    const { db } = ctx;
    await db.organizations.bulkPut([org(1), org(2, { name: 'Zweiter Träger' })]);
    await db.locations.put(location(10, { quartier: 'Heckinghausen' }));
    const common = {
      target_groups: ['jugendliche'],
      location_ids: [uid(10)],
      listed: 1,
      phone: '0202 123456',
    };
    await db.services.bulkPut([
      service(101, { ...common, name: 'Jugendtreff', sort_name: 'jugendtreff' } as never),
      service(102, {
        ...common,
        name: 'Treff für Jugendliche',
        organization_id: uid(2),
        phone: '+49 202 123456',
        sort_name: 'treff',
      } as never),
      // Same Träger as the first: never a parallel structure, however alike.
      service(103, { ...common, name: 'Jugendtreff II', sort_name: 'jugendtreff ii' } as never),
    ]);
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Mögliche Parallelstrukturen' });
    const pairs = () => within(section).queryAllByRole('button', { name: /^Kein Doppel/ });
    await waitFor(() => expect(pairs()).toHaveLength(2));
    expect(pairs().map((b) => b.textContent)).toEqual([
      'Kein Doppel: Jugendtreff – Treff für Jugendliche',
      'Kein Doppel: Treff für Jugendliche – Jugendtreff II',
    ]);
    // Shown as written in one of the two offers, not as bare digits.
    expect(
      within(section).getAllByText(/^Gleiche Telefonnummer: (0202 123456|\+49 202 123456)$/),
    ).toHaveLength(2);
    fireEvent.click(
      within(section).getByRole('button', {
        name: 'Kein Doppel: Jugendtreff – Treff für Jugendliche',
      }),
    );
    await waitFor(() => expect(pairs()).toHaveLength(1));
    expect(within(section).getByRole('status').textContent).toMatch(/kein Doppel markiert/);
  });

  it('downloads the export as a file, and offline says that a connection is needed', async () => {
    const ctx = await signedIn();
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Daten exportieren' });
    const status = within(section).getByRole('status');
    fireEvent.click(within(section).getByRole('button', { name: 'HSDS 3.0 (JSON)' }));
    await waitFor(() =>
      expect(status.textContent).toBe('Für den Export braucht es eine Verbindung.'),
    );

    const fetch = vi.fn(
      async () =>
        new Response('{"total_items":0}', {
          headers: { 'content-disposition': 'attachment; filename="qw-2026-10-14-intern.json"' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    fireEvent.click(within(section).getByLabelText(/Interne Angaben einschließen/));
    fireEvent.click(within(section).getByRole('button', { name: 'Tabelle (XLSX)' }));
    await waitFor(() =>
      expect(status.textContent).toBe('„qw-2026-10-14-intern.json“ wurde heruntergeladen.'),
    );
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe(
      '/api/export?format=xlsx&internal=1',
    );
    expect(await created[0]?.text()).toBe('{"total_items":0}');
  });

  it('imports a file: dry run with counts and findings, then the commit', async () => {
    const ctx = await signedIn();
    const counts = (create: number, unchanged = 0) => ({
      services: { create, update: 0, unchanged, delete: 0 },
      organizations: { create: 1, update: 0, unchanged: 0, delete: 0 },
    });
    const answers = [
      {
        ok: true,
        committed: false,
        counts: counts(3),
        issues: [
          {
            severity: 'warning',
            code: 'DUPLICATE_NAME',
            file: 'Angebote',
            row: 4,
            column: 'name',
            message: 'Name kommt doppelt vor',
          },
        ],
        issueCount: 1,
        errorCount: 0,
        // The server sends the most frequent terms only; the count is of all of them.
        unmappedTerms: [{ term: 'BD-1800.2000', count: 3 }],
        unmappedTermCount: 240,
        unassignedLocations: 2,
        lines: [],
      },
      {
        ok: true,
        committed: true,
        counts: counts(3),
        issues: [],
        issueCount: 0,
        errorCount: 0,
        unmappedTerms: [],
        unmappedTermCount: 0,
        unassignedLocations: 0,
        lines: [],
      },
    ];
    const fetch = vi.fn(async (url: string) =>
      url === '/api/import/mapping'
        ? Response.json({ entries: [] })
        : url.startsWith('/api/import')
          ? Response.json(answers.shift())
          : offline(),
    );
    vi.stubGlobal('fetch', fetch);
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Daten importieren' });
    const check = within(section).getByRole('button', { name: 'Probelauf' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    const file = new File(['x'], 'angebote.xlsx');
    fireEvent.change(within(section).getByLabelText('Datei'), { target: { files: [file] } });
    fireEvent.click(check);
    const status = within(section).getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toBe('Übernehmbar. Nichts ist bisher geschrieben.'),
    );
    const table = within(section).getByRole('table', { name: 'Was sich ändern würde' });
    expect(within(table).getByRole('row', { name: /Angebote/ }).textContent).toBe('Angebote3000');
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent)[0],
    ).toBe('Warnung Angebote · Zeile 4 · Spalte name: Name kommt doppelt vor DUPLICATE_NAME');
    expect(within(section).getByText(/^Begriffe der Quelle ohne Zuordnung: 240\./)).toBeTruthy();
    expect(within(section).getByText(/^Orte ohne Quartier: 2\./)).toBeTruthy();
    const [url, init] = fetch.mock.calls.find(([u]) => u.startsWith('/api/import?')) as unknown as [
      string,
      RequestInit,
    ];
    expect(url).toBe('/api/import?file=angebote.xlsx');
    expect(init.body).toBe(file);

    fireEvent.click(within(section).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(() => expect(status.textContent).toMatch(/^Übernommen\./));
    expect(fetch.mock.calls.map(([u]) => u).filter((u) => u.startsWith('/api/import?'))).toEqual([
      '/api/import?file=angebote.xlsx',
      '/api/import?file=angebote.xlsx&commit=1',
    ]);
    expect(within(section).queryByRole('button', { name: 'Übernehmen' })).toBeNull();
  });

  it('maps a term from the dry run: only the changed term is saved, then the dry run repeats', async () => {
    const ctx = await signedIn();
    const report = (unmappedTerms: { term: string; count: number }[]) => ({
      ok: true,
      committed: false,
      counts: null,
      issues: [],
      issueCount: 0,
      errorCount: 0,
      unmappedTerms,
      unmappedTermCount: unmappedTerms.length,
      unassignedLocations: 0,
      lines: [],
    });
    const reports = [report([{ term: 'BD-1800.2000', count: 3 }]), report([])];
    const saved: unknown[] = [];
    let online = false;
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/import/mapping' && init?.method === 'POST') {
        if (!online) return offline();
        saved.push(JSON.parse(String(init.body)));
        return Response.json({ saved: 1, removed: 0 });
      }
      if (url === '/api/import/mapping') {
        return Response.json({
          entries: [{ term: 'Housing', categories: ['wohnen'], target_groups: [] }],
        });
      }
      if (url.startsWith('/api/import?')) return Response.json(reports.shift());
      return offline();
    });
    vi.stubGlobal('fetch', fetch);
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Daten importieren' });
    fireEvent.change(within(section).getByLabelText('Datei'), {
      target: { files: [new File(['x'], 'angebote.xlsx')] },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Probelauf' }));

    // The panel opens by itself, with the new term first and the stored one after it.
    const housing = (await within(section).findByText('Housing')).closest('li') as HTMLElement;
    const term = within(section).getByText('BD-1800.2000').closest('li') as HTMLElement;
    expect(term.querySelector('summary')?.textContent).toBe(
      'BD-1800.2000 (3× im Probelauf)noch ohne Zuordnung',
    );
    expect(housing.querySelector('summary')?.textContent).toBe('HousingWohnen');
    const save = within(section).getByRole('button', {
      name: 'Zuordnung speichern (Änderungen: 0)',
    }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.click(within(term).getByRole('checkbox', { name: 'Nahversorgung' }));
    fireEvent.click(
      within(term).getByRole('checkbox', { name: 'Familien und Bedarfsgemeinschaften' }),
    );
    expect(term.querySelector('summary')?.textContent).toMatch(
      /Nahversorgung, Familien und Bedarfsgemeinschaften$/,
    );
    expect(save.textContent).toBe('Zuordnung speichern (Änderungen: 1)');

    // Offline: a clear message, and the ticks stay for the next try.
    fireEvent.click(save);
    const status = () =>
      within(section)
        .getAllByRole('status')
        .map((s) => s.textContent)
        .join(' | ');
    await waitFor(() => expect(status()).toMatch(/Für die Zuordnung braucht es eine Verbindung/));
    expect(
      (within(term).getByRole('checkbox', { name: 'Nahversorgung' }) as HTMLInputElement).checked,
    ).toBe(true);

    online = true;
    fireEvent.click(save);
    await waitFor(() => expect(status()).toMatch(/Gespeichert\./));
    expect(saved).toEqual([
      {
        entries: [
          { term: 'BD-1800.2000', categories: ['nahversorgung'], target_groups: ['familien'] },
        ],
      },
    ]);
    await waitFor(() =>
      expect(fetch.mock.calls.filter(([u]) => String(u).startsWith('/api/import?'))).toHaveLength(
        2,
      ),
    );
  });

  it('asks a visitor without an account to sign in', async () => {
    renderApp('/koordination', testDeps());
    const main = await screen.findByRole('main');
    const signIn = await within(main).findByRole('link', { name: 'Anmelden' });
    expect(signIn.getAttribute('href')).toBe('/anmelden?weiter=%2Fkoordination');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the referral figures from the server with "< 5" and keeps them for offline use', async () => {
    const fetch = vi.fn(async () => Response.json(STATS));
    vi.stubGlobal('fetch', fetch);
    const { db } = await withOffers();
    const section = screen.getByRole('region', { name: 'Verweise' });
    const table = await within(section).findByRole('table', { name: 'Nach Zielgruppe' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Nach ZielgruppeAnzahl',
      'Jugendliche und junge Erwachsene9',
      'Senior*innen< 5',
    ]);
    expect(within(section).getByText('Verweise insgesamt: 12')).toBeTruthy();
    expect(within(section).getByText('Keine Verweise.')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/referrals/stats');
    expect(new Headers(init.headers).get('authorization')).toBe(`Bearer ${'x'.repeat(43)}`);
    await waitFor(async () => expect(await readCachedReferralStats(db)).toEqual(STATS));
  });

  it('offline, shows the last fetched figures with their date', async () => {
    const ctx = await signedIn();
    await cacheReferralStats(ctx.db, STATS);
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Verweise' });
    const notice = await within(section).findByText(/braucht es eine Verbindung/);
    expect(notice.textContent).toMatch(/Stand: 13\.10\.2026, 10:30/);
    expect(within(section).getByRole('table', { name: 'Nach Monat' }).textContent).toMatch(
      /September 2026/,
    );
  });

  it('offline without figures on the device, says that a connection is needed', async () => {
    const ctx = await signedIn();
    renderApp('/koordination', ctx.svc);
    const section = await screen.findByRole('region', { name: 'Verweise' });
    expect(
      await within(section).findByText('Für die Verweiszahlen braucht es eine Verbindung.'),
    ).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Erneut laden' }));
    await waitFor(() => expect(vi.mocked(globalThis.fetch)).toHaveBeenCalledTimes(2));
  });
});
