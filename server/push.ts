import {
  ANONYMOUS_TABLES,
  authorizeMutation,
  type CurrentRecord,
  checkMutation,
  type FieldConflict,
  type FieldError,
  mergeMutation,
  type PushResponse,
  type PushResult,
  type Role,
  unknownReference,
  validateRecord,
} from '../protocol';
import { isTableName, newReferences, type TableName } from '../src/model';
import { type AuditAction, withOrigins, writeAudit } from './audit';
import type { Db, TxQueryable } from './db';
import { type ChangeNotice, latestVersion, noticeSince, notifyChange } from './notify';
import { lockVersions, upsertRecords } from './records';
import { missingReferences } from './references';

export interface PushActor {
  userId: number;
  email: string;
  role: Role;
}

export interface PushEnvelopeInput {
  clientId: string;
  mutations: readonly { mutationId: string }[];
}

export interface PushOutcome {
  response: PushResponse;
  /** Set when something pullable was written (already NOTIFYed inside the transaction). */
  notice: ChangeNotice | null;
}

interface StoredRow {
  data: Record<string, unknown>;
  version: string | number | bigint;
  deleted: boolean;
  /** The last write of the record itself; `version` also moves when its offer's visibility changes. */
  content_version: string | number | bigint;
}

type Decided = Omit<PushResult, 'status'> & { status: 'applied' | 'conflict' | 'rejected' };

