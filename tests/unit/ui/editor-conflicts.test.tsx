import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WegweiserDB } from '../../../src/db/schema';
import { readPayload } from '../../../src/sync/outbox';
import { COORD, conflictOn, signedIn, svcId } from './editor.fixtures';
import { renderApp, service, teardown } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

const conflictOnTwoFields = (db: WegweiserDB) =>
  conflictOn(db, { name: 'Meine Fassung', phone: '0202 111', version: 7 }, 3, [
    { field: 'name', server: 'Ihre Fassung', client: 'Meine Fassung', base: 'Alt' },
    { field: 'phone', server: '0202 999', client: '0202 111', base: null },
  ]);

describe('conflict screen', () => {
  it('shows the value before both edits, and who made the other edit and when', async () => {
    const { svc, db } = await signedIn();
    await conflictOn(db, { name: 'Meine Fassung', phone: '0202 111', version: 7 }, 3, [
      {
        field: 'name',
        server: 'Ihre Fassung',
        client: 'Meine Fassung',
        base: 'Alte Fassung',
        by: 'anna@example.org',
        at: '2026-10-14T07:42:00Z',
      },
      { field: 'phone', server: '0202 999', client: '0202 111', base: null },
    ]);
    renderApp('/konflikte', svc);
    const card = await screen.findByRole('form', { name: /Angebot: Meine Fassung/ });
    const name = within(card).getByRole('group', { name: 'Name des Angebots' });
    expect(within(name).getByText('Vor beiden Änderungen:').textContent).toBe(
      'Vor beiden Änderungen:Alte Fassung',
    );
    // Berlin time (summer time: UTC+2).
    expect(
      within(name).getByText('Die andere Änderung: anna@example.org, 14.10.2026, 09:42'),
    ).toBeTruthy();
    // An older server (or data without history) tells nobody: no empty line.
    const phone = within(card).getByRole('group', { name: 'Telefon' });
    expect(within(phone).getByText('Vor beiden Änderungen:').textContent).toBe(
      'Vor beiden Änderungen:–',
    );
    expect(within(phone).queryByText(/Die andere Änderung/)).toBeNull();
  });

  it('shows mine and theirs per field; resolving queues a new mutation based on the server', async () => {
    const { svc, db } = await signedIn();
    await conflictOnTwoFields(db);
    renderApp('/konflikte', svc);
    const card = await screen.findByRole('form', { name: /Angebot: Meine Fassung/ });
    const nameGroup = within(card).getByRole('group', { name: 'Name des Angebots' });
    expect(
      within(nameGroup).getByRole('radio', { name: /Meine Fassung:\s*Meine Fassung/ }),
    ).toBeTruthy();
    expect(
      within(nameGroup).getByRole('radio', { name: /Fassung auf dem Server:\s*Ihre Fassung/ }),
    ).toBeTruthy();

    // Nothing chosen yet: an explanation, nothing changes.
    fireEvent.click(within(card).getByRole('button', { name: 'Lösung übernehmen' }));
    expect((await within(card).findByRole('alert')).textContent).toContain(
      'Bitte für jede Angabe eine Fassung wählen.',
    );

    fireEvent.click(within(nameGroup).getByRole('radio', { name: /Selbst neu formulieren/ }));
    fireEvent.input(within(nameGroup).getByRole('textbox'), {
      target: { value: 'Unsere gemeinsame Fassung' },
    });
    const phoneGroup = within(card).getByRole('group', { name: 'Telefon' });
    fireEvent.click(within(phoneGroup).getByRole('radio', { name: /Fassung auf dem Server/ }));
    fireEvent.click(within(card).getByRole('button', { name: 'Lösung übernehmen' }));

    expect(
      await screen.findByText('Konflikt gelöst. Die Lösung wartet auf Übertragung.'),
    ).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutationId).not.toBe('m-3');
    expect(readPayload(entry!)).toEqual({
      baseVersion: 7,
      state: 'queued',
      fields: { name: { base: 'Ihre Fassung', value: 'Unsere gemeinsame Fassung' } },
    });
    expect(await db.services.get(svcId)).toMatchObject({
      name: 'Unsere gemeinsame Fassung',
      phone: '0202 999',
      local_state: 'pending',
    });
    expect(await screen.findByText(/Keine Konflikte/)).toBeTruthy();
  });

  it('offers to merge a list both sides changed, keeping their removal and my addition', async () => {
    const { svc, db } = await signedIn();
    await conflictOn(db, { name: 'Sprachcafé', languages: ['de', 'ar'], version: 5 }, 2, [
      { field: 'languages', server: ['de'], client: ['de', 'tr', 'ar'], base: ['de', 'tr'] },
    ]);
    renderApp('/konflikte', svc);
    const card = await screen.findByRole('form', { name: /Angebot: Sprachcafé/ });
    const group = within(card).getByRole('group', { name: 'Sprachen' });
    // A list is chosen, not typed.
    expect(within(group).queryByRole('radio', { name: /Selbst neu formulieren/ })).toBeNull();
    fireEvent.click(
      within(group).getByRole('radio', {
        name: /Beide Änderungen zusammenführen:\s*Deutsch, Arabisch/,
      }),
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Lösung übernehmen' }));

    expect(
      await screen.findByText('Konflikt gelöst. Die Lösung wartet auf Übertragung.'),
    ).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(readPayload(entry!)).toEqual({
      baseVersion: 5,
      state: 'queued',
      fields: { languages: { base: ['de'], value: ['de', 'ar'] } },
    });
    expect((await db.services.get(svcId))?.languages).toEqual(['de', 'ar']);
  });

  it('lists a rejected edit with the server’s German reasons; discarding restores the server value', async () => {
    const { svc, db } = await signedIn();
    await db.services.put({
      ...service(100, { name: 'Zu kurz?' }),
      local_state: 'rejected',
    } as never);
    await db.outbox.add({
      mutationId: 'm-2',
      table: 'services',
      recordId: svcId,
      op: 'upsert',
      userEmail: COORD,
      createdAt: '2026-10-14T08:00:00Z',
      payload: {
        baseVersion: 1,
        state: 'rejected',
        fields: { name: { base: 'Angebot 100', value: 'Zu kurz?' } },
        errors: [
          {
            field: '',
            code: 'forbidden',
            message: 'Diese Änderung ist nur Koordinator*innen erlaubt',
          },
        ],
      },
    });
    renderApp('/konflikte', svc);
    const card = await screen.findByRole('article', { name: /Angebot: Zu kurz\?/ });
    expect(card.textContent).toContain('Diese Änderung ist nur Koordinator*innen erlaubt');
    expect(within(card).getByRole('link', { name: 'Korrigieren' }).getAttribute('href')).toBe(
      `/bearbeiten/angebote/${svcId}`,
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Verwerfen' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwerfen' }),
    );
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect((await db.services.get(svcId))?.name).toBe('Angebot 100');
  });

  it('shows the conflict count in the shell with a link to the screen', async () => {
    const { svc, db } = await signedIn();
    await conflictOnTwoFields(db);
    renderApp('/', svc);
    const link = await within(screen.getByRole('banner')).findByRole('link', {
      name: '1 Konflikt lösen',
    });
    expect(link.getAttribute('href')).toBe('/konflikte');
  });
});
