/**
 * Shows a chat's transcript with its personal data unmasked, to a member of staff who
 * may reveal it (the bureau, the competent unit of the attached case; see
 * mayRevealChat), with a stated reason. Only the parts of the transcript the caller may
 * read at all are shown, and query codes stay masked. The audit entry (who, which chat,
 * which cases' parts, why) is written before anything is returned.
 */
import { AppError } from '../../domain/errors.ts';
import { scrubPersonalData } from '../../domain/petitioner/redact.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { readTranscript } from './chat-transcript.ts';
import { mayRevealChat, type InboxDeps } from './inbox-access.ts';
import { auditRead, findInboxChat, inboxChat, type InboxChat } from './list-inbox.ts';

export async function revealChat(deps: InboxDeps, who: StaffPrincipal, id: string, reason: string): Promise<InboxChat> {
  const { chat, scope } = await findInboxChat(deps, who, id);
  if (!(await mayRevealChat(deps, who, chat))) throw new AppError('forbidden', 'your role may not see personal data unmasked');
  const transcript = await readTranscript(deps, chat, scope, true);
  // The audit trail keeps why, never a number someone typed into the reason.
  await auditRead(deps, who, chat, transcript, 'inbox.reveal', scrubPersonalData(reason));
  return inboxChat(deps, who, chat, scope, transcript, true);
}
