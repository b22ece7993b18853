/**
 * Sets a new generated password (returned once, never stored in plain text), lifts a
 * lock and ends every session of the account. For operators (CLI) and admins.
 */
import { AppError } from '../../domain/errors.ts';
import { generatePassword } from './bootstrap-staff.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import type { StaffAdminDeps } from './staff-account-deps.ts';

export async function resetStaffPassword(
  deps: StaffAdminDeps,
  actor: StaffPrincipal | null,
  username: string,
): Promise<{ username: string; password: string; sessionsEnded: number }> {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'only an admin may reset passwords');
  const account = await deps.staff.findByUsername(username);
  if (!account) throw new AppError('not_found', `no staff account "${username}"`);
  const password = generatePassword();
  await deps.staff.setPassword(account.id, await deps.hasher.hash(password));
  const sessionsEnded = await deps.sessions.deleteForStaff(account.id);
  await deps.audit.write({ actorId: actor?.id ?? null, action: 'staff.password_reset', target: account.username, reason: null, data: { sessionsEnded } });
  return { username: account.username, password, sessionsEnded };
}
