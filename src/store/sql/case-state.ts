/**
 * The state a lifecycle action (and the case page) decides on, in one statement: the
 * case's columns and the count of its `extend` events, within the caller's scope.
 */
import type { CaseActionState } from '../../ports/case-action-ports.ts';
import type { CaseScope } from '../../ports/case-ports.ts';
import { scopeSql } from './case-where.ts';
import type { SqlQuery } from './sql-exec.ts';

type StateRow = Omit<CaseActionState, 'status' | 'locale'> & { status: string; locale: string };

export async function caseState(q: SqlQuery, caseNumber: string, scope: CaseScope): Promise<CaseActionState | null> {
  const params: unknown[] = [caseNumber];
  const rows = await q.query<StateRow>(
    `SELECT c.id::text AS id, c.case_number AS "caseNumber", c.status, c.category, c.township, c.unit, c.co_unit AS "coUnit",
       c.respondent, c.respondent_units AS "respondentUnits", c.facts, c.demands, c.conversation_id::text AS "conversationId", c.locale,
       c.created_at AS "createdAt", c.accept_due_at AS "acceptDueAt", c.accepted_at AS "acceptedAt", c.reply_due_at AS "replyDueAt",
       c.extension_days AS "extensionDays", c.replied_at AS "repliedAt", c.review_due_at AS "reviewDueAt",
       c.review_requested_at AS "reviewRequestedAt", c.review_answer_due_at AS "reviewAnswerDueAt", c.review_replied_at AS "reviewRepliedAt",
       c.rating_handling AS "ratingHandling", c.follow_up_resolved AS "followUpResolved", c.closed_at AS "closedAt",
       c.holder_staff_id::text AS "holderStaffId", c.leader_staff_id::text AS "leaderStaffId", c.leader_since AS "leaderSince",
       c.plan_code AS "planCode", c.incident_id::text AS "incidentId",
       (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.kind = 'extend') AS extensions
     FROM cases c WHERE c.case_number = $1 AND ${scopeSql(scope, params)}`,
    params,
  );
  const r = rows[0];
  if (!r) return null;
  return { ...r, status: r.status as CaseActionState['status'], locale: r.locale === 'en' ? 'en' : 'zh' };
}