function rejected(
  mutationId: string,
  errors: FieldError[],
  conflicts: FieldConflict[] = [],
): Decided {
  return {
    mutationId,
    status: 'rejected',
    errors,
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
}

/** Raw client strings for bookkeeping columns: text columns refuse NUL and lone surrogates. */
function str(x: unknown, max: number): string | null {
  if (typeof x !== 'string') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing NUL is the point
  return x.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD').slice(0, max);
}

/**
 * Applies a push in ONE transaction. It first takes the version lock (server/records.ts),
 * which serialises it against every other writer on every instance; so "was this
 * (clientId, mutationId) processed?" and "record it as processed" cannot interleave with
 * a parallel delivery of the same push: the second one waits, then answers `duplicate`.
 * Mutations are applied in order, each seeing the ones before it. Any unexpected error
 * rolls the whole request back (nothing applied, nothing recorded), so a retry is safe.
 */
export async function processPush(
  db: Db,
  actor: PushActor,
  envelope: PushEnvelopeInput,
): Promise<PushOutcome> {
  return db.tx(async (q) => {
    await lockVersions(q);
    const before = await latestVersion(q, 'internal');
    const results: PushResult[] = [];
    const now = new Date().toISOString();

    for (const raw of envelope.mutations) {
      const mutationId = raw.mutationId;
      const [prior] = await q.query<{ result: Decided }>(
        'select result from processed_mutations where client_id = $1 and mutation_id = $2',
        [envelope.clientId, mutationId],
      );
      if (prior) {
        const { status, ...rest } = prior.result;
        results.push({ ...rest, mutationId, status: 'duplicate', originalStatus: status });
        continue;
      }

      const { result } = await applyOne(q, actor, envelope.clientId, raw, now);
      const r = raw as Record<string, unknown>;
      const anonymous = isTableName(r.table) && ANONYMOUS_TABLES.has(r.table);
      await q.query(
        `insert into processed_mutations
           (client_id, mutation_id, user_id, table_name, record_id, status, result)
         values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)`,
        [
          envelope.clientId,
          mutationId,
          anonymous ? null : actor.userId,
          str(r.table, 100),
          str(r.id, 100),
          result.status,
          JSON.stringify(result),
        ],
      );
      results.push(result);
    }

    const notice = await noticeSince(q, before);
    if (notice) await notifyChange(q, notice);
    return { response: { results }, notice };
  });
}

/**
 * Did anyone but `clientId` write the record after `baseVersion`? Every push write leaves
 * audit rows carrying its client id and version, so a client's own earlier mutations (an
 * edit, then a delete, both queued offline) do not count against it. A latest version
 * without audit rows came from a writer outside push (seed, import): counted as foreign.
 */
async function changedByOthers(
  q: TxQueryable,
  table: TableName,
  id: string,
  baseVersion: number,
  currentVersion: number,
  clientId: string,
): Promise<boolean> {
  const [row] = await q.query<{ by_others: boolean; audited: boolean }>(
    `select
       exists (select 1 from audit_log
                where table_name = $1 and record_id = $2::uuid and version > $3::bigint
                  and client_id is distinct from $4) as by_others,
       exists (select 1 from audit_log
                where table_name = $1 and record_id = $2::uuid and version = $5::bigint) as audited`,
    [table, id, baseVersion, clientId, currentVersion],
  );
  return !row || row.by_others || !row.audited;
}

interface Applied {
  result: Decided;
}

async function applyOne(
  q: TxQueryable,
  actor: PushActor,
  clientId: string,
  raw: { mutationId: string },
  now: string,
): Promise<Applied> {
  const mutationId = raw.mutationId;
  const checked = checkMutation(raw);
  if (!checked.ok) return { result: rejected(mutationId, checked.errors) };
  const m = checked.mutation;

  const [row] = await q.query<StoredRow>(
    `select data, version, deleted, coalesce(content_version, version) as content_version
       from records
      where table_name = $1 and id = $2::uuid`,
    [m.table, m.id],
  );
  const current: CurrentRecord | null = row
    ? { ...row.data, version: Number(row.version), deleted: row.deleted }
    : null;

  const denied = authorizeMutation(actor.role, m.table, m.op, current !== null);
  if (denied) return { result: rejected(mutationId, [denied]) };

  const contentVersion = row ? Number(row.content_version) : 0;
  const concurrent =
    current !== null && contentVersion > m.baseVersion
      ? await changedByOthers(q, m.table, m.id, m.baseVersion, contentVersion, clientId)
      : false;
  const merge = mergeMutation(current, m, { concurrent });
  merge.conflicts = await withOrigins(q, actor.role, m.table, m.id, merge.conflicts);
  const conflicts = merge.conflicts.length > 0 ? { conflicts: merge.conflicts } : {};
  const status = merge.conflicts.length > 0 ? 'conflict' : 'applied';
  if (!merge.next) {
    return {
      result: {
        mutationId,
        status,
        ...(current ? { version: current.version } : {}),
        ...conflicts,
      },
    };
  }

  const anonymous = ANONYMOUS_TABLES.has(m.table);
  const author = anonymous ? null : actor.email;
  const valid = validateRecord(m.table, { ...merge.next, updated_at: now, updated_by: author });
  if (!valid.ok) return { result: rejected(mutationId, valid.errors, merge.conflicts) };
  if (!merge.next.deleted) {
    const before = current && !current.deleted ? current : null;
    const next = valid.record as Record<string, unknown>;
    const missing = await missingReferences(q, newReferences(m.table, before, next));
    if (missing.length > 0) {
      return { result: rejected(mutationId, missing.map(unknownReference), merge.conflicts) };
    }
  }

  const [stored] = await upsertRecords(q, m.table, [valid.record], author);
  if (!stored) throw new Error('upsert returned nothing');
  if (!anonymous) {
    const after = stored as unknown as Record<string, unknown>;
    const action: AuditAction =
      current === null
        ? 'create'
        : stored.deleted
          ? 'delete'
          : current.deleted
            ? 'restore'
            : 'update';
    await writeAudit(q, {
      actor: actor.email,
      table: m.table,
      id: m.id,
      version: stored.version,
      action,
      before: current,
      after,
      clientId,
      mutationId,
    });
  }
  return {
    result: { mutationId, status, version: stored.version, ...conflicts },
  };
}
