/**
 * Everything the sign-in and account routes need, built from the staff context.
 * The per-network throttle uses the store's login attempts (LOGIN_IP_POLICY), not the
 * citizens' query-code attempts (QUERY_LOCKOUT).
 */
import type { LoginDeps } from '../../app/staff-accounts/login-staff.ts';
import type { StaffAdminDeps, TwoFactorDeps } from '../../app/staff-accounts/staff-account-deps.ts';
import type { AuthDeps } from '../../app/staff-accounts/authenticate-staff.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import type { StaffContextOf } from '../staff-routers.ts';
import { argon2Hasher } from '../password-hasher.ts';
import { LoginThrottle } from './ip-throttle.ts';
import { totpTwoFactor } from './two-factor.ts';

export interface StaffAuthDeps extends LoginDeps, AuthDeps, TwoFactorDeps, StaffAdminDeps {
  county: CountyConfig;
  throttle: LoginThrottle;
  secureCookies: boolean;
}

export function staffAuthDeps({ core, cfg }: Pick<StaffContextOf<'staff' | 'sessions' | 'audit' | 'cipher' | 'loginAttempts'>, 'core' | 'cfg'>): StaffAuthDeps {
  const { store, county, clock } = core;
  return {
    staff: store.staff,
    sessions: store.sessions,
    audit: store.audit,
    hasher: argon2Hasher,
    clock,
    county,
    twoFactor: totpTwoFactor(store.cipher, `Xinfang ${county.county.name.en}`),
    totpRequired: (role) => county.roles.some((r) => r.code === role && r.requireTotp),
    throttle: new LoginThrottle(store.loginAttempts),
    secureCookies: cfg.production,
  };
}
