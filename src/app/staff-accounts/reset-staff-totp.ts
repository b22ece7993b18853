/**
 * Removes an account's TOTP and recovery codes when the authenticator and the codes
 * are both lost. The person enrols again at the next sign-in (if the role requires it)
 * or on the account page. Ends the account's sessions.
 */
import { AppError } from '../../domain/errors.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import type { StaffAdminDeps } from './staff-account-deps.ts';

export async function resetStaffTotp(deps: StaffAdminDeps, actor: StaffPrincipal | null, username: string): Promise<void> {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'only an admin may reset TOTP');
  const account = await deps.staff.findByUsername(username);
  if (!account) throw new AppError('not_found', `no staff account "${username}"`);
  await deps.staff.disableTotp(account.id);
  const sessionsEnded = await deps.sessions.deleteForStaff(account.id);
  await deps.audit.write({ actorId: actor?.id ?? null, action: 'staff.totp_reset', target: account.username, reason: null, data: { sessionsEnded } });
}
