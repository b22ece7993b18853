/**
 * The review stage (复查) as pure rules: when a citizen may ask for a review (after the
 * written reply, inside the window, once — also after a case was closed early), when
 * the answer is due, who answers it (the county's review body, never the unit whose
 * reply is reviewed), and when a replied case may be closed (not while the citizen's
 * review window is open, unless the citizen said they are satisfied).
 */
import type { CountyConfig } from '../county/schema.ts';
import { dueAfter, reviewRequestDue, type DeadlineContext } from '../deadlines.ts';
import type { CaseStatus } from './lifecycle.ts';

/** What the review rules read of a case. */
export interface ReviewFacts {
  status: CaseStatus;
  repliedAt: Date | null;
  reviewRequestedAt: Date | null;
  /** The end of the citizen's window after the reply (stored when replied); else counted from repliedAt. */
  reviewDueAt?: Date | null;
  reviewRepliedAt?: Date | null;
}

export type ReviewRequestCheck =
  | { ok: true; answerDueAt: Date }
  | { ok: false; reason: 'not_replied' | 'already_requested' | 'window_closed'; windowEnd: Date | null };

/** Statuses a review may be asked from: the reply, or a case closed after its reply. */
export const REVIEWABLE: readonly CaseStatus[] = ['replied', 'closed'];

/** The end of the citizen's window to ask for a review of the written reply. */
export const reviewWindowEnd = (f: Pick<ReviewFacts, 'repliedAt' | 'reviewDueAt'>, c: DeadlineContext): Date | null =>
  f.repliedAt ? (f.reviewDueAt ?? reviewRequestDue(f.repliedAt, c)) : null;

/** When the review body must answer a review asked at `at`. */
export const reviewAnswerDue = (at: Date, c: DeadlineContext): Date => dueAfter(at, c.rules.reviewAnswerDays, c.rules, c.utcOffsetMinutes);

/** Whether a review may be asked now; the answer's deadline when it may. Once per case. */
export function checkReviewRequest(f: ReviewFacts, now: Date, c: DeadlineContext): ReviewRequestCheck {
  if (f.status === 'review_requested' || f.reviewRequestedAt) return { ok: false, reason: 'already_requested', windowEnd: null };
  if (!REVIEWABLE.includes(f.status) || !f.repliedAt) return { ok: false, reason: 'not_replied', windowEnd: null };
  const end = reviewWindowEnd(f, c)!;
  if (now.getTime() > end.getTime()) return { ok: false, reason: 'window_closed', windowEnd: end };
  return { ok: true, answerDueAt: reviewAnswerDue(now, c) };
}

/** The citizen's own word that the handling satisfies them: a rating, or "resolved" to the callback question. */
export interface SatisfactionFacts {
  ratingHandling: string | null;
  followUpResolved: boolean | null;
}

export const SATISFIED = ['satisfied', 'basically_satisfied'] as const;

export const saidSatisfied = (s: SatisfactionFacts): boolean =>
  (SATISFIED as readonly string[]).includes(s.ratingHandling ?? '') || s.followUpResolved === true;

/**
 * A replied case waits for the citizen's review window to pass before it is closed,
 * unless the citizen said they are satisfied. After the review's answer the next
 * step (复核) is with the body above the review body, so closing is not held up.
 * Returns the window's end while it holds the close, else null.
 */
export function closeHeldByReviewWindow(f: ReviewFacts & SatisfactionFacts, now: Date, c: DeadlineContext): Date | null {
  if (f.status !== 'replied' || f.reviewRequestedAt || f.reviewRepliedAt) return null;
  const end = reviewWindowEnd(f, c);
  if (!end || now.getTime() > end.getTime()) return null;
  return saidSatisfied(f) ? null : end;
}

export interface Actor {
  role: string;
  unit: string | null;
}

/** Staff who act for the county's review body: its role and unit. */
export const actsForReviewBody = (who: Actor, cfg: Pick<CountyConfig, 'reviewBody'>): boolean =>
  !!cfg.reviewBody && who.role === cfg.reviewBody.role && who.unit === cfg.reviewBody.unit;

/**
 * Whether the caller belongs to the unit whose reply is under review: its own
 * handlers, or the bureau's intake when the bureau itself replied (category `other`).
 */
export function isReviewedUnit(who: Actor, caseUnit: string, cfg: Pick<CountyConfig, 'bureauUnit'>): boolean {
  if (who.role === 'handler') return who.unit === caseUnit;
  return who.role === 'intake' && caseUnit === cfg.bureauUnit && (who.unit === null || who.unit === cfg.bureauUnit);
}

export type ReviewAnswerCheck = 'ok' | 'reviewed_unit' | 'not_review_body';

/** Who may answer a review: the review body's staff, or the admin; never the unit whose reply is reviewed. */
export function mayAnswerReview(who: Actor, caseUnit: string, cfg: Pick<CountyConfig, 'reviewBody' | 'bureauUnit'>): ReviewAnswerCheck {
  if (isReviewedUnit(who, caseUnit, cfg)) return 'reviewed_unit';
  if (who.role === 'admin' || actsForReviewBody(who, cfg)) return 'ok';
  return 'not_review_body';
}
