import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv';
import { IssueLog } from '../../server/import/issues';
import { languageCode } from '../../server/import/map-records';
import { addQuartierFile, assignQuartier, emptyQuartierRules } from '../../server/import/quartiere';
import { parseTaxonomyMapping } from '../../server/import/taxonomy-mapping';
import { parseRange, parseTime } from '../../server/import/times';

describe('import: times as sources write them', () => {
  it.each([
    ['09:00:00', '09:00'],
    ['9:00am', '09:00'],
    ['9:30 PM', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['0900', '09:00'],
    ['17.30', '17:30'],
    ['9', '09:00'],
    ['24:00', '00:00'],
  ])('%s → %s', (raw, value) => {
    expect(parseTime(raw)).toEqual({ kind: 'time', value });
  });

  it('knows closed, blank and unreadable', () => {
    expect(parseTime('closed').kind).toBe('closed');
    expect(parseTime('Geschlossen').kind).toBe('closed');
    expect(parseTime('  ').kind).toBe('blank');
    expect(parseTime('25:00').kind).toBe('invalid');
    expect(parseTime('13pm').kind).toBe('invalid');
    expect(parseTime('morgens').kind).toBe('invalid');
  });

  it('reads ranges, "9-5" as afternoon and says so', () => {
    expect(parseRange('9-5')).toEqual({
      kind: 'range',
      opens: '09:00',
      closes: '17:00',
      guessedPm: true,
    });
    expect(parseRange('9:00am - 5pm')).toEqual({
      kind: 'range',
      opens: '09:00',
      closes: '17:00',
      guessedPm: false,
    });
    expect(parseRange('09:00–12:30')).toEqual({
      kind: 'range',
      opens: '09:00',
      closes: '12:30',
      guessedPm: false,
    });
    expect(parseRange('9 bis')).toEqual({ kind: 'invalid' });
  });
});

describe('import: CSV', () => {
  it('detects ";", drops a BOM, trims and reports broken bytes per cell', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('id;name\n1;Caf'),
      0xe9, // Latin-1 é: no UTF-8
      ...new TextEncoder().encode('\n2;  Treff  \n'),
    ]);
    const log = new IssueLog();
    const rows = parseCsv(bytes, 'x.csv', log);
    expect(rows.map((r) => r.cells)).toEqual([
      { id: '1', name: 'Caf\ufffd' },
      { id: '2', name: 'Treff' },
    ]);
    const codes = log.issues.map((i) => `${i.code}@${i.row}:${i.column ?? ''}`);
    expect(codes).toEqual(['BOM@0:', 'DELIMITER@0:', 'ENCODING@1:name', 'WHITESPACE@2:name']);
  });
});

describe('import: taxonomy mapping and Quartiere', () => {
  it('maps codes and names from CSV and JSON, case-insensitively', () => {
    const csv = parseTaxonomyMapping(
      'term,categories,target_groups\nBH-1800,wohnen,wohnungslose|familien\n',
      'm.csv',
    );
    expect(csv.get('bh-1800')).toEqual({
      categories: ['wohnen'],
      target_groups: ['wohnungslose', 'familien'],
    });
    const json = parseTaxonomyMapping(
      '{"Food Pantry": {"categories": ["nahversorgung"]}}',
      'm.json',
    );
    expect(json.get('food pantry')?.categories).toEqual(['nahversorgung']);
    expect(() => parseTaxonomyMapping('term,categories\nX,Not A Slug\n', 'm.csv')).toThrow(
      /kein gültiger Schlüssel/,
    );
  });

  it('assigns by polygon, then postal code, then city', () => {
    const rules = emptyQuartierRules();
    addQuartierFile(
      rules,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Nord' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [13, 52],
                  [14, 52],
                  [14, 53],
                  [13, 53],
                  [13, 52],
                ],
              ],
            },
          },
        ],
      }),
      'q.geojson',
    );
    addQuartierFile(rules, 'plz,quartier\n10001,Süd\n', 'plz.csv');
    addQuartierFile(rules, 'city,quartier\nNew York City,West\n', 'ort.csv');
    expect(
      assignQuartier(rules, { latitude: 52.5, longitude: 13.4, postal_code: '10001' }),
    ).toEqual({ quartier: 'Nord', by: 'polygon' });
    expect(assignQuartier(rules, { latitude: 40, longitude: -70, postal_code: '10001' })).toEqual({
      quartier: 'Süd',
      by: 'postal_code',
    });
    expect(assignQuartier(rules, { city: 'new york city ' })).toEqual({
      quartier: 'West',
      by: 'city',
    });
    expect(assignQuartier(rules, { city: 'Boston' })).toBeNull();
  });

  it('knows language names in English and German', () => {
    expect(['English', 'Spanisch', 'eng', 'de-DE', 'Klingon'].map(languageCode)).toEqual([
      'en',
      'es',
      'en',
      'de',
      null,
    ]);
  });
});
