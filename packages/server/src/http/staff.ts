import { AppError, roleAllows, type Role } from '@snowstage/protocol';
import type { Auth } from '../auth.js';

/**
 * Checks a bearer token for a staff role: no token → 401, a viewer's or an unknown token → 403,
 * a moderator where an operator is needed → 403. Returns the role.
 */
export function requireStaff(auth: Auth, token: string | undefined, needed: Exclude<Role, 'viewer'>): Exclude<Role, 'viewer'> {
  if (!token) throw new AppError('UNAUTHORIZED', 'an operator or moderator token is required');
  const role = auth.staffRole(token);
  if (!role || !roleAllows(role, needed)) throw new AppError('FORBIDDEN', `needs the ${needed} role`);
  return role;
}
