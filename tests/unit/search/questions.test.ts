/**
 * Questions as people ask them, in German and the other UI languages: the share whose top
 * five hold an acceptable offer, on the demo data and on generated data. An answer is
 * acceptable by category, target group or name, never by one ranking position.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset, syntheticDataset } from '../../../src/demo';
import type { Dataset } from '../../../src/demo/types';
import { SearchEngine } from '../../../src/search/engine';
import { docsFromDataset } from '../../../src/search/fromDataset';

/** "cat:schulden", "tg:seniorinnen", "name:kleider" (folded-insensitive substring); "|" = or. */
type Row = [query: string, accept: string];

const GERMAN: Row[] = [
  ['Ich habe Schulden, wer hilft mir?', 'cat:schulden'],
  ['Mir wird der Strom abgestellt', 'cat:schulden|name:energie'],
  ['Wo kann ich Deutsch lernen?', 'cat:sprache'],
  ['Ich habe eine Mahnung bekommen, was soll ich tun?', 'cat:schulden'],
  ['Der Gerichtsvollzieher war bei mir', 'cat:schulden'],
  ['Mein Konto wurde gepfändet', 'cat:schulden'],
  ['Ich kann meine Stromrechnung nicht bezahlen', 'cat:schulden|name:energie'],
  ['Ich habe meine Arbeit verloren', 'cat:arbeit|cat:beratung'],
  ['Wo finde ich einen Job?', 'cat:arbeit'],
  ['Wer hilft mir bei der Bewerbung?', 'cat:arbeit|cat:qualifizierung|name:bewerb'],
  ['Ich suche eine Ausbildung', 'cat:schule-beruf|cat:qualifizierung'],
  ['Wie beantrage ich Bürgergeld?', 'cat:beratung|name:jobcenter|name:sozial|name:erwerbslos'],
  ['Ich verstehe den Brief vom Jobcenter nicht', 'cat:beratung|name:jobcenter|name:erwerbslos'],
  ['Wer hilft beim Antrag auf Wohngeld?', 'cat:wohnen|cat:beratung'],
  ['Ich suche eine Wohnung', 'cat:wohnen'],
  ['Ich habe keine Wohnung mehr', 'cat:wohnen|tg:wohnungslose'],
  ['Wo kann ich heute Nacht schlafen?', 'cat:wohnen|tg:wohnungslose'],
  ['Mein Vermieter will mich rauswerfen', 'cat:wohnen'],
  ['Ich bin obdachlos, wo gibt es Hilfe?', 'cat:wohnen|tg:wohnungslose'],
  ['Ich habe keine Krankenversicherung', 'cat:gesundheit'],
  ['Wo finde ich einen Arzt?', 'cat:gesundheit'],
  ['Mein Kind ist oft krank', 'cat:gesundheit|cat:kinderbetreuung|tg:familien'],
  ['Ich brauche einen Kitaplatz für mein Kind', 'cat:kinderbetreuung'],
  ['Wer passt auf mein Kind auf, wenn ich im Kurs bin?', 'cat:kinderbetreuung'],
  ['Mein Sohn braucht Hilfe bei den Hausaufgaben', 'cat:schule-beruf|name:hausaufgab|name:lern'],
  ['Wer bezahlt die Klassenfahrt?', 'cat:beratung|name:teilhabe|name:bildung'],
  ['Ich bin neu in Deutschland', 'cat:migration|cat:sprache'],
  ['Ich brauche einen Dolmetscher beim Amt', 'cat:migration|name:dolmetsch|name:sprachmitt'],
  ['Meine Aufenthaltserlaubnis läuft ab', 'cat:migration'],
  ['Ich bin geflüchtet und brauche Beratung', 'cat:migration|tg:fluchthintergrund'],
  [
    'Wird mein Abschluss aus dem Ausland anerkannt?',
    'cat:migration|cat:qualifizierung|name:anerkenn',
  ],
  ['Ich fühle mich so einsam', 'cat:begegnung|tg:seniorinnen'],
  ['Wo kann ich andere Leute kennenlernen?', 'cat:begegnung'],
  ['Meine Mutter ist alt und braucht Pflege', 'tg:seniorinnen|cat:gesundheit'],
  ['Gibt es etwas für Rentner in der Nähe?', 'tg:seniorinnen|cat:begegnung'],
  ['Wie stelle ich einen Rentenantrag?', 'tg:seniorinnen|cat:beratung'],
  ['Wo bekomme ich günstig Essen?', 'cat:nahversorgung'],
  ['Ich habe Hunger und kein Geld', 'cat:nahversorgung'],
  ['Wo gibt es kostenlose Kleidung?', 'cat:nahversorgung|name:kleider'],
  ['Ich brauche Möbel für meine Wohnung', 'cat:nahversorgung|cat:wohnen|name:kaufhaus'],
  ['Ich trinke zu viel Alkohol', 'cat:gesundheit|name:sucht'],
  ['Mein Sohn nimmt Drogen', 'cat:gesundheit|name:sucht|tg:jugendliche'],
  ['Mein Mann schlägt mich', 'cat:beratung|cat:gesundheit|name:gewalt|name:frauen'],
  ['Ich weiß nicht mehr weiter', 'cat:beratung|cat:gesundheit'],
  ['Ich bin alleinerziehend und brauche Unterstützung', 'tg:alleinerziehende'],
  ['Ich bin schwanger, wer berät mich?', 'cat:gesundheit|tg:familien|name:schwanger|name:frueh'],
  ['Wo gibt es Hilfe für junge Leute?', 'tg:jugendliche'],
  ['Mein Kind findet keine Lehrstelle', 'cat:schule-beruf|tg:jugendliche'],
  ['Ich bin seit Jahren arbeitslos', 'tg:langzeitarbeitslose|cat:arbeit'],
  ['Ich möchte eine Umschulung machen', 'cat:qualifizierung'],
  ['Ich suche einen Minijob', 'cat:arbeit'],
  [
    'Ich sitze im Rollstuhl, wo ist es barrierefrei?',
    'tg:seniorinnen|cat:gesundheit|cat:begegnung|cat:beratung',
  ],
  ['Ich brauche einen Deutschkurs für den Beruf', 'cat:sprache'],
  ['Wo gibt es einen Integrationskurs?', 'cat:sprache'],
  ['Meine Nebenkosten sind zu hoch', 'cat:schulden|cat:wohnen'],
  ['Wir sind eine große Familie mit wenig Geld', 'tg:familien|tg:grosse-bg|cat:beratung'],
  ['Wer berät Familien mit Kindern?', 'tg:familien|cat:kinderbetreuung'],
  ['Ich habe Probleme mit dem Jobcenter', 'cat:beratung|name:jobcenter|name:erwerbslos'],
  ['Wo kann ich mit jemandem reden?', 'cat:begegnung|cat:beratung'],
  ['Ich habe Angst und bin traurig', 'cat:gesundheit|cat:beratung'],
  ['Wo lernen Frauen Deutsch?', 'cat:sprache'],
  ['Ich brauche Hilfe bei Formularen', 'cat:beratung'],
];

