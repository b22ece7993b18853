/**
 * The inbox for one caller: chats waiting for a person or held by one, oldest first,
 * and one chat with its transcript and the county's canned replies in the chat's
 * language. The list masks phone and ID numbers in its preview; the chat shows the
 * transcript as the citizen wrote it (staff need it to answer).
 */
import { AppError } from '../../domain/errors.ts';
import { scrubPersonalData } from '../../domain/petitioner/redact.ts';
import type { WaitingChat } from '../../store/inbox-ports.ts';
import type { StaffPrincipal } from '../staff-principal.ts';
import { inboxScopeOf, isChatId, mayWork, type InboxDeps } from './inbox-access.ts';

export const INBOX_LIMIT = 200;
export const TRANSCRIPT_LIMIT = 200;
const PREVIEW_CHARS = 120;

export interface InboxItem {
  id: string;
  channel: string;
  locale: 'zh' | 'en';
  reason: WaitingChat['reason'];
  waitingSince: string;
  waitingSeconds: number;
  holder: { id: string; username: string | null } | null;
  claimedAt: string | null;
  /** The caller holds it. */
  mine: boolean;
  caseNumber: string | null;
  preview: string | null;
}

export interface InboxChat extends InboxItem {
  /** The caller may claim, reply, attach and hand back (role and holder rules). */
  canWork: boolean;
  transcript: { author: 'citizen' | 'bot' | 'staff' | 'system'; text: string; at: string }[];
  cannedReplies: { id: string; text: string }[];
}

export async function listInbox(deps: InboxDeps, who: StaffPrincipal): Promise<{ items: InboxItem[] }> {
  const chats = await deps.inbox.waiting(inboxScopeOf(who, deps.county), INBOX_LIMIT);
  const now = deps.clock.now();
  return { items: chats.map((c) => toItem(c, who, now)) };
}

/** A chat outside the caller's scope is reported exactly like one that is not waiting. */
export async function getInboxChat(deps: InboxDeps, who: StaffPrincipal, id: string): Promise<InboxChat> {
  const scope = inboxScopeOf(who, deps.county);
  const chat = isChatId(id) ? await deps.inbox.find(id, scope) : null;
  if (!chat) throw new AppError('not_found', 'no such chat waiting for staff');
  const entries = await deps.conversations.transcript(id, TRANSCRIPT_LIMIT);
  const item = toItem(chat, who, deps.clock.now());
  return {
    ...item,
    canWork: mayWork(who, chat.staffId),
    // A button press has no words: show its payload instead.
    transcript: entries.map((e) => ({ author: e.author, text: e.text || `[${e.payload ?? ''}]`, at: e.at.toISOString() })),
    cannedReplies: deps.county.cannedReplies.map((r) => ({ id: r.id, text: r[chat.locale] })),
  };
}

function toItem(c: WaitingChat, who: StaffPrincipal, now: Date): InboxItem {
  const preview = c.lastCitizenMessage ? scrubPersonalData(c.lastCitizenMessage.text) : null;
  return {
    id: c.id,
    channel: c.channel,
    locale: c.locale,
    reason: c.reason,
    waitingSince: c.waitingSince.toISOString(),
    waitingSeconds: Math.max(0, Math.floor((now.getTime() - c.waitingSince.getTime()) / 1000)),
    holder: c.staffId ? { id: c.staffId, username: c.staffUsername } : null,
    claimedAt: c.claimedAt?.toISOString() ?? null,
    mine: c.staffId === who.id,
    caseNumber: c.caseNumber,
    preview: preview && preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview,
  };
}
