/**
 * "Eigene Suchwörter" on /bearbeiten: a coordinator adds a district's word to a need, sees it
 * listed, is told in German when it is blank or already there, and deletes it only after
 * confirming. Every change is queued for the push.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLocalTerms } from '../../../src/db/localTerms';
import { signedIn } from './editor.fixtures';
import { renderApp, teardown } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

async function openSection() {
  const ctx = await signedIn();
  renderApp('/bearbeiten', ctx.svc);
  const section = await screen.findByRole('region', { name: 'Eigene Suchwörter' });
  return { ...ctx, section };
}

describe('a district’s own search words', () => {
  it('adds a word to the chosen need and queues it', async () => {
    const { db, section } = await openSection();
    expect(within(section).getByText('Noch keine eigenen Suchwörter.')).toBeTruthy();
    const need = within(section).getByRole('combobox', { name: 'Anliegen' }) as HTMLSelectElement;
    // The needs are named by their German word.
    const schulden = [...need.options].find((o) => o.value === 'debt');
    expect(schulden?.textContent).toMatch(/^Schulden/);
    fireEvent.change(need, { target: { value: 'debt' } });
    fireEvent.input(within(section).getByRole('textbox', { name: 'Suchwort' }), {
      target: { value: 'Pleitehilfe' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Suchwort hinzufügen' }));
    expect(await within(section).findByText(/: Pleitehilfe/)).toBeTruthy();
    expect(await readLocalTerms(db)).toEqual([{ concept: 'debt', term: 'Pleitehilfe' }]);
    expect((await db.outbox.toArray()).map((e) => [e.table, e.op])).toEqual([
      ['local_terms', 'upsert'],
    ]);
    expect(
      (within(section).getByRole('textbox', { name: 'Suchwort' }) as HTMLInputElement).value,
    ).toBe('');
  });

  it('says in German why a blank or repeated word is not added, and keeps what was typed', async () => {
    const { db, section } = await openSection();
    const word = within(section).getByRole('textbox', { name: 'Suchwort' }) as HTMLInputElement;
    const add = within(section).getByRole('button', { name: 'Suchwort hinzufügen' });
    fireEvent.input(word, { target: { value: '   ' } });
    fireEvent.click(add);
    const blank = await within(section).findByRole('alert');
    expect(blank.textContent).toMatch(/\S/);
    expect(word.getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.input(word, { target: { value: 'Büdchen' } });
    fireEvent.click(add);
    await within(section).findByText(/: Büdchen/);
    fireEvent.input(word, { target: { value: 'büdchen ' } });
    fireEvent.click(add);
    await waitFor(() =>
      expect(within(section).getByRole('alert').textContent).toBe(
        'Dieses Suchwort gibt es bei diesem Anliegen schon.',
      ),
    );
    expect(word.value).toBe('büdchen ');
    expect(await readLocalTerms(db)).toHaveLength(1);
  });

  it('deletes a word only after confirming; cancel keeps it', async () => {
    const { db, section } = await openSection();
    fireEvent.input(within(section).getByRole('textbox', { name: 'Suchwort' }), {
      target: { value: 'Büdchen' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Suchwort hinzufügen' }));
    const del = await within(section).findByRole('button', { name: 'Suchwort „Büdchen“ löschen' });

    fireEvent.click(del);
    let dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await readLocalTerms(db)).toHaveLength(1);

    fireEvent.click(del);
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }));
    await waitFor(() => expect(within(section).queryByText(/: Büdchen/)).toBeNull());
    expect(await readLocalTerms(db)).toEqual([]);
    // Never pushed, so there is nothing left to tell the server.
    expect(await db.outbox.count()).toBe(0);
  });
});
