/** Whether staff are on duty at an instant: config weekdays and periods, local time, not on holidays. */
import type { CountyConfig } from './county/schema.ts';
import { localDate } from './deadlines.ts';

export function isOfficeHours(at: Date, cfg: CountyConfig): boolean {
  const local = new Date(at.getTime() + cfg.utcOffsetMinutes * 60_000);
  const date = localDate(at, cfg.utcOffsetMinutes);
  const { holidays, workingWeekends } = cfg.deadlines;
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const workday = workingWeekends.includes(date) || (cfg.officeHours.weekdays.includes(weekday) && !holidays.includes(date));
  if (!workday) return false;
  const hhmm = local.toISOString().slice(11, 16);
  return cfg.officeHours.periods.some(([from, to]) => hhmm >= from && hhmm < to);
}
