/**
 * A file a citizen sends on any channel: checked by content and size, within the
 * conversation's quota (ATTACHMENT_QUOTA), stored sealed by a keyed hash, and joined to
 * the case the conversation is about — the verified case, the one just filed, or the
 * petition being filed now (linked when it is committed; a file no case takes within
 * 24 hours is deleted by the attachment sweep).
 */
import { checkAttachment, ATTACHMENT_MAX_BYTES, safeFileName } from '../../domain/attachment-type.ts';
import { say } from '../../dialog/replies.ts';
import { initialState, type Locale, type Reply } from '../../dialog/types.ts';
import type { ConversationStore } from '../../ports/conversation-ports.ts';
import type { AttachmentFiles, AttachmentRepository } from '../../ports/attachment-ports.ts';
import type { Clock } from '../../ports/clock.ts';

export interface AttachmentDeps {
  conversations: ConversationStore;
  attachments: AttachmentRepository;
  files: Pick<AttachmentFiles, 'put'>;
  clock: Clock;
}

export interface AttachmentInput {
  channel: string;
  channelUserId: string;
  fileName: string | null;
  bytes: Uint8Array;
  defaultLocale: Locale;
}

export interface AttachmentResult {
  accepted: boolean;
  attachmentId: string | null;
  caseNumber: string | null;
  reply: Reply;
}

/** Files one conversation may send within a day (its files and their bytes). */
export const ATTACHMENT_QUOTA = { files: 20, bytes: 60 * 1024 * 1024, windowMs: 24 * 3600_000 } as const;

// Not in the dialogue catalog (src/dialog is being rewritten): move it there with the rewrite.
const QUOTA_TEXT = {
  zh: '这个对话今天已经收到很多文件了（最多 {files} 个、共 {mb} MB）。请明天再发，或者把材料合并成一个文件；需要帮助可以转人工。',
  en: 'This chat has received many files today (at most {files} files, {mb} MB in all). Please send more tomorrow, or put the material into one file; you can also ask for a person.',
} as const;

const quotaReply = (l: Locale): Reply => ({
  text: QUOTA_TEXT[l].replace('{files}', String(ATTACHMENT_QUOTA.files)).replace('{mb}', String(ATTACHMENT_QUOTA.bytes / 1024 / 1024)),
});

export async function addAttachment(deps: AttachmentDeps, input: AttachmentInput): Promise<AttachmentResult> {
  const conv = await deps.conversations.open(input.channel, input.channelUserId, initialState(input.defaultLocale));
  const l = conv.state.locale;
  const check = checkAttachment(input.bytes);
  if (!check.ok) {
    const key = check.reason === 'too_large' ? 'attachmentTooLarge' : check.reason === 'empty' ? 'attachmentEmpty' : 'attachmentBadType';
    return { accepted: false, attachmentId: null, caseNumber: null, reply: say(l, key, { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }) };
  }
  const used = await deps.attachments.usage(conv.id, new Date(deps.clock.now().getTime() - ATTACHMENT_QUOTA.windowMs));
  if (used.files + 1 > ATTACHMENT_QUOTA.files || used.bytes + input.bytes.length > ATTACHMENT_QUOTA.bytes) {
    return { accepted: false, attachmentId: null, caseNumber: null, reply: quotaReply(l) };
  }
  const s = conv.state;
  // During an intake the file waits for the petition; otherwise it joins the case in view.
  const filing = (s.forms ?? []).some((f) => f.form === 'intake');
  const caseNumber = filing ? null : (s.verified?.caseNumber ?? s.lastSubmitted?.caseNumber ?? null);
  const stored = await deps.files.put(input.bytes);
  const name = safeFileName(input.fileName, `${stored.sha256.slice(0, 8)}.${check.kind.ext}`);
  const saved = await deps.attachments.add({
    conversationId: conv.id,
    caseNumber,
    fileName: name,
    mime: check.kind.mime,
    size: input.bytes.length,
    sha256: stored.sha256,
    storagePath: stored.relativePath,
    at: deps.clock.now(),
  });
  const reply = saved.caseNumber
    ? say(l, 'attachmentToCase', { name, caseNumber: saved.caseNumber })
    : say(l, filing ? 'attachmentPending' : 'attachmentNoCase', { name });
  return { accepted: true, attachmentId: saved.id, caseNumber: saved.caseNumber, reply };
}
