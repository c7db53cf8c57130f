/**
 * Search quality: queries a worker would type → offers that must come out on top. Covers
 * case, umlaut spellings, other diacritics, prefixes, typos, compound parts, synonyms —
 * on the demo data and on generated data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset, syntheticDataset } from '../../../src/demo';
import type { Dataset } from '../../../src/demo/types';
import { SearchEngine } from '../../../src/search/engine';
import { docsFromDataset } from '../../../src/search/fromDataset';

function engineFor(data: Dataset): SearchEngine {
  const engine = SearchEngine.create();
  for (const { doc, meta } of docsFromDataset(data)) engine.upsert(doc, meta);
  return engine;
}

function names(data: Dataset, engine: SearchEngine, query: string, n: number): string[] {
  const byId = new Map(data.services.map((s) => [s.id, s.name]));
  return engine
    .search(query)
    .hits.slice(0, n)
    .map((h) => byId.get(h.id) ?? h.id);
}

type Row = [kind: string, query: string, expected: string, topN: number];

describe('search quality on the demo data (Emscherhagen)', () => {
  const data = demoDataset();
  let engine: SearchEngine;
  beforeAll(() => {
    engine = engineFor(data);
  });

  const table: Row[] = [
    ['exact', 'Schuldnerberatung', 'Schuldnerberatung im Quartiersbüro', 2],
    ['case', 'SCHULDNERBERATUNG', 'Schuldnerberatung im Quartiersbüro', 2],
    ['prefix', 'schuld', 'Schuldner- und Insolvenzberatung', 2],
    ['prefix', 'Integrat', 'Integrationskurs mit Kinderbetreuung', 1],
    ['typo', 'Schuldnerbertung', 'Schuldnerberatung im Quartiersbüro', 1],
    ['typo', 'Schuldnerberatnug', 'Schuldnerberatung im Quartiersbüro', 2],
    ['typo', 'Integrazionskurs', 'Integrationskurs mit Kinderbetreuung', 2],
    ['umlaut ae/oe/ue', 'Kuemmerer', 'Quartierskümmerer*innen Hüttenfeld-Nord', 2],
    [
      'umlaut ae/oe/ue',
      'Stadtteilmuetter',
      'Stadtteilmütter – Besuche zu Hause in Ihrer Sprache',
      1,
    ],
    [
      'umlaut left out',
      'Stadtteilmutter',
      'Stadtteilmütter – Besuche zu Hause in Ihrer Sprache',
      1,
    ],
    ['umlaut ae/oe/ue', 'Muelheimer', 'Schuldner- und Insolvenzberatung', 10],
    ['ß = ss', 'Strassensozialarbeit', 'Straßensozialarbeit für wohnungslose Menschen', 1],
    ['ß = ss', 'Strasse', 'Straßensozialarbeit für wohnungslose Menschen', 2],
    ['diacritics', 'Sprachcafe', 'Sprachcafé „Deutsch am Küchentisch“', 2],
    ['diacritics', 'elterncafe', 'Elterncafé mit Sprachförderung („Rucksack“)', 1],
    ['compound', 'beratung', 'Offene Suchtberatung', 10],
    ['compound', 'beratung', 'Schuldner- und Insolvenzberatung', 10],
    ['compound', 'kurs', 'Alphabetisierungskurs Deutsch', 3],
    ['compound', 'kurs', 'Berufssprachkurs B2 (DeuFöV)', 5],
    ['compound', 'insolvenz', 'Schuldner- und Insolvenzberatung', 1],
    ['compound', 'sperre', 'Energieschulden- und Stromsperrenberatung', 1],
    ['synonym', 'Deutschkurs', 'Integrationskurs mit Kinderbetreuung', 5],
    ['synonym', 'Sprachkurs', 'Deutschkurs nur für Frauen – mit Kinderbetreuung', 5],
    ['synonym', 'JC', 'Jobcenter vor Ort Morgensonne', 3],
    ['synonym', 'Kita', 'Treff für Alleinerziehende mit Kinderbetreuung', 8],
    ['synonym', 'Kinderbetreuung', 'Kita-Sprechstunde: Kita-Platz finden und anmelden', 8],
    ['synonym', 'Flüchtlinge', 'Job-Lotsen für Geflüchtete', 5],
    ['synonym', 'Geflüchtete', 'Flüchtlingsberatung – Sprechstunde im Hüttenfelder Büdchen', 8],
    ['synonym', 'Wohnung', 'Wohnraumvermittlung für Geflüchtete', 8],
    ['synonym', 'Schulden', 'Schuldnerberatung im Quartiersbüro', 3],
    ['synonym', 'Ausbildung', 'Jugendberufsagentur – Offene Sprechstunde', 10],
    ['synonym', 'Job', 'Teilhabe am Arbeitsmarkt – geförderte Beschäftigung (§16i SGB II)', 10],
    ['synonym', 'Hartz IV', 'Jobcenter Emscherhagen – Eingangszone Geschäftsstelle Mitte', 10],
    ['synonym', 'Lebensmittel', 'Tafel-Ausgabe Hüttenfeld', 3],
    ['synonym', 'Lebenslauf', 'Offene Bewerbungswerkstatt', 3],
    ['synonym', 'Aufenthalt', 'Ausländerbehörde im Quartier – Sprechstunde zum Aufenthalt', 1],
    [
      'several words',
      'Deutschkurs Kinderbetreuung',
      'Deutschkurs nur für Frauen – mit Kinderbetreuung',
      2,
    ],
    ['several words', 'Hilfe bei Schulden', 'Schuldnerberatung im Quartiersbüro', 5],
    ['legal basis', '16i', 'Holz- und Fahrradwerkstatt (§16i SGB II)', 2],
    ['provider', 'Caritas Schuldner', 'Schuldner- und Insolvenzberatung', 2],
    ['contact name', 'Sören Kühn', 'Schuldner- und Insolvenzberatung', 1],
  ];

  it.each(table)('%s: „%s“ → %s (top %i)', (_kind, query, expected, n) => {
    expect(names(data, engine, query, n)).toContain(expected);
  });

  it('finds nothing for a word that is not there, and offers near terms instead', () => {
    expect(engine.search('Zahnarztpraxis').hits).toHaveLength(0);
    expect(engine.nearTerms('schuldnerbertung')).toContain('Schuldnerberatung');
  });

  it('language labels find offers in that language only', () => {
    const hits = engine.search('arabisch').hits;
    expect(hits.length).toBeGreaterThan(5);
    const langs = new Map(data.services.map((s) => [s.id, s.languages]));
    for (const h of hits) expect(langs.get(h.id)).toContain('ar');
  });

  it('combines query and filters', () => {
    const all = engine.search('beratung').hits.length;
    const filtered = engine.search('beratung', { targetGroups: ['seniorinnen'] }).hits;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all);
    const groups = new Map(data.services.map((s) => [s.id, s.target_groups]));
    for (const h of filtered) expect(groups.get(h.id)).toContain('seniorinnen');
  });
});

describe('search quality on generated data (2,000 offers)', () => {
  const data = syntheticDataset(2000, 7);
  let engine: SearchEngine;
  beforeAll(() => {
    engine = engineFor(data);
  });

  const top = (query: string, n = 5) => names(data, engine, query, n);
  const startsWith = (prefix: string) => (name: string) => name.startsWith(prefix);

  it.each([
    ['exact', 'Schuldnerberatung', 'Schuldnerberatung'],
    ['typo', 'Schuldnerbertung', 'Schuldnerberatung'],
    ['prefix', 'schuldn', 'Schuldnerberatung'],
    ['case + umlaut', 'KLEIDERKAMMER', 'Kleiderkammer'],
    ['umlaut ae/oe/ue', 'Stadtteilmuetter', 'Stadtteilmütter-Besuche'],
    ['compound', 'kammer', 'Kleiderkammer'],
    ['compound', 'coaching', 'Familiencoaching'],
    ['synonym', 'Deutschkurs', 'Integrationskurs'],
    ['synonym', 'JC', 'Jobcenter-Sprechstunde vor Ort'],
    ['synonym', 'Kita', 'Kita-Platz-Beratung'],
    ['synonym', 'Lebensmittel', 'Tafel-Ausgabe'],
    ['synonym', 'Privatinsolvenz', 'Schuldnerberatung'],
  ])('%s: „%s“ → %s… on top', (_kind, query, prefix) => {
    const names5 = top(query);
    expect(names5.length).toBeGreaterThan(0);
    expect(names5.some(startsWith(prefix))).toBe(true);
    expect(startsWith(prefix)(names5[0] as string)).toBe(true);
  });

  it('"beratung" finds the compounds (Migrationsberatung, Mieterberatung …)', () => {
    const hits = top('beratung', 400);
    for (const prefix of [
      'Migrationsberatung',
      'Mieterberatung',
      'Suchtberatung',
      'Pflegeberatung',
    ]) {
      expect(hits.some(startsWith(prefix))).toBe(true);
    }
  });

  it('"Muelheimer" finds offers at the Mülheimer Straße', () => {
    const locs = new Map(data.locations.map((l) => [l.id, l.address_1]));
    const hits = engine.search('Muelheimer').hits;
    expect(hits.length).toBeGreaterThan(0);
    const services = new Map(data.services.map((s) => [s.id, s]));
    for (const h of hits.slice(0, 10)) {
      const addresses = services.get(h.id)!.location_ids.map((id) => locs.get(id) ?? '');
      expect(addresses.some((a) => a.startsWith('Mülheimer Straße'))).toBe(true);
    }
  });
});
