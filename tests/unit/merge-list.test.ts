import { describe, expect, it } from 'vitest';
import { mergeListChange, mergeOffersSomethingNew } from '../../src/sync/mergeList';

describe('three-way merge of a list field', () => {
  it('keeps their change and mine: they removed one entry, I added another', () => {
    expect(mergeListChange(['de', 'tr'], ['de', 'tr', 'ar'], ['de'])).toEqual(['de', 'ar']);
  });

  it('does not bring back what I removed, and does not repeat what both added', () => {
    expect(
      mergeListChange(
        ['kinder', 'familien'],
        ['kinder', 'senioren'],
        ['kinder', 'familien', 'senioren'],
      ),
    ).toEqual(['kinder', 'senioren']);
  });

  it('treats a missing list as empty and puts dates in calendar order', () => {
    expect(mergeListChange(null, ['2026-12-31'], ['2026-12-24', '2026-01-01'])).toEqual([
      '2026-01-01',
      '2026-12-24',
      '2026-12-31',
    ]);
  });

  it('refuses values that are not lists of plain values', () => {
    expect(mergeListChange('a', ['a'], ['b'])).toBeNull();
    expect(mergeListChange([], [{ x: 1 }], [])).toBeNull();
    expect(mergeListChange([], true, [])).toBeNull();
  });

  it('is only offered when it gives something other than either side', () => {
    const merged = mergeListChange(['de'], ['de', 'ar'], ['de', 'tr']) ?? [];
    expect(merged).toEqual(['de', 'tr', 'ar']);
    expect(mergeOffersSomethingNew(merged, ['de', 'ar'], ['de', 'tr'])).toBe(true);
    // I only removed what they also removed: the merge is just their list.
    const same = mergeListChange(['de', 'tr'], ['de'], ['de', 'ar']) ?? [];
    expect(same).toEqual(['de', 'ar']);
    expect(mergeOffersSomethingNew(same, ['de'], ['de', 'ar'])).toBe(false);
  });
});
