import { afterAll, beforeAll, expect, it, describe as suite } from 'vitest';
import {
  currentLanguage,
  LanguageNotLoaded,
  loadLanguage,
  provideCatalogues,
  setLanguage,
  tFor,
  translator,
} from '../../src/i18n';
import { catalogueLoaders } from '../../src/i18n/catalogues';
import de from '../../src/i18n/de.json';
import { UI_LANGUAGES, type UiLanguage } from '../../src/i18n/languages';
import { describe, describeExtras, type RecurrenceInput } from '../../src/schedule';

const at = (opens_at: string, closes_at: string) => ({ opens_at, closes_at });

/** The rules a paper notice has most often, each in every UI language below. */
const rules: RecurrenceInput[] = [
  { freq: 'WEEKLY', byday: 'TH', ...at('09:00', '12:00') },
  { freq: 'WEEKLY', byday: 'MO,TU,WE,TH', ...at('09:00', '12:00') },
  { freq: 'WEEKLY', byday: 'TU,FR', ...at('14:00', '16:30') },
  { freq: 'WEEKLY', byday: 'MO,WE,FR', ...at('08:30', '12:00') },
  { freq: 'WEEKLY', interval: 2, byday: 'TU', ...at('09:00', '12:00') },
  { freq: 'MONTHLY', byday: '-1WE', ...at('15:00', '17:00') },
  { freq: 'MONTHLY', byday: '-1FR', ...at('18:00', '20:00') },
  { freq: 'MONTHLY', byday: '2TU', ...at('10:00', '12:00') },
  { freq: 'MONTHLY', byday: '1SU,-1SU', ...at('11:00', '13:00') },
  { freq: 'MONTHLY', bymonthday: '1,15', ...at('10:00', '11:00') },
];

const exceptions: RecurrenceInput[] = [
  {
    freq: 'WEEKLY',
    byday: 'MO',
    ...at('09:00', '12:00'),
    valid_from: '2027-04-01',
    valid_to: '2027-10-31',
    exdates: ['2027-06-07', '2027-05-03'],
  },
  { freq: 'WEEKLY', byday: 'MO', ...at('09:00', '12:00'), closed_on_holidays: false, count: 6 },
];

interface Expected {
  sentences: string[];
  extras: string[][];
}

/*
 * Written by hand, one language at a time, as a notice in that language would say it.
 * Intl's own characters are spelled out: U+202F (narrow no-break space) before "am"/"pm",
 * U+200F (right-to-left mark) in Arabic and Farsi dates and lists.
 */
