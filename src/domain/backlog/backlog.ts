/**
 * The backlog (积案): open cases older than the county's threshold, counted from the
 * day the matter was received (a desk registration's date received, else the filing),
 * in age buckets (60–89, 90–179, 180–364, 365+ days by default).
 */
import { z } from 'zod';

export const BacklogSchema = z
  .object({
    /** A case open longer than this many days is in the backlog. */
    thresholdDays: z.number().int().min(1).max(3650).default(60),
    /** Further bucket bounds in days, ascending, each above the threshold. */
    bucketDays: z.array(z.number().int().min(1).max(3650)).default([90, 180, 365]),
  })
  .refine((b) => b.bucketDays.every((d, i) => d > b.thresholdDays && (i === 0 || d > b.bucketDays[i - 1]!)), {
    message: 'backlog buckets ascend, each above the threshold',
    path: ['bucketDays'],
  });

export type BacklogConfig = z.infer<typeof BacklogSchema>;

export interface AgeBucket {
  /** "60-89", "365+": also the filter value. */
  key: string;
  fromDays: number;
  /** Exclusive; null for the last. */
  toDays: number | null;
}

const DAY_MS = 86_400_000;

export function ageBuckets(cfg: BacklogConfig): AgeBucket[] {
  const bounds = [cfg.thresholdDays, ...cfg.bucketDays];
  return bounds.map((from, i) => {
    const to = bounds[i + 1] ?? null;
    return { key: to === null ? `${from}+` : `${from}-${to - 1}`, fromDays: from, toDays: to };
  });
}

/** Whole days a case has been open at `now`. */
export const ageDays = (since: Date, now: Date): number => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));

/** The bucket of an age, or null below the threshold. */
export function bucketOf(buckets: readonly AgeBucket[], days: number): AgeBucket | null {
  return buckets.find((b) => days >= b.fromDays && (b.toDays === null || days < b.toDays)) ?? null;
}

/** The instant before which a case received counts as backlog at `now`. */
export const backlogCutoff = (cfg: BacklogConfig, now: Date): Date => new Date(now.getTime() - cfg.thresholdDays * DAY_MS);

/** When a case was received: a letter, visit or call at the start of its local day received, any other at its filing. */
export const receivedAtOf = (c: { createdAt: Date; receivedOn: string | null }, utcOffsetMinutes: number): Date =>
  c.receivedOn ? new Date(Date.parse(`${c.receivedOn}T00:00:00.000Z`) - utcOffsetMinutes * 60_000) : c.createdAt;
