/**
 * A member of staff takes a waiting chat: they become its holder, the bot falls
 * silent (`expecting: 'staff'`), and the citizen is told on their own channel that
 * a person has joined — outside office hours also when to expect an answer.
 * Claiming a chat one already holds changes nothing; a chat someone else holds is a
 * 409, so of two staff claiming at once exactly one wins.
 */
import { t } from '../../dialog/catalog/catalog.ts';
import { guideText } from '../../dialog/guide.ts';
import { AppError } from '../../domain/errors.ts';
import { isOfficeHours } from '../../domain/office-hours.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { changeChat, mayWorkChats, type InboxDeps } from './inbox-access.ts';

export async function claimChat(deps: InboxDeps, who: StaffPrincipal, id: string): Promise<void> {
  await changeChat(deps, who, id, (conv, now) => {
    if (!mayWorkChats(who)) throw new AppError('forbidden', 'your role may only read the inbox');
    if (conv.staffId === who.id) return null;
    if (conv.staffId) throw new AppError('conflict', 'another member of staff has already claimed this chat');
    const l = conv.state.locale;
    const notice = isOfficeHours(now, deps.county) ? t(l, 'scJoined') : t(l, 'scJoinedOffHours', { hours: guideText(deps.county, 'officeHours', l) });
    return {
      state: { ...conv.state, expecting: 'staff' },
      holder: { staffId: who.id, at: now },
      messages: [{ direction: 'out', author: 'system', text: notice, payload: null, at: now, delivery: 'pending' }],
      audit: [{ actorId: who.id, action: 'inbox.claim', detail: who.username }],
    };
  });
}
