import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountApp } from '../../../src/app/mount';
import { META_KEYS } from '../../../src/db/schema';
import { currentLanguage, provideCatalogues, setLanguage } from '../../../src/i18n';
import ar from '../../../src/i18n/ar.json';
import { catalogueLoaders } from '../../../src/i18n/catalogues';
import de from '../../../src/i18n/de.json';
import { applyToDocument, initialLanguage } from '../../../src/i18n/startLanguage';
import uk from '../../../src/i18n/uk.json';
import { org, service, teardown, testDeps } from './helpers';

let root: HTMLElement;
let unmount: () => void = () => {};

beforeEach(() => {
  window.scrollTo = () => {};
  provideCatalogues(catalogueLoaders);
  localStorage.clear();
  sessionStorage.clear();
  root = document.body.appendChild(document.createElement('div'));
});

afterEach(async () => {
  unmount();
  root.remove();
  await setLanguage('de');
  applyToDocument('de');
  window.history.replaceState(null, '', '/');
  cleanup();
  await teardown();
});

async function mountStart(heading: string = de.start.heading) {
  const deps = testDeps();
  await deps.db.organizations.put(org(1));
  await deps.db.services.bulkPut([
    service(100, { target_groups: ['alleinerziehende'] }),
    service(101, { target_groups: ['alleinerziehende'] }),
  ]);
  await deps.db.meta.put({ key: META_KEYS.lastSyncAt, value: '2026-10-14T07:55:00.000Z' });
  window.history.replaceState(null, '', '/');
  unmount = mountApp(root, deps);
  await screen.findByRole('heading', { level: 1, name: heading });
}

describe('language picker', () => {
  it('switches every text, the direction and the plural rules, and remembers the choice', async () => {
    await mountStart();
    const picker = screen.getByRole('combobox', { name: de.app.language });
    const typed = screen.getByRole('searchbox') as HTMLInputElement;
    fireEvent.input(typed, { target: { value: 'Schulden' } });

    fireEvent.change(picker, { target: { value: 'ar' } });
    await screen.findByRole('heading', { level: 1, name: ar.start.heading });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    // Arabic has a dual: two offers are "خدمتان", not "2 …".
    await screen.findByText('خدمتان');
    expect(screen.getByRole('combobox', { name: ar.app.language })).toBeTruthy();
    // Same components in the same places: what was typed is still there.
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('Schulden');
    expect(localStorage.getItem('qw.language')).toBe('ar');

    fireEvent.change(screen.getByRole('combobox', { name: ar.app.language }), {
      target: { value: 'de' },
    });
    await screen.findByRole('heading', { level: 1, name: de.start.heading });
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByText('2 Angebote')).toBeTruthy();
  });

  it('starts in the language of a shared link, over the stored choice', async () => {
    localStorage.setItem('qw.language', 'ar');
    window.history.replaceState(null, '', '/?lang=uk');
    expect(initialLanguage()).toBe('uk');
    window.history.replaceState(null, '', '/');
    // The link's language holds for the rest of the visit.
    expect(initialLanguage()).toBe('uk');
    sessionStorage.clear();
    expect(initialLanguage()).toBe('ar');
    await setLanguage(initialLanguage());
    expect(currentLanguage()).toBe('ar');
    await setLanguage('uk');
    await mountStart(uk.start.heading);
  });

  it("marks an offer's own texts as German and says so in the UI language", async () => {
    const deps = testDeps();
    await deps.db.organizations.put(org(1));
    const offer = service(100, { description: 'Hilfe bei Schulden.' });
    await deps.db.services.put(offer);
    await setLanguage('ar');
    window.history.replaceState(null, '', `/angebote/${offer.id}`);
    unmount = mountApp(root, deps);
    await screen.findByText(ar.translatedContent.germanOnly);
    const description = screen.getByText('Hilfe bei Schulden.');
    expect(description.getAttribute('lang')).toBe('de');
    expect(description.getAttribute('dir')).toBe('auto');

    await setLanguage('de');
    await screen.findByRole('heading', { level: 1, name: offer.name });
    expect(screen.queryByText(de.translatedContent.germanOnly)).toBeNull();
  });

  it('stays in its language and says so when a catalogue cannot load', async () => {
    provideCatalogues({
      ...catalogueLoaders,
      './ar.json': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await mountStart();
    const picker = screen.getByRole('combobox', { name: de.app.language }) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'ar' } });
    expect((await screen.findByRole('alert')).textContent).toBe(de.app.languageError);
    expect(picker.value).toBe('de');
    expect(currentLanguage()).toBe('de');
    expect(document.documentElement.dir).not.toBe('rtl');
    screen.getByRole('heading', { level: 1, name: de.start.heading });
  });

  it('says on the info page that the UI texts of a language other than German are machine-made', async () => {
    const deps = testDeps();
    await setLanguage('en');
    window.history.replaceState(null, '', '/info');
    unmount = mountApp(root, deps);
    const en = (await import('../../../src/i18n/en.json')).default;
    expect((await screen.findByRole('note')).textContent).toBe(en.info.uiTranslation);
    await setLanguage('de');
    await screen.findByRole('heading', { level: 1, name: de.info.title });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
