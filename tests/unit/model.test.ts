import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { germanText, issueKey } from '../../protocol/messages';
import {
  Contact,
  childVisibility,
  isPublicRecord,
  isTableName,
  Location,
  Organization,
  Referral,
  Schedule,
  ScheduleRule,
  Service,
  TABLE_NAMES,
  TABLE_SCHEMAS,
} from '../../src/model';

const ID = '0ee71e57-c7d0-475f-9727-89f0baaaceb7';
const OTHER_ID = '2d6890c7-95f1-45e1-9181-05e439948f3c';
const base = { id: ID, updated_at: '2026-11-01T08:00:00.000Z' };

interface Parser {
  safeParse(x: unknown): { success: boolean; error?: { issues: z.core.$ZodIssue[] } };
}

/**
 * German messages of the issues at `path` (dot-joined), so a test names the field it breaks;
 * the schemas name their checks by message key, the protocol gives them their German text.
 */
function messages(schema: Parser, input: unknown, path: string): string[] {
  const r = schema.safeParse(input);
  expect(r.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  return (r.error?.issues ?? [])
    .filter((i) => i.path.join('.') === path)
    .map((i) => {
      const { key, params } = issueKey(i);
      return germanText(key, params);
    });
}

describe('Organization', () => {
  it('applies the sync defaults and trims the name', () => {
    expect(
      Organization.parse({ ...base, name: '  Caritasverband Emscherhagen e. V. ' }),
    ).toStrictEqual({
      ...base,
      version: 0,
      updated_by: null,
      deleted: false,
      visibility: 'public',
      name: 'Caritasverband Emscherhagen e. V.',
      description: '',
    });
  });

  it('rejects a missing or blank name with a German message', () => {
    expect(messages(Organization, { ...base }, 'name')).toEqual(['Pflichtfeld']);
    expect(messages(Organization, { ...base, name: '   ' }, 'name')).toEqual(['Pflichtfeld']);
    expect(messages(Organization, { ...base, name: 'x'.repeat(201) }, 'name')).toEqual([
      'Höchstens 200 Zeichen',
    ]);
  });

  it('rejects a malformed id', () => {
    expect(messages(Organization, { ...base, id: 'abc', name: 'A' }, 'id')).toEqual([
      'Ungültige ID',
    ]);
    expect(messages(Organization, { ...base, id: `${ID}x`, name: 'A' }, 'id')).toEqual([
      'Ungültige ID',
    ]);
  });

  it('only allows http(s) websites', () => {
    for (const website of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'ftp://x.example',
      'www.example.org',
    ]) {
      expect(messages(Organization, { ...base, name: 'A', website }, 'website')).toEqual([
        'Nur http(s)-Adressen sind erlaubt',
      ]);
    }
    expect(
      Organization.parse({ ...base, name: 'A', website: 'https://tafel.example/' }).website,
    ).toBe('https://tafel.example/');
  });

  it('checks e-mail, phone, timestamp and version', () => {
    expect(messages(Organization, { ...base, name: 'A', email: 'keine-mail' }, 'email')).toEqual([
      'Keine gültige E-Mail-Adresse',
    ]);
    expect(messages(Organization, { ...base, name: 'A', phone: 'ruf an' }, 'phone')).toEqual([
      'Telefonnummer nur aus Ziffern, Leerzeichen und + ( ) / - .',
    ]);
    expect(Organization.parse({ ...base, name: 'A', phone: '+49 (2390) 77-5000' }).phone).toBe(
      '+49 (2390) 77-5000',
    );
    expect(
      messages(Organization, { ...base, name: 'A', updated_at: '1.11.2026' }, 'updated_at'),
    ).toEqual(['Zeitstempel im ISO-8601-Format erwartet']);
    expect(Organization.safeParse({ ...base, name: 'A', version: -1 }).success).toBe(false);
    expect(Organization.safeParse({ ...base, name: 'A', version: 1.5 }).success).toBe(false);
  });
});

describe('Location', () => {
  const valid = {
    ...base,
    name: 'Stadtteilzentrum Hüttenfeld',
    address_1: 'Hüttenfelder Straße 195',
    postal_code: '44871',
    city: 'Emscherhagen',
    quartier: 'Hüttenfeld-Nord',
  };

  it('accepts an address with optional coordinates', () => {
    const loc = Location.parse({ ...valid, latitude: 51.53, longitude: 7.21 });
    expect(loc.latitude).toBe(51.53);
    expect(loc.visibility).toBe('public');
  });

  it('rejects bad postcodes, coordinates and a missing Quartier', () => {
    expect(messages(Location, { ...valid, postal_code: '4487' }, 'postal_code')).toEqual([
      'Postleitzahl mit 5 Ziffern erwartet',
    ]);
    expect(messages(Location, { ...valid, postal_code: '44871a' }, 'postal_code')).toHaveLength(1);
    expect(Location.safeParse({ ...valid, latitude: 91 }).success).toBe(false);
    expect(Location.safeParse({ ...valid, longitude: -181 }).success).toBe(false);
    const { quartier: _omit, ...noQuartier } = valid;
    expect(messages(Location, noQuartier, 'quartier')).toEqual(['Pflichtfeld']);
  });
});

