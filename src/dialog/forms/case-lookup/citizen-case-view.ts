/**
 * The case as a citizen reads it: status in plain words, who handles it, the
 * deadline that matters now, the public timeline, and the next remedy after a reply.
 */
import { isOpenStatus, type CaseStatus } from '../../../domain/case/lifecycle.ts';
import { localDate, reviewRequestDue, withinReviewWindow, type DeadlineContext } from '../../../domain/deadlines.ts';
import { unitName, type CountyConfig } from '../../../domain/county/schema.ts';
import { t, type MessageKey } from '../../catalog/catalog.ts';
import { remedyBody } from '../../guide.ts';
import { button } from '../../replies.ts';
import type { Button, Locale, PublicCaseView } from '../../types.ts';

/** Timeline entries shown; older ones are left out so the answer stays readable. */
const TIMELINE_LIMIT = 8;
/** A staff note is cut here in the chat; the full text is in the case. */
const NOTE_LIMIT = 300;

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const deadlineContext = (cfg: CountyConfig): DeadlineContext => ({ rules: cfg.deadlines, utcOffsetMinutes: cfg.utcOffsetMinutes });

/** A local calendar date as people write it: 2026年12月12日 / 12 December 2026. */
export function formatDate(at: Date | string, cfg: CountyConfig, locale: Locale): string {
  const [y, m, d] = localDate(new Date(at), cfg.utcOffsetMinutes).split('-').map(Number) as [number, number, number];
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

export const statusName = (status: CaseStatus, locale: Locale) => t(locale, `st_${status}`);

const EVENT_KEYS: Readonly<Record<string, MessageKey>> = {
  submitted: 'ev_submitted',
  accept: 'ev_accepted',
  accepted: 'ev_accepted',
  not_accept: 'ev_not_accepted',
  not_accepted: 'ev_not_accepted',
  transfer: 'ev_transferred',
  transferred: 'ev_transferred',
  start_handling: 'ev_in_progress',
  in_progress: 'ev_in_progress',
  extend: 'ev_extended',
  extended: 'ev_extended',
  reply: 'ev_replied',
  replied: 'ev_replied',
  request_review: 'ev_review_requested',
  review_requested: 'ev_review_requested',
  review_reply: 'ev_review_answered',
  close: 'ev_closed',
  closed: 'ev_closed',
  supplement: 'ev_supplement',
  follow_up_resolved: 'ev_follow_up_resolved',
  follow_up_unresolved: 'ev_follow_up_unresolved',
};

/** End of the review window, when the case has a reply that can still be reviewed. */
export function reviewWindow(view: PublicCaseView, now: Date, cfg: CountyConfig): { until: Date; open: boolean } | null {
  // A case closed after its reply keeps the citizen's window (asking reopens it).
  if ((view.status !== 'replied' && view.status !== 'closed') || !view.repliedAt || view.reviewRequestedAt) return null;
  const repliedAt = new Date(view.repliedAt);
  const c = deadlineContext(cfg);
  return { until: reviewRequestDue(repliedAt, c), open: withinReviewWindow(repliedAt, now, c) };
}

/** The sentence that tells a citizen how and until when to ask for a review. */
export const reviewOpenText = (until: Date | string, cfg: CountyConfig, l: Locale) =>
  t(l, 'lookupReviewOpen', { date: formatDate(until, cfg, l), body: remedyBody(cfg, 'reviewBody', l) });

function deadlineLine(view: PublicCaseView, cfg: CountyConfig, l: Locale): string | null {
  if ((view.status === 'submitted' || view.status === 'transferred') && view.acceptDueAt) {
    return t(l, 'lookupAcceptDueLine', { date: formatDate(view.acceptDueAt, cfg, l) });
  }
  if ((view.status === 'accepted' || view.status === 'in_progress' || view.status === 'extended') && view.replyDueAt) {
    return t(l, 'lookupReplyDueLine', { date: formatDate(view.replyDueAt, cfg, l) });
  }
  return null;
}

function timelineLines(view: PublicCaseView, cfg: CountyConfig, l: Locale): string[] {
  if (view.timeline.length === 0) return [];
  const lines = view.timeline.slice(-TIMELINE_LIMIT).map((e) => {
    const what = t(l, EVENT_KEYS[e.kind] ?? 'ev_note');
    const date = formatDate(e.at, cfg, l);
    const note = e.note?.trim();
    if (!note) return t(l, 'lookupTimelineItem', { date, what });
    return t(l, 'lookupTimelineItemNote', { date, what, note: note.length > NOTE_LIMIT ? `${note.slice(0, NOTE_LIMIT)}…` : note });
  });
  return [t(l, 'lookupTimelineTitle'), ...lines];
}

function remedyLine(view: PublicCaseView, now: Date, cfg: CountyConfig, l: Locale): string | null {
  if (view.status === 'review_requested' && view.reviewRequestedAt) {
    return t(l, 'lookupReviewPending', { date: formatDate(view.reviewRequestedAt, cfg, l) });
  }
  if (view.reviewRepliedAt && view.recheckUntil) {
    const until = formatDate(view.recheckUntil, cfg, l);
    return now.getTime() <= Date.parse(view.recheckUntil) ? t(l, 'lookupRecheckOpen', { date: until, body: remedyBody(cfg, 'recheckBody', l) }) : t(l, 'lookupRecheckClosed', { date: until });
  }
  const w = reviewWindow(view, now, cfg);
  if (!w) return null;
  return w.open ? reviewOpenText(w.until, cfg, l) : t(l, 'lookupReviewClosed', { date: formatDate(w.until, cfg, l) });
}

/** The whole status answer, one message. */
export function caseViewText(view: PublicCaseView, now: Date, cfg: CountyConfig, l: Locale): string {
  const head = [
    t(l, 'lookupCaseLine', { caseNumber: view.caseNumber }),
    t(l, 'lookupStatusLine', { status: statusName(view.status, l) }),
    t(l, 'lookupUnitLine', { unit: unitName(cfg, view.unit, l) }),
    view.coUnit ? t(l, 'lookupCoUnitLine', { unit: unitName(cfg, view.coUnit, l) }) : null,
    deadlineLine(view, cfg, l),
  ].filter((x): x is string => x !== null);
  const remedy = remedyLine(view, now, cfg, l);
  const timeline = timelineLines(view, cfg, l);
  return [head.join('\n'), timeline.join('\n'), remedy].filter((x): x is string => !!x).join('\n\n');
}

const ACCEPTANCE_RATABLE: readonly CaseStatus[] = ['accepted', 'in_progress', 'extended', 'not_accepted'];

/** Which stage the citizen may rate now, if any (the handling outcome first). */
export function ratableStage(view: PublicCaseView): 'acceptance' | 'handling' | null {
  if ((view.status === 'replied' || view.status === 'closed') && view.repliedAt && !view.ratings.handling) return 'handling';
  if (ACCEPTANCE_RATABLE.includes(view.status) && !view.ratings.acceptance) return 'acceptance';
  return null;
}

/** The case actions that make sense for the case now, as buttons. */
export function actionButtons(view: PublicCaseView, now: Date, cfg: CountyConfig, l: Locale): Button[] {
  const out: Button[] = [];
  if (isOpenStatus(view.status)) out.push(button(l, 'lookupBtnAddMaterial', 'fu:supplement'));
  if (ACCEPTANCE_RATABLE.includes(view.status) && !view.ratings.acceptance) {
    out.push(button(l, 'lookupBtnRateAcceptance', 'fu:rate:acceptance'));
  }
  if (ratableStage(view) === 'handling') out.push(button(l, 'lookupBtnRateHandling', 'fu:rate:handling'));
  if (reviewWindow(view, now, cfg)?.open) out.push(button(l, 'lookupBtnRequestReview', 'fu:review'));
  return out;
}
