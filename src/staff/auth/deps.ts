/**
 * Everything the sign-in and account routes need, built from the server context.
 * The per-network throttle gets its own PrismaQueryAttemptStore with its own policy
 * (the store's shared instance carries the citizens' query-code policy).
 */
import type { LoginDeps } from '../../app/login-staff.ts';
import type { StaffAdminDeps, TwoFactorDeps } from '../../app/staff-accounts/ports.ts';
import type { AuthDeps } from '../../app/authenticate-staff.ts';
import type { ChannelContext } from '../../channels/channel.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { PrismaQueryAttemptStore } from '../../store/prisma/query-attempts.ts';
import { argon2Hasher } from '../password-hasher.ts';
import { LoginThrottle } from './ip-throttle.ts';
import { LOGIN_IP_POLICY } from '../../ports/follow-up-ports.ts';
import { totpTwoFactor } from './two-factor.ts';

export interface StaffAuthDeps extends LoginDeps, AuthDeps, TwoFactorDeps, StaffAdminDeps {
  county: CountyConfig;
  throttle: LoginThrottle;
  secureCookies: boolean;
}

export function staffAuthDeps({ core, cfg }: ChannelContext): StaffAuthDeps {
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
    throttle: new LoginThrottle(new PrismaQueryAttemptStore(store.handle.prisma, LOGIN_IP_POLICY)),
    secureCookies: cfg.production,
  };
}
