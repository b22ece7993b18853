/**
 * What the staff account use cases are given: the second factor's dependencies with the
 * county's TOTP policy, the admin's, and the password length rule.
 */
import type { StaffRole } from '../../domain/county/schema.ts';
import type { AuditLog } from '../../ports/audit-ports.ts';
import type { StaffRepository, StaffSessionRepository, PasswordHasher, TwoFactor } from '../../ports/staff-ports.ts';
import type { Clock } from '../../ports/clock.ts';

export interface TwoFactorDeps {
  staff: StaffRepository;
  audit: AuditLog;
  clock: Clock;
  twoFactor: TwoFactor;
  /** The county config's `roles[].requireTotp`. */
  totpRequired(role: StaffRole): boolean;
}

export interface StaffAdminDeps {
  staff: StaffRepository;
  sessions: StaffSessionRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
  clock: Clock;
}

/** Passwords chosen by people: at least this long (generated ones are longer). */
export const MIN_PASSWORD_LENGTH = 10;
