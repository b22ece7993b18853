/**
 * A case as staff read it, in one statement: the case's columns, its petitioner's
 * encrypted fields, the leader's name and its written notices, and for the case page
 * the timeline — where Prisma's includes took four or five round trips (case,
 * petitioner, events, notices, leader). Decryption and shaping stay in the repository.
 */
import type { CaseScope, TimelineEvent } from '../../ports/case-ports.ts';
import { scopeSql } from './case-where.ts';
import type { SqlQuery } from './sql-exec.ts';

/** A timeline event as stored: the port's shape, its actor type not yet narrowed. */
export type CaseEventRow = Omit<TimelineEvent, 'actorType'> & { actorType: string };

export interface CaseNoticeRow {
  kind: string;
  issuedAt: Date;
  deliveredAt: Date | null;
  channel: string | null;
}

/** The columns the repository maps into a CaseRecord (names as Prisma's model spells them). */
export interface CaseReadRow {
  id: string;
  caseNumber: string;
  status: string;
  origin: string;
  category: string;
  township: string | null;
  unit: string;
  coUnit: string | null;
  flags: string[];
  sensitivePeriod: string | null;
  facts: string;
  demands: string | null;
  respondent: string | null;
  respondentUnits: string[];
  address: string | null;
  peopleCount: number | null;
  peopleUnit: string | null;
  priorPetition: string | null;
  priorDetail: string | null;
  intakeNotes: unknown;
  representatives: unknown;
  channel: string;
  locale: string;
  createdAt: Date;
  acceptDueAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  reviewDueAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewAnswerDueAt: Date | null;
  consentAt: Date | null;
  consentVersion: string | null;
  consentMethod: string | null;
  receivedOn: string | null;
  leaderStaffId: string | null;
  leaderSince: Date | null;
  /** The petitioner's fields (null without a petitioner). */
  nameEnc: string | null;
  phoneEnc: string | null;
  idNumberEnc: string | null;
  idType: string | null;
  leaderUsername: string | null;
  leaderDisplayName: string | null;
  notices: CaseNoticeRow[];
  /** Empty unless the timeline was asked for. */
  events: CaseEventRow[];
}

const COLUMNS = `c.id::text AS id, c.case_number AS "caseNumber", c.status, c.origin, c.category, c.township, c.unit, c.co_unit AS "coUnit",
  c.flags, c.sensitive_period AS "sensitivePeriod", c.facts, c.demands, c.respondent, c.respondent_units AS "respondentUnits", c.address,
  c.people_count AS "peopleCount", c.people_unit AS "peopleUnit", c.prior_petition AS "priorPetition", c.prior_detail AS "priorDetail",
  c.intake_notes AS "intakeNotes", c.representatives, c.channel, c.locale, c.created_at AS "createdAt", c.accept_due_at AS "acceptDueAt",
  c.reply_due_at AS "replyDueAt", c.replied_at AS "repliedAt", c.review_due_at AS "reviewDueAt", c.review_requested_at AS "reviewRequestedAt",
  c.review_answer_due_at AS "reviewAnswerDueAt", c.consent_at AS "consentAt", c.consent_version AS "consentVersion",
  c.consent_method AS "consentMethod", c.received_on AS "receivedOn", c.leader_staff_id::text AS "leaderStaffId", c.leader_since AS "leaderSince",
  p.name_enc AS "nameEnc", p.phone_enc AS "phoneEnc", p.id_number_enc AS "idNumberEnc", p.id_type AS "idType",
  l.username AS "leaderUsername", l.display_name AS "leaderDisplayName",
  (SELECT json_agg(json_build_object('kind', n.kind, 'issuedAt', n.issued_at, 'deliveredAt', n.delivered_at, 'channel', n.channel) ORDER BY n.issued_at)
     FROM written_notices n WHERE n.case_id = c.id) AS notices`;

const EVENTS = `(SELECT json_agg(json_build_object('at', e.at, 'actorType', e.actor_type, 'actorId', e.actor_id, 'kind', e.kind, 'public', e.public,
     'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note) ORDER BY e.at)
   FROM case_events e WHERE e.case_id = c.id) AS events`;

const JOINS = `LEFT JOIN petitioners p ON p.id = c.petitioner_id LEFT JOIN staff_accounts l ON l.id = c.leader_staff_id`;

type RawRow = Omit<CaseReadRow, 'notices' | 'events'> & {
  notices: (Omit<CaseNoticeRow, 'issuedAt' | 'deliveredAt'> & { issuedAt: string; deliveredAt: string | null })[] | null;
  events?: (Omit<CaseEventRow, 'at'> & { at: string })[] | null;
};

/** JSON carries instants as text: back to Dates. */
function withDates(r: RawRow): CaseReadRow {
  return {
    ...r,
    notices: (r.notices ?? []).map((n) => ({ ...n, issuedAt: new Date(n.issuedAt), deliveredAt: n.deliveredAt === null ? null : new Date(n.deliveredAt) })),
    events: (r.events ?? []).map((e) => ({ ...e, at: new Date(e.at) })),
  };
}

/** The case with this number within the scope, with its timeline; null when missing or outside. */
export async function caseByNumber(q: SqlQuery, caseNumber: string, scope: CaseScope): Promise<CaseReadRow | null> {
  const params: unknown[] = [caseNumber];
  const rows = await q.query<RawRow>(`SELECT ${COLUMNS}, ${EVENTS} FROM cases c ${JOINS} WHERE c.case_number = $1 AND ${scopeSql(scope, params)}`, params);
  return rows[0] ? withDates(rows[0]) : null;
}

/** These cases (already scoped by the caller's query), without their timelines, in the order of `ids`. */
export async function casesByIds(q: SqlQuery, ids: readonly string[]): Promise<CaseReadRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<RawRow>(
    `SELECT ${COLUMNS} FROM unnest($1::uuid[]) WITH ORDINALITY k(id, i) JOIN cases c ON c.id = k.id ${JOINS} ORDER BY k.i`,
    [ids],
  );
  return rows.map(withDates);
}
