/**
 * Staff record how a printed written notice reached the citizen (送达: in person, by
 * post, …) — the notices of cases registered at the desk, or any notice the chat could
 * not deliver. The bureau and the competent unit record it; anyone else who can see the
 * case gets 403; outside the scope 404; a notice already delivered 409.
 */
import { z } from 'zod';
import { HAND_DELIVERY_CHANNELS } from '../../domain/notices/written-notice.ts';
import { AppError } from '../../domain/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { relationOf } from './case-action-kit.ts';
import { findCaseInScope, type WrittenNoticeDeps } from './open-written-notice.ts';

export const NoticeDeliverySchema = z.object({
  channel: z.enum(HAND_DELIVERY_CHANNELS),
  /** When it was handed over (ISO date-time or YYYY-MM-DD); default now. Not in the future, not before the notice. */
  deliveredAt: z.string().trim().max(40).optional(),
  note: z.string().trim().max(500).optional(),
});
export type NoticeDeliveryInput = z.infer<typeof NoticeDeliverySchema>;

export async function recordNoticeDelivery(
  deps: WrittenNoticeDeps & { clock: Clock },
  who: StaffPrincipal,
  rawNumber: string,
  noticeId: string,
  input: NoticeDeliveryInput,
): Promise<void> {
  const state = await findCaseInScope(deps, who, rawNumber);
  if (who.role === 'supervisor' || who.role === 'grid' || relationOf(who, state, deps.county) === 'co_handler') {
    throw new AppError('forbidden', 'only the bureau or the competent unit records the delivery of a notice');
  }
  const notice = await deps.writtenNotices.find(state.id, noticeId);
  if (!notice) throw new AppError('not_found', 'no such notice');
  const now = deps.clock.now();
  const at = input.deliveredAt ? parseWhen(input.deliveredAt, deps.county.utcOffsetMinutes) : now;
  if (!at || at.getTime() > now.getTime() + 60_000 || at.getTime() < notice.issuedAt.getTime() - 86_400_000) {
    throw new AppError('bad_request', 'deliveredAt must be a date between the notice\'s issue and now', { fields: ['deliveredAt'] });
  }
  const note = input.note && input.note !== '' ? input.note : null;
  const outcome = await deps.writtenNotices.recordHandDelivery({ caseId: state.id, caseNumber: state.caseNumber, noticeId, at, channel: input.channel, actorId: who.id, note });
  if (outcome === 'not_found') throw new AppError('not_found', 'no such notice');
  if (outcome === 'already') throw new AppError('conflict', 'the delivery of this notice is already recorded');
}

/** A local date is taken at local noon. */
function parseWhen(s: string, utcOffsetMinutes: number): Date | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(Date.parse(`${s}T12:00:00Z`) - utcOffsetMinutes * 60_000) : new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}