describe('Service', () => {
  const valid = { ...base, organization_id: OTHER_ID, name: 'Schuldnerberatung' };

  it('fills defaults for lists, status and description', () => {
    expect(Service.parse(valid)).toStrictEqual({
      ...valid,
      version: 0,
      updated_by: null,
      deleted: false,
      visibility: 'public',
      description: '',
      status: 'active',
      target_groups: [],
      categories: [],
      traits: [],
      languages: [],
      location_ids: [],
    });
  });

  it('drops unknown fields instead of storing them', () => {
    const parsed = Service.parse({ ...valid, secret: 'x' }) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('secret');
  });

  it('requires the Träger', () => {
    const { organization_id: _omit, ...noOrg } = valid;
    expect(messages(Service, noOrg, 'organization_id')).toEqual(['Träger fehlt']);
    expect(messages(Service, { ...valid, organization_id: 'caritas' }, 'organization_id')).toEqual([
      'Träger fehlt',
    ]);
  });

  it('rejects script URLs in url', () => {
    expect(
      messages(Service, { ...valid, url: 'javascript:alert(document.cookie)' }, 'url'),
    ).toEqual(['Nur http(s)-Adressen sind erlaubt']);
  });

  it('validates slugs, traits, languages and status', () => {
    expect(
      messages(Service, { ...valid, target_groups: ['Alleinerziehende'] }, 'target_groups.0'),
    ).toEqual(['Ungültiger Schlüssel']);
    expect(Service.parse({ ...valid, categories: ['eigene-kategorie-2'] }).categories).toEqual([
      'eigene-kategorie-2',
    ]);
    expect(Service.safeParse({ ...valid, traits: ['gratis'] }).success).toBe(false);
    expect(messages(Service, { ...valid, languages: ['Deutsch'] }, 'languages.0')).toEqual([
      'Sprachcode wie "de" oder "ar" erwartet',
    ]);
    expect(Service.safeParse({ ...valid, status: 'closed' }).success).toBe(false);
    expect(Service.safeParse({ ...valid, location_ids: ['ort-1'] }).success).toBe(false);
  });

  it('accepts only real calendar days as assured_date', () => {
    expect(messages(Service, { ...valid, assured_date: '2026-02-30' }, 'assured_date')).toEqual([
      'Kein gültiges Kalenderdatum',
    ]);
    expect(messages(Service, { ...valid, assured_date: '2026-2-3' }, 'assured_date')).toContain(
      'Datum im Format JJJJ-MM-TT erwartet',
    );
    expect(Service.parse({ ...valid, assured_date: '2028-02-29' }).assured_date).toBe('2028-02-29');
    expect(Service.safeParse({ ...valid, assured_date: '2027-02-29' }).success).toBe(false);
  });
});

describe('Schedule', () => {
  const valid = {
    ...base,
    service_id: OTHER_ID,
    freq: 'MONTHLY',
    byday: '-1WE',
    opens_at: '15:00',
    closes_at: '17:00',
  };

  it('accepts "jeden letzten Mittwoch 15–17 Uhr" and fills recurrence defaults', () => {
    expect(Schedule.parse(valid)).toStrictEqual({
      ...valid,
      version: 0,
      updated_by: null,
      deleted: false,
      visibility: 'public',
      interval: 1,
      exdates: [],
      rdates: [],
      closed_on_holidays: true,
    });
  });

  it('rejects impossible wall-clock times', () => {
    for (const t of ['25:00', '24:00', '9:00', '09:60', '0900', '']) {
      expect(messages(Schedule, { ...valid, opens_at: t }, 'opens_at')).toEqual([
        'Uhrzeit im Format HH:MM erwartet',
      ]);
    }
    expect(Schedule.parse({ ...valid, opens_at: '00:00', closes_at: '23:59' }).closes_at).toBe(
      '23:59',
    );
  });

  it('checks byday parts (RFC 5545 BYDAY)', () => {
    for (const byday of ['MO,TU', '1TU', '-1WE', '+2TH', 'MO, TU,WE', '53SU']) {
      expect(Schedule.safeParse({ ...valid, byday }).success, byday).toBe(true);
    }
    for (const byday of ['XX', 'MO,XX', 'mo', '0MO', '54MO', 'MO,', '']) {
      expect(messages(Schedule, { ...valid, byday }, 'byday'), byday).toEqual([
        'Wochentage wie "MO,TU" oder "-1WE" erwartet',
      ]);
    }
  });

  it('checks bymonthday, interval, freq and dates', () => {
    expect(Schedule.safeParse({ ...valid, byday: null, bymonthday: '1,15,-1' }).success).toBe(true);
    for (const bymonthday of ['0', '32', '1;15', 'erster']) {
      expect(messages(Schedule, { ...valid, bymonthday }, 'bymonthday')).toEqual([
        'Monatstage wie "1,15,-1" erwartet',
      ]);
    }
    expect(Schedule.safeParse({ ...valid, interval: 0 }).success).toBe(false);
    expect(Schedule.safeParse({ ...valid, interval: 53 }).success).toBe(false);
    expect(Schedule.safeParse({ ...valid, freq: 'HOURLY' }).success).toBe(false);
    expect(
      messages(Schedule, { ...valid, exdates: ['2026-12-24', '2026-02-30'] }, 'exdates.1'),
    ).toEqual(['Kein gültiges Kalenderdatum']);
    expect(Schedule.safeParse({ ...valid, valid_from: '2027-13-01' }).success).toBe(false);
    expect(Schedule.safeParse({ ...valid, count: 0 }).success).toBe(false);
  });

  it('requires the offer it belongs to', () => {
    const { service_id: _omit, ...orphan } = valid;
    expect(messages(Schedule, orphan, 'service_id')).toEqual(['Angebot fehlt']);
  });

  it('exposes the recurrence part on its own', () => {
    const rule = ScheduleRule.parse({
      freq: 'WEEKLY',
      interval: 2,
      byday: 'TU',
      dtstart: '2026-11-03',
      opens_at: '09:00',
      closes_at: '11:00',
    });
    expect(rule.interval).toBe(2);
    expect(rule).not.toHaveProperty('id');
  });
});

