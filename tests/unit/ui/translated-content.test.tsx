/**
 * Translated content on the screens: the reader's language where there is a translation,
 * the German text with lang="de" and "nur auf Deutsch verfügbar" where there is none, a
 * visible notice on machine translations; the editor's translation fields, the
 * coordinators' list of what is untranslated, and a conflict over translations.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideCatalogues, setLanguage } from '../../../src/i18n';
import ar from '../../../src/i18n/ar.json';
import { catalogueLoaders } from '../../../src/i18n/catalogues';
import coordination from '../../../src/i18n/de.coordination.json';
import de from '../../../src/i18n/de.json';
import en from '../../../src/i18n/en.json';
import { readPayload } from '../../../src/sync/outbox';
import { COORD, conflictOn, signedIn, svcId } from './editor.fixtures';
import { location, org, renderApp, service, teardown, testDeps, uid } from './helpers';

const ed = coordination.translatedContentEditor;

beforeEach(() => {
  window.scrollTo = () => {};
  provideCatalogues(catalogueLoaders);
});
afterEach(async () => {
  await setLanguage('de');
  await teardown();
});

const TRANSLATED = service(100, {
  name: 'Schuldnerberatung im Quartier',
  description: 'Hilfe bei Mahnungen und Schulden.',
  fees_description: 'kostenlos',
  location_ids: [uid(10)],
  translations: {
    en: { name: 'Debt advice in the neighbourhood', description: 'Help with reminders and debts.' },
    ar: {
      machine: true,
      name: 'استشارات الديون في الحي',
      description: 'مساعدة في رسائل التذكير والديون.',
    },
  },
});
const GERMAN_ONLY = service(101, {
  name: 'Sprachcafé',
  description: 'Gemeinsam Deutsch üben.',
  location_ids: [uid(10)],
});

async function seeded(deps = testDeps()) {
  await deps.db.organizations.put(org(1, { name: 'Caritasverband Ruhrstadt' }));
  await deps.db.locations.put(location(10, { name: 'Stadtteilzentrum' }));
  await deps.db.services.bulkPut([TRANSLATED, GERMAN_ONLY]);
  return deps;
}

const notes = () => screen.queryAllByRole('note').map((n) => n.textContent);

describe('an offer in the reader’s language', () => {
  it('shows German text with lang="de" and "only available in German" in an English UI', async () => {
    await setLanguage('en');
    renderApp(`/angebote/${GERMAN_ONLY.id}`, await seeded());
    await screen.findByText(en.translatedContent.germanOnly);
    const description = screen.getByText('Gemeinsam Deutsch üben.');
    expect(description.getAttribute('lang')).toBe('de');
    expect(description.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('heading', { level: 1 }).querySelector('[lang="de"]')).toBeTruthy();
    expect(notes()).not.toContain(en.translatedContent.machine);
  });

  it('shows a translation by a person without a machine notice', async () => {
    await setLanguage('en');
    renderApp(`/angebote/${TRANSLATED.id}`, await seeded());
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Debt advice in the neighbourhood',
    });
    expect(heading.querySelector('[lang="en"]')).toBeTruthy();
    expect(screen.getByText('Help with reminders and debts.').getAttribute('lang')).toBe('en');
    // The fees, the Träger and the place are still German: said, but only "partly".
    expect(notes()).toContain(en.translatedContent.partlyGerman);
    expect(notes()).not.toContain(en.translatedContent.machine);
    expect(notes()).not.toContain(en.translatedContent.germanOnly);
  });

  it('shows the machine-translation notice in an Arabic UI', async () => {
    await setLanguage('ar');
    renderApp(`/angebote/${TRANSLATED.id}`, await seeded());
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'استشارات الديون في الحي',
    });
    expect(heading.querySelector('[lang="ar"]')).toBeTruthy();
    expect(notes()).toContain(ar.translatedContent.machine);
    expect(screen.getByText('مساعدة في رسائل التذكير والديون.').getAttribute('lang')).toBe('ar');
  });

  it('has no note in German', async () => {
    renderApp(`/angebote/${TRANSLATED.id}`, await seeded());
    await screen.findByRole('heading', { level: 1, name: TRANSLATED.name });
    const texts = Object.values(de.translatedContent);
    expect(notes().filter((n) => texts.includes(n ?? ''))).toEqual([]);
    expect(screen.getByText('Hilfe bei Mahnungen und Schulden.').getAttribute('lang')).toBe('de');
  });

  it('names the offer in the list in the UI language, with a small mark for a machine', async () => {
    await setLanguage('ar');
    renderApp('/angebote', await seeded());
    const link = await screen.findByRole('link', { name: 'استشارات الديون في الحي' });
    expect(link.getAttribute('lang')).toBe('ar');
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText(ar.translatedContent.machine)).toBeTruthy();
    // German names stay German, without a note on every card.
    const german = screen.getByRole('link', { name: 'Sprachcafé' });
    expect(german.getAttribute('lang')).toBe('de');
    expect(
      within(german.closest('li') as HTMLElement).queryByText(ar.translatedContent.machine),
    ).toBeNull();
  });

  it('puts the machine notice on the referral slip', async () => {
    await setLanguage('ar');
    renderApp(`/angebote/${TRANSLATED.id}/weitergeben`, await seeded());
    const slip = await screen.findByRole('article', { name: 'استشارات الديون في الحي' });
    expect(within(slip).getByText(ar.translatedContent.machine)).toBeTruthy();
    // The text sent on says it too; German texts it just shows.
    const sms = screen.getAllByRole('link').find((l) => l.getAttribute('href')?.startsWith('sms:'));
    const body = decodeURIComponent(sms?.getAttribute('href') ?? '').split('\n');
    expect(body[0]).toBe('sms:?&body=استشارات الديون في الحي');
    expect(body).toContain(ar.translatedContent.machine);
    expect(body).not.toContain(ar.translatedContent.partlyGerman);
  });
});

describe('translations in the editor', () => {
  it('adds an English translation, marked as machine-made, and queues it with the offer', async () => {
    const { svc, db } = await signedIn();
    await db.services.put(service(100, { name: 'Jobcenter vor Ort', email: null }));
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    const group = await screen.findByRole('group', { name: ed.title });
    expect(within(group).getByText(ed.none)).toBeTruthy();
    fireEvent.change(within(group).getByLabelText(ed.addLabel), { target: { value: 'en' } });
    fireEvent.click(within(group).getByRole('button', { name: ed.add }));

    const english = await within(group).findByRole('group', { name: 'English' });
    const name = within(english).getByLabelText('Name des Angebots (English)');
    expect(name.getAttribute('lang')).toBe('en');
    fireEvent.input(name, { target: { value: 'Jobcenter on site' } });
    fireEvent.input(within(english).getByLabelText('Beschreibung (English)'), {
      target: { value: 'Advice without an appointment.' },
    });
    fireEvent.click(within(english).getByLabelText('Maschinell übersetzt (English)'));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Gespeichert. Wartet auf Übertragung.')).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'services', recordId: svcId, userEmail: COORD });
    expect(readPayload(entry!).fields.translations?.value).toEqual({
      en: {
        name: 'Jobcenter on site',
        description: 'Advice without an appointment.',
        machine: true,
      },
    });
    expect((await db.services.get(svcId))?.translations?.en?.name).toBe('Jobcenter on site');
  });

  it('shows a refused translation at its field; nothing is queued', async () => {
    const { svc, db } = await signedIn();
    await db.services.put(
      service(100, { name: 'Jobcenter vor Ort', email: null, translations: { en: {} } }),
    );
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    const english = await screen.findByRole('group', { name: 'English' });
    const name = within(english).getByLabelText('Name des Angebots (English)');
    fireEvent.input(name, { target: { value: 'Jobcenter \u202Eno' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(
      name.getAttribute('aria-describedby')?.split(' ')[0] ?? '',
    );
    expect(error?.textContent).toBeTruthy();
    // The summary names the part of the form and leads to it.
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: new RegExp(`^${ed.title}:`) })).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });

  it('removes a language', async () => {
    const { svc, db } = await signedIn();
    await db.services.put(
      service(100, {
        name: 'Jobcenter vor Ort',
        email: null,
        translations: { en: { name: 'Jobcenter on site' }, tr: { name: 'Yerinde İş Merkezi' } },
      }),
    );
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    fireEvent.click(await screen.findByRole('button', { name: 'English entfernen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Gespeichert. Wartet auf Übertragung.');
    expect((await db.services.get(svcId))?.translations).toEqual({
      tr: { name: 'Yerinde İş Merkezi' },
    });
  });
});

describe('missing translations on the dashboard', () => {
  it('lists the listed offers lacking a language, what they lack, and links to edit it', async () => {
    const { svc, db } = await signedIn();
    await seeded(svc);
    renderApp('/koordination', svc);
    const section = (await screen.findByRole('heading', { name: ed.gaps.title })).closest(
      'section',
    ) as HTMLElement;
    // English: the translated offer still lacks its Träger and place; the other one all.
    expect(await within(section).findByText(ed.gaps.count.replace('{n}', '2'))).toBeTruthy();
    const item = within(section).getByRole('link', { name: 'Sprachcafé' }).closest('li')!;
    expect(
      within(item as HTMLElement)
        .getByRole('link', { name: 'Angebot' })
        .getAttribute('href'),
    ).toBe(`/bearbeiten/angebote/${GERMAN_ONLY.id}`);
    expect(
      within(item as HTMLElement)
        .getByRole('link', { name: 'Ort: Stadtteilzentrum' })
        .getAttribute('href'),
    ).toBe(`/bearbeiten/orte/${uid(10)}`);

    // Turkish: neither offer is translated.
    fireEvent.change(within(section).getByLabelText(ed.gaps.language), { target: { value: 'tr' } });
    expect(await within(section).findByText(ed.gaps.count.replace('{n}', '2'))).toBeTruthy();
    await db.organizations.put(
      org(1, { name: 'Caritasverband Ruhrstadt', translations: { tr: { name: 'Caritas' } } }),
    );
    await db.locations.put(
      location(10, { name: 'Stadtteilzentrum', translations: { tr: { name: 'Semt merkezi' } } }),
    );
    await db.services.put({
      ...GERMAN_ONLY,
      translations: { tr: { name: 'Dil kafesi', description: 'Birlikte Almanca pratik.' } },
    });
    expect(await within(section).findByText(ed.gaps.count.replace('{n}', '1'))).toBeTruthy();
  });
});

describe('a conflict over translations', () => {
  it('shows both sides legibly, per language and field', async () => {
    const { svc, db } = await signedIn();
    const mine = { en: { name: 'Jobcenter on site', machine: true } };
    const theirs = { en: { name: 'Jobcentre nearby' } };
    await conflictOn(db, { name: 'Jobcenter', translations: mine, version: 2 }, 1, [
      { field: 'translations', server: theirs, client: mine, base: null },
    ]);
    renderApp('/konflikte', svc);
    const group = await screen.findByRole('group', { name: ed.title });
    expect(group.textContent).toContain(
      'English – Name des Angebots: Jobcenter on site (maschinell übersetzt)',
    );
    expect(group.textContent).toContain('English – Name des Angebots: Jobcentre nearby');
    expect(group.textContent).not.toContain('{');
  });
});
