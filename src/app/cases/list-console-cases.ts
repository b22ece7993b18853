/**
 * The console's case list: the case API's filters plus "due on or before a date",
 * scoped by the caller's role and unit, newest first, 20 a page, masked.
 */
import { z } from 'zod';
import { endOfLocalDay } from '../../domain/deadlines.ts';
import { CaseQuerySchema, PAGE_SIZE, type CaseQueryDeps } from './list-cases.ts';
import { toCaseDto, type CaseDto } from './case-dto.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export const ConsoleQuerySchema = CaseQuerySchema.extend({
  dueBefore: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional()),
});
export type ConsoleQuery = z.infer<typeof ConsoleQuerySchema>;

export async function listConsoleCases(deps: CaseQueryDeps, who: StaffPrincipal, q: ConsoleQuery): Promise<{ items: CaseDto[]; total: number; page: number; pageSize: number }> {
  const page = q.page ?? 1;
  // Inclusive: a deadline at the end of that local day counts as due by it.
  const dueBefore = q.dueBefore ? new Date(endOfLocalDay(q.dueBefore, deps.county.utcOffsetMinutes).getTime() + 1) : undefined;
  const { items, total } = await deps.cases.list({ ...q, dueBefore, page, pageSize: PAGE_SIZE }, caseScopeOf(who, deps.county));
  return { items: items.map((c) => toCaseDto(c, { reveal: false })), total, page, pageSize: PAGE_SIZE };
}