describe('Contact', () => {
  it('accepts an internal direct line', () => {
    const c = Contact.parse({
      ...base,
      visibility: 'internal',
      service_id: OTHER_ID,
      name: 'Sabine Köhler',
      title: 'Integrationsfachkraft',
      phone: '02390 8850-231',
      email: 's.koehler@jobcenter-emscherhagen.example',
      languages: ['de', 'en'],
    });
    expect(c.visibility).toBe('internal');
    expect(c.languages).toEqual(['de', 'en']);
  });

  it('rejects a missing name, a bad visibility and bad languages', () => {
    expect(messages(Contact, { ...base }, 'name')).toEqual(['Pflichtfeld']);
    expect(Contact.safeParse({ ...base, name: 'A', visibility: 'secret' }).success).toBe(false);
    expect(Contact.safeParse({ ...base, name: 'A', languages: ['DE'] }).success).toBe(false);
    expect(Contact.safeParse({ ...base, name: 'A', service_id: 'x' }).success).toBe(false);
  });
});

describe('Referral', () => {
  const valid = { ...base, date: '2026-11-25', service_id: OTHER_ID, channel: 'qr' };

  it('accepts an anonymous referral with defaults', () => {
    const r = Referral.parse({
      ...valid,
      target_groups: ['alleinerziehende'],
      quartier: 'Schachtheide',
    });
    expect(r.target_groups).toEqual(['alleinerziehende']);
    expect(r.version).toBe(0);
  });

  it('rejects any unknown field, so no personal data can slip in', () => {
    for (const extra of [
      { name: 'Max Mustermann' },
      { notes: 'kam mit Sohn' },
      { phone: '0170 1' },
    ]) {
      const r = Referral.safeParse({ ...valid, ...extra });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('checks the channel and the date', () => {
    expect(Referral.safeParse({ ...valid, channel: 'fax' }).success).toBe(false);
    expect(messages(Referral, { ...valid, date: '2026-02-30' }, 'date')).toEqual([
      'Kein gültiges Kalenderdatum',
    ]);
  });
});

describe('TABLE_SCHEMAS', () => {
  it('maps every table name to its schema', () => {
    expect(TABLE_NAMES).toEqual([
      'organizations',
      'locations',
      'services',
      'schedules',
      'contacts',
      'referrals',
      'local_terms',
    ]);
    expect(TABLE_SCHEMAS.services).toBe(Service);
    expect(isTableName('schedules')).toBe(true);
    expect(isTableName('toString')).toBe(false);
    expect(isTableName(42)).toBe(false);
  });
});

describe('inherited visibility', () => {
  const live = { visibility: 'public', deleted: false } as const;
  const hidden = { visibility: 'internal', deleted: false } as const;
  const gone = { visibility: 'public', deleted: true } as const;

  it('shows an offer’s schedule or contact only while both are public and live', () => {
    for (const table of ['schedules', 'contacts'] as const) {
      const child = { ...live, service_id: 'o' };
      expect(isPublicRecord(table, child, live)).toBe(true);
      expect(isPublicRecord(table, child, hidden)).toBe(false);
      expect(isPublicRecord(table, child, gone)).toBe(false);
      expect(isPublicRecord(table, child, undefined)).toBe(false);
      expect(isPublicRecord(table, { ...hidden, service_id: 'o' }, live)).toBe(false);
    }
  });

  it('lets other records and contacts without an offer follow their own visibility', () => {
    expect(isPublicRecord('contacts', { ...live, service_id: null }, undefined)).toBe(true);
    expect(isPublicRecord('services', live, hidden)).toBe(true);
    expect(isPublicRecord('organizations', gone, undefined)).toBe(false);
  });

  it('starts a new child with its offer’s visibility', () => {
    expect(childVisibility(hidden)).toBe('internal');
    expect(childVisibility(gone)).toBe('internal');
    expect(childVisibility(live)).toBe('public');
    expect(childVisibility(undefined)).toBe('public');
  });
});
