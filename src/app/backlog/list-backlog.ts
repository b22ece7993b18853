/**
 * The backlog (积案) for supervisors, the bureau and the units: open cases received
 * longer ago than the county's threshold, counted by age bucket, unit and township,
 * each with the leader in charge (包案). Scoped like the case list: a unit's staff see
 * their unit's cases (never a report against them), the bureau and leaders see all.
 */
import { z } from 'zod';
import { ageBuckets, ageDays, backlogCutoff, bucketOf, receivedAtOf } from '../../domain/backlog/backlog.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { StaffRepository } from '../../ports/staff-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { BacklogCase, BacklogRepository } from '../../ports/backlog-ports.ts';

export interface BacklogDeps {
  backlog: BacklogRepository;
  staff: Pick<StaffRepository, 'list'>;
  county: CountyConfig;
  clock: Clock;
}

const filterText = z.string().trim().max(64).optional().transform((v) => (v ? v : undefined));
export const BacklogQuerySchema = z.object({ unit: filterText, township: filterText, bucket: filterText, leader: filterText });
export type BacklogFilter = z.infer<typeof BacklogQuerySchema>;

export interface LeaderRef {
  username: string;
  displayName: string | null;
}

export interface BacklogItem extends Omit<BacklogCase, 'createdAt' | 'receivedOn' | 'leaderStaffId' | 'leaderSince'> {
  receivedAt: string;
  ageDays: number;
  bucket: string;
  leader: LeaderRef | null;
  leaderSince: string | null;
}

export interface BacklogView {
  thresholdDays: number;
  asOf: string;
  total: number;
  buckets: { key: string; fromDays: number; toDays: number | null; count: number }[];
  byUnit: { unit: string; count: number }[];
  byTownship: { township: string; count: number }[];
  /** The oldest first, at most ITEMS (the counts cover them all). */
  items: BacklogItem[];
  /** The leaders a case may be put in the charge of, and filtered by. */
  leaders: LeaderRef[];
}

const ITEMS = 500;

/** Who sees a backlog: everyone but grid workers (whose scope is their own screening reports). */
export const maySeeBacklog = (who: Pick<StaffPrincipal, 'role'>) => who.role !== 'grid';

export async function listBacklog(deps: BacklogDeps, who: StaffPrincipal, filter: BacklogFilter): Promise<BacklogView> {
  if (!maySeeBacklog(who)) throw new AppError('forbidden', 'grid workers have no backlog view');
  const now = deps.clock.now();
  const buckets = ageBuckets(deps.county.backlog);
  const bucket = filter.bucket ? buckets.find((b) => b.key === filter.bucket) : undefined;
  if (filter.bucket && !bucket) throw new AppError('bad_request', `unknown age bucket "${filter.bucket}" (one of ${buckets.map((b) => b.key).join(', ')})`);
  const staff = await deps.staff.list();
  const leaders = staff.filter((s) => s.role === 'supervisor' && !s.disabled);
  const leader = filter.leader ? leaders.find((s) => s.username === filter.leader) : undefined;
  if (filter.leader && !leader) throw new AppError('bad_request', `unknown leader "${filter.leader}"`);
  const DAY = 86_400_000;
  const offset = deps.county.utcOffsetMinutes;
  const rows = await deps.backlog.backlog({
    scope: caseScopeOf(who, deps.county),
    receivedBy: bucket ? new Date(now.getTime() - bucket.fromDays * DAY) : backlogCutoff(deps.county.backlog, now),
    receivedAfter: bucket?.toDays ? new Date(now.getTime() - bucket.toDays * DAY) : undefined,
    utcOffsetMinutes: offset,
    unit: filter.unit,
    township: filter.township,
    leaderStaffId: leader?.id,
  });
  const names = new Map(staff.map((s) => [s.id, { username: s.username, displayName: s.displayName }]));
  // Oldest first: by the day received, then the case number.
  const aged = rows
    .map((c) => ({ c, at: receivedAtOf(c, offset) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.c.caseNumber.localeCompare(b.c.caseNumber));
  return {
    thresholdDays: deps.county.backlog.thresholdDays,
    asOf: now.toISOString(),
    total: rows.length,
    buckets: buckets.map((b) => ({ ...b, count: aged.filter((x) => bucketOf([b], ageDays(x.at, now))).length })),
    byUnit: countBy(rows.map((c) => c.unit)).map(([unit, count]) => ({ unit, count })),
    byTownship: countBy(rows.map((c) => c.township ?? '')).filter(([t]) => t !== '').map(([township, count]) => ({ township, count })),
    items: aged.slice(0, ITEMS).map(({ c: { createdAt: _c, receivedOn: _r, leaderStaffId, leaderSince, ...c }, at }) => ({
      ...c,
      receivedAt: at.toISOString(),
      ageDays: ageDays(at, now),
      bucket: bucketOf(buckets, ageDays(at, now))?.key ?? buckets[0]!.key,
      leader: leaderStaffId ? (names.get(leaderStaffId) ?? null) : null,
      leaderSince: leaderSince?.toISOString() ?? null,
    })),
    leaders: leaders.map((s) => ({ username: s.username, displayName: s.displayName })),
  };
}

/** Counts, largest first (then by name). */
function countBy(keys: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
