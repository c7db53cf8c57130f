import { afterAll, beforeAll, expect, it, describe as suite } from 'vitest';
import { provideCatalogues, setLanguage } from '../../src/i18n';
import { catalogueLoaders } from '../../src/i18n/catalogues';
import type { UiLanguage } from '../../src/i18n/languages';
import { describe, type RecurrenceInput } from '../../src/schedule';

const rules: RecurrenceInput[] = [
  { freq: 'MONTHLY', byday: '-1WE', opens_at: '15:00', closes_at: '17:00' },
  { freq: 'WEEKLY', interval: 2, byday: 'TU', opens_at: '09:00', closes_at: '12:00' },
  { freq: 'WEEKLY', byday: 'MO,TU,WE,FR', opens_at: '09:00', closes_at: '12:00' },
  { freq: 'MONTHLY', bymonthday: '1,15', opens_at: '10:00', closes_at: '11:00' },
];

async function sentences(lang: UiLanguage): Promise<string[]> {
  await setLanguage(lang);
  return rules.map((r) => describe(r));
}

suite('schedule sentences in other UI languages', () => {
  beforeAll(() => provideCatalogues(catalogueLoaders));
  afterAll(() => setLanguage('de'));

  it('writes English from the English catalogue', async () => {
    expect(await sentences('en')).toEqual([
      'on the last Wednesday of the month, 15:00–17:00',
      'every 2 weeks on Tuesdays, 9:00–12:00',
      'Mon–Wed and Fri, 9:00–12:00',
      'on the 1st and 15th of the month, 10:00–11:00',
    ]);
  });

  it('writes Arabic and Ukrainian, with their own list words', async () => {
    expect(await sentences('ar')).toEqual([
      'الأربعاء الأخير من كل شهر، من الساعة 15:00 إلى 17:00',
      'أيام الثلاثاء كل أسبوعين، من الساعة 9:00 إلى 12:00',
      'اثنين–أربعاء وجمعة، من الساعة 9:00 إلى 12:00',
      'في يوم 1 و15 من كل شهر، من الساعة 10:00 إلى 11:00',
    ]);
    expect(await sentences('uk')).toEqual([
      'середа останнього тижня місяця, 15:00–17:00',
      'раз на два тижні по вівторках, 9:00–12:00',
      'Пн–Ср і Пт, 9:00–12:00',
      '1-го і 15-го числа місяця, 10:00–11:00',
    ]);
  });
});
