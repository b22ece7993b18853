/**
 * Attaches a waiting chat to a case, so the case's unit can find the conversation
 * (a handler's inbox shows chats attached to their unit's cases). The case must be
 * one the caller may see: any other number is a 404, like a missing case.
 */
import { z } from 'zod';
import { normalizeCaseNumber } from '../../domain/case/case-number.ts';
import { AppError } from '../../domain/errors.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { assertMayWork, changeChat, type InboxDeps } from './inbox-access.ts';

export const AttachSchema = z.object({ caseNumber: z.string().min(1).max(64) });

export async function attachChatToCase(deps: InboxDeps, who: StaffPrincipal, id: string, rawNumber: string): Promise<string> {
  const caseNumber = normalizeCaseNumber(rawNumber);
  const found = caseNumber ? await deps.cases.findByNumber(caseNumber, caseScopeOf(who, deps.county)) : null;
  if (!found) throw new AppError('not_found', 'no such case');
  await changeChat(deps, who, id, (conv) => {
    assertMayWork(who, conv);
    if (conv.caseNumber === found.caseNumber) return null;
    return {
      state: conv.state,
      caseNumber: found.caseNumber,
      messages: [],
      audit: [{ actorId: who.id, action: 'inbox.attach', detail: found.caseNumber }],
    };
  });
  return found.caseNumber;
}
