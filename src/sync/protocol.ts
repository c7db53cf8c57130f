/**
 * The push protocol, shared by the PWA and the server. Runtime-neutral on purpose (no DOM, no
 * Node): the server decides with exactly the code the client uses to rebase and to show
 * errors, so the two can never disagree about what a merge or a valid record is.
 *
 * Wire format (documented for other clients in README, "Sync-Protokoll"):
 *
 *   POST /api/sync/push   Authorization: Bearer <token>
 *   { clientId, mutations: [{ mutationId, table, id, op, baseVersion,
 *                             fields: { <field>: { base, value } } }] }
 *   → { results: [{ mutationId, status, version?, conflicts?, errors?, originalStatus? }] }
 *
 * Deliberate handling of the unexpected (each becomes a `rejected` result for that one
 * mutation, never a failed request, so one bad outbox entry cannot block the others):
 * - unknown table            → error { field: 'table', code: 'unknown_table' }
 * - id that is not a UUID    → error { field: 'id', code: 'invalid_id' }
 * - unknown field            → error { field, code: 'unknown_field' }. Non-strict zod objects
 *                              would silently strip it, so the client would believe an edit
 *                              arrived that the server threw away (`__proto__` included).
 * - server-managed field     → error { field, code: 'read_only' } for id, version,
 *   (SERVER_FIELDS)            updated_at, updated_by, deleted: the server sets them; a
 *                              delete is `op: 'delete'`.
 * - value nested too deep    → error { field, code: 'too_deep' } / 'too_large' (checked before
 *   or too large               anything else looks at the value: MAX_VALUE_DEPTH/_CHARS)
 * - NUL / lone surrogate     → error { field, code: 'invalid_characters' } (PostgreSQL cannot
 *                              store them)
 * - reference to a record   → error { field, code: 'unknown_reference' } unless an earlier
 *   that is missing/deleted    mutation of the same push created it (checked by the server)
 * - not allowed for the role → error { field: '', code: 'forbidden' | 'append_only' }
 * - malformed mutation       → errors with the zod issue codes (field path, German message)
 * Only an envelope that is not `{ clientId, mutations: [...] }` fails the whole request (400).
 */
import { de } from 'zod/locales';
import * as z from 'zod/mini';
import { isTableName, type Reference, TABLE_SCHEMAS, type TableName } from '../model';
import { hasRole, ROLES } from './roles';
import { norm, sameValue } from './sameValue';

export { sameValue };

// ---------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------

export { hasRole, ROLES } from './roles';
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * NUL and unpaired UTF-16 surrogates survive JSON.parse but PostgreSQL text/jsonb refuses
 * them. They are never meaningful text, so they are refused up front (code
 * 'invalid_characters') instead of failing a whole transaction later.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const BAD_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting of a field value (`[1]` is 1). Records hold scalars and flat lists. */
export const MAX_VALUE_DEPTH = 10;
/** Largest field value, in characters of its JSON text. The longest text field has 8,000. */
export const MAX_VALUE_CHARS = 65_536;

export type ValueProblem = 'too_deep' | 'too_large' | 'invalid_characters';

/**
 * What makes a JSON value unfit to look at any further, or null. It walks with its own
 * stack and stops at the first bound it crosses, so a 10,000-deep or megabyte-sized value
 * costs almost nothing and never reaches code that recurses (JSON.stringify, sameValue) or
 * PostgreSQL. Every string and key within the bounds is checked for BAD_CHARS.
 */
export function valueProblem(value: unknown): ValueProblem | null {
  let chars = 0;
  let badChars = false;
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    if (typeof v === 'string') {
      chars += v.length + 2;
      badChars ||= BAD_CHARS.test(v);
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_VALUE_DEPTH) return 'too_deep';
      chars += 2;
      if (Array.isArray(v)) {
        chars += v.length;
        if (chars > MAX_VALUE_CHARS) return 'too_large';
        for (const x of v) stack.push([x, depth + 1]);
      } else {
        for (const [k, x] of Object.entries(v)) {
          chars += k.length + 4;
          badChars ||= BAD_CHARS.test(k);
          if (chars > MAX_VALUE_CHARS) return 'too_large';
          stack.push([x, depth + 1]);
        }
      }
    } else {
      chars += String(v).length;
    }
    if (chars > MAX_VALUE_CHARS) return 'too_large';
  }
  return badChars ? 'invalid_characters' : null;
}

const cleanString = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !BAD_CHARS.test(s), 'Unzulässige Steuerzeichen'),
  );

