/**
 * Ends the staff part of a chat: the holder (or an admin; anyone who may work the
 * chat while nobody holds it) gives it back to the assistant. The chat leaves the
 * inbox, the bot answers again (`expecting` null, handoff cleared, so the citizen
 * may ask for a person anew), and the citizen is told the assistant is back. The
 * attachment to a case is cleared: a later hand-over may be about something else, and
 * the case's unit must not find it by the old attachment.
 * A form the citizen had started before a claim stays in the state, but the claim
 * replaced its open question, so the form is not resumed on its own.
 */
import { t } from '../../dialog/catalog/catalog.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { assertMayWork, changeChat, type InboxDeps } from './inbox-access.ts';

export async function handBackChat(deps: InboxDeps, who: StaffPrincipal, id: string): Promise<void> {
  await changeChat(deps, who, id, (conv, now) => {
    assertMayWork(who, conv);
    return {
      // An unclaimed chat may still be inside a form: keep its open question.
      state: { ...conv.state, expecting: conv.state.expecting === 'staff' ? null : conv.state.expecting, handoff: null, misunderstood: 0 },
      holder: null,
      waiting: null,
      caseNumber: null,
      messages: [{ direction: 'out', author: 'system', text: t(conv.state.locale, 'scHandedBack'), payload: null, at: now, delivery: 'pending' }],
      audit: [{ actorId: who.id, action: 'inbox.hand_back', detail: who.username }],
    };
  });
}