const expected: Record<UiLanguage, Expected> = {
  de: {
    sentences: [
      'donnerstags, 9:00–12:00 Uhr',
      'Mo–Do, 9:00–12:00 Uhr',
      'dienstags und freitags, 14:00–16:30 Uhr',
      'montags, mittwochs und freitags, 8:30–12:00 Uhr',
      '14-täglich dienstags, 9:00–12:00 Uhr',
      'jeden letzten Mittwoch im Monat, 15:00–17:00 Uhr',
      'jeden letzten Freitag im Monat, 18:00–20:00 Uhr',
      'jeden zweiten Dienstag im Monat, 10:00–12:00 Uhr',
      'jeden ersten und letzten Sonntag im Monat, 11:00–13:00 Uhr',
      'am 1. und 15. des Monats, 10:00–11:00 Uhr',
    ],
    extras: [
      [
        'ab 01.04.2027',
        'bis 31.10.2027',
        'fällt aus: 03.05.2027, 07.06.2027',
        'an Feiertagen geschlossen',
      ],
      ['6 Termine insgesamt'],
    ],
  },
  'de-x-ls': {
    sentences: [
      'donnerstags, 9:00 bis 12:00 Uhr',
      'Montag bis Donnerstag, 9:00 bis 12:00 Uhr',
      'dienstags und freitags, 14:00 bis 16:30 Uhr',
      'montags, mittwochs und freitags, 8:30 bis 12:00 Uhr',
      'alle 2 Wochen dienstags, 9:00 bis 12:00 Uhr',
      'jeden letzten Mittwoch im Monat, 15:00 bis 17:00 Uhr',
      'jeden letzten Freitag im Monat, 18:00 bis 20:00 Uhr',
      'jeden zweiten Dienstag im Monat, 10:00 bis 12:00 Uhr',
      'jeden ersten und letzten Sonntag im Monat, 11:00 bis 13:00 Uhr',
      'am 1. und 15. Tag im Monat, 10:00 bis 11:00 Uhr',
    ],
    extras: [
      [
        'ab 01.04.2027',
        'bis 31.10.2027',
        'fällt aus am: 03.05.2027, 07.06.2027',
        'an Feiertagen geschlossen',
      ],
      ['insgesamt 6 Termine'],
    ],
  },
  en: {
    sentences: [
      'Thursdays, 9\u202fam–12\u202fpm',
      'Mon–Thu, 9\u202fam–12\u202fpm',
      'Tuesdays and Fridays, 2–4:30\u202fpm',
      'Mondays, Wednesdays and Fridays, 8:30\u202fam–12\u202fpm',
      'every 2 weeks on Tuesdays, 9\u202fam–12\u202fpm',
      'on the last Wednesday of the month, 3–5\u202fpm',
      'on the last Friday of the month, 6–8\u202fpm',
      'on the second Tuesday of the month, 10\u202fam–12\u202fpm',
      'on the first and last Sunday of the month, 11\u202fam–1\u202fpm',
      'on the 1st and 15th of the month, 10–11\u202fam',
    ],
    extras: [
      [
        'from 01/04/2027',
        'until 31/10/2027',
        'cancelled on: 03/05/2027, 07/06/2027',
        'closed on public holidays',
      ],
      ['6 dates in total'],
    ],
  },
  tr: {
    sentences: [
      'Perşembeleri, saat 9:00–12:00',
      'Pzt–Per, saat 9:00–12:00',
      'Salıları ve Cumaları, saat 14:00–16:30',
      'Pazartesileri, Çarşambaları ve Cumaları, saat 8:30–12:00',
      'iki haftada bir Salıları, saat 9:00–12:00',
      'her ayın son Çarşamba günü, saat 15:00–17:00',
      'her ayın son Cuma günü, saat 18:00–20:00',
      'her ayın ikinci Salı günü, saat 10:00–12:00',
      'her ayın ilk ve son Pazar günü, saat 11:00–13:00',
      'ayın 1. ve 15. günü, saat 10:00–11:00',
    ],
    extras: [
      [
        '01.04.2027 tarihinden itibaren',
        '31.10.2027 tarihine kadar',
        'yapılmayacak: 03.05.2027, 07.06.2027',
        'resmî tatillerde kapalı',
      ],
      ['toplam 6 kez'],
    ],
  },
  ar: {
    sentences: [
      'أيام الخميس، من الساعة 9:00 إلى 12:00',
      'من الاثنين إلى الخميس، من الساعة 9:00 إلى 12:00',
      'أيام الثلاثاء وأيام الجمعة، من الساعة 14:00 إلى 16:30',
      'أيام الاثنين وأيام الأربعاء وأيام الجمعة، من الساعة 8:30 إلى 12:00',
      'أيام الثلاثاء كل أسبوعين، من الساعة 9:00 إلى 12:00',
      'يوم الأربعاء الأخير من كل شهر، من الساعة 15:00 إلى 17:00',
      'يوم الجمعة الأخير من كل شهر، من الساعة 18:00 إلى 20:00',
      'يوم الثلاثاء الثاني من كل شهر، من الساعة 10:00 إلى 12:00',
      'يوم الأحد الأول والأخير من كل شهر، من الساعة 11:00 إلى 13:00',
      'في يوم 1 و15 من كل شهر، من الساعة 10:00 إلى 11:00',
    ],
    extras: [
      [
        'ابتداءً من 01\u200f/04\u200f/2027',
        'حتى 31\u200f/10\u200f/2027',
        'مُلغى في: 03\u200f/05\u200f/2027، 07\u200f/06\u200f/2027',
        'مغلق في أيام العطل الرسمية',
      ],
      ['6 مواعيد في المجموع'],
    ],
  },
  uk: {
    sentences: [
      'по четвергах, 9:00–12:00',
      'Пн–Чт, 9:00–12:00',
      'по вівторках і по п’ятницях, 14:00–16:30',
      'по понеділках, по середах і по п’ятницях, 8:30–12:00',
      'раз на два тижні по вівторках, 9:00–12:00',
      'по останніх середах місяця, 15:00–17:00',
      'по останніх п’ятницях місяця, 18:00–20:00',
      'по других вівторках місяця, 10:00–12:00',
      'по перших і останніх неділях місяця, 11:00–13:00',
      '1-го і 15-го числа місяця, 10:00–11:00',
    ],
    extras: [
      [
        'з 01.04.2027',
        'до 31.10.2027',
        'не відбудеться: 03.05.2027, 07.06.2027',
        'у святкові дні зачинено',
      ],
      ['усього 6 разів'],
    ],
  },
  ru: {
    sentences: [
      'по четвергам, 9:00–12:00',
      'Пн–Чт, 9:00–12:00',
      'по вторникам и по пятницам, 14:00–16:30',
      'по понедельникам, по средам и по пятницам, 8:30–12:00',
      'каждые две недели по вторникам, 9:00–12:00',
      'по последним средам месяца, 15:00–17:00',
      'по последним пятницам месяца, 18:00–20:00',
      'по вторым вторникам месяца, 10:00–12:00',
      'по первым и последним воскресеньям месяца, 11:00–13:00',
      '1-го и 15-го числа каждого месяца, 10:00–11:00',
    ],
    extras: [
      [
        'с 01.04.2027',
        'по 31.10.2027',
        'не состоится: 03.05.2027, 07.06.2027',
        'в праздничные дни закрыто',
      ],
      ['всего 6 раз'],
    ],
  },
  ro: {
    sentences: [
      'joia, 9:00–12:00',
      'Lu–Jo, 9:00–12:00',
      'marțea și vinerea, 14:00–16:30',
      'lunea, miercurea și vinerea, 8:30–12:00',
      'o dată la două săptămâni, marțea, 9:00–12:00',
      'în ultima miercuri din lună, 15:00–17:00',
      'în ultima vineri din lună, 18:00–20:00',
      'în a doua marți din lună, 10:00–12:00',
      'în prima și ultima duminică din lună, 11:00–13:00',
      'pe 1 și 15 ale lunii, 10:00–11:00',
    ],
    extras: [
      [
        'începând cu 01.04.2027',
        'până la 31.10.2027',
        'nu are loc pe: 03.05.2027, 07.06.2027',
        'închis în zilele de sărbătoare legală',
      ],
      ['6 întâlniri în total'],
    ],
  },
  bg: {
    sentences: [
      'в четвъртък, 9:00–12:00 ч.',
      'Пн–Чт, 9:00–12:00 ч.',
      'във вторник и в петък, 14:00–16:30 ч.',
      'в понеделник, в сряда и в петък, 8:30–12:00 ч.',
      'на всеки две седмици във вторник, 9:00–12:00 ч.',
      'всяка последна сряда от месеца, 15:00–17:00 ч.',
      'всеки последен петък от месеца, 18:00–20:00 ч.',
      'всеки втори вторник от месеца, 10:00–12:00 ч.',
      'всяка първа и последна неделя от месеца, 11:00–13:00 ч.',
      'на 1-во и 15-о число от месеца, 10:00–11:00 ч.',
    ],
    extras: [
      [
        'от 01.04.2027 г.',
        'до 31.10.2027 г.',
        'отпада: 03.05.2027 г., 07.06.2027 г.',
        'затворено в официалните празници',
      ],
      ['общо 6 пъти'],
    ],
  },
  pl: {
    sentences: [
      'w czwartki, godz. 9:00–12:00',
      'pon.–czw., godz. 9:00–12:00',
      'we wtorki i w piątki, godz. 14:00–16:30',
      'w poniedziałki, w środy i w piątki, godz. 8:30–12:00',
      'co dwa tygodnie we wtorki, godz. 9:00–12:00',
      'w ostatnie środy miesiąca, godz. 15:00–17:00',
      'w ostatnie piątki miesiąca, godz. 18:00–20:00',
      'w drugie wtorki miesiąca, godz. 10:00–12:00',
      'w pierwsze i ostatnie niedziele miesiąca, godz. 11:00–13:00',
      '1. i 15. dnia miesiąca, godz. 10:00–11:00',
    ],
    extras: [
      [
        'od 01.04.2027',
        'do 31.10.2027',
        'nie odbędzie się: 03.05.2027, 07.06.2027',
        'nieczynne w dni świąteczne',
      ],
      ['łącznie 6 terminów'],
    ],
  },
  fa: {
    sentences: [
      'پنجشنبه‌ها، ساعت 9:00 تا 12:00',
      'دوشنبه تا پنجشنبه، ساعت 9:00 تا 12:00',
      'سه‌شنبه‌ها و جمعه‌ها، ساعت 14:00 تا 16:30',
      'دوشنبه‌ها،\u200f چهارشنبه‌ها، و جمعه‌ها، ساعت 8:30 تا 12:00',
      'هر دو هفته یک‌بار، سه‌شنبه‌ها، ساعت 9:00 تا 12:00',
      'آخرین چهارشنبه هر ماه، ساعت 15:00 تا 17:00',
      'آخرین جمعه هر ماه، ساعت 18:00 تا 20:00',
      'دومین سه‌شنبه هر ماه، ساعت 10:00 تا 12:00',
      'اولین و آخرین یکشنبه هر ماه، ساعت 11:00 تا 13:00',
      'روز 1 و 15 هر ماه، ساعت 10:00 تا 11:00',
    ],
    extras: [
      [
        'از 2027/04/01',
        'تا 2027/10/31',
        'برگزار نمی‌شود: 2027/05/03، 2027/06/07',
        'در روزهای تعطیل رسمی بسته است',
      ],
      ['در مجموع 6 نوبت'],
    ],
  },
};

