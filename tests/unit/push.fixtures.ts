import {
  type CurrentRecord,
  checkMutation,
  mergeMutation,
  type PushResult,
  validateRecord,
} from '../../protocol';
import type { Change, TableName } from '../../src/model';
import type { FetchLike } from '../../src/sync/pull';
import { response } from './sync.fixtures';

/**
 * An in-memory sync server for client tests: pull (versions as cursor) and push with the
 * shared merge rules (protocol/ mergeMutation + validateRecord) and idempotency by
 * (clientId, mutationId). Faults: lose the next response after commit, answer 401.
 */
export interface MemoryServer {
  fetch: FetchLike;
  records: Map<string, CurrentRecord & { id: string }>;
  /** Server-side edit (another coordinator). */
  edit(table: TableName, id: string, fields: Record<string, unknown>): number;
  remove(table: TableName, id: string): number;
  seed(table: TableName, record: Record<string, unknown> & { id: string }): number;
  /** Mutations the server committed, in order (replays not counted). */
  committed: string[];
  pushes: number;
  loseNextResponse(): void;
  expireToken(): void;
  /** Bearer tokens seen on requests. */
  tokens: (string | null)[];
}

export function memoryServer(): MemoryServer {
  let version = 0;
  const records = new Map<string, CurrentRecord & { id: string }>();
  const log: Change[] = [];
  const processed = new Map<string, PushResult>();
  const committed: string[] = [];
  let lose = false;
  let expired = false;
  const tokens: (string | null)[] = [];

  const key = (t: string, id: string) => `${t}/${id}`;
  function store(table: TableName, rec: Record<string, unknown> & { id: string }): number {
    version++;
    const stored = { ...rec, version, deleted: rec.deleted === true } as CurrentRecord & {
      id: string;
    };
    records.set(key(table, rec.id), stored);
    log.push({
      table,
      id: rec.id,
      version,
      deleted: stored.deleted,
      data: stored.deleted ? null : (stored as never),
    });
    return version;
  }

  function push(body: {
    clientId: string;
    mutations: Array<Record<string, unknown> & { mutationId: string }>;
  }) {
    const results: PushResult[] = [];
    for (const raw of body.mutations) {
      const idKey = `${body.clientId}/${raw.mutationId}`;
      const seen = processed.get(idKey);
      if (seen) {
        results.push({
          ...seen,
          status: 'duplicate',
          originalStatus: seen.status as 'applied',
        });
        continue;
      }
      const checked = checkMutation(raw);
      if (!checked.ok) {
        const r: PushResult = {
          mutationId: raw.mutationId,
          status: 'rejected',
          errors: checked.errors,
        };
        processed.set(idKey, r);
        results.push(r);
        continue;
      }
      const m = checked.mutation;
      const current = records.get(key(m.table, m.id)) ?? null;
      const merged = mergeMutation(current, m);
      let result: PushResult;
      if (merged.next) {
        const candidate = {
          ...merged.next,
          version: 0,
          updated_at: '2025-03-01T12:00:00Z',
          updated_by: null,
        };
        const valid = merged.next.deleted === true ? null : validateRecord(m.table, candidate);
        if (valid && !valid.ok) {
          result = { mutationId: m.mutationId, status: 'rejected', errors: valid.errors };
        } else {
          const v = store(
            m.table,
            (valid?.ok ? { ...(valid.record as object), deleted: false } : merged.next) as never,
          );
          committed.push(m.mutationId);
          result = merged.conflicts.length
            ? {
                mutationId: m.mutationId,
                status: 'conflict',
                version: v,
                conflicts: merged.conflicts,
              }
            : { mutationId: m.mutationId, status: 'applied', version: v };
        }
      } else if (merged.conflicts.length) {
        result = {
          mutationId: m.mutationId,
          status: 'conflict',
          version: current?.version ?? 0,
          conflicts: merged.conflicts,
        };
      } else {
        result = { mutationId: m.mutationId, status: 'applied', version: current?.version ?? 0 };
      }
      processed.set(idKey, result);
      results.push(result);
    }
    return { results };
  }

  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization ?? null;
    tokens.push(auth);
    if (url.pathname === '/api/sync/pull') {
      if (auth && expired) return response(401, { error: 'unauthorized' });
      const since = Number(url.searchParams.get('since') || 0);
      const changes = log.filter((c) => c.version > since).sort((a, b) => a.version - b.version);
      return response(200, {
        changes,
        cursor: String(changes.at(-1)?.version ?? since),
        more: false,
      });
    }
    if (url.pathname === '/api/sync/push') {
      if (expired) return response(401, { error: 'unauthorized' });
      server.pushes++;
      const out = push(JSON.parse(String(init?.body)));
      if (lose) {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return response(200, out);
    }
    throw new Error(`unexpected ${url.pathname}`);
  };

  const server: MemoryServer = {
    fetch,
    records,
    committed,
    pushes: 0,
    tokens,
    seed: (table, record) => store(table, record),
    edit(table, id, fields) {
      const cur = records.get(key(table, id));
      if (!cur) throw new Error('no such record');
      return store(table, { ...cur, ...fields, id });
    },
    remove(table, id) {
      const cur = records.get(key(table, id));
      if (!cur) throw new Error('no such record');
      return store(table, { ...cur, deleted: true });
    },
    loseNextResponse: () => {
      lose = true;
    },
    expireToken: () => {
      expired = true;
    },
  };
  return server;
}
