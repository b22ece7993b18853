/**
 * What a member of staff may read of a waiting chat's transcript. A conversation can
 * hold the intake of several cases (name, phone, ID number, case number and query code
 * of each), so the transcript is cut into parts:
 * - a message that names exactly one case filed from this conversation belongs to it
 *   (a status notice, a question about that case);
 * - any other message belongs to the first case filed at or after it (its intake, up
 *   to the reply that gave the case number — written 1 ms after the filing);
 * - messages after the last filing are the open part: the chat as it waits now.
 * The reader sees the parts of cases in their case scope and the open part (the chat
 * itself is in their inbox only when they may see it); other parts become one line
 * saying how many messages were left out. Personal data is masked like on case pages
 * (phones, ID numbers, the names the conversation and its cases know); query codes
 * are never shown, not even after the audited reveal.
 */
import { maskChatText, maskQueryCodes } from '../../domain/petitioner/redact.ts';
import { upgradeState } from '../../dialog/state-upgrade.ts';
import type { TranscriptEntry } from '../../ports/conversation-ports.ts';
import type { FiledCase, WaitingChat } from '../../ports/inbox-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import type { InboxDeps } from './inbox-access.ts';

export const TRANSCRIPT_LIMIT = 200;

export interface ChatLine {
  author: 'citizen' | 'bot' | 'staff' | 'system';
  text: string;
  at: string;
  /** Set on the line that stands for messages left out: how many. */
  hidden?: number;
}

export interface ReadableTranscript {
  lines: ChatLine[];
  /** Filed cases whose part was shown. */
  shownCases: string[];
  hiddenMessages: number;
}

/** The filing reply is written 1 ms after the case (handle-chat-turn.ts): it belongs to that case. */
const FILING_REPLY_MS = 1;

/** The case a transcript entry concerns; null for the open part after the last filing. */
export function ownerOf(e: Pick<TranscriptEntry, 'text' | 'at'>, filed: readonly FiledCase[]): string | null {
  const named = filed.filter((c) => e.text.toUpperCase().includes(c.caseNumber));
  if (named.length === 1) return named[0]!.caseNumber;
  return filed.find((c) => e.at.getTime() <= c.createdAt.getTime() + FILING_REPLY_MS)?.caseNumber ?? null;
}

const hiddenLine = (n: number, at: Date): ChatLine => ({
  author: 'system',
  text: `（${n} 条消息涉及您无权查看的案件，已隐藏）${n} message(s) about a case you may not see are left out.`,
  at: at.toISOString(),
  hidden: n,
});

/**
 * The parts the reader may see, in order, masked unless `reveal` (query codes always).
 * `visible` says whether a filed case is in the reader's scope.
 */
export function readableLines(
  entries: readonly TranscriptEntry[],
  filed: readonly FiledCase[],
  visible: ReadonlySet<string>,
  opts: { reveal: boolean; names: readonly string[] },
): ReadableTranscript {
  const lines: ChatLine[] = [];
  const shown = new Set<string>();
  let hiddenRun = 0;
  let hiddenTotal = 0;
  let runStart: Date | null = null;
  const flush = () => {
    if (hiddenRun > 0) lines.push(hiddenLine(hiddenRun, runStart!));
    hiddenRun = 0;
    runStart = null;
  };
  for (const e of entries) {
    const owner = ownerOf(e, filed);
    if (owner !== null && !visible.has(owner)) {
      hiddenRun++;
      hiddenTotal++;
      runStart ??= e.at;
      continue;
    }
    flush();
    if (owner) shown.add(owner);
    // A button press has no words: show its payload instead.
    const raw = e.text || `[${e.payload ?? ''}]`;
    lines.push({ author: e.author, text: opts.reveal ? maskQueryCodes(raw) : maskChatText(raw, opts.names), at: e.at.toISOString() });
  }
  flush();
  return { lines, shownCases: [...shown], hiddenMessages: hiddenTotal };
}

/** Filed cases of the chat that the scope shows (checked by the store's scoped read). */
export async function visibleCases(deps: Pick<InboxDeps, 'cases'>, filed: readonly FiledCase[], scope: CaseScope): Promise<Set<string>> {
  if (scope.all) return new Set(filed.map((c) => c.caseNumber));
  const seen = await Promise.all(filed.map(async (c) => ((await deps.cases.findByNumber(c.caseNumber, scope)) ? c.caseNumber : null)));
  return new Set(seen.filter((n): n is string => n !== null));
}

/** Every name the conversation and its cases know: the draft's petitioner and representatives, each filed case's. */
export async function knownNames(deps: Pick<InboxDeps, 'conversations'>, chat: WaitingChat): Promise<string[]> {
  const conv = await deps.conversations.get(chat.id);
  const slots = conv ? upgradeState(conv.state).forms.find((f) => f.form === 'intake')?.slots : undefined;
  const reps = Array.isArray(slots?.['representatives']) ? (slots['representatives'] as { name?: unknown }[]) : [];
  const draft = [slots?.['name'], ...reps.map((r) => r.name)].filter((n): n is string => typeof n === 'string');
  return [...draft, ...chat.filed.flatMap((c) => c.names)];
}

/** The transcript as this reader may read it. */
export async function readTranscript(deps: InboxDeps, chat: WaitingChat, scope: CaseScope, reveal: boolean): Promise<ReadableTranscript> {
  const [entries, visible, names] = await Promise.all([
    deps.conversations.transcript(chat.id, TRANSCRIPT_LIMIT),
    visibleCases(deps, chat.filed, scope),
    knownNames(deps, chat),
  ]);
  return readableLines(entries, chat.filed, visible, { reveal, names });
}
