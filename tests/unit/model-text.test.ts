import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../protocol';
import type { PullResponse, TableName } from '../../src/model';
import { decidePage } from '../../src/sync/apply';

const ID = '0ee71e57-c7d0-475f-9727-89f0baaaceb7';
const OTHER = '2d6890c7-95f1-45e1-9181-05e439948f3c';
const meta = { id: ID, updated_at: '2026-11-01T08:00:00.000Z' };

/** A valid record of each table, to put one odd text into. */
const VALID: Record<TableName, Record<string, unknown>> = {
  organizations: { ...meta, name: 'Träger' },
  locations: {
    ...meta,
    name: 'Ort',
    address_1: 'Hauptstraße 1',
    postal_code: '42283',
    city: 'Wuppertal',
    quartier: 'Heckinghausen',
  },
  services: { ...meta, organization_id: OTHER, name: 'Angebot' },
  schedules: { ...meta, service_id: OTHER, freq: 'WEEKLY', opens_at: '09:00', closes_at: '12:00' },
  contacts: { ...meta, name: 'Frau Özdemir' },
  referrals: { ...meta, date: '2026-11-01', service_id: OTHER, channel: 'qr' },
  local_terms: { ...meta, concept: 'schulden', term: 'Büdchen' },
};

const SINGLE_LINE: [TableName, string][] = [
  ['organizations', 'name'],
  ['locations', 'name'],
  ['locations', 'address_1'],
  ['locations', 'city'],
  ['locations', 'quartier'],
  ['services', 'name'],
  ['services', 'alternate_name'],
  ['services', 'legal_basis'],
  ['contacts', 'name'],
  ['contacts', 'title'],
  ['contacts', 'availability'],
  ['referrals', 'quartier'],
  ['local_terms', 'term'],
];
const MULTI_LINE: [TableName, string][] = [
  ['organizations', 'description'],
  ['locations', 'description'],
  ['locations', 'accessibility'],
  ['locations', 'transportation'],
  ['services', 'description'],
  ['services', 'fees_description'],
  ['services', 'eligibility_description'],
  ['services', 'application_process'],
  ['schedules', 'notes'],
];

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const C0_EXCEPT_TAB_LF = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter(
  (c) => c !== '\t' && c !== '\n',
);

function errorsFor(table: TableName, field: string, value: string) {
  const r = validateRecord(table, { ...VALID[table], [field]: value });
  return r.ok ? [] : r.errors.filter((e) => e.field === field);
}

describe('text fields refuse characters that can disguise a text', () => {
  it('accepts every sample record as it is', () => {
    for (const [table, data] of Object.entries(VALID)) {
      expect(validateRecord(table as TableName, data).ok, table).toBe(true);
    }
  });

  it.each(SINGLE_LINE)('%s.%s: one line, no control or direction characters', (table, field) => {
    for (const c of [...C0_EXCEPT_TAB_LF, '\t', '\n', ...BIDI, '\u007f']) {
      expect(errorsFor(table, field, `Ann${c}a`), JSON.stringify(c)).toEqual([
        {
          field,
          code: 'invalid_characters',
          message: 'Enthält unzulässige Steuerzeichen (z. B. Zeilenumbruch oder Schreibrichtung)',
          key: 'lineChars',
        },
      ]);
    }
    // Right-to-left script itself, marks and emoji are fine.
    expect(errorsFor(table, field, 'مركز الحي \u200f😀 Zoë')).toEqual([]);
  });

  it.each(MULTI_LINE)('%s.%s: lines and tabs, but no other control characters', (table, field) => {
    expect(errorsFor(table, field, 'Erste Zeile\nzweite Zeile\tmit Tab')).toEqual([]);
    for (const c of [...C0_EXCEPT_TAB_LF, ...BIDI, '\u007f']) {
      expect(errorsFor(table, field, `Text${c}text`), JSON.stringify(c)).toEqual([
        {
          field,
          code: 'invalid_characters',
          message: 'Enthält unzulässige Steuer- oder Schreibrichtungszeichen',
          key: 'textChars',
        },
      ]);
    }
  });
});

describe('records saved before these rules', () => {
  it('stay on the device after a pull, with the characters shown as U+FFFD', () => {
    const page = {
      cursor: '9',
      more: false,
      changes: [
        {
          table: 'organizations' as const,
          id: ID,
          version: 9,
          deleted: false,
          data: {
            ...VALID.organizations,
            name: 'Träger\u202e A\tB',
            description: 'Zeile\n\u0007zwei',
          },
        },
      ],
    };
    const { byTable, invalid } = decidePage(page as unknown as PullResponse);
    expect(invalid).toBe(0);
    expect(byTable.get('organizations')?.get(ID)?.record).toMatchObject({
      name: 'Träger\ufffd A\ufffdB',
      description: 'Zeile\n\ufffdzwei',
    });
  });
});
