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
 * A viewer's state: the highest version it can pull (one step down a version index), NULL
 * on an empty database. Every write that adds, changes or hides a row the viewer pulls
 * gives that row a new version above all committed ones (server/records.ts), so while the
 * state stays the same, so does everything the viewer can pull.
 */
const STATE: Record<Viewer, string> = {
  public: `(select max(s.version) from records s where ${PULLABLE.public('s')})`,
  internal: `(select max(s.version) from records s where ${PULLABLE.internal('s')})`,
};

/** The residents' state as column `v` (server/pull-cache.ts). */
export const PUBLIC_STATE_SQL = `select ${STATE.public} as v`;

/*
 * Residents see a row iff it was ever public (ever_public is set whenever a row is written
 * while residents may see it, and never cleared). Such a row arrives with its data while
 * residents may see it (server/visibility.ts: public and live, and so is its offer if it
 * belongs to one), otherwise as a tombstone. Never-public rows stay invisible altogether, so
 * not even their ids leak, nor do the ids in references to records residents cannot see
 * (removeHiddenReferences). `updated_by` may name a coordinator, so residents get null.
 * Each row also carries the state of the page's snapshot (computed once).
 */
const PUBLIC_SQL = `
  select r.table_name, r.id::text as id, r.version,
         not ${publicSql('r', 'p')} as gone,
         case when ${publicSql('r', 'p')} then r.data || '{"updated_by": null}'::jsonb
              else null end as data,
         ${STATE.public} as state
    from records r ${offerJoin('r', 'p')}
   where ${PULLED.public('r')}
   order by r.version
   limit $2::int`;

const INTERNAL_SQL = `
  select r.table_name, r.id::text as id, r.version, r.deleted as gone,
         case when r.deleted then null else r.data end as data,
         ${STATE.internal} as state
    from records r
   where ${PULLED.internal('r')}
   order by r.version
   limit $2::int`;

/** Exactly the rows the page query would return after cursor $1, and the state counted in. */
const COUNT_SQL: Record<Viewer, string> = {
  public: `select count(*)::int as n, ${STATE.public} as state from records r where ${PULLED.public('r')}`,
  internal: `select count(*)::int as n, ${STATE.internal} as state from records r where ${PULLED.internal('r')}`,
};

/*
 * Counting what is left after a cursor reads every row after it: about half a second for
 * the 240,000 records of 50,000 offers before VACUUM has marked the pages all-visible (the
 * internal count always reads the table). A sync asks page after page, so a count is kept
 * per database, viewer and state: the page after cursor c is exactly the pullable rows up
 * to its own cursor, so what is left after it is what was left after c minus the page.
 * One count per state and viewer, then none until the next write.
 */
interface Counts {
  state: number;
  after: Map<number, number>;
}
const counts = new WeakMap<Queryable, Partial<Record<Viewer, Counts>>>();
const MAX_COUNTS = 10_000;

async function remainingAfter(
  q: Queryable,
  viewer: Viewer,
  state: number,
  since: number,
  cursor: number,
  pageRows: number,
): Promise<number> {
  const byViewer = counts.get(q) ?? {};
  counts.set(q, byViewer);
  let memo = byViewer[viewer];
  if (!memo || memo.state !== state) {
    memo = { state, after: new Map() };
    byViewer[viewer] = memo;
  }
  const kept = memo;
  const remember = (n: number) => {
    if (kept.after.size >= MAX_COUNTS) kept.after.clear();
    kept.after.set(cursor, n);
    return n;
  };
  const before = memo.after.get(since);
  if (before !== undefined) return remember(Math.max(0, before - pageRows));
  const [row] = await q.query<{ n: number; state: string | number | null }>(COUNT_SQL[viewer], [
    cursor,
  ]);
  const n = Number(row?.n ?? 0);
  // Counted in a later snapshot: true now, but only kept if nothing was written since.
  return Number(row?.state ?? 0) === state ? remember(n) : n;
}

interface Row {
  table_name: string;
  id: string;
  version: string | number | bigint;
  gone: boolean;
  data: Record<string, unknown> | null;
  state: string | number | null;
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
  const remaining = more
    ? await remainingAfter(q, viewer, Number(last?.state ?? 0), since, cursor, page.length)
    : 0;
  return { changes, cursor: String(cursor), more, remaining };
}
