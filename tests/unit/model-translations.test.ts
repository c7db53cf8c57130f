/**
 * Translated content: which translations a record may carry, what a reader of each UI
 * language is shown, and that the search finds a German offer by its translated text.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../src/db/edits';
import {
  CONTENT_LANGUAGES,
  isTranslated,
  Organization,
  Schedule,
  Service,
  shownText,
} from '../../src/model';
import { keptTranslations } from '../../src/model/translated';
import { buildDoc } from '../../src/search/documents';
import { SearchEngine } from '../../src/search/engine';
import { destroy, freshDb, org, schedule, service } from './db.fixtures';

const offer = service(100, {
  name: 'Schuldnerberatung',
  description: 'Hilfe bei Schulden',
  translations: {
    en: { name: 'Debt counselling', description: 'Help with debts', machine: true },
    uk: { name: 'Консультація щодо боргів', description: '' },
    'de-x-ls': { name: 'Hilfe bei Schulden' },
  },
});

describe('the translations field', () => {
  it('accepts each content language with the fields of its table, and records without it', () => {
    expect(Service.safeParse(offer).success).toBe(true);
    expect(Service.safeParse(service(1)).success).toBe(true);
    expect(CONTENT_LANGUAGES).not.toContain('de');
    expect(CONTENT_LANGUAGES).toHaveLength(10);
    const notes = schedule(2, {
      translations: { ar: { notes: 'في العطلة مغلق', machine: false } },
    });
    expect(Schedule.safeParse(notes).success).toBe(true);
  });

  it.each([
    ['an unknown language', { xx: { name: 'x' } }],
    ['German, which is the original', { de: { name: 'x' } }],
    ['a field the table does not translate', { en: { legal_basis: 'SGB II' } }],
    ['a field of another table', { en: { notes: 'x' } }],
    ['a newline in a one-line field', { en: { name: 'a\nb' } }],
    ['a bidi override', { ar: { description: '\u202Eexe.pdf' } }],
    ['a description over its bound', { en: { description: 'x'.repeat(4001) } }],
    ['a machine mark that is not a boolean', { en: { name: 'x', machine: 'yes' } }],
    ['a list instead of a map', [{ name: 'x' }]],
  ])('refuses %s', (_, translations) => {
    expect(Service.safeParse({ ...service(1), translations }).success).toBe(false);
  });

  it('keeps all ten languages of a full offer within one field value', () => {
    const full = Object.fromEntries(
      CONTENT_LANGUAGES.map((l) => [l, { name: 'n'.repeat(200), description: 'd'.repeat(4000) }]),
    );
    const parsed = Service.safeParse({ ...service(1), translations: full });
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(full).length).toBeLessThan(65_536);
  });

  it('translates a Träger by name and description only', () => {
    expect(
      Organization.safeParse(org(1, { translations: { tr: { name: 'Dernek' } } })).success,
    ).toBe(true);
    expect(Organization.safeParse(org(1, { translations: { tr: { title: 'x' } } })).success).toBe(
      false,
    );
  });
});

describe('what a reader is shown', () => {
  it('German readers read the original', () => {
    expect(shownText(offer, 'name', 'de')).toEqual({
      text: 'Schuldnerberatung',
      lang: 'de',
      machine: false,
      germanFallback: false,
    });
  });

  it('a translation in the UI language, marked when a machine wrote it', () => {
    expect(shownText(offer, 'name', 'en')).toMatchObject({
      text: 'Debt counselling',
      lang: 'en',
      machine: true,
    });
    expect(shownText(offer, 'name', 'uk')).toMatchObject({
      lang: 'uk',
      machine: false,
      germanFallback: false,
    });
  });

  it('the German text, marked as a fallback, where the language or the field has none', () => {
    expect(shownText(offer, 'name', 'ar')).toEqual({
      text: 'Schuldnerberatung',
      lang: 'de',
      machine: false,
      germanFallback: true,
    });
    // An empty translated description is no translation.
    expect(shownText(offer, 'description', 'uk')).toMatchObject({
      text: 'Hilfe bei Schulden',
      germanFallback: true,
    });
  });

  it('Leichte Sprache readers read German without a fallback note; nothing to show gives no note', () => {
    expect(shownText(offer, 'description', 'de-x-ls')).toMatchObject({
      lang: 'de',
      germanFallback: false,
    });
    expect(shownText(service(1, { description: '' }), 'description', 'ar').germanFallback).toBe(
      false,
    );
  });

  it('an offer counts as translated when every field with German text has a translation', () => {
    expect(isTranslated('services', offer, 'en')).toBe(true);
    expect(isTranslated('services', offer, 'uk')).toBe(false);
    expect(isTranslated('services', offer, 'ar')).toBe(false);
    expect(isTranslated('services', { ...offer, description: '' }, 'uk')).toBe(true);
  });
});

describe('search over translated text', () => {
  const engine = SearchEngine.create();
  const other = service(101, { name: 'Jugendtreff', description: 'Offener Treff' });
  for (const s of [offer, other]) {
    const { doc, meta } = buildDoc({ service: s, organization: null, locations: [], contacts: [] });
    engine.upsert(doc, meta);
  }
  const ids = (q: string) => engine.search(q).hits.map((h) => h.id);

  it('finds the German offer by its English or Ukrainian name, and by a translated description', () => {
    // Both offers are counselling (the fixture's category), so only the first place counts.
    expect(ids('debt counselling')[0]).toBe(offer.id);
    expect(ids('Консультація')[0]).toBe(offer.id);
    expect(ids('help with debts')[0]).toBe(offer.id);
    expect(ids('Jugendtreff')[0]).toBe(other.id);
  });

  it('finds by a Träger name in another language', () => {
    const e = SearchEngine.create();
    const provider = org(1, {
      name: 'Caritasverband',
      translations: { tr: { name: 'Yardım Derneği' } },
    });
    const { doc, meta } = buildDoc({
      service: other,
      organization: provider,
      locations: [],
      contacts: [],
    });
    e.upsert(doc, meta);
    expect(e.search('derneği').hits.map((h) => h.id)).toEqual([other.id]);
  });
});

describe('translations worth keeping', () => {
  it('drops blank texts and languages left without text, keeps the machine mark with text', () => {
    expect(
      keptTranslations({
        en: { name: 'Debt advice', description: '  ', machine: true },
        ar: {},
        uk: { name: null, machine: true },
        tr: { description: 'Borç danışmanlığı' },
      }),
    ).toEqual({
      en: { name: 'Debt advice', machine: true },
      tr: { description: 'Borç danışmanlığı' },
    });
    expect(keptTranslations(undefined)).toEqual({});
  });

  it('an editor that added a language and typed nothing saves no translation into it', async () => {
    const { db } = freshDb();
    try {
      const saved = await saveRecord({ db, userEmail: 'k@example.org' }, 'services', {
        ...service(5),
        translations: { en: { name: 'Advice' }, fa: {} },
      });
      expect(saved.ok).toBe(true);
      expect((await db.services.get(service(5).id))?.translations).toEqual({
        en: { name: 'Advice' },
      });
    } finally {
      await destroy(db);
    }
  });
});
