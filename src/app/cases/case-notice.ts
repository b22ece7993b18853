/**
 * The plain-language message a citizen receives when staff move the case on: which
 * case, its new status in the case lookup's own words, what happened, and how to
 * check again. Written in the case's locale.
 */
import type { CaseStatus } from '../../domain/case/lifecycle.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import { t, type MessageKey } from '../../dialog/catalog/catalog.ts';
import { formatDate, statusName } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { Locale } from '../../dialog/types.ts';

export type NoticeLine = { key: MessageKey; params?: Record<string, string | number> } | string;

export interface NoticeContext {
  county: CountyConfig;
  locale: Locale;
  caseNumber: string;
}

export function caseNoticeText(c: NoticeContext, status: CaseStatus, lines: readonly (NoticeLine | null)[]): string {
  const l = c.locale;
  const body = lines
    .filter((x): x is NoticeLine => x !== null)
    .map((x) => (typeof x === 'string' ? x : t(l, x.key, x.params)));
  return [
    t(l, 'cnHeader', { caseNumber: c.caseNumber }),
    t(l, 'lookupStatusLine', { status: statusName(status, l) }),
    ...body,
    t(l, 'cnFooter'),
  ].join('\n');
}

/**
 * The notice a transition commits with (the repository queues it in the outbox in the
 * transition's own transaction); null when the case has no conversation to tell.
 */
export function noticeFor(state: { conversationId: string | null }, text: string): { conversationId: string; text: string } | null {
  return state.conversationId ? { conversationId: state.conversationId, text } : null;
}

/** Helpers for the lines' parameters, in the citizen's language. */
export const noticeDate = (c: NoticeContext, at: Date) => formatDate(at, c.county, c.locale);
export const noticeUnit = (c: NoticeContext, code: string) => unitName(c.county, code, c.locale);
