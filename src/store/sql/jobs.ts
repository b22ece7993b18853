/** The jobs' statements: what is due, bounded and oldest first, and the job lock. */
import type { SqlQuery } from './sql-exec.ts';
import type { CallbackCandidate, LateStep } from '../../ports/job-ports.ts';

/** Transaction-scoped advisory lock on (namespace, key): false when another session holds it. */
export async function tryXactLock(q: SqlQuery, namespace: number, key: string): Promise<boolean> {
  const rows = await q.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1::int, hashtext($2)) AS locked`, [namespace, key]);
  return rows[0]?.locked === true;
}

/** Waits for the transaction-scoped advisory lock on (namespace, key). */
export async function xactLock(q: SqlQuery, namespace: number, key: string): Promise<void> {
  // Selected inside a subquery: the function returns void, which a driver may not read.
  await q.query(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock($1::int, hashtext($2))) l`, [namespace, key]);
}

const DUE_COLUMN = { accept: 'accept_due_at', reply: 'reply_due_at', review: 'review_answer_due_at' } as const;

/**
 * Cases in `statuses` whose `kind` deadline falls before `until` and whose alert for
 * it (due soon, or overdue once past `now`) is not raised yet; earliest first.
 */
export async function dueCaseIds(q: SqlQuery, kind: keyof typeof DUE_COLUMN, statuses: readonly string[], now: Date, until: Date, take: number): Promise<string[]> {
  const col = `c.${DUE_COLUMN[kind]}`;
  const rows = await q.query<{ id: string }>(
    `SELECT c.id::text AS id FROM cases c
     WHERE c.status = ANY ($1::text[]) AND ${col} IS NOT NULL AND ${col} <= $2::timestamptz
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = (CASE WHEN ${col} < $3::timestamptz THEN 'overdue:' ELSE 'due_soon:' END) || $4 || ':' || c.id::text)
     ORDER BY ${col} ASC, c.id ASC LIMIT $5::int`,
    [[...statuses], until, now, kind, take],
  );
  return rows.map((r) => r.id);
}

/** A case to ask the callback question of, as the job port names it. */
export type CallbackRow = CallbackCandidate;

/** Replied or closed cases replied by `repliedBefore`, never asked yet, with a conversation to ask in; oldest reply first. */
export async function callbackCandidates(q: SqlQuery, repliedBefore: Date, take: number): Promise<CallbackRow[]> {
  const rows = await q.query<CallbackRow>(
    `SELECT c.id::text AS id, c.case_number AS "caseNumber", c.conversation_id::text AS "conversationId", c.locale, c.replied_at AS "repliedAt"
     FROM cases c JOIN conversations v ON v.id = c.conversation_id
     WHERE c.status IN ('replied', 'closed') AND c.replied_at IS NOT NULL AND c.replied_at <= $1::timestamptz AND c.follow_up_sent_at IS NULL
     ORDER BY c.replied_at ASC, c.id ASC LIMIT $2::int`,
    [repliedBefore, take],
  );
  return rows.map((r) => ({ ...r, repliedAt: new Date(r.repliedAt) }));
}

/** A late plan step, as the job port names it. */
export type LateStepRow = LateStep;

/** Open plan steps past due on cases not closed whose alert was not raised yet, earliest first. */
export async function lateSteps(q: SqlQuery, now: Date, take: number): Promise<LateStepRow[]> {
  const rows = await q.query<LateStepRow>(
    `SELECT s.case_id::text AS "caseId", c.case_number AS "caseNumber", c.unit, s.step_id AS "stepId", s.plan_code AS "planCode", s.due_at AS "dueAt"
     FROM case_plan_steps s JOIN cases c ON c.id = s.case_id
     WHERE s.done_at IS NULL AND s.due_at < $1::timestamptz AND c.status NOT IN ('closed', 'not_accepted')
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'plan_step_late:' || s.case_id::text || ':' || s.step_id)
     ORDER BY s.due_at ASC, s.case_id ASC, s.step_id ASC LIMIT $2::int`,
    [now, take],
  );
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
}

/**
 * Risk or group cases created since `since`, still open and without a plan, oldest first
 * (the plan sweep's safety net); members of a group incident that has its plan are covered by it.
 */
export async function unplannedCaseIds(q: SqlQuery, since: Date, take: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT c.id::text AS id FROM cases c LEFT JOIN incidents i ON i.id = c.incident_id
     WHERE c.plan_code IS NULL AND c.created_at >= $1::timestamptz AND c.status NOT IN ('closed', 'not_accepted')
       AND c.flags && ARRAY['risk', 'group']::text[] AND i.plan_case_id IS NULL
     ORDER BY c.created_at ASC, c.id ASC LIMIT $2::int`,
    [since, take],
  );
  return rows.map((r) => r.id);
}
