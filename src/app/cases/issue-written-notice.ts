/**
 * The written notice (书面告知) a case action issues: filled from the county's template
 * in the case's language, as one HTML document, and marked for printing when the case
 * came by letter, visit or call (or has no chat to deliver it on). The action commits
 * it with its transition (CaseTransitionWrite.writtenNotice).
 */
import { unitName } from '../../domain/county/schema.ts';
import { noticeDeliveryFor, renderNoticeHtml, noticeParagraphs, type NoticeKind, type NoticeValues } from '../../domain/notices/written-notice.ts';
import { formatDate } from '../../dialog/forms/case-lookup/citizen-case-view.ts';
import type { CaseActionState } from '../../ports/case-action-ports.ts';
import type { WrittenNoticeWrite } from '../../ports/written-notice-ports.ts';
import { randomUUID } from 'node:crypto';
import type { CaseActionDeps } from './case-action-kit.ts';
import { noticeLinkPath } from './notice-link.ts';
import type { NoticeLine } from './case-notice.ts';

const NUMBER_LINE = { zh: (n: string) => `案件编号：${n}`, en: (n: string) => `Case number: ${n}` };
const ANONYMOUS = { zh: '信访人', en: 'Petitioner' };

/**
 * `values`: the kind's own placeholders (reason, channel, days, newDue, answer, …); the
 * petitioner, case number, received date and unit are filled here. `issuer`: the unit
 * that decides (default: the competent unit).
 */
export async function writtenNoticeFor(
  deps: Pick<CaseActionDeps, 'cases' | 'county'>,
  state: CaseActionState,
  kind: NoticeKind,
  at: Date,
  values: NoticeValues,
  issuer?: string,
): Promise<WrittenNoticeWrite> {
  const kase = await deps.cases.findByNumber(state.caseNumber, { all: true });
  const locale = state.locale;
  const date = (d: Date | string) => formatDate(d, deps.county, locale);
  const all: NoticeValues = {
    petitioner: kase?.petitioner.name ?? ANONYMOUS[locale],
    caseNumber: state.caseNumber,
    receivedOn: kase?.receivedOn ? date(`${kase.receivedOn}T12:00:00Z`) : date(kase?.createdAt ?? at),
    unit: unitName(deps.county, state.unit, locale),
    ...values,
  };
  const template = deps.county.noticeTemplates[kind][locale];
  const delivery = noticeDeliveryFor({ origin: kase?.origin ?? 'petition', conversationId: state.conversationId });
  return {
    id: randomUUID(),
    kind,
    locale,
    title: noticeParagraphs(template, all).title,
    html: renderNoticeHtml(template, all, {
      lang: locale,
      numberLine: NUMBER_LINE[locale](state.caseNumber),
      issuer: issuer ?? unitName(deps.county, state.unit, locale),
      date: date(at),
    }),
    delivery,
    channel: delivery === 'print' ? 'print' : (kase?.channel ?? 'web'),
  };
}

/** The chat line that tells the citizen a written notice was issued, with its signed link where links are signed. */
export function writtenNoticeLine(deps: Pick<CaseActionDeps, 'noticeLinks'>, n: WrittenNoticeWrite): NoticeLine {
  if (!deps.noticeLinks) return { key: 'cnWrittenNotice' as const, params: { title: n.title } };
  return { key: 'cnWrittenNoticeLink' as const, params: { title: n.title, link: noticeLinkPath(n.id, deps.noticeLinks) } };
}
