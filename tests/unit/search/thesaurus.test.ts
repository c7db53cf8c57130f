import { describe, expect, it } from 'vitest';
import { SEARCH_FIELDS, type SearchDoc } from '../../../src/search/documents';
import { SearchEngine } from '../../../src/search/engine';
import { fold } from '../../../src/search/normalize';
import { compileThesaurus } from '../../../src/search/synonyms';
import {
  allTerms,
  defaultThesaurus,
  THESAURUS_LANGUAGES,
  withLocalTerms,
} from '../../../src/search/thesaurus';
import { queryWords } from '../../../src/search/tokenize';

const key = (term: string) =>
  queryWords(term)
    .flatMap((w) => w.parts ?? [w.term])
    .join(' ');

describe('the need thesaurus file', () => {
  const { concepts } = defaultThesaurus();

  it('has unique, stable ids', () => {
    const ids = concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
  });

  it('gives every concept terms in every UI language', () => {
    for (const c of concepts) {
      for (const lang of THESAURUS_LANGUAGES) {
        expect({ id: c.id, lang, n: c.terms[lang]?.length ?? 0 }).not.toMatchObject({ n: 0 });
      }
    }
  });

  it('has no term in two concepts', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of concepts) {
      for (const t of new Set(allTerms(c).map(key))) {
        if (t === '') clashes.push(`${c.id}: empty after folding`);
        const other = owner.get(t);
        if (other && other !== c.id) clashes.push(`${t}: ${other} / ${c.id}`);
        owner.set(t, c.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('local words', () => {
  const base = defaultThesaurus();

  it('adds words to their concept and leaves the input alone', () => {
    const eff = withLocalTerms(base, [
      { concept: 'loneliness', term: 'Büdchen' },
      { concept: 'loneliness', term: ' Büdchen ' },
      { concept: 'no-such-concept', term: 'Irgendwas' },
      { concept: 'debt', term: '  ' },
    ]);
    expect(eff.concepts.find((c) => c.id === 'loneliness')?.local).toEqual(['Büdchen']);
    expect(eff.concepts.find((c) => c.id === 'debt')?.local).toBeUndefined();
    expect(base.concepts.some((c) => c.local)).toBe(false);
    expect(eff.concepts).toHaveLength(base.concepts.length);
  });

  it('makes an index built with them find offers by the local word, and back', () => {
    const eff = withLocalTerms(base, [{ concept: 'loneliness', term: 'Büdchen' }]);
    const engine = SearchEngine.create(compileThesaurus(eff));
    const meta = (id: string) =>
      ({ id, v: 1, sort: id, org: 'o', locs: [], contacts: [] }) as never;
    const doc = (id: string, name: string) =>
      ({ ...Object.fromEntries(SEARCH_FIELDS.map((f) => [f, ''])), id, name }) as SearchDoc;
    engine.upsert(doc('a', 'Nachbarschaftstreff am Markt'), meta('a'));
    engine.upsert(doc('b', 'Büdchen an der Ecke'), meta('b'));
    expect(engine.search('Büdchen').hits.map((h) => h.id)).toContain('a');
    expect(engine.search('einsam').hits.map((h) => h.id)).toContain('b');
    const plain = SearchEngine.create();
    plain.upsert(doc('a', 'Nachbarschaftstreff am Markt'), meta('a'));
    expect(plain.search('Büdchen').hits).toEqual([]);
    expect(fold('Büdchen')).toBe('buedchen');
  });
});