/** A UI language other than `lang`, so words from the screen's catalogue would show. */
const otherThan = (lang: UiLanguage): UiLanguage => (lang === 'ar' ? 'de' : 'ar');

suite('schedule sentences in every UI language, whatever the UI language is', () => {
  beforeAll(() => provideCatalogues(catalogueLoaders));
  afterAll(() => setLanguage('de'));

  it('has expected sentences for every UI language', () => {
    expect(Object.keys(expected).sort()).toEqual(UI_LANGUAGES.map((l) => l.code).sort());
  });

  for (const { code } of UI_LANGUAGES) {
    it(`writes ${code} while the UI is in ${otherThan(code)}`, async () => {
      await setLanguage(otherThan(code));
      await loadLanguage(code);
      expect(rules.map((r) => describe(r, code))).toEqual(expected[code].sentences);
      expect(exceptions.map((r) => describeExtras(r, code))).toEqual(expected[code].extras);
      expect(currentLanguage()).toBe(otherThan(code));
    });
  }

  it('writes the UI language when no language is given', async () => {
    await setLanguage('uk');
    expect(describe(rules[5] as RecurrenceInput)).toBe(expected.uk.sentences[5]);
    expect(describeExtras(exceptions[1] as RecurrenceInput)).toEqual(expected.uk.extras[1]);
  });
});

