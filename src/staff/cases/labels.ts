/** Console wording for statuses, actions, flags and timeline events (zh with en). */
import type { CaseAction, CaseStatus } from '../../domain/case/lifecycle.ts';
import { localDate, type DueState } from '../../domain/deadlines.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理 Submitted',
  accepted: '已受理 Accepted',
  not_accepted: '不予受理 Not accepted',
  transferred: '已转交 Transferred',
  in_progress: '办理中 In progress',
  extended: '已延期 Extended',
  replied: '已答复 Replied',
  review_requested: '申请复查 Review requested',
  closed: '已办结 Closed',
};

export const statusLabel = (s: string) => STATUS_LABELS[s as CaseStatus] ?? s;

export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理 Accept',
  not_accept: '不予受理 Not accept',
  transfer: '转交 Transfer',
  start_handling: '开始办理 Start handling',
  note: '办理记录 Add note',
  extend: '延期 Extend',
  reply: '书面答复 Reply',
  request_review: '登记复查申请 Register review request',
  review_reply: '复查意见 Review answer',
  close: '办结 Close',
};

export const FLAG_LABELS: Record<string, string> = {
  group: '集体 Group',
  risk: '风险 Risk',
  repeat: '重复 Repeat',
  overdue: '超期 Overdue',
};

const EVENT_LABELS: Record<string, string> = {
  submitted: '提交 Filed',
  accept: '受理 Accepted',
  not_accept: '不予受理 Not accepted',
  transfer: '转交 Transferred',
  assign_co_handler: '指定协办单位 Co-handler assigned',
  assign_leader: '包案领导 Leader in charge',
  start_handling: '开始办理 Handling started',
  note: '办理记录 Note',
  extend: '延期 Extended',
  reply: '书面答复 Replied',
  request_review: '申请复查 Review requested',
  review_reply: '复查意见 Review answered',
  close: '办结 Closed',
  supplement: '补充材料 Material added',
  attachment: '附件 Attachment',
  rated: '评价 Rated',
  supervision: '督办 Supervision',
  supervision_answer: '督办回复 Supervision answered',
  risk_flagged: '风险预警 Risk flagged',
  screening_report: '排查上报 Screening report',
  register: '来信来访来电登记 Registered by staff',
  plan_opened: '启动预案 Emergency plan opened',
  plan_step_done: '预案步骤完成 Plan step done',
  plan_step_waived: '预案步骤未完成即办结 Plan step waived',
  review_summary: '事后总结 After-action review',
  link_confirmed: '确认关联 Link confirmed',
  link_unlinked: '解除关联 Link removed',
  follow_up_resolved: '回访：已解决 Follow-up: resolved',
  follow_up_unresolved: '回访：未解决 Follow-up: not resolved',
  anonymized: '个人信息已按期限清除 Personal data erased (retention)',
};

export const eventLabel = (kind: string) => EVENT_LABELS[kind] ?? kind;

export const DUE_LABELS: Record<DueState, string> = { ok: '', due_soon: '即将到期 due soon', overdue: '已超期 overdue' };

/** County-local date and time, as staff read it: 2026-11-27 10:00. */
export function fmtDateTime(at: Date | string | null, cfg: CountyConfig): string {
  if (!at) return '—';
  const d = new Date(at);
  const local = new Date(d.getTime() + cfg.utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export function fmtDate(at: Date | string | null, cfg: CountyConfig): string {
  return at ? localDate(new Date(at), cfg.utcOffsetMinutes) : '—';
}

/** Where a case comes from (the Case API's `origin`). */
export const ORIGIN_LABELS: Record<string, string> = {
  petition: '信访（对话） Petition in chat',
  screening: '排查 Screening',
  letter: '来信 Letter',
  visit: '来访 Visit',
  call: '来电 Call',
};

/** How the three understandings were told to a petitioner registered by staff. */
export const CONSENT_LABELS: Record<string, string> = {
  told_in_person: '来访时当面告知并同意 Told in person, agreed',
  told_by_phone: '来电时电话告知并同意 Told on the phone, agreed',
  in_writing: '随登记回执书面告知 In writing with the receipt',
};
