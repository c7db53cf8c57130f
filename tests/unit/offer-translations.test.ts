/**
 * The rule for "lacks a translation" (untranslatedParts, over isTranslated) and what the
 * notes on shown texts say (contentNotes); the demo's translations name real demo records.
 */
import { describe, expect, it } from 'vitest';
import { contentNotes } from '../../src/components/Content/Content';
import type { Offer } from '../../src/db/offers';
import { untranslatedParts } from '../../src/db/offerTranslations';
import { demoDataset, demoServiceId } from '../../src/demo';
import { DEMO_OFFERS } from '../../src/demo/demo';
import { LOCATIONS } from '../../src/demo/locations';
import { ORGANIZATIONS } from '../../src/demo/organizations';
import {
  LOCATION_TRANSLATIONS,
  ORGANIZATION_TRANSLATIONS,
  SCHEDULE_TRANSLATIONS,
  SERVICE_TRANSLATIONS,
} from '../../src/demo/translations';
import { shownText } from '../../src/model';
import { contact, location, org, schedule, service } from './db.fixtures';

function offer(over: Partial<Offer> = {}): Offer {
  return {
    service: service(100, { translations: { en: { name: 'Service', description: 'Advice' } } }),
    organization: org(1, { translations: { en: { name: 'Provider', description: 'About' } } }),
    locations: [location(10, { translations: { en: { name: 'Centre' } } })],
    schedules: [schedule(200)],
    contacts: [contact(300)],
    ...over,
  };
}

const parts = (o: Offer, lang: Parameters<typeof untranslatedParts>[1]) =>
  untranslatedParts(o, lang).map((p) => `${p.table}:${p.record.id.slice(-3)}`);

describe('untranslatedParts', () => {
  it('is empty when every text the offer is shown with has a translation', () => {
    // The schedule has no notes and the contact no title: nothing there to translate.
    expect(parts(offer(), 'en')).toEqual([]);
  });

  it('names each record with a German text and no translation of it', () => {
    const o = offer({
      schedules: [schedule(200, { notes: 'Bitte Unterlagen mitbringen' })],
      contacts: [contact(300, { title: 'Beraterin', translations: { en: { title: 'Adviser' } } })],
    });
    expect(parts(o, 'en')).toEqual(['schedules:0c8']);
    expect(parts(o, 'tr')).toEqual([
      'services:064',
      'organizations:001',
      'locations:00a',
      'contacts:12c',
      'schedules:0c8',
    ]);
  });

  it('counts a translation lacking one field, or with only blank text, as missing', () => {
    const o = offer({
      service: service(100, { translations: { en: { name: 'Service', description: '  ' } } }),
    });
    expect(parts(o, 'en')).toEqual(['services:064']);
  });

  it('does not ask for a Träger the device does not have', () => {
    expect(parts(offer({ organization: null }), 'en')).toEqual([]);
  });
});

describe('contentNotes', () => {
  const record = {
    name: 'Sprachcafé',
    description: 'Deutsch üben',
    fees_description: '',
    translations: { ar: { machine: true, name: 'مقهى اللغة' } },
  };
  const texts = (lang: Parameters<typeof shownText>[2]) =>
    ['name', 'description', 'fees_description'].map((f) => shownText(record, f, lang));

  it('says "machine" and "partly German" for a machine-translated name over a German text', () => {
    expect(contentNotes(texts('ar'))).toEqual({ machine: true, german: 'some' });
  });

  it('says "only German" when nothing is translated, and ignores empty texts', () => {
    expect(contentNotes(texts('en'))).toEqual({ machine: false, german: 'all' });
  });

  it('says nothing in German and in Leichte Sprache', () => {
    expect(contentNotes(texts('de'))).toEqual({ machine: false, german: 'none' });
    expect(contentNotes(texts('de-x-ls'))).toEqual({ machine: false, german: 'none' });
  });
});

describe('demo translations', () => {
  it('belong to demo records, and the demo carries them', () => {
    const keys = new Set(DEMO_OFFERS.map((o) => o.key));
    expect(Object.keys(SERVICE_TRANSLATIONS).filter((k) => !keys.has(k))).toEqual([]);
    expect(
      Object.keys(SCHEDULE_TRANSLATIONS).filter((k) => {
        const [key, i] = k.split(':');
        return !(DEMO_OFFERS.find((o) => o.key === key)?.hours ?? [])[Number(i)];
      }),
    ).toEqual([]);
    expect(Object.keys(ORGANIZATION_TRANSLATIONS).filter((k) => !(k in ORGANIZATIONS))).toEqual([]);
    expect(Object.keys(LOCATION_TRANSLATIONS).filter((k) => !(k in LOCATIONS))).toEqual([]);

    const d = demoDataset();
    const jobcenter = d.services.find(
      (s) => s.id === demoServiceId('jobcenter-vor-ort-huettenfeld'),
    );
    expect(jobcenter?.translations?.ar?.machine).toBe(true);
    expect(d.services.filter((s) => s.translations).length).toBe(
      Object.keys(SERVICE_TRANSLATIONS).length,
    );
    expect(d.schedules.filter((s) => s.translations)).toHaveLength(1);
  });
});
