/**
 * What staff account use cases need beyond the store: the second factor (TOTP and
 * recovery codes, implemented in src/staff/auth) and the county's TOTP policy.
 */
import type { StaffRole } from '../../domain/county/schema.ts';
import type { AuditLog, StaffRepository, StaffSessionRepository } from '../../ports/store-ports.ts';
import type { Clock, PasswordHasher } from '../ports.ts';

export interface TwoFactor {
  /** A new random base32 TOTP secret. */
  newSecret(): string;
  /** The otpauth:// URI of a secret, for an authenticator app. */
  keyUri(secret: string, username: string): string;
  /** The time step a code matches near `at`, or null (it does not check reuse). */
  matchStep(secret: string, code: string, at: Date): number | null;
  /** Fresh plain recovery codes, shown once. */
  newRecoveryCodes(): string[];
  /** The stored hash of a recovery code for one account; null when it cannot be one. */
  hashRecoveryCode(staffId: string, code: string): string | null;
  /** Encrypts the secret at rest, and back. */
  seal(secret: string): string;
  open(sealed: string): string;
}

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