export const LoginRequest = z.object({
  email: cleanString(320),
  password: cleanString(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  email: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** `expiresAt` (ISO) is informative; the server may also end a session earlier (logout). */
export const LoginResponse = z.object({
  token: z.string(),
  user: SessionUser,
  expiresAt: z.optional(z.string()),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** GET /api/auth/me */
export const MeResponse = z.object({ user: SessionUser, expiresAt: z.optional(z.string()) });
export type MeResponse = z.infer<typeof MeResponse>;

// ---------------------------------------------------------------------------------------
// Push request / response
// ---------------------------------------------------------------------------------------

/** Clients send at most this many mutations per request; more → split into batches. */
export const MAX_MUTATIONS_PER_PUSH = 200;
/** Request body limit of /api/sync/push (bytes); larger bodies get 413. */
export const MAX_PUSH_BYTES = 1_000_000;

/** Fields the server manages itself; a mutation may not set them (code 'read_only'). */
export const SERVER_FIELDS = ['id', 'version', 'updated_at', 'updated_by', 'deleted'] as const;
const SERVER_FIELD_SET: ReadonlySet<string> = new Set(SERVER_FIELDS);

/** Printable ASCII (a UUID is typical): these ids are stored and echoed verbatim. */
const opaqueId = z
  .string()
  .check(z.regex(/^[\x21-\x7e]{1,200}$/, '1 bis 200 sichtbare ASCII-Zeichen erwartet'));

/** `base`: the value the client last saw (null/absent for a new record); `value`: the new one. */
export const FieldChange = z.object({
  base: z.optional(z.unknown()),
  value: z.optional(z.unknown()),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const MutationOp = z.enum(['upsert', 'delete']);
export type MutationOp = z.infer<typeof MutationOp>;

export const Mutation = z.object({
  /** Unique per client (a UUID); (clientId, mutationId) makes a push idempotent. */
  mutationId: opaqueId,
  /** A name from TABLE_SCHEMAS; kept a string here so an unknown one is a per-mutation error. */
  table: z.string().check(z.maxLength(100)),
  id: z.string().check(z.maxLength(100)),
  op: MutationOp,
  /** Server version the client's copy is based on; 0 = the client has never seen the record. */
  baseVersion: z.int().check(z.nonnegative()),
  /** Changed fields only. For `delete` it may be empty. */
  fields: z._default(z.record(z.string().check(z.maxLength(100)), FieldChange), {}),
});
export type Mutation = z.infer<typeof Mutation>;
/** What a client builds (fields may be omitted for a delete). */
export type MutationInput = z.input<typeof Mutation>;

export const PushRequest = z.object({
  clientId: opaqueId,
  mutations: z.array(Mutation).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * What the server accepts before looking at single mutations: each mutation needs only a
 * mutationId to be answered; everything else is checked per mutation (→ `rejected`).
 */
export const PushEnvelope = z.object({
  clientId: opaqueId,
  mutations: z
    .array(z.looseObject({ mutationId: opaqueId }))
    .check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});

export const FieldConflict = z.object({
  field: z.string(),
  /** Current server value (null when absent). */
  server: z.unknown(),
  /** The value the client wanted. */
  client: z.unknown(),
  /** The value the client's edit was based on. */
  base: z.unknown(),
  /** Who wrote the server value (e-mail; for coordinators only) and when, if known. */
  by: z.optional(z.string()),
  at: z.optional(z.string()),
});
export type FieldConflict = z.infer<typeof FieldConflict>;

/**
 * A machine-readable error: `field` is a dotted path ('' = the record or the mutation),
 * `code` a stable identifier (zod issue codes plus the ones in this file), `message` German.
 */
export const FieldError = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const PushStatus = z.enum(['applied', 'duplicate', 'conflict', 'rejected']);
export type PushStatus = z.infer<typeof PushStatus>;

/**
 * - applied:   every field is now on the server; `version` = the record's version after it
 *              (unchanged when nothing had to change).
 * - conflict:  `conflicts` lists fields changed on both sides (nothing of them overwritten);
 *              the other fields of the mutation WERE applied, `version` is the new version.
 *              Delete against a concurrent edit, or edit against a concurrent delete, is a
 *              conflict on the field 'deleted'.
 * - rejected:  nothing applied; `errors` say why (validation, authorisation, unknown …).
 * - duplicate: this (clientId, mutationId) was processed before; nothing changed now. The
 *              original outcome is repeated: `originalStatus`, `version`, `conflicts`, `errors`.
 */
export const PushResult = z.object({
  mutationId: z.string(),
  status: PushStatus,
  version: z.optional(z.number()),
  conflicts: z.optional(z.array(FieldConflict)),
  errors: z.optional(z.array(FieldError)),
  originalStatus: z.optional(z.enum(['applied', 'conflict', 'rejected'])),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/** One server-sent event on GET /api/sync/events: `event: version`, data `{ version }`. */
export const VersionEvent = z.object({ version: z.number() });
export type VersionEvent = z.infer<typeof VersionEvent>;

// ---------------------------------------------------------------------------------------
// Validation (same schemas, German messages, machine-readable codes)
// ---------------------------------------------------------------------------------------

// Built on first use: the start bundle imports this module for the push client and must not
// carry the German zod messages, which only validation (editor, server) needs.
let germanErrorMap: ReturnType<typeof de>['localeError'] | undefined;
const germanErrors = () => {
  germanErrorMap ??= de().localeError;
  return germanErrorMap;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map((p) => shown(String(p)))]
      .filter((p) => p !== '')
      .join('.');
    if (issue.code === 'unrecognized_keys') {
      // One error per key, so a form can mark the right field.
      for (const rawKey of issue.keys) {
        const key = shown(rawKey);
        out.push({
          field: path ? `${path}.${key}` : key,
          code: 'unknown_field',
          message: `Unbekanntes Feld „${key}“`,
        });
      }
      continue;
    }
    // A refinement may name its own stable code (src/model: 'invalid_characters').
    const own = issue.code === 'custom' ? issue.params?.code : undefined;
    out.push({
      field: path,
      code: typeof own === 'string' ? own : issue.code,
      message: issue.message,
    });
  }
  return out;
}

export type ValidateResult<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };

/** Validates a whole record with its table's schema (defaults filled in). */
export function validateRecord(table: TableName, data: unknown): ValidateResult<unknown> {
  const result = TABLE_SCHEMAS[table].safeParse(data, { error: germanErrors() });
  return result.success
    ? { ok: true, record: result.data }
    : { ok: false, errors: issuesToErrors(result.error.issues) };
}

/** Field names a mutation may set on `table`: the schema's keys minus SERVER_FIELDS. */
export function editableFields(table: TableName): string[] {
  return Object.keys(TABLE_SCHEMAS[table].shape).filter((k) => !SERVER_FIELD_SET.has(k));
}

export type CheckedMutation =
  | { ok: true; mutation: Mutation & { table: TableName } }
  | {
      ok: false;
      errors: FieldError[];
    };

/** For echoing client-chosen names in messages: control characters replaced, bounded. */
function shown(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
  return name.replace(/[\u0000-\u001f\u007f\uD800-\uDFFF]/g, '\uFFFD').slice(0, 100);
}

const VALUE_MESSAGES: Record<ValueProblem, string> = {
  too_deep: `Der Wert ist zu tief verschachtelt (höchstens ${MAX_VALUE_DEPTH} Ebenen)`,
  too_large: `Der Wert ist zu groß (höchstens ${MAX_VALUE_CHARS} Zeichen)`,
  invalid_characters: 'Enthält unzulässige Steuerzeichen (z. B. NUL)',
};

/**
 * The own entries of the raw `fields` object with what is wrong with their `base` or
 * `value`. Read from the parsed JSON, not from zod's output: JSON.parse keeps `__proto__`
 * as an own key, while assigning it into a fresh object (as a record schema does) would
 * drop it silently, and the edit would be answered `applied`.
 */
function rawFields(raw: unknown): { field: string; problem: ValueProblem | null }[] {
  const fields = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'fields') : undefined;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return [];
  return Object.entries(fields).map(([field, change]) => {
    const parts =
      typeof change === 'object' && change !== null
        ? [Reflect.get(change, 'base'), Reflect.get(change, 'value')]
        : [];
    const problems = parts.map(valueProblem);
    const problem =
      problems.find((p) => p === 'too_deep' || p === 'too_large') ??
      problems.find((p) => p !== null) ??
      null;
    return { field, problem };
  });
}

/**
 * Shape check of one mutation as it came over the wire: bounded field values first (so that
 * nothing later walks a hostile one), then the envelope, a known table, a UUID id, and only
 * editable fields. Values themselves are checked after merging (validateRecord), because a
 * partial edit is only meaningful against the whole record.
 */
export function checkMutation(raw: unknown): CheckedMutation {
  const fields = rawFields(raw);
  const unbounded = fields.filter((f) => f.problem === 'too_deep' || f.problem === 'too_large');
  if (unbounded.length > 0) {
    return {
      ok: false,
      errors: unbounded.map(({ field, problem }) => ({
        field: shown(field),
        code: problem as ValueProblem,
        message: VALUE_MESSAGES[problem as ValueProblem],
      })),
    };
  }
  const parsed = Mutation.safeParse(raw, { error: germanErrors() });
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const m = parsed.data;
  if (!isTableName(m.table)) {
    return {
      ok: false,
      errors: [
        {
          field: 'table',
          code: 'unknown_table',
          message: `Unbekannte Tabelle „${shown(m.table)}“`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  if (!UUID.test(m.id)) {
    errors.push({ field: 'id', code: 'invalid_id', message: 'Die ID muss eine UUID sein' });
  }
  const known = new Set(editableFields(m.table));
  for (const { field, problem } of fields) {
    if (SERVER_FIELD_SET.has(field)) {
      errors.push({
        field,
        code: 'read_only',
        message: `Das Feld „${field}“ setzt der Server`,
      });
    } else if (!known.has(field)) {
      const name = shown(field);
      errors.push({ field: name, code: 'unknown_field', message: `Unbekanntes Feld „${name}“` });
    } else if (problem) {
      errors.push({ field, code: problem, message: VALUE_MESSAGES[problem] });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, mutation: m as Mutation & { table: TableName } };
}

const MISSING_TARGET: { readonly [T in TableName]?: string } = {
  organizations: 'Den gewählten Träger gibt es nicht (mehr)',
  locations: 'Den gewählten Ort gibt es nicht (mehr)',
  services: 'Das gewählte Angebot gibt es nicht (mehr)',
};

/** The error for a reference to a record that does not exist or was deleted. */
export function unknownReference(ref: Reference): FieldError {
  return {
    field: ref.field,
    code: 'unknown_reference',
    message: MISSING_TARGET[ref.table] ?? 'Der verknüpfte Eintrag existiert nicht (mehr)',
  };
}

// ---------------------------------------------------------------------------------------
// Authorisation (pure, so the UI can hide what the server would refuse)
// ---------------------------------------------------------------------------------------

/** Referrals are append-only: created once, never changed or deleted (not even by admins). */
export const APPEND_ONLY_TABLES: ReadonlySet<TableName> = new Set(['referrals']);

/**
 * Referrals are anonymous (DSGVO): the server keeps no person with them. They are stored
 * without `updated_by`, leave no audit rows and have no history to read back, because the
 * worker's e-mail next to date, offer and Quartier would make an anonymous referral personal.
 */
export const ANONYMOUS_TABLES: ReadonlySet<TableName> = new Set(['referrals']);

/**
 * May `role` apply `op` to a record of `table` that does (`exists`) or does not exist yet?
 * Returns null when allowed, otherwise the error to report. A coordinator (and an admin)
 * changes every table except that referrals are append-only; a worker may only add
 * referrals; without a role nothing may be pushed.
 */
export function authorizeMutation(
  role: Role | null | undefined,
  table: TableName,
  op: MutationOp,
  exists: boolean,
): FieldError | null {
  if (!role) {
    return { field: '', code: 'unauthenticated', message: 'Bitte zuerst anmelden' };
  }
  if (APPEND_ONLY_TABLES.has(table)) {
    if (op === 'upsert' && !exists && hasRole(role, 'worker')) return null;
    return {
      field: '',
      code: 'append_only',
      message: 'Verweise können nur neu angelegt, nicht geändert oder gelöscht werden',
    };
  }
  if (hasRole(role, 'coordinator')) return null;
  return {
    field: '',
    code: 'forbidden',
    message: 'Diese Änderung ist nur Koordinator*innen erlaubt',
  };
}

// ---------------------------------------------------------------------------------------
// Field-level merge
// ---------------------------------------------------------------------------------------

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
 *   equals `value`: both sides made the same edit); otherwise a conflict, left untouched.
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
    if (sameValue(server, change.value)) {
      applied.push(field);
    } else if (sameValue(server, change.base)) {
      next[field] = change.value;
      applied.push(field);
      changed = true;
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

/** The fields whose value differs between two versions of a record (for the audit trail). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  ignore: ReadonlySet<string> = new Set(['id', 'version', 'updated_at', 'updated_by']),
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !ignore.has(k) && !sameValue(before?.[k], after[k]));
}
