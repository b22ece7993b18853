/**
 * The written notice an outbox message carries, as a PDF document for a channel that
 * sends files (Telegram). Null when the message carries none; when the PDF cannot be
 * rendered the message goes without it (its signed link still opens the document).
 */
import type { Logger } from '../../log.ts';
import type { PdfRenderPort, WrittenNoticeRepository } from '../../ports/written-notice-ports.ts';

export interface NoticeDocumentDeps {
  writtenNotices: Pick<WrittenNoticeRepository, 'findByMessageId'>;
  pdf: PdfRenderPort;
  log: Pick<Logger, 'warn'>;
}

export interface NoticeDocument {
  fileName: string;
  bytes: Buffer;
}

export async function noticeDocumentFor(deps: NoticeDocumentDeps, messageId: string): Promise<NoticeDocument | null> {
  const notice = await deps.writtenNotices.findByMessageId(messageId);
  if (!notice) return null;
  try {
    return { fileName: `${notice.title}.pdf`, bytes: await deps.pdf.render(notice.html) };
  } catch (err) {
    deps.log.warn({ err, notice: notice.id }, 'written notice not rendered as PDF; sent without the document');
    return null;
  }
}
