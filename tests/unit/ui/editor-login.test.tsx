import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/sync/pull';
import { COORD, signedIn } from './editor.fixtures';
import { renderApp, service, teardown } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

/** Answers POST /api/auth/login like the server: one known account. */
function authServer(email: string, password: string, role = 'coordinator'): FetchLike {
  return async (url, init) => {
    if (url.endsWith('/api/auth/logout')) return new Response(null, { status: 204 });
    const body = JSON.parse(String(init?.body)) as { email: string; password: string };
    if (body.email === email && body.password === password) {
      return Response.json({ token: 't'.repeat(43), user: { email, role } });
    }
    return Response.json({ error: { code: 'invalid_credentials' } }, { status: 401 });
  };
}

async function queueEditOf(db: import('../../../src/db/schema').WegweiserDB, user: string) {
  await db.outbox.add({
    mutationId: crypto.randomUUID(),
    table: 'services',
    recordId: service(100).id,
    op: 'upsert',
    userEmail: user,
    createdAt: '2026-10-14T08:00:00Z',
    payload: { baseVersion: 1, fields: { name: { base: 'A', value: 'B' } }, state: 'queued' },
  });
}

describe('sign in', () => {
  it('validates inline, reports wrong credentials, then shows the user in the shell', async () => {
    const { svc, account } = await signedIn(null, COORD, authServer(COORD, 'richtig-richtig'));
    renderApp('/anmelden?weiter=/bearbeiten', svc);
    const main = screen.getByRole('main');
    fireEvent.click(await within(main).findByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('Bitte die E-Mail-Adresse eingeben.')).toBeTruthy();
    expect(screen.getByLabelText('E-Mail-Adresse').getAttribute('aria-invalid')).toBe('true');

    input(screen.getByLabelText('E-Mail-Adresse'), COORD);
    input(screen.getByLabelText('Passwort'), 'falsch');
    fireEvent.click(within(main).getByRole('button', { name: 'Anmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'E-Mail-Adresse oder Passwort ist falsch.',
    );

    input(screen.getByLabelText('Passwort'), 'richtig-richtig');
    fireEvent.click(within(main).getByRole('button', { name: 'Anmelden' }));
    await waitFor(() => expect(window.location.pathname).toBe('/bearbeiten'));
    expect(account.get()).toEqual({
      status: 'active',
      user: { email: COORD, role: 'coordinator' },
    });
    const header = screen.getByRole('banner');
    expect(
      within(header).getByRole('link', {
        name: `Angemeldet als ${COORD} (Koordination) – Konto`,
      }),
    ).toBeTruthy();
  });

  it('warns before a different user wipes unsent edits of the previous one', async () => {
    const other = 'alex@example.org';
    const { svc, db } = await signedIn(null, COORD, authServer(other, 'passwort-alex'));
    await db.meta.put({ key: 'lastUser', value: COORD });
    await queueEditOf(db, COORD);
    renderApp('/anmelden', svc);
    input(await screen.findByLabelText('E-Mail-Adresse'), other);
    input(screen.getByLabelText('Passwort'), 'passwort-alex');
    fireEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Anmelden' }));

    const dialog = await screen.findByRole('alertdialog', {
      name: 'Änderungen einer anderen Person',
    });
    expect(dialog.textContent).toContain('wartet noch 1 Änderung einer anderen Person');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(await db.outbox.count()).toBe(1);

    fireEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Anmelden' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Anmelden und löschen',
      }),
    );
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(await screen.findByText(`Angemeldet als ${other}`)).toBeTruthy();
  });
});

describe('sign out', () => {
  it('warns about unsent edits, then wipes them and internal records', async () => {
    const { svc, db, account } = await signedIn('coordinator', COORD, authServer(COORD, 'x'));
    await db.services.put(service(101, { visibility: 'internal' }));
    await queueEditOf(db, COORD);
    renderApp('/anmelden', svc);
    fireEvent.click(await screen.findByRole('button', { name: 'Abmelden' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Nicht übertragene Änderungen' });
    expect(dialog.textContent).toContain('1 Änderung wurde noch nicht');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trotzdem abmelden' }));
    await waitFor(() => expect(account.get().status).toBe('anonymous'));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.get(service(101).id)).toBeUndefined();
    expect(await db.meta.get('session')).toBeUndefined();
  });

  it('after a 401 shows "Anmeldung abgelaufen" and keeps the outbox', async () => {
    const { svc, db, account } = await signedIn();
    await queueEditOf(db, COORD);
    renderApp('/', svc);
    account.markExpired();
    const header = screen.getByRole('banner');
    expect(
      await within(header).findByText('Anmeldung abgelaufen – Änderungen bleiben gespeichert.'),
    ).toBeTruthy();
    expect(await within(header).findByText('1 Änderung wartet auf Übertragung')).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
    // Signing in again is offered with the explanation.
    renderApp('/anmelden', svc);
    expect((await screen.findAllByText(/Ihre Anmeldung ist abgelaufen/)).length).toBeGreaterThan(0);
  });
});
