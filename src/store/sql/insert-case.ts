/**
 * A new case in one statement: its petitioner, the case, the `submitted` timeline
 * event, its first holding (the competent unit, since receipt) and, optionally, the
 * material a chat sent before the case existed (within UNATTACHED_UPLOAD_TTL_MS). One round trip instead of five:
 * a filing's statements run one after another, and under load each waits its turn.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { formatCaseNumber } from '../../domain/case/case-number.ts';
import { UNATTACHED_UPLOAD_TTL_MS } from '../../domain/attachment-type.ts';
import type { PersonalDataCipher } from '../personal-data-cipher.ts';
import type { NewCase } from '../../ports/case-ports.ts';
import type { SqlQuery } from './sql-exec.ts';

export interface InsertedCase {
  id: string;
  caseNumber: string;
  created: true;
}

/** The next sequence number of a county-local day; the day's counter row is locked until the caller commits. */
export async function nextCaseSequence(q: SqlQuery, localDate: string): Promise<number> {
  const [row] = await q.query<{ last: number }>(
    `INSERT INTO case_number_counters (day, last) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last`,
    [localDate],
  );
  return Number(row!.last);
}

export async function insertCase(q: SqlQuery, cipher: PersonalDataCipher, input: NewCase, opts: { attachmentsFrom?: string | null } = {}): Promise<InsertedCase> {
  const caseNumber = formatCaseNumber(input.localDate, input.sequence ?? (await nextCaseSequence(q, input.localDate)));
  const caseId = randomUUID();
  const p = input.petitioner;
  const salt = input.queryCode ? randomBytes(16).toString('base64url') : null;
  const reps = input.representatives.length ? JSON.stringify(input.representatives.map((r) => ({ name: cipher.encrypt(r.name), phone: cipher.encryptOptional(r.phone) }))) : null;
  const at = input.receivedAt;
  const params: unknown[] = [
    // $1–$7 petitioner
    randomUUID(),
    cipher.encryptOptional(p.name),
    cipher.encryptOptional(p.phone),
    cipher.encryptOptional(p.idNumber),
    p.phone ? cipher.hash('phone', p.phone) : null,
    p.idNumber ? cipher.hash('id', p.idNumber) : null,
    at,
    // $8–$32 case
    caseId,
    caseNumber,
    input.submissionKey,
    input.queryCode && salt ? cipher.hash('query-code', `${salt}:${input.queryCode}`) : null,
    salt,
    input.origin,
    input.category,
    input.township,
    input.unit,
    input.coUnit,
    input.respondent,
    input.respondentUnits,
    input.facts,
    input.demands,
    input.address,
    input.peopleCount,
    input.priorPetition,
    reps,
    input.channel,
    input.conversationId,
    input.flags,
    input.locale,
    input.consent?.at ?? null,
    input.consent?.version ?? null,
    input.acceptDueAt,
    // $33–$36 event, holding, material
    randomUUID(),
    input.origin === 'petition' ? 'citizen' : 'staff',
    randomUUID(),
    opts.attachmentsFrom ?? null,
    // $37–$40 how many, earlier handling in words, notes, kind of ID
    input.peopleUnit ?? null,
    input.priorDetail ?? null,
    input.intakeNotes && Object.keys(input.intakeNotes).length > 0 ? JSON.stringify(input.intakeNotes) : null,
    p.idNumber ? (input.idType ?? 'resident') : null,
    // $41: material sent before this expired unattached (the prune job deletes it)
    new Date(at.getTime() - UNATTACHED_UPLOAD_TTL_MS),
    // $42–$44: a letter, visit or call registered by staff
    input.receivedOn ?? null,
    input.consentMethod ?? null,
    input.registeredBy ?? null,
    // $45: filed during a sensitive period
    input.sensitivePeriod ?? null,
  ];
  await q.query(
    `WITH p AS (
       INSERT INTO petitioners (id, name_enc, phone_enc, id_number_enc, phone_hash, id_number_hash, id_type, created_at)
       VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $40::text, $7::timestamptz)
     ), c AS (
       INSERT INTO cases (id, case_number, submission_key, query_code_hash, query_code_salt, status, origin, category, township, unit, co_unit,
                          respondent, respondent_units, facts, demands, address, people_count, prior_petition, representatives, channel,
                          conversation_id, petitioner_id, flags, locale, consent_at, consent_version, accept_due_at, created_at, updated_at,
                          people_unit, prior_detail, intake_notes, received_on, consent_method, registered_by, sensitive_period)
       VALUES ($8::uuid, $9::text, $10::text, $11::text, $12::text, 'submitted', $13::text, $14::text, $15::text, $16::text, $17::text,
               $18::text, $19::text[], $20::text, $21::text, $22::text, $23::int, $24::text, $25::text::jsonb, $26::text,
               $27::uuid, $1::uuid, $28::text[], $29::text, $30::timestamptz, $31::text, $32::timestamptz, $7::timestamptz, $7::timestamptz,
               $37::text, $38::text, $39::text::jsonb, $42::text, $43::text, $44::text::uuid, $45::text)
     ), e AS (
       INSERT INTO case_events (id, case_id, at, actor_type, actor_id, kind, public, to_status)
       VALUES ($33::uuid, $8::uuid, $7::timestamptz, $34::text, $44::text, 'submitted', true, 'submitted')
     ), h AS (
       INSERT INTO case_holdings (id, case_id, unit, staff_id, since) VALUES ($35::uuid, $8::uuid, $16::text, NULL, $7::timestamptz)
     ), a AS (
       UPDATE attachments SET case_id = $8::uuid WHERE $36::uuid IS NOT NULL AND conversation_id = $36::uuid AND case_id IS NULL
         AND created_at > $41::timestamptz
     )
     SELECT 1 AS done`,
    params,
  );
  return { id: caseId, caseNumber, created: true };
}
