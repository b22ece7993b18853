/**
 * The holder answers the citizen: free text (at most 4,000 characters) or one of
 * the county's canned replies, in the chat's language. The message joins the
 * transcript as the staff member's and waits in the outbox for the citizen's own
 * channel (Telegram sender, web push, long poll or the next /api/chat).
 */
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { assertMayWork, changeChat, type InboxDeps } from './inbox-access.ts';

export const MAX_STAFF_REPLY = 4000;

// Control characters other than tab and newline never carry meaning in a chat.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC').trim();

/** Exactly one of `text` or `cannedId`. */
export const ChatReplySchema = z
  .object({
    text: z.string().max(MAX_STAFF_REPLY).transform(clean).optional(),
    cannedId: z.string().max(64).optional(),
  })
  .refine((b) => (b.text ? 1 : 0) + (b.cannedId ? 1 : 0) === 1, { message: 'give either text or cannedId', path: ['text'] });
export type ChatReply = z.infer<typeof ChatReplySchema>;

export async function replyToChat(deps: InboxDeps, who: StaffPrincipal, id: string, reply: ChatReply): Promise<void> {
  await changeChat(deps, who, id, (conv, now) => {
    assertMayWork(who, conv);
    if (!conv.staffId) throw new AppError('conflict', 'claim the chat before replying');
    const text = reply.text ?? cannedText(deps, reply.cannedId ?? '', conv.state.locale);
    return {
      state: conv.state,
      messages: [{ direction: 'out', author: 'staff', text, payload: null, at: now, delivery: 'pending' }],
      audit: [{ actorId: who.id, action: 'inbox.reply', detail: reply.cannedId ? `canned:${reply.cannedId}` : 'text' }],
    };
  });
}

function cannedText(deps: InboxDeps, cannedId: string, locale: 'zh' | 'en'): string {
  const canned = deps.county.cannedReplies.find((r) => r.id === cannedId);
  if (!canned) throw new AppError('bad_request', `no canned reply ${cannedId}`);
  return canned[locale];
}
