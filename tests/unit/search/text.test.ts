import { describe, expect, it } from 'vitest';
import { excerpt, highlight } from '../../../src/search/highlight';
import { fold, foldPlain, foldWithMap } from '../../../src/search/normalize';
import { planQuery } from '../../../src/search/query';
import {
  compileSynonyms,
  findSynonyms,
  groupsInWords,
  groupToken,
} from '../../../src/search/synonyms';
import { indexTerms, queryWords, rawTokens } from '../../../src/search/tokenize';

describe('German folding', () => {
  it.each([
    ['Mülheim', 'muelheim'],
    ['MUELHEIM', 'muelheim'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Café', 'cafe'],
    ['Doğan', 'dogan'],
    ['Wróbel', 'wrobel'],
    // "u" + combining diaeresis, as some keyboards produce it
    ['Mu\u0308lheim', 'muelheim'],
  ])('%s → %s', (input, out) => {
    expect(fold(input)).toBe(out);
  });

  it('keeps a plain variant for people who leave umlauts out', () => {
    expect(foldPlain('Mütter')).toBe('mutter');
    expect(indexTerms('Mütter')).toEqual(['muetter', 'mutter']);
    expect(indexTerms('Beratung')).toEqual(['beratung']);
    expect(indexTerms('und')).toBeNull();
  });

  it('maps folded positions back to the text', () => {
    const { folded, source } = foldWithMap('Grüße');
    expect(folded).toBe('gruesse');
    expect(source).toEqual([0, 1, 2, 2, 3, 3, 4]);
  });
});

describe('tokens', () => {
  it('indexes hyphenated words also joined', () => {
    expect(rawTokens('Kita-Sprechstunde (§16i SGB II)')).toEqual([
      'Kita',
      'Sprechstunde',
      '16i',
      'SGB',
      'II',
      'KitaSprechstunde',
    ]);
  });

  it('drops stopwords from queries unless nothing else is left', () => {
    expect(queryWords('Hilfe bei Schulden').map((w) => w.term)).toEqual(['hilfe', 'schulden']);
    expect(queryWords('die').map((w) => w.term)).toEqual(['die']);
    expect(queryWords('Kita-Platz')).toEqual([{ term: 'kitaplatz', parts: ['kita', 'platz'] }]);
  });
});

describe('synonyms', () => {
  const table = compileSynonyms([
    ['Bürgergeld', 'Hartz IV', 'ALG II'],
    ['Kita', 'Kinderbetreuung'],
  ]);

  it('matches multi-word members and folds umlauts', () => {
    expect(findSynonyms(table, ['hartz', 'iv', 'antrag'])).toEqual([
      { start: 0, end: 2, group: 0, words: ['hartz', 'iv'] },
    ]);
    expect(findSynonyms(table, ['buergergeld'])[0]?.group).toBe(0);
  });

  it('lets the last word be a prefix while typing', () => {
    expect(findSynonyms(table, ['kinderbe'])[0]?.group).toBe(1);
    expect(findSynonyms(table, ['kinderbe', 'x'])).toEqual([]);
  });

  it('plans a synonym as the group token, an alternative to the typed word', () => {
    const plan = planQuery('Kita Essen', table);
    expect(plan.slots).toHaveLength(2);
    expect(plan.slots[0]?.alts.map((a) => a.words.join(' '))).toEqual(['kita', groupToken(1)]);
    expect(plan.needles).toContain('kinderbetreuung');
  });

  it('gives indexed words their group: members, phrases, compound heads and modifiers', () => {
    expect(groupsInWords(table, ['antrag', 'hartz', 'iv'])).toEqual([groupToken(0)]);
    expect(groupsInWords(table, ['buergergeldantrag'])).toEqual([groupToken(0)]);
    expect(groupsInWords(table, ['ganztagskinderbetreuung'])).toEqual([groupToken(1)]);
    expect(groupsInWords(table, ['hartz'])).toEqual([]);
  });
});

describe('highlight', () => {
  const marked = (text: string, needles: string[], terms: string[] = []) =>
    highlight(text, { needles, terms })
      .filter((s) => s.mark)
      .map((s) => s.text);

  it('marks prefixes, compound parts and typo matches in the text as written', () => {
    expect(marked('Schuldnerberatung im Quartier', ['schuld'])).toEqual(['Schuld']);
    expect(marked('Schuldnerberatung', ['beratung'])).toEqual(['beratung']);
    expect(marked('Mülheimer Straße 2', ['muelheim', 'strasse'])).toEqual(['Mülheim', 'Straße']);
    expect(marked('Mütter', ['mutter'])).toEqual(['Mütter']);
    expect(marked('Schuldnerberatung', ['schuldnerbertung'], ['schuldnerberatung'])).toEqual([
      'Schuldnerberatung',
    ]);
  });

  it('returns text only, nothing to interpret', () => {
    const segments = highlight('<img src=x onerror=alert(1)> Beratung', {
      needles: ['beratung'],
      terms: [],
    });
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> Beratung');
  });

  it('cuts an excerpt around the first match', () => {
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Hier gibt es Schuldnerberatung. ${'Ende. '.repeat(30)}`;
    const ex = excerpt(highlight(long, { needles: ['schuldner'], terms: [] }));
    const text = ex.map((s) => s.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(ex.some((s) => s.mark && s.text === 'Schuldner')).toBe(true);
    expect(text.length).toBeLessThan(220);
  });
});
