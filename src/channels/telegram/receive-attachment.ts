/**
 * A photo or document from a citizen: refused by its declared size before any
 * download, otherwise downloaded and handed to the addAttachment use case. The
 * answer goes to the outbox in one commit with the update's dedupe key, so it is
 * delivered by the sender like every other reply and a redelivered update is a no-op.
 *
 * Not atomic with the attachment itself (addAttachment commits on its own). A retry in
 * this process after the file was stored reuses its answer (`stored`); a crash between
 * the two commits, or two concurrent deliveries of one update, can store the file twice.
 */
import { addAttachment, type AttachmentDeps } from '../../app/chat-turn/add-attachment.ts';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachment-type.ts';
import { initialState, say, type Locale, type Reply } from '../../app/chat-turn/messages.ts';
import { ConversationConflictError, DuplicateInboundError } from '../../ports/conversation-ports.ts';
import type { FileDownloader } from './file-download.ts';
import { TELEGRAM_CHANNEL } from './inbound-turn.ts';

export interface IncomingFile {
  key: string;
  chatId: number;
  fileId: string;
  fileName: string | null;
  /** As Telegram declares it; may be missing. */
  size: number | undefined;
  defaultLocale: Locale;
}

export interface ReceiveAttachmentDeps extends AttachmentDeps {
  download: FileDownloader;
  /** Answers of files stored whose reply is not committed yet, by dedupe key. */
  stored: Map<string, Reply>;
}

export async function receiveAttachment(deps: ReceiveAttachmentDeps, file: IncomingFile): Promise<void> {
  if (await deps.conversations.isProcessed(file.key)) return;
  // A retry after the file was stored but its reply not committed reuses that answer.
  const reply = deps.stored.get(file.key) ?? (await storeFile(deps, file));
  await commitReply(deps, String(file.chatId), file, reply);
  deps.stored.delete(file.key);
}

/** Downloads and stores the file, or refuses it as too large; the answer for the citizen. */
async function storeFile(deps: ReceiveAttachmentDeps, file: IncomingFile): Promise<Reply> {
  const channelUserId = String(file.chatId);
  if ((file.size ?? 0) <= ATTACHMENT_MAX_BYTES) {
    const got = await deps.download(file.fileId, ATTACHMENT_MAX_BYTES);
    if (got.ok) {
      const { reply } = await addAttachment(deps, { channel: TELEGRAM_CHANNEL, channelUserId, fileName: file.fileName, bytes: got.bytes, defaultLocale: file.defaultLocale });
      if (deps.stored.size >= 1000) deps.stored.clear();
      deps.stored.set(file.key, reply);
      return reply;
    }
  }
  const conv = await deps.conversations.open(TELEGRAM_CHANNEL, channelUserId, initialState(file.defaultLocale));
  return say(conv.state.locale, 'attachmentTooLarge', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
}

/** The reply as a pending outbox message, with the dedupe key, on the conversation's current state. */
async function commitReply(deps: ReceiveAttachmentDeps, channelUserId: string, file: IncomingFile, reply: Reply): Promise<void> {
  const at = deps.clock.now();
  for (let attempt = 1; ; attempt++) {
    const conv = await deps.conversations.open(TELEGRAM_CHANNEL, channelUserId, initialState(file.defaultLocale));
    try {
      await deps.conversations.commitTurn(conv.id, conv.version, async () => ({
        state: conv.state,
        messages: [{ direction: 'out', author: 'bot', text: reply.text, payload: reply.buttons ? JSON.stringify(reply.buttons) : null, at, delivery: 'pending' }],
        handoff: null,
        audit: [],
        inboundKey: file.key,
      }));
      return;
    } catch (err) {
      if (err instanceof DuplicateInboundError) return;
      if (!(err instanceof ConversationConflictError) || attempt >= 5) throw err;
    }
  }
}
