/**
 * The API shape of a supervision notice, who may issue and answer one, and the texts
 * a notice writes into the timeline and the alert (no personal data: the case
 * number, the unit, the date).
 */
import { localDate } from '../../domain/deadlines.ts';
import { unitName, type CountyConfig } from '../../domain/county/schema.ts';
import type { CaseActionRepository } from '../../ports/case-action-ports.ts';
import type { Clock } from '../../ports/clock.ts';
import type { StaffPrincipal } from '../staff-accounts/staff-principal.ts';
import type { NoticeRecord, SuperviseNoticeRepository } from '../../ports/supervise-notice-ports.ts';

export interface SupervisionDeps {
  notices: SuperviseNoticeRepository;
  actions: Pick<CaseActionRepository, 'findState'>;
  county: CountyConfig;
  clock: Clock;
}

export interface NoticeView {
  id: string;
  caseNumber: string;
  unit: string;
  issuedBy: string;
  issuedAt: string;
  dueAt: string;
  message: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  /** Unanswered and past its due time. */
  overdue: boolean;
}

export const ISSUER_ROLES: readonly StaffPrincipal['role'][] = ['supervisor', 'admin', 'intake'];

export const mayIssueNotice = (who: StaffPrincipal) => ISSUER_ROLES.includes(who.role);

/** The unit's own handlers answer; the admin may answer for any unit. */
export const mayAnswerNotice = (who: StaffPrincipal, n: Pick<NoticeRecord, 'unit' | 'answeredAt'>) =>
  n.answeredAt === null && (who.role === 'admin' || (who.role === 'handler' && who.unit === n.unit));

export function toNoticeView(n: NoticeRecord, now: Date): NoticeView {
  return {
    id: n.id,
    caseNumber: n.caseNumber,
    unit: n.unit,
    issuedBy: n.issuedBy,
    issuedAt: n.issuedAt.toISOString(),
    dueAt: n.dueAt.toISOString(),
    message: n.message,
    answer: n.answer,
    answeredAt: n.answeredAt ? n.answeredAt.toISOString() : null,
    answeredBy: n.answeredBy,
    overdue: n.answeredAt === null && n.dueAt.getTime() < now.getTime(),
  };
}

export const noticeTexts = {
  event: (cfg: CountyConfig, unit: string, dueAt: Date, message: string) =>
    `督办通知 Supervision notice → ${unitName(cfg, unit, 'zh')}，限 ${localDate(dueAt, cfg.utcOffsetMinutes)} 前答复 answer by that date：${message}`,
  alert: (cfg: CountyConfig, caseNumber: string, unit: string, dueAt: Date) =>
    `案件 ${caseNumber} 收到督办通知，请于 ${localDate(dueAt, cfg.utcOffsetMinutes)} 前答复（${unitName(cfg, unit, 'zh')}）/ supervision notice on case ${caseNumber}: answer by ${localDate(dueAt, cfg.utcOffsetMinutes)}`,
  answer: (cfg: CountyConfig, unit: string, answer: string) => `督办答复 Answer to the supervision notice（${unitName(cfg, unit, 'zh')}）：${answer}`,
};
