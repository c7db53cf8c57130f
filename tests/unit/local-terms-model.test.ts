import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../protocol';

const base = {
  id: '0ee71e57-c7d0-475f-9727-89f0baaaceb7',
  updated_at: '2026-11-01T08:00:00.000Z',
};

describe('local search word records', () => {
  it('accepts a word of a concept, trimmed', () => {
    const r = validateRecord('local_terms', { ...base, concept: 'treffpunkt', term: '  Büdchen ' });
    expect(r.ok && r.record).toMatchObject({ concept: 'treffpunkt', term: 'Büdchen' });
  });

  it.each([
    ['an empty word', { concept: 'schulden', term: '   ' }, 'term'],
    ['a word over 100 characters', { concept: 'schulden', term: 'x'.repeat(101) }, 'term'],
    ['a word with a direction character', { concept: 'schulden', term: 'Bü\u202edchen' }, 'term'],
    ['a word on two lines', { concept: 'schulden', term: 'Bü\ndchen' }, 'term'],
    ['no concept', { term: 'Büdchen' }, 'concept'],
    ['a concept that is no id', { concept: 'Schulden und so', term: 'Büdchen' }, 'concept'],
  ])('refuses %s with a German error on that field', (_, data, field) => {
    const r = validateRecord('local_terms', { ...base, ...data });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors.filter((e) => e.field === field);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/\S/);
  });
});
