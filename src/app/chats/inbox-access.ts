/**
 * Who may see and work the escalated chats, and the load-guard-write loop every
 * inbox action shares. The inbox scope is the case scope (caseScopeOf):
 * - admin and the bureau's intake see every waiting chat and may work it;
 * - supervisors see every waiting chat, read-only (403 on any action);
 * - handlers, and intake accounts of another unit, see only chats attached to a case
 *   in their case scope (never an unattached chat), and may work those;
 * - grid workers have no inbox (403).
 * What each may read of a transcript is chat-transcript.ts's.
 * A claimed chat is worked only by its holder or an admin. Errors are AppErrors:
 * not_found (not waiting, or not visible), forbidden (the role), conflict (held by
 * someone else, or not claimed yet).
 */
import type { CountyConfig } from '../../domain/county/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { ConversationConflictError, type ConversationRecord, type ConversationStore, type StaffWrite } from '../../ports/conversation-ports.ts';
import type { InboxRepository, WaitingChat } from '../../ports/inbox-ports.ts';
import { mayReveal } from '../cases/reveal-personal-data.ts';
import type { CaseRepository, CaseScope } from '../../ports/case-ports.ts';
import type { AuditLog } from '../../ports/audit-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import { caseScopeOf, type StaffPrincipal } from '../staff-accounts/staff-principal.ts';

export interface InboxDeps {
  inbox: InboxRepository;
  conversations: Pick<ConversationStore, 'get' | 'updateState' | 'transcript'>;
  cases: Pick<CaseRepository, 'findByNumber'>;
  county: CountyConfig;
  clock: Clock;
  /** Every transcript read and reveal is audited. */
  audit: AuditLog;
}

/** The chats a caller may see, as a case scope (see the rules above). */
export function inboxScopeOf(who: StaffPrincipal, county: CountyConfig): CaseScope {
  if (who.role === 'grid') throw new AppError('forbidden', 'your role has no chat inbox');
  return caseScopeOf(who, county);
}

/**
 * Who may reveal a transcript's personal data: as on case pages (mayReveal) — the
 * bureau, or the competent unit of the case the chat is attached to; never a
 * supervisor, a co-handler, or anyone but the bureau on an unattached chat.
 */
export async function mayRevealChat(deps: Pick<InboxDeps, 'cases' | 'county'>, who: StaffPrincipal, chat: Pick<WaitingChat, 'caseNumber'>): Promise<boolean> {
  if (who.role !== 'admin' && who.role !== 'intake' && who.role !== 'handler') return false;
  const scope = caseScopeOf(who, deps.county);
  if (scope.all) return true;
  const kase = chat.caseNumber ? await deps.cases.findByNumber(chat.caseNumber, scope) : null;
  return !!kase && mayReveal(who, kase, deps.county);
}

export const mayWorkChats = (who: StaffPrincipal) => who.role === 'admin' || who.role === 'intake' || who.role === 'handler';

/** The holder rule: nobody but the holder (or an admin) works a claimed chat. */
export const mayWork = (who: StaffPrincipal, holderId: string | null) =>
  mayWorkChats(who) && (!holderId || holderId === who.id || who.role === 'admin');

export function assertMayWork(who: StaffPrincipal, conv: Pick<ConversationRecord, 'staffId'>): void {
  if (!mayWorkChats(who)) throw new AppError('forbidden', 'your role may only read the inbox');
  if (!mayWork(who, conv.staffId)) throw new AppError('conflict', 'another member of staff holds this chat');
}

/** Decides a staff action's write from the chat as it is now; null writes nothing. */
export type Decide = (conv: ConversationRecord, now: Date) => Promise<StaffWrite | null> | StaffWrite | null;

const MAX_ATTEMPTS = 5;

/**
 * Loads the chat within the caller's scope, lets `decide` guard and build the write,
 * and commits it against the version it read. A concurrent turn or action makes
 * the loop start again on fresh state, where the guards see what won.
 */
export async function changeChat(deps: InboxDeps, who: StaffPrincipal, id: string, decide: Decide): Promise<void> {
  const scope = inboxScopeOf(who, deps.county);
  if (!isChatId(id)) throw new AppError('not_found', 'no such chat waiting for staff');
  for (let attempt = 1; ; attempt++) {
    const conv = await deps.conversations.get(id);
    const visible = conv?.waitingSince ? await deps.inbox.find(id, scope) : null;
    if (!conv || !visible) throw new AppError('not_found', 'no such chat waiting for staff');
    const write = await decide(conv, deps.clock.now());
    if (!write) return;
    try {
      return await deps.conversations.updateState(id, conv.version, write);
    } catch (err) {
      if (!(err instanceof ConversationConflictError)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('conflict', 'the chat keeps changing; try again');
    }
  }
}

/** Conversation ids are UUIDs; anything else cannot name a chat (and must not reach the store). */
export const isChatId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
