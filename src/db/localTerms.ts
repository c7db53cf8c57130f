/**
 * Coordinators' own search words: a district's word for a need ("Büdchen"), tied to a concept
 * of the search's thesaurus. Each edit is one transaction that shows the change at once and
 * queues it for the push, like every other record (src/sync/outboxDb.ts).
 */
import type { LocalTerm } from '../model';
import { type EditContext, type EditResult, queueDelete, queueUpsert } from '../sync/outboxDb';
import type { WegweiserDB } from './schema';

export const LOCAL_TERMS_TABLE = 'local_terms' as const;

/** Adds a word to a concept; `id` lets a caller (or a test) name the new record. */
export async function addLocalTerm(
  ctx: EditContext,
  input: { concept: string; term: string; id?: string },
): Promise<EditResult & { id: string }> {
  const id = input.id ?? (ctx.newId ?? (() => crypto.randomUUID()))();
  const result = await queueUpsert(ctx, LOCAL_TERMS_TABLE, {
    id,
    concept: input.concept,
    term: input.term,
  });
  return { ...result, id };
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
