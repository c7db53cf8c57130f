import { hasRole, type Role } from './protocol';

/** May this role use the editor? (The server checks every mutation again.) */
export function canEdit(role: Role | null | undefined): boolean {
  return hasRole(role, 'coordinator');
}
