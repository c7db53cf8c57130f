/**
 * The push wire format: zod schemas of the request, the mutation and the results.
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
import * as z from 'zod/mini';
import type { ValidationKey } from './messages';

/** Clients send at most this many mutations per request; more → split into batches. */
export const MAX_MUTATIONS_PER_PUSH = 200;
/** Request body limit of /api/sync/push (bytes); larger bodies get 413. */
export const MAX_PUSH_BYTES = 1_000_000;

/** Fields the server manages itself; a mutation may not set them (code 'read_only'). */
export const SERVER_FIELDS = ['id', 'version', 'updated_at', 'updated_by', 'deleted'] as const;
export const SERVER_FIELD_SET: ReadonlySet<string> = new Set(SERVER_FIELDS);

/** Printable ASCII (a UUID is typical): these ids are stored and echoed verbatim. */
const opaqueId = z
  .string()
  .check(z.regex(/^[\x21-\x7e]{1,200}$/, 'opaqueId' satisfies ValidationKey));

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
  /** German, for API clients and logs; a client shows `key` in its UI language. */
  message: z.string(),
  /** Message key in the catalogues' `validation` messages (protocol/messages.ts). */
  key: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
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
