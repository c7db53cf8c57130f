import { describe, expect, it } from 'vitest';
import { loadLanguage, provideCatalogues } from '../../src/i18n';
import { catalogueLoaders } from '../../src/i18n/catalogues';
import { clockTime, timeSpan } from '../../src/i18n/clock';
import { formatMessage, formatNumberIn, joinList, messageShape } from '../../src/i18n/format';
import { matchLanguage, resolveLanguage, UI_LANGUAGES } from '../../src/i18n/languages';

const offers = '{n, plural, =0 {Keine Angebote} one {# Angebot} other {# Angebote}}';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Hallo {name}, {x}', { name: 'Ana' }, 'de-DE')).toBe('Hallo Ana, {x}');
    expect(formatMessage('ohne Platzhalter', undefined, 'de-DE')).toBe('ohne Platzhalter');
  });

  it('picks exact, then CLDR plural forms, and writes # in the locale', () => {
    expect([0, 1, 2, 1234].map((n) => formatMessage(offers, { n }, 'de-DE'))).toEqual([
      'Keine Angebote',
      '1 Angebot',
      '2 Angebote',
      '1.234 Angebote',
    ]);
    const ru = '{n, plural, one {# услуга} few {# услуги} many {# услуг} other {# услуги}}';
    expect([1, 3, 5, 21, 1.5].map((n) => formatMessage(ru, { n }, 'ru-RU'))).toEqual([
      '1 услуга',
      '3 услуги',
      '5 услуг',
      '21 услуга',
      '1,5 услуги',
    ]);
    const ar =
      '{n, plural, zero {لا شيء} one {واحدة} two {اثنتان} few {# قليلة} many {# كثيرة} other {# أخرى}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, 'ar-u-nu-latn'))).toEqual([
      'لا شيء',
      'واحدة',
      'اثنتان',
      '3 قليلة',
      '11 كثيرة',
      '100 أخرى',
    ]);
  });

  it('supports select and selectordinal, nested in plurals', () => {
    const day = '{d, select, WE {Mittwoch} other {Tag}}';
    expect(formatMessage(day, { d: 'WE' }, 'de-DE')).toBe('Mittwoch');
    expect(formatMessage(day, { d: 'MO' }, 'de-DE')).toBe('Tag');
    const nth = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
    expect([1, 2, 3, 4, 11, 22].map((n) => formatMessage(nth, { n }, 'en-GB'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '22nd',
    ]);
    const nested = '{n, plural, one {{who} hat # Termin} other {{who} hat # Termine}}';
    expect(formatMessage(nested, { n: 2, who: 'Ana' }, 'de-DE')).toBe('Ana hat 2 Termine');
    const inSelect = '{n, plural, other {{g, select, f {# Frauen} other {# Personen}}}}';
    expect(formatMessage(inSelect, { n: 3, g: 'f' }, 'de-DE')).toBe('3 Frauen');
    expect(formatMessage('{g, select, other {# bleibt #}}', { g: 'x' }, 'de-DE')).toBe(
      '# bleibt #',
    );
  });

  it('reports the placeholders and plural forms a pattern uses', () => {
    const shape = messageShape('{n, plural, =0 {nichts} one {# für {q}} other {# für {q}}}');
    expect([...shape.args].sort()).toEqual(['n', 'q']);
    expect([...(shape.plurals.get('n') ?? [])].sort()).toEqual(['=0', 'one', 'other']);
  });
});

describe('formatNumberIn', () => {
  // Whole numbers are written without Intl; they must read as Intl writes them.
  const samples = [0, 7, 999, 1000, 5000, 9999, 10_000, 12_345, 100_000, 1_234_567, 50_000_000];
  it.each(UI_LANGUAGES.map((l) => [l.code, l.intl] as const))(
    '%s: as Intl writes it',
    (_, intl) => {
      const intlFormat = new Intl.NumberFormat(intl, { maximumFractionDigits: 1 });
      for (const n of samples) expect(formatNumberIn(intl, n)).toBe(intlFormat.format(n));
    },
  );

  it('leaves fractions, negatives and other locales to Intl', () => {
    expect(formatNumberIn('de-DE', 2.5)).toBe('2,5');
    expect(formatNumberIn('de-DE', -1200)).toBe('-1.200');
    expect(formatNumberIn('hi-IN', 1_234_567)).toBe('12,34,567');
  });
});

describe('joinList', () => {
  it('joins in the words of the locale', () => {
    expect(joinList(['Mo', 'Mi', 'Fr'], 'de-DE')).toBe('Mo, Mi und Fr');
    expect(joinList(['a', 'b'], 'en-GB')).toBe('a and b');
    expect(joinList(['أ', 'ب'], 'ar-u-nu-latn')).toBe('أ وب');
    expect(joinList(['nur'], 'de-DE')).toBe('nur');
  });
});

describe('clock times per catalogue', () => {
  it('writes German on the 24-hour clock in its frame, short for next dates', () => {
    expect(timeSpan('de', '09:00', '12:00')).toBe('9:00–12:00 Uhr');
    expect(timeSpan('de', '09:00', '12:30', { short: true })).toBe('9–12:30 Uhr');
    expect(timeSpan('de', '21:00', '02:00')).toBe('21:00–2:00 Uhr');
    expect(clockTime('de', '09:05')).toBe('9:05');
    expect(clockTime('de', '17:00', { short: true })).toBe('17');
  });

  it('writes English on the 12-hour clock from Intl, the day period once when shared', async () => {
    provideCatalogues(catalogueLoaders);
    await loadLanguage('en');
    await loadLanguage('ar');
    const nb = '\u202f';
    expect(timeSpan('en', '15:00', '17:00')).toBe(`3–5${nb}pm`);
    expect(timeSpan('en', '09:30', '12:00')).toBe(`9:30${nb}am–12${nb}pm`);
    expect(timeSpan('en', '12:00', '13:00', { short: true })).toBe(`12–1${nb}pm`);
    expect(timeSpan('en', '21:00', '00:30')).toBe(`9${nb}pm–12:30${nb}am`);
    expect(clockTime('en', '17:30')).toBe(`5:30${nb}pm`);
    // Arabic chose the 24-hour clock, though Intl's default for it is 12 hours.
    expect(timeSpan('ar', '15:00', '17:00')).toBe('من الساعة 15:00 إلى 17:00');
  });
});

describe('choosing a language', () => {
  it('reads tags as browsers and links write them', () => {
    expect(matchLanguage('ar-EG')).toBe('ar');
    expect(matchLanguage('UK_ua')).toBe('uk');
    expect(matchLanguage('de-x-ls')).toBe('de-x-ls');
    expect(matchLanguage('prs')).toBe('fa');
    expect(matchLanguage('pt-BR')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });

  it('takes the link, then the stored choice, then the browser in order, then German', () => {
    expect(resolveLanguage({ param: 'tr', stored: 'ru', browser: ['en'] })).toBe('tr');
    expect(resolveLanguage({ param: 'xx', stored: 'ru', browser: ['en'] })).toBe('ru');
    expect(resolveLanguage({ browser: ['pt-BR', 'fa-IR', 'en'] })).toBe('fa');
    expect(resolveLanguage({ browser: ['pt-BR', 'ja'] })).toBe('de');
    expect(resolveLanguage({})).toBe('de');
  });
});
