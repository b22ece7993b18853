/**
 * Written notices (书面告知) kept with a case: issued by a case action in the action's
 * own transaction (CaseTransitionWrite.writtenNotice), delivered on the citizen's chat
 * (recorded when the outbox message carrying it is delivered) or printed and handed
 * over by staff, who record the delivery here. Reads are by case id: the caller has
 * already found the case within its scope.
 */
import type { NoticeDelivery, NoticeKind } from '../domain/notices/written-notice.ts';

/** What an action writes: the document as issued. */
export interface WrittenNoticeWrite {
  /** Chosen by the issuer, so the citizen's message can link to it. */
  id: string;
  kind: NoticeKind;
  locale: 'zh' | 'en';
  title: string;
  html: string;
  delivery: NoticeDelivery;
  /** The channel it goes by: the citizen's chat channel, or `print`. */
  channel: string;
}

export interface WrittenNoticeSummary {
  id: string;
  kind: NoticeKind;
  locale: 'zh' | 'en';
  title: string;
  issuedAt: Date;
  delivery: NoticeDelivery;
  deliveredAt: Date | null;
  /** The chat channel, `print` until handed over, then how it was (in_person, post, …). */
  channel: string | null;
  deliveredBy: string | null;
  deliveryNote: string | null;
}

export interface WrittenNoticeDocument extends WrittenNoticeSummary {
  html: string;
}

export interface HandDeliveryRecord {
  caseId: string;
  caseNumber: string;
  noticeId: string;
  at: Date;
  channel: string;
  actorId: string;
  note: string | null;
}

/** HTML to PDF (Chromium): a notice sent as a document. Throws when it cannot render. */
export interface PdfRenderPort {
  render(html: string): Promise<Buffer>;
}

export interface WrittenNoticeRepository {
  listForCase(caseId: string): Promise<WrittenNoticeSummary[]>;
  /** The notice an outbox message carries (a channel that sends the document with it), or null. */
  findByMessageId(messageId: string): Promise<WrittenNoticeDocument | null>;
  /** By id alone: for the citizen's signed link (the signature is checked first). */
  findById(noticeId: string): Promise<WrittenNoticeDocument | null>;
  /** null unless the notice belongs to that case. */
  find(caseId: string, noticeId: string): Promise<WrittenNoticeDocument | null>;
  /**
   * Records a printed notice's delivery by hand, with its audit entry, once:
   * 'already' when its delivery is recorded, 'not_found' when it is not that case's.
   */
  recordHandDelivery(r: HandDeliveryRecord): Promise<'ok' | 'already' | 'not_found'>;
}
