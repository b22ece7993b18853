/**
 * Leaders' reception days (领导接访日) in the county config. A day is either a fixed
 * local date or a monthly rule ("the 2nd Tuesday of every month"): a rule keeps the
 * shipped demo county's days upcoming whatever the date, and is how most counties
 * publish their schedules; fixed dates add or replace single days.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);
const localized = z.object({ zh: nonEmpty, en: nonEmpty });
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

export const ReceptionDaySchema = z
  .object({
    /** Stable code of the schedule entry: bookings are kept by it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'reception day ids are lower-case letters, digits, - or _'),
    /** The leader who receives, as the public knows them ("县长 李明"). */
    leader: localized,
    /** The staff account (role supervisor) of that leader: the cases they take on are theirs (包案). */
    leaderUsername: z.string().optional(),
    /** Words citizens use for this leader ("县长", "周县长", "county head"): how "我想见县长" picks the day. */
    aliases: z.array(nonEmpty).default([]),
    place: localized,
    /** What the leader receives petitioners about (the topics of the day). */
    topics: localized,
    /** A single day … */
    date: localDay.optional(),
    /** … or every month on the nth (1–4, or -1 for the last) weekday (1 = Monday … 7 = Sunday). */
    monthly: z.object({ nth: z.union([z.literal(-1), z.number().int().min(1).max(4)]), weekday: z.number().int().min(1).max(7) }).optional(),
    from: clock.default('09:00'),
    to: clock.default('11:30'),
    /** Citizens booked at most per day (each gets a place in the queue). */
    capacity: z.number().int().min(1).max(500).default(12),
  })
  .refine((d) => (d.date === undefined) !== (d.monthly === undefined), { message: 'a reception day has either a date or a monthly rule', path: ['date'] })
  .refine((d) => d.from < d.to, { message: 'a reception ends after it starts', path: ['to'] });

export const ReceptionSchema = z
  .object({
    days: z.array(ReceptionDaySchema).default([]),
    /** Bookings close this many days before the day (0: up to the day before). */
    closeDaysBefore: z.number().int().min(0).max(30).default(0),
    /** How far ahead the bot offers days to book. */
    horizonDays: z.number().int().min(7).max(366).default(60),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.days.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['days', i, 'id'], message: `"${d.id}" names two reception days` });
      seen.add(d.id);
    });
  });

export type ReceptionDay = z.infer<typeof ReceptionDaySchema>;
export type ReceptionConfig = z.infer<typeof ReceptionSchema>;