suite('messages of a language without switching the UI', () => {
  afterAll(async () => {
    provideCatalogues(catalogueLoaders);
    await setLanguage('de');
  });

  it('refuses a language that is not loaded instead of writing another one', async () => {
    await setLanguage('de');
    provideCatalogues(catalogueLoaders);
    expect(() => describe(rules[0] as RecurrenceInput, 'tr')).toThrow(LanguageNotLoaded);
    expect(() => describeExtras(exceptions[0] as RecurrenceInput, 'tr')).toThrow(
      'await loadLanguage("tr") first',
    );
    expect(() => tFor('xx' as UiLanguage, 'app.name')).toThrow('"xx" is not a UI language');
    await loadLanguage('tr');
    expect(describe(rules[0] as RecurrenceInput, 'tr')).toBe(expected.tr.sentences[0]);
  });

  it('formats with the language’s plural rules and falls back to German for a missing key', async () => {
    await setLanguage('de');
    provideCatalogues({
      ...catalogueLoaders,
      './ar.json': async () => ({
        default: { schedule: { count: '{n, plural, two {موعدان في المجموع} other {# موعد}}' } },
      }),
    });
    await loadLanguage('ar');
    const ar = translator('ar');
    expect(ar('schedule.count', { n: 2 })).toBe('موعدان في المجموع');
    expect(ar('start.heading')).toBe(de.start.heading);
  });

  it('rejects when a catalogue cannot load, and loads on the next try', async () => {
    await setLanguage('de');
    let fail = true;
    provideCatalogues({
      ...catalogueLoaders,
      './pl.json': () =>
        fail
          ? Promise.reject(new TypeError('Failed to fetch'))
          : (
              catalogueLoaders['./pl.json'] as () => Promise<{ default: Record<string, unknown> }>
            )(),
    });
    await expect(loadLanguage('pl')).rejects.toThrow('Failed to fetch');
    expect(() => translator('pl')).toThrow(LanguageNotLoaded);
    fail = false;
    await loadLanguage('pl');
    expect(describe(rules[0] as RecurrenceInput, 'pl')).toBe(expected.pl.sentences[0]);
    expect(currentLanguage()).toBe('de');
  });
});
