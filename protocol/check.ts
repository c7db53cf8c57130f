/**
 * Checking what arrives: the shape of one mutation as it came over the wire, and a whole
 * record against its table's schema (the editor validates with the same function before
 * anything enters the outbox). Errors carry stable codes, message keys and German texts
 * (protocol/messages.ts).
 */
import type * as z from 'zod/mini';
import { isTableName, TABLE_SCHEMAS, type TableName } from '../src/model';
import { type ValueProblem, valueProblem } from './limits';
import { fieldError, issueKey, keyedErrors, valueError } from './messages';
import { type FieldError, Mutation, SERVER_FIELD_SET } from './push';

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
        out.push(
          fieldError(path ? `${path}.${key}` : key, 'unknown_field', 'unknownField', { name: key }),
        );
      }
      continue;
    }
    // A refinement may name its own stable code (src/model: 'invalid_characters').
    const own = issue.code === 'custom' ? issue.params?.code : undefined;
    const { key, params } = issueKey(issue);
    out.push(fieldError(path, typeof own === 'string' ? own : issue.code, key, params));
  }
  return out;
}

export type ValidateResult<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };

/** Validates a whole record with its table's schema (defaults filled in). */
export function validateRecord(table: TableName, data: unknown): ValidateResult<unknown> {
  const result = TABLE_SCHEMAS[table].safeParse(data, { error: keyedErrors });
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
      errors: unbounded.map(({ field, problem }) =>
        valueError(shown(field), problem as ValueProblem),
      ),
    };
  }
  const parsed = Mutation.safeParse(raw, { error: keyedErrors });
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const m = parsed.data;
  if (!isTableName(m.table)) {
    return {
      ok: false,
      errors: [fieldError('table', 'unknown_table', 'unknownTable', { name: shown(m.table) })],
    };
  }
  const errors: FieldError[] = [];
  if (!UUID.test(m.id)) {
    errors.push(fieldError('id', 'invalid_id', 'uuid'));
  }
  const known = new Set(editableFields(m.table));
  for (const { field, problem } of fields) {
    if (SERVER_FIELD_SET.has(field)) {
      errors.push(fieldError(field, 'read_only', 'readOnly', { field }));
    } else if (!known.has(field)) {
      const name = shown(field);
      errors.push(fieldError(name, 'unknown_field', 'unknownField', { name }));
    } else if (problem) {
      errors.push(valueError(field, problem));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, mutation: m as Mutation & { table: TableName } };
}
