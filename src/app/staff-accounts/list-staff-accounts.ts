/** The admin's list of staff accounts: no secrets, no hashes. */
import { AppError } from '../../domain/errors.ts';
import type { StaffRole } from '../../domain/county/schema.ts';
import type { StaffRepository } from '../../ports/staff-ports.ts';
import type { StaffPrincipal } from './staff-principal.ts';

export interface StaffAccountView {
  username: string;
  displayName: string | null;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  villages: string[];
  totpEnabled: boolean;
  disabled: boolean;
  locked: boolean;
  createdAt: Date;
}

/** `actor` null: the operator at the server's shell (the CLI). */
export async function listStaffAccounts(deps: { staff: StaffRepository }, actor: StaffPrincipal | null, now: Date): Promise<StaffAccountView[]> {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'only an admin may list staff');
  return (await deps.staff.list()).map((a) => ({
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    unit: a.unit,
    township: a.township,
    villages: a.villages ?? [],
    totpEnabled: a.totpEnabled,
    disabled: a.disabled,
    locked: !!a.lockedUntil && a.lockedUntil > now,
    createdAt: a.createdAt,
  }));
}
