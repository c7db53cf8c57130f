import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../../src/app/mount';
import { META_KEYS } from '../../../src/db/schema';
import { currentLanguage, provideCatalogues, setLanguage } from '../../../src/i18n';
import ar from '../../../src/i18n/ar.json';
import { catalogueLoaders } from '../../../src/i18n/catalogues';
import de from '../../../src/i18n/de.json';
import { applyToDocument, initialLanguage } from '../../../src/i18n/startLanguage';
import uk from '../../../src/i18n/uk.json';
import { location, org, renderApp, schedule, service, teardown, testDeps, uid } from './helpers';

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

/*
 * What leaves the app for a person (slip, SMS, share text) and the resident hours pages,
 * opened from a `?lang=` link while the device would be German. NOW is Wednesday
 * 14 Oct 2026, 10:00 Berlin (./helpers).
 */
describe('hand-over and hours pages in the language of a ?lang= link', () => {
  const nb = '\u202f';
  const rlm = '\u200f';
  /** German words the app itself could write; offer texts (lang="de") are left out. */
  const GERMAN =
    /\b(Uhr|heute|morgen|montags|dienstags|mittwochs|donnerstags|freitags|Mo|Di|Mi|Do|Fr|Sa|So|Termine?|Sprechstunden?|Feiertagen|fällt|jeden|letzten)\b/;

  function ownText(el: Element): string {
    const copy = el.cloneNode(true) as Element;
    for (const german of copy.querySelectorAll('[lang="de"]')) german.remove();
    return copy.textContent ?? '';
  }

  const hours = (opens_at: string, closes_at: string) => ({ opens_at, closes_at });

  async function open(path: string, lang: string) {
    const deps = testDeps();
    await deps.db.organizations.put(org(1, { name: 'Caritas Ruhrstadt' }));
    await deps.db.locations.put(location(10, { name: 'Stadtteilzentrum Heckinghausen' }));
    await deps.db.services.put(
      service(102, { name: 'Schuldnerberatung', location_ids: [uid(10)], phone: '0202 1' }),
    );
    const held = { service_id: uid(102), location_id: uid(10) };
    await deps.db.schedules.bulkPut([
      schedule(202, { ...held, byday: 'FR', ...hours('13:00', '15:00'), exdates: ['2026-10-23'] }),
      schedule(203, { ...held, freq: 'MONTHLY', byday: '-1WE', ...hours('10:00', '12:30') }),
    ]);
    const url = `${path}?lang=${lang}`;
    window.history.replaceState(null, '', url);
    await setLanguage(initialLanguage());
    renderApp(url, deps);
  }

  it('writes the slip, the SMS and the share text in English, with the link in English', async () => {
    const share = vi.fn(async (_: ShareData) => {});
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    await open(`/angebote/${uid(102)}/weitergeben`, 'en');
    const slip = await screen.findByRole('article', { name: 'Schuldnerberatung' });
    const link = `${window.location.origin}/angebote/${uid(102)}?lang=en`;
    expect(
      [...slip.querySelectorAll('.slip__dates li, .slip__rhythm')].map((e) => e.textContent),
    ).toEqual([
      `Fri 16/10, 1–3${nb}pm`,
      `Wed 28/10, 10${nb}am–12:30${nb}pm`,
      `Fri 30/10, 1–3${nb}pm`,
      `Fridays, 1–3${nb}pm`,
      `on the last Wednesday of the month, 10${nb}am–12:30${nb}pm`,
    ]);
    expect(within(slip).getByText(link)).toBeTruthy();
    expect(ownText(slip)).not.toMatch(GERMAN);

    const sms = screen.getAllByRole('link').find((a) => a.getAttribute('href')?.startsWith('sms:'));
    expect(decodeURIComponent(sms?.getAttribute('href') ?? '')).toBe(
      [
        'sms:?&body=Schuldnerberatung',
        'Stadtteilzentrum Heckinghausen, Heckinghauser Straße 12, 42289 Ruhrstadt',
        `Next date: Fri 16/10, 1–3${nb}pm`,
        'Tel. 0202 1',
        link,
      ].join('\n'),
    );
    fireEvent.click(screen.getByRole('button', { name: /Share/ }));
    await screen.findByText('Shared.');
    expect(share.mock.calls[0]?.[0]).toEqual({
      title: 'Schuldnerberatung',
      text: [
        'Schuldnerberatung',
        'Caritas Ruhrstadt',
        'Stadtteilzentrum Heckinghausen, Heckinghauser Straße 12, 42289 Ruhrstadt',
        `Next date: Fri 16/10, 1–3${nb}pm`,
        'Tel. 0202 1',
      ].join('\n'),
      url: link,
    });
    delete (navigator as { share?: unknown }).share;
  });

  it('writes the hours page of an offer and its door notice in Arabic, with Arabic punctuation', async () => {
    await open(`/sprechstunden/angebot/${uid(102)}`, 'ar');
    await screen.findByRole('heading', { level: 1, name: 'Schuldnerberatung' });
    const main = screen.getByRole('main');
    const dates = [...main.querySelectorAll('.door-notice .next-dates__when')].map(
      (e) => e.textContent,
    );
    expect(dates.slice(0, 3)).toEqual([
      `الجمعة، 16${rlm}/10، من الساعة 13:00 إلى 15:00`,
      `الجمعة، 23${rlm}/10، من الساعة 13:00 إلى 15:00`,
      `الأربعاء، 28${rlm}/10، من الساعة 10:00 إلى 12:30`,
    ]);
    expect(
      within(main).getAllByText('يوم الأربعاء الأخير من كل شهر، من الساعة 10:00 إلى 12:30'),
    ).toHaveLength(2);
    expect(ownText(main)).not.toMatch(GERMAN);
  });

  it('writes the hours page of a place in English', async () => {
    await open(`/sprechstunden/ort/${uid(10)}`, 'en');
    await screen.findByRole('heading', { level: 1, name: 'Stadtteilzentrum Heckinghausen' });
    const main = screen.getByRole('main');
    // By textContent: Testing Library's matcher would fold Intl's narrow no-break space.
    const text = main.textContent ?? '';
    expect(text).toContain(`Fridays, 1–3${nb}pm`);
    expect(text).toContain(`Fri 23/10, 1–3${nb}pm`);
    expect(ownText(main)).not.toMatch(GERMAN);
  });
});
