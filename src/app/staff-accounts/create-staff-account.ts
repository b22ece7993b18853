/**
 * An admin adds a staff account. A handler needs a known unit (a config unit or
 * `town:<township>`), a grid worker a known township; passwords have at least
 * MIN_PASSWORD_LENGTH characters. A taken username is a conflict. Audited.
 */
import { STAFF_ROLES, type CountyConfig, type StaffRole } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { MIN_PASSWORD_LENGTH, type StaffAdminDeps } from './staff-account-deps.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export interface NewStaffInput {
  username: string;
  password: string;
  role: string;
  unit?: string | null | undefined;
  township?: string | null | undefined;
  displayName?: string | null | undefined;
  /** Grid workers only: villages of the grid, as a list or one text separated by commas. */
  villages?: string[] | string | null | undefined;
}

export interface CreatedStaff {
  username: string;
  role: StaffRole;
  unit: string | null;
  township: string | null;
  /** Grid workers only. */
  villages?: string[];
}

/** null: the actor is the system itself (the CLI run by the server's operator). */
export async function createStaffAccount(
  deps: StaffAdminDeps & { county: CountyConfig },
  actor: StaffPrincipal | null,
  input: NewStaffInput,
): Promise<CreatedStaff> {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'only an admin may add staff');
  const v = validateNewStaff(deps.county, input);
  const created = await deps.staff.createIfAbsent({
    username: input.username,
    passwordHash: await deps.hasher.hash(input.password),
    displayName: input.displayName?.trim() || null,
    ...v,
  });
  if (!created) throw new AppError('conflict', `username "${input.username}" is taken`);
  await deps.audit.write({ actorId: actor?.id ?? null, action: 'staff.created', target: created.username, reason: null, data: v });
  const base = { username: created.username, role: created.role, unit: created.unit, township: created.township };
  return created.role === 'grid' ? { ...base, villages: created.villages ?? [] } : base;
}

function validateNewStaff(county: CountyConfig, input: NewStaffInput): Omit<CreatedStaff, 'username'> {
  const bad = (message: string) => new AppError('bad_request', message);
  if (!USERNAME_PATTERN.test(input.username)) throw bad('username: 2–32 lower-case letters, digits, ".", "_" or "-"');
  if (!(STAFF_ROLES as readonly string[]).includes(input.role)) throw bad(`role: one of ${STAFF_ROLES.join(', ')}`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw bad(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const role = input.role as StaffRole;
  const unit = input.unit?.trim() || null;
  const township = canonicalTownship(county, input.township?.trim() || null);
  if (unit !== null && !unitExists(county, unit)) throw bad(`unit: unknown unit "${unit}"`);
  if (input.township?.trim() && township === null) throw bad(`township: unknown township "${input.township}"`);
  if (role === 'handler' && unit === null) throw bad('unit: a handler needs a unit');
  if (role === 'grid' && township === null) throw bad('township: a grid worker needs a township');
  return role === 'grid' ? { role, unit, township, villages: parseVillages(input.villages) } : { role, unit, township };
}

const MAX_VILLAGES = 30;

/** "李家村, 王庄、张湾" → ["李家村", "王庄", "张湾"]; each a short name. */
export function parseVillages(raw: NewStaffInput['villages']): string[] {
  const parts = (Array.isArray(raw) ? raw : (raw ?? '').split(/[,，、;；\n]/)).map((v) => v.trim()).filter((v) => v !== '');
  const bad = parts.find((v) => v.length > 40 || /[<>]/.test(v));
  if (bad !== undefined) throw new AppError('bad_request', `villages: "${bad.slice(0, 40)}" is not a village name`);
  if (parts.length > MAX_VILLAGES) throw new AppError('bad_request', `villages: at most ${MAX_VILLAGES}`);
  return [...new Set(parts)];
}

export function unitExists(county: CountyConfig, code: string): boolean {
  if (county.units.some((u) => u.code === code)) return true;
  return code.startsWith('town:') && county.townships.some((t) => t.name === code.slice(5));
}

/** The canonical township name for a name or alias; null when unknown or absent. */
function canonicalTownship(county: CountyConfig, name: string | null): string | null {
  if (name === null) return null;
  const key = name.toLowerCase();
  return county.townships.find((t) => t.name === name || t.aliases.some((a) => a.toLowerCase() === key))?.name ?? null;
}
