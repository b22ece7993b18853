/**
 * Staff accounts and sessions as the use cases see them, the password hasher, and the
 * second factor (TOTP and recovery codes, implemented in src/staff/auth).
 */
import type { StaffRole } from '../domain/county/schema.ts';

export interface StaffAccountRecord {
  id: string;
  username: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  /** Grid workers: villages of their grid inside the township (empty or absent: all). */
  villages?: string[];
  displayName: string | null;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
  /** The TOTP secret sealed with the store's cipher; set while enrolling and once enabled. */
  totpSecretEnc: string | null;
  /** TOTP is enforced at sign-in once enrolment is confirmed. */
  totpEnabled: boolean;
  /** Keyed hashes of the unused recovery codes. */
  recoveryCodeHashes: string[];
  createdAt: Date;
}

export interface NewStaffAccount {
  username: string;
  passwordHash: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  displayName: string | null;
  villages?: string[];
}

export interface StaffRepository {
  findByUsername(username: string): Promise<StaffAccountRecord | null>;
  findById(id: string): Promise<StaffAccountRecord | null>;
  create(input: NewStaffAccount): Promise<StaffAccountRecord>;
  /** Like create, but null when the username is taken (also under a concurrent create). */
  createIfAbsent(input: NewStaffAccount): Promise<StaffAccountRecord | null>;
  /** Every account by username (a county has tens to hundreds; bounded at 1,000). */
  list(): Promise<StaffAccountRecord[]>;
  count(): Promise<number>;
  recordLoginFailure(id: string, lockUntil: Date | null): Promise<void>;
  /**
   * Reserves one proof-of-identity attempt before it is checked, in one statement: it
   * counts as a failure now (and locks the account when it reaches the limit), so N
   * concurrent attempts are checked at most as often as the limit allows. False, and
   * nothing counted, while the account is locked. A success resets the count
   * (recordLoginSuccess); an attempt that turned out not to be a failure gives its
   * count back (releaseLoginAttempt).
   */
  reserveLoginAttempt(id: string, now: Date, policy: LoginLockPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, policy: LoginLockPolicy): Promise<void>;
  /**
   * The same reservation for a username no account has, kept by `key` (query_attempts),
   * so an unknown name and an existing one answer alike — also once "locked".
   */
  reserveUnknownLogin(key: string, now: Date, policy: LoginLockPolicy): Promise<boolean>;
  recordLoginSuccess(id: string): Promise<void>;
  /** Also clears the failure count and any lock. */
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Stores a not yet confirmed TOTP secret; false when TOTP is already enabled. */
  setPendingTotp(id: string, secretEnc: string): Promise<boolean>;
  /**
   * Enables TOTP with its recovery code hashes, only if the pending secret is still
   * `secretEnc` and TOTP is not enabled yet (of two confirmations one wins).
   */
  enableTotp(id: string, secretEnc: string, recoveryCodeHashes: string[]): Promise<boolean>;
  /** Removes the secret and every recovery code. */
  disableTotp(id: string): Promise<void>;
  /** Removes one recovery code hash atomically; true only for the caller that removed it. */
  consumeRecoveryCode(id: string, codeHash: string): Promise<boolean>;
  /**
   * Records that a TOTP time step was used; true only when it is later than every
   * step used before by this account (a code works once, RFC 6238 §5.2).
   */
  claimTotpStep(id: string, step: number): Promise<boolean>;
}

/** Account lockout: `maxFailures` failed attempts lock the account for `lockMs`. */
export interface LoginLockPolicy {
  maxFailures: number;
  lockMs: number;
}

export interface StaffSessionRecord {
  staffId: string;
  kind: 'cookie' | 'bearer';
  csrfToken: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface StaffSessionRepository {
  create(tokenHash: string, s: StaffSessionRecord): Promise<void>;
  find(tokenHash: string): Promise<StaffSessionRecord | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of one account (password reset); returns how many. */
  deleteForStaff(staffId: string): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

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
