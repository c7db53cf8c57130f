/**
 * Who may push what. Pure, so the UI can hide what the server would refuse; the server
 * checks every mutation with it.
 */
import type { TableName } from '../src/model';
import { fieldError } from './messages';
import type { FieldError, MutationOp } from './push';
import { hasRole, type Role } from './roles';

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
    return fieldError('', 'unauthenticated', 'unauthenticated');
  }
  if (APPEND_ONLY_TABLES.has(table)) {
    if (op === 'upsert' && !exists && hasRole(role, 'worker')) return null;
    return fieldError('', 'append_only', 'appendOnly');
  }
  if (hasRole(role, 'coordinator')) return null;
  return fieldError('', 'forbidden', 'forbidden');
}
