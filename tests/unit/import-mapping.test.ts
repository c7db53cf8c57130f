/** The mapping editor's pure parts: one entry per term key, and the list it shows. */
import { describe, expect, it } from 'vitest';
import { MappingDocument, normalizeMapping } from '../../protocol/importMapping';
import { mappingItems, matchesFilter } from '../../src/features/koordination/mapping';

describe('taxonomy mapping entries', () => {
  it('keeps the last entry per term key and drops repeated slugs', () => {
    expect(
      normalizeMapping([
        { term: 'Food  Pantry', categories: ['nahversorgung'], target_groups: [] },
        { term: ' food pantry ', categories: ['beratung', 'beratung'], target_groups: [] },
        { term: 'Other', categories: [], target_groups: [] },
      ]),
    ).toEqual([
      { term: 'food pantry', categories: ['beratung'], target_groups: [] },
      { term: 'Other', categories: [], target_groups: [] },
    ]);
  });

  it('accepts municipality slugs but refuses labels, blank terms and missing lists', () => {
    const ok = { term: 'X', categories: ['eigene-kategorie'], target_groups: [] };
    expect(MappingDocument.safeParse({ entries: [ok] }).success).toBe(true);
    for (const bad of [
      { ...ok, categories: ['Wohnen'] },
      { ...ok, term: ' \t ' },
      { term: 'X', categories: [] },
    ]) {
      expect(MappingDocument.safeParse({ entries: [bad] }).success).toBe(false);
    }
  });

  it('lists unmapped terms first, then stored ones, with unsaved edits on top', () => {
    const stored = [
      { term: 'Housing', categories: ['wohnen'], target_groups: [] },
      { term: 'BD-1', categories: ['beratung'], target_groups: [] },
    ];
    const items = mappingItems(
      stored,
      [
        { term: 'Food', count: 4 },
        { term: 'bd-1', count: 2 }, // stored already: shown once, as stored
      ],
      new Map([['housing', { term: 'Housing', categories: [], target_groups: ['familien'] }]]),
    );
    expect(items.map((i) => [i.entry.term, i.count ?? null])).toEqual([
      ['Food', 4],
      ['Housing', null],
      ['BD-1', null],
    ]);
    expect(items[1]?.entry.target_groups).toEqual(['familien']);
    expect(items.filter((i) => matchesFilter(i, '  HOUS')).map((i) => i.key)).toEqual(['housing']);
  });
});
