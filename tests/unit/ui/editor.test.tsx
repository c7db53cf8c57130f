import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalMarks } from '../../../src/sync/outbox';
import { readPayload } from '../../../src/sync/outbox';
import { COORD, signedIn, svcId } from './editor.fixtures';
import { location, renderApp, schedule, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

async function seeded() {
  const ctx = await signedIn();
  await ctx.db.locations.put(location(10, { name: 'Stadtteilzentrum Heckinghausen' }));
  await ctx.db.services.put(
    service(100, { name: 'Jobcenter vor Ort', location_ids: [uid(10)], email: null }),
  );
  await ctx.db.schedules.put(
    schedule(200, {
      service_id: svcId,
      freq: 'MONTHLY',
      byday: '-1WE',
      opens_at: '15:00',
      closes_at: '17:00',
    }),
  );
  return ctx;
}

describe('editor access', () => {
  it('asks residents to sign in as a coordinator', async () => {
    renderApp('/bearbeiten/angebote/neu', testDeps());
    expect(
      await screen.findByText('Zum Bearbeiten bitte als Koordinator*in anmelden.'),
    ).toBeTruthy();
    const main = screen.getByRole('main');
    const link = within(main).getByRole('link', { name: 'Anmelden' }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/anmelden?weiter=%2Fbearbeiten%2Fangebote%2Fneu');
  });

  it('tells a worker that only coordinators edit', async () => {
    const { svc } = await signedIn('worker');
    renderApp('/bearbeiten', svc);
    expect(await screen.findByText('Bearbeiten dürfen nur Koordinator*innen.')).toBeTruthy();
  });
});

describe('offer form', () => {
  it('shows German errors inline and in a focused summary; nothing is queued', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    const name = (await screen.findByLabelText(/Name des Angebots/)) as HTMLInputElement;
    expect(name.value).toBe('Jobcenter vor Ort');
    input(name, '  ');
    input(screen.getByLabelText('E-Mail'), 'keine-adresse');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Bitte 2 Angaben prüfen');
    expect(
      within(summary).getByRole('link', { name: 'Name des Angebots: Pflichtfeld' }),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = name.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Pflichtfeld');
    expect(screen.getByText('Keine gültige E-Mail-Adresse')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves locally at once, marked as waiting, with field-level base and value', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    input(await screen.findByLabelText(/Name des Angebots/), 'Jobcenter vor Ort – neue Zeiten');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Alleinerziehende' }));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Gespeichert. Wartet auf Übertragung.')).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'services', recordId: svcId, userEmail: COORD });
    expect(readPayload(entry!).fields).toEqual({
      name: { base: 'Jobcenter vor Ort', value: 'Jobcenter vor Ort – neue Zeiten' },
      target_groups: { base: ['jugendliche'], value: ['jugendliche', 'alleinerziehende'] },
    });
    const row = (await db.services.get(svcId)) as LocalMarks & { name: string };
    expect(row).toMatchObject({ name: 'Jobcenter vor Ort – neue Zeiten', local_state: 'pending' });
    expect(
      await screen.findByText('Änderungen an diesem Eintrag warten auf Übertragung.'),
    ).toBeTruthy();
  });

  it('publishes, unpublishes and marks as checked today', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    fireEvent.click(await screen.findByRole('button', { name: 'Nur intern zeigen' }));
    expect(await screen.findByText('Auf „intern“ gesetzt. Wartet auf Übertragung.')).toBeTruthy();
    expect((await db.services.get(svcId))?.visibility).toBe('internal');
    fireEvent.click(screen.getByRole('button', { name: 'Als geprüft markieren' }));
    await waitFor(async () =>
      expect((await db.services.get(svcId))?.assured_date).toBe('2026-10-14'),
    );
    const payload = readPayload((await db.outbox.toArray())[0]!);
    expect(payload.fields.visibility).toEqual({ base: 'public', value: 'internal' });
    expect(payload.fields.assured_date).toEqual({ base: null, value: '2026-10-14' });
    fireEvent.click(await screen.findByRole('button', { name: 'Veröffentlichen' }));
    await waitFor(async () => expect((await db.services.get(svcId))?.visibility).toBe('public'));
  });

  it('creates a new offer and moves to its own address', async () => {
    const { svc, db } = await signedIn();
    renderApp(`/bearbeiten/angebote/neu?traeger=${uid(1)}`, svc);
    input(await screen.findByLabelText(/Name des Angebots/), 'Schuldnerberatung im Quartier');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(window.location.pathname).toMatch(/^\/bearbeiten\/angebote\/[0-9a-f-]{36}$/),
    );
    const id = window.location.pathname.split('/').pop() as string;
    const [entry] = await db.outbox.toArray();
    expect(entry?.recordId).toBe(id);
    expect(readPayload(entry!)).toMatchObject({ baseVersion: 0, state: 'queued' });
    expect(readPayload(entry!).fields.organization_id).toEqual({ base: null, value: uid(1) });
  });

  it('deletes after an accessible confirmation (Escape cancels, focus starts on cancel)', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    fireEvent.click(await screen.findByRole('button', { name: 'Angebot löschen' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Angebot löschen?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.outbox.count()).toBe(0);

    expect(await screen.findByRole('link', { name: /jeden letzten Mittwoch/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Angebot löschen' }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }));
    await waitFor(() => expect(window.location.pathname).toBe('/bearbeiten'));
    const entries = await db.outbox.toArray();
    // The hours go with the offer.
    expect(entries.map((e) => [e.table, e.op]).sort()).toEqual([
      ['schedules', 'delete'],
      ['services', 'delete'],
    ]);
  });
});

describe('visibility of an offer’s contacts and hours', () => {
  const internalOffer = uid(101);

  async function withInternalOffer() {
    const ctx = await seeded();
    await ctx.db.services.put(service(101, { name: 'Fallkonferenz', visibility: 'internal' }));
    return ctx;
  }

  it('starts a new contact of an internal offer as internal, and says why', async () => {
    const { svc, db } = await withInternalOffer();
    renderApp(`/bearbeiten/kontakte/neu?angebot=${internalOffer}`, svc);
    const internal = (await screen.findByRole('radio', { name: /^Intern/ })) as HTMLInputElement;
    expect(internal.checked).toBe(true);
    expect(await screen.findByText(/erst, wenn auch das Angebot öffentlich ist/)).toBeTruthy();
    input(screen.getByLabelText(/Name/), 'Frau Özdemir');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const payload = readPayload((await db.outbox.toArray())[0]!);
    expect(payload.fields.visibility).toEqual({ base: null, value: 'internal' });
  });

  it('starts a new contact of a public offer as public, without the hint', async () => {
    const { svc } = await withInternalOffer();
    renderApp(`/bearbeiten/kontakte/neu?angebot=${svcId}`, svc);
    const pub = (await screen.findByRole('radio', { name: /^Öffentlich/ })) as HTMLInputElement;
    expect(pub.checked).toBe(true);
    expect(screen.queryByText(/erst, wenn auch das Angebot öffentlich ist/)).toBeNull();
  });

  it('starts new hours of an internal offer as internal', async () => {
    const { svc } = await withInternalOffer();
    renderApp(`/bearbeiten/sprechstunden/neu?angebot=${internalOffer}`, svc);
    const internal = (await screen.findByRole('radio', { name: /^Intern/ })) as HTMLInputElement;
    expect(internal.checked).toBe(true);
    expect(await screen.findByText(/erst, wenn auch das Angebot öffentlich ist/)).toBeTruthy();
  });
});

describe('hours form', () => {
  it('builds "jeden 1. und 3. Montag" from checkboxes with a live preview', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/sprechstunden/neu?angebot=${svcId}`, svc);
    fireEvent.click(await screen.findByRole('radio', { name: /Im Monat am 1\./ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'ersten' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'dritten' }));
    // Monday is preset by the new-record default; keep it.
    const preview = screen.getByRole('region', { name: 'Vorschau' });
    await waitFor(() =>
      expect(preview.textContent).toContain('jeden ersten und dritten Montag im Monat'),
    );
    // After Wed 14.10.2026: the 3rd Monday of October, then the 1st and 3rd of November.
    const dates = within(preview)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(dates.slice(0, 3)).toEqual([
      expect.stringContaining('19.10.2026'),
      expect.stringContaining('02.11.2026'),
      expect.stringContaining('16.11.2026'),
    ]);

    // A cancelled date shows struck out in the preview and is stored as exdate.
    input(screen.getByLabelText('Neuer Ausfalltermin'), '2026-10-19');
    fireEvent.click(screen.getByRole('button', { name: 'Ausfall hinzufügen' }));
    await waitFor(() =>
      expect(within(preview).getAllByRole('listitem')[0]?.textContent).toContain('fällt aus'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Gespeichert. Wartet auf Übertragung.')).toBeTruthy();
    const stored = (await db.schedules.where('service_id').equals(svcId).toArray()).find(
      (s) => s.id !== uid(200),
    );
    expect(stored).toMatchObject({
      freq: 'MONTHLY',
      byday: '1MO,3MO',
      exdates: ['2026-10-19'],
      closed_on_holidays: true,
    });
  });

  it('opens an existing "letzter Mittwoch" rule in the right shape', async () => {
    const { svc } = await seeded();
    renderApp(`/bearbeiten/sprechstunden/${uid(200)}`, svc);
    const monthly = (await screen.findByRole('radio', {
      name: /Im Monat am 1\./,
    })) as HTMLInputElement;
    expect(monthly.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'letzten' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByRole('checkbox', { name: 'Mittwoch' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByRole('region', { name: 'Vorschau' }).textContent).toContain(
      'jeden letzten Mittwoch im Monat',
    );
  });

  it('refuses a start after the end with a German message', async () => {
    const { svc, db } = await seeded();
    renderApp(`/bearbeiten/sprechstunden/${uid(200)}`, svc);
    input(await screen.findByLabelText(/Beginn/), '25:00');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Uhrzeit im Format HH:MM erwartet')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });
});
