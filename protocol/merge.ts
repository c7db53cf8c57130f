/**
 * Field-level merge of one mutation into the stored record: the rule that decides applied
 * or conflict, run by the server in its push transaction and by clients to rebase.
 */
import { type FieldConflict, type Mutation, SERVER_FIELD_SET } from './push';
import { norm, sameValue } from './sameValue';

/** A record as stored (server) or last pulled (client): its data plus version and deleted. */
export interface CurrentRecord {
  version: number;
  deleted: boolean;
  [field: string]: unknown;
}

export interface MergeOutcome {
  /**
   * The record to store (its `version`, `updated_at`, `updated_by` still to be set by the
   * server), or null when nothing changes.
   */
  next: Record<string, unknown> | null;
  /** Fields whose value the mutation decided (including ones that already had it). */
  applied: string[];
  /** Fields changed on both sides; not written. */
  conflicts: FieldConflict[];
}

function conflictOnDeleted(serverDeleted: boolean): FieldConflict {
  return { field: 'deleted', server: serverDeleted, client: !serverDeleted, base: false };
}

/**
 * Merges one mutation into the current record. Pure: the server runs it inside its push
 * transaction; a client can run it to rebase local state or in tests.
 *
 * upsert
 * - no record: created from the fields (bases ignored).
 * - live record: per field, applied when the current value still equals `base` (or already
 *   equals `value`: both sides made the same edit); a map (translations) whose entries
 *   changed on different sides is merged entry by entry (mergeByKey); otherwise a
 *   conflict, left untouched.
 * - tombstone: a conflict on 'deleted' (no silent resurrection) unless the client saw the
 *   delete (`baseVersion` at least the tombstone's version, or it deleted it itself) and
 *   restores on purpose; then the fields are applied over the last data.
 * delete
 * - applied unless someone else changed the record after `baseVersion`; then it is a
 *   conflict on 'deleted'. Deleting what is already gone, or was never there, changes
 *   nothing.
 *
 * "Someone else changed it after baseVersion" (`concurrent`) defaults to
 * `current.version > baseVersion`. That also counts the client's OWN earlier writes (an
 * edit and then a delete of the same record in one outbox), so the server passes a precise
 * answer from its audit trail: only writes by other clients count.
 *
 * SERVER_FIELDS in `fields` are ignored here; checkMutation rejects them before.
 */
export function mergeMutation(
  current: CurrentRecord | null,
  mutation: Pick<Mutation, 'id' | 'op' | 'baseVersion' | 'fields'>,
  options: { concurrent?: boolean } = {},
): MergeOutcome {
  const entries = Object.entries(mutation.fields).filter(([f]) => !SERVER_FIELD_SET.has(f));
  const concurrent =
    options.concurrent ?? (current !== null && current.version > mutation.baseVersion);

  if (mutation.op === 'delete') {
    if (current === null || current.deleted) return { next: null, applied: [], conflicts: [] };
    if (concurrent) return { next: null, applied: [], conflicts: [conflictOnDeleted(false)] };
    return { next: { ...current, deleted: true }, applied: ['deleted'], conflicts: [] };
  }

  if (current === null) {
    const next: Record<string, unknown> = { id: mutation.id };
    for (const [field, change] of entries) next[field] = change.value;
    return { next, applied: entries.map(([f]) => f), conflicts: [] };
  }

  if (current.deleted) {
    if (concurrent) return { next: null, applied: [], conflicts: [conflictOnDeleted(true)] };
    const next: Record<string, unknown> = { ...current, deleted: false };
    for (const [field, change] of entries) next[field] = change.value;
    return { next, applied: ['deleted', ...entries.map(([f]) => f)], conflicts: [] };
  }

  const next: Record<string, unknown> = { ...current };
  const applied: string[] = [];
  const conflicts: FieldConflict[] = [];
  let changed = false;
  for (const [field, change] of entries) {
    const server = current[field];
    const merged = sameValue(server, change.base)
      ? change.value
      : mergeByKey(change.base, server, change.value);
    if (sameValue(server, change.value)) {
      applied.push(field);
    } else if (merged !== undefined) {
      applied.push(field);
      if (!sameValue(server, merged)) {
        next[field] = merged;
        changed = true;
      }
    } else {
      conflicts.push({
        field,
        server: norm(server),
        client: norm(change.value),
        base: norm(change.base),
      });
    }
  }
  return { next: changed ? next : null, applied, conflicts };
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A map-valued field (translations, by language) changed on both sides: merged entry by
 * entry when no entry changed on both, so two coordinators translating one offer into
 * different languages both keep their work. Undefined when an entry conflicts or a side is
 * no map; then the whole field is the conflict, as for any other field.
 */
function mergeByKey(
  base: unknown,
  server: unknown,
  client: unknown,
): Record<string, unknown> | undefined {
  const b = norm(base) === null ? {} : base;
  if (!isMap(b) || !isMap(server) || !isMap(client)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(server), ...Object.keys(client)])) {
    const [was, theirs, ours] = [b[key], server[key], client[key]];
    let value: unknown;
    if (sameValue(ours, was) || sameValue(ours, theirs)) value = theirs;
    else if (sameValue(theirs, was)) value = ours;
    else return undefined;
    if (norm(value) !== null) out[key] = value;
  }
  return out;
}

/** The fields whose value differs between two versions of a record (for the audit trail). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  ignore: ReadonlySet<string> = new Set(['id', 'version', 'updated_at', 'updated_by']),
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !ignore.has(k) && !sameValue(before?.[k], after[k]));
}
