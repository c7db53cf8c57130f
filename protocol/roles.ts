/**
 * Roles and their order. No zod here: the navigation on the start page asks `canEdit`,
 * and the protocol's schemas must not ship with it.
 */

/** admin ⊇ coordinator ⊇ worker. Residents have no account (and no role). */
export const ROLES = ['admin', 'coordinator', 'worker'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { worker: 1, coordinator: 2, admin: 3 };

/** True when `role` has at least the rights of `atLeast`. */
export function hasRole(role: Role | null | undefined, atLeast: Role): boolean {
  return role != null && RANK[role] >= RANK[atLeast];
}

/** May this role use the editor? (The server checks every mutation again.) */
export function canEdit(role: Role | null | undefined): boolean {
  return hasRole(role, 'coordinator');
}
