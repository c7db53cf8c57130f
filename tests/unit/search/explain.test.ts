import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/search/engine';
import { explainHit } from '../../../src/search/explain';
import { planQuery } from '../../../src/search/query';
import { defaultSynonyms } from '../../../src/search/synonyms';

const reasonsFor = (query: string) =>
  SearchEngine.create().reasons(planQuery(query, defaultSynonyms()));

describe('why a hit matched', () => {
  it('names the concept word the offer shows, longest first', () => {
    expect(
      explainHit(reasonsFor('Ich habe Schulden, wer hilft mir?'), 'Schuldnerberatung im Quartier'),
    ).toEqual({ typed: 'schulden', term: 'Schuldnerberatung' });
    // The offer shows the typed word: the highlight says it.
    expect(explainHit(reasonsFor('Schuldnerberatung'), 'Schuldnerberatung im Quartier')).toBeNull();
    expect(explainHit(reasonsFor('Mahnung'), 'Schuldnerberatung im Quartier')).toEqual({
      typed: 'mahnung',
      term: 'Schuldnerberatung',
    });
    expect(explainHit(reasonsFor('борги'), 'Hilfe bei Energieschulden')).toEqual({
      typed: 'борги',
      term: 'Schulden',
    });
  });

  it('says nothing when no concept word is in the text', () => {
    expect(explainHit(reasonsFor('Mahnung'), 'Sprachcafé')).toBeNull();
    expect(explainHit(reasonsFor('Fahrrad'), 'Fahrradwerkstatt')).toBeNull();
  });
});
