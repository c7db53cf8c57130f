/**
 * "Ähnliche Begriffe" when a search finds nothing: only words from the data that would find
 * something relevant, or none at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../../src/demo';
import { SearchEngine } from '../../../src/search/engine';
import { docsFromDataset } from '../../../src/search/fromDataset';
import { suggestAlternatives } from '../../../src/search/suggest';
import { isPlainWord } from '../../../src/search/tokenize';
import { editDistance } from '../../../src/search/vocabulary';

let engine: SearchEngine;
beforeAll(() => {
  engine = SearchEngine.create();
  for (const { doc, meta } of docsFromDataset(demoDataset())) engine.upsert(doc, meta);
});

const near = (query: string) =>
  suggestAlternatives(engine, query, {})
    .filter((s) => s.kind === 'near')
    .map((s) => s.term);

describe('near terms for an empty result', () => {
  it('offers nothing for a word close only to German filler words', () => {
    expect(engine.search('gebt').hits).toHaveLength(0);
    expect(near('gebt')).toEqual([]);
  });

  it('offers nothing for markup or symbols', () => {
    expect(suggestAlternatives(engine, '<script>', {})).toEqual([]);
    expect(near('alert(1)')).toEqual([]);
    expect(near('&&&')).toEqual([]);
  });

  it('corrects typos to the word in the data, and each suggestion finds offers', () => {
    expect(near('Schuldnerberatunk')).toEqual(['Schuldnerberatung']);
    expect(near('Jobcentr')).toEqual(['Jobcenter']);
    expect(near('Sprachkurz')).toEqual(['Sprachkurs']);
    for (const s of suggestAlternatives(engine, 'Sprachkurz Jobcentr', {})) {
      expect(engine.search(s.query, s.filters).hits.length).toBe(s.count);
      expect(s.count).toBeGreaterThan(0);
    }
  });

  it('allows one edit for short words, two for longer ones; swapped letters are one edit', () => {
    expect(engine.nearTerms('tafle')).toContain('Tafel');
    expect(engine.nearTerms('tafxy')).toEqual([]);
    expect(engine.nearTerms('jobcntr')).toContain('Jobcenter');
    expect(engine.nearTerms('jbcntr')).toEqual([]);
  });

  it('never offers filler words or very short terms, though the data has them', () => {
    // Both are in the offers' texts (the search finds them) …
    expect(engine.search('geht').hits.length).toBeGreaterThan(0);
    expect(engine.search('KIM').hits.length).toBeGreaterThan(0);
    // … but a typo one letter away is not "corrected" to them.
    expect(engine.nearTerms('gebt')).toEqual([]);
    expect(engine.nearTerms('kim')).toEqual([]);
    expect(engine.nearTerms('kimm')).not.toContain('KIM');
  });
});

describe('what counts as a word', () => {
  it.each([
    ['Schuldnerberatung', true],
    ['Kita-Platz', true],
    ['Jobcenter,', true],
    ['§16i', false],
    ['<script>', false],
    ['alert(1)', false],
    ['a=b', false],
    ['1234', false],
  ])('%s → %s', (chunk, expected) => {
    expect(isPlainWord(chunk)).toBe(expected);
  });
});

describe('edit distance (Damerau-Levenshtein, adjacent swaps)', () => {
  it.each([
    ['kurs', 'kurs', 0],
    ['kurs', 'kurz', 1],
    ['kurs', 'kusr', 1],
    ['debt', 'cent', 2],
    ['schuldnerberatunk', 'schuldnerberatung', 1],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });
});