const OTHER: Row[] = [
  ['debt advice', 'cat:schulden'],
  ['I have debts', 'cat:schulden'],
  ['learn German', 'cat:sprache'],
  ['I need a flat', 'cat:wohnen'],
  ['homeless shelter', 'cat:wohnen|tg:wohnungslose'],
  ['food bank', 'cat:nahversorgung'],
  ['borç danışmanlığı', 'cat:schulden'],
  ['Almanca kursu', 'cat:sprache'],
  ['iş arıyorum', 'cat:arbeit'],
  ['kreş', 'cat:kinderbetreuung'],
  ['ev kira', 'cat:wohnen'],
  ['ديون', 'cat:schulden'],
  ['تعلم الألمانية', 'cat:sprache'],
  ['طبيب', 'cat:gesundheit'],
  ['لاجئ', 'cat:migration|tg:fluchthintergrund'],
  ['консультація щодо боргів', 'cat:schulden'],
  ['курси німецької', 'cat:sprache'],
  ['пошук роботи', 'cat:arbeit'],
  ['дитячий садок', 'cat:kinderbetreuung'],
  ['долги', 'cat:schulden'],
  ['курсы немецкого', 'cat:sprache'],
  ['одиночество', 'cat:begegnung|tg:seniorinnen'],
  ['беженцы', 'cat:migration|tg:fluchthintergrund'],
  ['datorii', 'cat:schulden'],
  ['curs de germană', 'cat:sprache'],
  ['loc de muncă', 'cat:arbeit'],
  ['дългове', 'cat:schulden'],
  ['курс по немски', 'cat:sprache'],
  ['търся работа', 'cat:arbeit'],
  ['długi', 'cat:schulden'],
  ['kurs niemieckiego', 'cat:sprache'],
  ['mieszkanie', 'cat:wohnen'],
  ['szukam pracy', 'cat:arbeit'],
  ['بدهی', 'cat:schulden'],
  ['کلاس آلمانی', 'cat:sprache'],
  ['پناهنده', 'cat:migration|tg:fluchthintergrund'],
  ['Geld-Probleme', 'cat:schulden'],
  ['Deutsch üben', 'cat:sprache'],
  ['Hilfe bei der Miete', 'cat:wohnen'],
  ['Leute kennenlernen', 'cat:begegnung'],
  ['Strom abgestellt', 'cat:schulden|name:energie'],
];

