/**
 * One-time codes that bind a chat account to a grid worker: issued in the console by
 * an admin for any grid worker, or by a signed-in grid worker for themself. 8 digits,
 * valid 15 minutes, one use; only a keyed hash is stored; the issue is audited.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { GridBindingStore } from '../../ports/grid-ports.ts';
import type { StaffRepository } from '../../ports/staff-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export const LINK_CODE_MINUTES = 15;

export interface LinkCodeDeps {
  staff: Pick<StaffRepository, 'findByUsername' | 'list'>;
  bindings: Pick<GridBindingStore, 'saveLinkCode' | 'bindingCounts'>;
  clock: Clock;
}

export interface IssuedLinkCode {
  username: string;
  code: string;
  expiresAt: string;
}

export async function issueLinkCode(deps: LinkCodeDeps, actor: StaffPrincipal, username: string, rand: (max: number) => number = randomInt): Promise<IssuedLinkCode> {
  const self = actor.role === 'grid' && actor.username === username;
  if (actor.role !== 'admin' && !self) throw new AppError('forbidden', 'only an admin, or the grid worker themself, may issue a link code');
  const target = await deps.staff.findByUsername(username);
  if (!target || target.disabled) throw new AppError('not_found', 'no such staff account');
  if (target.role !== 'grid') throw new AppError('bad_request', 'link codes are for grid workers');
  const code = String(rand(100_000_000)).padStart(8, '0');
  const at = deps.clock.now();
  const expiresAt = new Date(at.getTime() + LINK_CODE_MINUTES * 60_000);
  await deps.bindings.saveLinkCode({ code, staffId: target.id, createdBy: actor.username, actorId: actor.id, at, expiresAt });
  return { username, code, expiresAt: expiresAt.toISOString() };
}

export interface GridWorkerView {
  username: string;
  displayName: string | null;
  township: string | null;
  villages: string[];
  boundChats: number;
}

/** The grid workers the caller may issue codes for: all for an admin, themself for a grid worker. */
export async function listGridWorkers(deps: LinkCodeDeps, actor: StaffPrincipal): Promise<GridWorkerView[]> {
  if (actor.role !== 'admin' && actor.role !== 'grid') throw new AppError('forbidden', 'your role has no grid workers');
  const all = (await deps.staff.list()).filter((a) => a.role === 'grid' && !a.disabled && (actor.role === 'admin' || a.id === actor.id));
  const counts = await deps.bindings.bindingCounts(all.map((a) => a.id));
  return all.map((a) => ({ username: a.username, displayName: a.displayName, township: a.township, villages: a.villages ?? [], boundChats: counts.get(a.id) ?? 0 }));
}
