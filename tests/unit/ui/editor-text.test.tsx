import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideCatalogues, setLanguage } from '../../../src/i18n';
import { catalogueLoaders } from '../../../src/i18n/catalogues';
import en from '../../../src/i18n/en.coordination.json';
import { signedIn, svcId } from './editor.fixtures';
import { renderApp, service, teardown } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(async () => {
  teardown();
  await setLanguage('de');
});

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('offer form and disguising characters', () => {
  it('refuses a right-to-left override in the name with a German message; nothing is queued', async () => {
    const ctx = await signedIn();
    await ctx.db.services.put(service(100, { name: 'Jobcenter vor Ort' }));
    renderApp(`/bearbeiten/angebote/${svcId}`, ctx.svc);
    const name = (await screen.findByLabelText(
      /Name des Angebots/,
      {},
      { timeout: 15_000 },
    )) as HTMLInputElement;
    input(name, 'Jobcenter \u202etrO rov');
    input(screen.getByLabelText(/Beschreibung/), 'Zeile eins\nZeile zwei');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Bitte 1 Angabe prüfen');
    const message = 'Enthält unzulässige Steuerzeichen (z. B. Zeilenumbruch oder Schreibrichtung)';
    expect(
      within(summary).getByRole('link', { name: `Name des Angebots: ${message}` }),
    ).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      message,
    );
    expect(await ctx.db.outbox.count()).toBe(0);
  }, 30_000); // the editor is lazy-loaded: its first render can take a while
});

describe('validation messages in the UI language', () => {
  it('shows a field error in English when the app is in English, from the English catalogue', async () => {
    provideCatalogues(catalogueLoaders);
    await setLanguage('en');
    const ctx = await signedIn();
    await ctx.db.services.put(service(100, { name: 'Jobcenter vor Ort' }));
    renderApp(`/bearbeiten/angebote/${svcId}`, ctx.svc);
    const name = (await screen.findByLabelText(
      en.editor.field.name,
      { exact: false },
      { timeout: 15_000 },
    )) as HTMLInputElement;
    input(name, 'x'.repeat(201));
    fireEvent.click(screen.getByRole('button', { name: en.editor.save }));

    await screen.findByRole('alert');
    const shown = document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(shown).toBe(en.validation.tooLong.replace('{max}', '200'));
    expect(shown).not.toMatch(/Höchstens|Zeichen/);
    expect(await ctx.db.outbox.count()).toBe(0);
  }, 30_000);
});