const fold = (s: string) =>
  s.toLocaleLowerCase('de-DE').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');

function engineFor(data: Dataset): SearchEngine {
  const engine = SearchEngine.create();
  for (const { doc, meta } of docsFromDataset(data)) engine.upsert(doc, meta);
  return engine;
}

function passes(data: Dataset, engine: SearchEngine, [query, accept]: Row): boolean {
  const byId = new Map(data.services.map((s) => [s.id, s]));
  const top = engine
    .search(query)
    .hits.slice(0, 5)
    .map((h) => byId.get(h.id));
  return accept.split('|').some((rule) => {
    const [kind, value] = rule.split(':') as [string, string];
    return top.some((s) => {
      if (!s) return false;
      if (kind === 'cat') return s.categories.includes(value);
      if (kind === 'tg') return s.target_groups.includes(value);
      return fold(s.name).includes(value);
    });
  });
}

function share(
  data: Dataset,
  engine: SearchEngine,
  rows: Row[],
): { share: number; failed: string[] } {
  const failed = rows.filter((r) => !passes(data, engine, r)).map((r) => r[0]);
  return { share: (rows.length - failed.length) / rows.length, failed };
}

describe.each([
  ['demo data', () => demoDataset()],
  ['generated data (2,000 offers)', () => syntheticDataset(2000, 7)],
])('questions on the %s', (_name, make) => {
  let data: Dataset;
  let engine: SearchEngine;
  beforeAll(() => {
    data = make();
    engine = engineFor(data);
  });

  it('has enough rows', () => {
    expect(GERMAN.length).toBeGreaterThanOrEqual(60);
    expect(OTHER.length).toBeGreaterThanOrEqual(40);
  });

  it('finds a fitting offer in the top 5 for most German questions', () => {
    const r = share(data, engine, GERMAN);
    console.info(`German questions, ${_name}: ${(r.share * 100).toFixed(0)}% pass`, r.failed);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a fitting offer in the top 5 for most queries in other languages', () => {
    const r = share(data, engine, OTHER);
    console.info(`Other languages, ${_name}: ${(r.share * 100).toFixed(0)}% pass`, r.failed);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
});
