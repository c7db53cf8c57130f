import { type Change, isTableName, type PullResponse } from '../src/model';
import type { Queryable } from './db';
import { offerJoin, publicSql, removeHiddenReferences } from './visibility';

/** Who asks. Residents have no login and are 'public'; accounts arrive in a later issue. */
export type Viewer = 'public' | 'internal';

export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;

export interface PullParams {
  since: number;
  limit: number;
}

export type ParseResult =
  | { ok: true; value: PullParams }
  | { ok: false; code: 'invalid_cursor' | 'invalid_limit'; message: string };

const DIGITS = /^\d{1,16}$/;

/**
 * The cursor is the last version of the previous page as a decimal string ('' = from the
 * start). Clients must treat it as opaque, so it can change shape later. A limit above the
 * maximum is clamped rather than refused, so an older client asking for more keeps working.
 */
export function parsePullParams(since: string | undefined, limit: string | undefined): ParseResult {
  let sinceN = 0;
  if (since !== undefined && since !== '') {
    if (!DIGITS.test(since) || !Number.isSafeInteger(Number(since))) {
      return {
        ok: false,
        code: 'invalid_cursor',
        message: 'Ungültiger Cursor. Bitte den Wert „cursor“ aus der letzten Antwort verwenden.',
      };
    }
    sinceN = Number(since);
  }
  let limitN = DEFAULT_PULL_LIMIT;
  if (limit !== undefined && limit !== '') {
    if (!DIGITS.test(limit) || Number(limit) < 1) {
      return {
        ok: false,
        code: 'invalid_limit',
        message: `Ungültiges Limit. Erlaubt ist eine ganze Zahl von 1 bis ${MAX_PULL_LIMIT}.`,
      };
    }
    limitN = Math.min(Number(limit), MAX_PULL_LIMIT);
  }
  return { ok: true, value: { since: sinceN, limit: limitN } };
}

/*
 * Residents see a row iff it was ever public (ever_public is set whenever a row is written
 * while residents may see it, and never cleared). Such a row arrives with its data while
 * residents may see it (server/visibility.ts: public and live, and so is its offer if it
 * belongs to one), otherwise as a tombstone. Never-public rows stay invisible altogether, so
 * not even their ids leak, nor do the ids in references to records residents cannot see
 * (removeHiddenReferences). `updated_by` may name a coordinator, so residents get null.
 */
/** The rows of `records r` a viewer pulls at all (with data or as tombstones). */
const PULLABLE: Record<Viewer, (r: string) => string> = {
  public: (r) => `${r}.ever_public and ${r}.table_name <> 'referrals'`,
  internal: (r) => `${r}.table_name <> 'referrals'`,
};

/** Those after cursor $1. */
const PULLED: Record<Viewer, (r: string) => string> = {
  public: (r) => `${r}.version > $1::bigint and ${PULLABLE.public(r)}`,
  internal: (r) => `${r}.version > $1::bigint and ${PULLABLE.internal(r)}`,
};

/**
 * The highest version residents can pull (one step down records_public_version_idx), column
 * `v`, NULL on an empty database. Every change to what a resident's page shows raises it
 * (server/pull-cache.ts explains why).
 */
export const PUBLIC_STATE_SQL = `select max(r.version) as v from records r where ${PULLABLE.public('r')}`;

const PUBLIC_SQL = `
  select r.table_name, r.id::text as id, r.version,
         not ${publicSql('r', 'p')} as gone,
         case when ${publicSql('r', 'p')} then r.data || '{"updated_by": null}'::jsonb
              else null end as data
    from records r ${offerJoin('r', 'p')}
   where ${PULLED.public('r')}
   order by r.version
   limit $2::int`;

const INTERNAL_SQL = `
  select r.table_name, r.id::text as id, r.version, r.deleted as gone,
         case when r.deleted then null else r.data end as data
    from records r
   where ${PULLED.internal('r')}
   order by r.version
   limit $2::int`;

/*
 * Counts exactly the rows the page query would return after the cursor. Both are range
 * scans of a version index (the public one only reads records_public_version_idx), a few
 * milliseconds at 50,000 records, and only asked when there is a next page.
 */
const REMAINING_SQL: Record<Viewer, string> = {
  public: `select count(*)::int as n from records r where ${PULLED.public('r')}`,
  internal: `select count(*)::int as n from records r where ${PULLED.internal('r')}`,
};

interface Row {
  table_name: string;
  id: string;
  version: string | number | bigint;
  gone: boolean;
  data: Record<string, unknown> | null;
}

/**
 * One page of changes after `since`, oldest first. This single SELECT reads one snapshot;
 * because writers assign versions under the advisory lock (see server/records.ts), no row
 * with a version <= the returned cursor can commit after this snapshot was taken, so the
 * client may safely continue from `cursor`.
 */
export async function pullChanges(
  q: Queryable,
  { since, limit }: PullParams,
  viewer: Viewer,
): Promise<PullResponse> {
  const rows = await q.query<Row>(viewer === 'internal' ? INTERNAL_SQL : PUBLIC_SQL, [
    since,
    limit + 1,
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const changes: Change[] = [];
  for (const r of page) {
    // The column is written only via upsertRecords, which checks the name; guard anyway.
    if (!isTableName(r.table_name)) continue;
    changes.push({
      table: r.table_name,
      id: r.id,
      version: Number(r.version),
      deleted: r.gone,
      data: r.gone ? null : (r.data as Change['data']),
    });
  }
  if (viewer === 'public') await removeHiddenReferences(q, changes);
  const last = page.at(-1);
  const cursor = last ? Number(last.version) : since;
  let remaining = 0;
  if (more) {
    const [count] = await q.query<{ n: number }>(REMAINING_SQL[viewer], [cursor]);
    remaining = Number(count?.n ?? 0);
  }
  return { changes, cursor: String(cursor), more, remaining };
}
