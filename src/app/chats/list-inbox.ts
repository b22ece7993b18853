/**
 * The inbox for one caller: chats waiting for a person or held by one, oldest first,
 * and one chat with the part of its transcript the caller may read (chat-transcript.ts)
 * and the county's canned replies in the chat's language. Personal data is masked in
 * the preview and the transcript; the audited reveal (reveal-chat.ts) shows it. Every
 * read of a transcript is audited (`inbox.read`).
 */
import { AppError } from '../../domain/errors.ts';
import { maskChatText } from '../../domain/petitioner/redact.ts';
import type { WaitingChat } from '../../ports/inbox-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import { ownerOf, readTranscript, visibleCases, type ChatLine, type ReadableTranscript } from './chat-transcript.ts';
import { inboxScopeOf, isChatId, mayRevealChat, mayWork, type InboxDeps } from './inbox-access.ts';

export { TRANSCRIPT_LIMIT } from './chat-transcript.ts';
export const INBOX_LIMIT = 200;
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
  /** The caller may reveal the personal data of the transcript (reveal-chat.ts). */
  canReveal: boolean;
  /** True when this transcript is the audited reveal (query codes stay masked). */
  revealed: boolean;
  transcript: ChatLine[];
  /** Messages about cases outside the caller's scope, left out of `transcript`. */
  hiddenMessages: number;
  cannedReplies: { id: string; text: string }[];
}

export async function listInbox(deps: InboxDeps, who: StaffPrincipal): Promise<{ items: InboxItem[] }> {
  const scope = inboxScopeOf(who, deps.county);
  const chats = await deps.inbox.waiting(scope, INBOX_LIMIT);
  const now = deps.clock.now();
  return { items: await Promise.all(chats.map(async (c) => toItem(c, who, now, await previewOf(deps, c, scope)))) };
}

/** A chat in the caller's inbox, or not_found — a chat outside the scope is reported exactly like one that is not waiting. */
export async function findInboxChat(deps: InboxDeps, who: StaffPrincipal, id: string): Promise<{ chat: WaitingChat; scope: CaseScope }> {
  const scope = inboxScopeOf(who, deps.county);
  const chat = isChatId(id) ? await deps.inbox.find(id, scope) : null;
  if (!chat) throw new AppError('not_found', 'no such chat waiting for staff');
  return { chat, scope };
}

/** The chat with the part of the transcript the caller may read, masked; the read is audited. */
export async function getInboxChat(deps: InboxDeps, who: StaffPrincipal, id: string): Promise<InboxChat> {
  const { chat, scope } = await findInboxChat(deps, who, id);
  const transcript = await readTranscript(deps, chat, scope, false);
  await auditRead(deps, who, chat, transcript, 'inbox.read', null);
  return inboxChat(deps, who, chat, scope, transcript, false);
}

export async function inboxChat(deps: InboxDeps, who: StaffPrincipal, chat: WaitingChat, scope: CaseScope, t: ReadableTranscript, revealed: boolean): Promise<InboxChat> {
  return {
    ...toItem(chat, who, deps.clock.now(), await previewOf(deps, chat, scope)),
    canWork: mayWork(who, chat.staffId),
    canReveal: await mayRevealChat(deps, who, chat),
    revealed,
    transcript: t.lines,
    hiddenMessages: t.hiddenMessages,
    cannedReplies: deps.county.cannedReplies.map((r) => ({ id: r.id, text: r[chat.locale] })),
  };
}

/** Who read which chat, and which cases' parts they saw (never the text itself). */
export async function auditRead(deps: InboxDeps, who: StaffPrincipal, chat: WaitingChat, t: ReadableTranscript, action: string, reason: string | null) {
  await deps.audit.write({
    actorId: who.id,
    action,
    target: `conversation:${chat.id}`,
    reason,
    data: { username: who.username, role: who.role, caseNumber: chat.caseNumber, shownCases: t.shownCases, lines: t.lines.length, hiddenMessages: t.hiddenMessages },
  });
}

/** The citizen's last words, masked; none when they belong to a case the caller may not see. */
async function previewOf(deps: InboxDeps, c: WaitingChat, scope: CaseScope): Promise<string | null> {
  const last = c.lastCitizenMessage;
  if (!last) return null;
  const owner = ownerOf(last, c.filed);
  if (owner && !(await visibleCases(deps, c.filed.filter((f) => f.caseNumber === owner), scope)).has(owner)) return null;
  return maskChatText(last.text, c.filed.flatMap((f) => f.names));
}

function toItem(c: WaitingChat, who: StaffPrincipal, now: Date, preview: string | null): InboxItem {
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
