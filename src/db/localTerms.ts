/**
 * Coordinators' own search words: a district's word for a need ("Büdchen"), tied to a concept
 * of the search's thesaurus. Each edit is one transaction that shows the change at once and
 * queues it for the push, like every other record (src/sync/outboxDb.ts).
 */
import type { LocalTerm } from '../model';
import { type EditContext, type EditResult, queueDelete, queueUpsert } from '../sync/outboxDb';
import type { WegweiserDB } from './schema';

export const LOCAL_TERMS_TABLE = 'local_terms' as const;

const sameWord = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/**
 * Adds a word to a concept; `id` lets a caller (or a test) name the new record. A word the
 * concept already has is refused (code 'duplicate', field 'term'): it would add nothing.
 */
export async function addLocalTerm(
  ctx: EditContext,
  input: { concept: string; term: string; id?: string },
): Promise<
  Extract<EditResult, { ok: false }> | (Extract<EditResult, { ok: true }> & { id: string })
> {
  const have = await listLocalTerms(ctx.db);
  if (have.some((r) => r.concept === input.concept && sameWord(r.term, input.term))) {
    return {
      ok: false,
      errors: [
        { field: 'term', code: 'duplicate', message: 'word already listed for this concept' },
      ],
    };
  }
  const id = input.id ?? (ctx.newId ?? (() => crypto.randomUUID()))();
  const result = await queueUpsert(ctx, LOCAL_TERMS_TABLE, {
    id,
    concept: input.concept,
    term: input.term,
  });
  return result.ok ? { ...result, id } : result;
}

/** Changes the word itself; the concept stays. */
export async function renameLocalTerm(
  ctx: EditContext,
  id: string,
  term: string,
): Promise<EditResult> {
  return queueUpsert(ctx, LOCAL_TERMS_TABLE, { id, term });
}

export async function deleteLocalTerm(ctx: EditContext, id: string): Promise<EditResult> {
  return queueDelete(ctx, LOCAL_TERMS_TABLE, id);
}

/** The live words (not deleted), sorted by concept and word: what the editor lists. */
export async function listLocalTerms(db: WegweiserDB): Promise<LocalTerm[]> {
  const rows = await db.local_terms.orderBy('concept').toArray();
  return rows
    .filter((r) => !r.deleted)
    .sort((a, b) => a.concept.localeCompare(b.concept) || a.term.localeCompare(b.term, 'de'));
}

/** What the search index needs: each live word with its concept. */
export async function readLocalTerms(
  db: WegweiserDB,
): Promise<{ concept: string; term: string }[]> {
  return (await listLocalTerms(db)).map(({ concept, term }) => ({ concept, term }));
}
