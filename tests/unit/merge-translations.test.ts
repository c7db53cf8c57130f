/**
 * Translations are a map by language: two coordinators translating one offer into different
 * languages both keep their work; the same language changed on both sides is a conflict.
 */
import { describe, expect, it } from 'vitest';
import { mergeMutation } from '../../protocol/merge';

const current = (translations: unknown) => ({
  id: 'x',
  version: 5,
  deleted: false,
  name: 'Schuldnerberatung',
  translations,
});
const edit = (base: unknown, value: unknown) => ({
  id: 'x',
  op: 'upsert' as const,
  baseVersion: 3,
  fields: { translations: { base, value } },
});

const en = { name: 'Debt advice' };
const ar = { name: 'استشارة الديون' };

describe('merging translations', () => {
  it('keeps both when each side added another language', () => {
    const out = mergeMutation(current({ en }), edit(null, { ar }));
    expect(out.conflicts).toEqual([]);
    expect(out.next?.translations).toEqual({ en, ar });
  });

  it('applies a removal of a language the other side did not touch', () => {
    const out = mergeMutation(current({ en, ar, uk: { name: 'Борги' } }), edit({ en, ar }, { en }));
    expect(out.next?.translations).toEqual({ en, uk: { name: 'Борги' } });
  });

  it('is a conflict when both changed the same language differently, and writes nothing', () => {
    const out = mergeMutation(
      current({ en: { name: 'Debt help' } }),
      edit({ en }, { en: { name: 'Debt counselling' } }),
    );
    expect(out.next).toBeNull();
    expect(out.conflicts.map((c) => c.field)).toEqual(['translations']);
  });

  it('changes nothing when the other side already made the same edit', () => {
    const out = mergeMutation(current({ en, ar }), edit({ en }, { en, ar }));
    expect(out).toEqual({ next: null, applied: ['translations'], conflicts: [] });
  });

  it('lists are not maps: a list changed on both sides stays a conflict', () => {
    const out = mergeMutation(
      { id: 'x', version: 5, deleted: false, languages: ['de', 'tr'] },
      {
        id: 'x',
        op: 'upsert',
        baseVersion: 3,
        fields: { languages: { base: ['de'], value: ['de', 'ar'] } },
      },
    );
    expect(out.conflicts.map((c) => c.field)).toEqual(['languages']);
  });
});
