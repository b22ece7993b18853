/** Resolves a session token (cookie or bearer) to a principal; enforces expiry and idle timeout. */
import type { StaffRepository, StaffSessionRepository } from '../../ports/staff-ports.ts';
import { hashToken, LOGIN_POLICY } from './login-staff.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from './staff-principal.ts';

export interface AuthDeps {
  staff: StaffRepository;
  sessions: StaffSessionRepository;
  clock: Clock;
}

export interface StaffAuth {
  principal: StaffPrincipal;
  /** The session's CSRF token (cookie sessions); forms and scripts must echo it. */
  csrfToken: string | null;
  kind: 'cookie' | 'bearer';
  tokenHash: string;
}

export async function authenticateStaff(deps: AuthDeps, token: string): Promise<StaffPrincipal | null> {
  return (await authenticateSession(deps, token))?.principal ?? null;
}

export async function authenticateSession(deps: AuthDeps, token: string): Promise<StaffAuth | null> {
  if (!token || token.length > 200) return null;
  const key = hashToken(token);
  const s = await deps.sessions.find(key);
  const now = deps.clock.now();
  if (!s) return null;
  const idle = now.getTime() - s.lastSeenAt.getTime() > LOGIN_POLICY.idleMinutes * 60_000;
  if (s.expiresAt <= now || idle) {
    await deps.sessions.delete(key);
    return null;
  }
  const account = await deps.staff.findById(s.staffId);
  if (!account || account.disabled) return null;
  // Touch at most once a minute: idle tracking without a write per request.
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await deps.sessions.touch(key, now);
  const principal = { id: account.id, username: account.username, role: account.role, unit: account.unit, township: account.township, villages: account.villages ?? [] };
  return { principal, csrfToken: s.csrfToken, kind: s.kind, tokenHash: key };
}
