/**
 * The citizen's link to a written notice: `/notices/<id>?s=<signature>`, a keyed hash
 * of the notice id (the store's key), sent in the chat message that carries the
 * notice. Whoever holds the message can open the document; nothing else can — a
 * wrong signature or an unknown notice is the same 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { WrittenNoticeDocument, WrittenNoticeRepository } from '../../ports/written-notice-ports.ts';

export interface NoticeLinkSigner {
  sign(noticeId: string): string;
}

export const noticeLinkPath = (noticeId: string, signer: NoticeLinkSigner) => `/notices/${noticeId}?s=${signer.sign(noticeId)}`;

export async function openNoticeByLink(
  deps: { writtenNotices: Pick<WrittenNoticeRepository, 'findById'>; noticeLinks: NoticeLinkSigner },
  noticeId: string,
  signature: string,
): Promise<WrittenNoticeDocument> {
  const expected = Buffer.from(deps.noticeLinks.sign(noticeId));
  const given = Buffer.from(signature);
  const valid = expected.length === given.length && timingSafeEqual(expected, given);
  const notice = valid ? await deps.writtenNotices.findById(noticeId) : null;
  if (!notice) throw new AppError('not_found', 'no such notice');
  return notice;
}
